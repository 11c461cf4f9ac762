/**
 * The configuration side of the Vault imitation: clock, namespaces, policies, mounts, auth
 * roles and seeded secrets. VaultServer (vault.ts) extends it with the HTTP side.
 */
import { type Capability, DEFAULT_TTL, randomAlnum, uuid } from './vault-types.js';

export interface JwtAuthConfig {
  /** the issuer's JWKS (e.g. `${issuer.url}/.well-known/jwks`); unset = "could not load configuration" */
  jwksUrl?: string;
  boundIssuer?: string;
  defaultRole?: string;
  /** allowed algorithms (default RS/ES/PS 256–512 and EdDSA) */
  supportedAlgs?: string[];
}

export interface JwtRole {
  role_type?: 'jwt' | 'oidc';
  bound_audiences?: string[];
  bound_subject?: string;
  bound_claims?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  bound_claims_type?: 'string' | 'glob';
  user_claim?: string;
  claim_mappings?: Record<string, string>;
  token_policies?: string[];
  token_ttl?: number;
  token_type?: 'service' | 'batch' | 'default';
  token_no_default_policy?: boolean;
  token_num_uses?: number;
  /** seconds of leeway (default 60; -1 disables) */
  clock_skew_leeway?: number;
}

export interface ApproleRole {
  token_policies?: string[];
  token_ttl?: number;
  token_type?: 'service' | 'batch';
  /** default true: a secret_id is required */
  bind_secret_id?: boolean;
}

export interface KubernetesRole {
  bound_service_account_names: string[];
  bound_service_account_namespaces: string[];
  token_policies?: string[];
  token_ttl?: number;
  audience?: string;
}

export interface DatabaseRole {
  default_ttl?: number;
  max_ttl?: number;
}

export interface PkiRole {
  allowed_domains?: string[];
  allow_subdomains?: boolean;
  allow_any_name?: boolean;
  max_ttl?: number;
  key_type?: 'rsa' | 'ec';
  generate_lease?: boolean;
}

export interface Kv2Version {
  data: Record<string, unknown>;
  createdTime: number;
  deletionTime: number | null;
  destroyed: boolean;
}

export interface Kv2Secret {
  versions: Map<number, Kv2Version>;
  current: number;
  oldest: number;
  createdTime: number;
  updatedTime: number;
  customMetadata: Record<string, string> | null;
  maxVersions: number;
  casRequired: boolean;
  deleteVersionAfter: string;
}

export interface MountOptions {
  type: 'kv' | 'database' | 'aws' | 'pki' | string;
  /** kv only: 1 or 2 (default 2) */
  version?: 1 | 2;
  namespace?: string;
  description?: string;
  defaultTtl?: number;
}

export interface Mount {
  /** relative to the namespace, with a trailing slash: `secret/`, `auth/jwt/` */
  path: string;
  namespace: string;
  type: string;
  isAuth: boolean;
  options: Record<string, string>;
  accessor: string;
  uuid: string;
  description: string;
  defaultTtl: number;
  kv1: Map<string, Record<string, unknown>>;
  kv2: Map<string, Kv2Secret>;
  jwt: { config: JwtAuthConfig | undefined; roles: Map<string, JwtRole> };
  approle: Map<string, { role: ApproleRole; roleId: string; secretIds: Set<string> }>;
  kubernetes: { jwksUrl: string | undefined; roles: Map<string, KubernetesRole> };
  roles: Map<string, DatabaseRole>;
  pkiRoles: Map<string, PkiRole>;
}

export class ServerClock {
  offsetMs = 0;
  private fixed: number | undefined;
  now(): number {
    return (this.fixed ?? Date.now()) + this.offsetMs;
  }
  /** freezes the server's time at `ms` (undefined: back to real time) */
  set(ms: number | undefined): void {
    this.fixed = ms;
    this.offsetMs = 0;
  }
}

const strip = (p: string): string => p.replace(/^\/+|\/+$/g, '');

export class VaultConfig {
  readonly clock = new ServerClock();
  readonly clusterId = uuid();
  readonly namespaces = new Set<string>();
  readonly policies = new Map<string, { path: string; capabilities: Capability[] }[]>();
  readonly mounts = new Map<string, Mount>();

  constructor() {
    this.addMount('', 'auth/token/', 'token', true, {});
  }

  namespace(path: string): void {
    this.namespaces.add(strip(path));
    this.addMount(strip(path), 'auth/token/', 'token', true, {});
  }

  /** The longest registered namespace that prefixes `full`. */
  namespaceOf(full: string): string {
    let best = '';
    for (const ns of this.namespaces) if ((full === ns || full.startsWith(`${ns}/`)) && ns.length > best.length) best = ns;
    return best;
  }

  /** Rules: a path glob (all capabilities but deny) or {path, capabilities}. */
  policy(name: string, rules: (string | { path: string; capabilities: Capability[] })[]): void {
    this.policies.set(
      name,
      rules.map((r) => (typeof r === 'string' ? { path: r, capabilities: ['create', 'read', 'update', 'delete', 'list'] } : r)),
    );
  }

  mount(path: string, opts: MountOptions): Mount {
    const options: Record<string, string> = opts.type === 'kv' ? { version: String(opts.version ?? 2) } : {};
    return this.addMount(strip(opts.namespace ?? ''), `${strip(path)}/`, opts.type, false, options, opts.description, opts.defaultTtl);
  }

  /** Enables an auth method at auth/<path>/. */
  enableAuth(path: string, type: 'jwt' | 'approle' | 'kubernetes', namespace = ''): Mount {
    const key = `${strip(namespace) ? `${strip(namespace)}/` : ''}auth/${strip(path)}/`;
    return this.mounts.get(key) ?? this.addMount(strip(namespace), `auth/${strip(path)}/`, type, true, {});
  }

  jwtAuth(path: string, config: JwtAuthConfig, namespace = ''): Mount {
    const m = this.enableAuth(path, 'jwt', namespace);
    m.jwt.config = config;
    return m;
  }

  jwtRole(path: string, name: string, role: JwtRole, namespace = ''): void {
    this.enableAuth(path, 'jwt', namespace).jwt.roles.set(name.toLowerCase(), { role_type: 'jwt', user_claim: 'sub', ...role });
  }

  /** Creates an AppRole role; returns its role_id and a fresh secret_id. */
  approleRole(name: string, role: ApproleRole, opts: { path?: string; namespace?: string } = {}): { roleId: string; secretId: string } {
    const m = this.enableAuth(opts.path ?? 'approle', 'approle', opts.namespace ?? '');
    const existing = m.approle.get(name);
    const entry = existing ?? { role, roleId: uuid(), secretIds: new Set<string>() };
    entry.role = role;
    m.approle.set(name, entry);
    const secretId = uuid();
    entry.secretIds.add(secretId);
    return { roleId: entry.roleId, secretId };
  }

  /** Kubernetes auth verifying service-account JWTs against a JWKS (the test issuer's). */
  kubernetesAuth(path: string, jwksUrl: string, namespace = ''): Mount {
    const m = this.enableAuth(path, 'kubernetes', namespace);
    m.kubernetes.jwksUrl = jwksUrl;
    return m;
  }

  kubernetesRole(path: string, name: string, role: KubernetesRole, namespace = ''): void {
    this.enableAuth(path, 'kubernetes', namespace).kubernetes.roles.set(name, role);
  }

  databaseRole(mount: string, name: string, role: DatabaseRole = {}, namespace = ''): void {
    this.requireMount(mount, namespace).roles.set(name, role);
  }

  awsRole(mount: string, name: string, role: DatabaseRole = {}, namespace = ''): void {
    this.requireMount(mount, namespace).roles.set(name, role);
  }

  pkiRole(mount: string, name: string, role: PkiRole = {}, namespace = ''): void {
    this.requireMount(mount, namespace).pkiRoles.set(name, role);
  }

  /** Seeds a KV v1 secret. */
  kv1Put(mount: string, path: string, data: Record<string, unknown>, namespace = ''): void {
    this.requireMount(mount, namespace).kv1.set(strip(path), data);
  }

  /** Seeds a new KV v2 version, optionally with a chosen created_time and custom_metadata. */
  kv2Put(
    mount: string,
    path: string,
    data: Record<string, unknown>,
    opts: { createdTime?: number | Date; customMetadata?: Record<string, string>; namespace?: string } = {},
  ): number {
    const m = this.requireMount(mount, opts.namespace ?? '');
    const t = opts.createdTime === undefined ? this.clock.now() : Number(opts.createdTime);
    const s = kv2Write(m, strip(path), data, t);
    if (opts.customMetadata) s.customMetadata = { ...opts.customMetadata };
    return s.current;
  }

  findMount(namespace: string, path: string): Mount | undefined {
    let best: Mount | undefined;
    for (const m of this.mounts.values()) {
      if (m.namespace !== namespace) continue;
      if (`${path}/`.startsWith(m.path) && (!best || m.path.length > best.path.length)) best = m;
    }
    return best;
  }

  private requireMount(path: string, namespace: string): Mount {
    const m = this.mounts.get(`${strip(namespace) ? `${strip(namespace)}/` : ''}${strip(path)}/`);
    if (!m) throw new Error(`test setup: no mount ${path} (call vault.mount first)`);
    return m;
  }

  private addMount(
    namespace: string,
    path: string,
    type: string,
    isAuth: boolean,
    options: Record<string, string>,
    description = '',
    defaultTtl = DEFAULT_TTL,
  ): Mount {
    const m: Mount = {
      path,
      namespace,
      type,
      isAuth,
      options,
      accessor: `${isAuth ? 'auth' : type}_${type}_${randomAlnum(8).toLowerCase()}`,
      uuid: uuid(),
      description,
      defaultTtl,
      kv1: new Map(),
      kv2: new Map(),
      jwt: { config: undefined, roles: new Map() },
      approle: new Map(),
      kubernetes: { jwksUrl: undefined, roles: new Map() },
      roles: new Map(),
      pkiRoles: new Map(),
    };
    this.mounts.set(`${namespace ? `${namespace}/` : ''}${path}`, m);
    return m;
  }
}

/** Writes a new KV v2 version at time `t` (shared by the seed API and the HTTP route). */
export function kv2Write(m: Mount, path: string, data: Record<string, unknown>, t: number): Kv2Secret {
  let s = m.kv2.get(path);
  if (!s) {
    s = {
      versions: new Map(),
      current: 0,
      oldest: 1,
      createdTime: t,
      updatedTime: t,
      customMetadata: null,
      maxVersions: 0,
      casRequired: false,
      deleteVersionAfter: '0s',
    };
    m.kv2.set(path, s);
  }
  s.current++;
  s.versions.set(s.current, { data: { ...data }, createdTime: t, deletionTime: null, destroyed: false });
  if (s.versions.size === 1) s.oldest = s.current;
  s.updatedTime = t;
  const max = s.maxVersions || 10;
  while (s.versions.size > max) {
    s.versions.delete(s.oldest);
    s.oldest++;
  }
  return s;
}
