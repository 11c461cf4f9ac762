/**
 * The guard's search: every file under the given paths (.git skipped, symlinks not
 * followed: what they point to inside the tree is searched as itself), read in 1 MB
 * chunks into one reused buffer and streamed into the matcher (archives through src/archive). Findings name the file, line and
 * secret (its label and form); they never hold the value, which the guard never had.
 *
 * Fail closed: a given path that does not exist or is not a file or directory, a directory
 * that cannot be listed and a file that cannot be read are `unreadable` (the guard cannot
 * vouch for them; the CLI exits 2 naming each). FIFOs, sockets and devices met in a walk
 * are not files a build publishes: skipped with a note, never opened.
 */
import { closeSync, constants, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { Matcher } from '../kernels/guard-matcher.js';
import { FileScan, isArchive, searchArchive, type ScanContext } from './archive.js';
import { readRecord, type GuardRecord } from './record.js';

/** A recorded secret found: where, which, and in what form. Never its value. */
export interface GuardFinding {
  /** the file, with `!` between an archive and the member inside it */
  path: string;
  line: number;
  /** 1-based byte column */
  column: number;
  /** what the secret is (the env name or source path its action gave) */
  label: string;
  /** how it appears: value, base64, URL-encoded ... */
  form: string;
}

export interface SearchTarget {
  /** where to read */
  path: string;
  /** how to name it in findings */
  display: string;
}

export interface SearchOptions {
  /** archive layers opened; deeper ones are searched as raw bytes (default 4) */
  maxDepth?: number;
  /** zips are read in memory up to this size (default 512 MB) */
  maxZipBytes?: number;
  /** directory names never entered (default .git) */
  skipDirs?: readonly string[];
  /** directories never entered, by path: the job's private temp dir, where secrets live by design */
  skipPaths?: readonly string[];
}

export interface SearchResult {
  findings: GuardFinding[];
  /** what was not searched, with the reason: notes, and the unreadable paths below too */
  skipped: { path: string; reason: string }[];
  /** paths that could not be searched (missing, unlistable, unreadable): the guard cannot vouch for them */
  unreadable: { path: string; reason: string }[];
  /** bytes searched (archive members counted unpacked) */
  bytes: number;
  files: number;
  /** distinct secrets (labels) in the record */
  secrets: number;
  seconds: number;
}

function slash(p: string): string {
  return p.split('\\').join('/');
}

/** One read buffer for the whole search (sinks copy what they keep): no garbage per chunk. */
const READ_SIZE = 1 << 20;

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}

/** The search's context: the archive reader's, and the paths it could not search. */
interface GuardScan extends ScanContext {
  unreadable: { path: string; reason: string }[];
}

/** A path the guard cannot search: noted with the skipped ones, and fails the search. */
function cannotRead(ctx: GuardScan, path: string, reason: string): void {
  const entry = { path, reason };
  ctx.skipped.push(entry);
  ctx.unreadable.push(entry);
}

/**
 * What a path given to the guard is: a file or a directory (symlinks followed: a path given
 * by name is searched even if it is a symlink), else why it cannot be searched.
 */
function statTarget(path: string): { dir: boolean } | { problem: string } {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    const code = errCode(err);
    if (code !== 'ENOENT') return { problem: `it cannot be read (${code})` };
    try {
      if (lstatSync(path).isSymbolicLink()) return { problem: 'it is a symbolic link to nothing (ENOENT)' };
    } catch {
      // not even a link
    }
    return { problem: 'it does not exist (ENOENT)' };
  }
  if (st.isFile() || st.isDirectory()) return { dir: st.isDirectory() };
  return { problem: 'it is not a file or directory (a FIFO, socket or device)' };
}

/** Why a path given to the guard cannot be searched, or undefined when it can. */
export function targetProblem(path: string): string | undefined {
  const t = statTarget(path);
  return 'problem' in t ? t.problem : undefined;
}

/** O_NONBLOCK: a file swapped for a FIFO after the directory was listed cannot block the search. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** An archive's chunks after the first: fresh buffers (the archive reader may hold them), read errors noted. */
async function* archiveChunks(ctx: GuardScan, fd: number, first: Buffer, display: string): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const b = Buffer.allocUnsafe(READ_SIZE);
    let n: number;
    try {
      n = readSync(fd, b, 0, b.length, null);
    } catch (err) {
      cannotRead(ctx, display, `not readable to the end (${errCode(err)})`);
      return;
    }
    if (n === 0) return;
    yield b.subarray(0, n);
  }
}

/**
 * Synchronous reads: a build tree is mostly small files, and a thread-pool round trip per
 * open/read/close costs more than reading them (measured: 10x on node_modules). The first
 * chunk decides: a plain file streams through the matcher from the one reused buffer; an
 * archive goes to the archive reader.
 */
async function searchFile(ctx: GuardScan, path: string, display: string, buf: Buffer): Promise<void> {
  let fd: number | undefined;
  let scan: FileScan | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const n = readSync(fd, buf, 0, buf.length, null);
    const head = buf.subarray(0, n);
    if (isArchive(head)) {
      await searchArchive(ctx, display, archiveChunks(ctx, fd, Buffer.from(head), display));
      return;
    }
    scan = new FileScan(ctx, display);
    for (let k = n; k > 0; k = readSync(fd, buf, 0, buf.length, null)) scan.write(buf.subarray(0, k));
  } catch (err) {
    cannotRead(ctx, display, `not readable (${errCode(err)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
    scan?.end();
  }
}

interface Skip {
  names: ReadonlySet<string>;
  paths: ReadonlySet<string>;
}

async function walkDir(ctx: GuardScan, path: string, display: string, skip: Skip, buf: Buffer): Promise<void> {
  if (skip.paths.has(resolve(path))) {
    ctx.skipped.push({ path: display, reason: "the job's private temp dir (secrets are kept there by design): not searched" });
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (err) {
    cannotRead(ctx, display, `directory not readable (${errCode(err)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = join(path, e.name);
    const name = display === '.' ? e.name : `${display}/${e.name}`;
    // symlinks are not followed (what they point to inside the tree is searched as itself)
    if (e.isDirectory()) {
      if (!skip.names.has(e.name)) await walkDir(ctx, child, name, skip, buf);
    } else if (e.isFile()) await searchFile(ctx, child, name, buf);
    else if (!e.isSymbolicLink()) ctx.skipped.push({ path: name, reason: 'not a regular file (a FIFO, socket or device): not searched' });
  }
}

async function walk(ctx: GuardScan, path: string, display: string, skip: Skip, buf: Buffer): Promise<void> {
  const t = statTarget(path);
  if ('problem' in t) return cannotRead(ctx, display, t.problem);
  return t.dir ? walkDir(ctx, path, display, skip, buf) : searchFile(ctx, path, display, buf);
}

export async function searchPaths(record: GuardRecord, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<SearchResult> {
  const t0 = performance.now();
  const matcher = new Matcher(record);
  const ctx: GuardScan = {
    matcher,
    maxDepth: opts.maxDepth ?? 4,
    maxZipBytes: opts.maxZipBytes ?? 512 * 1048576,
    findings: [],
    skipped: [],
    unreadable: [],
    bytes: 0,
    files: 0,
  };
  const skip: Skip = { names: new Set(opts.skipDirs ?? ['.git']), paths: new Set((opts.skipPaths ?? []).map((p) => resolve(p))) };
  const buf = Buffer.allocUnsafeSlow(READ_SIZE);
  if (matcher.size > 0) {
    for (const t of targets) await walk(ctx, t.path, slash(t.display), skip, buf);
  }
  ctx.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return {
    findings: ctx.findings,
    skipped: ctx.skipped,
    unreadable: ctx.unreadable,
    bytes: ctx.bytes,
    files: ctx.files,
    secrets: new Set(record.entries.map((e) => e.label)).size,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The report line: names the file, line and secret, never the value. */
export function findingLine(f: GuardFinding): string {
  return `${f.path}:${f.line}: secret ${f.label} found${f.form === 'value' ? '' : ` (${f.form})`}`;
}

/**
 * The record in `recordDir` (the runner's tempDir()) searched over `targets`: gitleaks-scan's
 * `injected: true`. Nothing recorded: no findings and secrets 0 (the job injected nothing
 * through this suite). A record with unreadable lines and no finding throws: the guard cannot
 * vouch for it (findings, if any, fail the step anyway).
 */
export async function searchRecorded(recordDir: string, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<SearchResult> {
  const record = readRecord(recordDir);
  if (!record) return { findings: [], skipped: [], unreadable: [], secrets: 0, bytes: 0, files: 0, seconds: 0 };
  const res = await searchPaths(record, targets, opts);
  // fail closed: an unreadable line is a secret that could not be searched for
  if (record.ignored && res.findings.length === 0) {
    throw new Error(
      `the leak guard's record has ${record.ignored} unreadable line(s) (damaged, or written under another key): the secrets they stand for could not be searched for`,
    );
  }
  return res;
}
