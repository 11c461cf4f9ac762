/**
 * `pipeline-secrets guard [PATH...]`: searches the paths (default: the workspace) for any
 * secret this job injected, by the record the credential actions left in the job's temp
 * dir. Prints `file:line: secret LABEL found` per finding on stdout (never a value: the
 * guard never has one) and a summary on stderr. Exit 0 clean, 1 findings, 2 usage, a
 * record with unreadable lines, or a path it cannot search (fail closed: a mistyped PATH,
 * a directory it cannot list or a file it cannot read is something it cannot vouch for).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Io } from '../../platform/process/io.js';
import { jobTempDir, workspace } from '../../platform/temp-dir.js';
import { readRecord } from '../../guard/record.js';
import { findingLine, searchPaths, targetProblem, type SearchTarget } from '../../guard/search.js';
import { GUARD_HELP, parseGuardArgs, type GuardArgs } from './args.js';

export async function runGuard(args: readonly string[], io: Io): Promise<number> {
  let a: GuardArgs | 'help';
  try {
    a = parseGuardArgs(args);
  } catch (err) {
    io.err(`pipeline-secrets guard: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (a === 'help') {
    io.out(`${GUARD_HELP}\n`);
    return 0;
  }
  const { paths } = a;
  const ws = workspace(io.env);
  const targets: SearchTarget[] = (paths.length ? paths : [ws]).map((p) => {
    const resolved = isAbsolute(p) ? p : resolve(ws, p);
    // `out/` names a directory: resolve() would drop the slash, and with it the check that it is one
    const abs = /[\\/]$/.test(p) && !/[\\/]$/.test(resolved) ? `${resolved}${sep}` : resolved;
    const rel = relative(ws, abs);
    return { path: abs, display: paths.length ? p.replace(/\/+$/, '') || p : rel === '' ? '.' : rel };
  });
  // fail closed before anything else: a mistyped PATH must not turn the guard off
  const missing = targets.map((t) => ({ t, problem: targetProblem(t.path) })).filter((m) => m.problem !== undefined);
  for (const m of missing) io.err(`guard: error: cannot search ${m.t.display}: ${m.problem}\n`);
  if (missing.length) return 2;
  // the record's directory, resolved as the runner that recorded it resolves runner.tempDir()
  const dir = jobTempDir(io.env, a.tempDir);
  const record = readRecord(dir);
  if (record?.ignored) {
    // fail closed: an unreadable line is a secret the guard cannot search for
    io.err(
      `guard: ${record.ignored} line(s) of the record in ${dir} are not readable (damaged, or written under another key): the secrets they stand for cannot be searched for\n`,
    );
    if (record.entries.length === 0) return 2;
  }
  if (!record || record.entries.length === 0) {
    io.err(`guard: no secret was recorded in ${dir}: nothing to search for (the credential actions record what they inject in this job's temp dir)\n`);
    return 0;
  }
  const res = await searchPaths(record, targets, { maxDepth: a.depth, skipPaths: [dir] });
  for (const f of res.findings) io.out(`${findingLine(f)}\n`);
  const unreadable = new Set(res.unreadable);
  for (const s of res.skipped) if (!unreadable.has(s)) io.err(`guard: skipped ${s.path}: ${s.reason}\n`);
  for (const u of res.unreadable) io.err(`guard: error: cannot search ${u.path}: ${u.reason}\n`);
  const mb = res.bytes / 1048576;
  const notSearched = res.unreadable.length ? `; ${res.unreadable.length} path(s) could not be searched (failing closed)` : '';
  io.err(
    `guard: searched ${res.files} file(s), ${mb.toFixed(1)} MB, for ${res.secrets} secret(s) in ${res.seconds.toFixed(2)} s: ${res.findings.length ? `${res.findings.length} finding(s)` : 'none found'}${notSearched}\n`,
  );
  // a finding wins (exit 1); else what could not be searched fails closed (exit 2)
  return res.findings.length ? 1 : record.ignored || res.unreadable.length ? 2 : 0;
}
