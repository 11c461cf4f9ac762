/**
 * A logged-in Vault client from typed options: `vaultClient` for a connection, `login` for a
 * token (given, or from an auth method). The options are read from the inputs by
 * actions/shared/vault-config.ts; this module never sees the Runner. Action-neutral: nothing
 * here writes outputs or exports.
 */
import { UserError } from '../core/errors.js';
import type { ProxyOptions, TlsOptions } from '../core/http.js';
import type { RetryPolicy } from '../core/retry.js';
import { VaultClient } from './client.js';
import { type LoginMethod, type LoginParams, login as authLogin } from './auth.js';

export interface VaultConnectionOptions {
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

/** What a client needs of the step: the proxy settings and a log line for each retry. */
export interface ClientCaps {
  proxy: ProxyOptions;
  info(message: string): void;
}

/** What a login needs of the step besides the options. */
export interface LoginCaps {
  /** the CI's OIDC token for an audience */
  idToken(audience: string): Promise<string>;
  /** registers a secret with the masker before use */
  secret(value: string, what: string): void;
  /** debug logging (never receives a secret) */
  debug(message: string): void;
  info(message: string): void;
}

export interface LoginOptions {
  connection: VaultConnectionOptions;
  /** a Vault token to use as is (the token input or VAULT_TOKEN, registered as a secret); '' to log in */
  token: string;
  /** 'token' when a token is given */
  method: LoginMethod;
  /** the role input (reported for a given token too) */
  role: string;
  /** the login of `method`; absent for a given token */
  params?: LoginParams;
  proxy: ProxyOptions;
}

/** Origin of a URL without credentials, e.g. https://vault.example.com:8200 */
export function urlOrigin(url: string): string {
  return new URL(url).origin;
}

/** A VaultClient for a connection (no token yet unless given). */
export function vaultClient(c: VaultConnectionOptions, caps: ClientCaps, token = ''): VaultClient {
  return new VaultClient({
    url: c.url,
    namespace: c.namespace,
    token,
    tls: c.tls,
    proxy: caps.proxy,
    retry: c.retry,
    headers: c.headers,
    timeoutMs: c.timeoutMs,
    pending: c.pending,
    tlsHint:
      "set the ca-certificate input to the CA that signed Vault's certificate (PEM, file path or base64), or client-certificate and client-key when Vault demands a client certificate",
    onRetry: (what, attempt, delay) => caps.info(`Vault call failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${c.retry.maxAttempts})`),
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
  connection: VaultConnectionOptions;
}

/**
 * A logged-in client: a given token is used as is (created=false) and looked up; otherwise a
 * login with the options' method.
 */
export async function login(opts: LoginOptions, caps: LoginCaps): Promise<LoginOutcome> {
  const { connection, token, method, params } = opts;
  const client = vaultClient(connection, { proxy: opts.proxy, info: (m) => caps.info(m) }, token);
  const now = Date.now();
  if (!params) {
    const info = await client.lookupSelf().catch((err: unknown) => {
      throw err instanceof Error && 'status' in err && (err as { status: number }).status === 403
        ? new UserError('token', 'Vault does not accept the given token: it is invalid, expired or revoked (it was not logged)')
        : err;
    });
    return {
      client,
      token,
      accessor: info.accessor,
      expiresAt: info.ttl > 0 ? new Date(now + info.ttl * 1000) : null,
      created: false,
      method,
      mount: '',
      role: opts.role,
      policies: info.policies,
      ttl: info.ttl,
      renewable: info.renewable,
      connection,
    };
  }
  const auth = await authLogin(client, params, {
    idToken: async (aud) => {
      const what = `the runner's OIDC token (audience ${aud})`;
      connection.pending.add(what);
      try {
        return await caps.idToken(aud);
      } finally {
        connection.pending.delete(what);
      }
    },
    secret: (v, what) => caps.secret(v, what),
    debug: (m) => caps.debug(m),
    retry: connection.retry,
    onRetry: (what, attempt, delay) =>
      caps.info(`Vault login failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${connection.retry.maxAttempts})`),
  });
  client.setToken(auth.clientToken);
  return {
    client,
    token: auth.clientToken,
    accessor: auth.accessor,
    expiresAt: auth.leaseDuration > 0 ? new Date(now + auth.leaseDuration * 1000) : null,
    created: true,
    method,
    mount: params.mount,
    role: params.role,
    policies: auth.policies,
    ttl: auth.leaseDuration,
    renewable: auth.renewable,
    connection,
  };
}
