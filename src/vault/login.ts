/**
 * The Vault connection and login inputs, shared by every action that talks to Vault
 * (vault-login, fetch-secrets): `loginInputs` for specs and action.yml, `vaultConnection`
 * for url/namespace/TLS/proxy/retry, and `loginFromInputs` for a ready client. Action-neutral:
 * nothing here writes outputs or exports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { TlsOptions } from '../core/http.js';
import { parseBool, parseDuration, parseIntIn } from '../core/parse.js';
import type { RetryPolicy } from '../core/retry.js';
import type { InputSpec } from '../actions/spec.js';
import type { Runner } from '../platform/runner.js';
import { VaultClient } from './client.js';
import { LOGIN_METHODS, type LoginMethod, login } from './auth.js';

export const DEFAULT_K8S_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export const connectionInputs: readonly InputSpec[] = [
  { name: 'url', description: 'Vault address, e.g. https://vault.example.com:8200 (default: the VAULT_ADDR environment variable)', default: '' },
  { name: 'namespace', description: 'Vault Enterprise / HCP namespace, e.g. admin/team-a (default: VAULT_NAMESPACE)', default: '' },
  { name: 'ca-certificate', description: 'CA certificate(s) to trust for Vault, in addition to the system store: PEM content, a path to a PEM file, or base64 of the PEM (as hashicorp/vault-action takes it)', default: '' },
  { name: 'client-certificate', description: 'client certificate for mutual TLS: PEM content, a file path, or base64 of the PEM', default: '' },
  { name: 'client-key', description: 'private key of client-certificate: PEM content, a file path, or base64 of the PEM (masked)', default: '' },
  { name: 'tls-skip-verify', description: 'do not verify Vault\'s TLS certificate (insecure: anyone on the network path can read the token; use ca-certificate instead)', default: 'false' },
  { name: 'retry-max-attempts', description: 'attempts for each Vault call that fails transiently (network errors, 412, 429, 5xx); a refused login (400/403) is never retried', default: '4' },
  { name: 'retry-initial-delay', description: 'first backoff between attempts; doubles each time, capped at 8s, with jitter (e.g. 500ms, 2s)', default: '500ms' },
];

export const loginInputs: readonly InputSpec[] = [
  ...connectionInputs,
  { name: 'method', description: 'how to log in: jwt (the runner\'s OIDC token), approle, token or kubernetes. A non-empty token input means no login.', default: 'jwt' },
  { name: 'path', description: 'auth mount the method is enabled at, without auth/ (default: the method name, e.g. jwt)', default: '' },
  { name: 'role', description: 'Vault role to log in with (jwt, kubernetes); optional for jwt when the mount has a default_role', default: '' },
  { name: 'audience', description: 'audience (aud) of the runner\'s OIDC token; must be one of the role\'s bound_audiences (default: the Vault URL\'s origin, e.g. https://vault.example.com:8200)', default: '' },
  { name: 'role-id', description: 'AppRole role_id (method approle)', default: '' },
  { name: 'secret-id', description: 'AppRole secret_id (method approle); pass it from a secret, it is masked', default: '' },
  { name: 'token', description: 'an existing Vault token to use instead of logging in (method token; default: VAULT_TOKEN)', default: '' },
  { name: 'kubernetes-token-path', description: 'service-account token file (method kubernetes)', default: DEFAULT_K8S_TOKEN_PATH },
];

/** hashicorp/vault-action's camelCase names, accepted so a switched `uses:` keeps its `with:` block. */
export const VAULT_ACTION_ALIASES: Readonly<Record<string, string>> = {
  'role-id': 'roleId', 'secret-id': 'secretId', 'ca-certificate': 'caCertificate', 'client-certificate': 'clientCertificate', 'client-key': 'clientKey',
  'tls-skip-verify': 'tlsSkipVerify', 'kubernetes-token-path': 'kubernetesTokenPath', audience: 'jwtGithubAudience', 'export-token': 'exportToken',
};

/**
 * An input, or its vault-action camelCase alias when that is given (the alias wins: on GitHub
 * the kebab-case input always carries its default, so only the alias shows the user's intent).
 */
export function vaultInput(r: Runner, name: string): string {
  const alias = VAULT_ACTION_ALIASES[name];
  const a = alias ? r.input(alias) : '';
  return a.trim() ? a : r.input(name);
}

export interface VaultConnection {
  url: string;
  namespace: string;
  tls: TlsOptions;
  retry: RetryPolicy;
}

/** PEM given inline, as a file path, or base64-encoded (vault-action's form). */
export function readPem(raw: string, input: string): string {
  const v = raw.trim();
  if (v.startsWith('-----BEGIN')) return `${v}\n`;
  if (existsSync(v)) {
    const text = readFileSync(v, 'utf8');
    if (!text.includes('-----BEGIN')) throw new UserError(input, `the file "${v}" holds no PEM block`);
    return text;
  }
  if (/^[A-Za-z0-9+/=\s]+$/.test(v)) {
    const decoded = Buffer.from(v, 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) return decoded;
  }
  throw new UserError(input, 'expected PEM content (-----BEGIN ...), the path of an existing PEM file, or base64 of a PEM');
}

/** Origin of a URL without credentials, e.g. https://vault.example.com:8200 */
export function urlOrigin(url: string): string {
  return new URL(url).origin;
}

/** url, namespace, TLS and retry from the inputs (and VAULT_ADDR / VAULT_NAMESPACE). Throws before any network call. */
export function vaultConnection(r: Runner): VaultConnection {
  const url = (r.input('url') || r.env('VAULT_ADDR') || '').trim();
  if (!url) throw new UserError('url', 'the Vault address is required: set the url input or the VAULT_ADDR environment variable');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('url', 'expected an http(s) URL such as https://vault.example.com:8200');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UserError('url', `expected an http(s) URL, got a ${parsed.protocol} URL`);
  if (parsed.username || parsed.password) throw new UserError('url', 'the Vault URL must not carry credentials');
  const namespace = (r.input('namespace') || r.env('VAULT_NAMESPACE') || '').trim().replace(/^\/+|\/+$/g, '');
  const tls: TlsOptions = {};
  const ca = vaultInput(r, 'ca-certificate');
  if (ca.trim()) tls.ca = readPem(ca, 'ca-certificate');
  const cert = vaultInput(r, 'client-certificate');
  const key = vaultInput(r, 'client-key');
  if (cert.trim() || key.trim()) {
    if (!cert.trim() || !key.trim()) throw new UserError(cert.trim() ? 'client-key' : 'client-certificate', 'client-certificate and client-key must be given together');
    tls.cert = readPem(cert, 'client-certificate');
    tls.key = readPem(key, 'client-key');
    r.secret(tls.key, 'client-key');
  }
  if (parseBool(vaultInput(r, 'tls-skip-verify'), 'tls-skip-verify', false)) {
    tls.rejectUnauthorized = false;
    r.warning('tls-skip-verify is on: Vault\'s TLS certificate is NOT verified, so anyone on the network path can impersonate Vault and read the token. Use ca-certificate instead.', { title: 'Insecure TLS' });
  }
  const maxAttempts = parseIntIn(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
  const delayRaw = r.input('retry-initial-delay').trim();
  const baseDelayMs = delayRaw ? Math.round(parseDuration(delayRaw, 'retry-initial-delay') * 1000) : 500;
  return { url: url.replace(/\/+$/, ''), namespace, tls, retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: 300_000 } };
}

/** A VaultClient for a connection (no token yet unless given). */
export function vaultClient(r: Runner, c: VaultConnection, token = ''): VaultClient {
  return new VaultClient({
    url: c.url, namespace: c.namespace, token, tls: c.tls, proxy: r.proxy(), retry: c.retry, tlsHint: 'set the ca-certificate input to the CA that signed Vault\'s certificate',
    onRetry: (what, attempt, delay) => r.info(`Vault call failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${c.retry.maxAttempts})`),
  });
}

export interface LoginOutcome {
  client: VaultClient;
  token: string;
  accessor: string;
  /** null when the token never expires */
  expiresAt: Date | null;
  /** true when this step created the token (and should revoke it) */
  created: boolean;
  method: LoginMethod;
  /** auth mount without auth/ ('' for a given token) */
  mount: string;
  role: string;
  policies: string[];
  /** seconds */
  ttl: number;
  renewable: boolean;
  connection: VaultConnection;
}

export interface LoginFromInputsOptions {
  /** use VAULT_TOKEN from the environment when no token input is given (fetch-secrets after vault-login) */
  useEnvToken?: boolean;
}

/**
 * A logged-in client from the inputs: the `token` input (or VAULT_TOKEN) is used as is
 * (created=false); otherwise a login with `method`. Every input is validated first.
 */
export async function loginFromInputs(r: Runner, opts: LoginFromInputsOptions = {}): Promise<LoginOutcome> {
  const connection = vaultConnection(r);
  const methodRaw = (r.input('method') || 'jwt').trim().toLowerCase();
  if (!(LOGIN_METHODS as readonly string[]).includes(methodRaw)) throw new UserError('method', `expected one of ${LOGIN_METHODS.join(', ')}, got "${methodRaw.slice(0, 30)}"`);
  let method = methodRaw as LoginMethod;
  let token = r.input('token').trim();
  if (!token && (method === 'token' || opts.useEnvToken)) token = (r.env('VAULT_TOKEN') ?? '').trim();
  if (token) method = 'token';
  if (method === 'token' && !token) throw new UserError('token', 'method token needs the token input (or VAULT_TOKEN)');
  const mount = method === 'token' ? '' : (r.input('path').trim() || method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
  const role = r.input('role').trim();
  const roleId = vaultInput(r, 'role-id').trim();
  const secretId = vaultInput(r, 'secret-id').trim();
  if (method === 'approle' && !roleId) throw new UserError('role-id', 'method approle needs the role-id input');
  if (method === 'kubernetes' && !role) throw new UserError('role', 'method kubernetes needs the role input');
  if (secretId) r.secret(secretId, 'secret-id');
  if (token) r.secret(token, method === 'token' && !r.input('token').trim() ? 'VAULT_TOKEN' : 'token');
  const audience = vaultInput(r, 'audience').trim() || urlOrigin(connection.url);
  const client = vaultClient(r, connection, token);
  const now = Date.now();
  if (method === 'token') {
    const info = await client.lookupSelf().catch((err: unknown) => {
      throw err instanceof Error && 'status' in err && (err as { status: number }).status === 403
        ? new UserError('token', 'Vault does not accept the given token: it is invalid, expired or revoked (it was not logged)')
        : err;
    });
    return {
      client, token, accessor: info.accessor, expiresAt: info.ttl > 0 ? new Date(now + info.ttl * 1000) : null, created: false, method, mount, role,
      policies: info.policies, ttl: info.ttl, renewable: info.renewable, connection,
    };
  }
  const auth = await login(client, {
    method, mount, role, audience, ...(roleId ? { roleId } : {}), ...(secretId ? { secretId } : {}),
    kubernetesTokenPath: vaultInput(r, 'kubernetes-token-path').trim() || DEFAULT_K8S_TOKEN_PATH,
  }, {
    idToken: (aud) => r.idToken(aud),
    secret: (v, what) => r.secret(v, what),
    debug: (m) => r.debug(m),
    retry: connection.retry,
    onRetry: (what, attempt, delay) => r.info(`Vault login failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${connection.retry.maxAttempts})`),
  });
  client.setToken(auth.clientToken);
  return {
    client, token: auth.clientToken, accessor: auth.accessor, expiresAt: auth.leaseDuration > 0 ? new Date(now + auth.leaseDuration * 1000) : null, created: true,
    method, mount, role, policies: auth.policies, ttl: auth.leaseDuration, renewable: auth.renewable, connection,
  };
}
