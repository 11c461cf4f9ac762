/**
 * STS over the real @aws-sdk/client-sts: AssumeRoleWithWebIdentity (a fresh OIDC token per
 * attempt), AssumeRole (role chaining) and GetCallerIdentity. The SDK makes one attempt
 * (maxAttempts 1); we retry Throttling, IDPCommunicationError, 5xx and network failures
 * with capped backoff and jitter, and nothing else. Every failure becomes a RemoteError
 * naming the operation, the role and the service's code; web-identity refusals carry the
 * trust-policy advice built from the token's claims.
 */
import {
  STSClient,
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  type Credentials as SdkCredentials,
  type AssumedRoleUser,
} from '@aws-sdk/client-sts';
import { type Clock, systemClock } from '../core/clock.js';
import { RemoteError, UserError } from '../core/errors.js';
import { HttpClient, type ProxyOptions, type TlsOptions } from '../core/http.js';
import { readClaims } from '../core/jwt.js';
import { PayloadError } from '../core/json.js';
import { type RetryPolicy, withRetry } from '../core/retry.js';
import type { RoleArn } from './arn.js';
import { CoreHttpHandler } from '../core/sdk-http-handler.js';
import { stsEndpoint } from './regions.js';
import type { SessionTag } from './tags.js';
import { trustAdvice, type AdviceContext } from './trust-advice.js';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AssumeResult {
  credentials: AwsCredentials;
  assumedRoleArn: string;
  assumedRoleId: string;
  packedPolicySize?: number;
}

export interface StsOptions {
  region: string;
  /** explicit endpoint (sts-endpoint, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL); else the SDK's regional one */
  endpoint?: string;
  proxy: ProxyOptions;
  tls?: TlsOptions;
  retry: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  timeoutMs?: number;
  /** told of each retry: the code, the attempt that failed and the wait */
  onRetry?: (code: string, attempt: number, delayMs: number) => void;
  /** told what is in flight (for action-timeout-s): the token fetch, a call and its attempt, a backoff */
  onPending?: (what: string) => void;
}

export interface SessionParams {
  role: RoleArn;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  policyArns: readonly string[];
}

export interface WebIdentityParams extends SessionParams {
  /** fetches a fresh OIDC token; called once per attempt */
  token: () => Promise<string>;
  audience: string;
  source: AdviceContext['source'];
}

export interface ChainParams extends SessionParams {
  externalId?: string;
  credentials: StaticCredentials;
  /** session tags (AssumeRole only; web identity takes its tags from the token) */
  tags?: readonly SessionTag[];
  transitiveTagKeys?: readonly string[];
}

/** Codes worth another attempt (smithy's throttling list, IDP communication, timeouts). */
const RETRYABLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'IDPCommunicationError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** The SDK's exception names for modelled errors, back to the wire code users search for. */
const WIRE_CODE: Readonly<Record<string, string>> = {
  InvalidIdentityTokenException: 'InvalidIdentityToken',
  IDPCommunicationErrorException: 'IDPCommunicationError',
  IDPRejectedClaimException: 'IDPRejectedClaim',
  MalformedPolicyDocumentException: 'MalformedPolicyDocument',
  PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
};

const ADVISED = new Set(['AccessDenied', 'InvalidIdentityToken', 'ExpiredTokenException', 'IDPRejectedClaim']);

export class Sts {
  private readonly http: HttpClient;
  private readonly opts: StsOptions;

  constructor(opts: StsOptions) {
    this.opts = opts;
    this.http = new HttpClient({
      service: 'AWS STS',
      proxy: opts.proxy,
      ...(opts.tls ? { tls: opts.tls } : {}),
      timeoutMs: opts.timeoutMs ?? 30_000,
      tlsHint:
        'Trust the CA of the STS endpoint with the ca-certificate input (PEM text or a file path) or NODE_EXTRA_CA_CERTS; a TLS-inspecting proxy needs its CA there too',
    });
  }

  /** Where calls go (for messages). */
  get endpoint(): string {
    return this.opts.endpoint ?? stsEndpoint(this.opts.region);
  }

  private client(credentials?: StaticCredentials): STSClient {
    return new STSClient({
      region: this.opts.region,
      ...(this.opts.endpoint ? { endpoint: this.opts.endpoint } : {}),
      maxAttempts: 1,
      retryMode: 'standard',
      defaultsMode: 'standard',
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      requestHandler: new CoreHttpHandler(this.http),
      credentials:
        credentials ??
        (async () => {
          throw new Error('no credentials for a signed STS call');
        }),
    });
  }

  async assumeRoleWithWebIdentity(p: WebIdentityParams): Promise<AssumeResult> {
    let lastToken = '';
    const op = 'AssumeRoleWithWebIdentity';
    try {
      return await this.retrying(op, p.role, async (attempt) => {
        this.opts.onPending?.(`the OIDC token (audience ${p.audience}) for attempt ${attempt} of ${this.opts.retry.maxAttempts}`);
        lastToken = await p.token();
        this.pending(op, p.role, attempt);
        const out = await this.client().send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: p.role.arn,
            RoleSessionName: p.sessionName,
            WebIdentityToken: lastToken,
            DurationSeconds: p.durationSeconds,
            ...(p.policy ? { Policy: p.policy } : {}),
            ...(p.policyArns.length ? { PolicyArns: p.policyArns.map((arn) => ({ arn })) } : {}),
          }),
        );
        return result(out.Credentials, out.AssumedRoleUser, out.PackedPolicySize);
      });
    } catch (err) {
      if (err instanceof RemoteError && ADVISED.has(err.code) && lastToken) {
        const advice = trustAdvice({ code: err.code, role: p.role, claims: readClaims(lastToken), audience: p.audience, source: p.source });
        throw new RemoteError(err.message, { service: 'AWS STS', status: err.status, code: err.code, retryable: false, hint: advice });
      }
      throw err;
    }
  }

  async assumeRole(p: ChainParams): Promise<AssumeResult> {
    const tags = p.tags ?? [];
    try {
      return await this.retrying('AssumeRole', p.role, async (attempt) => {
        this.pending('AssumeRole', p.role, attempt);
        const out = await this.client(p.credentials).send(
          new AssumeRoleCommand({
            RoleArn: p.role.arn,
            RoleSessionName: p.sessionName,
            DurationSeconds: p.durationSeconds,
            ...(p.externalId ? { ExternalId: p.externalId } : {}),
            ...(p.policy ? { Policy: p.policy } : {}),
            ...(p.policyArns.length ? { PolicyArns: p.policyArns.map((arn) => ({ arn })) } : {}),
            ...(tags.length ? { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {}),
            ...(p.transitiveTagKeys?.length ? { TransitiveTagKeys: [...p.transitiveTagKeys] } : {}),
          }),
        );
        return result(out.Credentials, out.AssumedRoleUser, out.PackedPolicySize);
      });
    } catch (err) {
      if (err instanceof RemoteError && tags.length && (err.code === 'AccessDenied' || err.code === 'PackedPolicyTooLarge')) {
        const hint =
          err.code === 'AccessDenied'
            ? `This call sent ${tags.length} session tags (${tags.map((t) => t.Key).join(', ')}): the trust policy of ${p.role.name} must allow sts:TagSession as well as sts:AssumeRole for the caller, or set role-skip-session-tagging: true (and leave custom-tags empty)`
            : `The session tags (${tags.length}) and policies are too large once packed: set role-skip-session-tagging: true, send fewer custom-tags, or shorten the session policy`;
        throw new RemoteError(err.message, { service: 'AWS STS', status: err.status, code: err.code, retryable: false, hint });
      }
      throw err;
    }
  }

  async getCallerIdentity(credentials: StaticCredentials): Promise<{ account: string; arn: string; userId: string }> {
    return this.retrying('GetCallerIdentity', undefined, async (attempt) => {
      this.pending('GetCallerIdentity', undefined, attempt);
      const out = await this.client(credentials).send(new GetCallerIdentityCommand({}));
      return { account: need(out.Account, 'Account'), arn: need(out.Arn, 'Arn'), userId: need(out.UserId, 'UserId') };
    });
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private pending(op: string, role: RoleArn | undefined, attempt: number): void {
    this.opts.onPending?.(`STS ${op}${role ? ` for ${role.arn}` : ''} at ${safeHost(this.endpoint)} (attempt ${attempt} of ${this.opts.retry.maxAttempts})`);
  }

  private async retrying<T>(op: string, role: RoleArn | undefined, fn: (attempt: number) => Promise<T>): Promise<T> {
    return withRetry(
      async ({ attempt }) => {
        try {
          return await fn(attempt);
        } catch (err) {
          // the token source's own errors (no id-token permission, unreadable file, GitHub OIDC) pass as they are
          if (err instanceof UserError || (err instanceof RemoteError && err.service !== 'AWS STS')) throw err;
          throw toRemoteError(err, op, role);
        }
      },
      (err) => err instanceof RemoteError && err.retryable,
      this.opts.retry,
      this.opts.clock ?? systemClock,
      (err, attempt, delay) => {
        const code = err instanceof RemoteError ? err.code || `HTTP ${err.status}` : 'error';
        this.opts.onRetry?.(code, attempt, delay);
        this.opts.onPending?.(`the ${delay} ms wait before attempt ${attempt + 1} of STS ${op} (after ${code})`);
      },
      this.opts.random,
    );
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid endpoint)';
  }
}

function need(v: string | undefined, field: string): string {
  if (typeof v !== 'string' || v === '') throw new PayloadError(`STS response: ${field} is missing`);
  return v;
}

function result(c: SdkCredentials | undefined, user: AssumedRoleUser | undefined, packed: number | undefined): AssumeResult {
  if (!c) throw new PayloadError('STS response: Credentials is missing');
  const expiration = c.Expiration;
  if (!(expiration instanceof Date) || Number.isNaN(expiration.getTime())) throw new PayloadError('STS response: Credentials.Expiration is not a date');
  return {
    credentials: {
      accessKeyId: need(c.AccessKeyId, 'Credentials.AccessKeyId'),
      secretAccessKey: need(c.SecretAccessKey, 'Credentials.SecretAccessKey'),
      sessionToken: need(c.SessionToken, 'Credentials.SessionToken'),
      expiration,
    },
    assumedRoleArn: need(user?.Arn, 'AssumedRoleUser.Arn'),
    assumedRoleId: need(user?.AssumedRoleId, 'AssumedRoleUser.AssumedRoleId'),
    ...(packed !== undefined ? { packedPolicySize: packed } : {}),
  };
}

/** Any failure of one SDK call as a RemoteError: code, status, and whether to retry. */
export function toRemoteError(err: unknown, op: string, role: RoleArn | undefined): RemoteError {
  const on = role ? ` for ${role.arn}` : '';
  if (err instanceof RemoteError) {
    // a network failure from the transport
    return new RemoteError(`STS ${op}${on} failed: ${err.message}`, { service: 'AWS STS', status: err.status, code: err.code, retryable: err.retryable });
  }
  if (err instanceof PayloadError) {
    return new RemoteError(`STS ${op}${on}: unexpected response (${err.message})`, { service: 'AWS STS', status: 200, retryable: false });
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    message?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const rawName = typeof e.name === 'string' ? e.name : 'Error';
  const code = WIRE_CODE[rawName] ?? rawName;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : 0;
  // only what the service said (a ServiceException has $fault): the SDK's own parse errors quote
  // the answer, which may hold the new credentials
  const message =
    status && typeof e.$fault !== 'string'
      ? 'the answer could not be read (a proxy may have cut or altered it)'
      : typeof e.message === 'string' && e.message
        ? e.message
        : 'no message';
  const retryable = RETRYABLE_CODES.has(code) || status === 429 || (status >= 500 && status !== 501);
  const where = status ? `${code} (HTTP ${status})` : code;
  return new RemoteError(`STS ${op}${on} failed: ${where}`, { service: 'AWS STS', status, code, retryable, details: [message] });
}

/** special-characters-workaround: the characters configure-aws-credentials retries on. */
const SPECIAL = /[!@#$%^&*()_+\-=[\]{};':"\\|,.<>/?]/;

export function hasSpecialCharacters(c: { accessKeyId: string; secretAccessKey: string }): boolean {
  return SPECIAL.test(c.accessKeyId) || SPECIAL.test(c.secretAccessKey);
}
