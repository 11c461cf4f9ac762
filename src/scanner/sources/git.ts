/**
 * Git as a source: `git log -p -U0` over a range or the whole history and `git diff --cached`
 * for staged changes, streamed line by line into the diff parser so a long history never
 * sits in memory. Arguments are revisions and fixed flags only (never file content or
 * secrets). Any git failure is an error: the scan never passes on a git error.
 */
import { spawn } from 'node:child_process';
import type { Fragment, Skipped } from '../types.js';
import { UserError } from '../../core/errors.js';
import { commitFormat, DiffParser, type BinaryChange } from './diff.js';
import type { ArchiveLimits } from '../archive/walk.js';
import { archiveKind } from '../archive/walk.js';
import { archiveFragments } from './archive.js';
import { formatMb } from './tree.js';
import { splitLineBatches } from './lines.js';
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

/** git's first error line, without the credentials of a remote URL (GitLab's origin is https://gitlab-ci-token:TOKEN@host/…). */
export function firstError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
  return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@'"]*@/gi, '$1***@').slice(0, 300);
}

/** git's output lines, a chunk's worth at a time. */
async function* streamGit(cwd: string, args: readonly string[], what: string): AsyncGenerator<string[]> {
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
    yield* splitLineBatches(child.stdout);
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
  /** open archives added in commits (zip, tar, gzip) up to archive.maxDepth */
  archive?: ArchiveLimits;
}

/** Names worth reading back as blobs: archives by their usual extensions (a blob read per binary file would cost). */
const ARCHIVE_NAME = /\.(zip|jar|war|ear|apk|aar|nupkg|whl|egg|tar|tgz|gz|tar\.gz|crx|xpi|vsix)$/i;

/** A blob's bytes (`rev:path`, or `:path` for the index), or null with a skip note. */
function readBlob(cwd: string, spec: string, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...CONFIG, 'cat-file', 'blob', spec], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    let size = 0;
    let over = false;
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (maxBytes > 0 && size > maxBytes) {
        over = true;
        child.kill();
      } else out.push(d);
    });
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code) => resolve(over || code !== 0 ? null : Buffer.concat(out)));
  });
}

async function* binaryChange(cwd: string, b: BinaryChange, opts: GitSourceOptions): AsyncGenerator<Fragment> {
  const shown = b.commit ? `${b.commit.sha.slice(0, 12)}:${b.path}` : b.path;
  if (!opts.archive || opts.archive.maxDepth <= 0 || !ARCHIVE_NAME.test(b.path)) {
    opts.skipped.push({ path: shown, reason: ARCHIVE_NAME.test(b.path) ? 'archive: set max-archive-depth to scan inside it' : 'binary file' });
    return;
  }
  const buf = await readBlob(cwd, `${b.commit?.sha ?? ''}:${b.path}`, opts.maxBytes);
  if (!buf) {
    opts.skipped.push({ path: shown, reason: `archive larger than ${formatMb(opts.maxBytes)} or unreadable; raise max-target-megabytes to scan it` });
    return;
  }
  if (!archiveKind(buf)) {
    opts.skipped.push({ path: shown, reason: 'binary file' });
    return;
  }
  yield* archiveFragments(buf, b.path, opts, b.commit);
}

async function* parse(
  cwd: string,
  batches: AsyncIterable<string[]>,
  parser: DiffParser,
  opts: GitSourceOptions,
  binaries: BinaryChange[],
): AsyncGenerator<Fragment> {
  for await (const lines of batches) {
    for (const line of lines) {
      const f = parser.push(line);
      if (f) yield f;
      while (binaries.length) {
        const b = binaries.shift();
        if (b) yield* binaryChange(cwd, b, opts);
      }
    }
  }
  const last = parser.end();
  if (last) yield last;
  for (const b of binaries.splice(0)) yield* binaryChange(cwd, b, opts);
}

/** What `git log` walks besides the revisions: every ref (`--all`), or the user's own options. */
export interface LogSelection {
  /** every ref, as gitleaks (`git log --all`): branches, tags, remotes, refs/stash, refs/notes */
  all?: boolean;
  /** gitleaks' --log-opts, already split and checked (logOptions): used instead of revisions and --all */
  logOpts?: readonly string[];
}

/**
 * The commits of `revisions` (e.g. ['base..head'] or ['HEAD']), or of every ref, or of the
 * user's log options, newest first, each commit once, each file's added lines as a fragment.
 * `paths` limits the scan to those paths. Our diff flags come after the user's options, so the
 * shape of the output stays ours (git takes the last of a repeated option).
 */
export function gitLogFragments(
  cwd: string,
  revisions: readonly string[],
  opts: GitSourceOptions,
  paths: readonly string[] = [],
  sel: LogSelection = {},
): AsyncGenerator<Fragment> {
  const fmt = commitFormat();
  const fixed = [...DIFF_FLAGS, '--no-show-signature', `--format=${fmt.format}`];
  const args = sel.logOpts
    ? ['log', ...sel.logOpts, ...fixed, '--', ...paths]
    : ['log', ...fixed, ...(sel.all ? ['--full-history', '--all'] : []), '--end-of-options', ...revisions, '--', ...paths];
  const what = sel.logOpts ? `git log ${sel.logOpts.join(' ')}` : sel.all ? 'git log --all' : `git log ${revisions.join(' ')}`;
  const binaries: BinaryChange[] = [];
  return parse(cwd, streamGit(cwd, args, what), new DiffParser(fmt, { ...opts, binaries }), opts, binaries);
}

/**
 * Long options that would write a file, run or read something else, or change the shape of the
 * patch the parser reads (a family by its prefix: --stat=…, --word-diff-regex=…, --name-only).
 * The diff flags we append after the user's options override the rest (format, colour, prefixes).
 */
const REFUSED_LONG =
  /^--(output|stat|numstat|shortstat|dirstat|summary|compact-summary|raw|check|no-patch|word-diff|color-words|graph|line-prefix|cumulative|follow|walk-reflogs|reflog|stdin|ext-diff|textconv|exec|upload-pack|open-files-in-pager|cc|combined|dense-combined|remerge-diff|diff-merges|binary|null|reverse-diff|)(?![a-z])|^--(name-|patch-with-)/;
/** Short options: one letter, or a letter with its value (-n5, -S<text>, -U3); -s, -R, -g, -z, -c, -L, -O and bundles (-sp) are refused. */
const ALLOWED_SHORT = /^-(\d+|[ipmuWEFP]|[nlU]\d*|[SG].+|[MCB][\d/%]*)$/;

/**
 * gitleaks' --log-opts split as gitleaks splits it (on whitespace) and checked: each option
 * goes to `git log` as it is, so one that writes a file (--output) or changes the patch format
 * is refused, naming the option (never echoing the rest).
 */
export function logOptions(raw: string): string[] | undefined {
  const parts = raw.split(/\s+/).filter(Boolean);
  if (!parts.length) return undefined;
  if (parts.length > 64 || raw.length > 4096) throw new UserError('log-opts', 'too long (at most 64 options)');
  for (const p of parts) {
    if (!p.startsWith('-')) continue;
    if (p.startsWith('--') ? REFUSED_LONG.test(p) : !ALLOWED_SHORT.test(p))
      throw new UserError('log-opts', `${p.replace(/=.*$/s, '').slice(0, 40)} is not supported here (it would redirect or reshape the patch output)`);
  }
  return parts;
}

/** The staged changes (what `git commit` would record): for pre-commit hooks. */
export function stagedFragments(cwd: string, opts: GitSourceOptions, paths: readonly string[] = []): AsyncGenerator<Fragment> {
  const args = ['diff', '--cached', ...DIFF_FLAGS.filter((f) => f !== '-p'), '--', ...paths];
  const binaries: BinaryChange[] = [];
  return parse(cwd, streamGit(cwd, args, 'git diff --cached'), new DiffParser(null, { ...opts, binaries }), opts, binaries);
}
