/**
 * Guard findings in the scanner's Finding shape (src/scanner/types.ts), so gitleaks-scan can
 * send them through the same reports, annotations and summary as rule findings. The guard
 * never holds the value: `match` and `secret` are empty, so no report can print it, whatever
 * its redaction setting.
 */
import type { Finding } from '../scanner/types.js';
import type { GuardFinding } from './matcher.js';

export const INJECTED_RULE_ID = 'injected-secret';

export function describeGuardFinding(f: GuardFinding): string {
  return `a secret this job injected (${f.label}) is in this file${f.form === 'value' ? '' : ` (${f.form})`}`;
}

export function toFindings(found: readonly GuardFinding[]): Finding[] {
  return found.map((f) => ({
    ruleId: INJECTED_RULE_ID,
    description: describeGuardFinding(f),
    path: f.path,
    startLine: f.line,
    endLine: f.line,
    startColumn: f.column,
    endColumn: f.column,
    match: '',
    secret: '',
    entropy: 0,
    tags: ['injected', f.form],
    fingerprint: `${f.path}:${INJECTED_RULE_ID}:${f.line}`,
  }));
}
