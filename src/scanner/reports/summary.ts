/** The step summary: counts, a findings table (redacted), what was skipped, how to fix. */
import type { Finding, Skipped } from '../types.js';
import { commitUrl, fileUrl, type ReportContext } from './context.js';
import { requiredText } from './required.js';
import { FULL, redactorFor, showFindings, type ScanRedactor } from './redaction.js';

export const SUMMARY_ROWS = 300;

export interface SummaryInput {
  findings: readonly Finding[];
  ignored: number;
  baselined: number;
  skipped: readonly Skipped[];
  ruleCount: number;
  bytes: number;
  files: number;
  commits: number;
  seconds: number;
  notes: readonly string[];
  reports: readonly string[];
}

/** Markdown-safe cell: no pipes, no newlines, no HTML, no backticks (we wrap in code). */
export function cell(text: string): string {
  return escapeCell(text);
}

function escapeCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function escapeCode(text: string): string {
  return `\`${text
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')}\``;
}

/** The summary, always fully redacted: the findings shown, then the whole markdown scrubbed once more. */
export function summaryMarkdown(s: SummaryInput, ctx: ReportContext): string {
  const red = redactorFor(s.findings, ctx);
  return red.scrub(markdown(s, ctx, red), FULL);
}

function markdown(s: SummaryInput, ctx: ReportContext, red: ScanRedactor): string {
  // every text is scrubbed before markdown escapes it (an escaped secret would slip past the final pass)
  const cell = (t: string): string => escapeCell(red.scrub(t, FULL));
  const code = (t: string): string => escapeCode(red.scrub(t, FULL));
  const n = s.findings.length;
  const out: string[] = [];
  out.push(`## ${n ? `:x: ${n} leaked secret${n === 1 ? '' : 's'} found` : ':white_check_mark: No leaked secrets'}`);
  out.push('');
  const mb = (s.bytes / 1048576).toFixed(1);
  const what = [
    `${ctx.target}`,
    s.commits ? `${s.commits} commit${s.commits === 1 ? '' : 's'}` : '',
    `${s.files} file${s.files === 1 ? '' : 's'}${s.commits ? ' changes' : ''}`,
    `${mb} MB`,
    `${s.ruleCount} rules`,
    `${s.seconds.toFixed(1)} s`,
  ].filter(Boolean);
  out.push(`Scanned ${red.scrub(what.join(', '), FULL)}.`);
  if (s.ignored) out.push(`${s.ignored} finding${s.ignored === 1 ? '' : 's'} ignored by .gitleaksignore.`);
  if (s.baselined) out.push(`${s.baselined} finding${s.baselined === 1 ? '' : 's'} already in the baseline.`);
  for (const note of s.notes) out.push(`- ${cell(note)}`);
  const v = ctx.verified && ctx.verified.size ? ctx.verified : undefined;
  if (n) {
    out.push('', `| rule | location | commit | secret |${v ? ' verified |' : ''}`, `| --- | --- | --- | --- |${v ? ' --- |' : ''}`);
    for (const f of showFindings(s.findings.slice(0, SUMMARY_ROWS), FULL, red, v)) {
      const sha = f.commit?.sha ?? '';
      const where = `${f.path}:${f.startLine}`;
      // no link when the path holds a secret: the summary is prose, and a URL would carry the path percent-encoded
      const link = sha && f.path === f.rawPath ? fileUrl(ctx, sha, f.rawPath, f.startLine) : '';
      const loc = link ? `[${cell(where)}](${link})` : code(where);
      const curl = commitUrl(ctx, sha);
      const commit = sha ? (curl ? `[${sha.slice(0, 7)}](${curl})` : code(sha.slice(0, 7))) : '';
      const status = v ? ` ${f.verified === 'live' ? ':red_circle: live' : (f.verified ?? 'not checked')} |` : '';
      const required = requiredText(f);
      out.push(
        `| ${cell(f.ruleId)}${required ? ` (with ${cell(required)})` : ''} | ${loc} | ${commit} | ${f.hasSecret ? code(f.secret) : cell(f.description)} |${status}`,
      );
    }
    if (n > SUMMARY_ROWS) out.push('', `…and ${n - SUMMARY_ROWS} more: see the report files.`);
    out.push(
      '',
      '**What to do:** revoke and rotate each secret first (it is in the history even after you delete it), then remove it from the code. A false positive can be ignored by adding its fingerprint to `.gitleaksignore` (see the JSON report) or with a `gitleaks:allow` comment on the line.',
    );
  }
  if (s.skipped.length) {
    out.push('', `<details><summary>${s.skipped.length} skipped</summary>`, '');
    for (const k of s.skipped.slice(0, 50)) out.push(`- ${code(k.path)}: ${cell(k.reason)}`);
    if (s.skipped.length > 50) out.push(`- …and ${s.skipped.length - 50} more`);
    out.push('', '</details>');
  }
  if (s.reports.length) out.push('', `Reports: ${s.reports.map(code).join(', ')}`);
  return `${out.join('\n')}\n`;
}
