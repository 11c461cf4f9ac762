/**
 * Walking an archive held in memory: zip, tar, gzip (so tar.gz/tgz too), nested up to a
 * depth, yielding every regular member as {path, data} with `outer.zip!inner/path` names (as
 * gitleaks names them). Nothing is written to disk. Bounded: each member's unpacked size, the
 * unpacked total of one outer archive, and the compression ratio of large members (zip
 * bombs); a member with an absolute or `../` path is refused. Each refusal is a Skipped note
 * and costs nothing else: the walk goes on with the next member.
 *
 * Reusable beyond the scanner (the leak guard): it needs only a Buffer and the limits.
 */
import { gunzipSync } from 'node:zlib';
import type { Skipped } from '../types.js';
import { isTar, readTar } from './tar.js';
import { isZip, readZip, ZipError } from './zip.js';

export interface ArchiveLimits {
  /** how many archive layers to open: 1 opens the outer archive only (gitleaks --max-archive-depth) */
  maxDepth: number;
  /** largest unpacked member (bytes) */
  maxEntryBytes: number;
  /** largest unpacked total of one outer archive (bytes) */
  maxTotalBytes: number;
  /** largest unpacked/packed ratio of a member over 1 MB unpacked */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = { maxDepth: 2, maxEntryBytes: 10 * 1048576, maxTotalBytes: 256 * 1048576, maxRatio: 200 };

export interface ArchiveMember {
  path: string;
  data: Buffer;
}

export type ArchiveKind = 'zip' | 'tar' | 'gzip';

export function archiveKind(b: Buffer): ArchiveKind | null {
  if (b.length >= 18 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8) return 'gzip';
  if (isZip(b)) return 'zip';
  if (isTar(b)) return 'tar';
  return null;
}

const RATIO_FLOOR = 1048576;

/** A member path that is safe to name: relative, no `..` segment, no drive letter. */
export function unsafePath(p: string): string | null {
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return 'an absolute path';
  if (s.split('/').includes('..')) return 'a ../ path';
  if (/[\x00]/.test(s)) return 'a NUL in its name';
  return null;
}

interface Budget {
  total: number;
}

function mb(n: number): string {
  return `${(n / 1048576).toFixed(n >= 10 * 1048576 ? 0 : 1)} MB`;
}

function gunzip(data: Buffer, cap: number): Buffer {
  return gunzipSync(data, { maxOutputLength: Math.max(1, cap) });
}

/** Every regular member of `data` (itself an archive), depth-first, nested archives opened while depth allows. */
export function* walkArchive(data: Buffer, name: string, limits: ArchiveLimits, skipped: Skipped[]): Generator<ArchiveMember> {
  const budget: Budget = { total: 0 };
  yield* walk(data, name, 1, limits, skipped, budget);
}

function* walk(data: Buffer, name: string, depth: number, limits: ArchiveLimits, skipped: Skipped[], budget: Budget): Generator<ArchiveMember> {
  const kind = archiveKind(data);
  if (!kind) return;
  if (depth > limits.maxDepth) {
    skipped.push({ path: name, reason: `archive nested deeper than max-archive-depth ${limits.maxDepth}: not opened` });
    return;
  }
  const take = (path: string, bytes: Buffer): ArchiveMember | null => {
    budget.total += bytes.length;
    if (budget.total > limits.maxTotalBytes) {
      skipped.push({ path, reason: `the archive unpacks to more than ${mb(limits.maxTotalBytes)}: the rest of it was not read` });
      return null;
    }
    return { path, data: bytes };
  };
  if (kind === 'gzip') {
    let out: Buffer;
    try {
      out = gunzip(data, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - budget.total) + 1);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const tooBig = err instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE';
      skipped.push({ path: name, reason: tooBig ? `gzip data unpacks past ${mb(limits.maxEntryBytes)}: not read (a gzip bomb or an oversized member)` : 'damaged gzip data: not read' });
      return;
    }
    if (out.length > limits.maxEntryBytes) {
      skipped.push({ path: name, reason: `gzip data unpacks past ${mb(limits.maxEntryBytes)}: not read (a gzip bomb or an oversized member)` });
      return;
    }
    if (out.length > RATIO_FLOOR && out.length / Math.max(1, data.length) > limits.maxRatio) {
      skipped.push({ path: name, reason: `compression ratio over ${limits.maxRatio}:1: not read (a gzip bomb?)` });
      return;
    }
    const base = name.split('!').pop()?.split('/').pop() ?? name;
    const inner = isTar(out) ? null : base.replace(/\.(tgz)$/i, '.tar').replace(/\.gz$/i, '') || 'data';
    if (inner === null) {
      // tar.gz / tgz: one layer, the tar's members directly under the outer name
      yield* tarMembers(out, name, depth, limits, skipped, budget, take);
      return;
    }
    const m = take(`${name}!${inner}`, out);
    if (!m) return;
    if (archiveKind(out)) yield* walk(out, m.path, depth + 1, limits, skipped, budget);
    else yield m;
    return;
  }
  if (kind === 'tar') {
    yield* tarMembers(data, name, depth, limits, skipped, budget, take);
    return;
  }
  for (const item of readZip(data, name)) {
    const path = `${name}!${item.path}`;
    if ('error' in item) {
      skipped.push({ path: item.path === name ? name : path, reason: item.error });
      if (item.path === name) return;
      continue;
    }
    const bad = unsafePath(item.path);
    if (bad) {
      skipped.push({ path, reason: `member with ${bad}: not read` });
      continue;
    }
    if (item.size > limits.maxEntryBytes) {
      skipped.push({ path, reason: `unpacks to ${mb(item.size)}, over the ${mb(limits.maxEntryBytes)} cap: not read` });
      continue;
    }
    if (item.size > RATIO_FLOOR && item.size / Math.max(1, item.compressedSize) > limits.maxRatio) {
      skipped.push({ path, reason: `compression ratio over ${limits.maxRatio}:1: not read (a zip bomb?)` });
      continue;
    }
    let bytes: Buffer;
    try {
      // the declared size can lie: inflate no further than the cap allows
      bytes = item.read(Math.min(limits.maxEntryBytes, Math.max(0, limits.maxTotalBytes - budget.total)) + 1);
    } catch (err) {
      skipped.push({ path, reason: `${err instanceof ZipError ? err.message : 'unreadable'}: not read` });
      // inflating it cost as much as the cap: count it, so many lying members cannot burn CPU without end
      if (err instanceof ZipError && /past the size cap/.test(err.message)) budget.total += limits.maxEntryBytes;
      if (budget.total > limits.maxTotalBytes) return;
      continue;
    }
    if (bytes.length > limits.maxEntryBytes || budget.total + bytes.length > limits.maxTotalBytes) {
      skipped.push({ path, reason: `unpacks past its declared size or the cap: not read (a zip bomb?)` });
      budget.total += bytes.length;
      if (budget.total > limits.maxTotalBytes) return;
      continue;
    }
    const m = take(path, bytes);
    if (!m) return;
    if (archiveKind(bytes)) yield* walk(bytes, path, depth + 1, limits, skipped, budget);
    else yield m;
  }
}

function* tarMembers(
  data: Buffer, name: string, depth: number, limits: ArchiveLimits, skipped: Skipped[], budget: Budget,
  take: (path: string, bytes: Buffer) => ArchiveMember | null,
): Generator<ArchiveMember> {
  for (const item of readTar(data, name)) {
    if ('error' in item) {
      skipped.push({ path: name, reason: item.error });
      return;
    }
    const path = `${name}!${item.path.replace(/^\.\//, '')}`;
    const bad = unsafePath(item.path);
    if (bad) {
      skipped.push({ path, reason: `member with ${bad}: not read` });
      continue;
    }
    if (item.data.length > limits.maxEntryBytes) {
      skipped.push({ path, reason: `${mb(item.data.length)}, over the ${mb(limits.maxEntryBytes)} cap: not read` });
      continue;
    }
    const m = take(path, item.data);
    if (!m) return;
    if (archiveKind(item.data)) yield* walk(item.data, path, depth + 1, limits, skipped, budget);
    else yield m;
  }
}
