/**
 * The HTTP every REST store client shares: one HttpClient built from the caller's options, a
 * retry loop over core/retry.ts that honours Retry-After, one request with its body parsed.
 */
import { systemClock } from '../core/clock.js';
import { RemoteError } from '../core/errors.js';
import { HttpClient, isTransient } from '../core/http.js';
import { type RetryPolicy, defaultRetryPolicy, withRetry } from '../core/retry.js';
import type { StoreContext } from './context.js';

/** Longest Retry-After we wait for (longer ones fall back to our own backoff). */
export const MAX_RETRY_AFTER_MS = 60_000;

export function makeHttp(ctx: StoreContext, service: string): HttpClient {
  const h = ctx.http ?? {};
  return new HttpClient({
    service,
    ...(h.proxy ? { proxy: h.proxy } : {}),
    ...(h.tls ? { tls: h.tls } : {}),
    ...(h.timeoutMs !== undefined ? { timeoutMs: h.timeoutMs } : {}),
    ...(h.clock ? { clock: h.clock } : {}),
    ...(h.tlsHint ? { tlsHint: h.tlsHint } : {}),
    // we retry above the HTTP layer, so every exchange attempt can take a fresh OIDC token
    retry: { ...defaultRetryPolicy, maxAttempts: 1 },
  });
}

export function policyOf(ctx: StoreContext): RetryPolicy {
  return ctx.http?.retry ?? defaultRetryPolicy;
}

/** A RemoteError that asks for a wait before the next attempt (429/503 with Retry-After). */
export class RetryAfter extends RemoteError {
  constructor(
    message: string,
    readonly waitMs: number,
    init: ConstructorParameters<typeof RemoteError>[1],
  ) {
    super(message, init);
  }
}

/** Retry-After as ms (seconds or an HTTP date); undefined when absent or unusable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const v = header.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Runs `fn` with the caller's retry policy; transient failures only; Retry-After honoured. */
export async function retrying<T>(
  ctx: StoreContext,
  what: string,
  fn: (attempt: number) => Promise<T>,
  retryable: (err: unknown) => boolean = isTransient,
): Promise<T> {
  const clock = ctx.http?.clock ?? systemClock;
  let wait = 0;
  return withRetry(
    async ({ attempt }) => {
      if (wait > 0) {
        await clock.sleep(wait);
        wait = 0;
      }
      try {
        return await fn(attempt);
      } catch (err) {
        if (err instanceof RetryAfter && err.waitMs <= MAX_RETRY_AFTER_MS) wait = err.waitMs;
        throw err;
      }
    },
    retryable,
    policyOf(ctx),
    clock,
    (err, attempt, delay) =>
      ctx.debug?.(
        `${what}: attempt ${attempt} failed (${err instanceof RemoteError ? `${err.status || ''} ${err.code}`.trim() : 'network error'}), retrying in ${delay + wait} ms`,
      ),
    ctx.http?.random,
  );
}

/** Statuses worth another attempt (429 and 5xx except 501). */
export function transientStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501);
}

/** One request (no HTTP-level retry); the body parsed as JSON when it is JSON, else undefined. */
export async function call(
  http: HttpClient,
  url: string,
  req: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const res = await http.send(url, { ...req, retry: false });
  let body: unknown;
  try {
    body = res.body.trim() ? JSON.parse(res.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body };
}

export async function closeQuietly(http: HttpClient): Promise<void> {
  try {
    await http.close();
  } catch {
    // already closed
  }
}
