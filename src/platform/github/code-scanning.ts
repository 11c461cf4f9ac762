/**
 * upload-sarif: true — the SARIF sent to GitHub code scanning through the REST API
 * (POST /repos/{owner}/{repo}/code-scanning/sarifs, the log gzipped and base64-encoded). Needs
 * `security-events: write`; fork pull requests and repositories without code scanning get a
 * 403/404, which the caller reports as a note, not a failure. The forge's uploadSarif (./forge.ts).
 */
import { gzipSync } from 'node:zlib';
import { HttpClient, type ProxyOptions } from '../../core/http.js';
import { isObject } from '../../core/json.js';
import type { SarifUploadResult } from '../runner.js';

export interface SarifUpload {
  apiUrl: string;
  token: string;
  repository: string;
  commitSha: string;
  ref: string;
  sarif: string;
  proxy?: ProxyOptions;
}

export async function uploadSarif(u: SarifUpload): Promise<SarifUploadResult> {
  const http = new HttpClient({ service: 'GitHub code scanning', timeoutMs: 30_000, ...(u.proxy ? { proxy: u.proxy } : {}) });
  try {
    const body = JSON.stringify({
      commit_sha: u.commitSha,
      ref: u.ref,
      sarif: gzipSync(Buffer.from(u.sarif, 'utf8')).toString('base64'),
      tool_name: 'pipeline-secrets',
    });
    const r = await http.json(`${u.apiUrl.replace(/\/+$/, '')}/repos/${u.repository}/code-scanning/sarifs`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${u.token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'Content-Type': 'application/json',
        'User-Agent': 'pipeline-secrets',
      },
      body,
    });
    if (r.status === 202 || r.status === 200) return { ok: true, id: isObject(r.body) && typeof r.body['id'] === 'string' ? r.body['id'] : '' };
    const msg = isObject(r.body) && typeof r.body['message'] === 'string' ? r.body['message'].replace(/[\r\n]+/g, ' ').slice(0, 200) : '';
    if (r.status === 401 || r.status === 403 || r.status === 404) {
      return {
        ok: false,
        denied: true,
        why: `HTTP ${r.status}${msg ? ` (${msg})` : ''}: the token needs permissions: security-events: write, and code scanning must be enabled (fork pull requests never get the permission)`,
      };
    }
    if (r.status === 413) return { ok: false, denied: false, why: 'HTTP 413: the SARIF is too large for code scanning' };
    return { ok: false, denied: false, why: `HTTP ${r.status}${msg ? ` (${msg})` : ''}` };
  } catch (err) {
    return { ok: false, denied: false, why: err instanceof Error ? err.message : 'network error' };
  } finally {
    await http.close();
  }
}
