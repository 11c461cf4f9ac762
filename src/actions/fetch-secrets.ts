/**
 * fetch-secrets: Vault KV v1/v2, dynamic and PKI secrets into env vars, step outputs and
 * 0600 files, every value masked first; all fetched in parallel and validated before anything
 * is injected. The post step removes the files, revokes the leases and (when this step logged
 * in) the token. Glue only: the protocol lives in src/vault.
 */
import { RemoteError, describeError } from '../core/errors.js';
import { parseBool, parseIntIn } from '../core/parse.js';
import type { Action, Runner } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';
import { loginFromInputs, loginInputs, vaultClient, vaultConnection } from '../vault/login.js';
import { parseSecretsInput, SECRETS_INPUT } from '../vault/selectors.js';
import { fetchAll, groupFetches } from '../vault/secrets.js';
import { vaultSource } from '../vault/fetch-source.js';
import { selectValues } from '../vault/values.js';
import { FILES_STATE, inject, removeInjectedFiles, summaryMarkdown } from '../vault/inject.js';
import { pool } from '../vault/pool.js';

export const fetchSecretsSpec: ActionSpec = {
  name: 'fetch-secrets',
  summary: 'read Vault KV v1/v2, dynamic and PKI secrets in parallel into masked env vars, step outputs or 0600 files; revoke leases when the job ends',
  inputs: [
    { name: 'secrets', description: 'one selector per line (";" also separates), vault-action syntax: "secret/data/ci/app api_key | API_KEY"; "path *" for every key; "a.b" for a nested field; "path?version=N"; "| file:NAME", "| dotenv:NAME", "| json:NAME" for files; "pki/issue/ROLE common_name=HOST ttl=1h | file:TLS" for a certificate' },
    { name: 'export-env', description: 'export each value (or file path) as an environment variable for later steps', default: 'true' },
    { name: 'outputs', description: 'set each value (or file path) as a step output (masked outputs are not passed to other jobs)', default: 'true' },
    { name: 'ignore-not-found', description: 'skip a missing path or key with a warning instead of failing the step', default: 'false' },
    { name: 'revoke-leases', description: 'revoke the leases of dynamic secrets (database, aws ...) in the post step', default: 'true' },
    { name: 'concurrency', description: 'at most this many Vault requests in flight (1-64)', default: '8' },
    ...loginInputs,
    { name: 'revoke', description: 'when this step logged in itself (no token given), revoke that token in the post step', default: 'true' },
    { name: 'exportEnv', description: 'the name hashicorp/vault-action uses for export-env (wins when set)', default: '' },
    { name: 'ignoreNotFound', description: 'the name hashicorp/vault-action uses for ignore-not-found (wins when set)', default: '' },
  ],
};

const LEASES_STATE = 'fetchSecretsLeases';
const TOKEN_STATE = 'fetchSecretsToken';

function flag(r: Runner, name: string, alias: string, dflt: boolean): boolean {
  const a = r.input(alias);
  return a.trim() ? parseBool(a, alias, dflt) : parseBool(r.input(name), name, dflt);
}

async function main(r: Runner): Promise<void> {
  // Every input is checked before any network call.
  const selectors = parseSecretsInput(r.input(SECRETS_INPUT));
  const exportEnv = flag(r, 'export-env', 'exportEnv', true);
  const outputs = parseBool(r.input('outputs'), 'outputs', true);
  const ignoreNotFound = flag(r, 'ignore-not-found', 'ignoreNotFound', false);
  const revokeLeases = parseBool(r.input('revoke-leases'), 'revoke-leases', true);
  const revoke = parseBool(r.input('revoke'), 'revoke', true);
  const concurrency = parseIntIn(r.input('concurrency'), 'concurrency', 8, 1, 64);

  const login = await loginFromInputs(r, { useEnvToken: true });
  const { client } = login;
  try {
    if (login.created) {
      r.secret(login.token, 'the Vault token');
      if (revoke) {
        r.saveState(TOKEN_STATE, login.token);
        r.info(`Logged in to Vault with ${login.method}; the token is revoked when the job ends.`);
      }
    }
    const fetches = groupFetches(selectors);
    const started = Date.now();
    const result = await fetchAll(vaultSource(client, (m) => r.debug(m)), fetches, { concurrency, ignoreNotFound });
    const ms = Date.now() - started;
    r.debug(`fetched ${fetches.length} path(s) in ${ms} ms (concurrency ${concurrency})`);

    // Leases are saved before anything else can fail, so the post step revokes them all.
    const leases = result.fetched.flatMap((f) => (f.leaseId ? [f.leaseId] : []));
    if (leases.length) {
      if (revokeLeases) r.saveState(LEASES_STATE, JSON.stringify(leases));
      else r.info(`revoke-leases is false: ${leases.length} lease(s) stay valid until their TTL ends.`);
    }
    if (result.error) throw result.error;

    const selected = selectValues(result.fetched, { ignoreNotFound, outputs });
    const skipped = [...result.skipped.map((e) => e.message), ...selected.skipped];
    for (const s of skipped) r.warning(`ignore-not-found: skipped ${s}`, { title: 'Secret not found' });
    const done = await inject(r, selected.items, { exportEnv, outputs });

    const files = done.filter((d) => d.file).length;
    r.info(`Injected ${done.length} value(s) from ${fetches.length} path(s) in ${ms} ms${files ? `, ${files} as files` : ''}${leases.length ? `, ${leases.length} lease(s)` : ''}.`);
    if (outputs && done.length && r.platform === 'github') {
      r.warning('Secret step outputs are masked, and GitHub drops masked outputs passed to another job (actions/runner#1061): use them in this job, and run fetch-secrets again in any job that needs the values.', { title: 'Masked outputs stay in this job' });
    }
    await r.summary(summaryMarkdown(done, { exportEnv, outputs, requests: fetches.length, ms, skipped }));
  } finally {
    await client.close();
  }
}

function parseLeases(raw: string): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

async function post(r: Runner): Promise<void> {
  const removed = await removeInjectedFiles(r.getState(FILES_STATE));
  if (removed.removed) r.info(`Removed ${removed.removed} secret file(s).`);
  for (const f of removed.failed) r.warning(`Could not remove the secret file ${f.path} (${f.code})`, { title: 'Secret file not removed' });

  const leases = parseLeases(r.getState(LEASES_STATE));
  const created = r.getState(TOKEN_STATE);
  if (!leases.length && !created) return;
  const token = created || r.input('token').trim() || (r.env('VAULT_TOKEN') ?? '').trim();
  if (!token) {
    r.warning(`No Vault token in the post step: ${leases.length} lease(s) were not revoked and end with their TTL.`, { title: 'Leases not revoked' });
    return;
  }
  r.secret(token, 'the Vault token');
  let client;
  try {
    const conn = vaultConnection(r);
    client = vaultClient(r, { ...conn, retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, token);
  } catch (err) {
    r.warning(`Could not revoke the leases: ${describeError(err)}`);
    return;
  }
  try {
    const results = await pool(leases, 8, (id) => client.revokeLease(id));
    let ok = 0;
    results.forEach((res, i) => {
      if (res.ok) ok++;
      else r.warning(`Could not revoke the lease ${leases[i] ?? ''}; it ends with its TTL: ${describeError(res.error)}`, { title: 'Lease not revoked' });
    });
    if (ok) r.info(`Revoked ${ok} lease(s) (sys/leases/revoke).`);
    if (created) {
      try {
        await client.revokeSelf();
        r.info('Revoked the Vault token this step logged in with.');
      } catch (err) {
        if (err instanceof RemoteError && err.code === 'invalid_token') r.info('The Vault token was already revoked or expired.');
        else r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${describeError(err)}`, { title: 'Vault token not revoked' });
      }
    }
  } finally {
    await client.close();
  }
}

export const fetchSecrets: Action = { name: 'fetch-secrets', main, post };
