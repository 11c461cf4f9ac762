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
 * The line grammar (entries, quoting, keys, the `| NAME` sink) is secrets/grammar.ts; this is the
 * Vault side: the path, `?version=N`, write parameters and PKI bundles. Parsing is pure: errors are
 * UserErrors naming the line number and what is wrong. Selectors hold paths, key names and
 * parameters, never secret values.
 */
import { UserError } from '../core/errors.js';
import {
  type FieldSelector,
  type SinkKind,
  SECRETS_INPUT,
  entryNames,
  lineError as fail,
  parseField,
  parseSink,
  splitEntries,
  splitSink,
  tokenize,
} from '../secrets/grammar.js';
import { envName } from '../secrets/names.js';
import { collision } from '../secrets/collisions.js';
import { PKI_PARTS, type Pick, type Selection } from '../secrets/select.js';

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

const PKI_ISSUE_RE = /(^|\/)issue\/[^/]+$/;

export function isPkiIssue(path: string): boolean {
  return PKI_ISSUE_RE.test(path);
}

/** A Vault path as written to the path itself: no leading `/` or `v1/`, no trailing `/`. */
export function trimPath(path: string): string {
  return path.replace(/^\/+/, '').replace(/^v1\//, '').replace(/\/+$/, '');
}

/** True when a path has an empty, `.` or `..` segment. */
export function hasBadSegment(path: string): boolean {
  return path.split('/').some((s) => s === '' || s === '.' || s === '..');
}

function parsePath(line: number, text: string, token: string): { path: string; version?: number } {
  const q = token.indexOf('?');
  const path = trimPath(q < 0 ? token : token.slice(0, q));
  if (!path) throw fail(line, text, 'the path is empty');
  if (/["`=]/.test(path)) throw fail(line, text, `"${path.slice(0, 80)}" is not a Vault path (a path comes first, then the key)`);
  if (hasBadSegment(path)) throw fail(line, text, `the path "${path.slice(0, 80)}" has an empty, "." or ".." segment`);
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
  const { lhs, rhs } = splitSink(text);
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
    throw fail(
      line,
      text,
      `expected one key after the path, found ${keys.length} words ("${keys.join('", "').slice(0, 80)}"); quote a key that contains spaces: "my key"`,
    );
  }
  const write = paramCount > 0;
  if (write && version !== undefined) throw fail(line, text, '"?version=N" is for KV v2 reads; a line with parameters is a write');

  const sinkSpec = rhs === undefined ? undefined : parseSink(rhs, (what) => fail(line, text, what), true);
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

  let names: { name: string; outputName: string };
  if (field === null && !sinkSpec) {
    // a PKI bundle is named by its role: pki/issue/web -> WEB_CERT, WEB_KEY, WEB_CA
    const role = envName(path.slice(path.lastIndexOf('/') + 1));
    names = { name: role, outputName: role };
  } else {
    names = entryNames(sinkSpec, field === '*', () => (field !== null && field !== '*' ? field.segments.join('.') : ''));
  }
  const { name, outputName } = names;
  const sel: Selector = { line, text, path, field, sink, name, outputName, named: sinkSpec !== undefined };
  if (version !== undefined) sel.version = version;
  if (write) sel.params = params;
  return sel;
}

/** Parses the whole input; checks collisions among the names known before fetching. */
export function parseSecretsInput(input: string): Selector[] {
  const entries = splitEntries(input);
  if (entries.length === 0) throw new UserError(SECRETS_INPUT, 'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY"');
  const out = entries.map((e) => parseSelector(e.line, e.text));
  checkStaticNames(out);
  return out;
}

/** Fails on two selectors that set one env name known before fetching, naming both lines. */
export function checkStaticNames(selectors: readonly Selector[]): void {
  const seen = new Map<string, Selector>();
  for (const s of selectors) {
    for (const n of staticNames(s)) {
      const prev = seen.get(n);
      if (prev) throw collision(n, prev, s);
      seen.set(n, s);
    }
  }
}

/** The env names a selector sets that are known before fetching ('*' names come later). */
export function staticNames(s: Selector): string[] {
  if (s.field === '*' && s.sink !== 'dotenv' && s.sink !== 'json') return [];
  if (s.field === null) return [s.name + PKI_PARTS.cert, s.name + PKI_PARTS.key, s.name + PKI_PARTS.ca];
  return [s.name];
}

/** The selector as secrets/select.ts takes it: what to pick from the path's answer. */
export function selection(s: Selector): Selection {
  const pick: Pick =
    s.field === null ? { kind: 'pki', vaultAction: s.vaultActionPki === true } : s.field === '*' ? { kind: 'expand' } : { kind: 'key', field: s.field };
  return { line: s.line, text: s.text, pick, sink: s.sink, name: s.name, outputName: s.outputName, named: s.named };
}
