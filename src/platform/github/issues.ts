/**
 * One GitHub issue per finding set, found by its exact title among the open issues:
 * created when something is due, updated on later runs, closed (with a comment) when all
 * is green. Plain REST over core/http.ts against the run's API URL (GHES included).
 */
import { RemoteError } from '../../core/errors.js';
import { HttpClient, type ProxyOptions } from '../../core/http.js';
import { arr, isObject, num, obj, optStr, str } from '../../core/json.js';
import type { IssueSync, IssueSyncResult } from '../runner.js';

export interface IssueTarget {
  apiUrl: string;
  /** owner/repo */
  repository: string;
  token: string;
  title: string;
  labels: readonly string[];
}

export type IssueAction = 'created' | 'updated' | 'closed' | 'none';

export interface IssueResult {
  action: IssueAction;
  number?: number;
  url?: string;
}

const HINT = 'give the job `permissions: issues: write` (and the token in "github-token")';

export class IssueClient {
  constructor(
    private readonly http: HttpClient,
    private readonly t: IssueTarget,
  ) {}

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.t.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'pipeline-secrets-rotate-check',
      'content-type': 'application/json',
    };
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${this.t.apiUrl.replace(/\/+$/, '')}/repos/${this.t.repository}${path}`;
    const res = await this.http.json(url, { method, headers: this.headers(), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (res.status >= 200 && res.status < 300) return res.body;
    const message = isObject(res.body) && typeof res.body['message'] === 'string' ? res.body['message'].slice(0, 200) : '';
    throw new RemoteError(`GitHub API ${method} ${path.replace(/\?.*$/, '')} on ${this.t.repository} answered ${res.status}`, {
      service: 'GitHub',
      status: res.status,
      retryable: false,
      ...(message ? { details: [message] } : {}),
      ...([401, 403, 404].includes(res.status) ? { hint: HINT } : {}),
    });
  }

  /** The open issue (not a pull request) with exactly our title. */
  async find(): Promise<{ number: number; url: string } | undefined> {
    for (let page = 1; page <= 10; page++) {
      const list = arr(await this.call('GET', `/issues?state=open&per_page=100&page=${page}`), 'issues');
      for (const [i, raw] of list.entries()) {
        const o = obj(raw, `issues[${i}]`);
        if (o['pull_request'] !== undefined) continue;
        if (str(o['title'], `issues[${i}].title`) === this.t.title) {
          return { number: num(o['number'], `issues[${i}].number`), url: optStr(o['html_url'], `issues[${i}].html_url`) ?? '' };
        }
      }
      if (list.length < 100) break;
    }
    return undefined;
  }

  /** Opens or updates the issue when something is due; closes it when nothing is. */
  async sync(due: boolean, body: string): Promise<IssueResult> {
    const existing = await this.find();
    if (due) {
      if (existing) {
        await this.call('PATCH', `/issues/${existing.number}`, { body });
        return { action: 'updated', ...existing };
      }
      const created = obj(
        await this.call('POST', '/issues', { title: this.t.title, body, ...(this.t.labels.length ? { labels: this.t.labels } : {}) }),
        'issue',
      );
      return { action: 'created', number: num(created['number'], 'issue.number'), url: optStr(created['html_url'], 'issue.html_url') ?? '' };
    }
    if (!existing) return { action: 'none' };
    await this.call('POST', `/issues/${existing.number}/comments`, { body: 'All credentials are within policy now: closing.' });
    await this.call('PATCH', `/issues/${existing.number}`, { state: 'closed', state_reason: 'completed' });
    return { action: 'closed', ...existing };
  }
}

/** forge.syncIssue: the issue of `issue.title` on the run's repository, opened, updated or closed. */
export async function syncIssue(run: { apiUrl: string; repository: string; proxy: ProxyOptions }, token: string, issue: IssueSync): Promise<IssueSyncResult> {
  const http = new HttpClient({ service: 'GitHub', proxy: run.proxy, retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000 } });
  try {
    const client = new IssueClient(http, { apiUrl: run.apiUrl, repository: run.repository, token, title: issue.title, labels: issue.labels });
    return await client.sync(issue.due, issue.body);
  } finally {
    await http.close();
  }
}
