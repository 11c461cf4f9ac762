/**
 * The keyword prefilter: one case-insensitive alternation over the text finds every keyword
 * position; each rule's regex then runs only in windows around its keywords' lines. Windows are
 * capped so that a huge single-line (minified, hostile) file is verified in bounded pieces.
 */

function escapeRe(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => '\\' + c);
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
    this.re = sorted.length ? new RegExp(sorted.map(escapeRe).join('|'), 'gi') : null;
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

/** Start of the line `lines` lines above pos's line (at its preceding newline), not before floor. */
function lineStartBack(text: string, pos: number, lines: number, floor: number): number {
  let seen = 0;
  for (let i = pos - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 10 && ++seen > lines) return i;
  }
  return floor;
}

/** End (after the newline) of the line `lines` lines below pos's line, not beyond ceil. */
function lineEndForward(text: string, pos: number, lines: number, ceil: number): number {
  let seen = 0;
  for (let i = pos; i < ceil; i++) {
    if (text.charCodeAt(i) === 10 && ++seen > lines) return i + 1;
  }
  return ceil;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Merged, bounded windows around keyword hits (ascending, may overlap slightly). */
export function windowsAround(text: string, hits: readonly number[], o: WindowOptions): Windows {
  const spans: [number, number][] = [];
  let capped = false;
  const half = Math.max(256, Math.floor(o.maxLine / 2));
  for (const h of hits) {
    const floor = Math.max(0, h - half);
    const ceil = Math.min(text.length, h + half);
    const s = lineStartBack(text, h, o.before, floor);
    const e = lineEndForward(text, h, o.after, ceil);
    if ((s === floor && floor > 0 && !hasNewline(text, floor, h)) || (e === ceil && ceil < text.length && !hasNewline(text, h, ceil))) capped = true;
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
