/**
 * One checked credential: what rotate-check reports. Only metadata lives here (names,
 * paths, dates, counts): never a secret value, a token or a key.
 */
export type Kind = 'vault-kv' | 'vault-token' | 'vault-lease' | 'vault-pki' | 'certificate' | 'endpoint' | 'aws-key';

/** ok < warn (expiring / due soon) < fail (overdue, expired, broken). */
export type Status = 'ok' | 'warn' | 'fail';

export interface Item {
  kind: Kind;
  /** the path, file, host:port or user/key id */
  name: string;
  status: Status;
  /** age of the current credential in seconds (age-based checks) */
  ageSec?: number;
  /** seconds until expiry (expiry-based checks); negative when expired */
  leftSec?: number;
  /** the limit applied, in words ("max age 90d", "warn 30d / fail 14d") */
  limit: string;
  /** why the status: one short sentence, no values */
  detail: string;
  owner?: string;
  /** ISO date of expiry or of the credential's creation, when known */
  expires?: string;
  created?: string;
}

export const DAY = 86_400;

export function worst(a: Status, b: Status): Status {
  const rank = { ok: 0, warn: 1, fail: 2 } as const;
  return rank[a] >= rank[b] ? a : b;
}

/** Seconds as a short human duration: "92d", "5h", "12m", "40s". */
export function human(sec: number): string {
  const s = Math.abs(sec);
  const sign = sec < 0 ? '-' : '';
  if (s >= DAY) return `${sign}${Math.floor(s / DAY)}d`;
  if (s >= 3600) return `${sign}${Math.floor(s / 3600)}h`;
  if (s >= 60) return `${sign}${Math.floor(s / 60)}m`;
  return `${sign}${Math.floor(s)}s`;
}

export interface AgeLimits {
  maxAgeSec: number;
  warnBeforeSec: number;
}

export interface ExpiryLimits {
  warnBeforeSec: number;
  failBeforeSec: number;
}

/** Age check: fail past the max age, warn once within warn-before of it. */
export function ageStatus(ageSec: number, l: AgeLimits): Status {
  if (ageSec > l.maxAgeSec) return 'fail';
  if (ageSec > l.maxAgeSec - l.warnBeforeSec) return 'warn';
  return 'ok';
}

/** Expiry check: fail when expired or within fail-before, warn within warn-before. */
export function expiryStatus(leftSec: number, l: ExpiryLimits): Status {
  if (leftSec <= 0 || leftSec <= l.failBeforeSec) return 'fail';
  if (leftSec <= l.warnBeforeSec) return 'warn';
  return 'ok';
}

export function expiryLimitText(l: ExpiryLimits): string {
  return `warn ${human(l.warnBeforeSec)} / fail ${human(l.failBeforeSec)}`;
}

export function ageLimitText(l: AgeLimits): string {
  return `max age ${human(l.maxAgeSec)}`;
}

/** A failed check (network, permission) is itself a failing item, never a crash. */
export function brokenItem(kind: Kind, name: string, detail: string): Item {
  return { kind, name, status: 'fail', limit: '-', detail };
}
