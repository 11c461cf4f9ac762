/**
 * Two values with one name: the error names both sources (line, entry and, where it tells the
 * items of one entry apart, the key), never a value.
 */
import { UserError } from '../core/errors.js';
import { SECRETS_INPUT } from './grammar.js';
import type { Item } from './item.js';

export interface Source {
  line: number;
  text: string;
  key?: string;
}

/** A name already set, and by which entry. */
export interface Named extends Source {
  name: string;
}

export function collision(name: string, a: Source, b: Source): UserError {
  const src = (x: { text: string; key?: string }) => `"${x.text}"${x.key !== undefined ? `, key "${x.key}"` : ''}`;
  const where = a.line === b.line ? `line ${a.line} (${src(a)} and ${src(b)})` : `line ${a.line} (${src(a)}) and line ${b.line} (${src(b)})`;
  return new UserError(SECRETS_INPUT, `${where} both set ${name}: give one of them another name with "| NAME"`);
}

/** A Vault line's item: the key is named when `*` expanded the entry into several. */
export function vaultSource(i: Item): Source {
  return i.pick === 'expand' ? { line: i.line, text: i.text, key: i.key } : { line: i.line, text: i.text };
}

/** A store line's item: the key taken is part of its text. */
export function storeSource(i: Item): Source {
  return { line: i.line, text: i.key ? `${i.text}: key "${i.key}"` : i.text };
}

/**
 * Fails on two items with one env name (or output name, with `outputs`), naming both sources.
 * `taken` holds names already set elsewhere (the Vault lines' for store items), which an item
 * may not reuse either.
 */
export function checkCollisions(items: readonly Item[], describe: (i: Item) => Source, opts: { outputs?: boolean; taken?: readonly Named[] } = {}): void {
  const seen = new Map<string, Source>();
  for (const t of opts.taken ?? []) seen.set(t.name, t);
  for (const i of items) {
    const n = opts.outputs ? i.outputName : i.name;
    const here = describe(i);
    const prev = seen.get(n);
    if (prev) throw collision(n, prev, here);
    seen.set(n, here);
  }
}
