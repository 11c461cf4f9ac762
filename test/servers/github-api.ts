/**
 * A GitHub REST API imitation on 127.0.0.1 for issues: list (state, per_page, page; pull
 * requests mixed in, as the real endpoint does), create, update (body, state,
 * state_reason), comments. Bearer token checked (401 "Bad credentials"); a token without
 * issues: write gets 403 "Resource not accessible by integration".
 *
 *   const gh = await new GitHubApi({ token, repo: 'octo-org/octo-repo' }).start();
 *   env GITHUB_API_URL = gh.url
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Started } from './http.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: string[];
  pull_request?: boolean;
}

export class GitHubApi {
  started!: Started;
  readonly issues: FakeIssue[] = [];
  readonly log: { method: string; path: string; status: number }[] = [];
  /** tokens that may read but not write */
  readonly readOnly = new Set<string>();
  private next = 1;

  constructor(readonly opts: { token: string; repo: string }) {}

  get url(): string {
    return this.started.url;
  }

  add(init: Partial<FakeIssue> & { title: string }): FakeIssue {
    const i: FakeIssue = { number: this.next++, body: '', state: 'open', state_reason: null, labels: [], comments: [], ...init };
    this.issues.push(i);
    return i;
  }

  async start(): Promise<this> {
    this.started = await listen((req, res) => this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  private view(i: FakeIssue): Record<string, unknown> {
    return {
      id: 1000 + i.number,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name) => ({ name })),
      comments: i.comments.length,
      html_url: `https://github.com/${this.opts.repo}/${i.pull_request ? 'pull' : 'issues'}/${i.number}`,
      ...(i.pull_request ? { pull_request: { url: `https://api.github.com/repos/${this.opts.repo}/pulls/${i.number}` } } : {}),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const entry = { method, path: u.pathname, status: 200 };
    this.log.push(entry);
    const send = (status: number, body: unknown): void => {
      entry.status = status;
      sendJson(res, status, body);
    };
    const token = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (token !== this.opts.token && !this.readOnly.has(token))
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const base = `/repos/${this.opts.repo}/issues`;
    if (!u.pathname.startsWith(base)) return send(404, { message: 'Not Found' });
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method !== 'GET' && this.readOnly.has(token)) return send(403, { message: 'Resource not accessible by integration' });
    const rest = u.pathname.slice(base.length);
    if (rest === '' && method === 'GET') {
      const state = u.searchParams.get('state') ?? 'open';
      const per = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
      const page = Number(u.searchParams.get('page') ?? 1);
      const all = this.issues.filter((i) => state === 'all' || i.state === state).sort((a, b) => b.number - a.number);
      return send(
        200,
        all.slice((page - 1) * per, page * per).map((i) => this.view(i)),
      );
    }
    if (rest === '' && method === 'POST') {
      if (typeof body['title'] !== 'string' || !body['title'])
        return send(422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] });
      const labels = Array.isArray(body['labels']) ? body['labels'].map(String) : [];
      return send(201, this.view(this.add({ title: body['title'], body: typeof body['body'] === 'string' ? body['body'] : '', labels })));
    }
    const m = /^\/(\d+)(\/comments)?$/.exec(rest);
    const issue = m ? this.issues.find((i) => i.number === Number(m[1])) : undefined;
    if (!m || !issue) return send(404, { message: 'Not Found' });
    if (m[2] && method === 'POST') {
      issue.comments.push(String(body['body'] ?? ''));
      return send(201, { id: issue.comments.length, body: body['body'] });
    }
    if (!m[2] && method === 'PATCH') {
      if (typeof body['body'] === 'string') issue.body = body['body'];
      if (typeof body['title'] === 'string') issue.title = body['title'];
      if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
      if (typeof body['state_reason'] === 'string') issue.state_reason = body['state_reason'];
      return send(200, this.view(issue));
    }
    if (!m[2] && method === 'GET') return send(200, this.view(issue));
    return send(404, { message: 'Not Found' });
  }
}
