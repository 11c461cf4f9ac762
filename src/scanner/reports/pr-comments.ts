/**
 * Pull request review comments on the findings' lines (comment: true). Each comment carries
 * a marker so a re-run does not post it twice. A token without write access (fork pull
 * requests) is reported back, and the caller falls back to annotations and the summary.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { FULL, redactorFor, showFindings, type ScanRedactor } from './redaction.js';

export interface CommentRequest {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  pull: number;
  headSha: string;
  findings: readonly Finding[];
  /** at most this many new comments per run */
  max?: number;
  /** users (or org/team) mentioned in each comment: GITLEAKS_NOTIFY_USER_LIST / notify */
  notify?: readonly string[];
  /** the scan's redactor (default: one built from these findings) */
  redactor?: ScanRedactor;
}

export interface CommentResult {
  posted: number;
  existing: number;
  /** lines GitHub refused because they are not part of the pull request's diff */
  outsideDiff: number;
  /** the token may not comment (fork pull request, read-only token) */
  denied: boolean;
  error?: string;
}

function marker(f: Finding): string {
  return `<!-- pipeline-secrets:${createHash('sha256').update(f.fingerprint).digest('hex').slice(0, 24)} -->`;
}

function status(err: unknown): number {
  return typeof err === 'object' && err !== null && 'status' in err && typeof (err as { status: unknown }).status === 'number' ? (err as { status: number }).status : 0;
}

/** A review comment's text: always fully redacted (`red`: the scan's redactor; default: one from this finding). */
export function commentBody(raw: Finding, notify: readonly string[] = [], red: ScanRedactor = redactorFor([raw])): string {
  const [f] = showFindings([raw], FULL, red);
  if (!f) return '';
  const commit = f.commit ? ` (added in ${f.commit.sha.slice(0, 12)})` : '';
  const cc = notify.length ? `\n\nCC ${notify.map((u) => `@${u.replace(/^@/, '')}`).join(' ')}` : '';
  return red.scrub(`:rotating_light: **Leaked secret** \`${f.ruleId}\`: \`${f.secret}\`${commit}.\n\nRevoke and rotate it first: it stays in the git history even after you delete this line. If it is a false positive, add the fingerprint from the report to \`.gitleaksignore\`.${cc}\n\n`, FULL) + marker(raw);
}

/** A GitHub user or org/team to mention; anything else is refused (it goes into a comment). */
export function parseNotify(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)) {
    const name = part.replace(/^@/, '');
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/.test(name)) return [];
    out.push(name);
  }
  return out;
}

export async function postReviewComments(req: CommentRequest): Promise<CommentResult> {
  // loaded only when comments are posted: octokit is most of what a cold start would parse
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(req.token, { baseUrl: req.apiUrl.replace(/\/+$/, ''), request: { retries: 0 } });
  const out: CommentResult = { posted: 0, existing: 0, outsideDiff: 0, denied: false };
  const seen = new Set<string>();
  try {
    const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: req.owner, repo: req.repo, pull_number: req.pull, per_page: 100 });
    for (const c of existing) {
      const m = /<!-- pipeline-secrets:[0-9a-f]+ -->/.exec(c.body ?? '');
      if (m) seen.add(m[0]);
    }
  } catch (err) {
    const s = status(err);
    if (s === 401 || s === 403 || s === 404) return { ...out, denied: true };
    return { ...out, error: `listing review comments failed (HTTP ${s || 'error'})` };
  }
  const done = new Set<string>();
  const red = req.redactor ?? redactorFor(req.findings);
  for (const f of req.findings) {
    if (out.posted >= (req.max ?? 20)) break;
    const mk = marker(f);
    if (seen.has(mk)) {
      out.existing++;
      continue;
    }
    const key = `${f.path}:${f.startLine}:${f.ruleId}`;
    if (done.has(key)) continue;
    done.add(key);
    try {
      await octokit.rest.pulls.createReviewComment({ owner: req.owner, repo: req.repo, pull_number: req.pull, commit_id: req.headSha, path: f.path, line: f.startLine, side: 'RIGHT', body: commentBody(f, req.notify ?? [], red) });
      out.posted++;
    } catch (err) {
      const s = status(err);
      if (s === 422) out.outsideDiff++;
      else if (s === 401 || s === 403 || s === 404) return { ...out, denied: true };
      else return { ...out, error: `posting a review comment failed (HTTP ${s || 'error'})` };
    }
  }
  return out;
}
