/**
 * What the Secrets Manager and SSM clients share: the official SDK client's configuration
 * (region, credentials, endpoint override, no SDK retries: ours take over), the transport over
 * core/http.ts that STS and IAM use too (core/sdk-http-handler.ts), and the SDK's errors turned into
 * RemoteErrors that name the id and say what to fix. Throttling, 429, 5xx and network errors
 * are transient; ResourceNotFound, AccessDenied and the rest are not.
 */
import { RemoteError, UserError } from '../core/errors.js';
import { isTransient, type HttpClient } from '../core/http.js';
import { isObject } from '../core/json.js';
import { CoreHttpHandler } from '../core/sdk-http-handler.js';
import type { AwsCredentials, StoreContext } from './context.js';

export async function awsCredentials(ctx: StoreContext): Promise<AwsCredentials> {
  const c = ctx.aws?.credentials;
  if (!c) {
    throw new UserError('secrets', 'an aws-sm: or aws-ssm: line needs AWS credentials: run oidc-assume-role (or configure-aws-credentials) in an earlier step');
  }
  const creds = typeof c === 'function' ? await c() : c;
  return creds;
}

export function awsRegion(ctx: StoreContext): string {
  const r = ctx.aws?.region ?? '';
  if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/.test(r)) {
    throw new UserError(
      'aws-region',
      r ? `"${r.slice(0, 40)}" is not an AWS region` : 'an aws-sm: or aws-ssm: line needs a region: set aws-region (or AWS_REGION in the job)',
    );
  }
  return r;
}

/** The base configuration of an SDK client pointed at `endpoint` (when given). */
export async function clientConfig(ctx: StoreContext, http: HttpClient, endpoint: string | undefined): Promise<Record<string, unknown>> {
  const creds = await awsCredentials(ctx);
  return {
    region: awsRegion(ctx),
    credentials: {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
    },
    maxAttempts: 1,
    requestHandler: new CoreHttpHandler(http),
    ...(endpoint ? { endpoint } : {}),
  };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
]);
const CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'IncompleteSignature',
  'SignatureDoesNotMatch',
  'MissingAuthenticationTokenException',
]);

/**
 * The SDK error's code, status and message (never a request or response body). Only an error
 * the service sent (a ServiceException: `$fault` set) keeps its message: the SDK's own
 * deserialization errors quote the answer (JSON.parse shows the characters around the fault,
 * which can be part of a secret value), so theirs is dropped and `unreadable` set.
 */
export function sdkError(err: unknown): { code: string; status: number; message: string; unreadable: boolean } | undefined {
  if (!isObject(err) || err instanceof RemoteError) return undefined;
  const meta = err['$metadata'];
  const status = isObject(meta) && typeof meta['httpStatusCode'] === 'number' ? meta['httpStatusCode'] : 0;
  const code = typeof err['name'] === 'string' ? err['name'] : 'Unknown';
  if (!status && !isObject(meta)) return undefined;
  const fromService = typeof err['$fault'] === 'string';
  const message = fromService && typeof err['message'] === 'string' ? err['message'] : '';
  return { code, status, message, unreadable: !fromService };
}

export interface AwsErrorContext {
  service: 'Secrets Manager' | 'SSM';
  line: number;
  id: string;
  region: string;
  /** the IAM actions the caller needs */
  actions: string;
  notFound: readonly string[];
}

/** Turns an SDK failure into a RemoteError (transient ones marked retryable). */
export function awsError(err: unknown, c: AwsErrorContext): unknown {
  if (err instanceof RemoteError || err instanceof UserError) return err;
  const e = sdkError(err);
  if (!e) return err;
  const said = e.message ? [e.message.slice(0, 400)] : [];
  const base = { service: c.service, status: e.status, code: e.code, details: said };
  if (e.unreadable) {
    const transient = e.status === 429 || (e.status >= 500 && e.status !== 501);
    return new RemoteError(`line ${c.line}: ${c.service} sent an answer for ${c.id} that could not be read (HTTP ${e.status}, ${e.code})`, {
      ...base,
      code: 'UnreadableResponse',
      retryable: transient,
      hint: 'a proxy or TLS-inspecting firewall between the runner and AWS may have cut or altered the answer',
    });
  }
  if (THROTTLING.has(e.code) || e.status === 429 || (e.status >= 500 && e.status !== 501)) {
    return new RemoteError(`${c.service} answered ${e.code} (HTTP ${e.status}) for ${c.id}`, { ...base, retryable: true });
  }
  if (c.notFound.includes(e.code)) {
    return new RemoteError(`line ${c.line}: ${c.service} in ${c.region} has no ${c.id} (${e.code})`, {
      ...base,
      code: 'NotFound',
      retryable: false,
      hint: 'check the name, the region and, for a secret shared from another account, use its full ARN',
    });
  }
  if (e.code === 'AccessDeniedException' || e.code === 'AccessDenied') {
    return new RemoteError(`line ${c.line}: ${c.service} denied access to ${c.id} (${e.code})`, {
      ...base,
      retryable: false,
      hint: `the job's role needs ${c.actions} on it`,
    });
  }
  if (CREDENTIALS.has(e.code)) {
    return new RemoteError(`${c.service} rejected the job's AWS credentials (${e.code})`, {
      ...base,
      retryable: false,
      hint: 'run oidc-assume-role before this step, and check that the credentials have not expired',
    });
  }
  if (e.code === 'DecryptionFailure' || e.code === 'InvalidKeyId') {
    return new RemoteError(`line ${c.line}: ${c.service} could not decrypt ${c.id} (${e.code})`, {
      ...base,
      retryable: false,
      hint: "the job's role needs kms:Decrypt on the secret's KMS key, and the key must be enabled",
    });
  }
  return new RemoteError(`line ${c.line}: ${c.service} refused ${c.id} (${e.code})`, { ...base, retryable: false });
}

export function isRetryableAws(err: unknown): boolean {
  return isTransient(err);
}
