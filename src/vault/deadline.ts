/**
 * The whole-step timeout of the Vault actions (`timeout`): the step fails when it has not
 * finished in time, naming the Vault calls (and OIDC token requests) still in flight. Each
 * request has its own timeout besides (request-timeout); this bounds retries and slow servers.
 * The inputs are read by actions/shared/vault-config.ts (parseStepTimeout, parseRequestTimeoutMs).
 */
import { RemoteError } from '../core/errors.js';

export async function withDeadline<T>(seconds: number, pending: () => readonly string[], fn: () => Promise<T>): Promise<T> {
  if (!(seconds > 0)) return fn();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        const p = pending();
        const what = p.length ? `still pending: ${p.join(', ')}` : 'no request was in flight (waiting to retry)';
        reject(
          new RemoteError(`the step did not finish within ${seconds}s (the timeout input); ${what}`, {
            service: 'Vault',
            status: 0,
            code: 'timeout',
            retryable: false,
            hint: 'raise the timeout input if Vault is slow, or check that the runner reaches it (proxy, firewall)',
          }),
        );
      },
      Math.round(seconds * 1000),
    );
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
