/**
 * Vault checks on metadata only (never a KV data read): KV v2 secrets found by LISTing
 * `<mount>/metadata/` recursively under the given paths, the age of each current version
 * against the policy, `custom_metadata` rotation_period / expires_at / owner, older versions
 * still readable long after rotation; the token in use (lookup-self) and listed leases.
 */
import { describeError } from '../core/errors.js';
import { type JsonObject, bool, isObject, num, obj, optStr, str } from '../core/json.js';
import { parseDuration } from '../core/parse.js';
import { type Item, type Status, DAY, ageLimitText, ageStatus, expiryLimitText, expiryStatus, human, worst } from './item.js';
import { type Policy, resolve } from './policy.js';

/** What rotate-check needs from a Vault client; payloads are `data` objects, unvalidated. */
export interface VaultMetaApi {
  /** keys under `<mount>/metadata/<dir>/` (sub-folders end in "/"); [] when none */
  listMetadata(mount: string, dir: string): Promise<string[]>;
  /** `<mount>/metadata/<path>` data, or undefined when the secret does not exist */
  readMetadata(mount: string, path: string): Promise<unknown>;
  lookupSelf(): Promise<unknown>;
  lookupLease(leaseId: string): Promise<unknown>;
  /** the KV mount holding a path (sys/internal/ui/mounts), when the client can tell */
  mountOf?(path: string): Promise<string | undefined>;
}

const MAX_SECRETS = 5000;

function ms(v: unknown, field: string): number {
  const t = Date.parse(str(v, field));
  if (Number.isNaN(t)) throw new Error(`${field}: not an RFC 3339 time`);
  return t;
}

/** Splits "secret/ci/db" into mount and path: the client's answer, else the first segment. */
async function splitPath(api: VaultMetaApi, raw: string): Promise<{ mount: string; path: string }> {
  const clean = raw.trim().replace(/^\/+/, '');
  const mount = (await api.mountOf?.(clean))?.replace(/\/+$/, '');
  if (mount && (clean === mount || clean.startsWith(`${mount}/`))) return { mount, path: clean.slice(mount.length).replace(/^\/+/, '') };
  const i = clean.indexOf('/');
  return i < 0 ? { mount: clean, path: '' } : { mount: clean.slice(0, i), path: clean.slice(i + 1) };
}

/** Every secret path under `path` (itself when it is a secret and does not end in "/"). */
async function collect(api: VaultMetaApi, mount: string, path: string, out: Map<string, JsonObject>): Promise<void> {
  if (path && !path.endsWith('/')) {
    const meta = await api.readMetadata(mount, path);
    if (meta !== undefined) {
      out.set(`${mount}/${path}`, obj(meta, `${mount}/metadata/${path}`));
      return;
    }
  }
  const dirs = [path && !path.endsWith('/') ? `${path}/` : path];
  while (dirs.length && out.size < MAX_SECRETS) {
    const dir = dirs.shift() ?? '';
    for (const key of await api.listMetadata(mount, dir.replace(/\/$/, ''))) {
      const full = `${dir}${key}`;
      if (key.endsWith('/')) dirs.push(full);
      else {
        const meta = await api.readMetadata(mount, full);
        if (meta !== undefined) out.set(`${mount}/${full}`, obj(meta, `${mount}/metadata/${full}`));
      }
    }
  }
}

/** One KV v2 secret's item from its metadata. */
export function kvItem(name: string, meta: JsonObject, nowMs: number, policy: Policy): Item | undefined {
  const lim = resolve(policy, 'vault-kv', name);
  if (lim.ignore) return undefined;
  const f = `${name} metadata`;
  const current = num(meta['current_version'], `${f}.current_version`);
  const versions = obj(meta['versions'] ?? {}, `${f}.versions`);
  const custom = meta['custom_metadata'] === null || meta['custom_metadata'] === undefined ? {} : obj(meta['custom_metadata'], `${f}.custom_metadata`);
  const cur = versions[String(current)];
  if (
    isObject(cur) &&
    (cur['destroyed'] === true || (typeof cur['deletion_time'] === 'string' && cur['deletion_time'] && Date.parse(cur['deletion_time']) <= nowMs))
  ) {
    return { kind: 'vault-kv', name, status: 'ok', limit: ageLimitText(lim), detail: `the current version ${current} is deleted: nothing to rotate` };
  }
  const createdMs = isObject(cur) ? ms(cur['created_time'], `${f}.versions.${current}.created_time`) : ms(meta['updated_time'], `${f}.updated_time`);
  const ageSec = Math.floor((nowMs - createdMs) / 1000);
  const notes: string[] = [];
  let maxAge = lim.maxAgeSec;
  let status: Status = 'ok';
  const period = custom['rotation_period'];
  if (typeof period === 'string' && period.trim()) {
    try {
      maxAge = Math.min(maxAge, parseDuration(period, 'rotation_period'));
    } catch {
      status = 'warn';
      notes.push('custom_metadata.rotation_period is not a duration such as 30d');
    }
  }
  status = worst(status, ageStatus(ageSec, { maxAgeSec: maxAge, warnBeforeSec: lim.warnBeforeSec }));
  notes.unshift(
    status === 'fail' ? `version ${current} is ${Math.floor(ageSec / DAY)} days old: rotate it` : `version ${current}, ${Math.floor(ageSec / DAY)} days old`,
  );
  const item: Item = {
    kind: 'vault-kv',
    name,
    status,
    ageSec,
    limit: ageLimitText({ maxAgeSec: maxAge, warnBeforeSec: lim.warnBeforeSec }),
    detail: '',
    created: new Date(createdMs).toISOString(),
  };
  const expiresAt = custom['expires_at'];
  if (typeof expiresAt === 'string' && expiresAt.trim()) {
    const end = Date.parse(expiresAt);
    if (Number.isNaN(end)) {
      item.status = worst(item.status, 'warn');
      notes.push('custom_metadata.expires_at is not an RFC 3339 time');
    } else {
      item.leftSec = Math.floor((end - nowMs) / 1000);
      item.expires = new Date(end).toISOString();
      const es = expiryStatus(item.leftSec, lim);
      item.status = worst(item.status, es);
      item.limit += `; ${expiryLimitText(lim)}`;
      notes.push(item.leftSec <= 0 ? `expired ${item.expires.slice(0, 10)} (custom_metadata.expires_at)` : `expires ${item.expires.slice(0, 10)}`);
    }
  }
  const owner = custom['owner'];
  if (typeof owner === 'string' && owner) item.owner = owner.slice(0, 100);
  // older versions still readable long after they were replaced
  const nums = Object.keys(versions)
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
  let readable = 0;
  let oldestSupersededMs = Infinity;
  for (const n of nums) {
    if (n >= current) continue;
    const v = obj(versions[String(n)], `${f}.versions.${n}`);
    const destroyed = v['destroyed'] === undefined ? false : bool(v['destroyed'], `${f}.versions.${n}.destroyed`);
    const del = optStr(v['deletion_time'], `${f}.versions.${n}.deletion_time`) ?? '';
    if (destroyed || (del && Date.parse(del) <= nowMs)) continue;
    const next = nums.find((m) => m > n);
    const nextV = next === undefined ? undefined : versions[String(next)];
    const supersededMs = isObject(nextV) && typeof nextV['created_time'] === 'string' ? Date.parse(nextV['created_time']) : createdMs;
    if (nowMs - supersededMs > lim.oldVersionGraceSec * 1000) {
      readable++;
      oldestSupersededMs = Math.min(oldestSupersededMs, supersededMs);
    }
  }
  if (readable) {
    item.status = worst(item.status, 'warn');
    notes.push(
      `${readable} older version${readable > 1 ? 's' : ''} still readable, replaced ${human(Math.floor((nowMs - oldestSupersededMs) / 1000))} ago: destroy ${readable > 1 ? 'them' : 'it'} or set delete_version_after`,
    );
  }
  item.detail = notes.join('; ');
  return item;
}

export async function checkKv(api: VaultMetaApi, paths: readonly string[], nowMs: number, policy: Policy): Promise<Item[]> {
  const items: Item[] = [];
  for (const raw of paths) {
    const found = new Map<string, JsonObject>();
    try {
      const { mount, path } = await splitPath(api, raw);
      await collect(api, mount, path, found);
    } catch (err) {
      items.push({ kind: 'vault-kv', name: raw, status: 'fail', limit: '-', detail: `cannot read the metadata: ${describeError(err)}` });
      continue;
    }
    if (!found.size) items.push({ kind: 'vault-kv', name: raw, status: 'warn', limit: '-', detail: 'no KV v2 secret found under this path' });
    for (const [name, meta] of found) {
      try {
        const it = kvItem(name, meta, nowMs, policy);
        if (it) items.push(it);
      } catch (err) {
        items.push({ kind: 'vault-kv', name, status: 'fail', limit: '-', detail: `unexpected metadata: ${describeError(err)}` });
      }
    }
  }
  return items;
}

/** The token in use: age against the max age, no expiry, root. */
export async function checkToken(api: VaultMetaApi, nowMs: number, policy: Policy): Promise<Item | undefined> {
  const name = 'token in use';
  const lim = resolve(policy, 'vault-token', name);
  if (lim.ignore) return undefined;
  let d: JsonObject;
  try {
    d = obj(await api.lookupSelf(), 'lookup-self data');
  } catch (err) {
    return { kind: 'vault-token', name, status: 'fail', limit: '-', detail: `cannot look up the token: ${describeError(err)}` };
  }
  const ttl = num(d['ttl'], 'lookup-self.ttl');
  const renewable = d['renewable'] === true;
  const created = typeof d['creation_time'] === 'number' ? d['creation_time'] * 1000 : undefined;
  const policies = Array.isArray(d['policies']) ? d['policies'].filter((p): p is string => typeof p === 'string') : [];
  const path = typeof d['path'] === 'string' ? d['path'] : '';
  const item: Item = { kind: 'vault-token', name: path ? `${name} (${path})` : name, status: 'ok', limit: ageLimitText(lim), detail: '' };
  const notes: string[] = [`${renewable ? 'renewable' : 'not renewable'}`];
  if (created !== undefined) {
    item.ageSec = Math.floor((nowMs - created) / 1000);
    item.created = new Date(created).toISOString();
    item.status = ageStatus(item.ageSec, lim);
    if (item.status === 'fail') notes.unshift(`issued ${Math.floor(item.ageSec / DAY)} days ago: use short-lived tokens`);
  }
  if (ttl > 0) {
    item.leftSec = ttl;
    notes.push(`TTL ${human(ttl)}`);
  } else if (policies.includes('root')) {
    item.status = 'fail';
    notes.unshift('a root token: never use one in CI');
  } else {
    item.status = worst(item.status, 'warn');
    notes.unshift('never expires (no TTL): use a token with a TTL');
  }
  item.detail = notes.join('; ');
  return item;
}

/** A lease: remaining TTL against the windows (renewable leases only warn), and its age. */
export async function checkLease(api: VaultMetaApi, leaseId: string, nowMs: number, policy: Policy): Promise<Item | undefined> {
  const lim = resolve(policy, 'vault-lease', leaseId);
  if (lim.ignore) return undefined;
  let d: JsonObject;
  try {
    d = obj(await api.lookupLease(leaseId), 'lease lookup data');
  } catch (err) {
    return {
      kind: 'vault-lease',
      name: leaseId,
      status: 'fail',
      limit: expiryLimitText(lim),
      detail: `lease not found (expired or revoked?): ${describeError(err)}`,
    };
  }
  const ttl = num(d['ttl'], 'lease.ttl');
  const renewable = d['renewable'] === true;
  const issued = typeof d['issue_time'] === 'string' ? Date.parse(d['issue_time']) : NaN;
  let status = expiryStatus(ttl, lim);
  if (renewable && status === 'fail' && ttl > 0) status = 'warn';
  const item: Item = { kind: 'vault-lease', name: leaseId, status, leftSec: ttl, limit: `${expiryLimitText(lim)}; ${ageLimitText(lim)}`, detail: '' };
  const notes = [renewable ? `renewable, ${human(ttl)} left` : `not renewable, ${human(ttl)} left: the credentials must be replaced before then`];
  if (!Number.isNaN(issued)) {
    item.ageSec = Math.floor((nowMs - issued) / 1000);
    item.created = new Date(issued).toISOString();
    const a = ageStatus(item.ageSec, lim);
    if (a === 'fail') notes.unshift(`issued ${Math.floor(item.ageSec / DAY)} days ago: the credentials behind it were never rotated`);
    item.status = worst(item.status, a);
  }
  if (typeof d['expire_time'] === 'string') item.expires = d['expire_time'];
  item.detail = notes.join('; ');
  return item;
}
