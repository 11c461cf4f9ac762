/**
 * Finding many strings in a large text at once, for the property tests: which needles are
 * visible in what a process printed, and every occurrence of every add-mask string (the GitHub
 * runner's masker). Each distinct needle is anchored on its rarest 4-unit window among its
 * first ANCHOR_SPAN positions (PEM headers, base64 of "-----BEGIN", JSON keys are shared by many
 * needles), so a scan is one pass over the text with few candidates per position, whatever
 * the number of needles.
 */
const GRAM = 4;
const ANCHOR_SPAN = 16;
const FILTER_BITS = 22;

// a module binding, not a global: in jest's vm context every global lookup (Math) is slow
const imul = Math.imul;

/** A 30-bit hash: it stays a small integer, which V8 keeps unboxed (Map keys, no allocation per position). */
function hash4(a: number, b: number, c: number, d: number): number {
  return (imul(a, 0x9e3779b1) ^ imul(b, 0x85ebca77) ^ imul(c, 0xc2b2ae3d) ^ imul(d, 0x27d4eb2f)) & 0x3fffffff;
}

function gramAt(s: string, i: number): number {
  return hash4(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2), s.charCodeAt(i + 3));
}

export class NeedleSet {
  /** the needles as given (duplicates allowed) */
  readonly needles: readonly string[];
  /** distinct needle texts, and for each the indices into `needles` that hold it */
  private readonly texts: string[] = [];
  private readonly owners: number[][] = [];
  /** anchor hash → [distinct needle, anchor offset] pairs, flattened */
  private readonly byAnchor = new Map<number, number[]>();
  private readonly filter = new Uint8Array(1 << (FILTER_BITS - 3));
  /** needles shorter than a gram: searched one by one */
  private readonly short: number[] = [];

  constructor(needles: readonly string[]) {
    this.needles = needles;
    const ids = new Map<string, number>();
    needles.forEach((n, i) => {
      if (n === '') return;
      let id = ids.get(n);
      if (id === undefined) {
        id = this.texts.length;
        ids.set(n, id);
        this.texts.push(n);
        this.owners.push([]);
      }
      this.owners[id]?.push(i);
    });
    // how common each window is, to anchor each needle on a rare one
    const freq = new Map<number, number>();
    for (const t of this.texts) {
      const span = Math.min(t.length - GRAM, ANCHOR_SPAN);
      for (let o = 0; o <= span; o++) {
        const h = gramAt(t, o);
        freq.set(h, (freq.get(h) ?? 0) + 1);
      }
    }
    this.texts.forEach((t, id) => {
      if (t.length < GRAM) {
        this.short.push(id);
        return;
      }
      let best = 0;
      let bestCount = Infinity;
      const span = Math.min(t.length - GRAM, ANCHOR_SPAN);
      for (let o = 0; o <= span; o++) {
        const c = freq.get(gramAt(t, o)) ?? 0;
        if (c < bestCount) {
          bestCount = c;
          best = o;
        }
      }
      const h = gramAt(t, best);
      const bit = h >>> (30 - FILTER_BITS);
      this.filter[bit >>> 3] = (this.filter[bit >>> 3] ?? 0) | (1 << (bit & 7));
      const list = this.byAnchor.get(h);
      if (list) list.push(id, best);
      else this.byAnchor.set(h, [id, best]);
    });
  }

  /** Calls `hit(needleIndex, start)` for every occurrence of every needle (overlapping ones included). */
  each(text: string, hit: (needle: number, start: number) => void): void {
    const n = text.length;
    const report = (id: number, start: number): void => {
      for (const k of this.owners[id] ?? []) hit(k, start);
    };
    if (n >= GRAM) {
      let a = text.charCodeAt(0);
      let b = text.charCodeAt(1);
      let c = text.charCodeAt(2);
      for (let i = 0; i + GRAM <= n; i++) {
        const d = text.charCodeAt(i + 3);
        const h = hash4(a, b, c, d);
        const bit = h >>> (30 - FILTER_BITS);
        if (((this.filter[bit >>> 3] ?? 0) & (1 << (bit & 7))) !== 0) {
          const list = this.byAnchor.get(h);
          if (list) {
            for (let j = 0; j < list.length; j += 2) {
              const id = list[j] ?? 0;
              const start = i - (list[j + 1] ?? 0);
              if (start >= 0 && text.startsWith(this.texts[id] ?? '', start)) report(id, start);
            }
          }
        }
        a = b;
        b = c;
        c = d;
      }
    }
    for (const id of this.short) {
      const s = this.texts[id] ?? '';
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) report(id, at);
    }
  }

  /** The needles (indices into `needles`) that occur in `text`. */
  found(text: string): Set<number> {
    const out = new Set<number>();
    this.each(text, (k) => out.add(k));
    return out;
  }
}

/**
 * The GitHub runner's masking of one step's output (actions/runner SecretMasker.MaskSecrets):
 * each line on its own (the runner reads output line by line: CR, LF or CRLF), every occurrence
 * of every registered string found (overlapping ones too), overlapping and touching ranges
 * merged, each range replaced by ***. The runner's own extra encoders (its base64 shifts) are
 * left out on purpose: the add-masks our actions send must cover every form by themselves.
 * Masks holding CR or LF can never match a line, so they are dropped, as the runner's would
 * never fire.
 */
export class RunnerMasker {
  private readonly set: NeedleSet;

  constructor(masks: Iterable<string>) {
    const list = [...new Set([...masks].filter((m) => m !== '' && !/[\r\n]/.test(m)))];
    this.set = new NeedleSet(list);
  }

  mask(text: string): string {
    return replaceRanges(text, this.ranges(text));
  }

  private ranges(text: string): [number, number][] {
    const out: [number, number][] = [];
    this.set.each(text, (k, start) => out.push([start, start + (this.set.needles[k]?.length ?? 0)]));
    return out;
  }
}

/** Merges overlapping and touching ranges and replaces each with *** (the runner's MaskSecrets). */
export function replaceRanges(text: string, ranges: [number, number][]): string {
  if (!ranges.length) return text;
  ranges.sort((x, y) => x[0] - y[0]);
  const parts: string[] = [];
  let pos = 0;
  let cur: [number, number] | undefined;
  for (const r of ranges) {
    if (cur && r[0] <= cur[1]) {
      cur[1] = Math.max(cur[1], r[1]);
      continue;
    }
    if (cur) {
      parts.push(text.slice(pos, cur[0]), '***');
      pos = cur[1];
    }
    cur = [r[0], r[1]];
  }
  if (cur) {
    parts.push(text.slice(pos, cur[0]), '***');
    pos = cur[1];
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * What a redactor that knows only the values can achieve on a stream it sees whole: every
 * occurrence of every string in `set`, found in the text as it is and in the text as shown
 * (ANSI sequences and NUL bytes taken out, positions mapped back), replaced by ***. The tests
 * run it to prove their property can be met (no needle is visible by chance afterwards).
 */
export function referenceRedact(text: string, set: NeedleSet): string {
  const map = new Int32Array(text.length + 1);
  const kept: string[] = [];
  let shownLen = 0;
  let pos = 0;
  const invisible = /\x1b\[[0-9;]*m|\x00/g;
  const keep = (from: number, to: number): void => {
    for (let i = from; i < to; i++) map[shownLen++] = i;
    kept.push(text.slice(from, to));
  };
  for (let m = invisible.exec(text); m; m = invisible.exec(text)) {
    keep(pos, m.index);
    pos = m.index + m[0].length;
  }
  keep(pos, text.length);
  const shown = kept.join('');
  const ranges: [number, number][] = [];
  set.each(text, (k, s) => ranges.push([s, s + (set.needles[k]?.length ?? 0)]));
  set.each(shown, (k, s) => ranges.push([map[s] ?? 0, (map[s + (set.needles[k]?.length ?? 1) - 1] ?? 0) + 1]));
  return replaceRanges(text, ranges);
}
