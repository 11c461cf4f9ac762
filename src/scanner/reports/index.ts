/** Every report format by name, and where each one is written. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { writeSecretFile } from '../../core/files.js';
import { UserError } from '../../core/errors.js';
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { gitleaksJson } from './json.js';
import { sarifReport } from './sarif.js';
import { gitlabReport } from './gitlab.js';
import { textReport } from './text.js';
import { csvReport } from './csv.js';
import { junitReport } from './junit.js';

export type ReportFormat = 'json' | 'sarif' | 'gitlab' | 'text' | 'csv' | 'junit';
export const FORMATS: readonly ReportFormat[] = ['json', 'sarif', 'gitlab', 'text', 'csv', 'junit'];

const DEFAULT_NAME: Record<ReportFormat, string> = {
  json: 'gitleaks-report.json',
  sarif: 'gitleaks-report.sarif',
  gitlab: 'gl-secret-detection-report.json',
  text: 'gitleaks-report.txt',
  csv: 'gitleaks-report.csv',
  junit: 'gitleaks-report.xml',
};
const SUFFIX: Record<ReportFormat, string> = { json: '.json', sarif: '.sarif', gitlab: '.gitlab.json', text: '.txt', csv: '.csv', junit: '.xml' };

export function parseFormats(raw: string, input: string): ReportFormat[] {
  const out: ReportFormat[] = [];
  for (const part of raw
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const f = part === 'gitleaks' ? 'json' : part === 'secret-detection' ? 'gitlab' : part;
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UserError(input, `unknown report format "${part.slice(0, 30)}": expected json, sarif, gitlab, text, csv or junit`);
    if (!out.includes(f as ReportFormat)) out.push(f as ReportFormat);
  }
  return out;
}

export function formatFromPath(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.sarif') return 'sarif';
  if (ext === '.txt' || ext === '.text') return 'text';
  if (ext === '.csv') return 'csv';
  if (ext === '.xml') return 'junit';
  if (/gl-secret-detection|\.gitlab\.json$/i.test(path)) return 'gitlab';
  return 'json';
}

/** Where each format goes: one format and a path → that path; several → the path with each format's suffix. '-' is stdout. */
export function reportTargets(formats: readonly ReportFormat[], path: string): { format: ReportFormat; path: string }[] {
  if (!path) return formats.map((format) => ({ format, path: DEFAULT_NAME[format] }));
  if (formats.length === 1 || path === '-') return formats.map((format) => ({ format, path }));
  const stem = path.replace(/\.(json|sarif|txt|csv|xml)$/i, '');
  return formats.map((format) => ({ format, path: `${stem}${SUFFIX[format]}` }));
}

export function render(format: ReportFormat, findings: readonly Finding[], ctx: ReportContext): string {
  switch (format) {
    case 'json':
      return gitleaksJson(findings, ctx);
    case 'sarif':
      return sarifReport(findings, ctx);
    case 'gitlab':
      return gitlabReport(findings, ctx);
    case 'text':
      return textReport(findings, ctx);
    case 'csv':
      return csvReport(findings, ctx);
    case 'junit':
      return junitReport(findings, ctx);
  }
}

/** Writes a report file (0600 when it holds raw secrets because the user turned redaction off). */
export async function writeReport(path: string, content: string, redacted: boolean): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  if (redacted) writeFileSync(path, content);
  else await writeSecretFile(path, content);
}
