/**
 * The scanner's view of archives: src/archive reads them (zip, tar, gzip, tar.gz/tgz, nested
 * up to a depth, streamed, never written to disk); this walk collects each member whole (up to
 * its cap) for the rules and names it `outer.zip!inner/path`, as gitleaks does. Refusals
 * (bombs, oversized members, `../` names, damaged data) are Skipped notes and cost no other member.
 */
import { readArchive, sniffArchive, unsafeName, type ArchiveKind } from '../../archive/index.js';
import type { Skipped } from '../types.js';

export type { ArchiveKind };

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

/** What `b` is, from its first bytes. */
export function archiveKind(b: Buffer): ArchiveKind | null {
  return sniffArchive(b);
}

/** Why a member path may not be named (absolute, `../`, NUL), or null. */
export const unsafePath = unsafeName;

/** Every regular member of `data` (itself an archive), depth-first, nested archives opened while depth allows. */
export async function* walkArchive(data: Buffer, name: string, limits: ArchiveLimits, skipped: Skipped[]): AsyncGenerator<ArchiveMember> {
  for await (const m of readArchive(data, name, { ...limits, refuseUnsafeNames: true, gzipNames: 'inner' }, skipped)) {
    if (m.unopened) {
      if (m.unopened.why === 'too deep') skipped.push({ path: m.path, reason: `archive nested deeper than max-archive-depth ${limits.maxDepth}: not opened` });
      continue;
    }
    const bytes = await m.read();
    if (bytes) yield { path: m.path, data: bytes };
  }
}
