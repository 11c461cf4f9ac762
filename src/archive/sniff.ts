/**
 * What a file or member is, from its first bytes only (never its name): zip (a local header
 * `PK\x03\x04`, or `PK\x05\x06`: an empty zip), gzip (1f 8b, deflate), tar (a 512-byte header
 * whose checksum is right: ustar/GNU magic at 257, or an old v7 header with a name).
 */
export type ArchiveKind = 'zip' | 'tar' | 'gzip';

/** How many leading bytes sniffArchive wants (a tar header). */
export const SNIFF_BYTES = 512;

function octal(b: Buffer, off: number, len: number): number {
  let end = off;
  while (end < off + len && b[end] === 0x20) end++;
  let v = 0;
  let digits = 0;
  for (let i = end; i < off + len; i++) {
    const c = b[i] ?? 0;
    if (c < 0x30 || c > 0x37) break;
    v = v * 8 + (c - 0x30);
    digits++;
  }
  return digits ? v : -1;
}

/** True when `h` starts with a tar header whose checksum adds up (signed or unsigned sum, as tar allows). */
export function tarHeaderOk(h: Buffer): boolean {
  if (h.length < SNIFF_BYTES) return false;
  const want = octal(h, 148, 8);
  if (want < 0) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < SNIFF_BYTES; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  if (want !== unsigned && want !== signed) return false;
  const magic = h.toString('latin1', 257, 262);
  // ustar (POSIX) and GNU share the magic; a v7 header has none, but must name its member
  return magic === 'ustar' || (h[0] !== 0 && h[257] === 0);
}

export function sniffArchive(head: Buffer): ArchiveKind | null {
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8) return 'gzip';
  if (head.length >= 22 && head[0] === 0x50 && head[1] === 0x4b) {
    const sig = head.readUInt32LE(0);
    if (sig === 0x04034b50 || sig === 0x06054b50) return 'zip';
  }
  if (tarHeaderOk(head)) return 'tar';
  return null;
}
