/**
 * The keyword prefilter: one case-insensitive alternation over the text finds every keyword
 * position; each rule's regex then runs only in windows around its keywords' lines. Windows are
 * capped so that a huge single-line (minified, hostile) file is verified in bounded pieces.
 */

function escapeRe(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => '\\' + c);
}

interface Trie { end: boolean; next: Map<string, Trie> }

/** One alternation factorised by common prefixes (a(?:pi|uth)...), longest keyword first. */
function trieSource(words: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const c of w) {
      let m = n.next.get(c);
      if (!m) { m = { end: false, next: new Map() }; n.next.set(c, m); }
      n = m;
    }
    n.end = true;
  }
  const emit = (n: Trie): string => {
    const alts = [...n.next].map(([c, m]) => escapeRe(c) + emit(m));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0] ?? '' : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

export class Prefilter {
  private readonly re: RegExp | null;
  /** a matched (longest) keyword -> rules having it or any keyword that is a prefix of it */
  private readonly rulesFor = new Map<string, number[]>();

  constructor(ruleKeywords: readonly (readonly string[])[]) {
    const all = new Set<string>();
    for (const kws of ruleKeywords) for (const k of kws) if (k) all.add(k.toLowerCase());
    const sorted = [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const k of sorted) {
      const rules: number[] = [];
      ruleKeywords.forEach((kws, i) => {
        if (kws.some((w) => w !== '' && k.startsWith(w.toLowerCase()))) rules.push(i);
      });
      this.rulesFor.set(k, rules);
    }
    this.re = sorted.length ? new RegExp(trieSource(sorted), 'gi') : null;
  }

  /** Rule index -> offsets of its keywords in the text (ascending). */
  hits(text: string): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const re = this.re;
    if (!re) return out;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const rules = this.rulesFor.get(m[0].toLowerCase());
      if (rules) {
        for (const r of rules) {
          const list = out.get(r);
          if (list) list.push(m.index);
          else out.set(r, [m.index]);
        }
      }
      re.lastIndex = m.index + 1;
    }
    return out;
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

/** Index of the first newline at or after pos (nl.length when none). */
function lineOf(nl: readonly number[], pos: number): number {
  let lo = 0, hi = nl.length;
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
