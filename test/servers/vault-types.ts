/**
 * Shared types and wire helpers of the Vault imitation (see vault.ts for usage).
 * Envelopes and error bodies follow ../shared/wire-facts.md §1 exactly.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Started } from './http.js';

export type Method = 'GET' | 'POST' | 'DELETE' | 'LIST';
export type Capability = 'create' | 'read' | 'update' | 'delete' | 'list' | 'sudo' | 'deny';

/** What a handler answers; `body` undefined with 204 sends no body. */
export interface Reply {
  status: number;
  body?: unknown;
}

export interface TokenEntry {
  id: string;
  accessor: string;
  policies: string[];
  namespace: string;
  /** the login path that created it, e.g. auth/jwt/login */
  path: string;
  meta: Record<string, string>;
  displayName: string;
  /** creation TTL in seconds (0 = never expires) */
  ttl: number;
  issuedAt: number;
  expiresAt: number | null;
  lastRenewal: number | null;
  renewable: boolean;
  type: 'service' | 'batch';
  revoked: boolean;
  numUses: number;
  entityId: string;
  orphan: boolean;
}

export interface Lease {
  id: string;
  tokenId: string;
  issuedAt: number;
  expiresAt: number;
  lastRenewal: number | null;
  renewable: boolean;
  /** seconds */
  ttl: number;
  maxTtl: number;
  revoked: boolean;
}

/** A request as the routes see it. Paths have no leading or trailing slash. */
export interface Ctx {
  method: Method;
  /** the path after /v1/ including the namespace prefix */
  full: string;
  /** the request's namespace ('' for root) */
  namespace: string;
  /** the path relative to the namespace */
  path: string;
  query: URLSearchParams;
  /** the JSON body (an object; {} when empty) */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** the valid token sent with the request, if any */
  token: TokenEntry | undefined;
  /** for routes added with vault.route(): the regex match on `path` */
  match: RegExpExecArray | null;
  /** the TLS client certificate of the connection (HTTPS with requestCert), for cert logins */
  peerCert?: { cn: string; fingerprint256: string; pem: string };
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export const DEFAULT_TTL = 2764800;

export function uuid(): string {
  return randomUUID();
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += ALNUM[b % ALNUM.length];
  return s;
}

/** A long opaque token with Vault's prefix (hvs. service, hvb. batch). */
export function newTokenId(type: 'service' | 'batch' = 'service'): string {
  return `${type === 'batch' ? 'hvb' : 'hvs'}.${randomAlnum(90)}`;
}

/** The success envelope with every key present (wire-facts §1). */
export function envelope(
  init: {
    data?: unknown;
    auth?: unknown;
    lease_id?: string;
    renewable?: boolean;
    lease_duration?: number;
    warnings?: string[] | null;
    mount_type?: string;
  } = {},
): Record<string, unknown> {
  return {
    request_id: uuid(),
    lease_id: init.lease_id ?? '',
    renewable: init.renewable ?? false,
    lease_duration: init.lease_duration ?? 0,
    data: init.data ?? null,
    wrap_info: null,
    warnings: init.warnings ?? null,
    auth: init.auth ?? null,
    mount_type: init.mount_type ?? '',
  };
}

export function ok(data: unknown, extra: Parameters<typeof envelope>[0] = {}): Reply {
  return { status: 200, body: envelope({ ...extra, data }) };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function err(status: number, ...messages: string[]): Reply {
  return { status, body: { errors: messages } };
}

/** 404 with an empty errors list: missing item or empty LIST. */
export const notFound = (): Reply => err(404);
export const permissionDenied = (): Reply => err(403, '1 error occurred:\n\t* permission denied\n\n');
export const invalidToken = (): Reply => err(403, '2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n');
export const noHandler = (path: string): Reply => err(404, `no handler for route "${path}". route entry not found.`);
export const unsupportedPath = (): Reply => err(404, '1 error occurred:\n\t* unsupported path\n\n');
export const badRequest = (msg: string): Reply => err(400, msg);

/** The body most often seen for an injected status. */
export function faultBody(status: number): Reply {
  const msg: Record<number, string> = {
    412: 'required index state not present',
    429: 'request path "x": rate limit quota exceeded',
    500: 'internal error',
    502: 'upstream error',
    503: 'Vault is sealed',
    504: 'context deadline exceeded',
  };
  return err(status, msg[status] ?? `injected status ${status}`);
}

/** RFC 3339 with nanoseconds, as Vault prints created_time (the sub-ms digits are derived from ms). */
export function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String((ms * 7919) % 1000000).padStart(6, '0')}Z`;
}

/** Vault durations: a number of seconds or a string such as 90s, 15m, 1h, 1h30m, 30d. */
export function parseTtl(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  let consumed = 0;
  const re = /(\d+)([smhd])/gy;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * (units[m[2] ?? 's'] ?? 1);
    consumed = re.lastIndex;
  }
  return consumed === v.length ? total : undefined;
}

/**
 * Vault policy path match: a trailing `*` is a prefix glob, `+` one path segment.
 */
export function policyPathMatches(pattern: string, path: string): boolean {
  const p = pattern.replace(/^\/+/, '');
  const prefix = p.endsWith('*');
  const body = prefix ? p.slice(0, -1) : p;
  const re = body
    .split('/')
    .map((seg) => (seg === '+' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${re}${prefix ? '.*' : ''}$`).test(path);
}

/** ryanuber/go-glob: `*` is the only wildcard. */
export function goGlob(pattern: string, s: string): boolean {
  const re = pattern
    .split('*')
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`, 's').test(s);
}

export function strField(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Like http.ts `listen`, over TLS (for ca-certificate / mTLS tests). */
export async function listenTls(
  tls: { cert: string; key: string; ca?: string; requestCert?: boolean },
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<Started> {
  const server = createHttpsServer(
    { cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca } : {}), requestCert: tls.requestCert ?? false, rejectUnauthorized: tls.requestCert ?? false },
    (req, res) => {
      Promise.resolve(handler(req, res)).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [`test server error: ${e instanceof Error ? e.message : String(e)}`] }));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server: server as unknown as Started['server'],
    port,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
