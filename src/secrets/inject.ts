/**
 * Values to the job: every value, line and leaf is masked first; then every file is written
 * (0600, all or none); only then are env vars and outputs set. The summary names what was
 * injected, never a value. The target is structural so this module needs no platform import.
 */
import { join } from 'node:path';
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { removeFiles, writeSecretFile } from '../core/files.js';
import { UserError } from '../core/errors.js';
import { MIN_SECRET_LENGTH } from '../core/mask.js';
import { SECRETS_INPUT } from './grammar.js';
import type { Item } from './item.js';

export interface InjectTarget {
  secret(value: string, what: string): void;
  exportEnv(name: string, value: string): void;
  output(name: string, value: string): void;
  saveState(name: string, value: string): void;
  tempDir(): string;
}

export const FILES_STATE = 'fetchSecretsFiles';

export interface Injected {
  item: Item;
  /** the file written, for file sinks */
  file?: string;
}

/**
 * Registers every value (and each leaf long enough to mask: JSON fields, the encoded text of a
 * decoded value) before anything is written. A binary value has no text form to mask: its
 * encoded text, in its leaves, is what is masked.
 */
export function maskAll(t: InjectTarget, items: readonly Item[]): void {
  for (const i of items) {
    if (!i.binary) t.secret(i.value, i.name);
    for (const leaf of i.leaves) if (leaf.trim().length >= MIN_SECRET_LENGTH) t.secret(leaf, `${i.name} (a field)`);
  }
}

export async function inject(t: InjectTarget, items: readonly Item[], opts: { exportEnv: boolean; outputs: boolean }): Promise<Injected[]> {
  // decodeItems refuses these first; an env var or output never receives bytes that are no text
  const binaryEnv = items.find((i) => i.binary && i.sink === 'env');
  if (binaryEnv) throw new UserError(SECRETS_INPUT, `line ${binaryEnv.line}: ${binaryEnv.name} is binary: only a file: sink can take it`);
  maskAll(t, items);
  const fileItems = items.filter((i) => i.sink !== 'env');
  const done: Injected[] = items.map((item) => ({ item }));
  if (fileItems.length) {
    const dir = join(t.tempDir(), `fetch-secrets-${randomBytes(6).toString('hex')}`);
    const planned = new Map<Item, string>(fileItems.map((i) => [i, join(dir, `${i.name}${i.ext}`)]));
    // Saved before writing, so the post step removes whatever a crash leaves behind.
    t.saveState(FILES_STATE, JSON.stringify({ dir, files: [...planned.values()] }));
    const written: string[] = [];
    try {
      for (const [i, path] of planned) {
        await writeSecretFile(path, i.bytes ?? i.value);
        written.push(path);
      }
    } catch (err) {
      await removeFiles(written);
      throw err;
    }
    for (const d of done) {
      const p = planned.get(d.item);
      if (p) d.file = p;
    }
  }
  for (const d of done) {
    const value = d.file ?? d.item.value;
    if (opts.exportEnv) t.exportEnv(d.item.name, value);
    if (opts.outputs) t.output(d.item.outputName, value);
  }
  return done;
}

/** Removes the files a main step wrote (post step); returns the ones that failed. */
export async function removeInjectedFiles(state: string): Promise<{ removed: number; failed: { path: string; code: string }[] }> {
  if (!state) return { removed: 0, failed: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return { removed: 0, failed: [] };
  }
  const files =
    typeof parsed === 'object' && parsed !== null && 'files' in parsed && Array.isArray(parsed.files)
      ? parsed.files.filter((x): x is string => typeof x === 'string')
      : [];
  const dir = typeof parsed === 'object' && parsed !== null && 'dir' in parsed && typeof parsed.dir === 'string' ? parsed.dir : '';
  const failed = await removeFiles(files);
  // the directory only once empty (never a recursive delete)
  if (dir && !failed.length) await fs.rmdir(dir).catch(() => undefined);
  return { removed: files.length - failed.length, failed };
}

function fmtTtl(s: number): string {
  if (s % 3600 === 0 && s >= 3600) return `${s / 3600}h`;
  if (s % 60 === 0 && s >= 60) return `${s / 60}m`;
  return `${s}s`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function fromWhere(vault: number, stores: number): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (!stores) return plural(vault, 'Vault request');
  const st = plural(stores, 'cloud store read');
  return vault ? `${plural(vault, 'Vault request')} and ${st}` : st;
}

/** The step summary: names, kinds, sources, versions and lease TTLs; never values. */
export function summaryMarkdown(
  done: readonly Injected[],
  opts: { exportEnv: boolean; outputs: boolean; requests: number; ms: number; skipped: readonly string[]; storeReads?: number },
): string {
  const rows = done.map(({ item, file }) => {
    const kinds: string[] = [];
    if (file) kinds.push(item.sink === 'file' ? 'file' : `file (${item.sink})`);
    if (opts.exportEnv) kinds.push('env');
    if (opts.outputs) kinds.push('output');
    const src = item.key === '*' || item.key === '' ? item.source : `${item.source} \`${item.key}\``;
    return `| \`${cell(item.name)}\` | ${kinds.join(', ') || 'masked only'} | ${cell(src)} | ${item.version ?? ''} | ${item.leaseTtl !== undefined ? fmtTtl(item.leaseTtl) : ''} |`;
  });
  const lines = [
    '### fetch-secrets',
    '',
    `${done.length} value${done.length === 1 ? '' : 's'} injected from ${fromWhere(opts.requests, opts.storeReads ?? 0)} in ${opts.ms} ms. Values are masked and never shown here.`,
    '',
    '| name | kind | source | version | lease TTL |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
  if (opts.skipped.length) lines.push('', `Skipped (ignore-not-found): ${opts.skipped.length}`, ...opts.skipped.map((s) => `- ${cell(s)}`));
  return `${lines.join('\n')}\n`;
}
