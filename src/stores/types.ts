/**
 * The store layer's contract: selectors for cloud secret stores (AWS Secrets Manager, SSM
 * Parameter Store, GCP Secret Manager, Azure Key Vault), the context a caller hands in, and
 * the items that come back. Nothing here reads the environment or talks to a runner: the
 * caller (fetch-secrets, the CLI) passes callbacks.
 */
import type { Clock } from '../core/clock.js';
import type { ProxyOptions, TlsOptions } from '../core/http.js';
import type { RetryPolicy } from '../core/retry.js';
import type { FieldSelector, SinkKind } from '../secrets/grammar.js';

export type StoreKind = 'aws-sm' | 'aws-ssm' | 'gcp-sm' | 'azure-kv';

export const STORE_KINDS: readonly StoreKind[] = ['aws-sm', 'aws-ssm', 'gcp-sm', 'azure-kv'];

/** How env names are cased in the aws-secretsmanager-get-secrets compatibility mode. */
export type NameCase = 'uppercase' | 'lowercase' | 'none';

/** What to take from a secret's value. */
export type Pick =
  /** the whole string */
  | { kind: 'whole' }
  /** one key (or dotted path) of a JSON object value */
  | { kind: 'key'; field: FieldSelector }
  /** every top-level key of a JSON object value, one variable each (`*`) */
  | { kind: 'expand' }
  /** aws-secretsmanager-get-secrets naming: alias, parse-json-secrets (recursive), name-transformation */
  | { kind: 'aws-compat'; alias?: string; parseJson: boolean; nameCase: NameCase };

export interface StoreSelector {
  store: StoreKind;
  /** 1-based line of the input */
  line: number;
  /** the entry as written (ids and names only, safe to print) */
  text: string;
  /**
   * aws-sm: name or ARN (or a name prefix when `prefix`); aws-ssm: the parameter name (with an
   * optional `:version` / `:label`); gcp-sm: projects/P/secrets/S/versions/V; azure-kv: the
   * secret URL https://VAULT.vault.azure.net/secrets/S[/VERSION].
   */
  id: string;
  /** aws-sm only: VersionId or VersionStage */
  versionId?: string;
  versionStage?: string;
  /** aws-sm compat only: `id` is a name prefix (ListSecrets name filter) */
  prefix?: boolean;
  pick: Pick;
  sink: SinkKind;
  /** the env name, or the prefix for `*` ('' when none); already validated */
  name: string;
  outputName: string;
  /** true when the line gave `| NAME` */
  named: boolean;
}

/** One value ready to inject: the same fields as fetch-secrets' Vault items. */
export interface StoreItem {
  line: number;
  text: string;
  name: string;
  outputName: string;
  sink: SinkKind;
  value: string;
  /** string leaves of a JSON value (registered as secrets too) */
  leaves: string[];
  /** the store and id read, e.g. "aws-sm:prod/db" (safe to print) */
  source: string;
  /** the key taken ('' for the whole value) */
  key: string;
  /** the version the store answered with */
  version?: string;
  /** a file name suffix for file sinks (.env, .json, .pem or '') */
  ext: string;
}

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
