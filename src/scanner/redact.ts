/**
 * Redaction of findings. A finding's secret is not ours to mask (it is the user's leak), so it
 * never goes to the runner's masker; instead every report, log line, annotation and summary
 * shows it redacted: at most a 4-character prefix for long secrets, nothing for short ones.
 */
import type { Finding } from './types.js';

export const REDACTED_MARK = '***';
/** Secrets shorter than this show no prefix at all. */
export const PREFIX_MIN_LENGTH = 16;
export const PREFIX_LENGTH = 4;
/** A path-only rule's finding has no secret; its match is this and the path, shown as is. */
export const PATH_MATCH_PREFIX = 'file detected: ';

export function redactSecret(secret: string): string {
  if (secret.length < PREFIX_MIN_LENGTH) return REDACTED_MARK;
  // whole characters: never half of a surrogate pair (an emoji would become U+FFFD in a summary)
  return `${[...secret.slice(0, PREFIX_LENGTH * 2)].slice(0, PREFIX_LENGTH).join('')}${REDACTED_MARK}`;
}

/**
 * The match with every occurrence of the secret redacted (and nothing else of it shown if the match
 * is the secret). A regex finding without a secret (its secretGroup matched nothing) is redacted
 * as a whole: the match is all it has.
 */
export function redactMatch(match: string, secret: string): string {
  if (!secret) return match === '' || match.startsWith(PATH_MATCH_PREFIX) ? match : redactSecret(match);
  const red = redactSecret(secret);
  let out = match.split(secret).join(red);
  // a match that overlaps the secret only partly (multi-line secrets): cut each long line of the secret
  for (const line of secret.split(/\r?\n/)) if (line.length >= 8 && out.includes(line)) out = out.split(line).join(REDACTED_MARK);
  return out;
}

/** Text printed for a finding anywhere outside the raw report: never the secret. */
export function safeText(text: string, finding: Pick<Finding, 'secret' | 'match'>): string {
  let out = text;
  for (const v of [finding.match, finding.secret]) if (v && v.length >= 4) out = out.split(v).join(REDACTED_MARK);
  return out;
}

/**
 * gitleaks' --redact=N for report files: N percent of the secret hidden, the first (100-N) percent
 * of its characters kept followed by "..." (rounded half to even, as gitleaks); 100 or more gives
 * "REDACTED", 0 the secret in full. Logs, annotations and summaries never use this: they always
 * show redactSecret().
 */
export function redactPercent(secret: string, percent: number): string {
  const p = Math.min(100, Math.max(0, Math.floor(percent)));
  if (p >= 100) return 'REDACTED';
  const chars = [...secret];
  if (chars.length === 0) return secret;
  const exact = (chars.length * (100 - p)) / 100;
  const floor = Math.floor(exact);
  const keep = exact - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(exact);
  return chars.slice(0, keep).join('') + '...';
}

/** The match (or line) with every occurrence of the secret replaced by redactPercent() (no secret: the whole text, as redactMatch). */
export function redactMatchPercent(text: string, secret: string, percent: number): string {
  if (!secret) return text === '' || text.startsWith(PATH_MATCH_PREFIX) ? text : redactPercent(text, percent);
  return text.split(secret).join(redactPercent(secret, percent));
}
