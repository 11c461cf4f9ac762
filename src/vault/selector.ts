/**
 * The `secrets` input of fetch-secrets: one selector per line (`;` also separates), in
 * hashicorp/vault-action's syntax, plus a few forms it lacks.
 *
 *   secret/data/ci/app api_key | API_KEY        one key into env API_KEY (and output API_KEY)
 *   secret/data/ci/app api_key                  name from the key: API_KEY
 *   secret/data/ci/app?version=3 api_key        a pinned KV v2 version
 *   secret/data/ci/app *                        every key, each under its own name
 *   secret/data/ci/app * | APP_                 every key, names prefixed APP_
 *   secret/data/ci/app config.db.password       a nested JSON field ("a.b".c quotes a dotted key)
 *   secret/data/tls cert | file:TLS_CERT        the value into a 0600 file; TLS_CERT = its path
 *   secret/data/ci/app * | dotenv:APP_ENV       the whole secret as a dotenv file (json: as JSON)
 *   pki/issue/web common_name=a.example ttl=1h | file:TLS   write-type: TLS_CERT, TLS_KEY, TLS_CA
 *
 * Parsing is pure: errors are UserErrors naming the line number and what is wrong.
 * Selectors hold paths, key names and parameters, never secret values.
 */
import { UserError } from '../core/errors.js';

export const SECRETS_INPUT = 'secrets';

/** Where a value goes. env: an env var / output holding the value; the others: a file. */
export type SinkKind = 'env' | 'file' | 'dotenv' | 'json';

export interface FieldSelector {
  /** the selector as written, quotes included */
  raw: string;
  /** the dotted path, quotes removed */
  segments: string[];
  /** true when any segment was quoted (then `raw` is never taken as one literal key) */
  quoted: boolean;
}

export interface Selector {
  /** 1-based line of the input */
  line: number;
  /** the entry as written (paths and key names only, safe to print) */
  text: string;
  /** the Vault path, no leading slash, no query */
  path: string;
  /** KV v2 version pin (?version=N) */
  version?: number;
  /** write-type selector: the request body (POST instead of GET) */
  params?: Record<string, string>;
  /** '*' = every key; null = the PKI bundle of a pki issue write */
  field: FieldSelector | '*' | null;
  sink: SinkKind;
  /** the env name (or the prefix for '*' and PKI bundles), already normalised */
  name: string;
  /** the step output name (or prefix) */
  outputName: string;
  /** true when the line gave `| NAME` */
  named: boolean;
  /** a PKI bundle from the `pki` input: vault-action's names (_CERT, _KEY, _CA = issuing CA, _CA_CHAIN) */
  vaultActionPki?: boolean;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PKI_ISSUE_RE = /(^|\/)issue\/[^/]+$/;

/**
 * Name normalisation, exactly as hashicorp/vault-action 3.x does it so existing workflows keep
 * their names: the first `.` becomes `__`, dashes are dropped, and any other character outside
 * [A-Za-z0-9_] is dropped (`db.password` -> DB__PASSWORD, `api-key` -> APIKEY). A name that would
 * start with a digit gets a `_` in front, since no shell accepts it. Deterministic; collisions are
 * reported by the caller. `| NAME` on a line picks any name.
 */
export function normalizeName(key: string): string {
  const n = key.replace('.', '__').replace(/-/g, '').replace(/[^A-Za-z0-9_]/g, '');
  return /^[0-9]/.test(n) ? `_${n}` : n;
}

export function envName(key: string): string {
  return normalizeName(key).toUpperCase();
}

export function isPkiIssue(path: string): boolean {
  return PKI_ISSUE_RE.test(path);
}

/** The suffixes of a PKI bundle's three names. */
export const PKI_PARTS = { cert: '_CERT', key: '_KEY', ca: '_CA' } as const;

/** Splits the input into entries with their line numbers; `#` starts a comment line. */
export function splitEntries(input: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  input.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) return;
    for (const part of line.split(';')) {
      const text = part.trim();
      if (text) out.push({ line: i + 1, text });
    }
  });
  return out;
}

function fail(line: number, text: string, what: string): UserError {
  return new UserError(SECRETS_INPUT, `line ${line} ("${text.slice(0, 160)}"): ${what}`);
}

/** Splits on whitespace, keeping "..." and `...` spans (quotes kept) together. */
export function tokenize(s: string): string[] | string {
  const tokens: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === '`') {
      quote = ch;
      cur += ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) tokens.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) return `a ${quote} quote is not closed`;
  if (has) tokens.push(cur);
  return tokens;
}

/** Parses `a.b`, `"a.b".c`, `` `x-y`.z ``; returns an error text when malformed. */
export function parseField(raw: string): FieldSelector | string {
  const segments: string[] = [];
  let quoted = false;
  let i = 0;
  while (i <= raw.length) {
    const ch = raw[i];
    let seg: string;
    if (ch === '"' || ch === '`') {
      const end = raw.indexOf(ch, i + 1);
      if (end < 0) return `the ${ch} quote in "${raw}" is not closed`;
      seg = raw.slice(i + 1, end);
      quoted = true;
      i = end + 1;
      if (i < raw.length && raw[i] !== '.') return `expected "." after the quoted key in "${raw}"`;
    } else {
      const dot = raw.indexOf('.', i);
      const end = dot < 0 ? raw.length : dot;
      seg = raw.slice(i, end);
      if (/["`]/.test(seg)) return `a quote must start a key in "${raw}"`;
      i = end;
    }
    if (seg === '') return `the key "${raw}" has an empty part (two dots, or a dot at an end)`;
    segments.push(seg);
    if (i >= raw.length) break;
    i++; // the dot
    if (i >= raw.length) return `the key "${raw}" ends with a dot`;
  }
  return { raw, segments, quoted };
}

function parseSink(line: number, text: string, rhs: string): { sink: SinkKind; name: string } {
  const m = /^(?:(file|dotenv|json)\s*:\s*)?(.*)$/i.exec(rhs.trim());
  const sink = (m?.[1]?.toLowerCase() ?? 'env') as SinkKind;
  const name = (m?.[2] ?? '').trim();
  if (!name) throw fail(line, text, `nothing after "|": write a name, e.g. "| API_KEY" or "| file:TLS_CERT"`);
  if (!NAME_RE.test(name)) {
    throw fail(line, text, `"${name.slice(0, 60)}" is not a valid variable name: use letters, digits and _ (not starting with a digit), or "file:NAME", "dotenv:NAME", "json:NAME"`);
  }
  return { sink, name };
}

function parsePath(line: number, text: string, token: string): { path: string; version?: number } {
  const q = token.indexOf('?');
  let path = (q < 0 ? token : token.slice(0, q)).replace(/^\/+/, '').replace(/^v1\//, '');
  path = path.replace(/\/+$/, '');
  if (!path) throw fail(line, text, 'the path is empty');
  if (/["`=]/.test(path)) throw fail(line, text, `"${path.slice(0, 80)}" is not a Vault path (a path comes first, then the key)`);
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) throw fail(line, text, `the path "${path.slice(0, 80)}" has an empty, "." or ".." segment`);
  if (q < 0) return { path };
  const query = token.slice(q + 1);
  const vm = /^version=(\d+)$/.exec(query);
  if (!vm) throw fail(line, text, `only "?version=N" may follow the path, got "?${query.slice(0, 40)}"`);
  const version = Number(vm[1]);
  if (!Number.isSafeInteger(version) || version < 1) throw fail(line, text, 'the version must be a whole number of 1 or more');
  return { path, version };
}

/** Parses one entry. */
export function parseSelector(line: number, text: string): Selector {
  const bar = text.lastIndexOf('|');
  const lhs = bar < 0 ? text : text.slice(0, bar);
  const tokens = tokenize(lhs);
  if (typeof tokens === 'string') throw fail(line, text, tokens);
  const [pathToken, ...rest] = tokens;
  if (!pathToken) throw fail(line, text, 'expected "PATH KEY | NAME", found no path');
  const { path, version } = parsePath(line, text, pathToken);

  const params: Record<string, string> = {};
  let paramCount = 0;
  const keys: string[] = [];
  for (const t of rest) {
    const eq = t.indexOf('=');
    if (eq > 0 && !/^["`]/.test(t) && keys.length === 0) {
      const k = t.slice(0, eq);
      let v = t.slice(eq + 1);
      if (/^".*"$|^`.*`$/.test(v) && v.length >= 2) v = v.slice(1, -1);
      if (!/^[A-Za-z0-9_.-]+$/.test(k)) throw fail(line, text, `"${k.slice(0, 40)}" is not a parameter name`);
      if (k in params) throw fail(line, text, `the parameter "${k}" is given twice`);
      params[k] = v;
      paramCount++;
    } else {
      keys.push(t);
    }
  }
  if (keys.length > 1) {
    throw fail(line, text, `expected one key after the path, found ${keys.length} words ("${keys.join('", "').slice(0, 80)}"); quote a key that contains spaces: "my key"`);
  }
  const write = paramCount > 0;
  if (write && version !== undefined) throw fail(line, text, '"?version=N" is for KV v2 reads; a line with parameters is a write');

  const sinkSpec = bar < 0 ? null : parseSink(line, text, text.slice(bar + 1));
  const sink = sinkSpec?.sink ?? 'env';
  const keyText = keys[0];
  let field: Selector['field'];
  if (keyText === undefined) {
    if (write && isPkiIssue(path)) field = null;
    else if (write) throw fail(line, text, 'name the key to take from the response after the parameters, or * for every key');
    else throw fail(line, text, `name a key after the path (e.g. "${path} api_key | API_KEY"), or * for every key`);
  } else if (keyText === '*') {
    field = '*';
  } else {
    const parsed = parseField(keyText);
    if (typeof parsed === 'string') throw fail(line, text, parsed);
    field = parsed;
  }
  if ((sink === 'dotenv' || sink === 'json') && field === null) {
    throw fail(line, text, `a PKI bundle goes to env or "file:"; "${sink}:" is for a whole secret (*) or a JSON object field`);
  }

  let name: string;
  let outputName: string;
  if (sinkSpec) {
    name = sinkSpec.name;
    outputName = sinkSpec.name;
  } else if (field === '*') {
    name = '';
    outputName = '';
  } else if (field === null) {
    const role = path.slice(path.lastIndexOf('/') + 1);
    name = envName(role);
    outputName = name;
  } else {
    const plain = field.segments.join('.');
    name = envName(plain);
    outputName = normalizeName(plain);
  }
  const sel: Selector = { line, text, path, field, sink, name, outputName, named: sinkSpec !== null };
  if (version !== undefined) sel.version = version;
  if (write) sel.params = params;
  return sel;
}

/** Parses the whole input; checks collisions among the names known before fetching. */
export function parseSecretsInput(input: string): Selector[] {
  const entries = splitEntries(input);
  if (entries.length === 0) throw new UserError(SECRETS_INPUT, 'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY"');
  const out = entries.map((e) => parseSelector(e.line, e.text));
  const seen = new Map<string, Selector>();
  for (const s of out) {
    for (const n of staticNames(s)) {
      const prev = seen.get(n);
      if (prev) throw collision(n, prev, s);
      seen.set(n, s);
    }
  }
  return out;
}

/** The env names a selector sets that are known before fetching ('*' names come later). */
export function staticNames(s: Selector): string[] {
  if (s.field === '*' && s.sink !== 'dotenv' && s.sink !== 'json') return [];
  if (s.field === null) return [s.name + PKI_PARTS.cert, s.name + PKI_PARTS.key, s.name + PKI_PARTS.ca];
  return [s.name];
}

export function collision(name: string, a: { line: number; text: string; key?: string }, b: { line: number; text: string; key?: string }): UserError {
  const src = (x: { text: string; key?: string }) => `"${x.text}"${x.key !== undefined ? `, key "${x.key}"` : ''}`;
  const where = a.line === b.line ? `line ${a.line} (${src(a)} and ${src(b)})` : `line ${a.line} (${src(a)}) and line ${b.line} (${src(b)})`;
  return new UserError(SECRETS_INPUT, `${where} both set ${name}: give one of them another name with "| NAME"`);
}
