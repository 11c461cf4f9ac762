/**
 * Token self-service (auth/token/*-self) and sys/ endpoints of the Vault imitation:
 * leases (lookup, renew, revoke), sys/internal/ui/mounts (KV version detection), sys/mounts.
 */
import type { Mount } from './vault-config.js';
import type { VaultServer } from './vault.js';
import { type Ctx, type Reply, type TokenEntry, badRequest, noContent, ok, parseTtl, permissionDenied, strField, unsupportedPath } from './vault-types.js';

const secs = (ms: number): number => Math.floor(ms / 1000);

export function tokenLookupData(v: VaultServer, t: TokenEntry): Record<string, unknown> {
  const now = v.clock.now();
  return {
    accessor: t.accessor,
    creation_time: secs(t.issuedAt),
    creation_ttl: t.ttl,
    display_name: t.displayName,
    entity_id: t.entityId,
    expire_time: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString(),
    explicit_max_ttl: 0,
    id: t.id,
    identity_policies: [],
    issue_time: new Date(t.issuedAt).toISOString(),
    last_renewal: t.lastRenewal === null ? undefined : new Date(t.lastRenewal).toISOString(),
    meta: Object.keys(t.meta).length ? t.meta : null,
    num_uses: t.numUses,
    orphan: t.orphan,
    path: t.path,
    policies: t.policies,
    renewable: t.renewable,
    ttl: t.expiresAt === null ? 0 : Math.max(0, secs(t.expiresAt - now)),
    type: t.type,
  };
}

export function handleTokenSelf(v: VaultServer, ctx: Ctx): Reply {
  const t = ctx.token;
  if (!t) return permissionDenied();
  switch (`${ctx.method} ${ctx.path}`) {
    case 'GET auth/token/lookup-self':
      return ok(tokenLookupData(v, t));
    case 'POST auth/token/revoke-self':
      v.revokeToken(t);
      return noContent();
    case 'POST auth/token/renew-self': {
      if (!t.renewable) return badRequest('lease is not renewable');
      const inc = parseTtl(ctx.body['increment']) ?? t.ttl;
      const now = v.clock.now();
      t.expiresAt = now + inc * 1000;
      t.lastRenewal = now;
      v.counters.tokenRenewals++;
      return ok(null, { auth: { ...v.authObject(t), lease_duration: inc } });
    }
    default:
      return unsupportedPath();
  }
}

function leaseIdFrom(ctx: Ctx, op: string): string {
  const fromBody = strField(ctx.body, 'lease_id');
  if (fromBody) return fromBody;
  const prefix = `sys/leases/${op}/`;
  return ctx.path.startsWith(prefix) ? ctx.path.slice(prefix.length) : '';
}

function mountEntry(m: Mount): Record<string, unknown> {
  return {
    type: m.type,
    description: m.description,
    accessor: m.accessor,
    uuid: m.uuid,
    local: false,
    seal_wrap: false,
    external_entropy_access: false,
    options: m.type === 'kv' ? m.options : null,
    plugin_version: '',
    running_plugin_version: `v0.0.0+builtin`,
    running_sha256: '',
    config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
  };
}

export function handleSys(v: VaultServer, ctx: Ctx): Reply {
  const now = v.clock.now();
  if (ctx.path.startsWith('sys/leases/lookup') && ctx.method === 'POST') {
    const l = v.leases.get(leaseIdFrom(ctx, 'lookup'));
    if (!l || l.revoked || l.expiresAt <= now) return badRequest('invalid lease');
    return ok({
      id: l.id,
      issue_time: new Date(l.issuedAt).toISOString(),
      expire_time: new Date(l.expiresAt).toISOString(),
      last_renewal_time: l.lastRenewal === null ? null : new Date(l.lastRenewal).toISOString(),
      renewable: l.renewable,
      ttl: Math.max(0, secs(l.expiresAt - now)),
    });
  }
  if (ctx.path.startsWith('sys/leases/renew') && ctx.method === 'POST') {
    const l = v.leases.get(leaseIdFrom(ctx, 'renew'));
    if (!l || l.revoked || l.expiresAt <= now) return badRequest('lease not found');
    if (!l.renewable) return badRequest('lease is not renewable');
    const inc = parseTtl(ctx.body['increment']) ?? l.ttl;
    const capped = Math.min(inc, Math.max(0, secs(l.issuedAt + l.maxTtl * 1000 - now)));
    l.expiresAt = now + capped * 1000;
    l.lastRenewal = now;
    v.counters.leaseRenewals++;
    return { status: 200, body: { ...(ok(null, { lease_id: l.id, renewable: true, lease_duration: capped }).body as object) } };
  }
  if (ctx.path.startsWith('sys/leases/revoke') && !ctx.path.startsWith('sys/leases/revoke-') && ctx.method === 'POST') {
    const l = v.leases.get(leaseIdFrom(ctx, 'revoke'));
    if (l && !l.revoked) {
      l.revoked = true;
      v.counters.leaseRevocations++;
    }
    return noContent();
  }
  const ui = /^sys\/internal\/ui\/mounts\/(.+)$/.exec(ctx.path);
  if (ui && ctx.method === 'GET') {
    const m = v.findMount(ctx.namespace, ui[1] ?? '');
    if (!m || m.isAuth) return permissionDenied();
    return ok({ ...mountEntry(m), path: m.path });
  }
  if (ctx.path === 'sys/mounts' && ctx.method === 'GET') {
    const data: Record<string, unknown> = {};
    for (const m of v.mounts.values()) if (!m.isAuth && m.namespace === ctx.namespace) data[m.path] = mountEntry(m);
    return ok(data);
  }
  if (ctx.path === 'sys/auth' && ctx.method === 'GET') {
    const data: Record<string, unknown> = {};
    for (const m of v.mounts.values()) if (m.isAuth && m.namespace === ctx.namespace) data[m.path.slice(5)] = mountEntry(m);
    return ok(data);
  }
  return unsupportedPath();
}
