/**
 * The findings shown: report files (0600 unless fully redacted), a report printed for a person
 * at a terminal (the local CLI) or sent to the job log (always fully redacted), the findings'
 * log lines and annotations. One redactor (the ReportContext's) covers every one of them.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Runner } from '../../platform/runner.js';
import { printable } from '../../scanner/run.js';
import { render, reportTargets, writeReport, type ReportFormat } from '../../scanner/reports/index.js';
import type { ReportContext, VerifyStatus } from '../../scanner/reports/context.js';
import type { ScanRedactor } from '../../scanner/reports/redaction.js';
import { findingAnnotations } from '../../scanner/reports/annotations.js';
import { textLine } from '../../scanner/reports/text.js';
import type { Finding } from '../../scanner/types.js';
import type { Config } from './config.js';
import { injectedLine } from './injected.js';

export interface Written {
  written: { format: ReportFormat; path: string }[];
  /** a report went to the terminal or the job log */
  toLog: boolean;
}

export async function writeReports(r: Runner, cfg: Config, findings: readonly Finding[], ctx: ReportContext): Promise<Written> {
  const written: { format: ReportFormat; path: string }[] = [];
  let toLog = false;
  const logCtx: ReportContext = { ...ctx, redact: true };
  delete logCtx.redactPercent;
  const terminal = r.reports.terminal;
  for (const t of reportTargets(cfg.formats, cfg.reportPath)) {
    if (t.path === '-' || (!cfg.reportPath && terminal)) {
      // a report to a CI job's log is a log: always fully redacted, whatever redact says
      if (terminal) terminal(render(t.format, findings, ctx));
      else for (const line of render(t.format, findings, logCtx).split('\n')) if (line) r.info(printable(line));
      toLog = true;
      continue;
    }
    const content = render(t.format, findings, ctx);
    const abs = isAbsolute(t.path) ? t.path : resolve(cfg.reportPath ? cfg.workspace : r.reports.dir(), t.path);
    await writeReport(abs, content, cfg.filesRedacted);
    written.push({ format: t.format, path: abs });
    r.info(`${t.format} report: ${abs}`);
  }
  if (!cfg.filesRedacted && written.length)
    r.warning(
      `redact is ${cfg.redactRaw}: the report files hold ${cfg.redactPercent !== undefined ? 'part of each secret' : 'the secrets in full'} (written 0600); do not upload them as artifacts`,
    );
  return { written, toLog };
}

/**
 * One log line per finding (the first 1000; not again when the report went to a terminal) and
 * the annotations where the runner has them. Every text goes through the scan's redactor.
 */
export function logFindings(
  r: Runner,
  findings: readonly Finding[],
  redactor: ScanRedactor,
  statuses: ReadonlyMap<Finding, VerifyStatus> | undefined,
  toLog: boolean,
): void {
  if (!toLog || !r.reports.terminal) {
    for (const f of findings.slice(0, 1000)) {
      const v = statuses?.get(f);
      r.info(printable(`${injectedLine(f) ?? textLine(f, true, redactor)}${v ? ` [${v}]` : ''}`));
    }
  }
  if (r.annotations !== 'none') {
    for (const a of findingAnnotations(findings, undefined, redactor)) {
      const { level, message, ...props } = a;
      r.annotate(level, printable(message), props);
    }
  }
}
