/**
 * The hot loop of the guard. Forms are grouped by window size (16 bytes, or 8 / 4 for
 * short forms); each form recorded the hash of its window at offsets 0 .. K-1. A group
 * samples the text every `step` bytes (the smallest K in the group): any occurrence of a
 * form covers one sampled position at an offset below K, whose window hash is then in the
 * table. A bit table rejects almost every sample in a few instructions; a hit is checked
 * against the exact 32-bit hash, then the form's first window at the implied start, then
 * confirmed by the HMAC of the whole form. Windows are hashed as 32-bit words and all groups
 * share one pass over aligned 16-byte blocks, so 16 bytes cost four loads, seven multiplies
 * and at most seven bit-table probes; no secret value is ever needed.
 * Bytes stream through in chunks; enough bytes are carried over that a value split across
 * two chunks is found, once. Lines are counted only where needed.
 * The forms are whatever the caller hashed (the guard's record entries): the matcher needs their
 * hashes and a label, and hands the whole form back with each hit.
 */
import { createHmac } from 'node:crypto';
import { endianness } from 'node:os';
import { windowHash, type Keys } from './guard-hash.js';

/** A form as the matcher knows it: its keyed hashes, never its bytes. */
export interface HashedForm {
  /** HMAC-SHA256 (hex) of the form's bytes under the keys' key */
  hmac: string;
  /** the form's length in bytes */
  length: number;
  /** what the form stands for: hits of one label on one line are reported once */
  label: string;
  /** window size (16, 8 or 4 bytes: guard-hash.ts windowFor) */
  window: number;
  /** hash of the window at offset 0, 1, ... of the form (pads removed) */
  windows: readonly number[];
}

/** The forms to look for and the keys they were hashed with. */
export interface HashedForms<F extends HashedForm> {
  keys: Keys;
  entries: readonly F[];
}

/** One occurrence of a form in a stream. */
export interface Hit<F extends HashedForm> {
  line: number;
  /** 1-based byte column */
  column: number;
  form: F;
}

interface Candidate<F extends HashedForm> {
  hash: number;
  offset: number;
  entry: F;
}

/** The forms sharing one window size. */
export interface Group<F extends HashedForm> {
  window: number;
  step: number;
  minLength: number;
  bits: Int32Array;
  shift: number;
  table: Map<number, Candidate<F>[]>;
}

function buildGroup<F extends HashedForm>(window: number, entries: readonly F[]): Group<F> {
  const step = entries.reduce((m, e) => Math.min(m, e.windows.length), Infinity);
  const keys = entries.length * step;
  const log2 = Math.min(20, Math.max(14, Math.ceil(Math.log2(Math.max(1, keys) * 64))));
  const bits = new Int32Array((1 << log2) >>> 5);
  const shift = 32 - log2;
  const table = new Map<number, Candidate<F>[]>();
  for (const entry of entries) {
    for (let offset = 0; offset < step; offset++) {
      const h = entry.windows[offset] ?? 0;
      const idx = h >>> shift;
      bits[idx >>> 5] = (bits[idx >>> 5] ?? 0) | (1 << (idx & 31));
      // keyed by 30 bits, so the key stays a small integer (no heap number per lookup)
      const list = table.get(h >>> 2) ?? [];
      list.push({ hash: h, offset, entry });
      table.set(h >>> 2, list);
    }
  }
  return { window, step, minLength: entries.reduce((m, e) => Math.min(m, e.length), Infinity), bits, shift, table };
}

export class Matcher<F extends HashedForm> {
  readonly keys: Keys;
  readonly groups: Group<F>[] = [];
  /** groups sampled in the fused pass (window = step = 4, 8 or 16) */
  readonly fused4: Group<F> | undefined;
  readonly fused8: Group<F> | undefined;
  readonly fused16: Group<F> | undefined;
  /** groups sampled on their own (4-byte windows of forms shorter than 7 bytes) */
  readonly slow: Group<F>[] = [];
  readonly maxLength: number;
  readonly size: number;

  constructor(forms: HashedForms<F>) {
    this.keys = forms.keys;
    const entries = forms.entries.filter((e) => e.windows.length > 0);
    this.size = entries.length;
    this.maxLength = entries.reduce((m, e) => Math.max(m, e.length), 16);
    for (const w of [16, 8, 4]) {
      const mine = entries.filter((e) => e.window === w);
      if (mine.length) this.groups.push(buildGroup(w, mine));
    }
    // the fused pass reads 32-bit words as little-endian (every platform Node runs CI on)
    const le = endianness() === 'LE';
    const fused = (w: number): Group<F> | undefined => (le ? this.groups.find((g) => g.window === w && g.step === w) : undefined);
    this.fused4 = fused(4);
    this.fused8 = fused(8);
    this.fused16 = fused(16);
    for (const g of this.groups) if (g !== this.fused4 && g !== this.fused8 && g !== this.fused16) this.slow.push(g);
  }

  /** chunk buffers of finished streams, reused (a tree of small files allocates one) */
  private readonly free: ArrayBuffer[] = [];

  /** A scanner for one stream's bytes (a file); hits go to `found`. */
  stream(found: (hit: Hit<F>) => void): StreamScan<F> {
    return new StreamScan(this, found);
  }

  takeMemory(): ArrayBuffer {
    return this.free.pop() ?? new ArrayBuffer(CHUNK + ((this.maxLength + 67) & ~3));
  }

  giveMemory(m: ArrayBuffer): void {
    if (this.free.length < 4) this.free.push(m);
  }
}

const CHUNK = 1 << 20;
const EMPTY = new Int32Array(1);

export class StreamScan<F extends HashedForm> {
  private readonly buf: Buffer;
  /** the same memory as a plain Uint8Array and as 32-bit words (the hot loop reads those) */
  private readonly view: Uint8Array;
  private readonly words: Int32Array;
  private readonly memory: ArrayBuffer;
  private ended = false;
  /** bytes held in buf */
  private len = 0;
  /** absolute offset of buf[0] */
  private base = 0;
  /** newlines before buf[0] */
  private lines = 0;
  /** absolute offset of the last newline before buf[0] (-1: none) */
  private lastNl = -1;
  private readonly seen = new Set<string>();
  bytes = 0;

  constructor(
    private readonly m: Matcher<F>,
    private readonly found: (hit: Hit<F>) => void,
  ) {
    const memory = m.takeMemory();
    this.memory = memory;
    this.buf = Buffer.from(memory);
    this.view = new Uint8Array(memory);
    this.words = new Int32Array(memory);
  }

  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(this.buf.length - this.len, chunk.length - off);
      this.buf.set(chunk.subarray(off, off + n), this.len);
      this.len += n;
      off += n;
      if (this.len === this.buf.length) this.scan(false);
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.scan(true);
    this.m.giveMemory(this.memory);
  }

  /** Checks every start position below `limit` (the rest is carried to the next chunk). */
  private scan(final: boolean): void {
    // retiring whole words keeps buf[0] at an absolute offset that is a multiple of 4, so
    // the blocks at absolute multiples of 16 are word-aligned in memory
    const limit = final ? this.len : (this.len - this.m.maxLength + 1) & ~3;
    if (limit <= 0) return;
    this.sampleAll(limit);
    if (final) {
      this.len = 0;
      return;
    }
    this.retire(limit);
  }

  /** Where a group's samples must stop: the last one that can start a form below limit. */
  private endOf(g: Group<F>, limit: number): number {
    return Math.min(limit + g.step - 1, this.len - g.window + 1);
  }

  /** Samples of one group in [from, to), each hashed on its own (the edges, and short groups). */
  private sample(g: Group<F>, from: number, to: number, limit: number): void {
    const b = this.view;
    const W = g.window;
    const B = this.m.keys.base;
    const step = g.step;
    let t = from + ((step - ((this.base + from) % step)) % step);
    for (; t < to; t += step) {
      const h = windowHash(B, b, t, W);
      const idx = h >>> g.shift;
      if ((g.bits[idx >>> 5]! & (1 << (idx & 31))) !== 0) this.check(g, t, h, limit);
    }
  }

  /**
   * One pass for all groups: per 16-byte block (at absolute multiples of 16) four 4-byte
   * window hashes, combined into two 8-byte and one 16-byte window hash, so each byte costs
   * one multiply whatever the groups; each group probes its bit table at its own step.
   */
  private sampleAll(limit: number): void {
    const m = this.m;
    const g4 = m.fused4;
    const g8 = m.fused8;
    const g16 = m.fused16;
    for (const g of m.slow) this.sample(g, 0, this.endOf(g, limit), limit);
    if (!g4 && !g8 && !g16) return;
    const e4 = g4 ? this.endOf(g4, limit) : -1;
    const e8 = g8 ? this.endOf(g8, limit) : -1;
    const e16 = g16 ? this.endOf(g16, limit) : -1;
    const endAll = Math.max(e4, e8, e16);
    const t0 = (16 - (this.base % 16)) % 16;
    const blocksEnd = Math.min(endAll, this.len - 15);
    // the head before the first block and the tail after the last whole one
    for (const [g, e] of [
      [g4, e4],
      [g8, e8],
      [g16, e16],
    ] as const) {
      if (!g) continue;
      this.sample(g, 0, Math.min(t0, e), limit);
    }
    const u = this.words;
    const B = m.keys.base | 0;
    const B2 = Math.imul(B, B);
    const bits4 = g4 ? g4.bits : EMPTY;
    const bits8 = g8 ? g8.bits : EMPTY;
    const bits16 = g16 ? g16.bits : EMPTY;
    const s4 = g4 ? g4.shift : 0;
    const s8 = g8 ? g8.shift : 0;
    const s16 = g16 ? g16.shift : 0;
    let t = t0;
    for (; t < blocksEnd; t += 16) {
      const q = t >> 2;
      const a = Math.imul(u[q]!, B);
      const c = Math.imul(u[q + 1]!, B);
      const d = Math.imul(u[q + 2]!, B);
      const e = Math.imul(u[q + 3]!, B);
      if (g4) {
        let i = a >>> s4;
        if ((bits4[i >>> 5]! & (1 << (i & 31))) !== 0 && t < e4) this.check(g4, t, a >>> 0, limit);
        i = c >>> s4;
        if ((bits4[i >>> 5]! & (1 << (i & 31))) !== 0 && t + 4 < e4) this.check(g4, t + 4, c >>> 0, limit);
        i = d >>> s4;
        if ((bits4[i >>> 5]! & (1 << (i & 31))) !== 0 && t + 8 < e4) this.check(g4, t + 8, d >>> 0, limit);
        i = e >>> s4;
        if ((bits4[i >>> 5]! & (1 << (i & 31))) !== 0 && t + 12 < e4) this.check(g4, t + 12, e >>> 0, limit);
      }
      const x = (Math.imul(a, B) + c) | 0;
      const y = (Math.imul(d, B) + e) | 0;
      if (g8) {
        let i = x >>> s8;
        if ((bits8[i >>> 5]! & (1 << (i & 31))) !== 0 && t < e8) this.check(g8, t, x >>> 0, limit);
        i = y >>> s8;
        if ((bits8[i >>> 5]! & (1 << (i & 31))) !== 0 && t + 8 < e8) this.check(g8, t + 8, y >>> 0, limit);
      }
      if (g16) {
        const z = (Math.imul(x, B2) + y) | 0;
        const i = z >>> s16;
        if ((bits16[i >>> 5]! & (1 << (i & 31))) !== 0 && t < e16) this.check(g16, t, z >>> 0, limit);
      }
    }
    for (const [g, e] of [
      [g4, e4],
      [g8, e8],
      [g16, e16],
    ] as const) {
      if (!g) continue;
      this.sample(g, Math.max(t, t0), e, limit);
    }
  }

  private check(g: Group<F>, t: number, h: number, limit: number): void {
    const cands = g.table.get(h >>> 2);
    if (!cands) return;
    const b = this.view;
    let macs: Map<string, string> | undefined;
    for (const c of cands) {
      if (c.hash !== h) continue;
      const p = t - c.offset;
      const n = c.entry.length;
      // a start below 0 belonged to the previous chunk, one at limit or later to the next
      if (p < 0 || p >= limit || p + n > this.len) continue;
      if (c.offset !== 0 && windowHash(this.m.keys.base, b, p, g.window) !== c.entry.windows[0]) continue;
      macs ??= new Map();
      const at = `${p}:${n}`;
      let mac = macs.get(at);
      if (mac === undefined) {
        mac = createHmac('sha256', this.m.keys.key)
          .update(b.subarray(p, p + n))
          .digest('hex');
        macs.set(at, mac);
      }
      if (mac === c.entry.hmac) this.report(p, c.entry);
    }
  }

  private report(p: number, entry: F): void {
    const before = this.buf.subarray(0, p);
    let nl = 0;
    let last = -1;
    for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) {
      nl++;
      last = i;
    }
    const line = this.lines + nl + 1;
    const key = `${line}\0${entry.label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const lineStart = last >= 0 ? this.base + last : this.lastNl;
    this.found({ line, column: this.base + p - lineStart, form: entry });
  }

  /** Drops buf[0, n): counts its newlines, keeps the rest at the front. */
  private retire(n: number): void {
    const b = this.buf;
    const gone = b.subarray(0, n);
    for (let i = gone.indexOf(10); i >= 0; i = gone.indexOf(10, i + 1)) {
      this.lines++;
      this.lastNl = this.base + i;
    }
    b.copyWithin(0, n, this.len);
    this.len -= n;
    this.base += n;
  }
}
