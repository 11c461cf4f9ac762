/** What every report needs besides the findings. */
import { redactMatch, redactMatchPercent } from '../redact.js';
import type { Finding, Skipped } from '../types.js';

/** A finding's key checked against its provider (verify: true). */
export type VerifyStatus = 'live' | 'revoked' | 'unknown';

export interface ReportContext {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  started: Date;
  finished: Date;
  /** e.g. https://github.com, for commit links ('' for none) */
  serverUrl: string;
  /** owner/name ('' for none) */
  repository: string;
  /** false only when the user asked for raw secrets in report files (never in logs) */
  redact: boolean;
  /** gitleaks' --redact=N for the gitleaks-shaped reports (JSON, CSV, JUnit): N percent of each secret hidden */
  redactPercent?: number;
  /** what was scanned, in words */
  target: string;
  skipped: readonly Skipped[];
  /** verify: true: each checked finding's status (unchecked findings are absent) */
  verified?: ReadonlyMap<Finding, VerifyStatus>;
}

export function commitUrl(ctx: ReportContext, sha: string): string {
  if (!ctx.serverUrl || !ctx.repository || !sha) return '';
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/commit/${sha}`;
}

export function fileUrl(ctx: ReportContext, sha: string, path: string, line: number): string {
  if (!ctx.serverUrl || !ctx.repository || !sha) return '';
  const p = path.split('/').map(encodeURIComponent).join('/');
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/blob/${sha}/${p}#L${line}`;
}

/**
 * A finding's match or commit message as a report shows it: with redaction on, every occurrence
 * of its secret and of its required parts' secrets redacted (a message can hold the secret too:
 * "add key AKIA…"); redact: false leaves it raw.
 */
export function shownText(text: string, f: Pick<Finding, 'secret' | 'requiredFindings'>, ctx: Pick<ReportContext, 'redact' | 'redactPercent'>): string {
  if (!text || (!ctx.redact && ctx.redactPercent === undefined)) return text;
  let out = text;
  for (const secret of [f.secret, ...(f.requiredFindings ?? []).map((r) => r.secret)]) {
    if (!secret) continue;
    out = ctx.redactPercent !== undefined ? redactMatchPercent(out, secret, ctx.redactPercent) : redactMatch(out, secret);
  }
  return out;
}
