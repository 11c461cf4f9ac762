/**
 * gitleaks' CSV report: one header row, then one row per finding, the columns gitleaks writes
 * (RuleID … Tags, tags joined by spaces), quoted only where CSV needs it (as Go's encoding/csv
 * does). Secrets redacted unless the user turned redaction off.
 */
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { toGitleaks } from './json.js';

export const CSV_COLUMNS = ['RuleID', 'Commit', 'File', 'SymlinkFile', 'Secret', 'Match', 'StartLine', 'EndLine', 'StartColumn', 'EndColumn', 'Author', 'Message', 'Date', 'Email', 'Fingerprint', 'Tags'] as const;

/** A CSV field, quoted when it holds a comma, a quote, CR/LF or starts with a space (Go's rule). */
export function csvField(v: string): string {
  if (v === '') return v;
  if (v === '\\.' || /[",\r\n]/.test(v) || v.startsWith(' ') || v.startsWith('\t')) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvReport(findings: readonly Finding[], ctx: ReportContext): string {
  const verified = ctx.verified && ctx.verified.size > 0;
  const head = [...CSV_COLUMNS, ...(verified ? ['Verification'] : [])];
  const rows = [head.join(',')];
  for (const f of findings) {
    const g = toGitleaks(f, ctx);
    const cells = [g.RuleID, g.Commit, g.File, g.SymlinkFile, g.Secret, g.Match, String(g.StartLine), String(g.EndLine), String(g.StartColumn), String(g.EndColumn), g.Author, g.Message, g.Date, g.Email, g.Fingerprint, g.Tags.join(' ')];
    if (verified) cells.push(ctx.verified?.get(f) ?? '');
    rows.push(cells.map(csvField).join(','));
  }
  return `${rows.join('\n')}\n`;
}
