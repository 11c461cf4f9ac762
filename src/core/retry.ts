import { type Clock, systemClock } from './clock.js';

export interface RetryPolicy {
  /** total attempts, including the first (>= 1) */
  maxAttempts: number;
  /** first backoff in ms; doubles each attempt */
  baseDelayMs: number;
  /** cap for one backoff */
  maxDelayMs: number;
  /** give up (no further attempt) once this many ms have passed since the first attempt */
  deadlineMs?: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Capped exponential backoff with full jitter: a uniform wait in [base*2^n/2, base*2^n]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export interface RetryContext {
  attempt: number;
}

/**
 * Runs `fn` until it succeeds, or it fails with something `isRetryable` rejects, or the
 * policy's attempts or deadline run out. The last failure is rethrown unchanged.
 */
export async function withRetry<T>(
  fn: (ctx: RetryContext) => Promise<T>,
  isRetryable: (err: unknown) => boolean,
  policy: RetryPolicy = defaultRetryPolicy,
  clock: Clock = systemClock,
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void,
  random: () => number = Math.random,
): Promise<T> {
  const start = clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn({ attempt });
    } catch (err) {
      if (attempt >= policy.maxAttempts || !isRetryable(err)) throw err;
      const delay = backoffDelay(policy, attempt, random);
      if (policy.deadlineMs !== undefined && clock.now() - start + delay > policy.deadlineMs) throw err;
      onRetry?.(err, attempt, delay);
      await clock.sleep(delay);
    }
  }
}
