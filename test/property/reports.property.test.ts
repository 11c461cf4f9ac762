/**
 * Redaction as a property of the report writers: findings whose secrets are 2,500 generated
 * values, grouped into commits and files, whose commit messages, authors, emails, lines
 * (matches), descriptions and required parts hold other findings' secrets from the same
 * commit or file. Every format (JSON, SARIF, GitLab, text, CSV, JUnit, also with gitleaks'
 * --redact=100), the step summary, the annotations, the log lines and the review comments must
 * show none of them: not raw, not JSON-escaped as JSON.stringify writes, not XML-escaped, not
 * CSV-quoted, not as the summary's Markdown cells write them. The one display allowed is
 * gitleaks' own: the first 4 characters of a secret of 16 or more, then *** (unless those 4
 * characters are a whole secret of the scan).
 *
 * Unit level, on src/ (the writers as gitleaks-scan calls them, with one scan-wide redactor),
 * plus one end-to-end run of `pipeline-secrets scan` over a git history.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/scanner/types.js';
import { FORMATS, render } from '../../src/scanner/reports/index.js';
import type { ReportContext } from '../../src/scanner/reports/context.js';
import { summaryMarkdown } from '../../src/scanner/reports/summary.js';
import { findingAnnotations } from '../../src/scanner/reports/annotations.js';
import { textLine } from '../../src/scanner/reports/text.js';
import { commentBody } from '../../src/scanner/reports/review-comments.js';
import { ScanRedactor } from '../../src/scanner/reports/redaction.js';
import { runCli } from '../runner/cli.js';
import { commit as gitCommit, newRepo, tmp } from '../e2e/scan-helpers.js';
import { MIN_MASK_LENGTH, PEM_ARMOUR, jsonJs, lines, maskable, nonSpace, type Form } from './encoders.js';
import { generateValues, prng, type GenValue } from './generator.js';
import { NeedleIndex, excerpt, summarize, type Leak } from './check.js';
import { NeedleSet, replaceRanges } from './search.js';

const all = generateValues();
/** every fourth value: the secrets of the findings */
const secrets = all.filter((g) => g.id % 4 === 3 && maskable(g.value));
const PER_RENDER = 150;

/** XML 1.0 text as any writer must write it: control characters cannot appear, & < > " ' escaped. */
function xml(s: string): string {
  return s
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
/** a CSV field's inside: quotes doubled */
const csv = (s: string): string => s.replace(/"/g, '""');
/** a Markdown table cell and a code span as the summary writes them (newlines as spaces, | escaped) */
const mdCell = (s: string): string =>
  s
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const mdCode = (s: string): string =>
  s
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|');

/** What must not appear of a secret in a report: it and each line of it, in every report encoding. */
function reportNeedles(value: string): Form[] {
  const out: Form[] = [];
  const seen = new Set<string>();
  const bases: [string, string][] = [['secret', value]];
  const ls = lines(value);
  if (ls.length > 1)
    ls.forEach((l, i) => {
      bases.push([`line ${i + 1}`, l.trim()]);
    });
  for (const [what, b] of bases) {
    if (nonSpace(b) < MIN_MASK_LENGTH) continue;
    // PEM armour is the key type's, not the secret's
    if (what !== 'secret' && PEM_ARMOUR.test(b)) continue;
    for (const [enc, f] of ENCODINGS) {
      const t = f(b);
      if (nonSpace(t) < MIN_MASK_LENGTH || seen.has(t)) continue;
      seen.add(t);
      out.push({ name: `${what} ${enc}`, text: t });
    }
  }
  return out;
}

const ENCODINGS: readonly (readonly [string, (s: string) => string])[] = [
  ['raw', (s) => s],
  ['json', jsonJs],
  ['xml', xml],
  ['xml of json', (s) => xml(jsonJs(s))],
  ['csv', csv],
  ['markdown cell', mdCell],
  ['markdown code', mdCode],
];

/**
 * The one display of a secret the reports may show, as gitleaks does: the first 4 characters
 * of a secret of 16 or more, then ***. Taken out of a text before it is searched (a line of
 * another secret, "100%", may equal such a prefix), unless those 4 characters are a whole
 * secret of the scan.
 */
function withoutPrefixDisplays(texts: readonly [string, string][], scanSecrets: readonly string[]): [string, string][] {
  const whole = new Set(scanSecrets);
  const displays = new Set<string>();
  for (const y of scanSecrets) {
    if (y.length < 16) continue;
    for (const p of [y.slice(0, 4), [...y].slice(0, 4).join('')]) {
      if (whole.has(p)) continue;
      for (const [, enc] of ENCODINGS) displays.add(`${enc(p)}***`);
    }
  }
  const set = new NeedleSet([...displays]);
  return texts.map(([where, text]) => {
    const ranges: [number, number][] = [];
    set.each(text, (k, start) => ranges.push([start, start + (set.needles[k]?.length ?? 0)]));
    return [where, replaceRanges(text, ranges)];
  });
}

const RULES = [
  { id: 'generic-api-key', description: 'Detected a Generic API Key, potentially exposing access to various services and sensitive operations.' },
  {
    id: 'aws-access-token',
    description: 'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.',
  },
  { id: 'private-key', description: 'Identified a Private Key, which may compromise cryptographic security and sensitive data encryption.' },
  {
    id: 'github-pat',
    description: 'Uncovered a GitHub Personal Access Token, potentially leading to unauthorized repository access and sensitive content exposure.',
  },
];

/**
 * Findings for one render: groups of 1-5 secrets share a commit (or, without one, a file); each
 * finding's line may hold a neighbour's secret, and the commit's message, author, email, a
 * description or a required part hold the group's secrets.
 */
function findingsFor(batch: readonly GenValue[], seed: number): Finding[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: Finding[] = [];
  for (let i = 0, group = 0; i < batch.length; group++) {
    const members = batch.slice(i, i + 1 + Math.floor(r() * 5));
    i += members.length;
    const ss = members.map((g) => g.value);
    const inHistory = r() < 0.8;
    const sha = Array.from({ length: 40 }, () => '0123456789abcdef'.charAt(Math.floor(r() * 16))).join('');
    const path = `config/app-${seed}-${group}.env`;
    const c = inHistory
      ? {
          sha,
          author: r() < 0.2 ? `Dev ${pick(ss)}` : 'Dev Person',
          email: r() < 0.2 ? `${pick(ss)}@example.com` : 'dev@example.com',
          date: '2026-01-02T03:04:05Z',
          message: r() < 0.7 ? `add settings ${pick(ss)}\n\nand ${pick(ss)} for staging` : 'add settings',
        }
      : undefined;
    members.forEach((g, k) => {
      const rule = pick(RULES);
      const other = ss[(k + 1) % ss.length] ?? g.value;
      const match = r() < 0.35 && other !== g.value ? `user=${other} password="${g.value}"` : `password = "${g.value}"`;
      const line = 1 + Math.floor(r() * 200);
      const f: Finding = {
        ruleId: rule.id,
        description: r() < 0.1 ? `${rule.description} Seen next to ${other}.` : rule.description,
        path,
        startLine: line,
        endLine: line + lines(match).length - 1,
        startColumn: 1,
        endColumn: 10,
        match,
        secret: g.value,
        entropy: 4.2,
        tags: ['key'],
        fingerprint: `${c ? `${sha}:` : ''}${path}:${rule.id}:${line}`,
        ...(c ? { commit: c } : {}),
        ...(r() < 0.15 && other !== g.value
          ? {
              requiredFindings: [
                { ruleId: 'generic-username', startLine: line, endLine: line, startColumn: 1, endColumn: 5, match: `user=${other}`, secret: other },
              ],
            }
          : {}),
      };
      out.push(f);
    });
  }
  return out;
}

function context(findings: readonly Finding[], extra: Partial<ReportContext> = {}): ReportContext {
  const verified = new Map(findings.filter((_, i) => i % 7 === 0).map((f) => [f, 'live' as const]));
  return {
    toolName: 'pipeline-secrets',
    toolVersion: '1.0.0',
    informationUri: 'https://example.com/pipeline-secrets',
    started: new Date(0),
    finished: new Date(1000),
    serverUrl: 'https://github.com',
    repository: 'octo-org/octo-repo',
    redact: true,
    target: 'the history of octo-org/octo-repo',
    skipped: [{ path: 'big.bin', reason: 'too large' }],
    verified,
    ...extra,
  };
}

/** Every text the report writers produce for these findings, by where it goes. */
function everything(findings: readonly Finding[]): [string, string][] {
  const ctx = context(findings);
  const red = ScanRedactor.fromFindings(findings);
  const out: [string, string][] = [];
  for (const format of FORMATS) out.push([format, render(format, findings, ctx)]);
  for (const format of ['json', 'csv', 'junit'] as const)
    out.push([`${format} --redact=100`, render(format, findings, context(findings, { redactPercent: 100 }))]);
  out.push([
    'summary',
    summaryMarkdown(
      {
        findings,
        ignored: 0,
        baselined: 0,
        skipped: [],
        ruleCount: RULES.length,
        bytes: 1 << 20,
        files: 20,
        commits: 10,
        seconds: 1.5,
        notes: [],
        reports: [],
      },
      ctx,
    ),
  ]);
  out.push([
    'annotations',
    findingAnnotations(findings, findings.length, red)
      .map((a) => [a.title ?? '', a.message, a.file ?? ''].join('\n'))
      .join('\n'),
  ]);
  out.push(['log lines', findings.map((f) => textLine(f, true, red)).join('\n')]);
  out.push(['review comments', findings.map((f) => commentBody(f, ['octocat'], red)).join('\n')]);
  return out;
}

function lengthClass(v: string): string {
  return v.length < 6 ? 'secret under 6 characters' : v.length < 8 ? 'secret of 6-7 characters' : 'secret of 8+ characters';
}

const show = (l: Leak): string => `#${l.id} ${all[l.id]?.cls ?? ''} "${l.form}" in ${l.where}: secret ${excerpt(all[l.id]?.value ?? '')}`;

describe('report redaction as a property', () => {
  it(`${secrets.length.toLocaleString('en')} secrets in ${Math.ceil(secrets.length / PER_RENDER)} scans: no report, summary, annotation, log line or review comment shows any of them`, () => {
    expect(secrets.length).toBeGreaterThanOrEqual(2400);
    const started = Date.now();
    const leaks: Leak[] = [];
    let collisions: string[] = [];
    for (let i = 0; i < secrets.length; i += PER_RENDER) {
      const batch = secrets.slice(i, i + PER_RENDER);
      const findings = findingsFor(batch, i);
      const index = new NeedleIndex(batch.map((g) => ({ id: g.id, cls: lengthClass(g.value), needles: reportNeedles(g.value) })));
      // the reports' own words (a render of a few findings without secrets) and the commit ids and
      // paths: a needle found there is no leak but a collision of the test's data
      const control = everything(
        findingsFor(
          batch.slice(0, 12).map((g) => ({ ...g, value: `S${g.id}-placeholder` })),
          i,
        ),
      );
      control.push(['ids', findings.map((f) => `${f.commit?.sha ?? ''} ${f.path} ${f.fingerprint}`).join('\n')]);
      const noise = new Set(control.flatMap(([where, text]) => index.leaks(text, where)).map((l) => `${l.id}|${l.form}`));
      collisions = [...collisions, ...noise];
      for (const [where, text] of withoutPrefixDisplays(
        everything(findings),
        batch.map((g) => g.value),
      ))
        leaks.push(...index.leaks(text, where).filter((l) => !noise.has(`${l.id}|${l.form}`)));
    }
    process.stdout.write(`reports property: ${secrets.length} secrets, ${leaks.length} leaks, ${Date.now() - started} ms\n`);
    // a collision of a generated secret with the reports' fixed words would hide a leak: there are none
    expect(collisions).toEqual([]);
    expect(summarize(leaks, show)).toEqual(expect.objectContaining({ count: 0 }));
  }, 120_000);

  it("end to end: `pipeline-secrets scan --history` over commits whose messages name each other's secrets writes every report format redacted", async () => {
    // a rule that finds the generated values (single-line ones without its delimiters) between « and »
    const chosen = all
      .filter((g) => g.id % 4 === 2 && maskable(g.value) && !/[\r\n«»\x00-\x08\x0b-\x1f\x7f]/.test(g.value) && g.value.length >= 8)
      .slice(0, 120);
    const config = [
      '[[rules]]',
      'id = "prop-secret"',
      'description = "A generated secret"',
      "regex = '''psx[0-9]{5}=«([^«»\\n]+)»'''",
      'secretGroup = 1',
      '',
    ].join('\n');
    const { root } = newRepo('prop-scan', config);
    for (let i = 0; i < chosen.length; i += 4) {
      const group = chosen.slice(i, i + 4);
      const files: Record<string, string> = {};
      for (const g of group) files[`conf/${g.id}.env`] = `psx${String(g.id).padStart(5, '0')}=«${g.value}»\n`;
      gitCommit(root, `add ${group.map((g) => g.value).join(' and ')}`, files);
    }
    const out = tmp('prop-reports');
    const run = await runCli(['scan', '--history', '--format', 'json,sarif,gitlab,text,csv,junit', '--report', join(out, 'report.json'), root], {
      env: { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' },
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(1);
    const index = new NeedleIndex(chosen.map((g) => ({ id: g.id, cls: lengthClass(g.value), needles: reportNeedles(g.value) })));
    const texts: [string, string][] = [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
      ...readdirSync(out).map((f): [string, string] => [f, readFileSync(join(out, f), 'utf8')]),
    ];
    expect(texts.length).toBeGreaterThanOrEqual(8);
    // every secret was found (each report holds a finding per secret), and none is shown
    const found = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { RuleID: string; File: string; Commit: string }[];
    // (a value holding %XX is found a second time, URL-decoded, by the scanner's decoding)
    expect([...new Set(found.filter((f) => f.RuleID === 'prop-secret').map((f) => f.File))].sort()).toEqual(chosen.map((g) => `conf/${g.id}.env`).sort());
    const leaks = withoutPrefixDisplays(
      texts,
      chosen.map((g) => g.value),
    ).flatMap(([where, text]) => index.leaks(text, where));
    expect(summarize(leaks, show)).toEqual(expect.objectContaining({ count: 0 }));
  }, 90_000);
});
