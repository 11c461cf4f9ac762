/** The plain text report: one line per finding, `file:line: rule: redacted [commit]`. */
import { redactMatch, redactSecret } from '../redact.js';
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { requiredText } from './required.js';

export function textLine(f: Finding, redact = true): string {
  const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)}, ${f.commit.author})` : '';
  const required = requiredText(f);
  return `${f.path}:${f.startLine}:${f.startColumn}: ${f.ruleId}: ${redact ? redactSecret(f.secret) : f.secret}${commit}${required ? ` [required: ${required}]` : ''}`;
}

export function textReport(findings: readonly Finding[], ctx: ReportContext): string {
  return findings.map((f) => `${textLine(f, ctx.redact)}${ctx.redact ? '' : `\n    ${f.match}`}\n`).join('');
}

/** The redacted match, for logs. */
export function shownMatch(f: Finding): string {
  return redactMatch(f.match, f.secret);
}
