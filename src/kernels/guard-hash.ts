/**
 * The two hashes of the guard, both keyed with the job's random key:
 * - HMAC-SHA256 of a form's bytes: what confirms a match (never reversible to the value);
 * - a polynomial hash mod 2^32 (over 32-bit words) of a fixed-size window of the form at its first few offsets,
 *   with a base derived from the key: what the search computes at sampled positions of the
 *   text. Each stored window hash is XORed with a keyed pad, so without the key the record
 *   says nothing about the value's bytes.
 */
import { createHmac } from 'node:crypto';

/**
 * The window a form is fingerprinted with: 16 bytes for forms of 31 bytes or more, 8 bytes
 * from 15, else 4; each form records its window at offsets 0 .. min(length - window, window - 1),
 * so the search samples a group's text every `window` bytes (the shortest forms less often).
 * A 16-byte window cannot be guessed from its hash even by someone holding the key; shorter
 * windows only exist for shorter forms (see README: what the record protects).
 */
export function windowFor(length: number): number {
  return length >= 31 ? 16 : length >= 15 ? 8 : 4;
}

/** How many window offsets a form records (0 .. count-1). */
export function offsetsFor(length: number): number {
  const w = windowFor(length);
  return Math.max(1, Math.min(length - w + 1, w));
}

/** The pads that hide a form's window hashes: keyed functions of the form's HMAC and the offset. */
export function windowPads(keys: Keys, hmac: string, count: number): number[] {
  const d = createHmac('sha512', keys.key).update(`pads:${hmac}`).digest();
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(d.readUInt32BE((i * 4) % 64));
  return out;
}

export interface Keys {
  key: Buffer;
  /** short id of the key, so lines written under another key are recognised */
  kid: string;
  /** odd multiplier of the window hash */
  base: number;
}

export function deriveKeys(key: Buffer): Keys {
  const kid = createHmac('sha256', key).update('pipeline-secrets guard key id').digest('hex').slice(0, 16);
  const base = (createHmac('sha256', key).update('pipeline-secrets guard rolling base').digest().readUInt32BE(0) | 1) >>> 0;
  return { key, kid, base };
}

export function hmacHex(keys: Keys, bytes: Uint8Array): string {
  return createHmac('sha256', keys.key).update(bytes).digest('hex');
}

/**
 * The window hash of bytes[start, start+len) (len a multiple of 4): the window as
 * little-endian 32-bit words w0..wk-1, hashed as sum of wj * base^(k-j) mod 2^32. Words, not
 * bytes, so the search reads a 16-byte window with four loads and four multiplies.
 */
export function windowHash(base: number, bytes: Uint8Array, start: number, len: number): number {
  let h = 0;
  for (let i = start; i < start + len; i += 4) {
    const w = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24);
    h = (Math.imul(h, base) + Math.imul(w, base)) | 0;
  }
  return h >>> 0;
}
