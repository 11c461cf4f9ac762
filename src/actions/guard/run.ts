/**
 * `pipeline-secrets guard [PATH...]`: searches the paths (default: the workspace) for any
 * secret this job injected, by the record the credential actions left in the job's temp
 * dir. Prints `file:line: secret LABEL found` per finding on stdout (never a value: the
 * guard never has one) and a summary on stderr. Exit 0 clean, 1 findings, 2 usage, a
 * record with unreadable lines, or a path it cannot search (fail closed: a mistyped PATH,
 * a directory it cannot list or a file it cannot read is something it cannot vouch for).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { GitHubRunner } from '../platform/github.js';
import { ProcessRunner } from '../platform/process-runner.js';
import { readRecord } from './record.js';
import { findingLine, searchPaths, targetProblem, type SearchTarget } from './search.js';

export interface GuardIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const GUARD_HELP = [
  'pipeline-secrets guard: fail when a secret this job injected is in what it built',
  '',
  'Usage: pipeline-secrets guard [--temp-dir D] [--max-archive-depth N] [PATH...]',
  '',
  '  PATH                  files or directories to search (default: the workspace); .git is skipped;',
  '                        tar, tgz, zip and `docker save` tarballs are opened',
  '  --temp-dir D          where the record is (default: as the actions keep it: $PIPELINE_SECRETS_TEMP_DIR,',
  '                        $RUNNER_TEMP/pipeline-secrets on GitHub, the job\'s temp dir on GitLab)',
  '  --max-archive-depth N archives nested deeper are searched as raw bytes (default 4)',
  '',
  'Prints `file:line: secret LABEL found` for each finding, never the value. Exit 1 on findings,',
  '2 on bad usage or when lines of the record cannot be read (those secrets cannot be searched for).',
  'It fails closed (exit 2, naming each) on a PATH that does not exist or is not a file or directory,',
  'and on a directory it cannot list or a file it cannot read: it cannot vouch for what it did not read.',
  'FIFOs, sockets and devices inside a directory are skipped with a note; symlinks are not followed.',
].join('\n');

/** The record's directory, resolved as the runner that recorded it resolves runner.tempDir(). */
export function recordDir(env: NodeJS.ProcessEnv, explicit: string | undefined): string {
  if (explicit) return new ProcessRunner({ action: 'guard', inputs: new Map([['temp-dir', explicit]]), env }).tempDir();
  if (!env['PIPELINE_SECRETS_TEMP_DIR'] && env['GITHUB_ACTIONS'] === 'true' && env['RUNNER_TEMP']) return new GitHubRunner(env).tempDir();
  return new ProcessRunner({ action: 'guard', inputs: new Map(), env }).tempDir();
}

function workspace(env: NodeJS.ProcessEnv): string {
  return env['GITHUB_WORKSPACE'] || env['CI_PROJECT_DIR'] || process.cwd();
}

export async function runGuard(args: readonly string[], io: GuardIo): Promise<number> {
  const paths: string[] = [];
  let tempDir: string | undefined;
  let depth = 4;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--help' || a === '-h') {
      io.out(`${GUARD_HELP}\n`);
      return 0;
    }
    if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--temp-dir' || flag === '--max-archive-depth') {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') {
        io.err(`pipeline-secrets guard: ${flag} needs a value\n`);
        return 2;
      }
      if (flag === '--temp-dir') tempDir = v;
      else {
        depth = Number(v);
        if (!Number.isInteger(depth) || depth < 0 || depth > 16) {
          io.err('pipeline-secrets guard: --max-archive-depth must be a whole number from 0 to 16\n');
          return 2;
        }
      }
      continue;
    }
    if (a.startsWith('--')) {
      io.err(`pipeline-secrets guard: unknown flag ${flag} (see pipeline-secrets guard --help)\n`);
      return 2;
    }
    paths.push(a);
  }
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
  const dir = recordDir(io.env, tempDir);
  const record = readRecord(dir);
  if (record?.ignored) {
    // fail closed: an unreadable line is a secret the guard cannot search for
    io.err(`guard: ${record.ignored} line(s) of the record in ${dir} are not readable (damaged, or written under another key): the secrets they stand for cannot be searched for\n`);
    if (record.entries.length === 0) return 2;
  }
  if (!record || record.entries.length === 0) {
    io.err(`guard: no secret was recorded in ${dir}: nothing to search for (the credential actions record what they inject in this job's temp dir)\n`);
    return 0;
  }
  const res = await searchPaths(record, targets, { maxDepth: depth, skipPaths: [dir] });
  for (const f of res.findings) io.out(`${findingLine(f)}\n`);
  const unreadable = new Set(res.unreadable);
  for (const s of res.skipped) if (!unreadable.has(s)) io.err(`guard: skipped ${s.path}: ${s.reason}\n`);
  for (const u of res.unreadable) io.err(`guard: error: cannot search ${u.path}: ${u.reason}\n`);
  const mb = res.bytes / 1048576;
  const notSearched = res.unreadable.length ? `; ${res.unreadable.length} path(s) could not be searched (failing closed)` : '';
  io.err(`guard: searched ${res.files} file(s), ${mb.toFixed(1)} MB, for ${res.secrets} secret(s) in ${res.seconds.toFixed(2)} s: ${res.findings.length ? `${res.findings.length} finding(s)` : 'none found'}${notSearched}\n`);
  // a finding wins (exit 1); else what could not be searched fails closed (exit 2)
  return res.findings.length ? 1 : record.ignored || res.unreadable.length ? 2 : 0;
}
