/**
 * Archives as fragments: the text members of an archive found in a tree or a commit, named
 * `outer.zip!inner/path`. Binary members are passed over silently (as binary files in a
 * tree are not findings); what the walk refuses (bombs, oversized, `../`) is a Skipped note.
 */
import { archiveKind, walkArchive, type ArchiveLimits } from '../archive/walk.js';
import type { CommitInfo, Fragment, Skipped } from '../types.js';
import type { SourceStats } from './stats.js';

export interface ArchiveOptions {
  /** undefined or maxDepth 0: archives are not opened */
  archive?: ArchiveLimits;
  skipped: Skipped[];
  stats: SourceStats;
}

const SNIFF = 8000;

function binary(b: Buffer): boolean {
  const n = Math.min(b.length, SNIFF);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

/** True when the options open archives and `buf` is one. */
export function opensArchive(buf: Buffer, opts: { archive?: ArchiveLimits }): boolean {
  return (opts.archive?.maxDepth ?? 0) > 0 && archiveKind(buf) !== null;
}

export async function* archiveFragments(buf: Buffer, path: string, opts: ArchiveOptions, commit?: CommitInfo): AsyncGenerator<Fragment> {
  if (!opts.archive) return;
  for await (const m of walkArchive(buf, path, opts.archive, opts.skipped)) {
    if (binary(m.data)) continue;
    opts.stats.files++;
    opts.stats.bytes += m.data.length;
    const f: Fragment = { text: m.data.toString('utf8'), path: m.path };
    if (commit) f.commit = commit;
    yield f;
  }
}
