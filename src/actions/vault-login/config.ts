/**
 * vault-login's configuration: every input read and checked (and every secret among them
 * registered) before any network call; every error names its input.
 */
import { UserError } from '../../core/errors.js';
import { parseBool } from '../../core/parse.js';
import type { Runner } from '../../platform/runner.js';
import type { LoginOptions, VaultConnectionOptions } from '../../vault/login.js';
import { parseStepTimeout, readVaultConnection, readVaultLogin } from '../shared/vault-config.js';

export interface Config {
  /** export VAULT_ADDR, VAULT_TOKEN (and VAULT_NAMESPACE) to the job */
  exportToken: boolean;
  /** also the vault_token output (vault-action's name) */
  outputToken: boolean;
  /** revoke a token this step created, in the post step */
  revoke: boolean;
  /** the whole login, in seconds */
  timeoutS: number;
  login: LoginOptions;
}

export function readConfig(r: Runner): Config {
  for (const name of ['secrets', 'pki'] as const) {
    if (r.input(name).trim())
      throw new UserError(
        name,
        'vault-login only logs in: read secrets with fetch-secrets (uses: .../actions/fetch-secrets@v1), which takes the same with: block, or after this step with VAULT_TOKEN',
      );
  }
  const exportToken = parseBool(r.input('export-token'), 'export-token', true);
  const outputToken = parseBool(r.input('output-token'), 'output-token', false);
  const revoke = parseBool(r.input('revoke'), 'revoke', true);
  const timeoutS = parseStepTimeout(r.input('timeout'), 300);
  return { exportToken, outputToken, revoke, timeoutS, login: readVaultLogin(r, { pending: new Set<string>() }) };
}

/** State main leaves for post (only when post is to revoke the token). */
export const STATE = { token: 'token', url: 'url', namespace: 'namespace' } as const;

/** The post step's connection: the inputs', at the URL and namespace main logged in to, with at most 3 attempts. */
export function readRevokeConnection(r: Runner): VaultConnectionOptions {
  const conn = readVaultConnection(r);
  return {
    ...conn,
    url: r.getState(STATE.url) || conn.url,
    namespace: r.getState(STATE.namespace),
    retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) },
  };
}
