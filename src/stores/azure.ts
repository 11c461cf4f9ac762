/**
 * Azure Key Vault through a federated credential, over the documented REST APIs
 * (wire-facts-stores §9-§11): the CI's OIDC token (audience api://AzureADTokenExchange) is
 * the client assertion of an Entra client-credentials request for the vault's scope; then
 * GET https://VAULT.vault.azure.net/secrets/NAME[/VERSION]?api-version=7.4 with the bearer
 * token. No challenge round trip is needed on this path. The token is only ever sent to a
 * Key Vault host (or the endpoint override the caller gave). One exchange per scope, retried
 * (transient failures only, Retry-After honoured) with a fresh OIDC token per attempt.
 */
import { RemoteError, UserError } from '../core/errors.js';
import { obj, optStr, str } from '../core/json.js';
import { call, closeQuietly, makeHttp, retrying, retryAfterMs, RetryAfter, transientStatus } from './http.js';
import { envelopeError, firstLine, oauthError } from './error-bodies.js';
import { arrived, once, type StoreContext } from './context.js';
import { diagnoseAzureExchange } from './diagnose.js';
import { sourceOf, type StoreSelector } from './selector.js';
import type { Store } from '../secrets/store.js';

export const AZURE_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
export const KEY_VAULT_API_VERSION = '7.4';
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_RE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9.-]+\.[A-Za-z]{2,})$/i;
const SECRET_URL = /^https:\/\/([a-z0-9-]+)\.(vault\.[a-z.]+)\/secrets\/([A-Za-z0-9-]+)(?:\/([A-Za-z0-9]+))?$/;

export function azureStore(ctx: StoreContext): Store<StoreSelector> {
  const a = ctx.azure;
  if (!a || !a.clientId)
    throw new UserError('client-id', 'an azure-kv: line needs the client id of the app registration or managed identity that holds the federated credential');
  if (!a.tenantId) throw new UserError('tenant-id', 'an azure-kv: line needs the Entra tenant id');
  if (!GUID_RE.test(a.clientId)) throw new UserError('client-id', `"${a.clientId.slice(0, 60)}" is not a client id (a GUID)`);
  if (!TENANT_RE.test(a.tenantId)) throw new UserError('tenant-id', `"${a.tenantId.slice(0, 60)}" is not a tenant id (a GUID or a domain)`);
  const authority = (a.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const audience = a.audience || AZURE_EXCHANGE_AUDIENCE;
  const http = makeHttp(ctx, 'Azure');
  const tokens = new Map<string, () => Promise<string>>();

  const exchange = (scope: string) => async (): Promise<string> =>
    retrying(ctx, 'Entra token request', async () => {
      const jwt = await ctx.idToken(audience);
      ctx.secret(jwt, 'the OIDC token');
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: a.clientId,
        scope,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: jwt,
      });
      const res = await call(http, `${authority}/${encodeURIComponent(a.tenantId)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      if (res.status === 200) {
        const token = str(obj(res.body, 'Entra answer')['access_token'], 'Entra answer access_token');
        ctx.secret(token, 'the Entra access token');
        return token;
      }
      const e = oauthError(res.body);
      const said = e.description ? [firstLine(e.description)] : e.error ? [e.error] : [];
      if (transientStatus(res.status)) {
        const init = { service: 'Entra ID', status: res.status, code: e.error, retryable: true, details: said };
        const wait = retryAfterMs(res.headers['retry-after'], Date.now());
        throw wait !== undefined
          ? new RetryAfter(`Entra ID answered HTTP ${res.status}`, wait, init)
          : new RemoteError(`Entra ID answered HTTP ${res.status}`, init);
      }
      throw new RemoteError(
        `Entra ID refused the OIDC token for app ${a.clientId} in tenant ${a.tenantId} (HTTP ${res.status} ${e.error}${e.codes.length ? `, AADSTS${e.codes.join(', AADSTS')}` : ''})`,
        {
          service: 'Entra ID',
          status: res.status,
          code: e.error || 'refused',
          retryable: false,
          details: said,
          hint: diagnoseAzureExchange(jwt, a.clientId, a.tenantId, e.codes),
        },
      );
    });

  const tokenFor = (scope: string): Promise<string> => {
    let t = tokens.get(scope);
    if (!t) {
      t = once(exchange(scope));
      tokens.set(scope, t);
    }
    return t();
  };

  return {
    async fetch(sel) {
      const source = sourceOf(sel);
      const m = SECRET_URL.exec(sel.id);
      if (!m) throw new UserError('secrets', `line ${sel.line}: "${sel.id}" is not a Key Vault secret URL`);
      const [, vault, domain, name, version] = m;
      const origin = a.keyVaultEndpoint ? a.keyVaultEndpoint.replace(/\{vault\}/g, vault ?? '').replace(/\/+$/, '') : `https://${vault}.${domain}`;
      const token = await tokenFor(`https://${domain}/.default`);
      const url = `${origin}/secrets/${name}${version ? `/${version}` : ''}?api-version=${KEY_VAULT_API_VERSION}`;
      return retrying(ctx, `reading ${source}`, async () => {
        const res = await call(http, url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
        if (res.status === 200) {
          const body = obj(res.body, 'Key Vault answer');
          const value = str(body['value'], 'Key Vault answer value');
          arrived(ctx, value, source);
          const id = optStr(body['id'], 'Key Vault answer id') ?? '';
          const v = /\/secrets\/[^/]+\/([^/?]+)/.exec(id)?.[1];
          return [{ sel, value, source, ...(v ? { version: v } : {}) }];
        }
        const e = envelopeError(res.body);
        const said = e.message ? [firstLine(e.message)] : [];
        const code = e.inner || e.code;
        if (transientStatus(res.status)) {
          const init = { service: 'Key Vault', status: res.status, code, retryable: true, details: said };
          const wait = retryAfterMs(res.headers['retry-after'], Date.now());
          throw wait !== undefined
            ? new RetryAfter(`Key Vault answered HTTP ${res.status}`, wait, init)
            : new RemoteError(`Key Vault answered HTTP ${res.status}`, init);
        }
        if (res.status === 404) {
          throw new RemoteError(`line ${sel.line}: Key Vault ${vault} has no secret ${name}${version ? ` version ${version}` : ''}`, {
            service: 'Key Vault',
            status: 404,
            code: 'NotFound',
            retryable: false,
            details: said,
          });
        }
        if (res.status === 403) {
          throw new RemoteError(`line ${sel.line}: Key Vault ${vault} denied app ${a.clientId} reading ${name} (${code || 'Forbidden'})`, {
            service: 'Key Vault',
            status: 403,
            code: code || 'Forbidden',
            retryable: false,
            details: said,
            hint:
              code === 'SecretDisabled'
                ? 'enable the secret (or pin an enabled version)'
                : `assign the role "Key Vault Secrets User" on the vault (RBAC) or an access policy with secret get to ${a.clientId}`,
          });
        }
        throw new RemoteError(`line ${sel.line}: Key Vault ${vault} refused ${name} (HTTP ${res.status} ${code})`, {
          service: 'Key Vault',
          status: res.status,
          code,
          retryable: false,
          details: said,
        });
      });
    },
    close: () => closeQuietly(http),
  };
}
