/**
 * From fetched secrets to named values: one key, a dotted field, every key (*), a whole
 * secret as dotenv or JSON, or a PKI bundle. Errors name the line, the path and the key names
 * that do exist, never a value. Name collisions after wildcard expansion name both sources.
 */
import { UserError } from '../core/errors.js';
import { kind, type JsonObject } from '../core/json.js';
import { type SinkKind, SECRETS_INPUT } from '../secrets/grammar.js';
import { envName, normalizeName } from '../secrets/names.js';
import { collision } from '../secrets/collisions.js';
import { type Selector, PKI_PARTS } from './selector.js';
import { FieldError, asObject, fileExt, keyList, leaves, lookup, stringify, toDotenv } from '../secrets/fields.js';
import type { Fetched } from './secrets.js';

export interface Item {
  sel: Selector;
  /** the env var (and, for outputs, the output) name */
  name: string;
  outputName: string;
  sink: SinkKind;
  value: string;
  /** string leaves of a JSON value, masked too */
  leaves: string[];
  /** the path read */
  source: string;
  /** the key or field taken ('*' expanded to each key) */
  key: string;
  /** the version read (a KV v2 number; a store's version id) */
  version?: number | string;
  leaseTtl?: number;
  /** file name suffix for file sinks */
  ext: string;
  /** the decoded bytes (secret-encoding-type): a file sink writes exactly these */
  bytes?: Uint8Array;
  /** the decoded bytes are not text (invalid UTF-8 or a NUL): only a file sink takes them; `value` is then the encoded text, masked and never injected */
  binary?: boolean;
}

function items(f: Fetched, sel: Selector): Item[] {
  const base = { sel, source: f.readPath, sink: sel.sink, ...(f.version !== undefined ? { version: f.version } : {}), ...(f.leaseTtl !== undefined ? { leaseTtl: f.leaseTtl } : {}) };
  const make = (name: string, outputName: string, key: string, v: unknown, what: string): Item => {
    const value = stringify(v, what, sel.line);
    return { ...base, name, outputName, key, value, leaves: typeof v === 'string' ? [] : leaves(v), ext: fileExt(sel.sink, value) };
  };
  const whole = (o: JsonObject, key: string): Item => {
    const value = sel.sink === 'json' ? `${JSON.stringify(o, null, 2)}\n` : toDotenv(o, sel.line);
    return { ...base, name: sel.name, outputName: sel.outputName, key, value, leaves: leaves(o), ext: fileExt(sel.sink, value) };
  };
  if (sel.field === null) {
    const d = f.data;
    const cert = d['certificate'];
    const key = d['private_key'];
    const chain = Array.isArray(d['ca_chain']) && d['ca_chain'].length ? d['ca_chain'] : d['issuing_ca'];
    if (typeof cert !== 'string' || typeof key !== 'string') {
      throw new FieldError(`line ${sel.line}: ${f.readPath} did not answer with a certificate and private_key; ${keyList(d)}`, false);
    }
    const ca = Array.isArray(chain) ? chain.filter((x): x is string => typeof x === 'string').join('\n') : typeof chain === 'string' ? chain : '';
    const parts: Item[] = [
      make(sel.name + PKI_PARTS.cert, sel.outputName + PKI_PARTS.cert, 'certificate', cert, 'certificate'),
      make(sel.name + PKI_PARTS.key, sel.outputName + PKI_PARTS.key, 'private_key', key, 'private_key'),
    ];
    if (sel.vaultActionPki) return vaultActionPki(f, sel, parts, make);
    if (ca) parts.push(make(sel.name + PKI_PARTS.ca, sel.outputName + PKI_PARTS.ca, 'ca_chain', ca, 'ca_chain'));
    return parts;
  }
  if (sel.field === '*') {
    if (sel.sink === 'dotenv' || sel.sink === 'json') return [whole(f.data, '*')];
    return Object.entries(f.data).map(([k, v]) => {
      const name = sel.named ? envName(sel.name + k) : envName(k);
      const outputName = sel.named ? normalizeName(sel.outputName + k) : normalizeName(k);
      return make(name, outputName, k, v, `the key "${k}" of ${f.readPath}`);
    });
  }
  const v = lookup(f.data, sel.field, f.readPath, sel.line);
  const key = sel.field.segments.join('.');
  if (sel.sink === 'dotenv' || sel.sink === 'json') {
    const o = asObject(v);
    if (!o) throw new FieldError(`line ${sel.line}: "${sel.field.raw}" of ${f.readPath} is ${kind(v)}; "${sel.sink}:" needs a JSON object (or *)`, false);
    return [whole(o, key)];
  }
  return [make(sel.name, sel.outputName, key, v, `"${sel.field.raw}" of ${f.readPath}`)];
}

/** The `pki` input's names, as vault-action sets them: NAME_CA is the issuing CA, NAME_CA_CHAIN the chain; outputs name_cert ... */
function vaultActionPki(f: Fetched, sel: Selector, parts: Item[], make: (n: string, o: string, k: string, v: unknown, what: string) => Item): Item[] {
  const d = f.data;
  const out = parts.map((p) => ({ ...p, outputName: `${sel.outputName}${p.name.slice(sel.name.length).toLowerCase()}` }));
  const issuing = typeof d['issuing_ca'] === 'string' ? d['issuing_ca'] : '';
  const chain = Array.isArray(d['ca_chain']) ? d['ca_chain'].filter((x): x is string => typeof x === 'string').join('\n') : '';
  if (issuing) out.push(make(`${sel.name}_CA`, `${sel.outputName}_ca`, 'issuing_ca', issuing, 'issuing_ca'));
  if (chain) out.push(make(`${sel.name}_CA_CHAIN`, `${sel.outputName}_ca_chain`, 'ca_chain', chain, 'ca_chain'));
  return out;
}

export interface Selected {
  items: Item[];
  /** not-found failures skipped under ignore-not-found */
  skipped: string[];
}

/** Every selector's values; collisions (after wildcard expansion) name both sources. */
export function selectValues(fetched: readonly Fetched[], opts: { ignoreNotFound: boolean; outputs: boolean }): Selected {
  const out: Item[] = [];
  const skipped: string[] = [];
  const failures: string[] = [];
  for (const f of fetched) {
    for (const sel of f.fetch.selectors) {
      try {
        out.push(...items(f, sel));
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        if (err.notFound && opts.ignoreNotFound) skipped.push(err.message);
        else failures.push(err.message);
      }
    }
  }
  if (failures.length === 1) throw new UserError(SECRETS_INPUT, failures[0] ?? '');
  if (failures.length > 1) throw new UserError(SECRETS_INPUT, `${failures.length} selectors failed, nothing was injected:\n${failures.map((m) => `- ${m}`).join('\n')}`);
  out.sort((a, b) => a.sel.line - b.sel.line || a.name.localeCompare(b.name));
  checkCollisions(out, (i) => i.name);
  if (opts.outputs) checkCollisions(out, (i) => i.outputName);
  return { items: out, skipped };
}

function checkCollisions(list: readonly Item[], nameOf: (i: Item) => string): void {
  const seen = new Map<string, Item>();
  for (const i of list) {
    const n = nameOf(i);
    const prev = seen.get(n);
    if (prev) {
      const desc = (x: Item) => (x.sel.field === '*' ? { line: x.sel.line, text: x.sel.text, key: x.key } : { line: x.sel.line, text: x.sel.text });
      throw collision(n, desc(prev), desc(i));
    }
    seen.set(n, i);
  }
}
