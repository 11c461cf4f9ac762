/**
 * Reach of vault-login and fetch-secrets, through dist/ as the GitHub runner runs them: the Vault
 * imitation over HTTPS with a CA the test makes (ca-certificate as PEM, path and base64; and
 * NODE_EXTRA_CA_CERTS), mutual TLS and the cert auth method, tls-skip-verify with its warning,
 * TLS failures that name host, cause and input, the CONNECT proxy (HTTPS_PROXY counted tunnels,
 * NO_PROXY bypass), the whole-step and per-request timeouts, and short-lifetime warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { certAuth } from '../servers/vault-auth-extra.js';
import { makeCert, type TestCert } from '../servers/certs.js';
import { startProxy, type TestProxy } from '../servers/proxy.js';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { repoRoot } from '../runner/node.js';

const AUD = 'https://vault.example';
const SECRET = { api_key: 'reach-api-key-5d6e7f8a9b' };
let issuer: OidcIssuer;
let ca: TestCert;
let client: TestCert;
let caFile: string;
let tlsVault: VaultServer;
let mtlsVault: VaultServer;
let wrongName: VaultServer;
let expired: VaultServer;
let plain: VaultServer;
let proxy: TestProxy;

async function configure(v: VaultServer, ttl = 3600): Promise<VaultServer> {
  v.mount('secret', { type: 'kv', version: 2 });
  v.kv2Put('secret', 'ci/app', SECRET);
  v.mount('database', { type: 'database' });
  v.databaseRole('database', 'short', { default_ttl: 300 });
  v.policy('ci-read', ['secret/data/ci/*', 'database/creds/*', { path: 'sys/leases/revoke', capabilities: ['update'] }]);
  v.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  v.jwtRole('jwt', 'ci', {
    bound_audiences: [AUD],
    bound_claims: { repository: 'octo-org/*' },
    bound_claims_type: 'glob',
    user_claim: 'sub',
    token_policies: ['ci-read'],
    token_ttl: ttl,
  });
  v.jwtRole('jwt', 'short', { bound_audiences: [AUD], user_claim: 'sub', token_policies: ['ci-read'], token_ttl: 300 });
  return v;
}

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'vault-login', 'index.js'))) throw new Error('build first: npm run build -- vault-login fetch-secrets');
  issuer = await new OidcIssuer().start();
  ca = await makeCert({ ca: true, cn: 'Reach Test CA' });
  const leaf = await makeCert({ dns: ['localhost'], ips: ['127.0.0.1'] }, ca);
  client = await makeCert({ cn: 'ci-runner', clientAuth: true }, ca);
  caFile = join(mkdtempSync(join(tmpdir(), 'ps-reach-')), 'ca.pem');
  writeFileSync(caFile, ca.cert);
  tlsVault = await configure(await new VaultServer().start({ tls: { cert: leaf.cert, key: leaf.key } }));
  mtlsVault = await configure(await new VaultServer().start({ tls: { cert: leaf.cert, key: leaf.key, ca: ca.cert, requestCert: true } }));
  certAuth(mtlsVault, 'cert', { 'ci-runner': { certPem: client.cert, policies: ['ci-read'], ttl: 1800 } });
  const badName = await makeCert({ dns: ['vault.internal'], ips: [] }, ca);
  wrongName = await configure(await new VaultServer().start({ tls: { cert: badName.cert, key: badName.key } }));
  const old = await makeCert({ ips: ['127.0.0.1'], notBeforeDays: -30, notAfterDays: -1 }, ca);
  expired = await configure(await new VaultServer().start({ tls: { cert: old.cert, key: old.key } }));
  plain = await configure(await new VaultServer().start());
  proxy = await startProxy();
});

afterAll(async () => {
  for (const v of [tlsVault, mtlsVault, wrongName, expired, plain]) await v.stop();
  await issuer.stop();
  await proxy.close();
});

function secrets(): string[] {
  return [SECRET.api_key, client.key, Buffer.from(client.key).toString('base64'), issuer.requestToken, ...issuer.issued];
}

async function step(
  action: 'vault-login' | 'fetch-secrets',
  inputs: Record<string, string>,
  opts: { env?: Record<string, string | undefined>; node?: 'current' | '24' } = {},
): Promise<StepRun> {
  const run = await runStep({
    action,
    inputs: { role: 'ci', audience: AUD, 'retry-initial-delay': '1ms', ...inputs },
    env: { ...issuer.githubEnv, ...opts.env },
    secrets: secrets(),
    ...(opts.node ? { node: opts.node } : {}),
  });
  expect(run.leaks).toEqual([]);
  const printed = [
    ...run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    run.stderr,
    run.summary,
    ...run.annotations.map((a) => a.message),
  ].join('\n');
  for (const v of [tlsVault, mtlsVault, plain]) for (const t of v.tokens.keys()) expect(printed.includes(t) ? 'leaked token' : 'clean').toBe('clean');
  return run;
}

function ok(run: StepRun): StepRun {
  if (run.code !== 0) throw new Error(transcript(run));
  return run;
}

function errorText(run: StepRun): string {
  expect(run.code).not.toBe(0);
  expect(run.exported).toEqual({});
  return run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
}

describe('private CA', () => {
  it.each([
    ['PEM content', (): string => ca.cert],
    ['a file path', (): string => caFile],
    ["base64 of the PEM (vault-action's caCertificate)", (): string => Buffer.from(ca.cert).toString('base64')],
  ])('vault-login trusts ca-certificate given as %s', async (_what, value) => {
    const run = ok(await step('vault-login', { url: tlsVault.url, 'ca-certificate': value() }));
    expect(run.outputs['token']).toMatch(/^hvs\./);
  });

  it("fetch-secrets over HTTPS with vault-action's caCertificate", async () => {
    const run = ok(
      await step('fetch-secrets', {
        url: tlsVault.url,
        caCertificate: Buffer.from(ca.cert).toString('base64'),
        secrets: 'secret/data/ci/app api_key | API_KEY',
      }),
    );
    expect(run.exported['API_KEY']).toBe(SECRET.api_key);
  });

  it('NODE_EXTRA_CA_CERTS is respected when no ca-certificate is given (Node 24 and Node 20)', async () => {
    ok(await step('vault-login', { url: tlsVault.url }, { env: { NODE_EXTRA_CA_CERTS: caFile } }));
    const run = ok(
      await step('fetch-secrets', { url: tlsVault.url, secrets: 'secret/data/ci/app api_key' }, { env: { NODE_EXTRA_CA_CERTS: caFile }, node: 'current' }),
    );
    expect(run.exported['API_KEY']).toBe(SECRET.api_key);
  });

  it('tls-skip-verify (tlsSkipVerify) works only with a warning', async () => {
    const run = ok(await step('fetch-secrets', { url: tlsVault.url, tlsSkipVerify: 'true', secrets: 'secret/data/ci/app api_key' }));
    expect(run.annotations.find((a) => a.level === 'warning' && a.props['title'] === 'Insecure TLS')?.message).toMatch(/NOT verified/);
  });
});

describe('TLS failures name the host, the cause and the input that fixes it', () => {
  it('unknown CA', async () => {
    const msg = errorText(await step('vault-login', { url: tlsVault.url }));
    expect(msg).toContain(tlsVault.url.replace('https://', ''));
    expect(msg).toMatch(/not trusted|untrusted/);
    expect(msg).toContain('ca-certificate');
  });

  it('host name mismatch', async () => {
    const msg = errorText(await step('vault-login', { url: wrongName.url, 'ca-certificate': ca.cert }));
    expect(msg).toMatch(/does not match the host name.*ERR_TLS_CERT_ALTNAME_INVALID/s);
    expect(msg).toContain(wrongName.url.replace('https://', ''));
  });

  it('expired certificate', async () => {
    const msg = errorText(await step('fetch-secrets', { url: expired.url, 'ca-certificate': ca.cert, secrets: 'secret/data/ci/app api_key' }));
    expect(msg).toMatch(/has expired.*CERT_HAS_EXPIRED/s);
  });
});

describe('mutual TLS and the cert auth method', () => {
  it("client-certificate/client-key (PEM) and vault-action's base64 clientCertificate/clientKey", async () => {
    ok(await step('vault-login', { url: mtlsVault.url, 'ca-certificate': caFile, 'client-certificate': client.cert, 'client-key': client.key }));
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const run = ok(
      await step('fetch-secrets', {
        url: mtlsVault.url,
        caCertificate: b64(ca.cert),
        clientCertificate: b64(client.cert),
        clientKey: b64(client.key),
        secrets: 'secret/data/ci/app api_key',
      }),
    );
    expect(run.exported['API_KEY']).toBe(SECRET.api_key);
  });

  it('without a client certificate the failure names client-certificate', async () => {
    const msg = errorText(await step('vault-login', { url: mtlsVault.url, 'ca-certificate': caFile }));
    expect(msg).toContain(mtlsVault.url.replace('https://', ''));
    expect(msg).toContain('client-certificate');
  });

  it('method cert logs in with the TLS client certificate (auth/cert/login)', async () => {
    const run = ok(
      await step('vault-login', {
        url: mtlsVault.url,
        method: 'cert',
        role: 'ci-runner',
        'ca-certificate': caFile,
        'client-certificate': client.cert,
        'client-key': client.key,
      }),
    );
    expect(mtlsVault.tokens.get(run.outputs['token'] ?? '')?.meta['cert_name']).toBe('ci-runner');
    expect(run.summary).toMatch(/\| Method \| cert \|/);
    const noCert = errorText(await step('vault-login', { url: tlsVault.url, method: 'cert', 'ca-certificate': caFile }));
    expect(noCert).toContain('client-certificate');
  });
});

describe('proxy', () => {
  it('every Vault request of vault-login and fetch-secrets goes through HTTPS_PROXY (tunnels counted)', async () => {
    const target = tlsVault.url.replace('https://', '');
    const before = proxy.tunnels.filter((t) => t === target).length;
    ok(await step('vault-login', { url: tlsVault.url, 'ca-certificate': caFile }, { env: { HTTPS_PROXY: proxy.url } }));
    const mid = proxy.tunnels.filter((t) => t === target).length;
    expect(mid).toBeGreaterThan(before);
    const run = ok(
      await step('fetch-secrets', { url: tlsVault.url, 'ca-certificate': caFile, secrets: 'secret/data/ci/app api_key' }, { env: { https_proxy: proxy.url } }),
    );
    expect(run.exported['API_KEY']).toBe(SECRET.api_key);
    expect(proxy.tunnels.filter((t) => t === target).length).toBeGreaterThan(mid);
  });

  it('a NO_PROXY host bypasses the proxy', async () => {
    const before = proxy.tunnels.length;
    ok(
      await step(
        'fetch-secrets',
        { url: tlsVault.url, 'ca-certificate': caFile, secrets: 'secret/data/ci/app api_key' },
        { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
      ),
    );
    ok(await step('vault-login', { url: tlsVault.url, 'ca-certificate': caFile }, { env: { HTTPS_PROXY: proxy.url, no_proxy: 'example.com,127.0.0.1' } }));
    expect(proxy.tunnels.length).toBe(before);
  });
});

describe('time', () => {
  it('timeout fails the step naming what was still pending', async () => {
    plain.latencyMs = 5000;
    try {
      const t0 = Date.now();
      const msg = errorText(await step('vault-login', { url: plain.url, timeout: '1s' }));
      expect(Date.now() - t0).toBeLessThan(4500);
      expect(msg).toMatch(/did not finish within 1s \(the timeout input\); still pending: POST auth\/jwt\/login/);
      const tok = plain.createToken({ policies: ['ci-read'] });
      const fetchMsg = errorText(
        await runStep({
          action: 'fetch-secrets',
          inputs: { url: plain.url, token: tok, timeout: '1s', secrets: 'secret/data/ci/app api_key' },
          secrets: [tok],
        }),
      );
      expect(fetchMsg).toMatch(/still pending: GET auth\/token\/lookup-self/);
    } finally {
      plain.latencyMs = 0;
    }
  });

  it('request-timeout bounds each attempt; a timed-out attempt is retried', async () => {
    plain.latencyMs = 1500;
    try {
      const from = plain.requestsTo(/^auth\/jwt\/login$/).length;
      const msg = errorText(await step('vault-login', { url: plain.url, 'request-timeout': '300ms', 'retry-max-attempts': '2' }));
      expect(msg).toMatch(/could not reach Vault.*UND_ERR_HEADERS_TIMEOUT/s);
      expect(plain.requestsTo(/^auth\/jwt\/login$/).length - from).toBe(2);
    } finally {
      plain.latencyMs = 0;
    }
  });

  it('warns in the log and the summary when the token or a lease expires within 10 minutes', async () => {
    const run = ok(await step('vault-login', { url: plain.url, role: 'short' }));
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(run.annotations.find((a) => a.props['title'] === 'Short-lived Vault token')?.message).toMatch(/expires in 5m.*token_ttl of role "short"/);
    expect(run.summary).toMatch(/\[!WARNING\][\s\S]*expires in 5m/);
    const f = ok(await step('fetch-secrets', { url: plain.url, secrets: 'database/creds/short username | DB_USER ; database/creds/short password | DB_PASS' }));
    expect(f.summary).toMatch(/\| `DB_PASS` \|.*\| 5m/);
    expect(f.annotations.find((a) => a.props['title'] === 'Short-lived credentials')?.message).toMatch(/DB_PASS \(300s\)/);
  });
});
