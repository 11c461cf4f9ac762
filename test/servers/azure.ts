/**
 * Microsoft Entra ID and Azure Key Vault on 127.0.0.1 (wire-facts-stores §9-§11):
 *   POST /{tenant}/oauth2/v2.0/token      client credentials with a federated client assertion:
 *                                         the app must exist in the tenant (else AADSTS700016), a
 *                                         federated credential must match the assertion's issuer
 *                                         (AADSTS700211), subject (AADSTS700213) and audience
 *                                         (AADSTS700212) exactly, and the JWT must verify against
 *                                         the issuer's JWKS (expired: AADSTS700024)
 *   GET  /kv/{vault}/secrets/{name}[/{version}][/]?api-version=7.x
 *                                         Key Vault get secret: 401 + WWW-Authenticate challenge
 *                                         without a token, 403 ForbiddenByRbac without a role,
 *                                         404 SecretNotFound, 429 with Retry-After when injected
 * Point the client at it with keyVaultEndpoint `${url}/kv/{vault}` and authorityHost `url`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { listen, readBody, sendJson, type Started } from './http.js';

export interface FederatedCredential {
  issuer: string;
  subject: string;
  audiences?: string[];
}

export interface AppDef {
  tenant: string;
  clientId: string;
  federated: FederatedCredential[];
}

export class AzureServer {
  started!: Started;
  readonly log: { kind: 'token' | 'secret'; status: number }[] = [];
  private readonly apps = new Map<string, AppDef>();
  private readonly jwks = new Map<string, JWTVerifyGetKey>();
  /** access token -> client id */
  private readonly tokens = new Map<string, string>();
  /** vault -> secret name -> versions (last = current) */
  private readonly vaults = new Map<string, Map<string, { id: string; value: string; enabled: boolean }[]>>();
  /** vault -> client ids with Key Vault Secrets User */
  private readonly readers = new Map<string, Set<string>>();
  private readonly failNext: { kind: 'token' | 'secret'; status: number; retryAfter?: string }[] = [];

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

  addApp(app: AppDef): this {
    this.apps.set(`${app.tenant}/${app.clientId}`, app);
    return this;
  }

  /** Adds a version of a secret; returns its 32-hex version id. */
  addSecret(vault: string, name: string, value: string, enabled = true): string {
    const v = this.vaults.get(vault) ?? new Map();
    const list = v.get(name) ?? [];
    const id = randomBytes(16).toString('hex');
    list.push({ id, value, enabled });
    v.set(name, list);
    this.vaults.set(vault, v);
    return id;
  }

  grant(vault: string, clientId: string): this {
    const s = this.readers.get(vault) ?? new Set<string>();
    s.add(clientId);
    this.readers.set(vault, s);
    return this;
  }

  inject(kind: 'token' | 'secret', status: 429 | 500 | 503, times = 1, retryAfter?: string): this {
    for (let i = 0; i < times; i++) this.failNext.push({ kind, status, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    return this;
  }

  calls(kind?: 'token' | 'secret'): number {
    return kind ? this.log.filter((l) => l.kind === kind).length : this.log.length;
  }

  tokensIssued(): string[] {
    return [...this.tokens.keys()];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const tm = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(u.pathname);
    const sm = /^\/kv\/([^/]+)\/secrets\/([A-Za-z0-9-]+)(?:\/([A-Za-z0-9]*))?\/?$/.exec(u.pathname);
    const kind: 'token' | 'secret' | undefined = tm ? 'token' : sm ? 'secret' : undefined;
    if (!kind) return sendJson(res, 404, { error: { code: 'NotFound', message: 'no such path' } });
    const entry = { kind, status: 200 };
    this.log.push(entry);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      sendJson(res, status, payload, headers);
    };
    const i = this.failNext.findIndex((f) => f.kind === kind);
    if (i >= 0) {
      const f = this.failNext.splice(i, 1)[0];
      if (f) {
        const headers: Record<string, string> = f.retryAfter !== undefined ? { 'retry-after': f.retryAfter } : {};
        if (kind === 'token')
          return send(f.status, aad(f.status === 429 ? 'temporarily_unavailable' : 'server_error', 50196, 'The server is temporarily unavailable.'), headers);
        return send(
          f.status,
          {
            error: {
              code: f.status === 429 ? 'Throttled' : 'InternalServerError',
              message: f.status === 429 ? 'Rate limit is exceeded. Try again in 1 seconds.' : 'Internal error',
            },
          },
          headers,
        );
      }
    }
    if (tm) {
      const [status, payload] = await this.token(tm[1] ?? '', new URLSearchParams(body));
      return send(status, payload);
    }
    const [, vault = '', name = '', version = ''] = sm ?? [];
    if (!/^(7\.[4-6]|2025-07-01)$/.test(u.searchParams.get('api-version') ?? '')) {
      return send(400, { error: { code: 'BadParameter', message: 'The specified version of the API is not supported.' } });
    }
    const auth = String(req.headers.authorization ?? '');
    if (!auth) {
      return send(
        401,
        { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
        { 'www-authenticate': `Bearer authorization="${this.url}/${randomUUID()}", resource="https://vault.azure.net"` },
      );
    }
    const client = this.tokens.get(auth.replace(/^Bearer /, ''));
    if (!client) return send(401, { error: { code: 'Unauthorized', message: 'AKV10022: Invalid audience or token.' } });
    if (!this.readers.get(vault)?.has(client)) {
      return send(403, {
        error: {
          code: 'Forbidden',
          message: `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${client};oid=${randomUUID()}\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '/subscriptions/x/resourcegroups/rg/providers/microsoft.keyvault/vaults/${vault}/secrets/${name}'\r\nAssignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC'`,
          innererror: { code: 'ForbiddenByRbac' },
        },
      });
    }
    const versions = this.vaults.get(vault)?.get(name) ?? [];
    const v = version ? versions.find((x) => x.id === version) : versions[versions.length - 1];
    if (!v)
      return send(404, {
        error: {
          code: 'SecretNotFound',
          message: `A secret with (name/id) ${name}${version ? `/${version}` : ''} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.`,
        },
      });
    if (!v.enabled)
      return send(403, { error: { code: 'Forbidden', message: 'Operation get is not allowed on a disabled secret.', innererror: { code: 'SecretDisabled' } } });
    const t = Math.floor(Date.now() / 1000);
    return send(200, {
      value: v.value,
      id: `https://${vault}.vault.azure.net/secrets/${name}/${v.id}`,
      attributes: { enabled: true, created: t, updated: t, recoveryLevel: 'Recoverable+Purgeable' },
      tags: {},
    });
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

  private async token(tenant: string, f: URLSearchParams): Promise<[number, unknown]> {
    if (f.get('grant_type') !== 'client_credentials') return [400, aad('unsupported_grant_type', 70003, 'The app requested an unsupported grant type.')];
    if (f.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return [400, aad('invalid_request', 900023, 'Specified client_assertion_type is not supported.')];
    if (!/\/\.default$/.test(f.get('scope') ?? ''))
      return [
        400,
        aad(
          'invalid_scope',
          1002012,
          'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
        ),
      ];
    const clientId = f.get('client_id') ?? '';
    const app = this.apps.get(`${tenant}/${clientId}`);
    if (!app)
      return [
        400,
        aad(
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        ),
      ];
    const assertion = f.get('client_assertion') ?? '';
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(assertion);
    } catch {
      return [400, aad('invalid_client', 50027, 'JWT token is invalid or malformed.')];
    }
    const iss = String(claims.iss ?? '');
    const sub = String(claims.sub ?? '');
    const auds = Array.isArray(claims.aud) ? claims.aud : [String(claims.aud ?? '')];
    const byIssuer = app.federated.filter((c) => c.issuer === iss);
    if (!byIssuer.length)
      return [
        400,
        aad(
          'invalid_request',
          700211,
          `No matching federated identity record found for presented assertion issuer '${iss}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
        ),
      ];
    const bySubject = byIssuer.filter((c) => c.subject === sub);
    if (!bySubject.length)
      return [
        400,
        aad(
          'invalid_request',
          700213,
          `No matching federated identity record found for presented assertion subject '${sub}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
        ),
      ];
    if (!bySubject.some((c) => (c.audiences ?? ['api://AzureADTokenExchange']).some((a) => auds.includes(a)))) {
      return [
        400,
        aad(
          'invalid_request',
          700212,
          `No matching federated identity record found for presented assertion audience '${auds.join(', ')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
        ),
      ];
    }
    try {
      await jwtVerify(assertion, await this.verifier(iss), { issuer: iss });
    } catch (err) {
      const expired = err instanceof Error && /exp/.test(err.message);
      return [
        400,
        expired
          ? aad('invalid_client', 700024, 'Client assertion is not within its valid time range.')
          : aad('invalid_client', 50027, 'JWT token is invalid or malformed.'),
      ];
    }
    const token = `eyJ0eXAiOiJKV1Qi.kv-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, clientId);
    return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token }];
  }
}

function aad(error: string, code: number, text: string): unknown {
  const trace = randomUUID();
  const corr = randomUUID();
  const ts = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${corr}\r\nTimestamp: ${ts}`,
    error_codes: [code],
    timestamp: ts,
    trace_id: trace,
    correlation_id: corr,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  };
}
