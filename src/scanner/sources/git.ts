/**
 * Git as a source: `git log -p -U0` over a range or the whole history and `git diff --cached`
 * for staged changes, streamed line by line into the diff parser so a long history never
 * sits in memory. Arguments are revisions and fixed flags only (never file content or
 * secrets). Any git failure is an error: the scan never passes on a git error.
 */
import { spawn } from 'node:child_process';
import type { Fragment, Skipped } from '../types.js';
import { UserError } from '../../core/errors.js';
import { commitFormat, DiffParser } from './diff.js';
import { splitLines } from './lines.js';
import type { SourceStats } from './stats.js';

/** Flags that neutralise user configuration which would change the diff's shape. */
const DIFF_FLAGS = ['-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'log.showSignature=false', '-c', 'color.ui=never'];

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class GitError extends UserError {
  constructor(message: string) {
    super('', message);
  }
}

/** Runs git, capturing output (for plumbing commands with small output). */
export function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** git, failing with git's own first error line when it exits non-zero. */
export async function gitOk(cwd: string, args: readonly string[], what: string): Promise<string> {
  const r = await git(cwd, args);
  if (r.code !== 0) throw new GitError(`${what} failed: ${firstError(r.stderr) || `git exited with ${r.code}`}`);
  return r.stdout;
}

export function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '').slice(0, 300);
}

async function* streamGit(cwd: string, args: readonly string[], what: string): AsyncGenerator<string> {
  const child = spawn('git', [...CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 8192) stderr += d.toString('utf8');
  });
  const closed = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
  let finished = false;
  try {
    yield* splitLines(child.stdout);
    finished = true;
  } finally {
    if (!finished) child.kill();
  }
  const code = await closed;
  if (code !== 0) throw new GitError(`${what} failed: ${firstError(stderr) || `git exited with ${code}`}`);
}

export interface GitSourceOptions {
  maxBytes: number;
  skipped: Skipped[];
  stats: SourceStats;
}

async function* parse(lines: AsyncIterable<string>, parser: DiffParser): AsyncGenerator<Fragment> {
  for await (const line of lines) {
    const f = parser.push(line);
    if (f) yield f;
  }
  const last = parser.end();
  if (last) yield last;
}

/**
 * The commits of `revisions` (e.g. ['base..head'] or ['HEAD']), newest first, each file's
 * added lines as a fragment. `paths` limits the scan to those paths.
 */
export function gitLogFragments(cwd: string, revisions: readonly string[], opts: GitSourceOptions, paths: readonly string[] = []): AsyncGenerator<Fragment> {
  const fmt = commitFormat();
  const args = ['log', ...DIFF_FLAGS, '--no-show-signature', `--format=${fmt.format}`, '--end-of-options', ...revisions, '--', ...paths];
  return parse(streamGit(cwd, args, `git log ${revisions.join(' ')}`), new DiffParser(fmt, opts));
}

/** The staged changes (what `git commit` would record): for pre-commit hooks. */
export function stagedFragments(cwd: string, opts: GitSourceOptions, paths: readonly string[] = []): AsyncGenerator<Fragment> {
  const args = ['diff', '--cached', ...DIFF_FLAGS.filter((f) => f !== '-p'), '--', ...paths];
  return parse(streamGit(cwd, args, 'git diff --cached'), new DiffParser(null, opts));
}
