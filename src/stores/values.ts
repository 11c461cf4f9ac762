/**
 * From a fetched store value to named items: the whole string, one JSON key (or dotted path),
 * every key (`*`, or a whole-secret dotenv/JSON file), or aws-secretsmanager-get-secrets'
 * naming (alias, recursive parse-json-secrets, name-transformation). Names are normalised as
 * for Vault lines; collisions name both sources. Errors name ids and keys, never values.
 */
import { UserError } from '../core/errors.js';
import { kind, type JsonObject } from '../core/json.js';
import { SECRETS_INPUT } from '../secrets/grammar.js';
import { envName, normalizeName } from '../secrets/names.js';
import { collision } from '../secrets/collisions.js';
import { FieldError, asObject, fileExt, leaves, lookup, stringify, toDotenv } from '../secrets/fields.js';
import { awsSecretName } from './selector.js';
import type { NameCase, StoreItem, StoreSelector } from './types.js';

export interface Fetched {
  sel: StoreSelector;
  value: string;
  /** printable: store and id */
  source: string;
  version?: string;
  /** the secret's own name as the store reported it (aws-sm: ARN lookups and prefix matches) */
  name?: string;
}

/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
export class PickError extends UserError {
  constructor(message: string, readonly notFound: boolean) {
    super(SECRETS_INPUT, message);
  }
}

/** aws-secretsmanager-get-secrets' transformToValidEnvName, with its name-transformation. */
export function compatEnvName(name: string, nameCase: NameCase): string {
  const n = (/^[0-9]/.test(name) ? `_${name}` : name).replace(/[^a-zA-Z0-9_]/g, '_');
  return nameCase === 'uppercase' ? n.toUpperCase() : nameCase === 'lowercase' ? n.toLowerCase() : n;
}

/** The items one fetched value gives for its selector; a field that is not there is a PickError. */
export function itemsOf(f: Fetched): StoreItem[] {
  try {
    return select(f);
  } catch (err) {
    if (err instanceof FieldError) throw new PickError(err.message, err.notFound);
    throw err;
  }
}

function select(f: Fetched): StoreItem[] {
  const { sel } = f;
  const base = { line: sel.line, text: sel.text, source: f.source, sink: sel.sink, ...(f.version !== undefined ? { version: f.version } : {}) };
  const make = (name: string, outputName: string, key: string, v: unknown, what: string): StoreItem => {
    const value = stringify(v, what, sel.line);
    return { ...base, name, outputName, key, value, leaves: typeof v === 'string' ? [] : leaves(v), ext: fileExt(sel.sink, value) };
  };
  const file = (o: JsonObject, key: string): StoreItem => {
    const value = sel.sink === 'json'
      ? `${JSON.stringify(o, null, 2)}\n`
      : toDotenv(o, sel.line, f.source);
    return { ...base, name: sel.name, outputName: sel.outputName, key, value, leaves: leaves(o), ext: fileExt(sel.sink, value) };
  };
  const pick = sel.pick;
  if (pick.kind === 'whole') return [make(sel.name, sel.outputName, '', f.value, f.source)];
  if (pick.kind === 'aws-compat') return compatItems(f, pick.alias, pick.parseJson, pick.nameCase, make);
  const data = asObject(f.value);
  if (!data) {
    const what = pick.kind === 'key' ? `has no key "${pick.field.raw}"` : 'cannot be expanded into one variable per key';
    throw new PickError(`line ${sel.line}: ${f.source} is not a JSON object, so it ${what}; drop the key to take the whole string`, pick.kind === 'key');
  }
  if (pick.kind === 'expand') {
    if (sel.sink === 'dotenv' || sel.sink === 'json') return [file(data, '*')];
    return Object.entries(data).map(([k, v]) => {
      const name = sel.named ? envName(sel.name + k) : envName(k);
      const outputName = sel.named ? normalizeName(sel.outputName + k) : normalizeName(k);
      return make(name, outputName, k, v, `the key "${k}" of ${f.source}`);
    });
  }
  const v = lookup(data, pick.field, f.source, sel.line);
  const key = pick.field.segments.join('.');
  if (sel.sink === 'dotenv' || sel.sink === 'json') {
    const o = asObject(v);
    if (!o) throw new PickError(`line ${sel.line}: "${pick.field.raw}" of ${f.source} is ${kind(v)}; "${sel.sink}:" needs a JSON object (or *)`, false);
    return [file(o, key)];
  }
  return [make(sel.name, sel.outputName, key, v, `"${pick.field.raw}" of ${f.source}`)];
}

type Make = (name: string, outputName: string, key: string, v: unknown, what: string) => StoreItem;

function compatItems(f: Fetched, alias: string | undefined, parseJson: boolean, nameCase: NameCase, make: Make): StoreItem[] {
  // as aws-secretsmanager-get-secrets: an ARN or a prefix match is named by the secret's own name, a name by itself
  const byOwnName = f.sel.prefix === true || f.sel.id.startsWith('arn:');
  const secretName = byOwnName ? (f.name ?? awsSecretName(f.sel.id)) : f.sel.id;
  const out: StoreItem[] = [];
  const walk = (value: string, envVar: string | undefined, keyPath: string[]): void => {
    const o = parseJson ? asObject(value) : undefined;
    if (o && !Array.isArray(o)) {
      for (const [k, v] of Object.entries(o)) {
        const leaf = typeof v === 'string' ? v : JSON.stringify(v);
        const prefix = envVar ?? (alias ? compatEnvName(alias, nameCase) : alias === undefined ? compatEnvName(secretName, nameCase) : '');
        const key = compatEnvName(k, nameCase);
        walk(leaf, prefix ? `${prefix}_${key}` : key, [...keyPath, k]);
      }
      return;
    }
    const name = compatEnvName(envVar ?? (alias || secretName), nameCase);
    out.push(make(name, name, keyPath.join('.'), value, keyPath.length ? `the key "${keyPath.join('.')}" of ${f.source}` : f.source));
  };
  walk(f.value, undefined, []);
  return out;
}

export interface Named {
  name: string;
  line: number;
  text: string;
  key?: string;
}

/**
 * Fails on two items with one env name (or output name), naming both sources. `taken` holds
 * names the caller already uses (its Vault lines), so a store line cannot shadow one.
 */
export function checkCollisions(items: readonly StoreItem[], taken: readonly Named[] = [], outputs = false): void {
  const seen = new Map<string, Named>();
  for (const t of taken) seen.set(t.name, t);
  for (const i of items) {
    const n = outputs ? i.outputName : i.name;
    const here: Named = { name: n, line: i.line, text: i.key ? `${i.text}: key "${i.key}"` : i.text };
    const prev = seen.get(n);
    if (prev) throw collision(n, prev, here);
    seen.set(n, here);
  }
}
