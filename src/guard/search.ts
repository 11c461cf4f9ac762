/**
 * The guard's search: every file under the given paths (.git skipped, symlinks not
 * followed: what they point to inside the tree is searched as itself), read in 1 MB
 * chunks into one reused buffer and streamed into the matcher (archives through src/archive). Findings name the file, line and
 * secret (its label and form); they never hold the value, which the guard never had.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { Matcher, type GuardFinding } from './matcher.js';
import { FileScan, isArchive, searchArchive, type ScanContext } from './archive.js';
import type { GuardRecord } from './record.js';

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
  skipped: { path: string; reason: string }[];
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

/** An archive's chunks after the first: fresh buffers (the archive reader may hold them), read errors noted. */
async function* archiveChunks(ctx: ScanContext, fd: number, first: Buffer, display: string): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const b = Buffer.allocUnsafe(READ_SIZE);
    let n: number;
    try {
      n = readSync(fd, b, 0, b.length, null);
    } catch (err) {
      ctx.skipped.push({ path: display, reason: `not readable (${errCode(err)})` });
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
async function searchFile(ctx: ScanContext, path: string, display: string, buf: Buffer): Promise<void> {
  let fd: number | undefined;
  let scan: FileScan | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, buf, 0, buf.length, null);
    const head = buf.subarray(0, n);
    if (isArchive(head)) {
      await searchArchive(ctx, display, archiveChunks(ctx, fd, Buffer.from(head), display));
      return;
    }
    scan = new FileScan(ctx, display);
    for (let k = n; k > 0; k = readSync(fd, buf, 0, buf.length, null)) scan.write(buf.subarray(0, k));
  } catch (err) {
    ctx.skipped.push({ path: display, reason: `not readable (${errCode(err)})` });
  } finally {
    if (fd !== undefined) closeSync(fd);
    scan?.end();
  }
}

interface Skip {
  names: ReadonlySet<string>;
  paths: ReadonlySet<string>;
}

async function walkDir(ctx: ScanContext, path: string, display: string, skip: Skip, buf: Buffer): Promise<void> {
  if (skip.paths.has(resolve(path))) {
    ctx.skipped.push({ path: display, reason: "the job's private temp dir (secrets are kept there by design): not searched" });
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (err) {
    ctx.skipped.push({ path: display, reason: `directory not readable (${errCode(err)})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = join(path, e.name);
    const name = display === '.' ? e.name : `${display}/${e.name}`;
    // symlinks are not followed; sockets, fifos and devices are not files
    if (e.isDirectory()) {
      if (!skip.names.has(e.name)) await walkDir(ctx, child, name, skip, buf);
    } else if (e.isFile()) await searchFile(ctx, child, name, buf);
  }
}

async function walk(ctx: ScanContext, path: string, display: string, skip: Skip, buf: Buffer): Promise<void> {
  let st;
  try {
    // a path given by name is searched even if it is a symlink
    st = statSync(path);
  } catch (err) {
    ctx.skipped.push({ path: display, reason: `not found (${errCode(err)})` });
    return;
  }
  if (st.isFile()) return searchFile(ctx, path, display, buf);
  if (st.isDirectory()) return walkDir(ctx, path, display, skip, buf);
}

export async function searchPaths(record: GuardRecord, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<SearchResult> {
  const t0 = performance.now();
  const matcher = new Matcher(record);
  const ctx: ScanContext = { matcher, maxDepth: opts.maxDepth ?? 4, maxZipBytes: opts.maxZipBytes ?? 512 * 1048576, findings: [], skipped: [], bytes: 0, files: 0 };
  const skip: Skip = { names: new Set(opts.skipDirs ?? ['.git']), paths: new Set((opts.skipPaths ?? []).map((p) => resolve(p))) };
  const buf = Buffer.allocUnsafeSlow(READ_SIZE);
  if (matcher.size > 0) {
    for (const t of targets) await walk(ctx, t.path, slash(t.display), skip, buf);
  }
  ctx.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return {
    findings: ctx.findings,
    skipped: ctx.skipped,
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
