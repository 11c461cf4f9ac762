/**
 * A Vault imitation on 127.0.0.1 that follows ../shared/wire-facts.md §1–§4 (envelopes with
 * every key, `{"errors":[]}` 404s, the observed error bodies and statuses).
 *
 * Usage:
 *   const issuer = await new OidcIssuer().start();
 *   const vault = await new VaultServer().start();
 *   vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
 *   vault.jwtRole('jwt', 'ci', { bound_audiences: ['https://vault'], bound_claims: { repository: 'octo-org/*' },
 *     bound_claims_type: 'glob', user_claim: 'sub', token_policies: ['read-secrets'], token_ttl: 600 });
 *   vault.policy('read-secrets', ['secret/data/ci/*', { path: 'secret/metadata/*', capabilities: ['list', 'read'] }]);
 *   vault.mount('secret', { type: 'kv', version: 2 });
 *   vault.kv2Put('secret', 'ci/db', { password: 'p4ss' }, { createdTime: Date.UTC(2025, 0, 1), customMetadata: { owner: 'x' } });
 *   const { roleId, secretId } = vault.approleRole('deploy', { token_policies: ['read-secrets'] });
 *   const token = vault.createToken({ policies: ['read-secrets'], ttl: 3600 });
 *   vault.mount('database', { type: 'database' }); vault.databaseRole('database', 'app', { default_ttl: 3600 });
 *   vault.mount('pki', { type: 'pki' }); vault.pkiRole('pki', 'web', { allowed_domains: ['example.com'], allow_subdomains: true });
 *   vault.failNext(/auth\/jwt\/login/, [503, 503]);  vault.latencyMs = 20;  vault.sealed = true;
 *   vault.route('GET', /^custom\/(.+)$/, (ctx) => ok({ name: ctx.match?.[1] }));   // token + policy checked first
 *   vault.log       // [{ method, path, namespace, tokenSent, status }], never bodies
 *   vault.counters  // logins, loginFailures, revocations, leaseRevocations, leasesIssued ...
 *   vault.clock.offsetMs = 86400_000 // move the server's clock
 *
 * Namespaces: vault.namespace('team-a') registers one; X-Vault-Namespace or a path prefix selects
 * it; mounts and tokens belong to the namespace they were created in (pass `namespace`).
 * Tokens: X-Vault-Token or Authorization: Bearer. `vault.rootToken` has the root policy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { listen, readBody, sleep, type Started } from './http.js';
import {
  type Capability,
  type Ctx,
  type Handler,
  type Lease,
  type Method,
  type Reply,
  type TokenEntry,
  DEFAULT_TTL,
  err,
  faultBody,
  invalidToken,
  listenTls,
  newTokenId,
  noHandler,
  permissionDenied,
  policyPathMatches,
  randomAlnum,
  uuid,
} from './vault-types.js';
import { VaultConfig } from './vault-config.js';
import { handleLogin } from './vault-auth.js';
import { handleTokenSelf, handleSys } from './vault-sys.js';
import { handleKv } from './vault-kv.js';
import { handleSecrets } from './vault-secrets.js';

export * from './vault-types.js';
export type { Mount, MountOptions, JwtAuthConfig, JwtRole, ApproleRole, KubernetesRole, DatabaseRole, PkiRole } from './vault-config.js';

export interface LogEntry {
  method: Method;
  /** the path after /v1/, with the namespace prefix */
  path: string;
  namespace: string;
  tokenSent: boolean;
  status: number;
  /** the request's headers (for extra-headers tests; the test's own server, never printed) */
  headers?: IncomingMessage['headers'];
}

export interface Counters {
  requests: number;
  logins: number;
  loginFailures: number;
  /** tokens revoked (revoke-self, revoke, revoke-accessor) */
  revocations: number;
  /** leases revoked through sys/leases/revoke */
  leaseRevocations: number;
  /** leases revoked with their token */
  leasesRevokedWithToken: number;
  leasesIssued: number;
  leaseRenewals: number;
  tokenRenewals: number;
}

interface Fault {
  pattern: RegExp;
  statuses: number[];
}

interface Route {
  method: Method;
  pattern: RegExp;
  handler: Handler;
  auth: boolean;
}

/** Default-policy paths every valid token may use. */
const DEFAULT_POLICY_PATHS = [
  'auth/token/lookup-self',
  'auth/token/renew-self',
  'auth/token/revoke-self',
  'sys/capabilities-self',
  'sys/leases/lookup',
  'sys/leases/renew',
  'sys/internal/ui/mounts/*',
  'sys/internal/ui/resultant-acl',
];

export class VaultServer extends VaultConfig {
  started!: Started;
  latencyMs = 0;
  sealed = false;
  /** sys/health answers 429 */
  standby = false;
  readonly log: LogEntry[] = [];
  readonly counters: Counters = {
    requests: 0,
    logins: 0,
    loginFailures: 0,
    revocations: 0,
    leaseRevocations: 0,
    leasesRevokedWithToken: 0,
    leasesIssued: 0,
    leaseRenewals: 0,
    tokenRenewals: 0,
  };
  readonly tokens = new Map<string, TokenEntry>();
  readonly leases = new Map<string, Lease>();
  readonly rootToken: string;
  private readonly faults: Fault[] = [];
  private readonly routes: Route[] = [];

  constructor() {
    super();
    this.rootToken = this.createToken({ policies: ['root'], ttl: 0, displayName: 'root', path: 'auth/token/root' });
  }

  get url(): string {
    return this.started.url;
  }

  /** Listens on 127.0.0.1 (HTTPS when `tls` is given; `requestCert` demands a client certificate signed by `ca`). */
  async start(opts: { tls?: { cert: string; key: string; ca?: string; requestCert?: boolean } } = {}): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): Promise<void> => this.handle(req, res);
    this.started = opts.tls ? await listenTls(opts.tls, handler) : await listen(handler);
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  /** The next requests whose path (after /v1/, namespace included) matches get these statuses; 0 drops the connection. */
  failNext(pattern: RegExp | string, statuses: number[]): void {
    this.faults.push({ pattern: typeof pattern === 'string' ? new RegExp(pattern) : pattern, statuses: [...statuses] });
  }

  /** Adds a route (checked before the built-in ones). `pathRegex` runs on the namespace-relative path. */
  route(method: Method | 'PUT', pathRegex: RegExp, handler: Handler, opts: { auth?: boolean } = {}): void {
    this.routes.push({ method: method === 'PUT' ? 'POST' : method, pattern: pathRegex, handler, auth: opts.auth ?? true });
  }

  /** Requests seen for a path pattern (for "was it retried?" assertions). */
  requestsTo(pattern: RegExp): LogEntry[] {
    return this.log.filter((e) => pattern.test(e.path));
  }

  /** Issues a service token directly (the test's own setup; no login counted). */
  createToken(init: {
    policies: string[];
    ttl?: number;
    namespace?: string;
    renewable?: boolean;
    type?: 'service' | 'batch';
    displayName?: string;
    path?: string;
    meta?: Record<string, string>;
    noDefaultPolicy?: boolean;
  }): string {
    return this.issueToken(init).id;
  }

  issueToken(init: {
    policies: string[];
    ttl?: number;
    namespace?: string;
    renewable?: boolean;
    type?: 'service' | 'batch';
    displayName?: string;
    path?: string;
    meta?: Record<string, string>;
    noDefaultPolicy?: boolean;
  }): TokenEntry {
    const type = init.type ?? 'service';
    const now = this.clock.now();
    const ttl = init.ttl ?? DEFAULT_TTL;
    const policies = [...init.policies];
    if (!init.noDefaultPolicy && !policies.includes('root') && !policies.includes('default')) policies.push('default');
    policies.sort();
    const t: TokenEntry = {
      id: newTokenId(type),
      accessor: randomAlnum(24),
      policies,
      namespace: init.namespace ?? '',
      path: init.path ?? 'auth/token/create',
      meta: init.meta ?? {},
      displayName: init.displayName ?? 'token',
      ttl,
      issuedAt: now,
      expiresAt: ttl > 0 ? now + ttl * 1000 : null,
      lastRenewal: null,
      renewable: type === 'service' && ttl > 0 && (init.renewable ?? true),
      type,
      revoked: false,
      numUses: 0,
      entityId: uuid(),
      orphan: true,
    };
    this.tokens.set(t.id, t);
    return t;
  }

  /** The auth object of a login response (wire-facts §1). */
  authObject(t: TokenEntry): Record<string, unknown> {
    const tokenPolicies = t.policies;
    return {
      client_token: t.id,
      accessor: t.accessor,
      policies: t.policies,
      token_policies: tokenPolicies,
      metadata: t.meta,
      lease_duration: t.ttl,
      renewable: t.renewable,
      entity_id: t.entityId,
      token_type: t.type,
      orphan: t.orphan,
      mfa_requirement: null,
      num_uses: t.numUses,
    };
  }

  /** Revokes a token and the leases it created. */
  revokeToken(t: TokenEntry): void {
    if (t.revoked) return;
    t.revoked = true;
    this.counters.revocations++;
    for (const l of this.leases.values()) {
      if (l.tokenId === t.id && !l.revoked) {
        l.revoked = true;
        this.counters.leasesRevokedWithToken++;
      }
    }
  }

  /** A token that is valid now, or undefined. */
  liveToken(id: string): TokenEntry | undefined {
    const t = this.tokens.get(id);
    if (!t || t.revoked) return undefined;
    if (t.expiresAt !== null && t.expiresAt <= this.clock.now()) return undefined;
    return t;
  }

  allowed(t: TokenEntry, path: string, caps: Capability[]): boolean {
    if (t.policies.includes('root')) return true;
    if (t.policies.includes('default') && DEFAULT_POLICY_PATHS.some((p) => policyPathMatches(p, path))) return true;
    const granted = new Set<Capability>();
    for (const name of t.policies) {
      for (const rule of this.policies.get(name) ?? []) {
        if (!policyPathMatches(rule.path, path)) continue;
        for (const c of rule.capabilities) granted.add(c);
      }
    }
    if (granted.has('deny')) return false;
    return caps.some((c) => granted.has(c));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    let method = (req.method ?? 'GET').toUpperCase();
    if (method === 'PUT') method = 'POST';
    if (method === 'GET' && u.searchParams.get('list') === 'true') method = 'LIST';
    const raw = await readBody(req);
    const nsHeader = headerValue(req.headers['x-vault-namespace']).replace(/^\/+|\/+$/g, '');
    const reqPath = decodeURIComponent(u.pathname.replace(/^\/v1\/?/, '')).replace(/\/+$/, '');
    const full = [nsHeader, reqPath].filter(Boolean).join('/');
    const namespace = this.namespaceOf(full);
    const path = namespace ? full.slice(namespace.length + 1) : full;
    const tokenId = headerValue(req.headers['x-vault-token']) || (/^Bearer\s+(.+)$/i.exec(headerValue(req.headers.authorization))?.[1] ?? '');
    const entry: LogEntry = { method: method as Method, path: full, namespace, tokenSent: tokenId !== '', status: 0, headers: req.headers };
    this.log.push(entry);
    this.counters.requests++;
    const send = (r: Reply): void => {
      entry.status = r.status;
      const json = r.status === 204 || r.body === undefined ? undefined : JSON.stringify(r.body);
      res.writeHead(r.status, json === undefined ? {} : { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(json);
    };
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (!u.pathname.startsWith('/v1/')) return send(err(404));
    if (!['GET', 'POST', 'DELETE', 'LIST'].includes(method)) return send(err(405, '1 error occurred:\n\t* unsupported operation\n\n'));
    const fault = this.faults.find((f) => f.statuses.length > 0 && f.pattern.test(full));
    if (fault) {
      const status = fault.statuses.shift() ?? 500;
      if (status === 0) {
        entry.status = 0;
        req.socket.destroy();
        return;
      }
      return send(faultBody(status));
    }
    if (path === 'sys/health') return send(this.health(u.searchParams));
    if (this.sealed) return send(err(503, 'Vault is sealed'));
    let body: Record<string, unknown> = {};
    if (raw.trim()) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch (e) {
        return send(err(400, `failed to parse JSON input: ${e instanceof Error ? e.message : 'invalid'}`));
      }
    }
    const liveToken = tokenId ? this.liveToken(tokenId) : undefined;
    const ctx: Ctx = { method: method as Method, full, namespace, path, query: u.searchParams, body, headers: req.headers, token: liveToken, match: null };
    const peer = 'getPeerCertificate' in req.socket ? (req.socket as TLSSocket).getPeerCertificate() : undefined;
    if (peer && peer.raw) {
      const b64 = peer.raw
        .toString('base64')
        .replace(/(.{64})/g, '$1\n')
        .replace(/\n$/, '');
      ctx.peerCert = {
        cn: String(peer.subject?.CN ?? ''),
        fingerprint256: peer.fingerprint256,
        pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
      };
    }
    send(await this.dispatch(ctx, tokenId !== ''));
  }

  private async dispatch(ctx: Ctx, tokenSent: boolean): Promise<Reply> {
    const caps = capsFor(ctx.method);
    for (const r of this.routes) {
      const m = r.method === ctx.method ? r.pattern.exec(ctx.path) : null;
      if (!m) continue;
      if (r.auth) {
        if (!ctx.token) return tokenSent ? invalidToken() : err(403, 'permission denied');
        if (!this.allowed(ctx.token, ctx.path, caps)) return permissionDenied();
      }
      return r.handler({ ...ctx, match: m });
    }
    const login = /^auth\/(.+)\/login$/.exec(ctx.path);
    if (login && ctx.method === 'POST') {
      const mount = this.findMount(ctx.namespace, ctx.path);
      if (mount && mount.isAuth && mount.type !== 'token') return handleLogin(this, mount, ctx);
    }
    if (!ctx.token) return tokenSent ? invalidToken() : err(403, 'permission denied');
    const t = ctx.token;
    if (t.numUses > 0) {
      t.numUses--;
      if (t.numUses === 0) t.revoked = true;
    }
    if (ctx.path.startsWith('auth/token/') || ctx.path.startsWith('sys/')) {
      if (!this.allowed(t, ctx.path, caps)) return permissionDenied();
      return ctx.path.startsWith('auth/token/') ? handleTokenSelf(this, ctx) : handleSys(this, ctx);
    }
    const mount = this.findMount(ctx.namespace, ctx.path);
    if (!mount) return noHandler(ctx.path);
    if (!this.allowed(t, ctx.path, caps)) return permissionDenied();
    const sub = ctx.path.slice(mount.path.length);
    if (mount.type === 'kv') return handleKv(this, mount, sub, ctx);
    return handleSecrets(this, mount, sub, ctx);
  }

  private health(q: URLSearchParams): Reply {
    const body = {
      initialized: true,
      sealed: this.sealed,
      standby: this.standby,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(this.clock.now() / 1000),
      version: '1.17.0',
      enterprise: false,
      cluster_name: 'vault-cluster-test',
      cluster_id: this.clusterId,
      echo_duration_ms: 0,
      clock_skew_ms: 0,
    };
    const code = (key: string, dflt: number): number => Number(q.get(key) ?? dflt);
    const status = this.sealed ? code('sealedcode', 503) : this.standby ? code('standbycode', 429) : code('activecode', 200);
    return { status, body };
  }
}

function headerValue(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function capsFor(method: Method): Capability[] {
  switch (method) {
    case 'GET':
      return ['read'];
    case 'LIST':
      return ['list'];
    case 'DELETE':
      return ['delete'];
    default:
      return ['create', 'update'];
  }
}
