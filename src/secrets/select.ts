/**
 * From a fetched secret to named items, for Vault lines and cloud store lines alike: one key
 * (or dotted path), every key (`*`), a whole secret as a dotenv or JSON file, a store's whole
 * value, a Vault PKI bundle, or aws-secretsmanager-get-secrets' naming (alias, recursive
 * parse-json-secrets, name-transformation). Errors are FieldErrors naming the line, the source
 * and the key names that do exist, never a value; each caller words their sum (vault/fetch.ts,
 * stores/index.ts).
 */
import { UserError } from '../core/errors.js';
import { kind, type JsonObject } from '../core/json.js';
import { type FieldSelector, type SinkKind, SECRETS_INPUT } from './grammar.js';
import { type NameCase, compatEnvName, envName, normalizeName } from './names.js';
import { FieldError, asObject, fileExt, keyList, leaves, lookup, stringify, toDotenv } from './fields.js';
import { checkCollisions, vaultSource } from './collisions.js';
import type { Item } from './item.js';
import type { Fetched } from './store.js';

/** What an entry takes from a secret's value. */
export type Pick =
  /** the whole string (a store line without a key) */
  | { kind: 'whole' }
  /** one key (or dotted path) of a JSON object value */
  | { kind: 'key'; field: FieldSelector }
  /** every top-level key of a JSON object value, one variable each (`*`); a whole-secret file for dotenv: and json: */
  | { kind: 'expand' }
  /** a Vault PKI issue's certificate, key and CA; `vaultAction`: the `pki` input's names (_CA is the issuing CA, _CA_CHAIN the chain) */
  | { kind: 'pki'; vaultAction: boolean }
  /** aws-secretsmanager-get-secrets naming: alias, parse-json-secrets (recursive), name-transformation */
  | { kind: 'aws-compat'; alias?: string; parseJson: boolean; nameCase: NameCase };

/** An entry as selection needs it: where it is, what it takes, and its names. */
export interface Selection {
  /** 1-based line of the input */
  line: number;
  /** the entry as written (paths, ids and names only, safe to print) */
  text: string;
  pick: Pick;
  sink: SinkKind;
  /** the env name, or the prefix for `*` and PKI bundles ('' when none); already validated */
  name: string;
  /** the step output name (or prefix) */
  outputName: string;
  /** true when the line gave `| NAME` */
  named: boolean;
}

/** The suffixes of a PKI bundle's three names. */
export const PKI_PARTS = { cert: '_CERT', key: '_KEY', ca: '_CA' } as const;

type Make = (name: string, outputName: string, key: string, v: unknown, what: string) => Item;

/**
 * The items one fetched secret gives for its entry. For aws-compat, `f.name` is the name the
 * secret goes by (its own name, or the id as written).
 */
export function itemsOf(f: Fetched): Item[] {
  const { sel } = f;
  // a store's value names its source in a dotenv file's errors; Vault's never did
  const store = typeof f.value === 'string';
  const base = {
    line: sel.line,
    text: sel.text,
    pick: sel.pick.kind,
    source: f.source,
    sink: sel.sink,
    ...(f.version !== undefined ? { version: f.version } : {}),
    ...(f.leaseTtl !== undefined ? { leaseTtl: f.leaseTtl } : {}),
  };
  const make: Make = (name, outputName, key, v, what) => {
    const value = stringify(v, what, sel.line);
    return { ...base, name, outputName, key, value, leaves: typeof v === 'string' ? [] : leaves(v), ext: fileExt(sel.sink, value) };
  };
  const file = (o: JsonObject, key: string): Item => {
    const value = sel.sink === 'json' ? `${JSON.stringify(o, null, 2)}\n` : store ? toDotenv(o, sel.line, f.source) : toDotenv(o, sel.line);
    return { ...base, name: sel.name, outputName: sel.outputName, key, value, leaves: leaves(o), ext: fileExt(sel.sink, value) };
  };
  const pick = sel.pick;
  if (pick.kind === 'whole') return [make(sel.name, sel.outputName, '', f.value, f.source)];
  if (pick.kind === 'aws-compat') return compatItems(f, pick.alias, pick.parseJson, pick.nameCase, make);
  const data = asObject(f.value);
  if (!data) {
    const what = pick.kind === 'key' ? `has no key "${pick.field.raw}"` : 'cannot be expanded into one variable per key';
    throw new FieldError(`line ${sel.line}: ${f.source} is not a JSON object, so it ${what}; drop the key to take the whole string`, pick.kind === 'key');
  }
  if (pick.kind === 'pki') return pkiItems(f, data, pick.vaultAction, make);
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
    if (!o) throw new FieldError(`line ${sel.line}: "${pick.field.raw}" of ${f.source} is ${kind(v)}; "${sel.sink}:" needs a JSON object (or *)`, false);
    return [file(o, key)];
  }
  return [make(sel.name, sel.outputName, key, v, `"${pick.field.raw}" of ${f.source}`)];
}

/** A PKI issue's answer: NAME_CERT, NAME_KEY and NAME_CA (the chain, else the issuing CA). */
function pkiItems(f: Fetched, d: JsonObject, vaultAction: boolean, make: Make): Item[] {
  const { sel } = f;
  const cert = d['certificate'];
  const key = d['private_key'];
  const chain = Array.isArray(d['ca_chain']) && d['ca_chain'].length ? d['ca_chain'] : d['issuing_ca'];
  if (typeof cert !== 'string' || typeof key !== 'string') {
    throw new FieldError(`line ${sel.line}: ${f.source} did not answer with a certificate and private_key; ${keyList(d)}`, false);
  }
  const ca = Array.isArray(chain) ? chain.filter((x): x is string => typeof x === 'string').join('\n') : typeof chain === 'string' ? chain : '';
  const parts: Item[] = [
    make(sel.name + PKI_PARTS.cert, sel.outputName + PKI_PARTS.cert, 'certificate', cert, 'certificate'),
    make(sel.name + PKI_PARTS.key, sel.outputName + PKI_PARTS.key, 'private_key', key, 'private_key'),
  ];
  if (vaultAction) return vaultActionPki(f, d, parts, make);
  if (ca) parts.push(make(sel.name + PKI_PARTS.ca, sel.outputName + PKI_PARTS.ca, 'ca_chain', ca, 'ca_chain'));
  return parts;
}

/** The `pki` input's names, as vault-action sets them: NAME_CA is the issuing CA, NAME_CA_CHAIN the chain; outputs name_cert ... */
function vaultActionPki(f: Fetched, d: JsonObject, parts: Item[], make: Make): Item[] {
  const { sel } = f;
  const out = parts.map((p) => ({ ...p, outputName: `${sel.outputName}${p.name.slice(sel.name.length).toLowerCase()}` }));
  const issuing = typeof d['issuing_ca'] === 'string' ? d['issuing_ca'] : '';
  const chain = Array.isArray(d['ca_chain']) ? d['ca_chain'].filter((x): x is string => typeof x === 'string').join('\n') : '';
  if (issuing) out.push(make(`${sel.name}_CA`, `${sel.outputName}_ca`, 'issuing_ca', issuing, 'issuing_ca'));
  if (chain) out.push(make(`${sel.name}_CA_CHAIN`, `${sel.outputName}_ca_chain`, 'ca_chain', chain, 'ca_chain'));
  return out;
}

function compatItems(f: Fetched, alias: string | undefined, parseJson: boolean, nameCase: NameCase, make: Make): Item[] {
  const secretName = f.name ?? '';
  const out: Item[] = [];
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
  walk(typeof f.value === 'string' ? f.value : JSON.stringify(f.value), undefined, []);
  return out;
}

export interface Selected {
  items: Item[];
  /** not-found failures skipped under ignore-not-found */
  skipped: string[];
}

/** Every Vault entry's values; collisions (after wildcard expansion) name both sources. */
export function selectValues(fetched: readonly Fetched[], opts: { ignoreNotFound: boolean; outputs: boolean }): Selected {
  const out: Item[] = [];
  const skipped: string[] = [];
  const failures: string[] = [];
  for (const f of fetched) {
    try {
      out.push(...itemsOf(f));
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      if (err.notFound && opts.ignoreNotFound) skipped.push(err.message);
      else failures.push(err.message);
    }
  }
  if (failures.length === 1) throw new UserError(SECRETS_INPUT, failures[0] ?? '');
  if (failures.length > 1)
    throw new UserError(SECRETS_INPUT, `${failures.length} selectors failed, nothing was injected:\n${failures.map((m) => `- ${m}`).join('\n')}`);
  out.sort(byLine);
  checkCollisions(out, vaultSource);
  if (opts.outputs) checkCollisions(out, vaultSource, { outputs: true });
  return { items: out, skipped };
}

/** Items in the order of their entries, then by name. */
export function byLine(a: Item, b: Item): number {
  return a.line - b.line || a.name.localeCompare(b.name);
}
