/**
 * The Vault side of rotate-check: the login (its inputs read by shared/vault-config.ts), an
 * adapter from VaultClient to the metadata-only calls the checks need, and the run of the KV,
 * PKI, token and lease checks. Only metadata endpoints are called, never KV data reads.
 */
import { RemoteError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import { type VaultClient, listKeys } from '../../vault/client.js';
import { type LoginOutcome, login as vaultLogin } from '../../vault/login.js';
import { loginCaps, readVaultLogin } from '../shared/vault-config.js';
import type { RotateConfig } from './config.js';
import type { Item } from '../../rotation/item.js';
import { type PkiApi, checkPki } from '../../rotation/pki.js';
import { type VaultMetaApi, checkKv, checkLease, checkToken } from '../../rotation/vault.js';

function notFound(err: unknown): boolean {
  return err instanceof RemoteError && err.status === 404;
}

export function metaApi(c: VaultClient): VaultMetaApi & PkiApi {
  return {
    async listCerts(mount) {
      try {
        return listKeys(await c.list(`${mount}/certs/`));
      } catch (err) {
        if (notFound(err)) return [];
        throw err;
      }
    },
    async readCert(mount, serial) {
      return (await c.read(`${mount}/cert/${serial}`)).data;
    },
    async listMetadata(mount, dir) {
      try {
        return listKeys(await c.list(`${mount}/metadata/${dir ? `${dir}/` : ''}`));
      } catch (err) {
        if (notFound(err)) return [];
        throw err;
      }
    },
    async readMetadata(mount, path) {
      try {
        return (await c.read(`${mount}/metadata/${path}`)).data ?? undefined;
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },
    async lookupSelf() {
      return (await c.read('auth/token/lookup-self')).data;
    },
    async lookupLease(leaseId) {
      return (await c.write('sys/leases/lookup', { lease_id: leaseId })).data;
    },
    async mountOf(path) {
      try {
        const m = await c.mountInfo(path);
        return m.type === 'kv' || m.type === 'generic' ? m.path : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export async function checkVault(r: Runner, cfg: RotateConfig): Promise<Item[]> {
  let login: LoginOutcome;
  try {
    login = await vaultLogin(readVaultLogin(r, { useEnvToken: true }), loginCaps(r));
  } catch (err) {
    // Vault down or the login refused: one failing item; the other checks still report
    if (!(err instanceof RemoteError)) throw err;
    return [{ kind: 'vault-token', name: 'vault login', status: 'fail', limit: '-', detail: `cannot log in to Vault: ${err.message}` }];
  }
  const { client } = login;
  try {
    const api = metaApi(client);
    const items: Item[] = [];
    if (cfg.vaultPaths.length) items.push(...(await checkKv(api, cfg.vaultPaths, cfg.nowMs, cfg.policy)));
    if (cfg.pkiMounts.length) items.push(...(await checkPki(api, cfg.pkiMounts, cfg.nowMs, cfg.policy, (m) => r.info(m))));
    if (cfg.checkToken) {
      const t = await checkToken(api, cfg.nowMs, cfg.policy);
      if (t) items.push(t);
    }
    for (const id of cfg.leases) {
      const l = await checkLease(api, id, cfg.nowMs, cfg.policy);
      if (l) items.push(l);
    }
    return items;
  } finally {
    // a token this step logged in for is revoked at once: rotate-check has no post step
    if (login.created)
      await client
        .revokeSelf()
        .catch((err: unknown) => r.warning(`could not revoke the Vault token of this step: ${err instanceof Error ? err.message : 'error'}`));
    await client.close();
  }
}
