/**
 * What a caller (fetch-secrets, the CLI) hands the store layer: the OIDC token, the masker, HTTP
 * options and each cloud's identity settings. Nothing here reads the environment or talks to a
 * runner: the caller passes callbacks. Also what every store does with them: register a value
 * the moment it arrives, and share one token exchange.
 */
import type { Clock } from '../core/clock.js';
import type { ProxyOptions, TlsOptions } from '../core/http.js';
import type { RetryPolicy } from '../core/retry.js';
import { MIN_SECRET_LENGTH } from '../core/mask.js';
import { leaves } from '../secrets/fields.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface StoreHttp {
  proxy?: ProxyOptions;
  tls?: TlsOptions;
  timeoutMs?: number;
  /** retries of transient failures (throttling, 429, 5xx, network); each exchange attempt gets a fresh OIDC token */
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  tlsHint?: string;
  /** Happy Eyeballs: ms to wait on the first address family (aws-secretsmanager-get-secrets' input) */
  autoSelectFamilyAttemptTimeoutMs?: number;
}

export interface StoreContext {
  /** the CI's OIDC token for an audience; called again for every exchange attempt */
  idToken(audience: string): Promise<string>;
  /**
   * Registers a secret with the masker. The store layer calls it the moment a value, a token
   * or an access token arrives, before anything else touches it. It throws for values too
   * short to mask; such a value is then refused, never exposed.
   */
  secret(value: string, what: string): void;
  debug?(message: string): void;
  http?: StoreHttp;
  /** requests in flight at once, across every store (default 8) */
  concurrency?: number;
  aws?: {
    region: string;
    /** the job's credentials (oidc-assume-role, or the environment), or a provider of them */
    credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
    /** endpoint overrides (AWS_ENDPOINT_URL_SECRETS_MANAGER / _SSM style) */
    secretsManagerEndpoint?: string;
    ssmEndpoint?: string;
  };
  gcp?: {
    /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
    workloadIdentityProvider: string;
    /** impersonate this service account (e-mail); without it the federated token is used directly */
    serviceAccount?: string;
    /** the OIDC token's audience (default https://iam.googleapis.com/<provider>) */
    audience?: string;
    /** impersonated token lifetime in seconds (default 3600) */
    tokenLifetimeSeconds?: number;
    stsEndpoint?: string;
    iamCredentialsEndpoint?: string;
    secretManagerEndpoint?: string;
  };
  azure?: {
    clientId: string;
    tenantId: string;
    /** the OIDC token's audience (default api://AzureADTokenExchange) */
    audience?: string;
    /** default https://login.microsoftonline.com */
    authorityHost?: string;
    /** replaces https://VAULT.vault.azure.net; `{vault}` is replaced by the vault's name */
    keyVaultEndpoint?: string;
  };
}

/** Registers a value that just arrived (and each JSON leaf long enough to mask). */
export function arrived(ctx: StoreContext, value: string, what: string): void {
  ctx.secret(value, what);
  if (/^\s*[[{]/.test(value)) {
    try {
      const parsed: unknown = JSON.parse(value);
      for (const leaf of leaves(parsed)) if (leaf.trim().length >= MIN_SECRET_LENGTH) ctx.secret(leaf, `a field of ${what}`);
    } catch {
      // not JSON: the whole value is registered already
    }
  }
}

/** A once-only async value (a token exchange shared by every secret of a store). */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}
