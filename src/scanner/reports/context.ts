/** What every report needs besides the findings. */
import type { Finding, Skipped } from '../types.js';
import type { ScanRedactor } from './redaction.js';

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
  /**
   * every secret the scan found (ignored and baselined findings too): each report redacts all of
   * them in every field (see redaction.ts); absent: built from the findings the writer gets
   */
  redactor?: ScanRedactor;
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
