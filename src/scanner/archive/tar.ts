/**
 * A minimal tar reader over a Buffer: ustar and old-GNU headers, pax extended headers
 * (`path`, `size`), GNU long names (`L`). Only regular files are returned; directories and
 * links are passed over. Every header's checksum is verified: a damaged header ends the read
 * with an error, so a crafted archive cannot send the reader off into the data.
 */
export interface TarEntry {
  path: string;
  data: Buffer;
}

export type TarItem = TarEntry | { error: string; path: string };

const BLOCK = 512;

function cstr(b: Buffer, off: number, len: number): string {
  const end = b.indexOf(0, off);
  return b.toString('utf8', off, end < 0 || end > off + len ? off + len : end);
}

/** Octal (NUL/space padded) or GNU base-256 (high bit set) number field. */
function num(b: Buffer, off: number, len: number): number {
  const first = b[off] ?? 0;
  if (first & 0x80) {
    let v = first & 0x7f;
    for (let i = 1; i < len; i++) v = v * 256 + (b[off + i] ?? 0);
    return v;
  }
  const s = cstr(b, off, len).trim();
  return s ? parseInt(s, 8) : 0;
}

function checksumOk(h: Buffer): boolean {
  const want = num(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
  return sum === want;
}

export function isTar(b: Buffer): boolean {
  if (b.length < BLOCK) return false;
  const magic = b.toString('latin1', 257, 262);
  return (magic === 'ustar') && checksumOk(b.subarray(0, BLOCK));
}

function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let off = 0;
  while (off < data.length) {
    const sp = data.indexOf(0x20, off);
    if (sp < 0) break;
    const len = parseInt(data.toString('latin1', off, sp), 10);
    if (!Number.isFinite(len) || len <= 0 || off + len > data.length) break;
    const rec = data.toString('utf8', sp + 1, off + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    off += len;
  }
  return out;
}

export function* readTar(buf: Buffer, archiveName: string): Generator<TarItem> {
  let off = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();
  while (off + BLOCK <= buf.length) {
    const h = buf.subarray(off, off + BLOCK);
    if (h.every((x) => x === 0)) return;
    if (!checksumOk(h)) {
      yield { error: 'a tar header is damaged: the rest of the archive was not read', path: archiveName };
      return;
    }
    const type = String.fromCharCode(h[156] ?? 0);
    let size = num(h, 124, 12);
    const paxSize = pax.get('size');
    if (paxSize !== undefined && /^\d+$/.test(paxSize)) size = Number(paxSize);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (!Number.isSafeInteger(size) || size < 0 || dataEnd > buf.length) {
      yield { error: 'the tar archive ends inside a member', path: archiveName };
      return;
    }
    const data = buf.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = cstr(data, 0, data.length);
      continue;
    }
    if (type === 'K') continue;
    const prefix = h.toString('latin1', 257, 262) === 'ustar' ? cstr(h, 345, 155) : '';
    const base = cstr(h, 0, 100);
    const path = pax.get('path') ?? longName ?? (prefix ? `${prefix}/${base}` : base);
    longName = undefined;
    pax = new Map();
    if (type === '0' || type === '\0' || type === '7') yield { path, data };
  }
}
