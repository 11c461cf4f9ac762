/**
 * The Vault connection and login inputs, read into typed options: readVaultConnection (url,
 * namespace, TLS, retry, extra-headers, request-timeout) and readVaultLogin (those, plus the
 * method and its inputs, or a given token). Every input is checked, and every secret among them
 * registered with the masker, before any network call; every error names its input, never a
 * value. vault/login.ts logs in from the options and never sees the Runner.
 */
import { UserError } from '../../core/errors.js';
import { isObject } from '../../core/json.js';
import { parseBool, parseDuration, parseIntIn } from '../../core/parse.js';
import type { TlsOptions } from '../../core/http.js';
import type { Runner } from '../../platform/runner.js';
import { LOGIN_METHODS, type LoginMethod, type LoginParams, isKnownMethod } from '../../vault/auth.js';
import { type ClientCaps, type LoginCaps, type LoginOptions, type VaultConnectionOptions, urlOrigin } from '../../vault/login.js';
import { loadSigningKey } from '../../vault/self-jwt.js';
import { readPem } from './pem.js';
import { DEFAULT_K8S_TOKEN_PATH, VAULT_ACTION_ALIASES } from './vault-inputs.js';

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

/** What vault/login.ts's login needs of the step: the OIDC token, the masker, debug and info lines. */
export function loginCaps(r: Runner): LoginCaps {
  return { idToken: (aud) => r.idToken(aud), secret: (v, what) => r.secret(v, what), debug: (m) => r.debug(m), info: (m) => r.info(m) };
}

/** What vault/login.ts's vaultClient needs of the step: the proxy settings (read now) and info lines. */
export function clientCaps(r: Runner): ClientCaps {
  return { proxy: r.proxy(), info: (m) => r.info(m) };
}

/** The longest step: GitHub ends a job after 6 hours. */
const MAX_STEP_S = 6 * 3600;

/**
 * Seconds of the `timeout` input (vault-login, fetch-secrets and its cloud stores): above zero
 * (at least 1 ms) and at most 6h. 0 is refused, never read as "no limit" nor as "fail at once".
 */
export function parseStepTimeout(raw: string, dflt: number): number {
  const v = raw.trim();
  if (!v) return dflt;
  const s = parseDuration(v, 'timeout');
  if (!(Math.round(s * 1000) >= 1)) throw new UserError('timeout', `expected a duration above zero such as 90s or 5m (at most 6h), got "${v.slice(0, 20)}"`);
  if (s > MAX_STEP_S) throw new UserError('timeout', 'expected at most 6h (GitHub ends a job after 6 hours)');
  return s;
}

/** Milliseconds of `request-timeout` (each request attempt): above zero, at most 6h. */
export function parseRequestTimeoutMs(raw: string, dflt: number): number {
  const v = raw.trim();
  if (!v) return dflt;
  const ms = Math.round(parseDuration(v, 'request-timeout') * 1000);
  if (!(ms >= 1)) throw new UserError('request-timeout', `expected a duration above zero such as 30s, got "${v.slice(0, 20)}"`);
  if (ms > MAX_STEP_S * 1000) throw new UserError('request-timeout', 'expected at most 6h');
  return ms;
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
    const what =
      bad === '\n' || bad === '\r'
        ? 'a line break'
        : bad === ' ' || bad === '\t'
          ? 'a space'
          : bad < ' ' || bad === '\x7f'
            ? 'a control character'
            : 'a non-ASCII character';
    throw new UserError(
      input,
      `${input} holds ${what} inside (a Vault token is one word of printable ASCII): was it read from a file of several lines, or with Windows line endings? The token is not shown`,
    );
  }
  return t;
}

/** `namespace` goes in the X-Vault-Namespace header: no line break, control or non-latin1 character. */
function checkNamespace(ns: string): string {
  if (/[^\t\x20-\x7e\x80-\xff]/.test(ns))
    throw new UserError('namespace', 'the namespace holds a line break, a control character or a character an HTTP header cannot carry');
  return ns;
}

/** Headers we set ourselves; a duplicate would confuse Vault or leak the intent of the input. */
const RESERVED = new Set([
  'x-vault-token',
  'x-vault-namespace',
  'x-vault-request',
  'content-type',
  'content-length',
  'host',
  'authorization',
  'transfer-encoding',
  'connection',
]);
/** Response wrapping would hide every answer (token, secrets) behind a wrapping token the actions never unwrap. */
const WRAP = 'x-vault-wrap-ttl';

/** What an HTTP header value cannot carry (RFC 9110 field-vchar, obs-text, SP and HTAB are fine): undici's own rule. */
const HEADER_VALUE_BAD = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * extra-headers (vault-action's extraHeaders): "Name: value" per line, sent on every Vault
 * request; a repeated name joins its values with ", " (as vault-action does). A name that is not
 * an HTTP token, or a value with a character HTTP cannot carry (CR, NUL, another control
 * character but tab, anything outside latin1), is a UserError naming the line and the header,
 * never the value.
 */
export function parseExtraHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    const colon = t.indexOf(':');
    const name = colon > 0 ? t.slice(0, colon).trim().toLowerCase() : '';
    if (!name) throw new UserError('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name`);
    // the name is not quoted: a line without its colon where the writer meant one could hold a value
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
      throw new UserError(
        'extra-headers',
        `line ${i + 1}: expected "Name: value" with a valid header name (letters, digits and !#$%&'*+.^_\`|~- only, no space)`,
      );
    if (RESERVED.has(name)) {
      throw new UserError(
        'extra-headers',
        `line ${i + 1}: the ${name} header is set by the action itself${name === 'x-vault-token' ? ' (give the token in the token input)' : name === 'x-vault-namespace' ? ' (use the namespace input)' : ''}`,
      );
    }
    if (name === WRAP)
      throw new UserError(
        'extra-headers',
        `line ${i + 1}: ${WRAP} (response wrapping) is not supported: the actions read the answers themselves and never unwrap them`,
      );
    const value = t.slice(colon + 1).trim();
    const bad = HEADER_VALUE_BAD.exec(value)?.[0];
    if (bad !== undefined) {
      const what =
        bad === '\r'
          ? 'a carriage return (CR)'
          : bad === '\0'
            ? 'a NUL'
            : bad <= '\x7f'
              ? 'a control character (only tab is allowed)'
              : 'a character outside ISO-8859-1 (latin1)';
      throw new UserError(
        'extra-headers',
        `line ${i + 1}: the value of the ${name} header holds ${what}, which an HTTP header cannot carry; percent- or base64-encode it (the value is not shown)`,
      );
    }
    out[name] = out[name] !== undefined ? `${out[name]}, ${value}` : value;
  });
  return out;
}

/** auth-payload (vault-action's authPayload): the JSON login body of another auth method; every string in it is registered as a secret first. */
export function parseAuthPayload(raw: string, secret: (v: string) => void): Record<string, unknown> {
  const text = raw.trim();
  secret(text);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new UserError('auth-payload', 'expected a JSON object, e.g. {"role": "ci", "password": "..."} (the content is not shown)');
  }
  if (!isObject(v)) throw new UserError('auth-payload', 'expected a JSON object (the login body), not an array or a single value');
  const walk = (x: unknown): void => {
    if (typeof x === 'string') secret(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isObject(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return v;
}

/** url, namespace, TLS, retry, extra-headers and request-timeout (and VAULT_ADDR / VAULT_NAMESPACE). Throws before any network call. */
export function readVaultConnection(r: Runner, pending: Set<string> = new Set<string>()): VaultConnectionOptions {
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
  if (ca.trim()) tls.ca = readPem(ca, 'ca-certificate', { base64: true });
  const cert = r.input('client-certificate');
  const key = r.input('client-key');
  if (cert.trim() || key.trim()) {
    if (!cert.trim() || !key.trim())
      throw new UserError(cert.trim() ? 'client-key' : 'client-certificate', 'client-certificate and client-key must be given together');
    tls.cert = readPem(cert, 'client-certificate', { base64: true });
    tls.key = readPem(key, 'client-key', { base64: true });
    r.secret(tls.key, 'client-key');
  }
  if (parseBool(r.input('tls-skip-verify'), 'tls-skip-verify', false)) {
    tls.rejectUnauthorized = false;
    r.warning(
      "tls-skip-verify is on: Vault's TLS certificate is NOT verified, so anyone on the network path can impersonate Vault and read the token. Use ca-certificate instead.",
      { title: 'Insecure TLS' },
    );
  }
  const maxAttempts = parseIntIn(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
  const delayRaw = r.input('retry-initial-delay').trim();
  const baseDelayMs = delayRaw ? Math.round(parseDuration(delayRaw, 'retry-initial-delay') * 1000) : 500;
  const headers = parseExtraHeaders(r.input('extra-headers'));
  for (const v of Object.values(headers)) r.secret(v, 'an extra-headers value');
  const timeoutMs = parseRequestTimeoutMs(r.input('request-timeout'), 30_000);
  return {
    url: url.replace(/\/+$/, ''),
    namespace,
    tls,
    headers,
    timeoutMs,
    pending,
    retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: 300_000 },
  };
}

export interface ReadVaultLoginOptions {
  /** use VAULT_TOKEN from the environment when no token input is given (fetch-secrets after vault-login) */
  useEnvToken?: boolean;
  /** filled with the calls in flight (for a whole-step timeout's message) */
  pending?: Set<string>;
}

/**
 * The connection and the login from the inputs: the `token` input (or VAULT_TOKEN) is used as is;
 * otherwise a login with `method` and its inputs. Every input is validated (and every secret
 * registered) first; the runner's proxy settings are read last, as the client is made.
 */
export function readVaultLogin(r: Runner, opts: ReadVaultLoginOptions = {}): LoginOptions {
  const connection = readVaultConnection(r, opts.pending);
  const methodRaw = (r.input('method') || 'jwt').trim().toLowerCase();
  const payloadRaw = r.input('auth-payload');
  if (!isKnownMethod(methodRaw)) {
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(methodRaw)) throw new UserError('method', `"${methodRaw.slice(0, 30)}" is not an auth method name`);
    if (!payloadRaw.trim())
      throw new UserError(
        'method',
        `expected one of ${LOGIN_METHODS.join(', ')}, or another auth method ("${methodRaw.slice(0, 30)}") with its login body in the auth-payload input`,
      );
  }
  let method: LoginMethod = methodRaw;
  const given = checkToken(r.input('token'), 'token');
  let token = given;
  if (!token && (method === 'token' || opts.useEnvToken)) token = checkToken(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
  if (token) method = 'token';
  if (method === 'token' && !token) throw new UserError('token', 'method token needs the token input (or VAULT_TOKEN)');
  if (token) r.secret(token, given ? 'token' : 'VAULT_TOKEN');
  const role = r.input('role').trim();
  if (method === 'token') return { connection, token, method, role, proxy: r.proxy() };
  const params = loginParams(r, method, connection, payloadRaw);
  return { connection, token, method, role, params, proxy: r.proxy() };
}

/** Every login input of a method, checked (and its secrets registered) before any network call. */
function loginParams(r: Runner, method: LoginMethod, connection: VaultConnectionOptions, payloadRaw: string): LoginParams {
  const mount = (r.input('path').trim() || method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
  const role = r.input('role').trim();
  const audience = r.input('audience').trim() || urlOrigin(connection.url);
  const p: LoginParams = { method, mount, role, audience };
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
    if (!connection.tls.cert)
      throw new UserError('client-certificate', 'method cert logs in with the TLS client certificate: give client-certificate and client-key');
  } else if (method === 'jwt') {
    const keyRaw = r.input('jwt-private-key');
    if (keyRaw.trim()) {
      r.secret(keyRaw.trim(), 'jwt-private-key');
      const pem = readPem(keyRaw, 'jwt-private-key', { base64: true });
      r.secret(pem, 'jwt-private-key');
      const password = r.input('jwt-key-password');
      if (password) r.secret(password, 'jwt-key-password');
      const { key, alg } = loadSigningKey(pem, password);
      const ttl = parseIntIn(r.input('jwt-ttl'), 'jwt-ttl', 3600, 1, 31_536_000);
      const ctx = r.context();
      const claims: Record<string, string> = {
        event: ctx.eventName,
        workflow: r.env('GITHUB_WORKFLOW') ?? '',
        sha: ctx.sha,
        actor: ctx.actor,
        repository: ctx.repository,
        ref: ctx.ref,
      };
      p.selfSigned = { key, alg, ttl, claims };
    }
  } else if (!isKnownMethod(method)) {
    p.payload = parseAuthPayload(payloadRaw, (v) => r.secret(v, 'auth-payload'));
  }
  if (payloadRaw.trim() && isKnownMethod(method))
    r.warning(`auth-payload is for other auth methods; method ${method} builds its own login body, so auth-payload is ignored`);
  return p;
}
