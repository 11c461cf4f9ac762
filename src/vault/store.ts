/** Vault as fetch-secrets reads it: the Vault client adapted to fetch.ts's SecretSource. */
import { RemoteError } from '../core/errors.js';
import type { VaultClient } from './client.js';
import type { Answer, SecretSource } from './fetch.js';

export function vaultSource(client: VaultClient, debug: (m: string) => void): SecretSource {
  let policies: Promise<string[]> | undefined;
  return {
    debug,
    async request(method, path, opts): Promise<Answer> {
      try {
        const res = await client.request(method, path, opts.body, opts.version !== undefined ? { query: { version: String(opts.version) } } : {});
        return { found: true, leaseId: res.leaseId, leaseDuration: res.leaseDuration, renewable: res.renewable, data: res.data, mountType: res.mountType };
      } catch (err) {
        if (err instanceof RemoteError && err.status === 404) return { found: false, deleted: err.code === 'deleted' };
        throw err;
      }
    },
    async mountInfo(path) {
      try {
        const m = await client.mountInfo(path);
        return { path: m.path, type: m.type, kvVersion: m.type === 'kv' ? Number(m.version || '1') : 0 };
      } catch (err) {
        if (err instanceof RemoteError && err.status < 500) return null;
        throw err;
      }
    },
    policies() {
      policies ??= client.lookupSelf().then(
        (t) => t.policies,
        () => [],
      );
      return policies;
    },
  };
}
