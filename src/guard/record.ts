/**
 * The leak guard's record, kept in the job's private temp dir (runner-free: callers pass
 * the directory). For every secret the job registers, one JSON line per form:
 *   {"k": key id, "h": HMAC-SHA256 hex, "n": byte length, "label": what the secret is,
 *    "form": how it appears, "w": window size, "f": [padded window hash at offset 0, 1, ...]}
 * Never the value. The key is 32 random bytes in a 0600 file, created once per job with an
 * atomic link (two steps racing agree on one key); lines are appended with O_APPEND in one
 * write each, so concurrent steps cannot interleave them. Both files are 0600, and owner-only
 * on Windows (core/files.ts: the ACL is set before the first byte is written).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendSecretFileSync, createSecretFileSync } from '../core/files.js';
import { guardForms } from './forms.js';
import { deriveKeys, hmacHex, offsetsFor, windowHash, windowFor, windowPads, type Keys } from '../kernels/guard-hash.js';
import type { HashedForm } from '../kernels/guard-matcher.js';

export const KEY_FILE = 'guard.key';
export const RECORD_FILE = 'guard-record.jsonl';

/** One recorded form: what the matcher searches for (HashedForm), and how the secret appears. */
export interface RecordEntry extends HashedForm {
  /** how it appears: value, base64, URL-encoded ... */
  form: string;
  windows: number[];
}

export interface GuardRecord {
  keys: Keys;
  entries: RecordEntry[];
  /** lines that could not be used (another key, malformed) */
  ignored: number;
}

const keyCache = new Map<string, Keys>();
/** directories this process recorded into (the entry point counts a reference for them) */
const recordedDirs = new Set<string>();

function code(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

function parseKey(text: string, path: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`the leak guard key ${path} is malformed`);
  return Buffer.from(hex, 'hex');
}

/** The job's key: read it, or create it (0600) if this is the first secret of the job. */
export function jobKeys(dir: string, create: boolean): Keys | undefined {
  const cached = keyCache.get(dir);
  const path = join(dir, KEY_FILE);
  if (cached && existsSync(path)) return cached;
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
  }
  if (text === undefined) {
    if (!create) return undefined;
    // a restricted temp file linked into place: two steps racing agree on one key
    createSecretFileSync(path, `${randomBytes(32).toString('hex')}\n`);
    text = readFileSync(path, 'utf8');
  }
  const keys = deriveKeys(parseKey(text, path));
  keyCache.set(dir, keys);
  return keys;
}

/** The record lines for one secret (exported for tests). */
export function recordLines(keys: Keys, value: string, what: string): string[] {
  const lines: string[] = [];
  for (const f of guardForms(value)) {
    const h = hmacHex(keys, f.bytes);
    const n = f.bytes.length;
    const w = windowFor(n);
    const count = offsetsFor(n);
    const pads = windowPads(keys, h, count);
    const fp: number[] = [];
    for (let o = 0; o < count; o++) fp.push((windowHash(keys.base, f.bytes, o, w) ^ (pads[o] ?? 0)) >>> 0);
    lines.push(JSON.stringify({ k: keys.kid, h, n, label: what, form: f.kind, w, f: fp }));
  }
  return lines;
}

/**
 * Records a secret. A value shorter than the masking minimum yields no form and is never
 * recorded (the masker has refused it already anyway).
 */
export function recordSecret(dir: string, value: string, what: string): number {
  const keys = jobKeys(dir, true);
  if (!keys) return 0;
  const lines = recordLines(keys, value, what);
  if (lines.length === 0) return 0;
  const path = join(dir, RECORD_FILE);
  appendSecretFileSync(path, `${lines.join('\n')}\n`);
  recordedDirs.add(dir);
  return lines.length;
}

export function recordedInto(dir: string): boolean {
  return recordedDirs.has(dir);
}

function asEntry(line: string, keys: Keys): RecordEntry | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  const { k, h, n, label, form, w, f } = r;
  if (k !== keys.kid || typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h)) return undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 4 || typeof label !== 'string' || typeof form !== 'string') return undefined;
  if (w !== windowFor(n) || !Array.isArray(f) || f.length !== offsetsFor(n) || !f.every((x) => typeof x === 'number')) return undefined;
  const pads = windowPads(keys, h, f.length);
  const windows = (f as number[]).map((x, i) => (x ^ (pads[i] ?? 0)) >>> 0);
  return { hmac: h, length: n, label, form, window: w, windows };
}

/**
 * Reads the record; undefined when the job recorded nothing (no record file). Lines it cannot
 * use are counted in `ignored` (callers fail closed on them), all of them when the key is gone.
 */
export function readRecord(dir: string): GuardRecord | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, RECORD_FILE), 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
  // a record without its key: every line was written under a key we do not have
  const keys = jobKeys(dir, false) ?? deriveKeys(randomBytes(32));
  // one entry per form: a value registered under two names (AWS_ACCESS_KEY_ID and "the AWS
  // access key id") is one secret named both ways
  const byHmac = new Map<string, RecordEntry>();
  let ignored = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const e = asEntry(line, keys);
    if (!e) {
      ignored++;
      continue;
    }
    const prev = byHmac.get(e.hmac);
    if (!prev) byHmac.set(e.hmac, e);
    else if (!prev.label.split(' / ').includes(e.label)) prev.label = `${prev.label} / ${e.label}`;
  }
  const entries = [...byHmac.values()];
  return { keys, entries, ignored };
}

/** Deletes the key and the record (the last post step of the job does this). */
export function removeRecord(dir: string): void {
  rmSync(join(dir, RECORD_FILE), { force: true });
  rmSync(join(dir, KEY_FILE), { force: true });
  keyCache.delete(dir);
  recordedDirs.delete(dir);
}
