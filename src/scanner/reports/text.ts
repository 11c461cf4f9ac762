/** The plain text report: one line per finding, `file:line: rule: redacted [commit]`. */
import { redactMatch } from '../redact.js';
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { requiredText } from './required.js';
import { FULL, RAW, fullShown, redactorFor, showFindings, type ScanRedactor, type ShownFinding } from './redaction.js';

function line(f: ShownFinding): string {
  const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)}, ${f.commit.author})` : '';
  const required = requiredText(f);
  return `${f.path}:${f.startLine}:${f.startColumn}: ${f.ruleId}: ${f.secret}${commit}${required ? ` [required: ${required}]` : ''}`;
}

/**
 * A finding's line for the log (redacted: prefix***, every secret of the scan out of the path,
 * author and rule), or raw for a report file when redaction is off. `red`: the scan's redactor
 * (default: one built from this finding).
 */
export function textLine(f: Finding, redact = true, red: ScanRedactor = redactorFor([f])): string {
  const how = redact ? FULL : RAW;
  const [shown] = showFindings([f], how, red);
  return shown ? red.scrub(line(shown), how) : '';
}

export function textReport(findings: readonly Finding[], ctx: ReportContext): string {
  const how = fullShown(ctx);
  const red = redactorFor(findings, ctx);
  // the whole text goes through the redactor once more: it has no escaping to get wrong
  return red.scrub(
    showFindings(findings, how, red)
      .map((f) => `${line(f)}${how.kind === 'raw' ? `\n    ${f.match}` : ''}\n`)
      .join(''),
    how,
  );
}

/** The redacted match, for logs. */
export function shownMatch(f: Finding): string {
  return redactMatch(f.match, f.secret);
}
