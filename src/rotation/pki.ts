/**
 * Certificates issued by Vault PKI mounts: LIST `<mount>/certs`, read each
 * `<mount>/cert/<serial>` (public certificate and revocation time only; private keys are
 * never stored by Vault nor read here). Revoked certificates are skipped; per common name
 * only the newest certificate counts (older ones were replaced), so an expired one is a
 * finding only when nothing newer was issued for its name.
 */
import { X509Certificate } from 'node:crypto';
import { describeError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { chainItem, commonName, notAfter } from './chain.js';
import type { Item } from './item.js';
import { type Policy, resolve } from './policy.js';

export interface PkiApi {
  /** serials under `<mount>/certs` ([] when none) */
  listCerts(mount: string): Promise<string[]>;
  /** `<mount>/cert/<serial>` data */
  readCert(mount: string, serial: string): Promise<unknown>;
}

const MAX_CERTS = 2000;

export async function checkPki(api: PkiApi, mounts: readonly string[], nowMs: number, policy: Policy, info: (m: string) => void): Promise<Item[]> {
  const items: Item[] = [];
  for (const raw of mounts) {
    const mount = raw.trim().replace(/^\/+|\/+$/g, '');
    const newest = new Map<string, { cert: X509Certificate; serial: string }>();
    let skipped = 0;
    try {
      const serials = (await api.listCerts(mount)).slice(0, MAX_CERTS);
      for (const serial of serials) {
        const d = await api.readCert(mount, serial);
        if (!isObject(d) || typeof d['certificate'] !== 'string') continue;
        const revoked = typeof d['revocation_time'] === 'number' && d['revocation_time'] > 0;
        let cert: X509Certificate;
        try {
          cert = new X509Certificate(d['certificate']);
        } catch {
          continue;
        }
        if (revoked) {
          skipped++;
          continue;
        }
        const cn = commonName(cert);
        const prev = newest.get(cn);
        if (!prev || notAfter(cert) > notAfter(prev.cert)) newest.set(cn, { cert, serial });
      }
    } catch (err) {
      items.push({ kind: 'vault-pki', name: mount, status: 'fail', limit: '-', detail: `cannot list the certificates: ${describeError(err)}` });
      continue;
    }
    info(`vault-pki ${mount}: ${newest.size} current certificate(s), ${skipped} revoked skipped`);
    for (const [cn, { cert, serial }] of newest) {
      const name = `${mount}/${cn}`;
      const lim = resolve(policy, 'vault-pki', name);
      if (lim.ignore) continue;
      const it = chainItem('vault-pki', name, [cert], nowMs, lim);
      it.detail += ` (serial ${serial})`;
      items.push(it);
    }
  }
  return items;
}
