/**
 * Pull request review comments on the findings' lines (comment: true): the text of each
 * comment, always fully redacted, and its marker, so a re-run does not post it twice. Posting
 * is the platform's (src/platform/github/review-comments.ts, behind the runner's forge).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { FULL, redactorFor, showFindings, type ScanRedactor } from './redaction.js';

/** One comment to post: the platform's ReviewComment (src/platform/runner.ts), built from a finding. */
export interface ReviewCommentText {
  path: string;
  line: number;
  body: string;
  /** the HTML comment at the end of body that finds it again on a re-run */
  marker: string;
  /** one comment per file, line and rule */
  key: string;
}

function marker(f: Finding): string {
  return `<!-- pipeline-secrets:${createHash('sha256').update(f.fingerprint).digest('hex').slice(0, 24)} -->`;
}

/** A review comment's text: always fully redacted (`red`: the scan's redactor; default: one from this finding). */
export function commentBody(raw: Finding, notify: readonly string[] = [], red: ScanRedactor = redactorFor([raw])): string {
  const [f] = showFindings([raw], FULL, red);
  if (!f) return '';
  const commit = f.commit ? ` (added in ${f.commit.sha.slice(0, 12)})` : '';
  const cc = notify.length ? `\n\nCC ${notify.map((u) => `@${u.replace(/^@/, '')}`).join(' ')}` : '';
  return (
    red.scrub(
      `:rotating_light: **Leaked secret** \`${f.ruleId}\`: \`${f.secret}\`${commit}.\n\nRevoke and rotate it first: it stays in the git history even after you delete this line. If it is a false positive, add the fingerprint from the report to \`.gitleaksignore\`.${cc}\n\n`,
      FULL,
    ) + marker(raw)
  );
}

/**
 * The comments for these findings, in their order (the platform posts at most its maximum,
 * skipping those whose marker is already on the pull request and repeated keys). Bodies are
 * built on demand: a scan with thousands of findings posts at most a few dozen.
 */
export function reviewComments(findings: readonly Finding[], notify: readonly string[] = [], redactor?: ScanRedactor): ReviewCommentText[] {
  const red = redactor ?? redactorFor(findings);
  return findings.map((f) => {
    let body: string | undefined;
    return {
      path: f.path,
      line: f.startLine,
      get body(): string {
        body ??= commentBody(f, notify, red);
        return body;
      },
      marker: marker(f),
      key: `${f.path}:${f.startLine}:${f.ruleId}`,
    };
  });
}

/** A GitHub user or org/team to mention; anything else is refused (it goes into a comment). */
export function parseNotify(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const name = part.replace(/^@/, '');
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/.test(name)) return [];
    out.push(name);
  }
  return out;
}
