/** The limits of one read, its notes and its running total, shared by every layer of one outer archive. */
import { ArchiveRefused, Source } from './source.js';
import type { ArchiveKind } from './sniff.js';

export interface ArchiveNote {
  path: string;
  reason: string;
}

export interface ReadLimits {
  /** how many archive layers to open: 1 opens the outer archive only; deeper ones are handed over unopened */
  maxDepth: number;
  /** largest member, unpacked (default: no cap) */
  maxEntryBytes?: number;
  /** largest unpacked total of one outer archive (default: no cap) */
  maxTotalBytes?: number;
  /** largest unpacked/packed ratio once a member or gzip stream passes 1 MB unpacked (default: no cap) */
  maxRatio?: number;
  /** largest zip (its directory is at its end, so it is held in memory; default: no cap) */
  maxZipBytes?: number;
  /** skip members named with an absolute or `../` path, with a note (default true) */
  refuseUnsafeNames?: boolean;
  /** what a gzip's content (not a tar) is called: `x.gz!x` as gitleaks does ('inner', default) or `x.gz` ('same') */
  gzipNames?: 'inner' | 'same';
}

/** Past this many unpacked bytes the compression ratio is checked. */
export const RATIO_FLOOR = 1048576;

/** One member handed to the caller, in archive order. */
export interface ArchiveMember {
  /** `outer.zip!inner/path` (nested: `a.tar!b.zip!c.txt`) */
  path: string;
  /** set when the member is an archive handed over unopened: nested deeper than maxDepth, or not readable as its kind */
  unopened?: { kind: ArchiveKind; why: 'too deep' | 'unreadable' };
  /**
   * Its bytes as a stream of chunks, once, before the next member is asked for. Throws
   * ArchiveRefused when the reader refuses it midway (a cap, a bomb, damaged data): a note
   * says why; what came before was real data.
   */
  chunks(): AsyncIterable<Buffer>;
  /** Its bytes whole (within the member cap), or null when refused (a note says why). */
  read(): Promise<Buffer | null>;
}

/** Opens what `src` holds at `layer` (sniffing it again), or hands it over as a member. */
export type Opener = (path: string, src: Source, layer: number) => AsyncGenerator<ArchiveMember>;

export class ReadContext {
  readonly maxDepth: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
  readonly maxZipBytes: number;
  readonly refuseUnsafeNames: boolean;
  readonly gzipNames: 'inner' | 'same';
  /** unpacked bytes read so far from members of this outer archive */
  total = 0;
  /** the total passed its cap: every layer stops */
  stopped = false;

  constructor(
    limits: ReadLimits,
    readonly notes: ArchiveNote[],
  ) {
    this.maxDepth = limits.maxDepth;
    this.maxEntryBytes = limits.maxEntryBytes ?? Infinity;
    this.maxTotalBytes = limits.maxTotalBytes ?? Infinity;
    this.maxRatio = limits.maxRatio ?? Infinity;
    this.maxZipBytes = limits.maxZipBytes ?? Infinity;
    this.refuseUnsafeNames = limits.refuseUnsafeNames ?? true;
    this.gzipNames = limits.gzipNames ?? 'inner';
  }

  note(path: string, reason: string): void {
    this.notes.push({ path, reason });
  }

  /** Notes the reason and returns the error that stops the member (throw it). */
  refuse(path: string, reason: string): ArchiveRefused {
    this.note(path, reason);
    return new ArchiveRefused(reason);
  }

  /** A member's bytes, counted against its cap and the outer archive's total. */
  counted(src: Source, path: string, capReason: string): Source {
    if (this.maxEntryBytes === Infinity && this.maxTotalBytes === Infinity) return src;
    let n = 0;
    return new Source(src, {
      count: (bytes) => {
        n += bytes;
        this.total += bytes;
        if (n > this.maxEntryBytes) throw this.refuse(path, capReason);
        if (this.total > this.maxTotalBytes) {
          this.stopped = true;
          throw this.refuse(path, `the archive unpacks to more than ${mb(this.maxTotalBytes)}: the rest of it was not read`);
        }
      },
    });
  }

  /** Charges a refused member's cost to the total (a member lying about its size costs its cap). */
  charge(bytes: number): boolean {
    this.total += bytes;
    if (this.total > this.maxTotalBytes) this.stopped = true;
    return this.stopped;
  }
}

export function mb(n: number): string {
  return `${(n / 1048576).toFixed(n >= 10 * 1048576 ? 0 : 1)} MB`;
}

/** Why a member name is refused: absolute, with a `..` segment, a drive letter or a NUL; null when it is safe to name. */
export function unsafeName(p: string): string | null {
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return 'an absolute path';
  if (s.split('/').includes('..')) return 'a ../ path';
  if (s.includes('\0')) return 'a NUL in its name';
  return null;
}
