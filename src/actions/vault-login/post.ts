/** vault-login's post step: revokes the token main created (auth/token/revoke-self), unless revoke is false. */
import { RemoteError, describeError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import type { VaultClient } from '../../vault/client.js';
import { vaultClient } from '../../vault/login.js';
import { clientCaps } from '../shared/vault-config.js';
import { STATE, readRevokeConnection } from './config.js';

export async function post(r: Runner): Promise<void> {
  const token = r.getState(STATE.token);
  if (!token) {
    r.info('No Vault token to revoke (none was created, or revoke is false).');
    return;
  }
  r.secret(token, 'the Vault token');
  let client: VaultClient;
  try {
    client = vaultClient(readRevokeConnection(r), clientCaps(r), token);
  } catch (err) {
    r.warning(`Could not revoke the Vault token: ${describeError(err)}`);
    return;
  }
  try {
    await client.revokeSelf();
    r.info('Revoked the Vault token (auth/token/revoke-self).');
  } catch (err) {
    if (err instanceof RemoteError && err.code === 'invalid_token') r.info('The Vault token was already revoked or expired.');
    else r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${describeError(err)}`, { title: 'Vault token not revoked' });
  } finally {
    await client.close();
  }
}
