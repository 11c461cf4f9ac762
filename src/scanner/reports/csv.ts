/**
 * gitleaks' CSV report: one header row, then one row per finding, the columns gitleaks writes
 * (RuleID … Tags, tags joined by spaces), quoted only where CSV needs it (as Go's encoding/csv
 * does). Secrets redacted unless the user turned redaction off.
 */
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { GITLEAKS_LOCATORS, gitleaksEntries } from './json.js';
import { gitleaksShown, redactorFor } from './redaction.js';

export const CSV_COLUMNS = [
  'RuleID',
  'Commit',
  'File',
  'SymlinkFile',
  'Secret',
  'Match',
  'StartLine',
  'EndLine',
  'StartColumn',
  'EndColumn',
  'Author',
  'Message',
  'Date',
  'Email',
  'Fingerprint',
  'Tags',
] as const;

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
  const how = gitleaksShown(ctx);
  const red = redactorFor(findings, ctx);
  // every cell but the locators goes through the redactor once more, whatever column is added later
  const cell = (v: string, i: number): string => csvField(GITLEAKS_LOCATORS.has(head[i] ?? '') ? v : red.scrub(v, how));
  for (const g of gitleaksEntries(findings, { ...ctx, redactor: red })) {
    const cells = [
      g.RuleID,
      g.Commit,
      g.File,
      g.SymlinkFile,
      g.Secret,
      g.Match,
      String(g.StartLine),
      String(g.EndLine),
      String(g.StartColumn),
      String(g.EndColumn),
      g.Author,
      g.Message,
      g.Date,
      g.Email,
      g.Fingerprint,
      g.Tags.join(' '),
    ];
    if (verified) cells.push(g.Verification ?? '');
    rows.push(cells.map(cell).join(','));
  }
  return `${rows.join('\n')}\n`;
}
