/**
 * Character sets for the RE2 translator: ranges of code points, POSIX and Perl classes,
 * RE2's simple case folding, and emission as a JavaScript character class.
 */
export type Range = readonly [number, number];

export const MAX_CP = 0x10ffff;
export const MAX_BMP = 0xffff;

const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];

export const POSIX: Readonly<Record<string, readonly Range[]>> = {
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122],
  ],
  alpha: [
    [65, 90],
    [97, 122],
  ],
  ascii: [[0, 127]],
  blank: [
    [9, 9],
    [32, 32],
  ],
  cntrl: [
    [0, 31],
    [127, 127],
  ],
  digit: [[48, 57]],
  graph: [[33, 126]],
  lower: [[97, 122]],
  print: [[32, 126]],
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126],
  ],
  space: [
    [9, 13],
    [32, 32],
  ],
  upper: [[65, 90]],
  word: WORD,
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102],
  ],
};

/** RE2's \d, \s (no \v) and \w: ASCII only. */
export const PERL: Readonly<Record<string, readonly Range[]>> = {
  d: [[48, 57]],
  s: [
    [9, 10],
    [12, 13],
    [32, 32],
  ],
  w: WORD,
};

export function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function negate(ranges: readonly Range[], max: number): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, Math.min(lo - 1, max)]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out.filter(([lo, hi]) => lo <= hi && lo <= max);
}

export function contains(ranges: readonly Range[], cp: number): boolean {
  return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
}

export function hasLetters(ranges: readonly Range[]): boolean {
  return ranges.some(([lo, hi]) => (lo <= 122 && hi >= 65) || (hi > 127 && foldsOf(Math.max(lo, 128)).length > 0));
}

/** The other-case forms of one code point (RE2 folds k/K/KELVIN SIGN and s/S/LONG S too). */
export function foldsOf(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const out = new Set<number>();
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    const c = v.codePointAt(0);
    if (c !== undefined && String.fromCodePoint(c) === v && c !== cp) out.add(c);
  }
  if (cp === 0x6b || cp === 0x4b) out.add(0x212a);
  if (cp === 0x212a) {
    out.add(0x6b);
    out.add(0x4b);
  }
  if (cp === 0x73 || cp === 0x53) out.add(0x17f);
  if (cp === 0x17f) {
    out.add(0x73);
    out.add(0x53);
  }
  return [...out];
}

/** Adds the case variants of every letter in the set (ASCII by range, others per code point). */
export function foldRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    const uLo = Math.max(lo, 65),
      uHi = Math.min(hi, 90);
    if (uLo <= uHi) out.push([uLo + 32, uHi + 32]);
    const lLo = Math.max(lo, 97),
      lHi = Math.min(hi, 122);
    if (lLo <= lHi) out.push([lLo - 32, lHi - 32]);
    for (const c of [0x6b, 0x73, 0x4b, 0x53]) if (lo <= c && c <= hi) for (const f of foldsOf(c)) out.push([f, f]);
    const start = Math.max(lo, 128);
    if (hi >= start && hi - start < 2048) {
      for (let c = start; c <= hi; c++) for (const f of foldsOf(c)) out.push([f, f]);
    }
  }
  return normalize(out);
}

const CLASS_SPECIAL = new Set([0x5c, 0x5d, 0x5b, 0x5e, 0x2d]);

/** One code point as it may appear inside a JavaScript class (valid with and without u). */
export function classChar(cp: number): string {
  if (CLASS_SPECIAL.has(cp)) return '\\' + String.fromCharCode(cp);
  return plainChar(cp);
}

/** One code point outside a class, escaped where JavaScript gives it a meaning. */
export function literalChar(cp: number): string {
  if (cp === 0x2d) return '-';
  if (cp < 128 && '\\^$.|?*+()[]{}/'.includes(String.fromCharCode(cp))) return '\\' + String.fromCharCode(cp);
  return plainChar(cp);
}

function plainChar(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCharCode(cp);
  if (cp >= 0x20 && cp < 0x7f && !'\\^$.|?*+()[]{}/-'.includes(String.fromCharCode(cp))) return String.fromCharCode(cp);
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= MAX_BMP) return '\\u' + cp.toString(16).padStart(4, '0');
  return `\\u{${cp.toString(16)}}`;
}

/** Emits a JavaScript class; `extra` holds verbatim items such as \p{L}. */
export function emitClass(ranges: readonly Range[], negated: boolean, extra: readonly string[]): string {
  let body = '';
  for (const [lo, hi] of normalize(ranges)) {
    if (lo === hi) body += classChar(lo);
    else if (hi === lo + 1) body += classChar(lo) + classChar(hi);
    else body += `${classChar(lo)}-${classChar(hi)}`;
  }
  body += extra.join('');
  if (!body) return negated ? '[\\s\\S]' : '[]';
  return `[${negated ? '^' : ''}${body}]`;
}
