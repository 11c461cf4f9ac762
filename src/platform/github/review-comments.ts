/**
 * Pull request review comments through the GitHub API (the forge's reviewComments). Each
 * comment carries a marker so a re-run does not post it twice. A token without write access
 * (fork pull requests) is reported back as `denied`, and the action falls back to annotations
 * and the summary. The bodies come already redacted (src/scanner/reports/review-comments.ts).
 */
import type { PullRequest, ReviewComment, ReviewCommentsResult } from '../runner.js';

export interface ReviewTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
}

function status(err: unknown): number {
  return typeof err === 'object' && err !== null && 'status' in err && typeof (err as { status: unknown }).status === 'number'
    ? (err as { status: number }).status
    : 0;
}

/** Posts at most `max` (default 20) new comments on the pull request's head commit. */
export async function postReviewComments(t: ReviewTarget, pr: PullRequest, comments: readonly ReviewComment[], max = 20): Promise<ReviewCommentsResult> {
  // loaded only when comments are posted: octokit is most of what a cold start would parse
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(t.token, { baseUrl: t.apiUrl.replace(/\/+$/, ''), request: { retries: 0 } });
  const out: ReviewCommentsResult = { posted: 0, existing: 0, outsideDiff: 0, denied: false };
  const seen = new Set<string>();
  try {
    const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: t.owner, repo: t.repo, pull_number: pr.number, per_page: 100 });
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
  for (const c of comments) {
    if (out.posted >= max) break;
    if (seen.has(c.marker)) {
      out.existing++;
      continue;
    }
    if (done.has(c.key)) continue;
    done.add(c.key);
    try {
      await octokit.rest.pulls.createReviewComment({
        owner: t.owner,
        repo: t.repo,
        pull_number: pr.number,
        commit_id: pr.headSha,
        path: c.path,
        line: c.line,
        side: 'RIGHT',
        body: c.body,
      });
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
