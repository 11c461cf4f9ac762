/**
 * fetch-secrets' cloud-store glue: the store inputs (GCP and Azure identity, the AWS region,
 * endpoint overrides, the aws-secretsmanager-get-secrets drop-in), the split of the `secrets`
 * input into Vault lines and store lines, the StoreContext built from the runner, and the
 * store items, which take the Vault items' inject path. The store layer
 * (src/stores/index.ts and, through it, each store's module and SDK) is imported only when a
 * store line is present: a Vault-only run never loads it.
 */
import { UserError } from '../core/errors.js';
import { parseBool, parseDuration, parseIntIn } from '../core/parse.js';
import type { Runner } from '../platform/runner.js';
import type { InputSpec } from './spec.js';
import { readPem } from './shared/pem.js';
import { parseRequestTimeoutMs, parseStepTimeout, vaultInput } from './shared/vault-config.js';
import { SECRETS_INPUT, splitEntries } from '../secrets/grammar.js';
import type { Item } from '../secrets/item.js';
import { type Named, checkCollisions, storeSource } from '../secrets/collisions.js';
import { parseStoreLine } from '../stores/selector.js';
import type { AwsCredentials, StoreContext, StoreHttp } from '../stores/context.js';
import type { StoreSelector } from '../stores/selector.js';

export const storeInputs: readonly InputSpec[] = [
  { name: 'aws-region', description: 'AWS region of aws-sm: and aws-ssm: lines (default: AWS_REGION or AWS_DEFAULT_REGION, as oidc-assume-role exports them); the credentials are the job\'s AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', default: '' },
  { name: 'workload_identity_provider', description: 'gcp-sm: lines: the Workload Identity Federation provider, projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (as in google-github-actions/auth)', default: '' },
  { name: 'service_account', description: 'gcp-sm: lines: the service account e-mail to impersonate after the token exchange (optional; as in google-github-actions/auth)', default: '' },
  { name: 'gcp-audience', description: 'gcp-sm: lines: the OIDC token\'s audience for GCP (google-github-actions/auth calls it audience; default https://iam.googleapis.com/<provider>). The audience input is Vault\'s', default: '' },
  { name: 'client-id', description: 'azure-kv: lines: client id of the app registration or managed identity holding the federated credential (as in azure/login)', default: '' },
  { name: 'tenant-id', description: 'azure-kv: lines: the Entra tenant id (as in azure/login)', default: '' },
  { name: 'azure-audience', description: 'azure-kv: lines: the OIDC token\'s audience for Entra (azure/login calls it audience; default api://AzureADTokenExchange)', default: '' },
  { name: 'gcp-endpoints', description: 'private (Private Service Connect) or test endpoints for GCP, "sts=URL", "iamcredentials=URL", "secretmanager=URL", one per line or comma-separated (default: the public googleapis.com hosts)', default: '' },
  { name: 'azure-endpoints', description: 'other endpoints for Azure, "authority=URL" (sovereign clouds, e.g. https://login.chinacloudapi.cn) and "keyvault=URL" ({vault} stands for the vault name; private or test endpoints), one per line or comma-separated', default: '' },
  { name: 'secret-ids', description: 'aws-actions/aws-secretsmanager-get-secrets drop-in: Secrets Manager names, ARNs, "ALIAS,id" and "prefix*", one per line', default: '' },
  { name: 'parse-json-secrets', description: 'secret-ids: a JSON secret becomes one variable per key, recursively, named SECRET_KEY (as aws-secretsmanager-get-secrets does)', default: 'false' },
  { name: 'name-transformation', description: 'secret-ids: variable names are uppercase, lowercase or none (kept as they are)', default: 'uppercase' },
  { name: 'auto-select-family-attempt-timeout', description: 'milliseconds to wait on the first address family before trying the other (Happy Eyeballs), 10 or more (default: Node\'s own)', default: '' },
];

export interface SecretsPlan {
  /** the Vault lines, on their original line numbers ('' when there are none) */
  vaultInput: string;
  vaultLines: number;
  stores: StoreSelector[];
}

/**
 * Splits `secrets` (and `secret-ids`) into Vault lines and store selectors. Store lines are
 * parsed here; the Vault lines are rebuilt on their own line numbers, so the Vault parser's
 * messages keep pointing at the right line.
 */
export async function planSecrets(r: Runner): Promise<SecretsPlan> {
  const raw = r.input(SECRETS_INPUT);
  const stores: StoreSelector[] = [];
  const byLine = new Map<number, string[]>();
  for (const e of splitEntries(raw)) {
    const s = parseStoreLine(e.text, e.line);
    if (s) stores.push(s);
    else byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.text]);
  }
  const ids = r.input('secret-ids');
  if (ids.trim()) {
    const { parseAwsSmCompat } = await import('./fetch-secrets/secret-ids.js');
    stores.push(...parseAwsSmCompat({
      'secret-ids': ids,
      'parse-json-secrets': r.input('parse-json-secrets'),
      'name-transformation': r.input('name-transformation'),
    }).selectors);
  } else {
    // validated even when unused, so a typo fails fast
    parseBool(r.input('parse-json-secrets'), 'parse-json-secrets', false);
  }
  let vaultLines = 0;
  const lines: string[] = [];
  for (const [line, texts] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    while (lines.length < line - 1) lines.push('');
    lines.push(texts.join('; '));
    vaultLines += texts.length;
  }
  if (!vaultLines && !stores.length) {
    throw new UserError(SECRETS_INPUT, 'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY" or "aws-sm:prod/db password | DB_PASSWORD" (or give secret-ids)');
  }
  return { vaultInput: lines.join('\n'), vaultLines, stores };
}

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
  for (const part of raw.split(/[\n,]/).map((s) => s.trim()).filter(Boolean)) {
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
  if (!id || !key) throw new UserError('aws-region', `the job has ${id ? 'AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY' : 'AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID'}: run oidc-assume-role before this step`);
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
  const http: StoreHttp = { proxy: r.proxy(), retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: Math.round(stepS * 1000) } };
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
    if (!/^\d+$/.test(family) || Number(family) < 10) throw new UserError('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${family.slice(0, 20)}"`);
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
      credentials: creds ?? (async () => {
        throw new UserError('secrets', 'aws-sm: and aws-ssm: lines use the job\'s AWS credentials, and there are none (no AWS_ACCESS_KEY_ID): run oidc-assume-role (or configure-aws-credentials) in an earlier step');
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

export interface StoreOutcome {
  items: Item[];
  skipped: string[];
  /** distinct ids read */
  reads: number;
}

/**
 * Reads every store selector (the store layer loaded now, on demand), checks the names
 * against the Vault items' and returns them ready to inject. Nothing is returned unless
 * every line succeeded.
 */
export async function fetchFromStores(stores: readonly StoreSelector[], ctx: StoreContext, opts: { ignoreNotFound: boolean; outputs: boolean }): Promise<StoreOutcome> {
  const { fetchStoreSecrets } = await import('../stores/index.js');
  const res = await fetchStoreSecrets(stores, ctx, { ignoreNotFound: opts.ignoreNotFound, outputs: opts.outputs });
  const reads = new Set(stores.map((s) => `${s.store}:${s.id}:${s.versionId ?? ''}:${s.versionStage ?? ''}`)).size;
  return { items: res.items, skipped: res.skipped, reads };
}

/** Fails on a store item and a Vault item with one env (or output) name, naming both lines. */
export function checkAcross(storeItems: readonly Item[], vaultItems: readonly Item[], outputs: boolean): void {
  if (!storeItems.length || !vaultItems.length) return;
  const named = (i: Item, out: boolean): Named => ({ name: out ? i.outputName : i.name, line: i.line, text: i.text, ...(i.pick === 'expand' && i.sink === 'env' ? { key: i.key } : {}) });
  checkCollisions(storeItems, storeSource, { taken: vaultItems.map((i) => named(i, false)) });
  if (outputs) checkCollisions(storeItems, storeSource, { outputs: true, taken: vaultItems.map((i) => named(i, true)) });
}
