/**
 * injected: true, the leak guard inside gitleaks-scan. The guard's findings (src/guard/search.ts)
 * in the scanner's Finding shape, so they go through the same reports, annotations and summary as
 * rule findings. The guard never holds the value: `match` and `secret` are empty, so no report can
 * print it, whatever its redaction setting.
 */
import { isAbsolute, relative } from 'node:path';
import type { Runner } from '../../platform/runner.js';
import type { Finding } from '../../scanner/types.js';
import { searchRecorded, type GuardFinding, type SearchOptions, type SearchTarget } from '../../guard/search.js';

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
 * The record in `recordDir` (the runner's tempDir()) searched over `targets`, as scanner
 * Findings. Nothing recorded: no findings and secrets 0. A record with unreadable lines and no
 * finding throws (searchRecorded): the guard cannot vouch for it.
 */
export async function injectedFindings(recordDir: string, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<InjectedResult> {
  const res = await searchRecorded(recordDir, targets, opts);
  return { findings: toFindings(res.findings), skipped: res.skipped, secrets: res.secrets, bytes: res.bytes, files: res.files, seconds: res.seconds };
}

export interface Injected {
  findings: Finding[];
  skipped: { path: string; reason: string }[];
  notes: string[];
  files: number;
  bytes: number;
}

/**
 * injected: true: search `dir` (.git skipped, archives opened) for the values the credential
 * actions of this job recorded in its temp dir. Findings name the file, line and secret
 * label; they never hold the value (the guard never had it).
 */
export async function injectedSearch(r: Runner, dir: string, workspace: string, maxDepth: number): Promise<Injected> {
  const recordDir = r.tempDir();
  const rel = relative(workspace, dir).split('\\').join('/');
  const display = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
  const res = await injectedFindings(recordDir, [{ path: dir, display }], { maxDepth, skipPaths: [recordDir] });
  if (!res.secrets) {
    const note =
      'injected: no secret was recorded in this job, so there was nothing to search for (fetch-secrets, vault-login and oidc-assume-role record what they inject: run them earlier in the same job)';
    r.info(note);
    return { findings: [], skipped: res.skipped, notes: [note], files: 0, bytes: 0 };
  }
  const n = res.findings.length;
  const note = `injected: searched ${display} (${res.files} file${res.files === 1 ? '' : 's'}, ${(res.bytes / 1048576).toFixed(1)} MB) for ${res.secrets} secret${res.secrets === 1 ? '' : 's'} this job injected in ${res.seconds.toFixed(2)} s: ${n ? `${n} found` : 'none found'}`;
  r.info(note);
  return { findings: res.findings, skipped: res.skipped, notes: [note], files: res.files, bytes: res.bytes };
}

/** The log line of an injected finding: file, line and which secret (never a value: there is none). */
export function injectedLine(f: Finding): string | undefined {
  return f.ruleId === INJECTED_RULE_ID ? `${f.path}:${f.startLine}: ${INJECTED_RULE_ID}: ${f.description}` : undefined;
}
