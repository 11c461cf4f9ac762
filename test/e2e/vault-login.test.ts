/**
 * vault-login end to end: dist/vault-login run as the GitHub runner runs it (and dist/cli),
 * against the Vault imitation and the OIDC issuer on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { repoRoot } from '../runner/node.js';
import { expectOwnerOnly } from '../runner/os.js';
import { makeCert } from '../servers/certs.js';

const AUD = 'https://vault.example';
let issuer: OidcIssuer;
let vault: VaultServer;
let approle: { roleId: string; secretId: string };
let k8sTokenFile: string;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  const common = { user_claim: 'sub', token_policies: ['ci-read'], token_ttl: 900, bound_claims_type: 'glob' as const };
  vault.jwtRole('jwt', 'ci', { ...common, bound_audiences: [AUD, new URL(vault.url).origin], bound_claims: { repository: 'octo-org/*', ref: 'refs/heads/*' } });
  vault.jwtRole('jwt', 'release', { ...common, bound_audiences: [AUD], bound_claims: { ref: 'refs/heads/release/*' } });
  vault.enableAuth('jwt-empty', 'jwt');
  vault.policy('ci-read', ['secret/data/ci/*']);
  approle = vault.approleRole('deploy', { token_policies: ['ci-read'], token_ttl: 600 });
  vault.kubernetesAuth('kubernetes', `${issuer.url}/.well-known/jwks`);
  vault.kubernetesRole('kubernetes', 'runner', {
    bound_service_account_names: ['gha-runner'],
    bound_service_account_namespaces: ['ci'],
    token_policies: ['ci-read'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'ps-k8s-'));
  k8sTokenFile = join(dir, 'token');
  writeFileSync(k8sTokenFile, await issuer.sign({ sub: 'system:serviceaccount:ci:gha-runner', aud: 'https://kubernetes.default.svc' }, { expiresIn: 3600 }));
  if (!existsSync(join(repoRoot, 'dist', 'vault-login', 'index.js'))) throw new Error('build first: npm run build -- vault-login cli');
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
});

/** Every credential that exists in this test: issued JWTs, Vault tokens, the AppRole secret. */
function credentials(): string[] {
  return [...issuer.issued, ...[...vault.tokens.keys()], approle.secretId, issuer.requestToken, readFileSync(k8sTokenFile, 'utf8')];
}

/** Asserts no credential is printed anywhere: log (outside add-mask), stderr, summary, annotations. */
function assertClean(run: StepRun): void {
  expect(run.leaks).toEqual([]);
  const printed = [
    ...run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    run.stderr,
    run.summary,
    ...run.annotations.map((a) => a.message),
  ].join('\n');
  for (const c of credentials()) expect(printed.includes(c) ? `leaked ${c.slice(0, 8)}…` : 'clean').toBe('clean');
}

const base = (extra: Record<string, string> = {}): Record<string, string> => ({
  url: vault.url,
  role: 'ci',
  audience: AUD,
  'retry-initial-delay': '1ms',
  ...extra,
});

async function step(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string | undefined>; debug?: boolean; node?: 'current' | '24' } = {},
): Promise<StepRun> {
  const run = await runStep({
    action: 'vault-login',
    inputs,
    env: opts.env ?? issuer.githubEnv,
    secrets: [approle.secretId, issuer.requestToken],
    ...(opts.debug ? { debug: true } : {}),
    ...(opts.node ? { node: opts.node } : {}),
  });
  assertClean(run);
  return run;
}

function errorText(run: StepRun): string {
  return run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
}

describe('vault-login with GitHub OIDC (jwt)', () => {
  it('logs in, masks and outputs the token, exports VAULT_*, and the post step revokes it', async () => {
    const before = vault.counters.revocations;
    const run = await step(base());
    expect(run.code).toBe(0);
    const token = run.outputs['token'] ?? '';
    expect(token).toMatch(/^hvs\./);
    expect(run.masks).toContain(token);
    expect(run.stdout.indexOf(`::add-mask::${token}`)).toBeLessThan(run.stdout.indexOf('Logged in'));
    expect(run.outputs['accessor']).toBe(vault.tokens.get(token)?.accessor);
    expect(Date.parse(run.outputs['expires-at'] ?? '') - Date.now()).toBeGreaterThan(800_000);
    expect(run.exported).toMatchObject({ VAULT_ADDR: vault.url, VAULT_TOKEN: token });
    expect(run.exported['VAULT_NAMESPACE']).toBeUndefined();
    expect(run.summary).toMatch(/\| Method \| jwt \|/);
    expect(run.summary).toMatch(/\| Policies \| ci-read, default \|/);
    expect(run.summary).toMatch(/\| TTL \| 15m \|/);
    expect(vault.tokens.get(token)?.meta).toEqual({ role: 'ci' });
    const post = await runStep({ action: 'vault-login', after: run, secrets: [token] });
    assertClean(post);
    expect(post.code).toBe(0);
    expect(post.log.join('\n')).toContain('Revoked the Vault token');
    expect(vault.counters.revocations).toBe(before + 1);
    expect(vault.liveToken(token)).toBeUndefined();
  });

  it('defaults the audience to the Vault URL origin; revoke: false keeps the token', async () => {
    const run = await step({ url: vault.url, role: 'ci', revoke: 'false', 'export-token': 'false' });
    expect(run.code).toBe(0);
    const token = run.outputs['token'] ?? '';
    expect(run.exported['VAULT_TOKEN']).toBeUndefined();
    expect(run.log.join('\n')).toContain('revoke is false');
    const before = vault.counters.revocations;
    const post = await runStep({ action: 'vault-login', after: run, secrets: [token] });
    assertClean(post);
    expect(post.code).toBe(0);
    expect(vault.counters.revocations).toBe(before);
    expect(vault.liveToken(token)).toBeDefined();
  });

  it('retries a flaky login through 503s with a fresh OIDC token per attempt', async () => {
    vault.failNext(/^auth\/jwt\/login$/, [503, 503]);
    const logins = vault.requestsTo(/^auth\/jwt\/login$/).length;
    const jwts = issuer.issued.length;
    const run = await step(base());
    expect(run.code).toBe(0);
    expect(
      vault
        .requestsTo(/^auth\/jwt\/login$/)
        .slice(logins)
        .map((e) => e.status),
    ).toEqual([503, 503, 200]);
    expect(issuer.issued.length - jwts).toBe(3);
    expect(run.log.join('\n')).toMatch(/retrying in \d+ ms \(attempt 2 of 4\)/);
  });

  it('never retries a refused login (400) and names the audience and input to change', async () => {
    const logins = vault.requestsTo(/^auth\/jwt\/login$/).length;
    const run = await step(base({ audience: 'https://wrong.example' }));
    expect(run.code).toBe(1);
    expect(vault.requestsTo(/^auth\/jwt\/login$/).length - logins).toBe(1);
    const msg = errorText(run);
    expect(msg).toContain('audience "https://wrong.example"');
    expect(msg).toContain('"audience" input');
    expect(run.exported['VAULT_TOKEN']).toBeUndefined();
    expect(run.outputs['token']).toBeUndefined();
  });

  it('explains a bound_claims mismatch with the claim and its value', async () => {
    const run = await step(base({ role: 'release' }));
    expect(run.code).toBe(1);
    expect(errorText(run)).toMatch(/claim "ref" is "refs\/heads\/main", which role "release" does not allow/);
  });

  it('explains a missing role (role and mount) and an unconfigured mount', async () => {
    const missing = await step(base({ role: 'nope' }));
    expect(missing.code).toBe(1);
    expect(errorText(missing)).toMatch(/role "nope" does not exist on the auth mount "auth\/jwt".*"path" input/);
    const unconfigured = await step(base({ path: 'jwt-empty' }));
    expect(unconfigured.code).toBe(1);
    expect(errorText(unconfigured)).toMatch(/"auth\/jwt-empty" is not configured for JWT/);
    const nomount = await step(base({ path: 'jwt-nowhere' }));
    expect(errorText(nomount)).toMatch(/no auth method is enabled at "auth\/jwt-nowhere" \(check the "path" input/);
  });

  it('says to add `permissions: id-token: write` when the runner has no OIDC service', async () => {
    const run = await step(base(), { env: {} });
    expect(run.code).toBe(1);
    expect(errorText(run)).toContain('permissions: id-token: write');
    expect(vault.requestsTo(/^auth\/jwt\/login$/).length).toBeGreaterThan(0);
  });

  it('leaks nothing with debug logging on', async () => {
    const run = await step(base(), { debug: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::debug::jwt login token claims: iss=');
    expect(run.stdout).toContain('repository=octo-org/octo-repo');
  });

  it('runs under the current Node (20) as well', async () => {
    const run = await step(base(), { node: 'current' });
    expect(run.code).toBe(0);
    expect(run.outputs['token']).toMatch(/^hvs\./);
  });
});

describe('vault-login with AppRole, a token, Kubernetes', () => {
  it('AppRole: logs in with role-id and the masked secret-id', async () => {
    const run = await step({ url: vault.url, method: 'approle', 'role-id': approle.roleId, 'secret-id': approle.secretId });
    expect(run.code).toBe(0);
    expect(run.masks).toContain(approle.secretId);
    expect(vault.tokens.get(run.outputs['token'] ?? '')?.meta).toEqual({ role_name: 'deploy' });
  });

  it('AppRole: a wrong secret-id is refused once, not retried, with guidance', async () => {
    const logins = vault.requestsTo(/^auth\/approle\/login$/).length;
    const run = await runStep({
      action: 'vault-login',
      inputs: { url: vault.url, method: 'approle', 'role-id': approle.roleId, 'secret-id': 'not-the-secret-id' },
      secrets: ['not-the-secret-id'],
    });
    assertClean(run);
    expect(run.code).toBe(1);
    expect(vault.requestsTo(/^auth\/approle\/login$/).length - logins).toBe(1);
    expect(errorText(run)).toContain('"role-id" and "secret-id" inputs');
  });

  it('token: uses a given token without login and does not revoke it', async () => {
    const token = vault.createToken({ policies: ['ci-read'], ttl: 300 });
    const run = await runStep({ action: 'vault-login', inputs: { url: vault.url, method: 'token', token }, secrets: [token] });
    assertClean(run);
    expect(run.code).toBe(0);
    expect(run.outputs['accessor']).toBe(vault.tokens.get(token)?.accessor);
    expect(run.exported['VAULT_TOKEN']).toBe(token);
    const before = vault.counters.revocations;
    const post = await runStep({ action: 'vault-login', after: run, secrets: [token] });
    expect(post.code).toBe(0);
    expect(vault.counters.revocations).toBe(before);
  });

  it('token: an invalid token fails naming the input', async () => {
    const run = await runStep({
      action: 'vault-login',
      inputs: { url: vault.url, method: 'token', token: 'hvs.not-a-real-token-at-all' },
      secrets: ['hvs.not-a-real-token-at-all'],
    });
    assertClean(run);
    expect(run.code).toBe(1);
    expect(errorText(run)).toMatch(/invalid, expired or revoked.*input "token"/);
  });

  it('kubernetes: logs in with the service-account JWT from the token file', async () => {
    const run = await step({ url: vault.url, method: 'kubernetes', role: 'runner', 'kubernetes-token-path': k8sTokenFile }, { env: {} });
    expect(run.code).toBe(0);
    expect(vault.tokens.get(run.outputs['token'] ?? '')?.meta).toMatchObject({ service_account_name: 'gha-runner', service_account_namespace: 'ci' });
  });

  it('kubernetes: a 403 (wrong service account) is not retried', async () => {
    vault.kubernetesRole('kubernetes', 'other', { bound_service_account_names: ['deployer'], bound_service_account_namespaces: ['ci'] });
    const logins = vault.requestsTo(/^auth\/kubernetes\/login$/).length;
    const run = await step(
      { url: vault.url, method: 'kubernetes', role: 'other', 'kubernetes-token-path': k8sTokenFile, 'retry-initial-delay': '1ms' },
      { env: {} },
    );
    expect(run.code).toBe(1);
    expect(vault.requestsTo(/^auth\/kubernetes\/login$/).length - logins).toBe(1);
    expect(errorText(run)).toContain('system:serviceaccount:ci:gha-runner is not in bound_service_account_names of role "other"');
  });
});

describe('vault-login: namespaces, TLS, vault-action input names', () => {
  let tlsVault: VaultServer;
  let caPath: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-tls-'));
    const f = (n: string): string => join(dir, n);
    // made in-process (no openssl: macOS ships LibreSSL, Windows may have none on PATH)
    const ca = await makeCert({ ca: true, cn: 'Test Vault CA', notAfterDays: 2 });
    const srv = await makeCert({ cn: '127.0.0.1', ips: ['127.0.0.1'], dns: [], notAfterDays: 2 }, ca);
    writeFileSync(f('ca.pem'), ca.cert);
    caPath = f('ca.pem');
    tlsVault = await new VaultServer().start({ tls: { cert: srv.cert, key: srv.key } });
    tlsVault.namespace('team-a');
    tlsVault.jwtAuth('jwt-github', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url }, 'team-a');
    tlsVault.jwtRole('jwt-github', 'ci', { bound_audiences: [AUD], bound_claims: { repository: 'octo-org/octo-repo' }, token_policies: ['ci-read'] }, 'team-a');
  });
  afterAll(async () => {
    await tlsVault.stop();
  });
  const tlsInputs = (extra: Record<string, string>): Record<string, string> => ({
    url: tlsVault.url,
    namespace: 'team-a',
    path: 'jwt-github',
    role: 'ci',
    audience: AUD,
    'retry-initial-delay': '1ms',
    ...extra,
  });

  it('trusts ca-certificate given as a file path, logs in inside a namespace and exports VAULT_NAMESPACE', async () => {
    const run = await step(tlsInputs({ 'ca-certificate': caPath }));
    expect([run.code, errorText(run)]).toEqual([0, '']);
    expect(run.exported).toMatchObject({ VAULT_ADDR: tlsVault.url, VAULT_NAMESPACE: 'team-a' });
    expect(tlsVault.tokens.get(run.outputs['token'] ?? '')?.namespace).toBe('team-a');
    expect(tlsVault.requestsTo(/^team-a\/auth\/jwt-github\/login$/).length).toBeGreaterThan(0);
    const post = await runStep({ action: 'vault-login', after: run, secrets: [run.outputs['token'] ?? ''] });
    expect(post.code).toBe(0);
    expect(tlsVault.counters.revocations).toBe(1);
  });

  it("accepts vault-action's base64 caCertificate and jwtGithubAudience names", async () => {
    const b64 = Buffer.from(readFileSync(caPath, 'utf8')).toString('base64');
    const inputs = tlsInputs({ caCertificate: b64, jwtGithubAudience: AUD });
    delete inputs['audience'];
    const run = await step(inputs);
    expect([run.code, errorText(run)]).toEqual([0, '']);
  });

  it('without the CA, fails at once naming the cause and the ca-certificate input', async () => {
    const run = await step(tlsInputs({}));
    expect(run.code).toBe(1);
    expect(errorText(run)).toMatch(/TLS connection to https:\/\/127\.0\.0\.1:\d+.*not trusted|self-signed|untrusted/);
    expect(errorText(run)).toContain('ca-certificate');
  });

  it('tls-skip-verify works and warns loudly', async () => {
    const run = await step(tlsInputs({ 'tls-skip-verify': 'true' }));
    expect(run.code).toBe(0);
    expect(run.annotations.find((a) => a.level === 'warning')?.message).toMatch(/NOT verified/);
  });
});

describe('vault-login from the CLI', () => {
  it('AppRole with the secret id from INPUT_SECRET-ID, --export-file, then --post revokes', async () => {
    if (!existsSync(join(repoRoot, 'dist', 'cli', 'index.js'))) throw new Error('build first: npm run build -- cli');
    const dir = mkdtempSync(join(tmpdir(), 'ps-cli-'));
    const envFile = join(dir, 'vault.env');
    const tempDir = join(dir, 'tmp');
    // the file does not exist yet: the CLI creates it 0600 (the flag is not --env-file, which Node itself reads)
    const args = ['vault-login', '--url', vault.url, '--method', 'approle', '--role-id', approle.roleId, '--temp-dir', tempDir];
    const run = await runCli([...args, '--export-file', envFile], { env: { 'INPUT_SECRET-ID': approle.secretId }, secrets: [approle.secretId] });
    expect(run.leaks).toEqual([]);
    expect([run.code, run.code === 0 ? '' : run.stderr]).toEqual([0, '']);
    const env = readFileSync(envFile, 'utf8');
    const token = /export VAULT_TOKEN='([^']+)'/.exec(env)?.[1] ?? '';
    expect(token).toMatch(/^hvs\./);
    expectOwnerOnly(envFile);
    for (const c of credentials()) expect(run.stdout.includes(c) || run.stderr.includes(c)).toBe(false);
    const before = vault.counters.revocations;
    const post = await runCli([...args, '--post'], { env: { 'INPUT_SECRET-ID': approle.secretId }, secrets: [approle.secretId, token] });
    expect(post.leaks).toEqual([]);
    expect(post.code).toBe(0);
    expect(post.stderr).toContain('Revoked the Vault token');
    expect(vault.counters.revocations).toBe(before + 1);
  });
});

afterAll(() => {
  // keep a readable trail when a test fails: nothing to clean (temp dirs are per run)
  void transcript;
});
