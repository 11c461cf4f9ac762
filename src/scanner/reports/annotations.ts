/**
 * Annotations for findings. GitHub shows 10 error annotations per step, so the first ones
 * get an annotation on their file and line and one notice points to the summary for the rest.
 */
import type { AnnotationProps } from '../../core/annotation.js';
import type { Finding } from '../types.js';
import { requiredText } from './required.js';
import { FULL, redactorFor, showFindings, type ScanRedactor, type ShownFinding } from './redaction.js';

export const ANNOTATION_LIMIT = 10;

export interface FindingAnnotation extends AnnotationProps {
  level: 'error' | 'notice';
  message: string;
}

function message(f: ShownFinding): string {
  const commit = f.commit ? ` in commit ${f.commit.sha.slice(0, 12)} by ${f.commit.author}` : '';
  const required = requiredText(f);
  return `${f.description || f.ruleId} (${f.ruleId}): secret ${f.secret}${commit}${required ? `, with ${required}` : ''}. Revoke and rotate it, then remove it from the code.`;
}

/** A finding's annotation text: always fully redacted (`red`: the scan's redactor; default: one from this finding). */
export function findingMessage(f: Finding, red: ScanRedactor = redactorFor([f])): string {
  const [shown] = showFindings([f], FULL, red);
  return shown ? red.scrub(message(shown), FULL) : '';
}

/** Annotations carry the real path as their file (GitHub places them by it); every text is redacted. */
export function findingAnnotations(findings: readonly Finding[], limit = ANNOTATION_LIMIT, red: ScanRedactor = redactorFor(findings)): FindingAnnotation[] {
  const out: FindingAnnotation[] = showFindings(findings.slice(0, limit), FULL, red).map((f) => {
    const a: FindingAnnotation = {
      level: 'error',
      title: red.scrub(`Leaked secret: ${f.ruleId}`, FULL),
      message: red.scrub(message(f), FULL),
      file: f.rawPath,
      line: f.startLine,
    };
    if (f.endLine !== f.startLine) a.endLine = f.endLine;
    else {
      a.col = f.startColumn;
      a.endColumn = f.endColumn;
    }
    return a;
  });
  if (findings.length > limit) {
    out.push({
      level: 'notice',
      title: 'More leaked secrets',
      message: `${findings.length - limit} more finding${findings.length - limit === 1 ? '' : 's'} not annotated (GitHub shows ${limit} per step): see the job summary and the reports.`,
    });
  }
  return out;
}
