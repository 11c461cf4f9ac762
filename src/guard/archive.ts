/**
 * Opening what a build produces, as the guard reads it: every file is sniffed by its first
 * bytes, not its name. A plain file goes straight to the matcher; an archive (zip, tar, gzip,
 * tar.gz, a `docker save` tarball with its layer.tar or OCI blobs, gzipped or not) is read by
 * src/archive as a stream, member by member, each member searched as it streams and named
 * `archive!member`, as gitleaks names them. Nesting stops at maxDepth: a deeper archive is
 * searched as raw bytes; what cannot be opened is reported as skipped, never silently passed.
 */
import { ArchiveRefused, readArchive, sniffArchive, type ArchiveMember } from '../archive/index.js';
import type { Matcher } from '../kernels/guard-matcher.js';
import type { RecordEntry } from './record.js';
import type { GuardFinding } from './search.js';

export interface ScanContext {
  matcher: Matcher<RecordEntry>;
  /** archive layers opened: deeper ones are searched as raw bytes */
  maxDepth: number;
  /** largest zip (held in memory to read its directory) */
  maxZipBytes: number;
  findings: GuardFinding[];
  skipped: { path: string; reason: string }[];
  bytes: number;
  files: number;
}

/** True when a file starting with `head` is opened as an archive (else it is searched as it is). */
export function isArchive(head: Buffer): boolean {
  return sniffArchive(head) !== null;
}

/** One stream of bytes through the matcher; chunks are not kept after write() returns. */
export class FileScan {
  private readonly s;
  constructor(
    private readonly ctx: ScanContext,
    path: string,
  ) {
    ctx.files++;
    this.s = ctx.matcher.stream((h) => ctx.findings.push({ path, line: h.line, column: h.column, label: h.form.label, form: h.form.form }));
  }
  write(chunk: Buffer): void {
    this.s.write(chunk);
  }
  end(): void {
    this.s.end();
    this.ctx.bytes += this.s.bytes;
  }
}

async function searchMember(ctx: ScanContext, m: ArchiveMember): Promise<void> {
  if (m.unopened?.why === 'too deep') ctx.skipped.push({ path: m.path, reason: `archive nested deeper than ${ctx.maxDepth}: searched as raw bytes` });
  const scan = new FileScan(ctx, m.path);
  try {
    for await (const chunk of m.chunks()) scan.write(chunk);
  } catch (err) {
    // what streamed before the refusal was searched; the reader noted why it stopped
    if (!(err instanceof ArchiveRefused)) throw err;
  } finally {
    scan.end();
  }
}

/** An archive file (its chunks, the first already read), searched member by member. */
export async function searchArchive(ctx: ScanContext, path: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  const limits = { maxDepth: ctx.maxDepth, maxZipBytes: ctx.maxZipBytes, refuseUnsafeNames: false, gzipNames: 'same' as const };
  for await (const m of readArchive(chunks, path, limits, ctx.skipped)) await searchMember(ctx, m);
}
