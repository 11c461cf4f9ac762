/**
 * Dynamic secrets of the Vault imitation (wire-facts §4): database/creds, aws/creds and aws/sts
 * with leases, and PKI issue returning a REAL certificate, key and CA chain (@peculiar/x509).
 */
import { KeyObject, webcrypto, randomBytes } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { Mount, PkiRole } from './vault-config.js';
import type { VaultServer } from './vault.js';
import { type Ctx, type Lease, type Reply, badRequest, notFound, ok, parseTtl, randomAlnum, strField, unsupportedPath } from './vault-types.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as const;

interface Ca {
  keys: CryptoKeyPair;
  cert: x509.X509Certificate;
  pem: string;
}

const cas = new WeakMap<Mount, Promise<Ca>>();

function serialHex(): string {
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString('hex');
}

async function caFor(m: Mount): Promise<Ca> {
  let p = cas.get(m);
  if (!p) {
    p = (async () => {
      const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
      const now = Date.now();
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: serialHex(),
        name: `CN=Test Root CA ${m.path.slice(0, -1)}`,
        notBefore: new Date(now - 3600_000),
        notAfter: new Date(now + 10 * 365 * 86400_000),
        signingAlgorithm: EC,
        keys,
        extensions: [
          new x509.BasicConstraintsExtension(true, 1, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        ],
      });
      return { keys, cert, pem: cert.toString('pem') };
    })();
    cas.set(m, p);
  }
  return p;
}

/** The CA certificate (PEM) of a PKI mount, for tests that verify chains. */
export async function pkiCaPem(m: Mount): Promise<string> {
  return (await caFor(m)).pem;
}

function nameAllowed(role: PkiRole, cn: string): boolean {
  if (role.allow_any_name) return true;
  return (role.allowed_domains ?? []).some((d) => cn === d || (role.allow_subdomains === true && cn.endsWith(`.${d}`)));
}

async function pkiIssue(v: VaultServer, m: Mount, roleName: string, ctx: Ctx): Promise<Reply> {
  const role = m.pkiRoles.get(roleName);
  if (!role) return badRequest(`unknown role: ${roleName}`);
  const cn = strField(ctx.body, 'common_name');
  if (!cn)
    return badRequest(
      'the common_name field is required, or must be provided in a CSR with "use_csr_common_name" set to true, unless "require_cn" is set to false',
    );
  if (!nameAllowed(role, cn)) return badRequest(`common name ${cn} not allowed by this role`);
  const altNames = strField(ctx.body, 'alt_names')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of altNames) if (!nameAllowed(role, a)) return badRequest(`subject alternate name ${a} not allowed by this role`);
  const ips = strField(ctx.body, 'ip_sans')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const maxTtl = role.max_ttl ?? m.defaultTtl;
  const warnings: string[] = [];
  let ttl = parseTtl(ctx.body['ttl']) ?? maxTtl;
  if (ttl > maxTtl) {
    warnings.push(`TTL "${ttl}s" is longer than permitted maxTTL "${maxTtl}s", so maxTTL is being used`);
    ttl = maxTtl;
  }
  const now = v.clock.now();
  const notAfterRaw = strField(ctx.body, 'not_after');
  const notAfter = notAfterRaw ? Date.parse(notAfterRaw) : now + ttl * 1000;
  if (Number.isNaN(notAfter)) return badRequest('not_after: cannot parse time');
  const ca = await caFor(m);
  const keyType = role.key_type ?? 'rsa';
  const keys = (await webcrypto.subtle.generateKey(keyType === 'ec' ? EC : RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const serial = serialHex();
  const sans: x509.JsonGeneralName[] = [];
  if (strField(ctx.body, 'exclude_cn_from_sans') !== 'true' && ctx.body['exclude_cn_from_sans'] !== true) sans.push({ type: 'dns', value: cn });
  for (const a of altNames) if (a !== cn) sans.push({ type: 'dns', value: a });
  for (const ip of ips) sans.push({ type: 'ip', value: ip });
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${cn}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now - 30_000),
    notAfter: new Date(notAfter),
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(sans),
    ],
  });
  const fmt = strField(ctx.body, 'private_key_format');
  const keyObj = KeyObject.from(keys.privateKey);
  const private_key = String(keyObj.export({ type: fmt === 'pkcs8' ? 'pkcs8' : keyType === 'ec' ? 'sec1' : 'pkcs1', format: 'pem' })).trim();
  const certPem = cert.toString('pem');
  const data = {
    certificate: strField(ctx.body, 'format') === 'pem_bundle' ? `${certPem}\n${ca.pem}` : certPem,
    issuing_ca: ca.pem,
    ca_chain: [ca.pem],
    private_key,
    private_key_type: keyType,
    serial_number: serial.match(/../g)?.join(':') ?? serial,
    expiration: Math.floor(notAfter / 1000),
  };
  if (role.generate_lease) {
    const lease = newLease(v, ctx, `${m.path}issue/${roleName}`, ttl, ttl);
    return ok(data, { lease_id: lease.id, renewable: false, lease_duration: lease.ttl, warnings: warnings.length ? warnings : null });
  }
  return ok(data, { warnings: warnings.length ? warnings : null });
}

function newLease(v: VaultServer, ctx: Ctx, prefix: string, ttl: number, maxTtl: number, renewable = false): Lease {
  const now = v.clock.now();
  const lease: Lease = {
    id: `${prefix}/${randomAlnum(24)}`,
    tokenId: ctx.token?.id ?? '',
    issuedAt: now,
    expiresAt: now + ttl * 1000,
    lastRenewal: null,
    renewable,
    ttl,
    maxTtl,
    revoked: false,
  };
  v.leases.set(lease.id, lease);
  v.counters.leasesIssued++;
  return lease;
}

export async function handleSecrets(v: VaultServer, m: Mount, sub: string, ctx: Ctx): Promise<Reply> {
  const [op = '', role = ''] = sub.split('/');
  if (m.type === 'pki') {
    if (op === 'issue' && ctx.method === 'POST') return pkiIssue(v, m, role, ctx);
    if ((op === 'ca' || op === 'cert') && ctx.method === 'GET') return ok({ certificate: (await caFor(m)).pem });
    return unsupportedPath();
  }
  if (m.type === 'database' && op === 'creds' && (ctx.method === 'GET' || ctx.method === 'POST')) {
    const r = m.roles.get(role);
    if (!r) return badRequest(`unknown role: ${role}`);
    const ttl = r.default_ttl ?? 3600;
    const lease = newLease(v, ctx, `${m.path}creds/${role}`, ttl, r.max_ttl ?? 86400, true);
    const data = { username: `v-token-${role}-${randomAlnum(20)}-${Math.floor(lease.issuedAt / 1000)}`, password: randomAlnum(20).replace(/^(.{4})/, '$1-') };
    return ok(data, { lease_id: lease.id, renewable: true, lease_duration: ttl, mount_type: 'database' });
  }
  if (m.type === 'aws' && (op === 'creds' || op === 'sts') && (ctx.method === 'GET' || ctx.method === 'POST')) {
    const r = m.roles.get(role);
    if (!r) return badRequest(`Role "${role}" not found`);
    const ttl = parseTtl(ctx.body['ttl']) ?? r.default_ttl ?? 3600;
    const sts = op === 'sts';
    const lease = newLease(v, ctx, `${m.path}${op}/${role}`, ttl, r.max_ttl ?? 86400, !sts);
    const data = {
      access_key: `${sts ? 'ASIA' : 'AKIA'}${randomAlnum(16).toUpperCase()}`,
      secret_key: randomAlnum(40),
      security_token: sts ? randomAlnum(300) : null,
      arn: `arn:aws:iam::123456789012:user/vault-${role}`,
      session_token: sts ? undefined : null,
    };
    return ok(data, { lease_id: lease.id, renewable: !sts, lease_duration: ttl, mount_type: 'aws' });
  }
  return ctx.method === 'GET' ? notFound() : unsupportedPath();
}
