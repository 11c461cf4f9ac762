/**
 * Reports of rotate-check: the step summary table, annotations (errors for overdue items,
 * warnings for expiring ones, within the runner's 10-per-step limits), the JSON report and
 * the counts. Items hold metadata only, so nothing here can carry a secret.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnnotationLevel, AnnotationProps } from '../core/annotation.js';
import { type Item, type Status, human } from './item.js';

export interface Counts {
  overdue: number;
  expiring: number;
  ok: number;
}

const RANK: Record<Status, number> = { fail: 0, warn: 1, ok: 2 };
const ICON: Record<Status, string> = { fail: ':x: overdue', warn: ':warning: expiring', ok: ':white_check_mark: ok' };

export function sortItems(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => RANK[a.status] - RANK[b.status] || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

export function countItems(items: readonly Item[]): Counts {
  return {
    overdue: items.filter((i) => i.status === 'fail').length,
    expiring: items.filter((i) => i.status === 'warn').length,
    ok: items.filter((i) => i.status === 'ok').length,
  };
}

/** "age 92d" or "12d left" / "expired 3d ago". */
export function ageOrLeft(i: Item): string {
  const parts: string[] = [];
  if (i.ageSec !== undefined) parts.push(`age ${human(i.ageSec)}`);
  if (i.leftSec !== undefined) parts.push(i.leftSec <= 0 ? `expired ${human(-i.leftSec)} ago` : `${human(i.leftSec)} left`);
  return parts.join(', ') || '-';
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

export function summaryMarkdown(items: readonly Item[], nowIso: string, warnOnly: boolean): string {
  const c = countItems(items);
  const lines = [
    '## rotate-check',
    '',
    `**${c.overdue} overdue**, **${c.expiring} expiring**, ${c.ok} ok, checked at ${nowIso}${warnOnly && c.overdue ? ' (warn-only: the step does not fail)' : ''}.`,
    '',
  ];
  if (!items.length) return [...lines, '_Nothing was checked: give `vault-paths`, `certificates`, `endpoints`, `leases` or `aws-keys`._', ''].join('\n');
  lines.push('| Status | Item | Kind | Age / left | Limit | Owner | Detail |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const i of sortItems(items)) {
    lines.push(
      `| ${ICON[i.status]} | \`${cell(i.name)}\` | ${i.kind} | ${cell(ageOrLeft(i))} | ${cell(i.limit)} | ${cell(i.owner ?? '')} | ${cell(i.detail)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  props: AnnotationProps;
}

/** At most `perLevel` annotations of each level; the rest folded into one last line. */
export function annotations(items: readonly Item[], perLevel = 10): Annotation[] {
  const out: Annotation[] = [];
  for (const [status, level] of [
    ['fail', 'error'],
    ['warn', 'warning'],
  ] as const) {
    const these = sortItems(items).filter((i) => i.status === status);
    const shown = these.length > perLevel ? these.slice(0, perLevel - 1) : these;
    for (const i of shown) {
      const props: AnnotationProps = { title: `rotate-check: ${i.kind} ${status === 'fail' ? 'overdue' : 'expiring'}` };
      if (i.kind === 'certificate') props.file = i.name.replace(/#\d+$/, '');
      out.push({ level, message: `${i.name}: ${i.detail} (${ageOrLeft(i)}; ${i.limit})`, props });
    }
    if (these.length > shown.length) {
      out.push({
        level,
        message: `${these.length - shown.length} more ${status === 'fail' ? 'overdue' : 'expiring'} items: see the step summary or the JSON report`,
        props: { title: 'rotate-check' },
      });
    }
  }
  return out;
}

export interface JsonReport {
  version: 1;
  tool: 'pipeline-secrets rotate-check';
  generatedAt: string;
  counts: Counts;
  items: Item[];
}

export function jsonReport(items: readonly Item[], nowIso: string): JsonReport {
  return { version: 1, tool: 'pipeline-secrets rotate-check', generatedAt: nowIso, counts: countItems(items), items: sortItems(items) };
}

/** Writes the report; `redact` (the runner's masker) sees the text first: the file is an artifact, not a masked log. */
export function writeJsonReport(path: string, report: JsonReport, redact: (text: string) => string = (t) => t): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${redact(JSON.stringify(report, null, 2))}\n`);
}

/** The issue body: what is due, as a checklist. */
export function issueBody(items: readonly Item[], nowIso: string, runUrl: string): string {
  const due = sortItems(items).filter((i) => i.status !== 'ok');
  const lines = [
    `rotate-check found **${countItems(items).overdue} overdue** and **${countItems(items).expiring} expiring** credentials (checked ${nowIso}).`,
    '',
    '| Status | Item | Kind | Age / left | Limit | Owner | Detail |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...due.map(
      (i) => `| ${ICON[i.status]} | \`${cell(i.name)}\` | ${i.kind} | ${cell(ageOrLeft(i))} | ${cell(i.limit)} | ${cell(i.owner ?? '')} | ${cell(i.detail)} |`,
    ),
    '',
    runUrl ? `Run: ${runUrl}` : '',
    '',
    '_This issue is updated by each scheduled run and closed when everything is within policy._',
  ];
  return lines.join('\n').slice(0, 60_000);
}
