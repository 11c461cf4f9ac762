/**
 * Finds every occurrence of many byte patterns (the forms of thousands of secrets) in output
 * that may arrive in pieces, for the masker (core/mask.ts) and the stream redactor of `exec`.
 *
 * What is redacted: the union of every occurrence of every form, overlapping ones merged (so
 * two secrets that overlap are both hidden, where a leftmost-first alternation would show the
 * tail of the second). Occurrences are looked for twice: in the raw bytes, and in a view of
 * the bytes without terminal escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL` or
 * `ESC ] ... ESC \`, `ESC x` and `ESC ( B`-like ones) and NUL bytes, since a log viewer shows
 * `ab ESC[31m cd` as `abcd`; an occurrence in the view redacts its whole original span,
 * escape sequences inside included.
 *
 * How: the patterns are kept sorted in one buffer (no trie: ten thousand secrets with forty
 * forms each would need millions of nodes). A bit table over the first four bytes rejects
 * almost every position of the text in a few instructions; a hit is resolved by binary search
 * among the patterns sharing those four bytes: the predecessor of the text in sorted order and
 * the chain of its prefixes give the longest pattern starting there, and the successor says
 * whether a longer one could still start there once more bytes arrive. Patterns added later
 * go to a new sorted level; levels of similar size are merged, so adding one secret at a time
 * costs O(n log n) in all.
 *
 * Streaming: scan(buf, false) returns the regions to redact and `hold`, where the undecided
 * tail begins: the first position where a pattern could still start, or an escape sequence
 * not yet complete; no region crosses it. Callers print up to hold and keep the rest.
 */

/** An escape sequence longer than this is not one: only its first two bytes are removed. */
const CSI_MAX = 256;
const OSC_MAX = 8192;
const ESC = 0x1b;
const BEL = 0x07;
const MIN_PATTERN = 4;

function keyAt(v: Uint8Array, i: number): number {
  return ((v[i]! << 24) | (v[i + 1]! << 16) | (v[i + 2]! << 8) | v[i + 3]!) >>> 0;
}

const HASH = 0x9e3779b1 | 0;

function hashKey(key: number, shift: number): number {
  return Math.imul(key, HASH) >>> shift;
}

/** One sorted run of patterns. */
class Level {
  readonly count: number;
  readonly maxLen: number;
  private readonly data: Buffer;
  private readonly starts: Int32Array;
  /** the longest pattern that is a proper prefix of pattern k, or -1 */
  private readonly parent: Int32Array;
  private readonly ranges = new Map<number, number>();
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;

  /** `sorted`: latin1 strings of at least 4 bytes, sorted and without repeats */
  constructor(sorted: readonly string[]) {
    this.count = sorted.length;
    this.data = Buffer.from(sorted.join(''), 'latin1');
    this.starts = new Int32Array(sorted.length + 1);
    this.parent = new Int32Array(sorted.length);
    let off = 0;
    let maxLen = 0;
    const stack: number[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    let prevKey = -1;
    for (let k = 0; k < sorted.length; k++) {
      const s = sorted[k] ?? '';
      this.starts[k] = off;
      off += s.length;
      if (s.length > maxLen) maxLen = s.length;
      while (stack.length && !s.startsWith(sorted[stack[stack.length - 1] ?? 0] ?? '')) stack.pop();
      this.parent[k] = stack.length ? (stack[stack.length - 1] ?? -1) : -1;
      stack.push(k);
      const key = keyAt(this.data, this.starts[k]!);
      if (key !== prevKey) {
        this.ranges.set(key, lo.length);
        lo.push(k);
        hi.push(k + 1);
        prevKey = key;
      } else hi[hi.length - 1] = k + 1;
    }
    this.starts[sorted.length] = off;
    this.maxLen = maxLen;
    this.lo = Int32Array.from(lo);
    this.hi = Int32Array.from(hi);
  }

  patterns(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.data.toString('latin1', this.starts[k], this.starts[k + 1]));
    return out;
  }

  keys(): IterableIterator<number> {
    return this.ranges.keys();
  }

  get keyCount(): number {
    return this.ranges.size;
  }

  /**
   * At v[i..vlen) (4 bytes at least, first four making `key`): the length of the longest
   * pattern starting there, times 2, plus 1 when a longer pattern could still start there.
   */
  lookup(v: Uint8Array, i: number, vlen: number, key: number, final: boolean): number {
    const r = this.ranges.get(key);
    if (r === undefined) return 0;
    const lo = this.lo[r]!;
    const hi = this.hi[r]!;
    const avail = vlen - i;
    const tEnd = i + Math.min(avail, this.maxLen);
    const { data, starts } = this;
    // first pattern greater than the text
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (data.compare(v, i, tEnd, starts[m]!, starts[m + 1]!) <= 0) a = m + 1;
      else b = m;
    }
    let len = 0;
    if (a > lo) {
      let k = a - 1;
      const ps = starts[k]!;
      const pl = starts[k + 1]! - ps;
      let l = 0;
      const lim = Math.min(pl, tEnd - i);
      while (l < lim && data[ps + l] === v[i + l]) l++;
      while (k >= 0 && starts[k + 1]! - starts[k]! > l) k = this.parent[k]!;
      if (k >= 0) len = starts[k + 1]! - starts[k]!;
    }
    let grow = 0;
    if (!final && avail < this.maxLen && a < hi) {
      const ps = starts[a]!;
      if (starts[a + 1]! - ps > avail && data.compare(v, i, vlen, ps, ps + avail) === 0) grow = 1;
    }
    return len * 2 + grow;
  }
}

/** A growing set of patterns: sorted levels and one bit table over their first four bytes. */
class PatternSet {
  private levels: Level[] = [];
  /** the bit table over first four bytes (hashed), 32 to 64 bits a key */
  bits = new Uint32Array(1 << 11);
  shift = 32 - 16;
  /** 1-, 2- and 3-byte prefixes, for the last bytes of an unfinished stream */
  private readonly p1 = new Uint8Array(256);
  private readonly p2 = new Uint8Array(65536);
  private readonly p3 = new Uint32Array(1 << 15);
  maxLen = 0;
  size = 0;

  add(patterns: readonly string[]): void {
    const fresh = patterns.filter((p) => p.length >= MIN_PATTERN);
    if (!fresh.length) return;
    for (const p of fresh) {
      this.p1[p.charCodeAt(0)] = 1;
      this.p2[(p.charCodeAt(0) << 8) | p.charCodeAt(1)] = 1;
      const h = hashKey((p.charCodeAt(0) << 16) | (p.charCodeAt(1) << 8) | p.charCodeAt(2), 12);
      this.p3[h >>> 5]! |= 1 << (h & 31);
      if (p.length > this.maxLen) this.maxLen = p.length;
    }
    let level = new Level(unique(fresh));
    // merge with the previous level while the two are of similar size
    for (let last = this.levels.at(-1); last && last.count <= level.count * 2; last = this.levels.at(-1)) {
      this.levels.pop();
      level = new Level(unique([...last.patterns(), ...level.patterns()]));
    }
    this.levels.push(level);
    this.size = this.levels.reduce((n, l) => n + l.count, 0);
    const keys = this.levels.reduce((n, l) => n + l.keyCount, 0);
    const nbits = this.bits.length * 32;
    if (keys * 32 > nbits && nbits < 2 ** 26) {
      // grow the bit table to 64 bits a key (at most 8 MB): about 1.5% of positions pass
      // the test by chance; set every level's keys again
      let log2 = 16;
      while (keys * 64 > 2 ** log2 && log2 < 26) log2++;
      this.bits = new Uint32Array(2 ** (log2 - 5));
      this.shift = 32 - log2;
      for (const l of this.levels) for (const k of l.keys()) this.setKey(k);
    } else for (const k of level.keys()) this.setKey(k);
  }

  private setKey(key: number): void {
    const h = hashKey(key, this.shift);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  get empty(): boolean {
    return this.levels.length === 0;
  }

  lookup(v: Uint8Array, i: number, vlen: number, key: number, final: boolean): number {
    let len = 0;
    let grow = 0;
    for (const l of this.levels) {
      const r = l.lookup(v, i, vlen, key, final);
      if (r >>> 1 > len) len = r >>> 1;
      grow |= r & 1;
    }
    return len * 2 + grow;
  }

  /** could v[i..vlen) (1 to 3 bytes) be the start of a pattern? (may say yes wrongly) */
  couldStart(v: Uint8Array, i: number, vlen: number): boolean {
    const n = vlen - i;
    if (!this.p1[v[i]!]) return false;
    if (n === 1) return true;
    if (!this.p2[(v[i]! << 8) | v[i + 1]!]) return false;
    if (n === 2) return true;
    const h = hashKey((v[i]! << 16) | (v[i + 1]! << 8) | v[i + 2]!, 12);
    return (this.p3[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}

function unique(patterns: string[]): string[] {
  patterns.sort();
  return patterns.filter((p, k) => k === 0 || p !== patterns[k - 1]);
}

/**
 * One pass over v[0..vlen) with one or two sets: pushes [start, end) of the longest
 * occurrence at each position to `occ`; returns where the undecided tail begins (vlen when
 * nothing is undecided). The hot loop: a rolling 4-byte key and one bit test per byte.
 */
function pass(sets: readonly PatternSet[], v: Uint8Array, vlen: number, final: boolean, occ: number[]): number {
  const a = sets[0];
  if (!a) return vlen;
  const b = sets[1];
  const aBits = a.bits;
  const aShift = a.shift;
  const bBits = b?.bits;
  const bShift = b?.shift ?? 0;
  const last4 = vlen - MIN_PATTERN;
  let key = last4 >= 0 ? keyAt(v, 0) : 0;
  for (let i = 0; i <= last4; i++) {
    if (i > 0) key = ((key << 8) | v[i + 3]!) >>> 0;
    const ha = Math.imul(key, HASH) >>> aShift;
    const inA = (aBits[ha >>> 5]! & (1 << (ha & 31))) !== 0;
    let inB = false;
    if (bBits) {
      const hb = Math.imul(key, HASH) >>> bShift;
      inB = (bBits[hb >>> 5]! & (1 << (hb & 31))) !== 0;
    }
    if (!inA && !inB) continue;
    let r = inA ? a.lookup(v, i, vlen, key, final) : 0;
    if (inB && b) {
      const rb = b.lookup(v, i, vlen, key, final);
      r = Math.max(r >>> 1, rb >>> 1) * 2 + ((r | rb) & 1);
    }
    if (r & 1) return i;
    if (r > 1) occ.push(i, i + (r >>> 1));
  }
  if (!final) {
    for (let i = Math.max(0, last4 + 1); i < vlen; i++) {
      for (const s of sets) if (s.couldStart(v, i, vlen)) return i;
    }
  }
  return vlen;
}

/** The bytes of `buf` a log viewer shows: without escape sequences and NUL bytes. */
export interface View {
  bytes: Uint8Array;
  /** original index of each byte of the view */
  map: Int32Array;
  len: number;
  /** removed [start, end) pairs, in order */
  removed: number[];
  /** where an escape sequence begins that more bytes could still change (buf.length if none) */
  end: number;
}

/** End of the escape sequence at buf[i] (an ESC), or -1 when more bytes could change it. */
function sequenceEnd(buf: Uint8Array, i: number, final: boolean): number {
  const n = buf.length;
  const j = i + 1;
  if (j >= n) return final ? j : -1;
  const c = buf[j]!;
  if (c === 0x5b) {
    // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E
    let k = j + 1;
    while (k < n && k - j <= CSI_MAX && buf[k]! >= 0x30 && buf[k]! <= 0x3f) k++;
    while (k < n && k - j <= CSI_MAX && buf[k]! >= 0x20 && buf[k]! <= 0x2f) k++;
    if (k - j > CSI_MAX) return j + 1;
    if (k >= n) return final ? j + 1 : -1;
    return buf[k]! >= 0x40 && buf[k]! <= 0x7e ? k + 1 : j + 1;
  }
  if (c === 0x5d) {
    // OSC: ends at BEL or ST (ESC \); an ESC that does not start ST ends it too
    for (let k = j + 1; k < n && k - j <= OSC_MAX; k++) {
      if (buf[k] === BEL) return k + 1;
      if (buf[k] === ESC) {
        if (k + 1 >= n) return final ? k : -1;
        return buf[k + 1] === 0x5c ? k + 2 : k;
      }
    }
    if (n - j > OSC_MAX) return j + 1;
    return final ? j + 1 : -1;
  }
  if (c >= 0x20 && c <= 0x2f) {
    // nF: intermediates then a final byte (ESC ( B selects a character set)
    let k = j;
    while (k < n && k - j < 8 && buf[k]! >= 0x20 && buf[k]! <= 0x2f) k++;
    if (k >= n) return final ? i + 1 : -1;
    return buf[k]! >= 0x30 && buf[k]! <= 0x7e ? k + 1 : i + 1;
  }
  if (c >= 0x30 && c <= 0x7e) return j + 1;
  return i + 1;
}

export function hasControls(buf: Uint8Array): boolean {
  return buf.indexOf(ESC) >= 0 || buf.indexOf(0) >= 0;
}

export function stripView(buf: Uint8Array, final: boolean): View {
  const n = buf.length;
  const bytes = new Uint8Array(n);
  const map = new Int32Array(n);
  const removed: number[] = [];
  let len = 0;
  let end = n;
  for (let i = 0; i < n; ) {
    const b = buf[i]!;
    if (b === 0) {
      removed.push(i, i + 1);
      i++;
    } else if (b === ESC) {
      const e = sequenceEnd(buf, i, final);
      if (e < 0) {
        end = i;
        break;
      }
      removed.push(i, e);
      i = e;
    } else {
      bytes[len] = b;
      map[len++] = i;
      i++;
    }
  }
  return { bytes, map, len, removed, end };
}

export interface ScanResult {
  /** [start, end) pairs to redact, sorted and disjoint, all before hold */
  regions: number[];
  /** bytes from here on are undecided (buf.length when final) */
  hold: number;
}

/** The index of the pair in `pairs` (sorted, disjoint) with start < x < end, or -1. */
function straddling(pairs: readonly number[], x: number): number {
  let a = 0;
  let b = pairs.length / 2;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (pairs[2 * m + 1]! <= x) a = m + 1;
    else b = m;
  }
  return a < pairs.length / 2 && pairs[2 * a]! < x ? a : -1;
}

export class FormMatcher {
  /** forms without ESC or NUL, the same in both views */
  private readonly common = new PatternSet();
  /** forms holding ESC or NUL: as they are (raw pass) and stripped (view pass) */
  private readonly rawOnly = new PatternSet();
  private readonly viewOnly = new PatternSet();

  /** `forms`: the UTF-8 bytes of each form (shorter than 4 bytes: ignored) */
  constructor(forms: Iterable<Uint8Array> = []) {
    this.add(forms);
  }

  add(forms: Iterable<Uint8Array>): void {
    const common: string[] = [];
    const raw: string[] = [];
    const view: string[] = [];
    for (const f of forms) {
      if (!hasControls(f)) {
        common.push(Buffer.from(f).toString('latin1'));
        continue;
      }
      raw.push(Buffer.from(f).toString('latin1'));
      const v = stripView(f, true);
      view.push(Buffer.from(v.bytes.subarray(0, v.len)).toString('latin1'));
    }
    this.common.add(common);
    this.rawOnly.add(raw);
    this.viewOnly.add(view);
  }

  get size(): number {
    return this.common.size + this.rawOnly.size;
  }

  /** the longest form: the most a stream holds back for a form still arriving */
  get maxLength(): number {
    return Math.max(this.common.maxLen, this.rawOnly.maxLen, this.viewOnly.maxLen);
  }

  scan(buf: Uint8Array, final: boolean): ScanResult {
    const occ: number[] = [];
    const n = buf.length;
    let hold = n;
    let removed: number[] = [];
    const viewSets = this.viewOnly.empty ? [this.common] : [this.common, this.viewOnly];
    if (!hasControls(buf)) {
      // the view is the bytes themselves; forms holding ESC or NUL can only be about to start
      hold = pass(viewSets, buf, n, final, occ);
      if (!this.rawOnly.empty) hold = Math.min(hold, pass([this.rawOnly], buf, n, final, occ));
    } else {
      hold = pass(this.rawOnly.empty ? [this.common] : [this.common, this.rawOnly], buf, n, final, occ);
      const v = stripView(buf, final);
      removed = v.removed;
      const vocc: number[] = [];
      const vh = pass(viewSets, v.bytes, v.len, final, vocc);
      hold = Math.min(hold, vh < v.len ? v.map[vh]! : v.end);
      for (let k = 0; k < vocc.length; k += 2) occ.push(v.map[vocc[k]!]!, v.map[vocc[k + 1]! - 1]! + 1);
    }
    const regions = merge(occ);
    if (!final) {
      // no region and no escape sequence may straddle the cut
      for (let moved = true; moved; ) {
        moved = false;
        const r = straddling(regions, hold);
        if (r >= 0) {
          hold = regions[2 * r]!;
          moved = true;
        }
        const s = straddling(removed, hold);
        if (s >= 0) {
          hold = removed[2 * s]!;
          moved = true;
        }
      }
      let keep = regions.length;
      while (keep > 0 && regions[keep - 1]! > hold) keep -= 2;
      regions.length = keep;
    }
    return { regions, hold };
  }
}

/** Sorted, disjoint [start, end) pairs covering the given ones; overlapping pairs merge. */
function merge(occ: number[]): number[] {
  if (occ.length === 0) return occ;
  const idx: number[] = [];
  for (let k = 0; k < occ.length; k += 2) idx.push(k);
  idx.sort((a, b) => occ[a]! - occ[b]! || occ[b + 1]! - occ[a + 1]!);
  const out: number[] = [];
  for (const k of idx) {
    const s = occ[k]!;
    const e = occ[k + 1]!;
    if (out.length && s < out[out.length - 1]!) {
      if (e > out[out.length - 1]!) out[out.length - 1] = e;
    } else out.push(s, e);
  }
  return out;
}

/** buf[0..until) with each region replaced by `replacement`. */
export function replaceRegions(buf: Uint8Array, regions: readonly number[], until: number, replacement: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (let k = 0; k < regions.length; k += 2) {
    parts.push(buf.subarray(pos, regions[k]), replacement);
    pos = regions[k + 1]!;
  }
  parts.push(buf.subarray(pos, until));
  return Buffer.concat(parts);
}
