/**
 * The Vault HTTP client of the suite, over core/http.ts. It speaks Vault's envelope
 * (wire-facts §1): every response is narrowed from unknown; every status >= 400 becomes a
 * RemoteError carrying Vault's errors[] as details. Retried: network errors, 412, 429, 500,
 * 502, 503, 504; never 400/403/404. The token travels only in the X-Vault-Token header and
 * never appears in a message.
 */
import { HttpClient, type ProxyOptions, type TlsOptions } from '../core/http.js';
import type { RetryPolicy } from '../core/retry.js';
import type { Clock } from '../core/clock.js';
import { RemoteError } from '../core/errors.js';
import { type JsonObject, arr, bool, isObject, num, obj, optStr, str, strArr } from '../core/json.js';

export const VAULT_RETRY_STATUSES = [412, 429, 500, 502, 503, 504] as const;

export interface VaultClientOptions {
  url: string;
  namespace?: string;
  token?: string;
  tls?: TlsOptions;
  proxy?: ProxyOptions;
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
  /** which input fixes a TLS failure (for the message) */
  tlsHint?: string;
  /** extra headers sent with every request (extra-headers); never logged */
  headers?: Readonly<Record<string, string>>;
  /** the calls in flight ("GET secret/data/x") are kept here, for a whole-step timeout's message */
  pending?: Set<string>;
}

export interface VaultAuth {
  clientToken: string;
  accessor: string;
  policies: string[];
  tokenPolicies: string[];
  metadata: Record<string, string>;
  leaseDuration: number;
  renewable: boolean;
  entityId: string;
  tokenType: string;
  orphan: boolean;
}

export interface VaultResponse {
  status: number;
  requestId: string;
  leaseId: string;
  renewable: boolean;
  leaseDuration: number;
  data: JsonObject | null;
  warnings: string[];
  auth: VaultAuth | null;
  mountType: string;
}

export interface TokenInfo {
  accessor: string;
  policies: string[];
  /** remaining seconds (0 = no expiry) */
  ttl: number;
  expireTime: string | null;
  renewable: boolean;
  displayName: string;
  path: string;
  type: string;
  meta: Record<string, string>;
}

export interface LeaseInfo {
  id: string;
  issueTime: string;
  expireTime: string;
  lastRenewalTime: string | null;
  renewable: boolean;
  ttl: number;
}

export interface MountInfo {
  type: string;
  /** the mount prefix with a trailing slash, e.g. `secret/` */
  path: string;
  /** KV version ('1' or '2'); '' for other engines */
  version: string;
  options: Record<string, string>;
}

export interface RequestOptions {
  query?: Record<string, string>;
  /** false: a single attempt (the caller retries, e.g. with a fresh JWT) */
  retry?: boolean;
  /** send no token (login endpoints) */
  anonymous?: boolean;
}

function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === null || v === undefined) return {};
  const o = obj(v, field);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(o)) out[k] = x === null || x === undefined ? '' : typeof x === 'string' ? x : JSON.stringify(x);
  return out;
}

function optStrArr(v: unknown, field: string): string[] {
  return v === null || v === undefined ? [] : strArr(v, field);
}

export function parseAuth(v: unknown): VaultAuth {
  const a = obj(v, 'auth');
  return {
    clientToken: str(a['client_token'], 'auth.client_token'),
    accessor: optStr(a['accessor'], 'auth.accessor') ?? '',
    policies: optStrArr(a['policies'], 'auth.policies'),
    tokenPolicies: optStrArr(a['token_policies'], 'auth.token_policies'),
    metadata: stringMap(a['metadata'], 'auth.metadata'),
    leaseDuration: num(a['lease_duration'] ?? 0, 'auth.lease_duration'),
    renewable: bool(a['renewable'] ?? false, 'auth.renewable'),
    entityId: optStr(a['entity_id'], 'auth.entity_id') ?? '',
    tokenType: optStr(a['token_type'], 'auth.token_type') ?? 'service',
    orphan: bool(a['orphan'] ?? false, 'auth.orphan'),
  };
}

export function parseEnvelope(status: number, body: unknown): VaultResponse {
  if (body === null || body === undefined) {
    return { status, requestId: '', leaseId: '', renewable: false, leaseDuration: 0, data: null, warnings: [], auth: null, mountType: '' };
  }
  const e = obj(body, 'response');
  return {
    status,
    requestId: optStr(e['request_id'], 'request_id') ?? '',
    leaseId: optStr(e['lease_id'], 'lease_id') ?? '',
    renewable: bool(e['renewable'] ?? false, 'renewable'),
    leaseDuration: num(e['lease_duration'] ?? 0, 'lease_duration'),
    data: e['data'] === null || e['data'] === undefined ? null : obj(e['data'], 'data'),
    warnings: optStrArr(e['warnings'], 'warnings'),
    auth: e['auth'] === null || e['auth'] === undefined ? null : parseAuth(e['auth']),
    mountType: optStr(e['mount_type'], 'mount_type') ?? '',
  };
}

/** Vault's errors[] from an error body ([] when absent or not a list of strings). */
export function vaultErrors(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body['errors'])) return [];
  return body['errors']
    .filter((x): x is string => typeof x === 'string')
    .flatMap((s) =>
      /^\d+ errors? occurred:/.test(s)
        ? s
            .split('\n')
            .slice(1)
            .map((l) => l.replace(/^\s*\*\s*/, '').trim())
        : [s.trim()],
    )
    .filter(Boolean);
}

/** Encodes each path segment; keeps the slashes. */
export function encodePath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export class VaultClient {
  readonly url: string;
  readonly namespace: string;
  private token_: string;
  private readonly http: HttpClient;
  private readonly extraHeaders: Readonly<Record<string, string>>;
  private readonly pending: Set<string> | undefined;
  /** https without a client certificate: a closed socket may mean Vault demands one */
  private readonly maybeMtls: boolean;

  constructor(opts: VaultClientOptions) {
    this.url = opts.url.replace(/\/+$/, '');
    this.namespace = (opts.namespace ?? '').replace(/^\/+|\/+$/g, '');
    this.token_ = opts.token ?? '';
    this.extraHeaders = opts.headers ?? {};
    this.pending = opts.pending;
    this.maybeMtls = this.url.startsWith('https:') && !opts.tls?.cert;
    this.http = new HttpClient({
      service: 'Vault',
      retryStatuses: VAULT_RETRY_STATUSES,
      ...(opts.tls ? { tls: opts.tls } : {}),
      ...(opts.proxy ? { proxy: opts.proxy } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
      ...(opts.tlsHint ? { tlsHint: opts.tlsHint } : {}),
    });
  }

  get token(): string {
    return this.token_;
  }

  setToken(token: string): void {
    this.token_ = token;
  }

  /** One Vault call; statuses >= 400 throw a RemoteError with Vault's errors[]. */
  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'LIST', path: string, body?: unknown, opts: RequestOptions = {}): Promise<VaultResponse> {
    const headers: Record<string, string> = { ...this.extraHeaders, 'X-Vault-Request': 'true', Accept: 'application/json' };
    if (this.token_ && !opts.anonymous) headers['X-Vault-Token'] = this.token_;
    if (this.namespace) headers['X-Vault-Namespace'] = this.namespace;
    let url = `${this.url}/v1/${encodePath(path)}`;
    const q = new URLSearchParams(opts.query ?? {});
    if (method === 'LIST') q.set('list', 'true');
    if ([...q.keys()].length) url += `?${q.toString()}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    // the pending entry names the route only (a userpass login's user name is left out)
    const what = `${method} ${path.replace(/^\/+/, '').replace(/^(auth\/.+\/login)\/.+$/, '$1/<username>')}`;
    this.pending?.add(what);
    let res: Awaited<ReturnType<HttpClient['json']>>;
    try {
      res = await this.http.json(url, {
        method: method === 'LIST' ? 'GET' : method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        ...(opts.retry === false ? { retry: false } : {}),
      });
    } catch (err) {
      // TLS 1.3: a server that demands a client certificate closes the connection after the handshake
      if (err instanceof RemoteError && err.code === 'UND_ERR_SOCKET' && this.maybeMtls) {
        throw new RemoteError(err.message, {
          service: 'Vault',
          status: 0,
          code: err.code,
          retryable: false,
          hint: 'Vault closed the TLS connection: if it demands a client certificate (mutual TLS), give client-certificate and client-key',
        });
      }
      throw err;
    } finally {
      this.pending?.delete(what);
    }
    if (res.status >= 400) throw this.error(method, path, res.status, res.body);
    return parseEnvelope(res.status, res.body);
  }

  read(path: string, opts: RequestOptions = {}): Promise<VaultResponse> {
    return this.request('GET', path, undefined, opts);
  }

  write(path: string, body: unknown = {}, opts: RequestOptions = {}): Promise<VaultResponse> {
    return this.request('POST', path, body, opts);
  }

  list(path: string, opts: RequestOptions = {}): Promise<VaultResponse> {
    return this.request('LIST', path, undefined, opts);
  }

  delete(path: string, opts: RequestOptions = {}): Promise<VaultResponse> {
    return this.request('DELETE', path, undefined, opts);
  }

  /** POST auth/<mount>/login without a token; returns the auth block. */
  async login(mount: string, body: Record<string, unknown>, opts: RequestOptions = {}, suffix = ''): Promise<VaultAuth> {
    // suffix: userpass/ldap log in at auth/<mount>/login/<username>
    const res = await this.write(`auth/${mount.replace(/^\/+|\/+$/g, '')}/login${suffix ? `/${suffix}` : ''}`, body, { ...opts, anonymous: true });
    if (!res.auth)
      throw new RemoteError(`Vault answered the login at auth/${mount}/login without an auth block`, {
        service: 'Vault',
        status: res.status,
        retryable: false,
      });
    return res.auth;
  }

  async lookupSelf(): Promise<TokenInfo> {
    const d = obj((await this.read('auth/token/lookup-self')).data, 'data');
    return {
      accessor: optStr(d['accessor'], 'data.accessor') ?? '',
      policies: optStrArr(d['policies'], 'data.policies'),
      ttl: num(d['ttl'] ?? 0, 'data.ttl'),
      expireTime: optStr(d['expire_time'], 'data.expire_time') ?? null,
      renewable: bool(d['renewable'] ?? false, 'data.renewable'),
      displayName: optStr(d['display_name'], 'data.display_name') ?? '',
      path: optStr(d['path'], 'data.path') ?? '',
      type: optStr(d['type'], 'data.type') ?? 'service',
      meta: stringMap(d['meta'], 'data.meta'),
    };
  }

  async revokeSelf(): Promise<void> {
    await this.write('auth/token/revoke-self', undefined);
  }

  async renewSelf(incrementSeconds?: number): Promise<VaultAuth> {
    const res = await this.write('auth/token/renew-self', incrementSeconds !== undefined ? { increment: `${incrementSeconds}s` } : {});
    if (!res.auth) throw new RemoteError('Vault answered renew-self without an auth block', { service: 'Vault', status: res.status, retryable: false });
    return res.auth;
  }

  async revokeLease(leaseId: string, sync = true): Promise<void> {
    await this.write('sys/leases/revoke', { lease_id: leaseId, sync });
  }

  async renewLease(leaseId: string, incrementSeconds?: number): Promise<VaultResponse> {
    return this.write('sys/leases/renew', incrementSeconds !== undefined ? { lease_id: leaseId, increment: incrementSeconds } : { lease_id: leaseId });
  }

  async lookupLease(leaseId: string): Promise<LeaseInfo> {
    const d = obj((await this.write('sys/leases/lookup', { lease_id: leaseId })).data, 'data');
    return {
      id: str(d['id'], 'data.id'),
      issueTime: optStr(d['issue_time'], 'data.issue_time') ?? '',
      expireTime: optStr(d['expire_time'], 'data.expire_time') ?? '',
      lastRenewalTime: optStr(d['last_renewal_time'], 'data.last_renewal_time') ?? null,
      renewable: bool(d['renewable'] ?? false, 'data.renewable'),
      ttl: num(d['ttl'] ?? 0, 'data.ttl'),
    };
  }

  /** The mount serving `path` (sys/internal/ui/mounts), e.g. to tell KV v1 from v2. */
  async mountInfo(path: string): Promise<MountInfo> {
    const d = obj((await this.read(`sys/internal/ui/mounts/${path.replace(/^\/+/, '')}`)).data, 'data');
    const options = stringMap(d['options'], 'data.options');
    return { type: str(d['type'], 'data.type'), path: str(d['path'], 'data.path'), version: options['version'] ?? '', options };
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private error(method: string, path: string, status: number, body: unknown): RemoteError {
    const details = vaultErrors(body);
    const where = `${method} ${path.replace(/^\/+/, '')}${this.namespace ? ` in namespace "${this.namespace}"` : ''}`;
    const text = details.join(' ');
    let code = '';
    let hint = '';
    if (status === 403 && /invalid token/.test(text)) {
      code = 'invalid_token';
      hint = 'the Vault token is invalid, expired or revoked';
    } else if (status === 403) {
      code = 'permission_denied';
      hint = `no policy of the token allows ${capabilityOf(method)} on "${path.replace(/^\/+/, '')}"`;
    } else if (status === 404) {
      code = details.length === 0 ? 'not_found' : /no handler for route/.test(text) ? 'no_mount' : 'not_found';
      if (code === 'no_mount') hint = 'no secrets engine or auth method is mounted at that path';
      // a KV v2 soft-deleted or destroyed version answers 404 with a full envelope
      if (isObject(body) && isObject(body['data']) && isObject(body['data']['metadata'])) code = 'deleted';
    } else if (status === 503 && /sealed/i.test(text)) {
      code = 'sealed';
      hint = 'Vault is sealed';
    } else if (status === 429) {
      code = 'rate_limited';
    }
    return new RemoteError(`Vault answered ${status} for ${where}`, {
      service: 'Vault',
      status,
      code,
      retryable: (VAULT_RETRY_STATUSES as readonly number[]).includes(status),
      details,
      ...(hint ? { hint } : {}),
    });
  }
}

function capabilityOf(method: string): string {
  return method === 'GET' ? 'read' : method === 'LIST' ? 'list' : method === 'DELETE' ? 'delete' : 'create/update';
}

/** Narrows a `keys` list (LIST responses). */
export function listKeys(res: VaultResponse): string[] {
  return res.data ? strArr(arr(res.data['keys'] ?? [], 'data.keys'), 'data.keys') : [];
}
