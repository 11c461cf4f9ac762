/**
 * One key against its provider's identity endpoint, classified live / revoked / unknown as
 * wire-facts-stores §12 says: 429, 5xx, network errors and anything unexpected are unknown,
 * never revoked. Only the identity endpoints are called; no body or header is logged.
 */
import type { HttpClient } from '../../core/http.js';
import { isObject } from '../../core/json.js';
import type { Provider } from './providers.js';

export type Verdict = 'live' | 'revoked' | 'unknown';

export interface CheckResult {
  verdict: Verdict;
  /** why, in words (never the key) */
  why: string;
}

export const USER_AGENT = 'pipeline-secrets-verify/1.0 (+https://github.com/pipeline-secrets/pipeline-secrets)';

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function unknown(status: number): CheckResult {
  return { verdict: 'unknown', why: status ? `HTTP ${status}` : 'no answer' };
}

export async function checkKey(http: HttpClient, provider: Exclude<Provider, 'aws'>, base: string, key: string): Promise<CheckResult> {
  const common = { 'User-Agent': USER_AGENT };
  switch (provider) {
    case 'github': {
      const r = await http.send(`${base}/user`, {
        headers: { ...common, Authorization: `Bearer ${key}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
        retry: false,
      });
      if (r.status === 200) return { verdict: 'live', why: 'GET /user answered 200' };
      if (r.status === 401) return { verdict: 'revoked', why: 'GET /user answered 401 Bad credentials' };
      const b = parse(r.body);
      if (r.status === 403 && isObject(b) && typeof b['message'] === 'string' && /not accessible by integration/i.test(b['message']))
        return { verdict: 'live', why: 'an app installation token (403 not accessible by integration)' };
      return unknown(r.status);
    }
    case 'gitlab': {
      const r = await http.send(`${base}/api/v4/user`, { headers: { ...common, 'PRIVATE-TOKEN': key }, retry: false });
      if (r.status === 200) return { verdict: 'live', why: 'GET /api/v4/user answered 200' };
      if (r.status === 401) return { verdict: 'revoked', why: 'GET /api/v4/user answered 401' };
      const b = parse(r.body);
      if (r.status === 403 && isObject(b) && b['error'] === 'insufficient_scope')
        return { verdict: 'live', why: 'live, without the read_user scope (403 insufficient_scope)' };
      return unknown(r.status);
    }
    case 'slack': {
      const r = await http.send(`${base}/api/auth.test`, {
        method: 'POST',
        headers: { ...common, Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: '',
        retry: false,
      });
      const b = parse(r.body);
      if (r.status !== 200 || !isObject(b)) return unknown(r.status);
      if (b['ok'] === true) return { verdict: 'live', why: 'auth.test ok' };
      const err = typeof b['error'] === 'string' ? b['error'] : '';
      if (['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'].includes(err))
        return { verdict: 'revoked', why: `auth.test ${err}` };
      return { verdict: 'unknown', why: `auth.test ${err.replace(/[^a-z_]/g, '').slice(0, 40) || 'not ok'}` };
    }
    case 'stripe': {
      const r = await http.send(`${base}/v1/account`, { headers: { ...common, Authorization: `Bearer ${key}` }, retry: false });
      if (r.status === 200) return { verdict: 'live', why: 'GET /v1/account answered 200' };
      if (r.status === 403) return { verdict: 'live', why: 'a restricted key (403 on /v1/account)' };
      if (r.status === 401) return { verdict: 'revoked', why: 'GET /v1/account answered 401' };
      return unknown(r.status);
    }
    case 'openai': {
      const r = await http.send(`${base}/v1/models`, { headers: { ...common, Authorization: `Bearer ${key}` }, retry: false });
      if (r.status === 200) return { verdict: 'live', why: 'GET /v1/models answered 200' };
      if (r.status === 401) return { verdict: 'revoked', why: 'GET /v1/models answered 401' };
      const b = parse(r.body);
      const e = isObject(b) && isObject(b['error']) ? b['error'] : {};
      if (r.status === 429 && e['code'] === 'insufficient_quota') return { verdict: 'live', why: 'live but without quota (429 insufficient_quota)' };
      return unknown(r.status);
    }
  }
}
