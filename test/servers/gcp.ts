/**
 * The GCP chain on 127.0.0.1 (wire-facts-stores §5-§8), one server for three hosts:
 *   POST /v1/token                        STS token exchange (form-encoded snake_case or JSON
 *                                         camelCase); REALLY verifies the OIDC JWT: signature
 *                                         against the issuer's JWKS (via its discovery document),
 *                                         exp, iss == the provider's issuer, aud in
 *                                         allowedAudiences (or the provider's own name), then the
 *                                         provider's attribute condition
 *   POST /v1/projects/-/serviceAccounts/E:generateAccessToken   IAM Credentials impersonation
 *                                         (roles/iam.workloadIdentityUser bindings by principal)
 *   GET  /v1/projects/P/secrets/S/versions/V:access             Secret Manager (base64 payload)
 * Errors: OAuth bodies from STS, the {error:{code,message,status,details}} envelope elsewhere.
 * Switches: `inject()` (429 / 503 for the next calls of a kind), `calls(kind)`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { listen, readBody, sendJson, type Started } from './http.js';

export interface ProviderDef {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  name: string;
  issuer: string;
  allowedAudiences?: string[];
  /** the attribute condition: its CEL text (for the record) and its meaning */
  condition?: { cel: string; test: (claims: JWTPayload) => boolean };
  disabled?: boolean;
}

export type GcpKind = 'sts' | 'iam' | 'access';

export class GcpServer {
  started!: Started;
  readonly log: { kind: GcpKind; status: number }[] = [];
  private readonly providers = new Map<string, ProviderDef>();
  private readonly jwks = new Map<string, JWTVerifyGetKey>();
  /** access token -> principal (principal://... for federated tokens, the e-mail for SA tokens) */
  private readonly tokens = new Map<string, string>();
  /** service account e-mail -> principals holding roles/iam.workloadIdentityUser */
  private readonly impersonators = new Map<string, Set<string>>();
  /** projects/P/secrets/S -> versions (index + 1 = version number; undefined = destroyed) */
  private readonly secrets = new Map<string, (string | undefined)[]>();
  /** projects/P/secrets/S -> principals with secretmanager.versions.access */
  private readonly accessors = new Map<string, Set<string>>();
  private readonly failNext = new Map<GcpKind, number[]>();

  get url(): string {
    return this.started.url;
  }

  async start(): Promise<this> {
    this.started = await listen((req, res) => this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  addProvider(p: ProviderDef): this {
    this.providers.set(p.name, p);
    return this;
  }

  /** roles/iam.workloadIdentityUser on `sa` for a principal (principal://.../subject/SUB). */
  allowImpersonation(sa: string, principal: string): this {
    const s = this.impersonators.get(sa) ?? new Set<string>();
    s.add(principal);
    this.impersonators.set(sa, s);
    return this;
  }

  addSecret(resource: string, versions: (string | undefined)[], accessors: string[]): this {
    this.secrets.set(resource, versions);
    this.accessors.set(resource, new Set(accessors));
    return this;
  }

  inject(kind: GcpKind, status: 429 | 500 | 503, times = 1): this {
    const l = this.failNext.get(kind) ?? [];
    for (let i = 0; i < times; i++) l.push(status);
    this.failNext.set(kind, l);
    return this;
  }

  calls(kind?: GcpKind): number {
    return kind ? this.log.filter((l) => l.kind === kind).length : this.log.length;
  }

  /** Every access token handed out (for leak assertions). */
  tokensIssued(): string[] {
    return [...this.tokens.keys()];
  }

  static principal(provider: string, sub: string): string {
    return `principal://iam.googleapis.com/${provider.replace(/\/providers\/[^/]+$/, '')}/subject/${sub}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const kind: GcpKind | undefined =
      u.pathname === '/v1/token' ? 'sts' : u.pathname.endsWith(':generateAccessToken') ? 'iam' : u.pathname.endsWith(':access') ? 'access' : undefined;
    if (!kind) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>404. That’s an error.</body></html>');
      return;
    }
    const entry = { kind, status: 200 };
    this.log.push(entry);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      sendJson(res, status, payload, headers);
    };
    const injected = this.failNext.get(kind)?.shift();
    if (injected) {
      if (kind === 'sts') return send(injected, { error: 'temporarily_unavailable', error_description: 'injected failure' });
      return send(
        injected,
        envelope(
          injected,
          injected === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE',
          injected === 429 ? 'Quota exceeded.' : 'The service is currently unavailable.',
        ),
        injected === 429 ? { 'retry-after': '0' } : {},
      );
    }
    if (kind === 'sts') {
      if (req.method !== 'POST') return send(405, { error: 'invalid_request', error_description: 'POST only' });
      const [status, payload] = await this.exchange(req, body);
      return send(status, payload);
    }
    const principal = this.tokens.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!principal)
      return send(
        401,
        envelope(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        ),
      );
    if (kind === 'iam') {
      const sa = decodeURIComponent(/serviceAccounts\/([^/]+):generateAccessToken$/.exec(u.pathname)?.[1] ?? '');
      if (req.method !== 'POST' || !this.impersonators.get(sa)?.has(principal)) {
        return send(403, {
          error: {
            code: 403,
            message: "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
            status: 'PERMISSION_DENIED',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'IAM_PERMISSION_DENIED',
                domain: 'iam.googleapis.com',
                metadata: { permission: 'iam.serviceAccounts.getAccessToken' },
              },
            ],
          },
        });
      }
      const token = `ya29.sa-${randomBytes(24).toString('base64url')}`;
      this.tokens.set(token, sa);
      return send(200, { accessToken: token, expireTime: new Date(Date.now() + 3600_000).toISOString().replace('Z', '000000Z') });
    }
    const m = /^\/v1\/(projects\/[^/]+\/secrets\/[^/]+)\/versions\/([^/:]+):access$/.exec(u.pathname);
    if (!m) return send(400, envelope(400, 'INVALID_ARGUMENT', `Resource ID [${u.pathname.slice(4, 200)}] is not in a valid format.`));
    const [, resource = '', ver = ''] = m;
    const full = `${resource}/versions/${ver}`;
    const allowed = this.accessors.get(resource);
    if (!allowed || !(allowed.has(principal) || allowed.has('*'))) {
      return send(403, envelope(403, 'PERMISSION_DENIED', `Permission 'secretmanager.versions.access' denied for resource '${full}' (or it may not exist).`));
    }
    const versions = this.secrets.get(resource) ?? [];
    const n = ver === 'latest' ? versions.length : /^\d+$/.test(ver) ? Number(ver) : 0;
    if (n < 1 || n > versions.length) return send(404, envelope(404, 'NOT_FOUND', `Secret Version [${full}] not found.`));
    const value = versions[n - 1];
    if (value === undefined) return send(400, envelope(400, 'FAILED_PRECONDITION', `Secret Version [${resource}/versions/${n}] is in DESTROYED state.`));
    return send(200, { name: `${resource}/versions/${n}`, payload: { data: Buffer.from(value, 'utf8').toString('base64'), dataCrc32c: '12345' } });
  }

  private async verifier(issuer: string): Promise<JWTVerifyGetKey> {
    const have = this.jwks.get(issuer);
    if (have) return have;
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    const doc = (await res.json()) as { jwks_uri?: string };
    const v = createRemoteJWKSet(new URL(doc.jwks_uri ?? ''));
    this.jwks.set(issuer, v);
    return v;
  }

  private async exchange(req: IncomingMessage, body: string): Promise<[number, unknown]> {
    const json = String(req.headers['content-type'] ?? '').includes('json');
    const f: Record<string, string> = {};
    if (json) {
      const o = JSON.parse(body || '{}') as Record<string, unknown>;
      const map: Record<string, string> = {
        grantType: 'grant_type',
        audience: 'audience',
        scope: 'scope',
        requestedTokenType: 'requested_token_type',
        subjectToken: 'subject_token',
        subjectTokenType: 'subject_token_type',
      };
      for (const [k, v] of Object.entries(o)) if (typeof v === 'string') f[map[k] ?? k] = v;
    } else {
      for (const [k, v] of new URLSearchParams(body)) f[k] = v;
    }
    const bad = (error: string, description: string): [number, unknown] => [400, { error, error_description: description }];
    if (f['grant_type'] !== 'urn:ietf:params:oauth:grant-type:token-exchange') return bad('unsupported_grant_type', `Invalid value for "grant_type".`);
    if (f['subject_token_type'] !== 'urn:ietf:params:oauth:token-type:jwt' && f['subject_token_type'] !== 'urn:ietf:params:oauth:token-type:id_token')
      return bad('invalid_request', 'Invalid value for "subject_token_type".');
    const am = /^\/\/iam\.googleapis\.com\/(projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+)$/.exec(f['audience'] ?? '');
    if (!am)
      return bad(
        'invalid_request',
        'Invalid value for "audience". This value should be the full resource name of the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the list of possible formats.',
      );
    const p = this.providers.get(am[1] ?? '');
    if (!p || p.disabled)
      return bad(
        'invalid_target',
        'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.',
      );
    let claims: JWTPayload;
    try {
      claims = (await jwtVerify(f['subject_token'] ?? '', await this.verifier(p.issuer), { issuer: p.issuer })).payload;
    } catch (err) {
      return bad('invalid_grant', `The OIDC token could not be verified: ${err instanceof Error ? err.constructor.name : 'error'}.`);
    }
    const auds = Array.isArray(claims.aud) ? claims.aud : [claims.aud ?? ''];
    const allowed = p.allowedAudiences?.length ? p.allowedAudiences : [`https://iam.googleapis.com/${p.name}`, `//iam.googleapis.com/${p.name}`];
    if (!auds.some((a) => allowed.includes(a))) return bad('invalid_grant', 'The audience in ID Token does not match the expected audience.');
    if (p.condition && !p.condition.test(claims)) return bad('unauthorized_client', 'The given credential is rejected by the attribute condition.');
    const token = `ya29.fed-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, GcpServer.principal(p.name, String(claims.sub)));
    return [200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3599 }];
  }
}

function envelope(code: number, status: string, message: string): unknown {
  return { error: { code, message, status } };
}
