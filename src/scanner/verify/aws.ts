/**
 * An AWS key pair checked with STS GetCallerIdentity, signed by the SDK with the found
 * (static) credentials over the suite's HTTP layer. The SDK loads only when a pair is found.
 */
import type { HttpClient } from '../../core/http.js';
import { CoreHttpHandler } from '../../core/sdk-http-handler.js';
import type { CheckResult } from './check.js';

function errName(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { name?: unknown; Code?: unknown };
  return typeof e.name === 'string' ? e.name : typeof e.Code === 'string' ? e.Code : '';
}

function errStatus(err: unknown): number {
  const m = typeof err === 'object' && err !== null ? (err as { $metadata?: { httpStatusCode?: unknown } }).$metadata : undefined;
  return typeof m?.httpStatusCode === 'number' ? m.httpStatusCode : 0;
}

export async function checkAws(http: HttpClient, endpoint: string, accessKeyId: string, secretAccessKey: string): Promise<CheckResult> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region: 'us-east-1',
    endpoint,
    maxAttempts: 1,
    requestHandler: new CoreHttpHandler(http),
    credentials: { accessKeyId, secretAccessKey },
    customUserAgent: 'pipeline-secrets-verify/1.0',
  });
  try {
    await client.send(new GetCallerIdentityCommand({}));
    return { verdict: 'live', why: 'GetCallerIdentity succeeded' };
  } catch (err) {
    const name = errName(err);
    if (name === 'InvalidClientTokenId') return { verdict: 'revoked', why: 'GetCallerIdentity: InvalidClientTokenId' };
    if (name === 'ExpiredToken') return { verdict: 'revoked', why: 'GetCallerIdentity: ExpiredToken' };
    if (name === 'SignatureDoesNotMatch')
      return { verdict: 'unknown', why: 'the key id exists but the secret found with it does not match (SignatureDoesNotMatch)' };
    const s = errStatus(err);
    return { verdict: 'unknown', why: name ? `GetCallerIdentity: ${name.replace(/[^A-Za-z]/g, '').slice(0, 40)}` : s ? `HTTP ${s}` : 'no answer' };
  }
}
