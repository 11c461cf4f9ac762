/** What every report needs besides the findings. */
import type { Skipped } from '../types.js';

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
  /** what was scanned, in words */
  target: string;
  skipped: readonly Skipped[];
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
