/**
 * The guard's search: every file under the given paths (.git skipped, symlinks not
 * followed: what they point to inside the tree is searched as itself), read in 1 MB
 * chunks into one reused buffer and streamed through the archive sniffer into the matcher. Findings name the file, line and
 * secret (its label and form); they never hold the value, which the guard never had.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Matcher, type GuardFinding } from './matcher.js';
import { SniffSink, type ScanContext } from './archive.js';
import type { GuardRecord } from './record.js';

export interface SearchTarget {
  /** where to read */
  path: string;
  /** how to name it in findings */
  display: string;
}

export interface SearchOptions {
  /** archives nested deeper than this are searched as raw bytes (default 4) */
  maxDepth?: number;
  /** zips are read in memory up to this size (default 512 MB) */
  maxZipBytes?: number;
  /** directory names never entered (default .git) */
  skipDirs?: readonly string[];
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

async function searchFile(ctx: ScanContext, path: string, display: string, buf: Buffer): Promise<void> {
  const sink = new SniffSink(ctx, display, 0);
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(path, 'r');
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      await sink.write(buf.subarray(0, bytesRead));
    }
  } catch (err) {
    ctx.skipped.push({ path: display, reason: `not readable (${typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error'})` });
  } finally {
    await fh?.close();
  }
  await sink.end();
}

async function walk(ctx: ScanContext, path: string, display: string, skipDirs: ReadonlySet<string>, buf: Buffer): Promise<void> {
  let st;
  try {
    st = await fs.lstat(path);
  } catch (err) {
    ctx.skipped.push({ path: display, reason: `not found (${typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error'})` });
    return;
  }
  if (st.isFile()) return searchFile(ctx, path, display, buf);
  if (!st.isDirectory()) return;
  let names: string[];
  try {
    names = (await fs.readdir(path)).sort();
  } catch {
    ctx.skipped.push({ path: display, reason: 'directory not readable' });
    return;
  }
  for (const name of names) {
    if (skipDirs.has(name)) continue;
    await walk(ctx, join(path, name), display === '.' ? name : `${display}/${name}`, skipDirs, buf);
  }
}

export async function searchPaths(record: GuardRecord, targets: readonly SearchTarget[], opts: SearchOptions = {}): Promise<SearchResult> {
  const t0 = performance.now();
  const matcher = new Matcher(record);
  const ctx: ScanContext = { matcher, maxDepth: opts.maxDepth ?? 4, maxZipBytes: opts.maxZipBytes ?? 512 * 1048576, findings: [], skipped: [], bytes: 0, files: 0 };
  const skipDirs = new Set(opts.skipDirs ?? ['.git']);
  const buf = Buffer.allocUnsafeSlow(READ_SIZE);
  if (matcher.size > 0) {
    for (const t of targets) {
      const st = await fs.lstat(t.path).catch(() => undefined);
      // a path given by name is searched even if it is a symlink
      if (st?.isSymbolicLink()) await walk(ctx, await fs.realpath(t.path), slash(t.display), skipDirs, buf);
      else await walk(ctx, t.path, slash(t.display), skipDirs, buf);
    }
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
