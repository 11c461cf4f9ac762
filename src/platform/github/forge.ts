/**
 * GitHubRunner's forge: the GitHub APIs an action may use, each given the token by the action
 * (an input) and everything else (API URL, repository, commit, ref, proxy) by the runner.
 */
import { isObject } from '../../core/json.js';
import type { ProxyOptions } from '../../core/http.js';
import type { Forge, PullRequest, RunContext } from '../runner.js';
import { postReviewComments } from './review-comments.js';
import { uploadSarif } from './code-scanning.js';
import { syncIssue } from './issues.js';

/** The pull request of a GitHub event payload, or undefined when the event has none. */
export function pullRequestOf(ctx: RunContext): PullRequest | undefined {
  const pr = isObject(ctx.event) && isObject(ctx.event['pull_request']) ? ctx.event['pull_request'] : undefined;
  if (!pr || typeof pr['number'] !== 'number') return undefined;
  const head = isObject(pr['head']) ? pr['head'] : {};
  const base = isObject(pr['base']) ? pr['base'] : {};
  const repoName = (o: Record<string, unknown>): string => (isObject(o['repo']) && typeof o['repo']['full_name'] === 'string' ? o['repo']['full_name'] : '');
  return {
    number: pr['number'],
    headSha: typeof head['sha'] === 'string' ? head['sha'] : ctx.sha,
    fork: repoName(head) !== '' && repoName(head) !== repoName(base),
  };
}

export function githubForge(run: { context(): RunContext; proxy(): ProxyOptions }): Forge {
  return {
    pullRequest: () => pullRequestOf(run.context()),
    reviewComments: (token, pr, comments, opts) => {
      const ctx = run.context();
      const [owner = '', repo = ''] = ctx.repository.split('/');
      return postReviewComments({ apiUrl: ctx.apiUrl, token, owner, repo }, pr, comments, opts?.max);
    },
    uploadSarif: (token, sarif) => {
      const ctx = run.context();
      return uploadSarif({ apiUrl: ctx.apiUrl, token, repository: ctx.repository, commitSha: ctx.sha, ref: ctx.ref, sarif, proxy: run.proxy() });
    },
    syncIssue: (token, issue) => {
      const ctx = run.context();
      return syncIssue({ apiUrl: ctx.apiUrl, repository: ctx.repository, proxy: run.proxy() }, token, issue);
    },
  };
}
