/**
 * The whole-step timeout of the Vault actions (`timeout`): the step fails when it has not
 * finished in time, naming the Vault calls (and OIDC token requests) still in flight. Each
 * request has its own timeout besides (request-timeout); this bounds retries and slow servers.
 */
import { RemoteError, UserError } from '../core/errors.js';
import { parseDuration } from '../core/parse.js';

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

export async function withDeadline<T>(seconds: number, pending: () => readonly string[], fn: () => Promise<T>): Promise<T> {
  if (!(seconds > 0)) return fn();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const p = pending();
      const what = p.length ? `still pending: ${p.join(', ')}` : 'no request was in flight (waiting to retry)';
      reject(new RemoteError(`the step did not finish within ${seconds}s (the timeout input); ${what}`, {
        service: 'Vault', status: 0, code: 'timeout', retryable: false,
        hint: 'raise the timeout input if Vault is slow, or check that the runner reaches it (proxy, firewall)',
      }));
    }, Math.round(seconds * 1000));
  });
  try {
    return await Promise.race([fn(), expired]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A TTL warning when a credential ends within `minSeconds` (the job likely outlives it). */
export function shortLived(ttlSeconds: number, minSeconds = 600): boolean {
  return ttlSeconds > 0 && ttlSeconds < minSeconds;
}
