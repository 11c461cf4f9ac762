/**
 * Vault logins: jwt (the CI's OIDC token fetched fresh for every attempt, or a self-signed JWT
 * signed fresh for every attempt), approle, token, kubernetes (a service-account JWT re-read for
 * every attempt), github, userpass, ldap, cert (the TLS client certificate) and any other
 * method with a given JSON payload. Transient failures (network, 412/429/5xx) are retried with
 * backoff; a refused login (400/403) never is, and is explained by guidance.ts.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { isTransient } from '../core/http.js';
import { type RetryPolicy, withRetry } from '../core/retry.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { VaultAuth, VaultClient } from './client.js';
import { explainLoginError } from './guidance.js';
import { claimText, readClaims } from '../core/jwt.js';
import { type SelfSignedJwt, signSelfJwt } from './self-jwt.js';

/** The methods we know by name; any other name logs in with a given payload. */
export const LOGIN_METHODS = ['jwt', 'approle', 'token', 'kubernetes', 'github', 'userpass', 'ldap', 'cert'] as const;
export type KnownMethod = (typeof LOGIN_METHODS)[number];
/** a known method, or the name of another auth method (logged in with auth-payload) */
export type LoginMethod = string;

export function isKnownMethod(m: string): m is KnownMethod {
  return (LOGIN_METHODS as readonly string[]).includes(m);
}

export interface LoginParams {
  /** any method but token */
  method: LoginMethod;
  /** the auth mount without `auth/`, e.g. `jwt` */
  mount: string;
  role: string;
  audience: string;
  roleId?: string;
  secretId?: string;
  kubernetesTokenPath?: string;
  githubToken?: string;
  username?: string;
  password?: string;
  /** the login body of another auth method */
  payload?: Record<string, unknown>;
  /** method jwt with a private key instead of the CI's OIDC token */
  selfSigned?: SelfSignedJwt;
}

export interface LoginDeps {
  /** the CI's OIDC token for an audience (registered as a secret by the runner) */
  idToken(audience: string): Promise<string>;
  /** registers a secret with the masker before use */
  secret(value: string, what: string): void;
  retry: RetryPolicy;
  clock?: Clock;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
  random?: () => number;
  /** debug logging (never receives a secret) */
  debug?: (message: string) => void;
}

/** The token's non-secret claims that roles bind on, for debug output. */
const DEBUG_CLAIMS = ['iss', 'aud', 'sub', 'repository', 'ref', 'ref_type', 'environment', 'job_workflow_ref', 'event_name', 'project_path', 'ref_protected'];

async function kubernetesJwt(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e && 'code' in e ? String((e as { code: unknown }).code) : 'error';
    throw new UserError(
      'kubernetes-token-path',
      `cannot read the service-account token file "${path}" (${code}): is the job running in a Kubernetes pod with a mounted service-account token?`,
    );
  }
  const jwt = text.trim();
  if (jwt.split('.').length !== 3) throw new UserError('kubernetes-token-path', `the file "${path}" does not hold a JWT`);
  return jwt;
}

/** Logs in with one method; the returned auth's client_token is already registered as a secret. */
export async function login(client: VaultClient, p: LoginParams, deps: LoginDeps): Promise<VaultAuth> {
  const attempt = async (): Promise<VaultAuth> => {
    let body: Record<string, unknown>;
    let jwt: string | undefined;
    let suffix = '';
    if (p.method === 'jwt') {
      if (p.selfSigned) {
        jwt = await signSelfJwt(p.selfSigned, (deps.clock ?? systemClock).now());
        deps.secret(jwt, 'the self-signed JWT');
      } else {
        jwt = await deps.idToken(p.audience);
        deps.secret(jwt, 'the OIDC token');
      }
      body = { role: p.role, jwt };
    } else if (p.method === 'kubernetes') {
      jwt = await kubernetesJwt(p.kubernetesTokenPath ?? '');
      deps.secret(jwt, 'the Kubernetes service-account token');
      body = { role: p.role, jwt };
    } else if (p.method === 'approle') {
      body = { role_id: p.roleId ?? '', ...(p.secretId ? { secret_id: p.secretId } : {}) };
    } else if (p.method === 'github') {
      body = { token: p.githubToken ?? '' };
    } else if (p.method === 'userpass' || p.method === 'ldap') {
      body = { password: p.password ?? '' };
      suffix = p.username ?? '';
    } else if (p.method === 'cert') {
      body = p.role ? { name: p.role } : {};
    } else {
      body = p.payload ?? {};
    }
    if (jwt && deps.debug) {
      const claims = readClaims(jwt);
      deps.debug(
        `${p.method} login token claims: ${DEBUG_CLAIMS.filter((c) => claims?.[c] !== undefined)
          .map((c) => `${c}=${claimText(claims, c)}`)
          .join(' ')}`,
      );
    }
    deps.debug?.(`POST auth/${p.mount}/login${suffix ? '/<username>' : ''}${p.role ? ` (role ${p.role})` : ''}`);
    try {
      const auth = await client.login(p.mount, body, { retry: false }, suffix);
      deps.secret(auth.clientToken, 'the Vault token');
      return auth;
    } catch (err) {
      throw explainLoginError(err, { method: p.method, mount: p.mount, role: p.role, audience: p.audience, ...(jwt ? { jwt } : {}) });
    }
  };
  return withRetry(
    attempt,
    isTransient,
    deps.retry,
    deps.clock ?? systemClock,
    (err, n, delay) => {
      const what = err instanceof Error && 'status' in err ? `HTTP ${String((err as { status: unknown }).status)}` : 'network error';
      deps.onRetry?.(what, n, delay);
    },
    deps.random,
  );
}
