/**
 * fetch-secrets' post step: removes the files main wrote, revokes the leases of dynamic secrets
 * and (when main logged in itself) the token. A failure is a warning: the step never fails here.
 */
import { RemoteError, describeError } from '../../core/errors.js';
import { pool } from '../../core/pool.js';
import type { Runner } from '../../platform/runner.js';
import { FILES_STATE, removeInjectedFiles } from '../../secrets/inject.js';
import { vaultClient } from '../../vault/login.js';
import { checkToken, clientCaps, readVaultConnection } from '../shared/vault-config.js';
import { STATE } from './config.js';

function parseLeases(raw: string): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function post(r: Runner): Promise<void> {
  const removed = await removeInjectedFiles(r.getState(FILES_STATE));
  if (removed.removed) r.info(`Removed ${removed.removed} secret file(s).`);
  for (const f of removed.failed) r.warning(`Could not remove the secret file ${f.path} (${f.code})`, { title: 'Secret file not removed' });

  const leases = parseLeases(r.getState(STATE.leases));
  const created = r.getState(STATE.token);
  if (!leases.length && !created) return;
  let token: string;
  try {
    token = created || r.getState(STATE.leaseToken) || checkToken(r.input('token'), 'token') || checkToken(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
  } catch (err) {
    r.warning(`Could not revoke the leases: ${describeError(err)}`, { title: 'Leases not revoked' });
    return;
  }
  if (!token) {
    r.warning(`No Vault token in the post step: ${leases.length} lease(s) were not revoked and end with their TTL.`, { title: 'Leases not revoked' });
    return;
  }
  r.secret(token, 'the Vault token');
  let client: ReturnType<typeof vaultClient>;
  try {
    const conn = readVaultConnection(r);
    client = vaultClient({ ...conn, retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, clientCaps(r), token);
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
