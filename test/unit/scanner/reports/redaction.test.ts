/**
 * Redaction is a property of the report writers: every secret the scan found is redacted from
 * every free-text field of every format, not only from the fields of the finding that holds it.
 * The secrets carry `"`, `\`, `<`, `&`, `,`, newlines and non-ASCII, so each is also looked for
 * in its JSON-escaped, XML-escaped and CSV-quoted forms.
 */
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { FORMATS, render } from '../../../../src/scanner/reports/index.js';
import { summaryMarkdown } from '../../../../src/scanner/reports/summary.js';
import { findingAnnotations, findingMessage } from '../../../../src/scanner/reports/annotations.js';
import { commentBody } from '../../../../src/scanner/reports/review-comments.js';
import { textLine } from '../../../../src/scanner/reports/text.js';
import { xmlEscape } from '../../../../src/scanner/reports/junit.js';
import { ScanRedactor, SCAN_WIDE_MIN } from '../../../../src/scanner/reports/redaction.js';
import type { ReportContext } from '../../../../src/scanner/reports/context.js';
import { redactPercent, redactSecret } from '../../../../src/scanner/redact.js';
import type { CommitInfo, Finding } from '../../../../src/scanner/types.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function rand(n: number): string {
  let s = '';
  for (const b of randomBytes(n)) s += ALNUM[b % ALNUM.length];
  return s;
}

/**
 * Every form of a secret a report could carry: raw, JSON-escaped, XML-escaped (and both, the
 * JUnit body), CSV-quoted, markdown-escaped (summary cells and code spans), with control
 * characters made printable (log lines); each long line of it alike.
 */
function forms(secret: string): string[] {
  const json = (s: string): string => JSON.stringify(s).slice(1, -1);
  const cell = (s: string): string =>
    s
      .replace(/[\r\n]+/g, ' ')
      .replace(/\|/g, '\\|')
      .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
  const code = (s: string): string =>
    s
      .replace(/`/g, "'")
      .replace(/[\r\n]+/g, ' ')
      .replace(/\|/g, '\\|');
  const printable = (s: string): string => s.replace(/[\x00-\x1f\x7f]/g, '?');
  const out = new Set<string>();
  for (const s of [secret, ...secret.split(/\r?\n/).filter((l) => l.length >= 8)]) {
    for (const f of [s, json(s), xmlEscape(s), xmlEscape(json(s)), s.replace(/"/g, '""'), cell(s), code(s), printable(s)]) out.add(f);
  }
  return [...out];
}

function leaked(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => forms(s).some((f) => text.includes(f)));
}

const ctx0: ReportContext = {
  toolName: 'pipeline-secrets',
  toolVersion: '1.0.0',
  informationUri: 'https://example.test/ps',
  started: new Date(0),
  finished: new Date(2000),
  serverUrl: 'https://github.example.test',
  repository: 'o/r',
  redact: true,
  target: 'a commit range',
  skipped: [],
};

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'rule',
    description: 'a rule',
    path: 'app/config.env',
    startLine: 1,
    endLine: 1,
    startColumn: 1,
    endColumn: 10,
    match: '',
    secret: '',
    entropy: 4,
    tags: ['t'],
    fingerprint: 'fp',
    ...over,
  };
}

/** One commit that adds several secrets; its message, author and email name secrets of other findings. */
function scenario(): { findings: Finding[]; secrets: Record<string, string>; ignoredSecret: string; ignored: Finding } {
  const s = {
    quote: `Qx"${rand(8)}\\${rand(6)}<&,${rand(4)}`,
    multi: `MLA-${rand(16)}\nMLB-${rand(16)}\n`,
    unicode: `U\u00e9\u20ac\ud83d\ude00-${rand(14)}`,
    author: `au,th"${rand(14)}`,
    email: `em<${rand(14)}>`,
    desc: `de&sc${rand(14)}`,
    line: `ln\\\\${rand(14)}`,
    part: `pa\n${rand(12)}rt-${rand(10)}`,
    secretless: `zz_${rand(20)}`,
  };
  const ignoredSecret = `ig"${rand(20)}`;
  const sha = 'c'.repeat(40);
  const commit: CommitInfo = {
    sha,
    author: `Mallory ${s.author}`,
    email: `m.${s.email}@example.test`,
    date: '2026-01-02T03:04:05Z',
    message: `add ${s.quote} and ${s.multi} then ${s.unicode}, ${s.part}, ${s.secretless}, old ${ignoredSecret}`,
  };
  const at = (i: number, over: Partial<Finding>): Finding =>
    finding({ commit, startLine: i, endLine: i, fingerprint: `${sha}:app/config.env:rule:${i}`, ...over });
  const findings = [
    at(1, { ruleId: 'quote', secret: s.quote, match: `Q=${s.quote}` }),
    at(2, { ruleId: 'multi', secret: s.multi, match: `M=${s.multi}`, endLine: 4 }),
    at(5, { ruleId: 'unicode', secret: s.unicode, match: `U=${s.unicode}` }),
    at(6, { ruleId: 'author', secret: s.author, match: `A=${s.author}` }),
    at(7, { ruleId: 'email', secret: s.email, match: `E=${s.email}` }),
    // a description holding another finding's secret (a guard label, a generated rule)
    at(8, { ruleId: 'desc', secret: s.desc, match: `D=${s.desc}`, description: `found near ${s.line}` }),
    // a line holding another finding's secret besides its own
    at(9, { ruleId: 'line', secret: s.line, match: `L=${s.line} # was ${s.desc}` }),
    // a composite finding: its required part's secret is named by the message
    at(10, {
      ruleId: 'composite',
      secret: `co${rand(18)}`,
      match: 'C=…',
      requiredFindings: [{ ruleId: 'part', startLine: 11, endLine: 12, startColumn: 1, endColumn: 4, match: s.part, secret: s.part }],
    }),
    // a regex finding whose secret group matched nothing: the match is the secret
    at(13, { ruleId: 'secretless', secret: '', match: s.secretless }),
  ];
  const ignored = at(20, { ruleId: 'ignored', secret: ignoredSecret, match: ignoredSecret });
  const secrets: Record<string, string> = { ...s, composite: findings[7]?.secret ?? '' };
  return { findings, secrets, ignoredSecret, ignored };
}

describe('every report redacts every secret of the scan in every field', () => {
  const { findings, secrets, ignoredSecret, ignored } = scenario();
  const all = [...Object.values(secrets), ignoredSecret];
  const redactor = ScanRedactor.fromFindings([...findings, ignored]);
  const ctx: ReportContext = { ...ctx0, redactor };

  it.each(FORMATS)('%s', (format) => {
    const out = render(format, findings, ctx);
    expect(leaked(out, all)).toEqual([]);
    if (format === 'json' || format === 'sarif' || format === 'gitlab') expect(() => JSON.parse(out) as unknown).not.toThrow();
    if (format === 'junit') expect(out.match(/<failure /g)).toHaveLength(findings.length);
    if (format === 'csv') expect(out.split('\n').filter((l) => /^[a-z]+,c{40},/.test(l))).toHaveLength(findings.length);
  });

  it('the commit message shows each secret it names as prefix*** in every finding of the commit, not only in the one that owns it', () => {
    const json = JSON.parse(render('json', findings, ctx)) as {
      RuleID: string;
      Message: string;
      Author: string;
      Email: string;
      Description: string;
      Match: string;
      Secret: string;
    }[];
    const messages = new Set(json.map((j) => j.Message));
    expect(messages.size).toBe(1);
    const [m] = [...messages];
    expect(m).toContain(`add ${redactSecret(secrets['quote'] ?? '')} and `);
    expect(m).toContain(`, ${redactSecret(secrets['secretless'] ?? '')}, old ${redactSecret(ignoredSecret)}`);
    const byRule = Object.fromEntries(json.map((j) => [j.RuleID, j]));
    expect(byRule['quote']?.Author).toBe(`Mallory ${redactSecret(secrets['author'] ?? '')}`);
    expect(byRule['quote']?.Email).toBe(`m.${redactSecret(secrets['email'] ?? '')}@example.test`);
    expect(byRule['desc']?.Description).toBe(`found near ${redactSecret(secrets['line'] ?? '')}`);
    expect(byRule['line']?.Match).toBe(`L=${redactSecret(secrets['line'] ?? '')} # was ${redactSecret(secrets['desc'] ?? '')}`);
    // gitleaks' own fields keep their meaning
    expect(byRule['quote']?.Secret).toBe(redactSecret(secrets['quote'] ?? ''));
    expect(byRule['secretless']?.Match).toBe(redactSecret(secrets['secretless'] ?? ''));
    expect(byRule['secretless']?.Secret).toBe('***');
  });

  it('the summary, annotations, log lines and review comments', () => {
    const md = summaryMarkdown(
      {
        findings,
        ignored: 1,
        baselined: 0,
        skipped: [],
        ruleCount: 9,
        bytes: 100,
        files: 1,
        commits: 1,
        seconds: 0.1,
        notes: [`note ${secrets['quote'] ?? ''}`],
        reports: [],
      },
      ctx,
    );
    expect(leaked(md, all)).toEqual([]);
    expect(md).toContain(`note ${redactSecret(secrets['quote'] ?? '')}`);
    const anns = findingAnnotations(findings, 10, redactor);
    expect(leaked(JSON.stringify(anns), all)).toEqual([]);
    expect(anns[0]?.message).toContain(`by Mallory ${redactSecret(secrets['author'] ?? '')}`);
    for (const f of findings) {
      for (const text of [textLine(f, true, redactor), findingMessage(f, redactor), commentBody(f, ['octocat'], redactor)])
        expect(leaked(text, all)).toEqual([]);
    }
    // called without the scan's redactor, a writer still redacts what the findings it gets hold
    const own = findings.slice(0, 4);
    const ownSecrets = own.map((f) => f.secret);
    expect(leaked(render('sarif', own, ctx0), ownSecrets)).toEqual([]);
    expect(leaked(textLine(own[3] ?? finding({})), ownSecrets)).toEqual([]);
    expect(leaked(JSON.stringify(findingAnnotations(own)), ownSecrets)).toEqual([]);
  });

  it('redact: N shows N percent of every secret in every gitleaks-shaped field; SARIF and GitLab stay fully redacted', () => {
    const half: ReportContext = { ...ctx, redactPercent: 50 };
    const wholes = all.filter((s) => !s.includes('\n'));
    for (const format of FORMATS) expect(leaked(render(format, findings, half), wholes)).toEqual([]);
    const json = JSON.parse(render('json', findings, half)) as { RuleID: string; Message: string; Author: string; Match: string; Secret: string }[];
    const q = json.find((j) => j.RuleID === 'quote');
    expect(q?.Secret).toBe(redactPercent(secrets['quote'] ?? '', 50));
    expect(q?.Match).toBe(`Q=${redactPercent(secrets['quote'] ?? '', 50)}`);
    expect(q?.Message).toContain(`add ${redactPercent(secrets['quote'] ?? '', 50)} and ${redactPercent(secrets['multi'] ?? '', 50)} then`);
    expect(q?.Author).toBe(`Mallory ${redactPercent(secrets['author'] ?? '', 50)}`);
    // a multi-line secret's shown half keeps its first line, as gitleaks does: the final pass does not cut it again
    const m = json.find((j) => j.RuleID === 'multi');
    expect(m?.Secret).toBe(redactPercent(secrets['multi'] ?? '', 50));
    expect(m?.Match).toBe(`M=${redactPercent(secrets['multi'] ?? '', 50)}`);
    const sarif = render('sarif', findings, half);
    expect(leaked(sarif, all)).toEqual([]);
    expect(sarif).toContain(JSON.stringify(`add ${redactSecret(secrets['quote'] ?? '')}`).slice(1, -1));
    // redact: 0 is the secret in full (gitleaks), once: the final pass does not append a second "..."
    const zero = JSON.parse(render('json', findings, { ...ctx, redactPercent: 0 })) as { RuleID: string; Secret: string; Match: string }[];
    expect(zero.find((j) => j.RuleID === 'quote')?.Match).toBe(`Q=${secrets['quote'] ?? ''}...`);
  });

  it('redact: false leaves the report files raw; a report to the log (redact: true) stays redacted', () => {
    const raw: ReportContext = { ...ctx, redact: false };
    const json = JSON.parse(render('json', findings, raw)) as { RuleID: string; Message: string; Secret: string }[];
    expect(json[0]?.Secret).toBe(secrets['quote']);
    expect(json[0]?.Message).toContain(secrets['quote']);
    expect(render('text', findings, raw)).toContain(secrets['line']);
    expect(leaked(render('text', findings, { ...raw, redact: true }), all)).toEqual([]);
  });
});

describe('a secret in a file name', () => {
  const secret = `gen${rand(20)}`;
  const path = `build/${secret}.json`;
  const f = finding({
    path,
    secret,
    match: `k=${secret}`,
    fingerprint: `${path}:rule:1`,
    commit: { sha: 'd'.repeat(40), author: 'a', email: 'e', date: 'd', message: 'm' },
  });
  it('stays in the locators (File, Fingerprint, IgnoreKey, uri, location.file, file attribute) and leaves every prose field', () => {
    const json = JSON.parse(render('json', [f], ctx0)) as { File: string; Fingerprint: string; IgnoreKey: string; Link: string }[];
    expect(json[0]?.File).toBe(path);
    expect(json[0]?.Fingerprint).toBe(`${path}:rule:1`);
    expect(json[0]?.IgnoreKey.startsWith(`${path}:rule:`)).toBe(true);
    const sarif = JSON.parse(render('sarif', [f], ctx0)) as {
      runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const r = sarif.runs[0]?.results[0];
    expect(r?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(path);
    expect(r?.message.text).toBe(`rule has detected a secret in build/${redactSecret(secret)}.json (commit dddddddddddd).`);
    const gl = JSON.parse(render('gitlab', [f], ctx0)) as { vulnerabilities: { description: string; location: { file: string } }[] };
    expect(gl.vulnerabilities[0]?.location.file).toBe(path);
    expect(gl.vulnerabilities[0]?.description.includes(secret)).toBe(false);
    const junit = render('junit', [f], ctx0);
    expect(junit).toContain(`file="${path}"`);
    expect(junit).toContain(`name="rule has detected a secret in file build/${redactSecret(secret)}.json, line 1, at commit ${'d'.repeat(40)}."`);
    for (const text of [render('text', [f], ctx0), textLine(f), findingMessage(f), commentBody(f)]) expect(text.includes(secret)).toBe(false);
    const [a] = findingAnnotations([f]);
    expect(a?.file).toBe(path);
  });
});

describe('the scan-wide redactor', () => {
  it('has a floor: a secret under 4 characters is redacted in its own finding only, never blanks other findings', () => {
    const commit: CommitInfo = { sha: 'e'.repeat(40), author: 'abc def', email: 'abc@x', date: 'd', message: 'fix abc' };
    const short = finding({ secret: 'abc', match: 'pin=abc', commit });
    const other = finding({ secret: `o${rand(20)}`, match: 'x', commit, startLine: 2 });
    const json = JSON.parse(render('json', [short, other], ctx0)) as { Message: string; Author: string; Match: string }[];
    expect(json[0]?.Match).toBe('pin=***');
    expect(json[0]?.Message).toBe('fix ***');
    expect(json[1]?.Message).toBe('fix abc');
    expect(json[1]?.Author).toBe('abc def');
    expect(ScanRedactor.fromFindings([short]).size).toBe(0);
    expect('abcdef'.length).toBe(SCAN_WIDE_MIN);
  });

  it('redacts a secret of 4 or 5 characters in every text of its own commit, and nowhere else', () => {
    const commit: CommitInfo = { sha: 'e'.repeat(40), author: 'w9Zq def', email: 'w9Zq@x', date: 'd', message: 'fix w9Zq' };
    const later: CommitInfo = { sha: 'f'.repeat(40), author: 'w9Zq def', email: 'a@x', date: 'd', message: 'fix w9Zq' };
    const short = finding({ secret: 'w9Zq', match: 'pin=w9Zq', commit });
    const other = finding({ secret: `o${rand(20)}`, match: 'x w9Zq', commit, startLine: 2 });
    const elsewhere = finding({ secret: `p${rand(20)}`, match: 'x', commit: later, startLine: 3 });
    const json = JSON.parse(render('json', [short, other, elsewhere], ctx0)) as { Message: string; Author: string; Email: string; Match: string }[];
    expect(json[1]?.Message).toBe('fix ***');
    expect(json[1]?.Author).toBe('*** def');
    expect(json[1]?.Email).toBe('***@x');
    expect(json[1]?.Match).not.toContain('w9Zq');
    expect(json[2]?.Message).toBe('fix w9Zq');
    const red = ScanRedactor.fromFindings([short, other, elsewhere]);
    expect(textLine(other, true, red)).not.toContain('w9Zq');
  });

  it('finds the longest secret first, every occurrence, at any place, and leaves other text as it is', () => {
    const a = `k${rand(20)}`;
    const b = `${a}${rand(5)}`;
    const red = ScanRedactor.fromFindings([finding({ secret: a }), finding({ secret: b })]);
    expect(red.scrub(`${b}|${a}${a}.`, { kind: 'full' })).toBe(`${redactSecret(b)}|${redactSecret(a)}${redactSecret(a)}.`);
    expect(red.scrub('nothing here at all', { kind: 'full' })).toBe('nothing here at all');
    expect(red.scrub(a.slice(0, -1), { kind: 'full' })).toBe(a.slice(0, -1));
    expect(red.holds(`x${a}`)).toBe(true);
  });

  it("tells apart thousands of secrets that share a prefix, short and long (one provider's tokens, PEM keys)", () => {
    const p = ['tok', 'live', ''].join('_');
    const shorts = Array.from({ length: 2000 }, (_, i) => `${p}${rand(8 + (i % 13))}`);
    const head = `-----BEGIN KEY-----${'M'.repeat(50)}`;
    const long1 = `${head}${rand(30)}`;
    const long2 = `${long1.slice(0, 64)}${rand(40)}`;
    const ext = `${shorts[5] ?? ''}${rand(6)}`;
    const red = ScanRedactor.fromFindings([...shorts, long1, long2, ext].map((secret) => finding({ secret })));
    const text = `a ${shorts[1999] ?? ''} b ${ext} c ${long2} d ${long1} e ${shorts[5] ?? ''}. ${p}notone`;
    expect(red.scrub(text, { kind: 'full' })).toBe(
      `a ${redactSecret(shorts[1999] ?? '')} b ${redactSecret(ext)} c ${redactSecret(long2)} d ${redactSecret(long1)} e ${redactSecret(shorts[5] ?? '')}. ${p}notone`,
    );
  });

  it('leaves no tail of a secret that overlaps another one', () => {
    const tail = rand(16);
    const a = `foo-${rand(6)}`;
    const b = `${a.slice(4)}${tail}`;
    const red = ScanRedactor.fromFindings([finding({ secret: a }), finding({ secret: b })]);
    expect(red.scrub(`x ${a}${tail} y ${b} z`, { kind: 'full' })).toBe(`x *** y ${redactSecret(b)} z`);
  });

  it('redacts each long line of a multi-line secret wherever it shows up alone', () => {
    const lines = [`-----BEGIN KEY-----`, `L1${rand(40)}`, `L2${rand(40)}`, `==`, `-----END KEY-----`];
    const key = lines.join('\n');
    const red = ScanRedactor.fromFindings([finding({ secret: key })]);
    const out = red.scrub(`msg: ${lines[2] ?? ''} and == end`, { kind: 'full' });
    expect(out).toBe('msg: *** and == end');
  });

  it("stays linear: thousands of secrets, each named in every other finding's message, render in one pass each", () => {
    const n = 3000;
    const secrets = Array.from({ length: n }, () => `s${rand(23)}`);
    const message = `rotate ${secrets.slice(0, 50).join(' ')}`;
    const commit: CommitInfo = { sha: 'f'.repeat(40), author: 'a', email: 'e', date: 'd', message };
    const findings = secrets.map((secret, i) => finding({ secret, match: `K=${secret}`, startLine: i + 1, commit }));
    const out = render('json', findings, ctx0);
    const known = new Set(secrets);
    expect((out.match(/s[A-Za-z0-9]{23}/g) ?? []).filter((x) => known.has(x))).toEqual([]);
    expect(out.split(`rotate ${secrets.slice(0, 50).map(redactSecret).join(' ')}`)).toHaveLength(n + 1);
  });
});
