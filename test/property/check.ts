/**
 * Which needles of which values are visible in a text, summed up for an assertion whose
 * failure says what leaked (value id, class and form; a short escaped excerpt of the test
 * value, which is generated, never a real secret).
 */
import type { Form } from './encoders.js';
import { NeedleSet } from './search.js';

export interface Leak {
  id: number;
  cls: string;
  form: string;
  /** where it was seen (stdout, stderr, a report format ...) */
  where: string;
}

export interface LeakSummary {
  count: number;
  /** leaks per form name */
  byForm: Record<string, number>;
  /** leaks per value class */
  byClass: Record<string, number>;
  /** leaks per place */
  byWhere: Record<string, number>;
  /** a few examples */
  examples: string[];
}

interface Entry {
  id: number;
  cls: string;
  form: string;
}

/** The needles of a set of values, searchable at once. */
export class NeedleIndex {
  private readonly entries: Entry[] = [];
  private readonly set: NeedleSet;

  constructor(values: readonly { id: number; cls: string; needles: readonly Form[] }[]) {
    const texts: string[] = [];
    for (const v of values) {
      for (const n of v.needles) {
        texts.push(n.text);
        this.entries.push({ id: v.id, cls: v.cls, form: n.name });
      }
    }
    this.set = new NeedleSet(texts);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every (value, form) visible in `text`. */
  leaks(text: string, where: string): Leak[] {
    const out: Leak[] = [];
    for (const k of this.set.found(text)) {
      const e = this.entries[k];
      if (e) out.push({ ...e, where });
    }
    return out;
  }
}

export function excerpt(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

export function summarize(leaks: readonly Leak[], show: (l: Leak) => string = (l) => `#${l.id} ${l.cls} ${l.form} in ${l.where}`, max = 25): LeakSummary {
  const count = (key: (l: Leak) => string): Record<string, number> => {
    const m: Record<string, number> = {};
    for (const l of leaks) m[key(l)] = (m[key(l)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  const seen = new Set<string>();
  const examples: string[] = [];
  for (const l of leaks) {
    const k = `${l.form.replace(/line \d+/, 'line N')}|${l.cls}`;
    if (seen.has(k) || examples.length >= max) continue;
    seen.add(k);
    examples.push(show(l));
  }
  return {
    count: leaks.length,
    byForm: count((l) => l.form.replace(/line \d+/, 'line N')),
    byClass: count((l) => l.cls),
    byWhere: count((l) => l.where),
    examples,
  };
}
