/**
 * A directory tree as fragments. Skips .git, binary files (a NUL byte in the first 8000
 * bytes, as git decides), files over the size cap, unreadable files and symlinks that point
 * out of the tree; each skip is reported. Invalid UTF-8 is decoded with replacement
 * characters, so the rest of the file is still scanned.
 */
import { closeSync, type Dirent, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Fragment, Skipped } from '../types.js';
import type { SourceStats } from './stats.js';
import type { ArchiveLimits } from '../archive/walk.js';
import { archiveFragments, opensArchive } from './archive.js';

export interface TreeOptions {
  /** files larger than this are skipped (0: no limit) */
  maxBytes: number;
  skipped: Skipped[];
  stats: SourceStats;
  /** open zip/tar/gzip files up to archive.maxDepth (absent or 0: archives are binary files) */
  archive?: ArchiveLimits;
  /** paths the scanner allows outright (its global path allowlists): not even read */
  skipPath?: (path: string) => boolean;
}

/** Names that may be archives: read even when their path is allowed, when archives are opened. */
const ARCHIVE_NAME = /\.(?:zip|jar|war|ear|apk|aar|nupkg|whl|egg|tar|tgz|gz|crx|xpi|vsix)$/i;

const SNIFF = 8000;
const SKIP_DIRS = new Set(['.git']);

export function isBinary(buf: Uint8Array): boolean {
  return buf.subarray(0, SNIFF).indexOf(0) !== -1;
}

function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'error';
}

/** Walks `root` depth-first in a stable (sorted) order. A single file as root is scanned as itself. Async: archives are read as streams. */
export async function* walkTree(root: string, opts: TreeOptions): AsyncGenerator<Fragment> {
  const realRoot = realpathSync(root);
  const st = statSync(root);
  if (st.isFile()) {
    const frag = readOne(root, root.split(/[\\/]/).pop() ?? root, opts);
    if (frag) yield* frag;
    return;
  }
  const stack: string[] = [''];
  while (stack.length) {
    const relDir = stack.pop() ?? '';
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, relDir), { withFileTypes: true });
    } catch (err) {
      opts.skipped.push({ path: relDir || '.', reason: `directory not readable (${errCode(err)})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const subdirs: string[] = [];
    const files: { rel: string }[] = [];
    for (const e of entries) {
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) subdirs.push(rel);
      } else if (e.isFile()) {
        files.push({ rel });
      } else if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(join(root, rel));
        } catch {
          opts.skipped.push({ path: rel, reason: 'symlink with a missing target' });
          continue;
        }
        if (!inside(realRoot, target)) {
          opts.skipped.push({ path: rel, reason: 'symlink pointing out of the scanned tree' });
        }
        // a link inside the tree is not followed: its target is scanned where it is
      }
    }
    files.reverse();
    const opensArchives = (opts.archive?.maxDepth ?? 0) > 0;
    for (const f of files) {
      if (opts.skipPath?.(toSlash(f.rel)) && !(opensArchives && ARCHIVE_NAME.test(f.rel))) continue;
      const frag = readOne(join(realRoot, f.rel), f.rel, opts);
      if (frag) yield* frag;
    }
    for (const d of subdirs) stack.push(d);
  }
}

/** One file: its size checked on the open descriptor (no separate stat), then read whole. */
function readFile(abs: string, rel: string, opts: TreeOptions): Buffer | null {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (err) {
    opts.skipped.push({ path: rel, reason: `not readable (${errCode(err)})` });
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (opts.maxBytes > 0 && size > opts.maxBytes) {
      opts.skipped.push({ path: rel, reason: `larger than ${formatMb(opts.maxBytes)} (${formatMb(size)}); raise max-target-megabytes to scan it` });
      return null;
    }
    return readFileSync(fd);
  } catch (err) {
    opts.skipped.push({ path: rel, reason: `not readable (${errCode(err)})` });
    return null;
  } finally {
    closeSync(fd);
  }
}

/** A text file as a fragment, an archive as its members' fragments, or null (skipped, with a note). */
function readOne(abs: string, rel: string, opts: TreeOptions): Fragment[] | AsyncGenerator<Fragment> | null {
  const buf = readFile(abs, rel, opts);
  if (!buf) return null;
  if (opensArchive(buf, opts)) return archiveFragments(buf, toSlash(rel), opts);
  if (isBinary(buf)) {
    opts.skipped.push({ path: rel, reason: 'binary file' });
    return null;
  }
  opts.stats.bytes += buf.length;
  opts.stats.files++;
  return [{ text: buf.toString('utf8'), path: toSlash(rel) }];
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
