/**
 * rotate-check end to end: dist/rotate-check run as the GitHub runner runs it, against
 * certificates made here (@peculiar/x509), TLS servers on 127.0.0.1, the Vault imitation
 * (KV metadata with chosen created times and custom_metadata, tokens, leases), the IAM
 * imitation and the GitHub issues imitation. The clock is injected (PIPELINE_SECRETS_NOW).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, type StepRun } from '../runner/github.js';
import { makeCert, type TestCert } from '../servers/certs.js';
import { startProxy } from '../servers/proxy.js';
import { VaultServer, ok } from '../servers/vault.js';
import { IamServer } from '../servers/iam.js';
import { GitHubApi } from '../servers/github-api.js';
import { OidcIssuer } from '../servers/oidc.js';

const DAY = 86_400_000;

interface Report {
  counts: { overdue: number; expiring: number; ok: number };
  items: { kind: string; name: string; status: string; detail: string; owner?: string; ageSec?: number; leftSec?: number }[];
}

function report(run: StepRun): Report {
  return JSON.parse(readFileSync(run.outputs['report-path'] ?? '', 'utf8')) as Report;
}

function item(rep: Report, name: string): Report['items'][number] {
  const found = rep.items.find((i) => i.name === name);
  if (!found) throw new Error(`no item ${name} in ${rep.items.map((i) => i.name).join(', ')}`);
  return found;
}

let ca: TestCert;
let otherCa: TestCert;
let shortInter: TestCert;
const leaves: Record<string, TestCert> = {};
const tlsServers: TlsServer[] = [];

async function tlsServer(cert: TestCert): Promise<number> {
  const s = createTlsServer({ key: cert.key, cert: [cert.cert, ...cert.chain.filter((c) => c !== ca.cert && c !== otherCa.cert)].join('') }, (sock) =>
    sock.end(),
  );
  s.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  tlsServers.push(s);
  return (s.address() as AddressInfo).port;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

beforeAll(async () => {
  ca = await makeCert({ ca: true, cn: 'Rotate Test Root', notAfterDays: 3650 });
  otherCa = await makeCert({ ca: true, cn: 'Unknown Root', notAfterDays: 3650 });
  shortInter = await makeCert({ ca: true, cn: 'Short Intermediate', notAfterDays: 20 }, ca);
  leaves['valid'] = await makeCert({ cn: 'valid.test', notAfterDays: 200 }, ca);
  leaves['expiring'] = await makeCert({ cn: 'expiring.test', notAfterDays: 21 }, ca);
  leaves['soon'] = await makeCert({ cn: 'soon.test', notAfterDays: 5 }, ca);
  leaves['expired'] = await makeCert({ cn: 'expired.test', notBeforeDays: -60, notAfterDays: -3 }, ca);
  leaves['future'] = await makeCert({ cn: 'future.test', notBeforeDays: 5, notAfterDays: 100 }, ca);
  leaves['chained'] = await makeCert({ cn: 'chained.test', notAfterDays: 300 }, shortInter);
  leaves['untrusted'] = await makeCert({ cn: 'untrusted.test', notAfterDays: 200 }, otherCa);
  leaves['mismatch'] = await makeCert({ cn: 'other.example', dns: ['other.example'], ips: [], notAfterDays: 200 }, ca);
});

afterAll(async () => {
  for (const s of tlsServers) await new Promise<void>((r) => s.close(() => r()));
});

describe('rotate-check: certificate files', () => {
  it('reports valid, expiring, expired, not-yet-valid and short-intermediate chains; skips key blocks (Node 20)', async () => {
    const l = leaves as Record<string, TestCert>;
    const ws = workspace({
      'certs/valid.pem': l['valid']!.cert,
      'certs/expiring.crt': l['expiring']!.cert,
      'certs/soon.pem': l['soon']!.cert,
      'certs/expired.pem': l['expired']!.cert,
      'certs/future.pem': l['future']!.cert,
      'certs/chain.pem': l['chained']!.cert + shortInter.cert + ca.cert,
      'deploy/bundle.pem': l['valid']!.key + l['valid']!.cert,
      'node_modules/x/ignored.pem': l['expired']!.cert,
      'README.md': 'not a cert',
    });
    const keyBody = l['valid']!.key.split('\n')[1] ?? '';
    const run = await runStep({ action: 'rotate-check', cwd: ws, node: 'current', inputs: { certificates: '**/*.pem\ncerts/*.crt' }, secrets: [keyBody] });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    const rep = report(run);
    expect(item(rep, 'certs/valid.pem').status).toBe('ok');
    expect(item(rep, 'certs/expiring.crt').status).toBe('warn');
    expect(item(rep, 'certs/soon.pem').status).toBe('fail');
    expect(item(rep, 'certs/expired.pem')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/expired/) });
    expect(item(rep, 'certs/future.pem')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/not valid before/) });
    expect(item(rep, 'certs/chain.pem')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/intermediate "Short Intermediate" expires .* before the leaf/),
    });
    expect(item(rep, 'deploy/bundle.pem').status).toBe('ok');
    expect(rep.items.some((i) => i.name.includes('node_modules'))).toBe(false);
    expect(rep.counts).toEqual({ overdue: 3, expiring: 2, ok: 2 });
    expect(run.outputs).toMatchObject({ overdue: '3', expiring: '2' });
    expect(run.summary).toContain('| Status | Item | Kind | Age / left | Limit | Owner | Detail |');
    expect(run.summary).toContain('`certs/soon.pem`');
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.props['file'])).toEqual(
      expect.arrayContaining(['certs/soon.pem', 'certs/expired.pem']),
    );
    expect(run.annotations.filter((a) => a.level === 'warning')).toHaveLength(2);
    expect(readFileSync(run.outputs['report-path'] ?? '', 'utf8')).not.toContain('PRIVATE KEY');
    expect(run.stdout).not.toContain(keyBody);
  });

  it('warn-only reports overdue items without failing the step', async () => {
    const ws = workspace({ 'expired.pem': leaves['expired']!.cert });
    const run = await runStep({ action: 'rotate-check', cwd: ws, inputs: { certificates: '*.pem', 'warn-only': 'true', 'report-path': 'out/report.json' } });
    expect(run.code).toBe(0);
    expect(run.outputs['overdue']).toBe('1');
    expect(run.outputs['report-path']).toBe(join(ws, 'out/report.json'));
    expect(run.summary).toContain('warn-only');
    expect(run.annotations[0]).toMatchObject({ level: 'error' });
  });

  it('a policy file changes the windows per glob; a bad field is named', async () => {
    const policy =
      'defaults:\n  warn-before: 30d\nrules:\n  - match: "certs/expiring.pem"\n    warn-before: 7d\n    fail-before: 3d\n  - match: "legacy/**"\n    ignore: true\n';
    const ws = workspace({ 'certs/expiring.pem': leaves['expiring']!.cert, 'legacy/old.pem': leaves['expired']!.cert, 'rotation.yml': policy });
    const ok = await runStep({ action: 'rotate-check', cwd: ws, inputs: { certificates: '**/*.pem', policy: 'rotation.yml' } });
    expect(ok.code).toBe(0);
    expect(report(ok).items.map((i) => [i.name, i.status])).toEqual([['certs/expiring.pem', 'ok']]);

    writeFileSync(join(ws, 'bad.yml'), 'rules:\n  - match: "a/*"\n    max-age: 30d\n  - match: "b/*"\n    max-age: ninety\n');
    const bad = await runStep({ action: 'rotate-check', cwd: ws, inputs: { certificates: '**/*.pem', policy: 'bad.yml' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('bad.yml: rules[1].max-age: expected a duration such as 90d');
    expect(bad.stdout).toContain('(input "policy")');
    expect(bad.outputs['overdue']).toBeUndefined();

    writeFileSync(join(ws, 'bad.json'), JSON.stringify({ rules: [{ match: 'x', kind: 'password' }] }));
    const badJson = await runStep({ action: 'rotate-check', cwd: ws, inputs: { certificates: '**/*.pem', policy: 'bad.json' } });
    expect(badJson.stdout).toContain('rules[0].kind: expected one of');
  });

  it('bad inputs are named before anything runs', async () => {
    const run = await runStep({ action: 'rotate-check', inputs: { 'max-age': 'soon', certificates: '*.pem' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(input "max-age")');
    const now = await runStep({ action: 'rotate-check', env: { PIPELINE_SECRETS_NOW: 'yesterday' } });
    expect(now.stdout).toContain('PIPELINE_SECRETS_NOW');
    const ep = await runStep({ action: 'rotate-check', inputs: { endpoints: 'https://host:99999' } });
    expect(ep.stdout).toContain('(input "endpoints")');
  });
});

describe('rotate-check: live TLS endpoints', () => {
  it('reports days left, untrusted chain, hostname mismatch and unreachable ports; through the proxy', async () => {
    const expiring = await tlsServer(leaves['expiring']!);
    const valid = await tlsServer(leaves['chained']!);
    const untrusted = await tlsServer(leaves['untrusted']!);
    const mismatch = await tlsServer(leaves['mismatch']!);
    const closed = createNetServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const endpoints = [expiring, valid, untrusted, mismatch, deadPort].map((p) => `127.0.0.1:${p}`).join('\n');
    const run = await runStep({ action: 'rotate-check', inputs: { endpoints, 'endpoints-ca': ca.cert, timeout: '3s' } });
    expect(run.code).toBe(1);
    const rep = report(run);
    expect(item(rep, `127.0.0.1:${expiring}`)).toMatchObject({ status: 'warn', detail: expect.stringMatching(/expires in 2\d days/) });
    expect(item(rep, `127.0.0.1:${valid}`)).toMatchObject({ status: 'warn', detail: expect.stringMatching(/Short Intermediate/) });
    expect(item(rep, `127.0.0.1:${untrusted}`)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/untrusted chain/) });
    expect(item(rep, `127.0.0.1:${mismatch}`)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/hostname mismatch/) });
    expect(item(rep, `127.0.0.1:${deadPort}`)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/unreachable: ECONNREFUSED/) });

    const proxy = await startProxy();
    try {
      const viaProxy = await runStep({
        action: 'rotate-check',
        inputs: { endpoints: `127.0.0.1:${expiring}`, 'endpoints-ca': ca.cert },
        env: { HTTPS_PROXY: proxy.url },
      });
      expect(viaProxy.code).toBe(0);
      expect(proxy.tunnels).toEqual([`127.0.0.1:${expiring}`]);
    } finally {
      await proxy.close();
    }
  });
});

describe('rotate-check: Vault metadata, token and leases', () => {
  const NOW = Date.UTC(2026, 5, 1);
  let vault: VaultServer;
  beforeAll(async () => {
    vault = await new VaultServer().start();
    vault.clock.set(NOW);
    vault.mount('secret', { type: 'kv', version: 2 });
    vault.mount('database', { type: 'database' });
    vault.databaseRole('database', 'app', { default_ttl: 3600, max_ttl: 7200 });
    vault.policy('rotate', [
      { path: 'secret/metadata/*', capabilities: ['list', 'read'] },
      { path: 'pki/cert*', capabilities: ['list', 'read'] },
    ]);
    const at = (days: number) => NOW - days * DAY;
    vault.kv2Put('secret', 'ci/db', { password: 'db-password-value-1' }, { createdTime: at(100) });
    vault.kv2Put('secret', 'ci/api', { key: 'api-key-value-22' }, { createdTime: at(70) });
    vault.kv2Put('secret', 'ci/fresh', { key: 'fresh-value-333' }, { createdTime: at(5), customMetadata: { owner: 'team-a' } });
    vault.kv2Put(
      'secret',
      'ci/sub/rotating',
      { key: 'rotating-value-4444' },
      { createdTime: at(40), customMetadata: { rotation_period: '30d', owner: 'team-b' } },
    );
    vault.kv2Put(
      'secret',
      'ci/expiring',
      { key: 'expiring-value-55555' },
      { createdTime: at(1), customMetadata: { expires_at: new Date(NOW + 10 * DAY).toISOString() } },
    );
    vault.kv2Put('secret', 'ci/versions', { key: 'old-value-666666' }, { createdTime: at(60) });
    vault.kv2Put('secret', 'ci/versions', { key: 'new-value-7777777' }, { createdTime: at(20) });
    vault.kv2Put('secret', 'other/x', { key: 'other-value-88888888' }, { createdTime: at(500) });
  });
  afterAll(async () => vault.stop());

  it('walks KV metadata (never data), honours custom_metadata, flags old readable versions, checks token and leases', async () => {
    const token = vault.createToken({ policies: ['rotate'], ttl: 3600 });
    const lease = await fetch(`${vault.url}/v1/database/creds/app`, { headers: { 'X-Vault-Token': vault.rootToken } }).then(
      (r) => r.json() as Promise<{ lease_id: string }>,
    );
    const run = await runStep({
      action: 'rotate-check',
      inputs: { url: vault.url, token, 'vault-paths': 'secret/ci/', leases: `${lease.lease_id}\ndatabase/creds/app/missing` },
      env: { PIPELINE_SECRETS_NOW: new Date(NOW).toISOString() },
      secrets: [token, 'db-password-value-1', 'old-value-666666', 'new-value-7777777'],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    const rep = report(run);
    expect(item(rep, 'secret/ci/db')).toMatchObject({ status: 'fail', ageSec: 100 * 86400 });
    expect(item(rep, 'secret/ci/api')).toMatchObject({ status: 'warn', ageSec: 70 * 86400 });
    expect(item(rep, 'secret/ci/fresh')).toMatchObject({ status: 'ok', owner: 'team-a' });
    expect(item(rep, 'secret/ci/sub/rotating')).toMatchObject({ status: 'fail', owner: 'team-b' });
    expect(item(rep, 'secret/ci/expiring')).toMatchObject({ status: 'fail', leftSec: 10 * 86400 });
    expect(item(rep, 'secret/ci/versions')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/1 older version still readable, replaced 20d ago/),
    });
    expect(rep.items.some((i) => i.name.startsWith('secret/other'))).toBe(false);
    expect(item(rep, 'token in use (auth/token/create)')).toMatchObject({ kind: 'vault-token', status: 'ok', leftSec: 3600 });
    expect(item(rep, lease.lease_id)).toMatchObject({ kind: 'vault-lease', status: 'warn', detail: expect.stringMatching(/renewable, 1h left/) });
    expect(item(rep, 'database/creds/app/missing')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/lease not found/) });
    expect(vault.log.filter((e) => /\/data\//.test(e.path))).toEqual([]);
    expect(run.stdout + readFileSync(run.outputs['report-path'] ?? '', 'utf8')).not.toMatch(/value-\d/);
  });

  it('checks Vault PKI certificates: the newest per common name, revoked ones skipped', async () => {
    const pki: Record<string, { cert: TestCert; revoked: boolean }> = {
      '11-aa': { cert: await makeCert({ cn: 'web.test', notAfterDays: 5 }, ca), revoked: false },
      '22-bb': { cert: await makeCert({ cn: 'web.test', notAfterDays: 200 }, ca), revoked: false },
      '33-cc': { cert: await makeCert({ cn: 'api.test', notAfterDays: 10 }, ca), revoked: false },
      '44-dd': { cert: await makeCert({ cn: 'old.test', notAfterDays: 2 }, ca), revoked: true },
    };
    vault.route('LIST', /^pki\/certs\/?$/, () => ok({ keys: Object.keys(pki) }));
    vault.route('GET', /^pki\/cert\/([\w-]+)$/, (ctx) => {
      const c = pki[ctx.match?.[1] ?? ''];
      return c ? ok({ certificate: c.cert.cert, revocation_time: c.revoked ? 1700000000 : 0, ca_chain: null }) : { status: 404, body: { errors: [] } };
    });
    const token = vault.createToken({ policies: ['rotate'], ttl: 3600 });
    const run = await runStep({ action: 'rotate-check', inputs: { url: vault.url, token, 'vault-pki': 'pki', 'check-token': 'false' }, secrets: [token] });
    expect(run.leaks).toEqual([]);
    const rep = report(run);
    expect(rep.items.map((i) => [i.name, i.status]).sort()).toEqual([
      ['pki/api.test', 'fail'],
      ['pki/web.test', 'ok'],
    ]);
    expect(item(rep, 'pki/web.test').detail).toContain('serial 22-bb');
    expect(run.stdout).toContain('1 revoked skipped');
  });

  it('a token without a TTL warns; a root token fails', async () => {
    const forever = vault.createToken({ policies: ['rotate'], ttl: 0 });
    const run = await runStep({
      action: 'rotate-check',
      inputs: { url: vault.url, token: forever },
      env: { PIPELINE_SECRETS_NOW: new Date(NOW).toISOString() },
      secrets: [forever],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(0);
    expect(report(run).items[0]).toMatchObject({ kind: 'vault-token', status: 'warn', detail: expect.stringMatching(/never expires/) });
    const root = await runStep({ action: 'rotate-check', inputs: { url: vault.url, token: vault.rootToken }, secrets: [vault.rootToken] });
    expect(root.leaks).toEqual([]);
    expect(root.code).toBe(1);
    expect(report(root).items[0]).toMatchObject({ status: 'fail', detail: expect.stringMatching(/root token/) });
  });

  it('logs in with the runner OIDC token and revokes the token it created', async () => {
    const issuer = await new OidcIssuer({ claims: { repository: 'octo-org/octo-repo' } }).start();
    try {
      vault.clock.set(undefined);
      vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
      vault.jwtRole('jwt', 'rotation', {
        role_type: 'jwt',
        bound_audiences: ['https://vault.test'],
        user_claim: 'sub',
        bound_claims: { repository: 'octo-org/*' },
        bound_claims_type: 'glob',
        token_policies: ['rotate'],
        token_ttl: 600,
      });
      const before = vault.counters.revocations;
      const run = await runStep({
        action: 'rotate-check',
        inputs: { url: vault.url, role: 'rotation', audience: 'https://vault.test', 'vault-paths': 'secret/ci/fresh' },
        env: { ...issuer.githubEnv, PIPELINE_SECRETS_NOW: new Date(NOW).toISOString() },
        secrets: [issuer.requestToken],
      });
      const issued = [...vault.tokens.values()].filter((t) => t.path.startsWith('auth/jwt')).map((t) => t.id);
      expect(issued).toHaveLength(1);
      expect(run.leaks).toEqual([]);
      const shown = [
        ...run.log,
        run.summary,
        run.stderr,
        ...run.annotations.map((a) => a.message),
        readFileSync(run.outputs['report-path'] ?? '', 'utf8'),
      ].join('\n');
      expect(shown).not.toContain(issued[0]!);
      expect(issuer.issued.some((jwt) => shown.includes(jwt))).toBe(false);
      expect(run.masks).toContain(issued[0]!);
      expect(report(run).items.map((i) => [i.name, i.status])).toEqual([
        ['secret/ci/fresh', 'ok'],
        ['token in use (auth/jwt/login)', 'ok'],
      ]);
      expect(vault.counters.revocations).toBe(before + 1);
    } finally {
      vault.clock.set(NOW);
      await issuer.stop();
    }
  });

  it('Vault unreachable is one failing item; the other checks still report', async () => {
    const ws = workspace({ 'ok.pem': leaves['valid']!.cert });
    const run = await runStep({
      action: 'rotate-check',
      cwd: ws,
      inputs: { url: 'http://127.0.0.1:9', token: 'hvs.unreachable-token-value', 'retry-max-attempts': '1', certificates: '*.pem' },
      secrets: ['hvs.unreachable-token-value'],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    expect(
      report(run)
        .items.map((i) => [i.name, i.status])
        .sort(),
    ).toEqual([
      ['ok.pem', 'ok'],
      ['vault login', 'fail'],
    ]);
    const bad = await runStep({ action: 'rotate-check', inputs: { url: 'ftp://vault', 'vault-paths': 'secret/x' } });
    expect(bad.stdout).toContain('(input "url")');
  });

  it('a path the token may not list becomes a failing item, not a crash', async () => {
    const weak = vault.createToken({ policies: ['nothing'], ttl: 600 });
    const run = await runStep({
      action: 'rotate-check',
      inputs: { url: vault.url, token: weak, 'vault-paths': 'secret/ci/', 'check-token': 'false' },
      secrets: [weak],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    expect(report(run).items).toEqual([expect.objectContaining({ name: 'secret/ci/', status: 'fail', detail: expect.stringMatching(/403/) })]);
  });
});

describe('rotate-check: IAM access keys', () => {
  const AKID = 'ASIAROTATECHECKTEST1';
  const SECRET = 'rotate-check-secret-access-key-0123456789';
  const SESSION = 'rotate-check-session-token-abcdefghijklmnopqrstuvwxyz';
  let iam: IamServer;
  const NOW = Date.UTC(2026, 5, 1);
  beforeAll(async () => {
    iam = await new IamServer({ accessKeyId: AKID }).start();
    iam.pageSize = 1;
    iam.user('alice', [
      { id: 'AKIAALICEOLD00000001', created: new Date(NOW - 120 * DAY), lastUsed: new Date(NOW - DAY) },
      { id: 'AKIAALICEGONE0000002', created: new Date(NOW - 400 * DAY), status: 'Inactive' },
    ]);
    iam.user('bob', [{ id: 'AKIABOBNEVERUSED0003', created: new Date(NOW - 30 * DAY) }]);
    iam.user('carol', [{ id: 'AKIACAROLFRESH000004', created: new Date(NOW - 10 * DAY), lastUsed: new Date(NOW - 2 * DAY), service: 'ec2' }]);
  });
  afterAll(async () => iam.stop());

  it('counts only Active keys: old ones fail, never-used ones warn', async () => {
    const run = await runStep({
      action: 'rotate-check',
      inputs: { 'aws-keys': 'true', 'iam-endpoint': iam.url },
      env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION, PIPELINE_SECRETS_NOW: new Date(NOW).toISOString() },
      secrets: [SECRET, SESSION],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    const rep = report(run);
    expect(rep.items.map((i) => [i.name, i.status]).sort()).toEqual([
      ['alice/AKIAALICEOLD00000001', 'fail'],
      ['bob/AKIABOBNEVERUSED0003', 'warn'],
      ['carol/AKIACAROLFRESH000004', 'ok'],
    ]);
    expect(item(rep, 'bob/AKIABOBNEVERUSED0003').detail).toMatch(/never used in 30 days/);
    expect(item(rep, 'carol/AKIACAROLFRESH000004').detail).toMatch(/last used 2d ago \(ec2\)/);
    expect(iam.log.every((e) => e.signedBy === AKID)).toBe(true);
    expect(run.stdout).toContain('1 inactive key(s) ignored');
  });

  it('IAM calls go through the proxy (the SDK over core/http)', async () => {
    const proxy = await startProxy();
    try {
      const run = await runStep({
        action: 'rotate-check',
        inputs: { 'aws-keys': 'true', 'iam-endpoint': iam.url, 'warn-only': 'true' },
        env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
        secrets: [SECRET],
      });
      expect(run.leaks).toEqual([]);
      expect(run.code).toBe(0);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(iam.url).host]));
    } finally {
      await proxy.close();
    }
  });

  it('AccessDenied on ListUsers is a failing item naming the permissions', async () => {
    iam.deny.add('ListUsers');
    try {
      const run = await runStep({
        action: 'rotate-check',
        inputs: { 'aws-keys': 'true', 'iam-endpoint': iam.url },
        env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET },
        secrets: [SECRET],
      });
      expect(run.leaks).toEqual([]);
      expect(report(run).items).toEqual([
        expect.objectContaining({ status: 'fail', detail: expect.stringMatching(/AccessDenied.*iam:ListUsers, iam:ListAccessKeys/) }),
      ]);
    } finally {
      iam.deny.delete('ListUsers');
    }
  });

  it('aws-keys without credentials is a usage error', async () => {
    const run = await runStep({ action: 'rotate-check', inputs: { 'aws-keys': 'true' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(input "aws-keys")');
  });
});

describe('rotate-check: the GitHub issue', () => {
  const TOKEN = `ghs_${'r'.repeat(12)}RotateCheckIssueToken`;
  let gh: GitHubApi;
  beforeAll(async () => {
    gh = await new GitHubApi({ token: TOKEN, repo: 'octo-org/octo-repo' }).start();
    gh.add({ title: 'pipeline-secrets: credentials due for rotation', pull_request: true });
    gh.add({ title: 'something else' });
  });
  afterAll(async () => gh.stop());

  it('is created, then updated (found by title), then closed when all is green', async () => {
    const due = workspace({ 'a.pem': leaves['soon']!.cert });
    const env = { GITHUB_API_URL: gh.url };
    const inputs = { certificates: '*.pem', issue: 'true', 'github-token': TOKEN };
    const first = await runStep({ action: 'rotate-check', cwd: due, inputs, env, secrets: [TOKEN] });
    expect(first.leaks).toEqual([]);
    expect(first.code).toBe(1);
    const open = gh.issues.filter((i) => !i.pull_request && i.title === 'pipeline-secrets: credentials due for rotation');
    expect(open).toHaveLength(1);
    expect(open[0]!.body).toContain('`a.pem`');
    expect(first.outputs['issue-number']).toBe(String(open[0]!.number));

    const second = await runStep({ action: 'rotate-check', cwd: due, inputs, env, secrets: [TOKEN] });
    expect(second.leaks).toEqual([]);
    expect(gh.issues.filter((i) => !i.pull_request && i.title === open[0]!.title)).toHaveLength(1);
    expect(gh.log.filter((e) => e.method === 'PATCH')).toHaveLength(1);

    const green = workspace({ 'a.pem': leaves['valid']!.cert });
    const third = await runStep({ action: 'rotate-check', cwd: green, inputs, env, secrets: [TOKEN] });
    expect(third.leaks).toEqual([]);
    expect(third.code).toBe(0);
    expect(open[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(open[0]!.comments[0]).toMatch(/within policy/);
    expect(gh.issues.find((i) => i.pull_request)?.state).toBe('open');
  });

  it('the issue body and the JSON report go through the masker (neither is masked by the runner)', async () => {
    // a registered secret that reaches an item (here: pasted into a KV secret's owner metadata)
    const vault = await new VaultServer().start();
    try {
      const NOW = Date.UTC(2026, 5, 1);
      vault.clock.set(NOW);
      vault.mount('secret', { type: 'kv', version: 2 });
      vault.kv2Put('secret', 'ci/pasted', { key: 'pasted-value-0001' }, { createdTime: NOW - 200 * DAY, customMetadata: { owner: `ops ${TOKEN}` } });
      const run = await runStep({
        action: 'rotate-check',
        inputs: {
          url: vault.url,
          token: vault.rootToken,
          'vault-paths': 'secret/ci/',
          'check-token': 'false',
          issue: 'true',
          'github-token': TOKEN,
          'issue-title': 'rotation (masked body test)',
        },
        env: { GITHUB_API_URL: gh.url, PIPELINE_SECRETS_NOW: new Date(NOW).toISOString() },
        secrets: [TOKEN, vault.rootToken, 'pasted-value-0001'],
      });
      expect(run.leaks).toEqual([]);
      expect(run.code).toBe(1);
      const issue = gh.issues.find((i) => i.title === 'rotation (masked body test)');
      expect(issue?.body).toContain('`secret/ci/pasted`');
      expect(issue?.body).toContain('ops ***');
      expect(issue?.body).not.toContain(TOKEN);
      const json = readFileSync(run.outputs['report-path'] ?? '', 'utf8');
      expect(json).not.toContain(TOKEN);
      expect(item(JSON.parse(json) as Report, 'secret/ci/pasted')).toMatchObject({ status: 'fail', owner: 'ops ***' });
    } finally {
      await vault.stop();
    }
  });

  it('a token without issues: write fails with the permission to add', async () => {
    gh.readOnly.add('ghs_readonly_token_1234567890');
    const ws = workspace({ 'a.pem': leaves['soon']!.cert });
    const run = await runStep({
      action: 'rotate-check',
      cwd: ws,
      inputs: { certificates: '*.pem', issue: 'true', 'github-token': 'ghs_readonly_token_1234567890', 'issue-title': 'rotation (read-only test)' },
      env: { GITHUB_API_URL: gh.url },
      secrets: ['ghs_readonly_token_1234567890'],
    });
    expect(run.leaks).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/answered 403.*issues: write/);
    expect(run.outputs['overdue']).toBe('1');
  });
});
