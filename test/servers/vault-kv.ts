/** KV v1 and v2 of the Vault imitation (wire-facts §3). */
import { type Kv2Secret, type Kv2Version, type Mount, kv2Write } from './vault-config.js';
import type { VaultServer } from './vault.js';
import { type Ctx, type Reply, badRequest, envelope, noContent, notFound, ok, parseTtl, rfc3339, unsupportedPath } from './vault-types.js';

/** Keys directly under `dir` ('' for the root); sub-folders end in '/'. */
function listKeys(paths: Iterable<string>, dir: string): string[] {
  const prefix = dir ? `${dir}/` : '';
  const keys = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  return [...keys].filter(Boolean).sort();
}

function versionMeta(s: Kv2Secret, n: number, ver: Kv2Version): Record<string, unknown> {
  return {
    created_time: rfc3339(ver.createdTime),
    custom_metadata: s.customMetadata,
    deletion_time: ver.deletionTime === null ? '' : rfc3339(ver.deletionTime),
    destroyed: ver.destroyed,
    version: n,
  };
}

function versionsOf(body: Record<string, unknown>): number[] {
  const v = body['versions'];
  return Array.isArray(v) ? v.map(Number).filter((n) => Number.isInteger(n)) : [];
}

export function handleKv(v: VaultServer, m: Mount, sub: string, ctx: Ctx): Reply {
  return m.options['version'] === '1' ? kv1(v, m, sub, ctx) : kv2(v, m, sub, ctx);
}

function kv1(_v: VaultServer, m: Mount, sub: string, ctx: Ctx): Reply {
  switch (ctx.method) {
    case 'GET': {
      const data = m.kv1.get(sub);
      if (!data) return notFound();
      const ttl = parseTtl(data['ttl']) ?? parseTtl(data['lease']) ?? m.defaultTtl;
      return ok(data, { lease_duration: ttl, mount_type: 'kv' });
    }
    case 'POST':
      if (!sub) return unsupportedPath();
      m.kv1.set(sub, { ...ctx.body });
      return noContent();
    case 'DELETE':
      m.kv1.delete(sub);
      return noContent();
    case 'LIST': {
      const keys = listKeys(m.kv1.keys(), sub);
      return keys.length ? ok({ keys }, { mount_type: 'kv' }) : notFound();
    }
  }
}

function kv2(v: VaultServer, m: Mount, sub: string, ctx: Ctx): Reply {
  const slash = sub.indexOf('/');
  const op = slash < 0 ? sub : sub.slice(0, slash);
  const path = slash < 0 ? '' : sub.slice(slash + 1);
  const s = m.kv2.get(path);
  const now = v.clock.now();
  const key = `${ctx.method} ${op}`;
  switch (key) {
    case 'GET data': {
      if (!s) return notFound();
      const n = Number(ctx.query.get('version') ?? 0) || s.current;
      const ver = s.versions.get(n);
      if (!ver) return notFound();
      const metadata = versionMeta(s, n, ver);
      if (ver.destroyed || (ver.deletionTime !== null && ver.deletionTime <= now)) {
        return { status: 404, body: envelope({ data: { data: null, metadata }, mount_type: 'kv' }) };
      }
      return ok({ data: ver.data, metadata }, { mount_type: 'kv' });
    }
    case 'POST data': {
      if (!path) return unsupportedPath();
      const data = ctx.body['data'];
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return badRequest('no data provided');
      const opts = ctx.body['options'];
      const cas = typeof opts === 'object' && opts !== null ? (opts as Record<string, unknown>)['cas'] : undefined;
      if (cas === undefined && s?.casRequired) return badRequest('check-and-set parameter required for this call');
      if (cas !== undefined && Number(cas) !== (s?.current ?? 0)) return badRequest('check-and-set parameter did not match the current version');
      const written = kv2Write(m, path, data as Record<string, unknown>, now);
      const ver = written.versions.get(written.current);
      return ok(ver ? versionMeta(written, written.current, ver) : null, { mount_type: 'kv' });
    }
    case 'DELETE data': {
      const ver = s?.versions.get(s.current);
      if (ver && ver.deletionTime === null) ver.deletionTime = now;
      return noContent();
    }
    case 'POST delete':
    case 'POST undelete':
    case 'POST destroy': {
      for (const n of versionsOf(ctx.body)) {
        const ver = s?.versions.get(n);
        if (!ver) continue;
        if (op === 'delete' && ver.deletionTime === null) ver.deletionTime = now;
        if (op === 'undelete' && !ver.destroyed) ver.deletionTime = null;
        if (op === 'destroy') {
          ver.destroyed = true;
          ver.data = {};
        }
      }
      return noContent();
    }
    case 'GET metadata': {
      if (!s) return notFound();
      const versions: Record<string, unknown> = {};
      for (const [n, ver] of s.versions)
        versions[String(n)] = {
          created_time: rfc3339(ver.createdTime),
          deletion_time: ver.deletionTime === null ? '' : rfc3339(ver.deletionTime),
          destroyed: ver.destroyed,
        };
      return ok(
        {
          cas_required: s.casRequired,
          created_time: rfc3339(s.createdTime),
          current_version: s.current,
          custom_metadata: s.customMetadata,
          delete_version_after: s.deleteVersionAfter,
          max_versions: s.maxVersions,
          oldest_version: s.oldest,
          updated_time: rfc3339(s.updatedTime),
          versions,
        },
        { mount_type: 'kv' },
      );
    }
    case 'POST metadata': {
      if (!path) return unsupportedPath();
      const target = s ?? {
        versions: new Map(),
        current: 0,
        oldest: 0,
        createdTime: now,
        updatedTime: now,
        customMetadata: null,
        maxVersions: 0,
        casRequired: false,
        deleteVersionAfter: '0s',
      };
      m.kv2.set(path, target);
      const b = ctx.body;
      if (typeof b['max_versions'] === 'number') target.maxVersions = b['max_versions'];
      if (typeof b['cas_required'] === 'boolean') target.casRequired = b['cas_required'];
      if (typeof b['delete_version_after'] === 'string') target.deleteVersionAfter = b['delete_version_after'];
      const cm = b['custom_metadata'];
      if (typeof cm === 'object' && cm !== null && !Array.isArray(cm)) {
        const entries = Object.entries(cm as Record<string, unknown>);
        if (entries.length > 64) return badRequest('custom_metadata: at most 64 keys');
        target.customMetadata = Object.fromEntries(entries.map(([k, x]) => [k, String(x)]));
      }
      target.updatedTime = now;
      return noContent();
    }
    case 'DELETE metadata':
      m.kv2.delete(path);
      return noContent();
    case 'LIST metadata': {
      const keys = listKeys(m.kv2.keys(), path);
      return keys.length ? ok({ keys }, { mount_type: 'kv' }) : notFound();
    }
    default:
      return ctx.method === 'GET' ? notFound() : unsupportedPath();
  }
}
