/**
 * GitHub code scanning's SARIF upload on 127.0.0.1: POST /repos/{owner}/{repo}/code-scanning/sarifs
 * with {commit_sha, ref, sarif: base64(gzip(SARIF))}; 202 {id, url}. A token without
 * security-events: write (or a fork's read-only token) gets 403 "Resource not accessible by
 * integration"; an unknown token 401; a body that does not decode 400.
 */
import { gunzipSync } from 'node:zlib';
import { listen, readBody, sendJson, type Started } from './http.js';

export interface SarifUploadSeen {
  commit_sha: string;
  ref: string;
  /** the decoded SARIF log */
  sarif: unknown;
  authorization: string;
}

export class CodeScanningApi {
  started!: Started;
  readonly uploads: SarifUploadSeen[] = [];
  readonly readOnly = new Set<string>();

  constructor(readonly opts: { token: string; repo: string }) {}

  get url(): string {
    return this.started.url;
  }

  async start(): Promise<this> {
    this.started = await listen(async (req, res) => {
      const token = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const body = await readBody(req);
      if (req.method !== 'POST' || req.url !== `/repos/${this.opts.repo}/code-scanning/sarifs`) return sendJson(res, 404, { message: 'Not Found' });
      if (token !== this.opts.token && !this.readOnly.has(token)) return sendJson(res, 401, { message: 'Bad credentials' });
      if (this.readOnly.has(token)) return sendJson(res, 403, { message: 'Resource not accessible by integration' });
      let parsed: { commit_sha?: unknown; ref?: unknown; sarif?: unknown };
      let sarif: unknown;
      try {
        parsed = JSON.parse(body) as typeof parsed;
        sarif = JSON.parse(gunzipSync(Buffer.from(String(parsed.sarif), 'base64')).toString('utf8'));
      } catch {
        return sendJson(res, 400, { message: 'Invalid request: sarif is not gzip-compressed, base64-encoded SARIF' });
      }
      if (
        typeof parsed.commit_sha !== 'string' ||
        !/^[0-9a-f]{40}$/.test(parsed.commit_sha) ||
        typeof parsed.ref !== 'string' ||
        !parsed.ref.startsWith('refs/')
      ) {
        return sendJson(res, 422, { message: 'Invalid request: commit_sha and ref are required' });
      }
      this.uploads.push({ commit_sha: parsed.commit_sha, ref: parsed.ref, sarif, authorization: req.headers.authorization ?? '' });
      return sendJson(res, 202, {
        id: `upload-${this.uploads.length}`,
        url: `${this.url}/repos/${this.opts.repo}/code-scanning/sarifs/upload-${this.uploads.length}`,
      });
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }
}
