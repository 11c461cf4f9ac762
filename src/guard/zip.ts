/**
 * A minimal zip reader for the guard (no zip package is installed): the end-of-central-
 * directory record (zip64 included), each central entry, its local header, then the data,
 * stored or deflated (node:zlib inflateRaw). Encrypted members and other compression
 * methods are reported, not read.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipMember = { name: string; data: () => Buffer } | { name: string; skip: string };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(b: Buffer, at: number): number {
  return Number(b.readBigUInt64LE(at));
}

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  throw new Error('no end of central directory');
}

export function openZip(b: Buffer, maxEntryBytes: number): ZipMember[] {
  const e = findEocd(b);
  let count = b.readUInt16LE(e + 10);
  let cdOffset = b.readUInt32LE(e + 16);
  if (cdOffset === MAX32 || count === 0xffff) {
    const loc = e - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== LOCATOR64) throw new Error('zip64 locator missing');
    const z = u64(b, loc + 8);
    if (b.readUInt32LE(z) !== EOCD64) throw new Error('zip64 directory record missing');
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  const out: ZipMember[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new Error('central directory damaged');
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    let compSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let local = b.readUInt32LE(p + 42);
    const name = b.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // zip64 extra field: the 0xffffffff fields, in order size, compressed size, offset
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = b.readUInt16LE(x);
      const len = b.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === MAX32) { size = u64(b, q); q += 8; }
        if (compSize === MAX32) { compSize = u64(b, q); q += 8; }
        if (local === MAX32) local = u64(b, q);
      }
      x += 4 + len;
    }
    p = xEnd + commentLen;
    if (name.endsWith('/')) continue;
    if ((flags & 1) !== 0) { out.push({ name, skip: 'encrypted zip member: not searched' }); continue; }
    if (method !== 0 && method !== 8) { out.push({ name, skip: `zip compression method ${method}: not searched` }); continue; }
    if (size > maxEntryBytes) { out.push({ name, skip: `zip member larger than ${Math.round(maxEntryBytes / 1048576)} MB: not searched` }); continue; }
    if (local + 30 > b.length || b.readUInt32LE(local) !== LOCAL) { out.push({ name, skip: 'zip local header damaged: not searched' }); continue; }
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + compSize);
    out.push({ name, data: () => (method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) })) });
  }
  return out;
}
