/**
 * Decoding of encoded segments, as gitleaks 8.x does it (max-decode-depth): percent, hex and
 * base64 segments of a text are decoded in place, pass after pass; rules then run on the decoded
 * text and a finding counts only where it touches a decoded segment. Each segment remembers its
 * span in the original text, so a finding is placed on the encoded span and tagged
 * `decoded:<kind>` and `decode-depth:<pass>`.
 *
 * The segment grammar is gitleaks' leftmost-first alternation
 *   (%[0-9A-Fa-f]{2})+  |  [0-9A-Fa-f]{32,}  |  [\w/+-]{16,}={0,3}
 * found without a regular expression: percent runs by indexOf('%'); every other match lies in a
 * run of at least 16 [\w/+-] characters. A WebAssembly SIMD kernel finds those runs 16
 * characters at a time (simd/runs.ts); where it does not load, the scan looks at every 16th
 * character, as a run of 16 always covers one (~5x faster than the regex, which retries inside
 * every shorter word, and ~3x slower than the kernel). A segment is kept when it decodes to
 * printable ASCII (tab to ~); base64 needs one of 0-9+/-_ and hex a digit (gitleaks' cheap tests),
 * and decoding stops at the first unprintable byte.
 */

import { longRuns } from './simd/runs.js';

export const PERCENT = 1;
export const HEX = 2;
export const BASE64 = 4;
const NAMES: readonly [number, string][] = [
  [PERCENT, 'percent'],
  [HEX, 'hex'],
  [BASE64, 'base64'],
];
/** a touching neighbour of higher precedence is decoded first (gitleaks: percent > hex > base64) */
const PRECEDENCE = new Uint8Array([0, 3, 2, 0, 1]);

export interface Segment {
  /** span in the previous pass's text that was decoded */
  encStart: number;
  encEnd: number;
  /** span of the decoded value in this pass's text */
  decStart: number;
  decEnd: number;
  /** span in the original text */
  origStart: number;
  origEnd: number;
  /** PERCENT | HEX | BASE64, with the kinds of the segments it was decoded from */
  kinds: number;
}

/** One decoding pass: the text with its segments decoded, and the pass before it. */
export interface Pass {
  text: string;
  /** ascending, non-overlapping */
  segments: Segment[];
  depth: number;
  prev: Pass | null;
}

/** Character classes: 1 = [\w/+-] (a run character), 2 = also likely in base64 (0-9 + / - _), 4 = hex digit, 8 = decimal digit. */
const CLS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let v = 0;
  if (/[A-Za-z0-9_/+-]/.test(ch)) v |= 1;
  if (/[0-9+/_-]/.test(ch)) v |= 2;
  if (/[0-9A-Fa-f]/.test(ch)) v |= 4;
  if (/[0-9]/.test(ch)) v |= 8;
  CLS[c] = v;
}
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STD_VAL = new Int8Array(128).fill(-1);
const URL_VAL = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  STD_VAL[STD.charCodeAt(i)] = i;
  URL_VAL[URL.charCodeAt(i)] = i;
}

const HEXV = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEXV['0123456789abcdef'.charCodeAt(i)] = i;
  HEXV['0123456789ABCDEF'.charCodeAt(i)] = i;
}

function cls(text: string, i: number): number {
  return CLS[text.charCodeAt(i)] ?? 0;
}

function printable(b: number): boolean {
  return b >= 0x09 && b <= 0x7e;
}

/** Matches of one pass, in reusable buffers (a pass is synchronous): start, end, kind. */
let MS = new Int32Array(1024);
let ME = new Int32Array(1024);
let MK = new Uint8Array(1024);
let count = 0;

function add(start: number, end: number, kind: number): void {
  if (count === MS.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    MS = grow(MS, new Int32Array(count * 2));
    ME = grow(ME, new Int32Array(count * 2));
    MK = grow(MK, new Uint8Array(count * 2));
  }
  MS[count] = start;
  ME[count] = end;
  MK[count] = kind;
  count++;
}

/** Base64 values with + and - as 62, / and _ as 63: the first group decodes alike in both alphabets. */
const B64_ANY = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_ANY[STD.charCodeAt(i)] = i;
B64_ANY[45] = 62;
B64_ANY[95] = 63;

/** The first four characters at s decode to three printable bytes. */
function printableGroup(t: string, s: number): boolean {
  const a = B64_ANY[t.charCodeAt(s)] ?? -1,
    b = B64_ANY[t.charCodeAt(s + 1)] ?? -1;
  const c = B64_ANY[t.charCodeAt(s + 2)] ?? -1,
    d = B64_ANY[t.charCodeAt(s + 3)] ?? -1;
  if ((a | b | c | d) < 0) return false;
  return printable((a << 2) | (b >> 4)) && printable(((b & 15) << 4) | (c >> 2)) && printable(((c & 3) << 6) | d);
}

/** Percent runs (%XX)+ of a text: [start0, end0, start1, end1, ...]. */
function percentRuns(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = text.indexOf('%'); i >= 0 && i + 2 < n; ) {
    let j = i;
    while (text.charCodeAt(j) === 37 && (CLS[text.charCodeAt(j + 1)] ?? 0) & 4 && (CLS[text.charCodeAt(j + 2)] ?? 0) & 4) j += 3;
    if (j > i) {
      out.push(i, j);
      i = text.indexOf('%', j);
    } else i = text.indexOf('%', i + 1);
  }
  return out;
}

/** Below this length the character scan costs less than handing the text to the kernel. */
const SIMD_MIN = 256;
/** a character the kernel does not see as itself (V8 answers at once for a one-byte string) */
const WIDE = /[^\x00-\xff]/;

/**
 * gitleaks' encoded-segment matches, in order, into MS/ME/MK; returns how many. `simd`: find the
 * runs with the WebAssembly kernel where it loads (false: the character scan, for tests).
 */
function findMatches(text: string, simd = true): number {
  count = 0;
  const pct = text.includes('%') ? percentRuns(text) : [];
  const k = { i: 0 };
  const n = text.length;
  const table = CLS;
  // one-byte characters only: the kernel's runs are the text's, and it drops those that cannot match
  const narrow = simd && n >= SIMD_MIN && !WIDE.test(text);
  const runs = simd && n >= SIMD_MIN ? longRuns(text, narrow) : null;
  if (runs && narrow) {
    for (let r = 0; r < runs.length; r += 2) onRun(text, runs[r] as number, runs[r + 1] as number, -1, pct, k);
  } else if (runs) {
    // each run as the text has it: a character above U+00FF that the kernel saw as a run byte splits it
    for (let r = 0; r < runs.length; r += 2) {
      const e = runs[r + 1] as number;
      let start = runs[r] as number;
      let or = 0;
      for (let j = start; j <= e; j++) {
        const c = j < e ? (table[text.charCodeAt(j)] as number) : 0;
        if (c & 1) {
          or |= c;
          continue;
        }
        if (j - start >= 16) onRun(text, start, j, or, pct, k);
        start = j + 1;
        or = 0;
      }
    }
  } else {
    // runs of [\w/+-]: every run of 16 or more covers a position 16k+15
    for (let i = 15; i < n; i += 16) {
      let c = table[text.charCodeAt(i)] as number;
      if ((c & 1) === 0) continue;
      let or = c;
      let s = i;
      while (s > 0 && (c = table[text.charCodeAt(s - 1)] as number) & 1) {
        or |= c;
        s--;
      }
      let e = i + 1;
      while (e < n && (c = table[text.charCodeAt(e)] as number) & 1) {
        or |= c;
        e++;
      }
      i = e - 1 > i ? e - 1 : i;
      if (e - s >= 16) onRun(text, s, e, or, pct, k);
    }
  }
  while (k.i < pct.length) {
    add(pct[k.i] as number, pct[k.i + 1] as number, PERCENT);
    k.i += 2;
  }
  return count;
}

/** The run [s, e) holds one of 0-9+/-_ (class bit 2); `or`: its characters' classes, or -1 when not known yet. */
function likely(text: string, s: number, e: number, or: number): boolean {
  if (or >= 0) return (or & 2) !== 0;
  for (let j = s; j < e; j++) if ((CLS[text.charCodeAt(j)] as number) & 2) return true;
  return false;
}

/** The hex and base64 matches of one maximal run [s, e) of 16 or more run characters (`or`: their classes, or -1). */
function onRun(text: string, s: number, e: number, or: number, pct: readonly number[], k: { i: number }): void {
  const table = CLS;
  const n = text.length;
  // a percent escape just before the run took its first two characters
  if (s > 0 && text.charCodeAt(s - 1) === 37 && (table[text.charCodeAt(s)] as number) & 4 && (table[text.charCodeAt(s + 1)] as number) & 4) s += 2;
  while (k.i < pct.length && (pct[k.i] as number) < s) {
    add(pct[k.i] as number, pct[k.i + 1] as number, PERCENT);
    k.i += 2;
  }
  while (e - s >= 16) {
    let h = s;
    while (h < e && (table[text.charCodeAt(h)] as number) & 4) h++;
    if (h - s >= 32) {
      add(s, h, HEX);
      s = h;
      or = -1;
      continue;
    }
    let end = e;
    while (end < n && end - e < 3 && text.charCodeAt(end) === 61) end++;
    // not decodable (no 0-9+/-_, as gitleaks requires, or a first group that is not printable
    // ASCII in either alphabet): as the lowest precedence it delays no neighbour, so drop it here
    if (printableGroup(text, s) && likely(text, s, e, or)) add(s, end, BASE64);
    break;
  }
}

/** gitleaks' encoded-segment matches (for tests). */
export function encodedMatches(text: string, simd = true): { start: number; end: number; kind: number }[] {
  const n = findMatches(text, simd);
  const out: { start: number; end: number; kind: number }[] = [];
  for (let i = 0; i < n; i++) out.push({ start: MS[i] ?? 0, end: ME[i] ?? 0, kind: MK[i] ?? 0 });
  return out;
}

function percentAt(t: string, s: number, e: number): string {
  let out = '';
  for (let i = s; i + 2 < e; i += 3) {
    const b = ((HEXV[t.charCodeAt(i + 1)] ?? 0) << 4) | (HEXV[t.charCodeAt(i + 2)] ?? 0);
    if (!printable(b)) return '';
    out += String.fromCharCode(b);
  }
  return out;
}

function hexAt(t: string, s: number, e: number): string {
  if ((e - s) % 2 !== 0) return '';
  let digit = false;
  for (let i = s; i < e && !digit; i++) digit = (cls(t, i) & 8) !== 0;
  if (!digit) return '';
  let out = '';
  for (let i = s; i < e; i += 2) {
    const b = ((HEXV[t.charCodeAt(i)] ?? 0) << 4) | (HEXV[t.charCodeAt(i + 1)] ?? 0);
    if (!printable(b)) return '';
    out += String.fromCharCode(b);
  }
  return out;
}

/** Base64 (standard with padding, or raw URL-safe) of printable ASCII, else '' (findMatches checked the likely characters). */
function base64At(t: string, s: number, e: number): string {
  return b64(t, s, e, STD_VAL, true) ?? b64(t, s, e, URL_VAL, false) ?? '';
}

function b64(t: string, s: number, e: number, table: Int8Array, padded: boolean): string | null {
  let body = e;
  while (body > s && t.charCodeAt(body - 1) === 61) body--;
  if (padded) {
    if ((e - s) % 4 !== 0 || e - body > 2) return null;
  } else if (body !== e || (e - s) % 4 === 1) return null;
  let out = '';
  let acc = 0,
    bits = 0;
  for (let i = s; i < body; i++) {
    const x = table[t.charCodeAt(i)] ?? -1;
    if (x < 0) return null;
    acc = ((acc << 6) | x) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (!printable(b)) return null;
      out += String.fromCharCode(b);
    }
  }
  return out;
}

function decodeAt(t: string, s: number, e: number, kind: number): string {
  return kind === PERCENT ? percentAt(t, s, e) : kind === HEX ? hexAt(t, s, e) : base64At(t, s, e);
}

/** Per fragment: decodes pass after pass, remembering decoded values (as gitleaks' decodedMap). */
export class Decoder {
  private readonly cache = new Map<string, string>();

  /** The next pass over `prev` (the original text is a pass of depth 0), or null when nothing decodes. */
  next(prev: Pass): Pass | null {
    const data = prev.text;
    const n = findMatches(data);
    if (n === 0) return null;
    const segments: Segment[] = [];
    const parts: string[] = [];
    let from = 0;
    let shift = 0;
    for (let i = 0; i < n; i++) {
      if (skip(i, n)) continue;
      const ms = MS[i] ?? 0,
        me = ME[i] ?? 0,
        kind = MK[i] ?? 0;
      let dec: string;
      if (prev.depth === 0) dec = decodeAt(data, ms, me, kind);
      else {
        // later passes see the undecodable matches again: remember them
        const enc = data.slice(ms, me);
        const hit = this.cache.get(enc);
        dec = hit ?? decodeAt(data, ms, me, kind);
        if (hit === undefined) this.cache.set(enc, dec);
      }
      if (dec === '') continue;
      const seg: Segment = { encStart: ms, encEnd: me, decStart: ms + shift, decEnd: ms + shift + dec.length, origStart: ms, origEnd: me, kinds: kind };
      if (prev.prev) {
        const o = toOriginal(prev, ms, me);
        seg.origStart = o[0];
        seg.origEnd = o[1];
        for (const p of prev.segments) if (overlaps(p.decStart, p.decEnd, ms, me)) seg.kinds |= p.kinds;
      }
      shift += dec.length - (me - ms);
      parts.push(data.slice(from, ms), dec);
      from = me;
      segments.push(seg);
    }
    if (segments.length === 0) return null;
    parts.push(data.slice(from));
    return { text: parts.join(''), segments, depth: prev.depth + 1, prev };
  }
}

/** A touching neighbour of higher precedence is decoded first; this one waits for the next pass. */
function skip(i: number, n: number): boolean {
  const mine = PRECEDENCE[MK[i] ?? 0] ?? 0;
  if (i > 0 && ME[i - 1] === MS[i] && (PRECEDENCE[MK[i - 1] ?? 0] ?? 0) > mine) return true;
  if (i + 1 < n && ME[i] === MS[i + 1] && (PRECEDENCE[MK[i + 1] ?? 0] ?? 0) > mine) return true;
  return false;
}

/** gitleaks' inclusive overlap: touching spans overlap. */
export function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  return s2 <= e1 && e2 >= s1;
}

/** A span of a pass's text mapped to the original text (segments map to their whole encoded span). */
export function toOriginal(pass: Pass, start: number, end: number): [number, number] {
  if (!pass.prev) return [start, end];
  let lo = Infinity,
    hi = -Infinity;
  for (const s of pass.segments) {
    if (s.decStart > end) break;
    if (overlaps(s.decStart, s.decEnd, start, end)) {
      lo = Math.min(lo, s.origStart);
      hi = Math.max(hi, s.origEnd);
    }
  }
  const a = toPrev(pass, start, false);
  const b = toPrev(pass, end, true);
  const [pa, pb] = toOriginal(pass.prev, Math.min(a, b), Math.max(a, b));
  return [Math.min(lo, pa), Math.max(hi, pb)];
}

/** A position of a pass's text in the previous pass's text (inside a segment: its encoded start or end). */
function toPrev(pass: Pass, x: number, isEnd: boolean): number {
  let shift = 0;
  for (const s of pass.segments) {
    if (x < s.decStart || (isEnd && x === s.decStart)) break;
    if (x < s.decEnd || (isEnd && x === s.decEnd)) return isEnd ? s.encEnd : s.encStart;
    shift = s.decEnd - s.encEnd;
  }
  return x - shift;
}

/** The segments of a pass that a span of its text touches. */
export function touching(pass: Pass, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  for (const s of pass.segments) {
    if (s.decStart > end) break;
    if (overlaps(s.decStart, s.decEnd, start, end)) out.push(s);
  }
  return out;
}

/** gitleaks' tags for a finding in decoded text: decoded:<kind>... and decode-depth:<pass>. */
export function decodeTags(segments: readonly Segment[], depth: number): string[] {
  let kinds = 0;
  for (const s of segments) kinds |= s.kinds;
  return [...NAMES.filter(([k]) => kinds & k).map(([, name]) => `decoded:${name}`), `decode-depth:${depth}`];
}
