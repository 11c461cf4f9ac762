/**
 * GCP Secret Manager through Workload Identity Federation, over the documented REST APIs
 * (wire-facts-stores §5-§8), as google-github-actions/auth and get-secretmanager-secrets do:
 *   1. the CI's OIDC token -> STS token exchange (RFC 8693) -> a federated access token;
 *   2. optionally IAM Credentials generateAccessToken -> a service account's access token;
 *   3. GET .../versions/V:access with the bearer token -> base64 payload.
 * The exchange runs once per fetch and is retried (transient failures only) with a fresh
 * OIDC token per attempt. Every token is registered as a secret the moment it arrives.
 */
import { RemoteError, UserError } from '../core/errors.js';
import { isObject, obj, optStr, str } from '../core/json.js';
import { call, closeQuietly, makeHttp, retrying, transientStatus, RetryAfter, retryAfterMs } from './http.js';
import { envelopeError, oauthError } from './error-bodies.js';
import { arrived, once, type StoreContext } from './context.js';
import { diagnoseGcpExchange, diagnoseGcpImpersonation } from './diagnose.js';
import { sourceOf, type StoreSelector } from './selector.js';
import type { Store } from '../secrets/store.js';

export const GCP_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const PROVIDER_RE = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
const SA_RE = /^[^@\s/]+@[^@\s/]+$/;

function endpoint(v: string | undefined, dflt: string): string {
  return (v ?? dflt).replace(/\/+$/, '');
}

export function gcpStore(ctx: StoreContext): Store<StoreSelector> {
  const g = ctx.gcp;
  if (!g || !g.workloadIdentityProvider) {
    throw new UserError(
      'workload_identity_provider',
      'a gcp-sm: line needs the Workload Identity Federation provider: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
    );
  }
  const provider = g.workloadIdentityProvider.replace(/^(https:)?\/\/iam\.googleapis\.com\//, '');
  if (!PROVIDER_RE.test(provider)) {
    throw new UserError(
      'workload_identity_provider',
      `"${provider.slice(0, 120)}" is not a provider name: write projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id)`,
    );
  }
  if (g.serviceAccount !== undefined && !SA_RE.test(g.serviceAccount))
    throw new UserError('service_account', `"${g.serviceAccount.slice(0, 80)}" is not a service account e-mail`);
  const sts = endpoint(g.stsEndpoint, 'https://sts.googleapis.com');
  const iam = endpoint(g.iamCredentialsEndpoint, 'https://iamcredentials.googleapis.com');
  const sm = endpoint(g.secretManagerEndpoint, 'https://secretmanager.googleapis.com');
  const audience = g.audience || `https://iam.googleapis.com/${provider}`;
  const http = makeHttp(ctx, 'GCP');

  const federated = async (): Promise<{ token: string; jwt: string }> =>
    retrying(ctx, 'GCP STS token exchange', async () => {
      const jwt = await ctx.idToken(audience);
      ctx.secret(jwt, 'the OIDC token');
      const form = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        audience: `//iam.googleapis.com/${provider}`,
        scope: GCP_SCOPE,
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        subject_token: jwt,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      });
      const res = await call(http, `${sts}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      if (res.status === 200) {
        const token = str(obj(res.body, 'STS answer')['access_token'], 'STS answer access_token');
        ctx.secret(token, 'the GCP federated access token');
        return { token, jwt };
      }
      const e = oauthError(res.body);
      const said = e.error ? [`${e.error}: ${e.description}`.slice(0, 400)] : [];
      if (transientStatus(res.status))
        throw new RemoteError(`GCP STS answered HTTP ${res.status}`, { service: 'GCP STS', status: res.status, code: e.error, retryable: true, details: said });
      throw new RemoteError(`GCP STS refused the OIDC token for provider ${provider} (HTTP ${res.status})`, {
        service: 'GCP STS',
        status: res.status,
        code: e.error || 'refused',
        retryable: false,
        details: said,
        hint: diagnoseGcpExchange(jwt, provider, e.error),
      });
    });

  const accessToken = once(async (): Promise<string> => {
    const fed = await federated();
    const sa = g.serviceAccount;
    if (!sa) return fed.token;
    return retrying(ctx, 'GCP service account impersonation', async () => {
      const url = `${iam}/v1/projects/-/serviceAccounts/${encodeURIComponent(sa)}:generateAccessToken`;
      const body = JSON.stringify({ scope: [GCP_SCOPE], lifetime: `${g.tokenLifetimeSeconds ?? 3600}s` });
      const res = await call(http, url, { method: 'POST', headers: { authorization: `Bearer ${fed.token}`, 'content-type': 'application/json' }, body });
      if (res.status === 200) {
        const token = str(obj(res.body, 'generateAccessToken answer')['accessToken'], 'generateAccessToken answer accessToken');
        ctx.secret(token, `the access token of ${sa}`);
        return token;
      }
      const e = envelopeError(res.body);
      const said = e.message ? [e.message.slice(0, 400)] : [];
      if (transientStatus(res.status))
        throw new RemoteError(`IAM Credentials answered HTTP ${res.status}`, {
          service: 'GCP IAM',
          status: res.status,
          code: e.code,
          retryable: true,
          details: said,
        });
      throw new RemoteError(`GCP refused to impersonate ${sa} (HTTP ${res.status} ${e.code})`, {
        service: 'GCP IAM',
        status: res.status,
        code: e.code || 'refused',
        retryable: false,
        details: said,
        ...(res.status === 403 || res.status === 404 ? { hint: diagnoseGcpImpersonation(fed.jwt, provider, sa) } : {}),
      });
    });
  });

  const principal = (): string => g.serviceAccount ?? `the federated principal of ${provider}`;

  return {
    async fetch(sel) {
      const source = sourceOf(sel);
      const token = await accessToken();
      return retrying(ctx, `reading ${source}`, async () => {
        const res = await call(http, `${sm}/v1/${sel.id}:access`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
        if (res.status === 200) {
          const body = obj(res.body, 'Secret Manager answer');
          const payload = obj(body['payload'], 'Secret Manager answer payload');
          const value = Buffer.from(str(payload['data'], 'Secret Manager answer payload.data'), 'base64').toString('utf8');
          arrived(ctx, value, source);
          const name = optStr(body['name'], 'Secret Manager answer name') ?? sel.id;
          const version = /\/versions\/([^/]+)$/.exec(name)?.[1];
          return [{ sel, value, source, ...(version ? { version } : {}) }];
        }
        const e = isObject(res.body) ? envelopeError(res.body) : { code: '', message: '', inner: '' };
        const said = e.message ? [e.message.slice(0, 400)] : [];
        if (transientStatus(res.status)) {
          const init = { service: 'GCP Secret Manager', status: res.status, code: e.code, retryable: true, details: said };
          const wait = retryAfterMs(res.headers['retry-after'], Date.now());
          throw wait !== undefined
            ? new RetryAfter(`Secret Manager answered HTTP ${res.status}`, wait, init)
            : new RemoteError(`Secret Manager answered HTTP ${res.status}`, init);
        }
        if (res.status === 404) {
          throw new RemoteError(`line ${sel.line}: GCP Secret Manager has no ${sel.id}`, {
            service: 'GCP Secret Manager',
            status: 404,
            code: 'NotFound',
            retryable: false,
            details: said,
          });
        }
        if (res.status === 403) {
          throw new RemoteError(`line ${sel.line}: GCP denied access to ${sel.id}`, {
            service: 'GCP Secret Manager',
            status: 403,
            code: e.code || 'PERMISSION_DENIED',
            retryable: false,
            details: said,
            hint: `grant roles/secretmanager.secretAccessor on the secret to ${principal()}; GCP gives the same answer when the secret does not exist`,
          });
        }
        throw new RemoteError(`line ${sel.line}: GCP Secret Manager refused ${sel.id} (HTTP ${res.status} ${e.code})`, {
          service: 'GCP Secret Manager',
          status: res.status,
          code: e.code,
          retryable: false,
          details: said,
        });
      });
    },
    close: () => closeQuietly(http),
  };
}
