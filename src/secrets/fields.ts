/**
 * Fields of a secret's JSON value, as Vault lines and cloud store lines select them: the literal
 * key first (`a.b` as one key), else the dotted path; values as strings; the string leaves to
 * mask; whole objects as dotenv or JSON files. Errors name the line, the source and the keys
 * that do exist, never a value.
 */
import { isObject, kind, type JsonObject } from '../core/json.js';
import type { FieldSelector, SinkKind } from './grammar.js';
import { envName } from './names.js';

/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
export class FieldError extends Error {
  override readonly name = 'FieldError';
  constructor(
    message: string,
    readonly notFound: boolean,
  ) {
    super(message);
  }
}

const MAX_KEYS_LISTED = 30;

export function keyList(o: JsonObject): string {
  const keys = Object.keys(o);
  if (keys.length === 0) return 'it has no keys';
  const shown = keys
    .slice(0, MAX_KEYS_LISTED)
    .map((k) => `"${k}"`)
    .join(', ');
  return `its keys are ${shown}${keys.length > MAX_KEYS_LISTED ? ` and ${keys.length - MAX_KEYS_LISTED} more` : ''}`;
}

/** The value as a JSON object, when it is one (or a string holding one). */
export function asObject(v: unknown): JsonObject | undefined {
  if (isObject(v)) return v;
  if (typeof v === 'string' && /^\s*\{/.test(v)) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (isObject(parsed)) return parsed;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A field of a secret: the literal key first (`a.b` as one key), else the dotted path. */
export function lookup(data: JsonObject, field: FieldSelector, source: string, line: number): unknown {
  if (!field.quoted && Object.hasOwn(data, field.raw)) return data[field.raw];
  let cur: unknown = data;
  const walked: string[] = [];
  for (const seg of field.segments) {
    const o = asObject(cur);
    const at = walked.length ? `the field "${walked.join('.')}" of ${source}` : source;
    if (!o) throw new FieldError(`line ${line}: ${at} is ${kind(cur)}, not a JSON object, so it has no key "${seg}"`, true);
    if (!Object.hasOwn(o, seg)) throw new FieldError(`line ${line}: ${at} has no key "${seg}"; ${keyList(o)}`, true);
    cur = o[seg];
    walked.push(seg);
  }
  return cur;
}

export function stringify(v: unknown, what: string, line: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) throw new FieldError(`line ${line}: ${what} is ${kind(v)}: there is no value to inject`, true);
  return JSON.stringify(v);
}

/** String leaves of a JSON value (each masked, so a field printed later stays hidden). */
export function leaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (isObject(v)) for (const x of Object.values(v)) leaves(x, out);
  return out;
}

function dotenvQuote(v: string): string {
  if (/^[A-Za-z0-9_./:@+-]*$/.test(v)) return v;
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}

/** An object as a dotenv file; `of` names its source in errors (`the key "k" of SOURCE`). */
export function toDotenv(o: JsonObject, line: number, of = ''): string {
  return (
    Object.entries(o)
      .map(([k, v]) => `${envName(k)}=${dotenvQuote(stringify(v, `the key "${k}"${of ? ` of ${of}` : ''}`, line))}`)
      .join('\n') + '\n'
  );
}

/** The file name suffix of a file sink. */
export function fileExt(sink: SinkKind, value: string): string {
  if (sink === 'dotenv') return '.env';
  if (sink === 'json') return '.json';
  if (sink === 'file' && value.trimStart().startsWith('-----BEGIN')) return '.pem';
  return '';
}
