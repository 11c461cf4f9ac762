/**
 * The CI identity token (OIDC JWT). On GitHub it is requested from the runner's token
 * service for an audience; on GitLab it sits in the env var the job's `id_tokens:` names.
 * A fresh token is fetched for every login attempt (tokens expire in minutes).
 */
import { UserError, RemoteError } from './errors.js';
import type { HttpClient } from './http.js';
import { isObject } from './json.js';

export interface GitHubTokenService {
  requestUrl: string;
  requestToken: string;
}

export const MISSING_GITHUB_ID_TOKEN =
  'the runner did not provide an OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL is not set). ' +
  'Add `permissions: id-token: write` to the workflow or job; pull requests from forks never get an OIDC token, ' +
  'use a pull_request_target or a separate trusted workflow for those';

export async function fetchGitHubIdToken(http: HttpClient, svc: GitHubTokenService, audience: string): Promise<string> {
  const sep = svc.requestUrl.includes('?') ? '&' : '?';
  const url = audience ? `${svc.requestUrl}${sep}audience=${encodeURIComponent(audience)}` : svc.requestUrl;
  const res = await http.json(url, { headers: { Authorization: `Bearer ${svc.requestToken}`, Accept: 'application/json' } });
  if (res.status !== 200) {
    throw new RemoteError(`the GitHub OIDC token service answered HTTP ${res.status}`, {
      service: 'GitHub OIDC',
      status: res.status,
      retryable: false,
      hint: res.status === 403 || res.status === 401 ? 'check `permissions: id-token: write` on the job' : '',
    });
  }
  const value = isObject(res.body) ? res.body['value'] : undefined;
  if (typeof value !== 'string' || value.split('.').length !== 3) {
    throw new RemoteError('the GitHub OIDC token service answered without a token in "value"', {
      service: 'GitHub OIDC',
      status: res.status,
      retryable: false,
    });
  }
  return value;
}

/** Reads a GitLab `id_tokens:` variable. */
export function gitlabIdToken(value: string | undefined, varName: string): string {
  if (!value) {
    throw new UserError(
      'id-token-var',
      `the job has no ID token in $${varName}: declare it in the job, e.g. \`id_tokens: { ${varName}: { aud: "<audience>" } }\``,
    );
  }
  if (value.split('.').length !== 3) throw new UserError('id-token-var', `$${varName} does not hold a JWT`);
  return value;
}
