/** The Vault imitation, driven through our VaultClient (and raw HTTP where the wire matters). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { OidcIssuer } from '../../servers/oidc.js';
import { VaultServer } from '../../servers/vault.js';
import { VaultClient, listKeys } from '../../../src/vault/client.js';
import { RemoteError } from '../../../src/core/errors.js';

const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 };
let issuer: OidcIssuer;
let vault: VaultServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  vault.jwtRole('jwt', 'ci', {
    bound_audiences: ['https://vault.example'],
    bound_claims: { repository: 'octo-org/*', ref: ['refs/heads/main', 'refs/heads/release'] },
    bound_claims_type: 'glob',
    user_claim: 'sub',
    token_policies: ['reader'],
    token_ttl: 600,
  });
  vault.enableAuth('jwt-unconfigured', 'jwt');
  vault.policy('reader', ['secret/data/ci/*', { path: 'secret/metadata/*', capabilities: ['list', 'read'] }, 'database/creds/app', 'sys/leases/revoke']);
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.mount('kv1', { type: 'kv', version: 1 });
  vault.mount('database', { type: 'database' });
  vault.databaseRole('database', 'app', { default_ttl: 120 });
  vault.mount('pki', { type: 'pki' });
  vault.pkiRole('pki', 'web', { allowed_domains: ['example.com'], allow_subdomains: true, max_ttl: 86400, key_type: 'ec' });
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
});

const client = (token = '', namespace = '') => new VaultClient({ url: vault.url, token, namespace, retry: fast });

async function jwtLogin(claims: Record<string, unknown> = {}, role = 'ci', mount = 'jwt') {
  const jwt = await issuer.sign({ ...issuer.githubClaims('https://vault.example'), ...claims });
  return client().login(mount, { role, jwt }, { retry: false });
}

async function loginError(claims: Record<string, unknown>, role = 'ci', mount = 'jwt'): Promise<RemoteError> {
  try {
    await jwtLogin(claims, role, mount);
  } catch (e) {
    if (e instanceof RemoteError) return e;
    throw e;
  }
  throw new Error('login succeeded');
}

describe('vault imitation: JWT login', () => {
  it('verifies a real JWT and answers the auth envelope', async () => {
    const auth = await jwtLogin();
    expect(auth.clientToken).toMatch(/^hvs\.[A-Za-z0-9]{80,}$/);
    expect(auth.accessor).toHaveLength(24);
    expect(auth.policies).toEqual(['default', 'reader']);
    expect(auth.metadata).toEqual({ role: 'ci' });
    expect(auth.leaseDuration).toBe(600);
    const info = await client(auth.clientToken).lookupSelf();
    expect(info.path).toBe('auth/jwt/login');
    expect(info.ttl).toBeGreaterThan(590);
  });
  it('keeps the check order and messages of wire-facts §2', async () => {
    expect((await loginError({}, 'nope')).details).toEqual(['role "nope" could not be found']);
    expect((await loginError({}, 'ci', 'jwt-unconfigured')).details).toEqual(['could not load configuration']);
    expect((await loginError({ aud: 'other' })).details).toEqual([
      'error validating token: invalid audience (aud) claim: audience claim does not match any expected audience',
    ]);
    expect((await loginError({ repository: 'evil/repo' })).details).toEqual([
      'error validating claims: claim "repository" does not match any associated bound claim values',
    ]);
    expect((await loginError({ ref: 'refs/heads/dev' })).details).toEqual([
      'error validating claims: claim "ref" does not match any associated bound claim values',
    ]);
    const e = await loginError({ exp: Math.floor(Date.now() / 1000) - 3600 });
    expect(e.status).toBe(400);
    expect(e.details[0]).toMatch(/token is expired/);
  });
  it('rejects a JWT signed by another key', async () => {
    const other = await new OidcIssuer().start();
    const jwt = await other.sign({ ...issuer.githubClaims('https://vault.example'), iss: issuer.url }, { kid: issuer.kid });
    await other.stop();
    await expect(client().login('jwt', { role: 'ci', jwt })).rejects.toMatchObject({
      status: 400,
      details: ['error validating token: error verifying token signature: failed to verify id token signature'],
    });
  });
});

describe('vault imitation: tokens, KV, leases, PKI', () => {
  it('AppRole login, permission denied and invalid token bodies', async () => {
    const { roleId, secretId } = vault.approleRole('deploy', { token_policies: ['reader'] });
    const auth = await client().login('approle', { role_id: roleId, secret_id: secretId });
    expect(auth.metadata).toEqual({ role_name: 'deploy' });
    await expect(client().login('approle', { role_id: roleId, secret_id: 'wrong-secret' })).rejects.toMatchObject({
      status: 400,
      details: ['invalid role or secret ID'],
    });
    await expect(client(auth.clientToken).read('secret/data/other')).rejects.toMatchObject({
      status: 403,
      code: 'permission_denied',
      details: ['permission denied'],
    });
    await client(auth.clientToken).revokeSelf();
    await expect(client(auth.clientToken).lookupSelf()).rejects.toMatchObject({
      status: 403,
      code: 'invalid_token',
      details: ['permission denied', 'invalid token'],
    });
  });
  it('KV v2: versions, created_time seeding, custom_metadata, soft delete, list', async () => {
    vault.kv2Put('secret', 'ci/db', { password: 'first-pass' }, { createdTime: Date.UTC(2025, 0, 2), customMetadata: { owner: 'team-a' } });
    vault.kv2Put('secret', 'ci/db', { password: 'second-pass' });
    const c = client(vault.createToken({ policies: ['reader'] }));
    const latest = await c.read('secret/data/ci/db');
    expect(latest.data?.['data']).toEqual({ password: 'second-pass' });
    expect(latest.mountType).toBe('kv');
    const v1 = await c.read('secret/data/ci/db', { query: { version: '1' } });
    expect((v1.data?.['metadata'] as Record<string, unknown> | undefined)?.['created_time']).toMatch(/^2025-01-02T00:00:00\.000\d{6}Z$/);
    const meta = await c.read('secret/metadata/ci/db');
    expect(meta.data?.['current_version']).toBe(2);
    expect(Object.keys(meta.data?.['versions'] as object)).toEqual(['1', '2']);
    expect(meta.data?.['custom_metadata']).toEqual({ owner: 'team-a' });
    expect(listKeys(await c.list('secret/metadata/ci'))).toEqual(['db']);
    await expect(c.list('secret/metadata/empty')).rejects.toMatchObject({ status: 404, details: [] });
    await c.delete('secret/data/ci/db');
    await expect(c.read('secret/data/ci/db')).rejects.toMatchObject({ status: 404, code: 'deleted' });
    await expect(c.read('secret/data/ci/missing')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await c.mountInfo('secret/data/ci/db')).toMatchObject({ type: 'kv', path: 'secret/', version: '2' });
  });
  it('KV v1 read/list and the raw wire shapes', async () => {
    vault.kv1Put('kv1', 'app/config', { api_key: 'k-123456', ttl: '1h' });
    const res = await fetch(`${vault.url}/v1/kv1/app/config`, { headers: { 'X-Vault-Token': vault.rootToken } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['auth', 'data', 'lease_duration', 'lease_id', 'mount_type', 'renewable', 'request_id', 'warnings', 'wrap_info']);
    expect(body['lease_duration']).toBe(3600);
    const missing = await fetch(`${vault.url}/v1/kv1/app/none`, { headers: { Authorization: `Bearer ${vault.rootToken}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [] });
    const noMount = await fetch(`${vault.url}/v1/nomount/x`, { headers: { 'X-Vault-Token': vault.rootToken } });
    expect(await noMount.json()).toEqual({ errors: ['no handler for route "nomount/x". route entry not found.'] });
    expect((await client(vault.rootToken).mountInfo('kv1/app')).version).toBe('1');
  });
  it('database creds with a lease: lookup, renew, revoke; revoke-self revokes child leases', async () => {
    const token = vault.createToken({ policies: ['reader'] });
    const c = client(token);
    const creds = await c.read('database/creds/app');
    expect(creds.leaseId).toMatch(/^database\/creds\/app\//);
    expect(creds.leaseDuration).toBe(120);
    expect((await c.lookupLease(creds.leaseId)).ttl).toBeGreaterThan(100);
    await c.revokeLease(creds.leaseId);
    expect(vault.counters.leaseRevocations).toBe(1);
    const second = await c.read('database/creds/app');
    await c.revokeSelf();
    expect(vault.leases.get(second.leaseId)?.revoked).toBe(true);
  });
  it('PKI issues a real certificate with the requested TTL, signed by the CA', async () => {
    const res = await client(vault.rootToken).write('pki/issue/web', { common_name: 'api.example.com', ttl: '2h' });
    const d = res.data ?? {};
    const cert = new X509Certificate(String(d['certificate']));
    const ca = new X509Certificate(String(d['issuing_ca']));
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain('DNS:api.example.com');
    const hours = (Date.parse(cert.validTo) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThan(2.1);
    expect(String(d['private_key'])).toMatch(/BEGIN EC PRIVATE KEY/);
    expect(d['serial_number']).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2})+$/);
    await expect(client(vault.rootToken).write('pki/issue/web', { common_name: 'evil.org' })).rejects.toMatchObject({ status: 400 });
  });
  it('faults, latency, sealed mode, health and namespaces', async () => {
    vault.failNext(/^secret\/data\/ci\/flaky$/, [503, 503]);
    vault.kv2Put('secret', 'ci/flaky', { v: 'value-1' });
    const res = await client(vault.rootToken).read('secret/data/ci/flaky');
    expect(res.data?.['data']).toEqual({ v: 'value-1' });
    expect(vault.requestsTo(/ci\/flaky$/).map((e) => e.status)).toEqual([503, 503, 200]);
    expect(vault.requestsTo(/ci\/flaky$/).every((e) => e.tokenSent)).toBe(true);
    vault.sealed = true;
    await expect(client(vault.rootToken, '').read('secret/data/ci/flaky', { retry: false })).rejects.toMatchObject({ status: 503, code: 'sealed' });
    expect((await fetch(`${vault.url}/v1/sys/health`)).status).toBe(503);
    vault.sealed = false;
    vault.namespace('team-a');
    vault.mount('secret', { type: 'kv', version: 2, namespace: 'team-a' });
    vault.kv2Put('secret', 'x', { k: 'in-namespace' }, { namespace: 'team-a' });
    const t = vault.createToken({ policies: ['root'], namespace: 'team-a' });
    expect((await client(t, 'team-a').read('secret/data/x')).data?.['data']).toEqual({ k: 'in-namespace' });
    expect((await client(t).read('team-a/secret/data/x')).data?.['data']).toEqual({ k: 'in-namespace' });
  });
  it('aws creds leases, token and lease renewal, latency, kubernetes login', async () => {
    vault.mount('aws', { type: 'aws' });
    vault.awsRole('aws', 'deploy', { default_ttl: 900, max_ttl: 1800 });
    const c = client(vault.rootToken);
    const creds = await c.read('aws/creds/deploy');
    expect(creds.data?.['access_key']).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(creds.leaseId).toMatch(/^aws\/creds\/deploy\//);
    const renewed = await c.renewLease(creds.leaseId, 3600);
    expect(renewed.leaseDuration).toBeLessThanOrEqual(1800);
    const t = vault.createToken({ policies: ['reader'], ttl: 60 });
    expect((await client(t).renewSelf(600)).leaseDuration).toBe(600);
    vault.latencyMs = 50;
    const start = Date.now();
    await client(t).lookupSelf();
    expect(Date.now() - start).toBeGreaterThanOrEqual(45);
    vault.latencyMs = 0;
    vault.kubernetesAuth('kubernetes', `${issuer.url}/.well-known/jwks`);
    vault.kubernetesRole('kubernetes', 'runner', {
      bound_service_account_names: ['gha'],
      bound_service_account_namespaces: ['ci'],
      token_policies: ['reader'],
    });
    const sa = await issuer.sign({ sub: 'system:serviceaccount:ci:gha', aud: 'k8s' });
    expect((await client().login('kubernetes', { role: 'runner', jwt: sa })).metadata).toMatchObject({ service_account_name: 'gha' });
    const other = await issuer.sign({ sub: 'system:serviceaccount:ci:other', aud: 'k8s' });
    await expect(client().login('kubernetes', { role: 'runner', jwt: other })).rejects.toMatchObject({
      status: 403,
      details: ['service account name not authorized'],
    });
  });
  it('the server clock moves token expiry', async () => {
    const t = vault.createToken({ policies: ['reader'], ttl: 60 });
    vault.clock.offsetMs = 120_000;
    await expect(client(t).lookupSelf()).rejects.toMatchObject({ status: 403, code: 'invalid_token' });
    vault.clock.offsetMs = 0;
  });
  it('custom routes go through token and policy checks', async () => {
    vault.route('GET', /^custom\/(.+)$/, (ctx) => ({ status: 200, body: { data: { name: ctx.match?.[1] } } }));
    expect((await client(vault.rootToken).read('custom/abc')).data).toEqual({ name: 'abc' });
    await expect(client(vault.createToken({ policies: ['reader'] })).read('custom/abc')).rejects.toMatchObject({ status: 403 });
  });
});
