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
import type { Runner } from '../platform/runner.js';
import { VaultClient } from './client.js';
import { LOGIN_METHODS, type LoginMethod, isKnownMethod, login } from './auth.js';
import { DEFAULT_K8S_TOKEN_PATH, VAULT_ACTION_ALIASES } from '../actions/shared/vault-inputs.js';
import { loadSigningKey } from './self-jwt.js';
import { parseRequestTimeoutMs } from './deadline.js';
import { parseAuthPayload, parseExtraHeaders } from './login-extras.js';

export { DEFAULT_K8S_TOKEN_PATH, connectionInputs, loginInputs } from '../actions/shared/vault-inputs.js';

/**
 * An input, or its vault-action camelCase alias when that is given. vault-login and fetch-secrets
 * resolve aliases for every input through actions/aliases.ts; this is for code reached
 * without that wrapper.
 */
export function vaultInput(r: Runner, name: string): string {
  for (const alias of VAULT_ACTION_ALIASES[name] ?? []) {
    const a = r.input(alias);
    if (a.trim()) return a;
  }
  return r.input(name);
}

export interface VaultConnection {
  url: string;
  namespace: string;
  tls: TlsOptions;
  retry: RetryPolicy;
  /** extra-headers (values registered as secrets) */
  headers: Record<string, string>;
  /** per request attempt */
  timeoutMs: number;
  /** Vault calls in flight, for a whole-step timeout's message */
  pending: Set<string>;
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

/**
 * A Vault token as given (the token input or VAULT_TOKEN): surrounding whitespace is trimmed
 * (`echo` into a file leaves a newline, Windows a CR); a space, line break, control or
 * non-ASCII character inside, or only whitespace, is a UserError naming `input`: no Vault token
 * has one, and an HTTP header cannot carry most. '' when nothing is given. Never quotes the token.
 */
export function checkToken(raw: string, input: string): string {
  const t = raw.trim();
  if (!t) {
    if (raw) throw new UserError(input, `${input} holds only whitespace: give the token itself, or leave it unset`);
    return '';
  }
  const bad = /[^\x21-\x7e]/.exec(t)?.[0] ?? '';
  if (bad) {
    const what = bad === '\n' || bad === '\r' ? 'a line break' : bad === ' ' || bad === '\t' ? 'a space' : bad < ' ' || bad === '\x7f' ? 'a control character' : 'a non-ASCII character';
    throw new UserError(input, `${input} holds ${what} inside (a Vault token is one word of printable ASCII): was it read from a file of several lines, or with Windows line endings? The token is not shown`);
  }
  return t;
}

/** `namespace` goes in the X-Vault-Namespace header: no line break, control or non-latin1 character. */
function checkNamespace(ns: string): string {
  if (/[^\t\x20-\x7e\x80-\xff]/.test(ns)) throw new UserError('namespace', 'the namespace holds a line break, a control character or a character an HTTP header cannot carry');
  return ns;
}

/** Origin of a URL without credentials, e.g. https://vault.example.com:8200 */
export function urlOrigin(url: string): string {
  return new URL(url).origin;
}

/** url, namespace, TLS and retry from the inputs (and VAULT_ADDR / VAULT_NAMESPACE). Throws before any network call. */
export function vaultConnection(r: Runner, pending: Set<string> = new Set<string>()): VaultConnection {
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
  const namespace = checkNamespace((r.input('namespace') || r.env('VAULT_NAMESPACE') || '').trim().replace(/^\/+|\/+$/g, ''));
  const tls: TlsOptions = {};
  const ca = r.input('ca-certificate');
  if (ca.trim()) tls.ca = readPem(ca, 'ca-certificate');
  const cert = r.input('client-certificate');
  const key = r.input('client-key');
  if (cert.trim() || key.trim()) {
    if (!cert.trim() || !key.trim()) throw new UserError(cert.trim() ? 'client-key' : 'client-certificate', 'client-certificate and client-key must be given together');
    tls.cert = readPem(cert, 'client-certificate');
    tls.key = readPem(key, 'client-key');
    r.secret(tls.key, 'client-key');
  }
  if (parseBool(r.input('tls-skip-verify'), 'tls-skip-verify', false)) {
    tls.rejectUnauthorized = false;
    r.warning('tls-skip-verify is on: Vault\'s TLS certificate is NOT verified, so anyone on the network path can impersonate Vault and read the token. Use ca-certificate instead.', { title: 'Insecure TLS' });
  }
  const maxAttempts = parseIntIn(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
  const delayRaw = r.input('retry-initial-delay').trim();
  const baseDelayMs = delayRaw ? Math.round(parseDuration(delayRaw, 'retry-initial-delay') * 1000) : 500;
  const headers = parseExtraHeaders(r.input('extra-headers'));
  for (const v of Object.values(headers)) r.secret(v, 'an extra-headers value');
  const timeoutMs = parseRequestTimeoutMs(r.input('request-timeout'), 30_000);
  return {
    url: url.replace(/\/+$/, ''), namespace, tls, headers, timeoutMs, pending,
    retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: 300_000 },
  };
}

/** A VaultClient for a connection (no token yet unless given). */
export function vaultClient(r: Runner, c: VaultConnection, token = ''): VaultClient {
  return new VaultClient({
    url: c.url, namespace: c.namespace, token, tls: c.tls, proxy: r.proxy(), retry: c.retry, headers: c.headers, timeoutMs: c.timeoutMs, pending: c.pending,
    tlsHint: 'set the ca-certificate input to the CA that signed Vault\'s certificate (PEM, file path or base64), or client-certificate and client-key when Vault demands a client certificate',
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
  /** filled with the calls in flight (for a whole-step timeout's message) */
  pending?: Set<string>;
}

/**
 * A logged-in client from the inputs: the `token` input (or VAULT_TOKEN) is used as is
 * (created=false); otherwise a login with `method`. Every input is validated first.
 */
export async function loginFromInputs(r: Runner, opts: LoginFromInputsOptions = {}): Promise<LoginOutcome> {
  const connection = vaultConnection(r, opts.pending);
  const methodRaw = (r.input('method') || 'jwt').trim().toLowerCase();
  const payloadRaw = r.input('auth-payload');
  if (!isKnownMethod(methodRaw)) {
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(methodRaw)) throw new UserError('method', `"${methodRaw.slice(0, 30)}" is not an auth method name`);
    if (!payloadRaw.trim()) throw new UserError('method', `expected one of ${LOGIN_METHODS.join(', ')}, or another auth method ("${methodRaw.slice(0, 30)}") with its login body in the auth-payload input`);
  }
  let method: LoginMethod = methodRaw;
  const given = checkToken(r.input('token'), 'token');
  let token = given;
  if (!token && (method === 'token' || opts.useEnvToken)) token = checkToken(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
  if (token) method = 'token';
  if (method === 'token' && !token) throw new UserError('token', 'method token needs the token input (or VAULT_TOKEN)');
  if (token) r.secret(token, given ? 'token' : 'VAULT_TOKEN');
  const params = method === 'token' ? undefined : loginParams(r, method, connection, payloadRaw);
  const client = vaultClient(r, connection, token);
  const now = Date.now();
  if (!params) {
    const info = await client.lookupSelf().catch((err: unknown) => {
      throw err instanceof Error && 'status' in err && (err as { status: number }).status === 403
        ? new UserError('token', 'Vault does not accept the given token: it is invalid, expired or revoked (it was not logged)')
        : err;
    });
    return {
      client, token, accessor: info.accessor, expiresAt: info.ttl > 0 ? new Date(now + info.ttl * 1000) : null, created: false, method, mount: '', role: r.input('role').trim(),
      policies: info.policies, ttl: info.ttl, renewable: info.renewable, connection,
    };
  }
  const auth = await login(client, params, {
    idToken: async (aud) => {
      const what = `the runner's OIDC token (audience ${aud})`;
      connection.pending.add(what);
      try {
        return await r.idToken(aud);
      } finally {
        connection.pending.delete(what);
      }
    },
    secret: (v, what) => r.secret(v, what),
    debug: (m) => r.debug(m),
    retry: connection.retry,
    onRetry: (what, attempt, delay) => r.info(`Vault login failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${connection.retry.maxAttempts})`),
  });
  client.setToken(auth.clientToken);
  return {
    client, token: auth.clientToken, accessor: auth.accessor, expiresAt: auth.leaseDuration > 0 ? new Date(now + auth.leaseDuration * 1000) : null, created: true,
    method, mount: params.mount, role: params.role, policies: auth.policies, ttl: auth.leaseDuration, renewable: auth.renewable, connection,
  };
}

/** Every login input of a method, checked (and its secrets registered) before any network call. */
function loginParams(r: Runner, method: LoginMethod, connection: VaultConnection, payloadRaw: string): Parameters<typeof login>[1] {
  const mount = (r.input('path').trim() || method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
  const role = r.input('role').trim();
  const audience = r.input('audience').trim() || urlOrigin(connection.url);
  const p: Parameters<typeof login>[1] = { method, mount, role, audience };
  const need = (input: string, what: string): string => {
    const v = r.input(input).trim();
    if (!v) throw new UserError(input, `method ${method} needs ${what}`);
    return v;
  };
  if (method === 'approle') {
    p.roleId = need('role-id', 'the role-id input');
    const secretId = r.input('secret-id').trim();
    if (secretId) {
      r.secret(secretId, 'secret-id');
      p.secretId = secretId;
    }
  } else if (method === 'kubernetes') {
    need('role', 'the role input');
    p.kubernetesTokenPath = r.input('kubernetes-token-path').trim() || DEFAULT_K8S_TOKEN_PATH;
  } else if (method === 'github') {
    const t = need('github-token', 'a GitHub token with read:org in the github-token input');
    r.secret(t, 'github-token');
    p.githubToken = t;
  } else if (method === 'userpass' || method === 'ldap') {
    const user = need('username', 'the username input');
    if (user.includes('/')) throw new UserError('username', 'a user name cannot contain "/"');
    const pass = r.input('password');
    if (!pass) throw new UserError('password', `method ${method} needs the password input`);
    r.secret(pass, 'password');
    p.username = user;
    p.password = pass;
  } else if (method === 'cert') {
    if (!connection.tls.cert) throw new UserError('client-certificate', 'method cert logs in with the TLS client certificate: give client-certificate and client-key');
  } else if (method === 'jwt') {
    const keyRaw = r.input('jwt-private-key');
    if (keyRaw.trim()) {
      r.secret(keyRaw.trim(), 'jwt-private-key');
      const pem = readPem(keyRaw, 'jwt-private-key');
      r.secret(pem, 'jwt-private-key');
      const password = r.input('jwt-key-password');
      if (password) r.secret(password, 'jwt-key-password');
      const { key, alg } = loadSigningKey(pem, password);
      const ttl = parseIntIn(r.input('jwt-ttl'), 'jwt-ttl', 3600, 1, 31_536_000);
      const ctx = r.context();
      const claims: Record<string, string> = {
        event: ctx.eventName, workflow: r.env('GITHUB_WORKFLOW') ?? '', sha: ctx.sha, actor: ctx.actor, repository: ctx.repository, ref: ctx.ref,
      };
      p.selfSigned = { key, alg, ttl, claims };
    }
  } else if (!isKnownMethod(method)) {
    p.payload = parseAuthPayload(payloadRaw, (v) => r.secret(v, 'auth-payload'));
  }
  if (payloadRaw.trim() && isKnownMethod(method)) r.warning(`auth-payload is for other auth methods; method ${method} builds its own login body, so auth-payload is ignored`);
  return p;
}
