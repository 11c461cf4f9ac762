/**
 * Resolves parsed selectors to values: one request per distinct (path, version, parameters),
 * all in parallel under a concurrency cap. KV v1 and v2 are told apart by the response shape;
 * a path that answers 404 is looked up with sys/internal/ui/mounts so a KV v2 path written
 * without `data/` is resolved (said in debug), and a truly missing one gets an error naming
 * what is there. Values are returned, never printed: errors carry paths and key names only.
 */
import { RemoteError, UserError } from '../core/errors.js';
import { isObject, type JsonObject } from '../core/json.js';
import { SECRETS_INPUT } from '../secrets/grammar.js';
import type { Fetched } from '../secrets/store.js';
import { type Selector, selection } from './selector.js';
import { pool } from '../core/pool.js';

/** The wire side fetch needs; src/vault/store.ts adapts the Vault client to it. */
export interface SecretSource {
  /** one request (retries inside); 404 comes back as not found, other failures throw RemoteError */
  request(method: 'GET' | 'POST', path: string, opts: { version?: number; body?: Record<string, string> }): Promise<Answer>;
  /** the mount holding `path` (sys/internal/ui/mounts), or null when none */
  mountInfo(path: string): Promise<{ path: string; type: string; kvVersion: number } | null>;
  /** the token's policies (lookup-self), for 403 messages; [] when unknown */
  policies(): Promise<string[]>;
  debug(message: string): void;
}

/** A request's answer, narrowed. */
export type Answer =
  | { found: true; leaseId: string; leaseDuration: number; renewable: boolean; data: JsonObject | null; mountType: string }
  | { found: false; deleted: boolean };

/** One request and the selectors that share it. */
export interface Fetch {
  method: 'GET' | 'POST';
  path: string;
  version?: number;
  params?: Record<string, string>;
  selectors: Selector[];
}

/** What one request gave. */
export interface Read {
  fetch: Fetch;
  /** the path actually read (after `data/` resolution) */
  readPath: string;
  /** the secret map (KV v2 unwrapped) */
  data: JsonObject;
  kv?: 1 | 2;
  version?: number;
  leaseId?: string;
  leaseTtl?: number;
  renewable?: boolean;
}

/** A request's failure: `notFound` ones may be skipped with ignore-not-found. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly notFound: boolean,
    readonly cause_: unknown = undefined,
  ) {
    super(message);
  }
}

export function groupFetches(selectors: readonly Selector[]): Fetch[] {
  const map = new Map<string, Fetch>();
  for (const s of selectors) {
    const method = s.params ? 'POST' : 'GET';
    const key = JSON.stringify([method, s.path, s.version ?? null, s.params ?? null]);
    let f = map.get(key);
    if (!f) {
      f = { method, path: s.path, selectors: [] };
      if (s.version !== undefined) f.version = s.version;
      if (s.params) f.params = s.params;
      map.set(key, f);
    }
    f.selectors.push(s);
  }
  return [...map.values()];
}

function where(f: Fetch): string {
  const lines = [...new Set(f.selectors.map((s) => s.line))].join(', ');
  return `line${f.selectors.length > 1 && lines.includes(',') ? 's' : ''} ${lines}`;
}

function pathText(f: Fetch, path = f.path): string {
  return f.version !== undefined ? `${path} (version ${f.version})` : path;
}

/** True when a read's `data` is the KV v2 wrapper {data, metadata{version}}. */
function kv2Shape(path: string, data: JsonObject): boolean {
  const meta = data['metadata'];
  return /(^|\/)data\//.test(path) && 'data' in data && isObject(meta) && typeof meta['version'] === 'number';
}

/** Reads one fetch; a 404 or 403 consults the mount table (a KV v2 path without `data/`). */
async function fetchOne(src: SecretSource, f: Fetch): Promise<Read> {
  const first = await attempt(src, f, f.path);
  if (first.ok) return first.ok;
  const mount = await src.mountInfo(f.path).catch(() => null);
  if (!mount) {
    if (first.denied) throw await deniedError(src, f, first.denied);
    throw new FetchError(
      `${where(f)}: nothing at ${pathText(f)}: no secrets engine is mounted there, or the token may not see it (check the mount name, the first part of the path)`,
      true,
    );
  }
  const mountPath = mount.path.replace(/\/+$/, '');
  const rel = f.path === mountPath ? '' : f.path.slice(mountPath.length + 1);
  if (mount.type === 'kv' && mount.kvVersion === 2 && f.method === 'GET' && !/^(data|metadata)(\/|$)/.test(rel)) {
    const resolved = `${mountPath}/data/${rel}`;
    src.debug(`${f.path} is on the KV v2 mount ${mountPath}/: reading ${resolved} (write it so to skip this lookup)`);
    const second = await attempt(src, f, resolved);
    if (second.ok) return second.ok;
    if (second.denied) throw await deniedError(src, f, second.denied);
    throw notFound(f, resolved, second.deleted);
  }
  if (first.denied) throw await deniedError(src, f, first.denied);
  if (mount.type === 'kv' && mount.kvVersion !== 2 && f.version !== undefined) {
    throw new FetchError(`${where(f)}: "?version=${f.version}" needs KV v2, but ${mountPath}/ is KV v1: remove the version`, false);
  }
  throw notFound(f, f.path, first.deleted);
}

interface Denied {
  path: string;
  err: RemoteError;
}

/** A 403 names the path and the token's policies (lookup-self, only now that it is needed). */
async function deniedError(src: SecretSource, f: Fetch, d: Denied): Promise<FetchError> {
  const policies = await src.policies().catch(() => []);
  const named = policies.length ? ` (${policies.join(', ')})` : '';
  return new FetchError(
    `${where(f)}: permission denied on ${d.path}: the token's policies${named} do not grant ${f.method === 'GET' ? 'read' : 'update'} on it`,
    false,
    d.err,
  );
}

function notFound(f: Fetch, path: string, deleted: boolean): FetchError {
  if (deleted) {
    const v = f.version !== undefined ? `version ${f.version} of ${path}` : `the current version of ${path}`;
    return new FetchError(`${where(f)}: ${v} was deleted or destroyed: undelete it, or pin another version with ?version=N`, true);
  }
  const what = f.version !== undefined ? `version ${f.version} of ${path} does not exist` : `no secret at ${path}`;
  return new FetchError(`${where(f)}: ${what}`, true);
}

async function attempt(src: SecretSource, f: Fetch, path: string): Promise<{ ok?: Read; deleted: boolean; denied?: Denied }> {
  const opts: { version?: number; body?: Record<string, string> } = {};
  if (f.version !== undefined) opts.version = f.version;
  if (f.params) opts.body = f.params;
  let res: Answer;
  try {
    res = await src.request(f.method, path, opts);
  } catch (err) {
    if (err instanceof RemoteError && err.status === 403 && err.code !== 'invalid_token') return { deleted: false, denied: { path, err } };
    if (err instanceof RemoteError) throw new FetchError(`${where(f)}: ${err.message}`, false, err);
    throw err;
  }
  if (!res.found) return { deleted: res.deleted };
  const raw = res.data;
  if (!raw) return { deleted: false };
  const out: Read = { fetch: f, readPath: path, data: raw };
  if (res.leaseId) {
    out.leaseId = res.leaseId;
    out.leaseTtl = res.leaseDuration;
    out.renewable = res.renewable;
  }
  if (kv2Shape(path, raw)) {
    const inner = raw['data'];
    if (!isObject(inner)) return { deleted: true };
    out.data = inner;
    out.kv = 2;
    const meta = raw['metadata'];
    if (isObject(meta) && typeof meta['version'] === 'number') out.version = meta['version'];
  } else if (res.mountType === 'kv') {
    out.kv = 1;
    if (f.version !== undefined)
      throw new FetchError(`${where(f)}: "?version=${f.version}" needs KV v2, but ${path} answered as KV v1: remove the version`, false);
  }
  return { ok: out, deleted: false };
}

export interface FetchResult {
  fetched: Read[];
  /** not-found failures skipped under ignore-not-found */
  skipped: FetchError[];
  requests: number;
  /** set when a selector failed: nothing may be injected (leases of the others are still returned for revocation) */
  error?: Error;
}

/**
 * Runs every fetch (concurrency-capped). All failures are collected; unless every one is a
 * not-found and `ignoreNotFound` is set, they come back together as `error`: the caller saves
 * the leases it got, then throws, so nothing is injected.
 */
export async function fetchAll(src: SecretSource, fetches: readonly Fetch[], opts: { concurrency: number; ignoreNotFound: boolean }): Promise<FetchResult> {
  const results = await pool(fetches, opts.concurrency, (f) => fetchOne(src, f));
  const fetched: Read[] = [];
  const failed: FetchError[] = [];
  // anything else (a mount lookup that kept failing, a malformed answer) still comes back as
  // `error`, never thrown, so the caller saves the leases the other requests got
  let unexpected: unknown;
  for (const r of results) {
    if (r.ok) fetched.push(r.value);
    else if (r.error instanceof FetchError) failed.push(r.error);
    else unexpected ??= r.error;
  }
  const fatal = failed.filter((e) => !(e.notFound && opts.ignoreNotFound));
  const out: FetchResult = { fetched, skipped: failed.filter((e) => !fatal.includes(e)), requests: fetches.length };
  if (unexpected !== undefined) out.error = unexpected instanceof Error ? unexpected : new Error(String(unexpected));
  else if (fatal.length) out.error = combine(fatal);
  return out;
}

export function combine(errors: readonly Error[]): Error {
  const first = errors[0];
  if (errors.length === 1 && first) {
    if (first instanceof FetchError && first.cause_ instanceof RemoteError)
      return new RemoteError(first.message, { service: 'Vault', status: first.cause_.status, retryable: false });
    return new UserError(SECRETS_INPUT, first.message);
  }
  return new UserError(SECRETS_INPUT, `${errors.length} selectors failed, nothing was injected:\n${errors.map((e) => `- ${e.message}`).join('\n')}`);
}

/** Each read once per line that asked for it, as secrets/select.ts takes it. */
export function perEntry(reads: readonly Read[]): Fetched[] {
  return reads.flatMap((r) =>
    r.fetch.selectors.map(
      (s): Fetched => ({
        sel: selection(s),
        value: r.data,
        source: r.readPath,
        ...(r.version !== undefined ? { version: r.version } : {}),
        ...(r.leaseTtl !== undefined ? { leaseTtl: r.leaseTtl } : {}),
      }),
    ),
  );
}
