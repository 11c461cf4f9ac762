/**
 * Annotations for findings. GitHub shows 10 error annotations per step, so the first ones
 * get an annotation on their file and line and one notice points to the summary for the rest.
 */
import { redactSecret } from '../redact.js';
import type { Finding } from '../types.js';
import { requiredText } from './required.js';

export const ANNOTATION_LIMIT = 10;

export interface FindingAnnotation {
  level: 'error' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export function findingMessage(f: Finding): string {
  const commit = f.commit ? ` in commit ${f.commit.sha.slice(0, 12)} by ${f.commit.author}` : '';
  const required = requiredText(f);
  return `${f.description || f.ruleId} (${f.ruleId}): secret ${redactSecret(f.secret)}${commit}${required ? `, with ${required}` : ''}. Revoke and rotate it, then remove it from the code.`;
}

export function findingAnnotations(findings: readonly Finding[], limit = ANNOTATION_LIMIT): FindingAnnotation[] {
  const out: FindingAnnotation[] = findings.slice(0, limit).map((f) => {
    const a: FindingAnnotation = { level: 'error', title: `Leaked secret: ${f.ruleId}`, message: findingMessage(f), file: f.path, line: f.startLine };
    if (f.endLine !== f.startLine) a.endLine = f.endLine;
    else {
      a.col = f.startColumn;
      a.endColumn = f.endColumn;
    }
    return a;
  });
  if (findings.length > limit) {
    out.push({ level: 'notice', title: 'More leaked secrets', message: `${findings.length - limit} more finding${findings.length - limit === 1 ? '' : 's'} not annotated (GitHub shows ${limit} per step): see the job summary and the reports.` });
  }
  return out;
}
