/**
 * Guard findings in the scanner's Finding shape (src/scanner/types.ts), so gitleaks-scan can
 * send them through the same reports, annotations and summary as rule findings. The guard
 * never holds the value: `match` and `secret` are empty, so no report can print it, whatever
 * its redaction setting.
 */
import type { Finding } from '../scanner/types.js';
import type { GuardFinding } from './matcher.js';
import { readRecord } from './record.js';
import { searchPaths, type SearchOptions, type SearchTarget } from './search.js';

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

export interface InjectedResult {
  findings: Finding[];
  skipped: { path: string; reason: string }[];
  /** distinct secrets the record names (0: nothing was recorded in this job) */
  secrets: number;
  bytes: number;
  files: number;
  seconds: number;
}

/**
 * The one call for gitleaks-scan's `injected: true`: the record in `recordDir` (the
 * runner's tempDir()) searched over `targets`, as scanner Findings. Nothing recorded: no
 * findings and secrets 0 (say so in the log: the job injected nothing through this suite).
 * A record with unreadable lines and no finding throws: the guard cannot vouch for it.
 */
export async function injectedFindings(recordDir: string, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<InjectedResult> {
  const record = readRecord(recordDir);
  if (!record) return { findings: [], skipped: [], secrets: 0, bytes: 0, files: 0, seconds: 0 };
  const res = await searchPaths(record, targets, opts);
  // fail closed: an unreadable line is a secret that could not be searched for (findings, if any, fail the step anyway)
  if (record.ignored && res.findings.length === 0) {
    throw new Error(`the leak guard's record has ${record.ignored} unreadable line(s) (damaged, or written under another key): the secrets they stand for could not be searched for`);
  }
  return { findings: toFindings(res.findings), skipped: res.skipped, secrets: res.secrets, bytes: res.bytes, files: res.files, seconds: res.seconds };
}
