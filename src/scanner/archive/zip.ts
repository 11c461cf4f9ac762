/**
 * A minimal zip reader over a Buffer, driven by the central directory (the local headers'
 * sizes can lie; the directory is what unzip tools trust). Stored and deflated members;
 * zip64 sizes and offsets; encrypted members and other methods are reported, not read.
 * Inflation is capped (maxOutputLength), so a member that inflates past the cap is refused
 * before it fills memory.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipMember {
  path: string;
  /** returns the member's bytes, or throws when it cannot or may not be read */
  read(maxBytes: number): Buffer;
  compressedSize: number;
  size: number;
}

export type ZipItem = ZipMember | { error: string; path: string };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(b: Buffer): boolean {
  if (b.length < 22) return false;
  const sig = b.readUInt32LE(0);
  return sig === LOCAL || sig === EOCD;
}

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function u64(b: Buffer, off: number): number {
  const v = b.readBigUInt64LE(off);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v);
}

export class ZipError extends Error {}

export function* readZip(buf: Buffer, archiveName: string): Generator<ZipItem> {
  const e = findEocd(buf);
  if (e < 0) {
    yield { error: 'not a readable zip (no end of central directory)', path: archiveName };
    return;
  }
  let count = buf.readUInt16LE(e + 10);
  let cdOffset = buf.readUInt32LE(e + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && e >= 20 && buf.readUInt32LE(e - 20) === EOCD64_LOCATOR) {
    const z = u64(buf, e - 12);
    if (z >= 0 && z + 56 <= buf.length && buf.readUInt32LE(z) === EOCD64) {
      count = u64(buf, z + 32);
      cdOffset = u64(buf, z + 48);
    }
  }
  let off = cdOffset;
  for (let i = 0; i < count; i++) {
    if (off < 0 || off + 46 > buf.length || buf.readUInt32LE(off) !== CENTRAL) {
      yield { error: 'the zip central directory is damaged: the rest of the archive was not read', path: archiveName };
      return;
    }
    const flags = buf.readUInt16LE(off + 8);
    const method = buf.readUInt16LE(off + 10);
    let csize = buf.readUInt32LE(off + 20);
    let usize = buf.readUInt32LE(off + 24);
    const nameLen = buf.readUInt16LE(off + 28);
    const extraLen = buf.readUInt16LE(off + 30);
    const commentLen = buf.readUInt16LE(off + 32);
    let local = buf.readUInt32LE(off + 42);
    const path = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', off + 46, off + 46 + nameLen);
    const extra = buf.subarray(off + 46 + nameLen, off + 46 + nameLen + extraLen);
    off += 46 + nameLen + extraLen + commentLen;
    // zip64 extended information: the fields that are 0xffffffff, in order
    for (let x = 0; x + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(x);
      const len = extra.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (usize === 0xffffffff && p + 8 <= x + 4 + len) { usize = u64(extra, p); p += 8; }
        if (csize === 0xffffffff && p + 8 <= x + 4 + len) { csize = u64(extra, p); p += 8; }
        if (local === 0xffffffff && p + 8 <= x + 4 + len) local = u64(extra, p);
      }
      x += 4 + len;
    }
    if (path.endsWith('/')) continue;
    if (flags & 0x1) {
      yield { error: 'encrypted member: not read', path };
      continue;
    }
    if (method !== 0 && method !== 8) {
      yield { error: `compression method ${method} is not supported: not read`, path };
      continue;
    }
    const size = usize;
    const compressedSize = csize;
    yield {
      path,
      size,
      compressedSize,
      read(maxBytes: number): Buffer {
        if (local < 0 || local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipError('its local header is damaged');
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        if (compressedSize < 0 || start + compressedSize > buf.length) throw new ZipError('the archive ends inside it');
        const raw = buf.subarray(start, start + compressedSize);
        if (method === 0) {
          if (raw.length > maxBytes) throw new ZipError('larger than the size cap');
          return raw;
        }
        try {
          return inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
        } catch (err) {
          if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('inflates past the size cap');
          throw new ZipError('its deflate data is damaged');
        }
      },
    };
  }
}
