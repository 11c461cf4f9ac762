/**
 * The cloud stores' part of fetch-secrets' config: the StoreContext from the inputs and the
 * job's variables (region and AWS credentials, GCP and Azure identity, endpoint overrides, the
 * retry and timeout inputs, a private CA). Everything is checked here, before any network call;
 * every error names its input or variable.
 */
import { UserError } from '../../core/errors.js';
import { parseDuration, parseIntIn } from '../../core/parse.js';
import type { Runner } from '../../platform/runner.js';
import type { AwsCredentials, StoreContext, StoreHttp } from '../../stores/context.js';
import type { StoreSelector } from '../../stores/selector.js';
import { readPem } from '../shared/pem.js';
import { parseRequestTimeoutMs, parseStepTimeout, vaultInput } from '../shared/vault-config.js';

function httpUrl(raw: string, input: string, key: string): string {
  let u: URL;
  try {
    u = new URL(raw.replace('{vault}', 'vault'));
  } catch {
    throw new UserError(input, `${key}: expected an http(s) URL, got "${raw.slice(0, 80)}"`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError(input, `${key}: expected an http(s) URL, got a ${u.protocol} URL`);
  if (u.username || u.password) throw new UserError(input, `${key}: the URL must not carry credentials`);
  return raw.replace(/\/+$/, '');
}

/** "key=URL" pairs, one per line or comma-separated, keys from `allowed`. */
export function parseEndpoints(raw: string, input: string, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim().toLowerCase();
    if (!allowed.includes(key)) throw new UserError(input, `expected ${allowed.map((k) => `"${k}=URL"`).join(', ')}, got "${part.slice(0, 60)}"`);
    out[key] = httpUrl(part.slice(eq + 1).trim(), input, key);
  }
  return out;
}

function envCredentials(r: Runner): AwsCredentials | undefined {
  const id = (r.env('AWS_ACCESS_KEY_ID') ?? '').trim();
  const key = (r.env('AWS_SECRET_ACCESS_KEY') ?? '').trim();
  const session = (r.env('AWS_SESSION_TOKEN') ?? '').trim();
  if (!id && !key) return undefined;
  if (!id || !key)
    throw new UserError(
      'aws-region',
      `the job has ${id ? 'AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY' : 'AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID'}: run oidc-assume-role before this step`,
    );
  r.secret(key, 'AWS_SECRET_ACCESS_KEY');
  if (session) r.secret(session, 'AWS_SESSION_TOKEN');
  return { accessKeyId: id, secretAccessKey: key, ...(session ? { sessionToken: session } : {}) };
}

/** The store layer's context from the runner and the inputs; throws (a UserError) before any network call. */
export function storeContext(r: Runner, stores: readonly StoreSelector[], concurrency: number): StoreContext {
  const kinds = new Set(stores.map((s) => s.store));
  const maxAttempts = parseIntIn(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
  const delayRaw = r.input('retry-initial-delay').trim();
  const baseDelayMs = delayRaw ? Math.round(parseDuration(delayRaw, 'retry-initial-delay') * 1000) : 500;
  // the step's `timeout` bounds the store retries too; `request-timeout` each store request
  const stepS = parseStepTimeout(r.input('timeout'), 300);
  const rtRaw = r.input('request-timeout').trim();
  const http: StoreHttp = {
    proxy: r.proxy(),
    retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: Math.round(stepS * 1000) },
  };
  if (rtRaw) http.timeoutMs = parseRequestTimeoutMs(rtRaw, 30_000);
  const ctx: StoreContext = {
    idToken: (aud) => r.idToken(aud),
    secret: (v, what) => r.secret(v, what),
    debug: (m) => r.debug(m),
    concurrency,
    http,
  };
  // a private CA (TLS-inspecting proxies) is trusted for the stores too; Vault's client
  // certificate and tls-skip-verify stay Vault's
  const ca = vaultInput(r, 'ca-certificate');
  if (ca.trim()) http.tls = { ca: readPem(ca, 'ca-certificate', { base64: true }) };
  const family = r.input('auto-select-family-attempt-timeout').trim();
  if (family) {
    if (!/^\d+$/.test(family) || Number(family) < 10)
      throw new UserError('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${family.slice(0, 20)}"`);
    http.autoSelectFamilyAttemptTimeoutMs = Number(family);
  }

  if (kinds.has('aws-sm') || kinds.has('aws-ssm')) {
    const region = (r.input('aws-region') || r.env('AWS_REGION') || r.env('AWS_DEFAULT_REGION') || '').trim();
    const creds = envCredentials(r);
    const common = (r.env('AWS_ENDPOINT_URL') ?? '').trim();
    const sm = (r.env('AWS_ENDPOINT_URL_SECRETS_MANAGER') ?? '').trim() || common;
    const ssm = (r.env('AWS_ENDPOINT_URL_SSM') ?? '').trim() || common;
    ctx.aws = {
      region,
      credentials:
        creds ??
        (async () => {
          throw new UserError(
            'secrets',
            "aws-sm: and aws-ssm: lines use the job's AWS credentials, and there are none (no AWS_ACCESS_KEY_ID): run oidc-assume-role (or configure-aws-credentials) in an earlier step",
          );
        }),
      ...(sm ? { secretsManagerEndpoint: httpUrl(sm, 'AWS_ENDPOINT_URL_SECRETS_MANAGER', 'endpoint') } : {}),
      ...(ssm ? { ssmEndpoint: httpUrl(ssm, 'AWS_ENDPOINT_URL_SSM', 'endpoint') } : {}),
    };
  }
  if (kinds.has('gcp-sm')) {
    const ep = parseEndpoints(r.input('gcp-endpoints'), 'gcp-endpoints', ['sts', 'iamcredentials', 'secretmanager']);
    const sa = r.input('service_account').trim();
    const aud = r.input('gcp-audience').trim();
    ctx.gcp = {
      workloadIdentityProvider: r.input('workload_identity_provider').trim(),
      ...(sa ? { serviceAccount: sa } : {}),
      ...(aud ? { audience: aud } : {}),
      ...(ep['sts'] ? { stsEndpoint: ep['sts'] } : {}),
      ...(ep['iamcredentials'] ? { iamCredentialsEndpoint: ep['iamcredentials'] } : {}),
      ...(ep['secretmanager'] ? { secretManagerEndpoint: ep['secretmanager'] } : {}),
    };
  }
  if (kinds.has('azure-kv')) {
    const ep = parseEndpoints(r.input('azure-endpoints'), 'azure-endpoints', ['authority', 'keyvault']);
    const aud = r.input('azure-audience').trim();
    ctx.azure = {
      clientId: r.input('client-id').trim(),
      tenantId: r.input('tenant-id').trim(),
      ...(aud ? { audience: aud } : {}),
      ...(ep['authority'] ? { authorityHost: ep['authority'] } : {}),
      ...(ep['keyvault'] ? { keyVaultEndpoint: ep['keyvault'] } : {}),
    };
  }
  return ctx;
}
