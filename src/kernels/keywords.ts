/**
 * The keyword prefilter: one pass over the text finds every keyword position (ASCII letters
 * folded, as gitleaks lowercases the fragment); each rule's regex then runs only in windows
 * around its keywords' lines. Windows are capped so that a huge single-line (minified, hostile)
 * file is verified in bounded pieces.
 *
 * The pass is a rolling 3-character gram over the folded text and one table lookup per
 * character: each keyword is represented by its rarest 3-gram (by the frequency of its characters
 * in source code), so a lookup rarely hits; a hit verifies the whole keyword in place. Keywords
 * of one or two characters fill every gram ending in them. A regular expression alternation of
 * ~300 keywords costs a trie walk at every position (~60-85 MB/s); this loop runs at ~300+ MB/s.
 */

import { GramKernel } from './simd/grams.js';

const GRAM_BITS = 15;
const GRAM_MASK = (1 << GRAM_BITS) - 1;

/** Below this length the loop costs less than handing the text to the kernel. */
const SIMD_MIN = 256;

/** ASCII folded to lowercase; everything outside ASCII (and NUL) to 0, which no keyword holds. */
const FOLD = new Uint8Array(65536);
for (let c = 1; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c | 32 : c;

/**
 * A hash of three folded characters (collisions only cost a verification). Rolling form:
 * g = ((g << 5) ^ c) & GRAM_MASK keeps exactly the last three characters.
 */
function gramOf(a: number, b: number, c: number): number {
  return ((a << 10) ^ (b << 5) ^ c) & GRAM_MASK;
}

/** Approximate frequency (per mille) of lowercase characters in source trees; others ~0.5. */
const COMMON = ' eatnrisocpdlmu,\nfg"h./b;y*():vx=k\\{}w-_q>0|[]`<j1@\'z2?3&4$8';
const PER_MILLE = [
  163, 82, 65, 60, 47, 45, 45, 44, 44, 35, 25, 23, 23, 20, 20, 20, 19, 13, 12, 12, 12, 11, 11, 10, 10, 10, 8, 8, 8, 7, 7, 6, 6, 5, 5, 5, 5, 5, 5, 5, 4, 3, 3, 3,
  3, 2, 2, 2, 2, 2, 2, 2, 1.5, 1.3, 1.3, 1.3, 1.2, 1, 1, 1, 1,
];
const FREQ = new Map<string, number>([...COMMON].map((c, i) => [c, PER_MILLE[i] ?? 1]));

function freq(c: string): number {
  return FREQ.get(c) ?? 0.5;
}

/** One keyword as seen from a gram: it starts `back` characters before the gram's last one. */
interface Candidate {
  kw: string;
  back: number;
  rules: readonly number[];
}

export class Prefilter {
  /** gram -> 1 + index into lists (0: no keyword has this gram) */
  private readonly slots = new Uint16Array(1 << GRAM_BITS);
  private readonly lists: Candidate[][] = [];
  /** keywords the gram table cannot hold (non-ASCII): one case-insensitive regex */
  private readonly fallback: RegExp | null = null;
  private readonly fallbackRules = new Map<string, number[]>();
  readonly empty: boolean;
  /** the pass in WebAssembly (null: not here); made on the first long text */
  private kernel: GramKernel | null | undefined;

  constructor(ruleKeywords: readonly (readonly string[])[]) {
    const rulesOf = new Map<string, number[]>();
    ruleKeywords.forEach((kws, i) => {
      for (const k0 of kws) {
        const k = k0.toLowerCase();
        if (!k) continue;
        const list = rulesOf.get(k);
        if (!list) rulesOf.set(k, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    const byGram = new Map<number, Candidate[]>();
    const add = (gram: number, c: Candidate): void => {
      const list = byGram.get(gram);
      if (list) list.push(c);
      else byGram.set(gram, [c]);
    };
    const odd: string[] = [];
    for (const [kw, rules] of rulesOf) {
      if (
        [...kw].some((c) => {
          const cp = c.codePointAt(0) ?? 0;
          return cp === 0 || cp > 127 || FOLD[cp] !== cp;
        })
      ) {
        odd.push(kw);
        this.fallbackRules.set(kw, rules);
        continue;
      }
      if (kw.length >= 3) {
        let best = 0,
          score = Infinity;
        for (let o = 0; o + 3 <= kw.length; o++) {
          const sc = freq(kw[o] ?? '') * freq(kw[o + 1] ?? '') * freq(kw[o + 2] ?? '');
          if (sc < score) {
            score = sc;
            best = o;
          }
        }
        add(gramOf(kw.charCodeAt(best), kw.charCodeAt(best + 1), kw.charCodeAt(best + 2)), { kw, back: best + 2, rules });
      } else {
        // every gram ending in the keyword's one or two characters
        const c = { kw, back: kw.length - 1, rules };
        const grams = new Set<number>();
        for (let a = 0; a < 128; a++) {
          if (kw.length === 2) grams.add(gramOf(a, kw.charCodeAt(0), kw.charCodeAt(1)));
          else for (let b = 0; b < 128; b++) grams.add(gramOf(a, b, kw.charCodeAt(0)));
        }
        for (const g of grams) add(g, c);
      }
    }
    // grams with the same candidates share one list
    const shared = new Map<string, number>();
    for (const [gram, list] of byGram) {
      const key = list.map((c) => `${c.back}:${c.kw}`).join('\0');
      let idx = shared.get(key);
      if (idx === undefined) {
        if (this.lists.length >= 0xfffe) {
          for (const c of list) {
            odd.push(c.kw);
            this.fallbackRules.set(c.kw, [...c.rules]);
          }
          continue;
        }
        idx = this.lists.length;
        this.lists.push(list);
        shared.set(key, idx);
      }
      this.slots[gram] = idx + 1;
    }
    if (odd.length) this.fallback = new RegExp([...new Set(odd)].map(escapeRe).join('|'), 'gi');
    this.empty = rulesOf.size === 0;
  }

  /** The keywords whose gram ends at i. */
  private verify(text: string, i: number, slot: number, out: Map<number, number[]>): void {
    for (const cand of this.lists[slot - 1] ?? []) {
      const s = i - cand.back;
      if (s >= 0 && s + cand.kw.length <= text.length && matchesAt(text, s, cand.kw)) record(out, cand.rules, s);
    }
  }

  /**
   * Rule index -> offsets of its keywords in the text (ascending). `simd`: a text of 256
   * characters or more goes through the WebAssembly pass where it loads (false: this loop, for tests).
   */
  hits(text: string, simd = true): Map<number, number[]> {
    const out = new Map<number, number[]>();
    if (this.empty) return out;
    const slots = this.slots;
    const n = text.length;
    if (simd && n >= SIMD_MIN && this.kernel === undefined) this.kernel = GramKernel.create(FOLD, slots);
    if (simd && n >= SIMD_MIN && this.kernel) {
      // the kernel's grams are of latin1 bytes: each is recomputed from the text itself
      for (const i of this.kernel.positions(text)) {
        const g = gramOf(
          i >= 2 ? (FOLD[text.charCodeAt(i - 2)] as number) : 0,
          i >= 1 ? (FOLD[text.charCodeAt(i - 1)] as number) : 0,
          FOLD[text.charCodeAt(i)] as number,
        );
        if (slots[g] !== 0) this.verify(text, i, slots[g] as number, out);
      }
    } else {
      let g = 0;
      for (let i = 0; i < n; i++) {
        g = ((g << 5) ^ (FOLD[text.charCodeAt(i)] as number)) & GRAM_MASK;
        if (slots[g] !== 0) this.verify(text, i, slots[g] as number, out);
      }
    }
    let sorted = true;
    if (this.fallback) {
      const re = this.fallback;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const rules = this.fallbackRules.get(m[0].toLowerCase());
        if (rules) {
          record(out, rules, m.index);
          sorted = false;
        }
        re.lastIndex = m.index + 1;
      }
    }
    // a longer keyword found later may start before a shorter one found earlier
    for (const list of out.values()) {
      if (!sorted) {
        list.sort((x, y) => x - y);
        continue;
      }
      for (let k = 1; k < list.length; k++) {
        if ((list[k] ?? 0) < (list[k - 1] ?? 0)) {
          list.sort((x, y) => x - y);
          break;
        }
      }
    }
    return out;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => '\\' + c);
}

/** The folded text at `s` equals the (lowercase ASCII) keyword. */
function matchesAt(text: string, s: number, kw: string): boolean {
  for (let j = 0; j < kw.length; j++) {
    if (FOLD[text.charCodeAt(s + j)] !== kw.charCodeAt(j)) return false;
  }
  return true;
}

function record(out: Map<number, number[]>, rules: readonly number[], pos: number): void {
  for (const r of rules) {
    const list = out.get(r);
    if (!list) out.set(r, [pos]);
    else if (list[list.length - 1] !== pos) list.push(pos);
  }
}

export interface WindowOptions {
  /** lines of context before the keyword's line */
  before: number;
  /** lines of context after it */
  after: number;
  /** a line longer than this is verified only within maxLine/2 of the keyword */
  maxLine: number;
  /** a window never grows beyond this many characters by merging */
  maxWindow: number;
}

export interface Windows {
  spans: [number, number][];
  /** some line was longer than maxLine and was verified only around the keywords */
  capped: boolean;
}

/** Offsets of every newline in the text (ascending). */
export function newlineIndex(text: string): number[] {
  const nl: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) nl.push(i);
  return nl;
}

/** Index of the first newline at or after pos (nl.length when none): the 0-based line of pos. */
export function lineOf(nl: readonly number[], pos: number): number {
  let lo = 0,
    hi = nl.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((nl[mid] ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Merged, bounded windows around keyword hits (ascending, may overlap slightly). */
export function windowsAround(text: string, nl: readonly number[], hits: readonly number[], o: WindowOptions): Windows {
  const spans: [number, number][] = [];
  let capped = false;
  const half = Math.max(256, Math.floor(o.maxLine / 2));
  for (const h of hits) {
    const li = lineOf(nl, h);
    const lineStart = li === 0 ? 0 : (nl[li - 1] ?? -1) + 1;
    const lineEnd = li < nl.length ? (nl[li] ?? text.length) : text.length;
    let s: number, e: number;
    if (lineEnd - lineStart > o.maxLine) {
      capped = true;
      s = Math.max(lineStart, h - half);
      e = Math.min(lineEnd, h + half);
    } else {
      const bi = li - o.before - 1;
      s = bi < 0 ? 0 : (nl[bi] ?? 0); // from the newline before the first context line
      const ai = li + o.after;
      e = ai < nl.length ? (nl[ai] ?? text.length) + 1 : text.length;
      s = Math.max(s, h - Math.max(half, o.maxLine));
      e = Math.min(e, h + Math.max(half, o.maxLine));
    }
    const last = spans[spans.length - 1];
    if (last && s <= last[1] && e - last[0] <= o.maxWindow) last[1] = Math.max(last[1], e);
    else if (last && e <= last[1]) continue;
    else spans.push([s, e]);
  }
  return { spans, capped };
}

/** The whole text cut into bounded pieces at newlines (for rules without keywords). */
export function chunks(text: string, o: WindowOptions): Windows {
  const spans: [number, number][] = [];
  let capped = false;
  const overlap = Math.min(1024, Math.floor(o.maxLine / 4));
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + o.maxWindow);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
      else {
        // one line longer than the window: verify it in overlapping pieces of maxLine
        capped = true;
        end = Math.min(text.length, start + o.maxLine);
        spans.push([start, end]);
        start = end >= text.length ? end : end - overlap;
        continue;
      }
    }
    const from = start > 0 ? start - 1 : 0;
    spans.push([from, end]);
    start = end;
  }
  return { spans, capped };
}
