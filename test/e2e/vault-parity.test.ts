/**
 * Drop-in parity with hashicorp/vault-action 3.4.0: `with:` blocks written as its README shows
 * them, unchanged (camelCase keys become INPUT_ROLEID ... as GitHub upper-cases them), run
 * through dist/fetch-secrets and dist/vault-login with every action.yml default supplied as the
 * GitHub runner supplies it; the auth methods it has (github, userpass, ldap, cert is in
 * vault-reach, self-signed JWT, authPayload), extraHeaders, secretEncodingType, outputToken,
 * exportToken, the pki input, and alias conflicts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK } from 'jose';
import { parse } from 'yaml';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { githubAuth, passwordAuth, payloadAuth } from '../servers/vault-auth-extra.js';
import { listen, sendJson, type Started } from '../servers/http.js';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { repoRoot } from '../runner/node.js';

const AUD = 'https://github.com/octo-org';
const AWS = { accessKey: 'AKIA-parity-0a1b2c3d', secretKey: 'sk-parity-4e5f6a7b8c9d' };
const CI = { npm_token: 'npm-parity-112233445566' };
const ENCODED = { b64: Buffer.from('decoded-b64-secret-77').toString('base64'), hex: Buffer.from('decoded-hex-secret-88').toString('hex') };
const PASSWORD = 'pw-parity-9f8e7d6c';
const LDAP_PASSWORD = 'ldap-pw-5a4b3c2d';
const GH_PAT = `ghp_${randomBytes(18).toString('hex')}`;
const OKTA_PASSWORD = 'okta-pw-1q2w3e4r';
const HEADER_SECRET = 'hdr-secret-6y7u8i9o';
const KEY_PASSWORD = 'keypass-0p9o8i7u';

let issuer: OidcIssuer;
let vault: VaultServer;
let jwks: Started;
let token: string;
let approle: { roleId: string; secretId: string };
let privatePem: string;
let encryptedPem: string;

const VALUES = [AWS.accessKey, AWS.secretKey, CI.npm_token, ENCODED.b64, ENCODED.hex, 'decoded-b64-secret-77', 'decoded-hex-secret-88'];

/** The defaults GitHub supplies for every input the workflow does not give (action.yml). */
function githubDefaults(action: string): Record<string, string> {
  const meta = parse(readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta.inputs)) if (v.default !== undefined && v.default !== '') out[k] = String(v.default);
  return out;
}

function secretsOf(): string[] {
  return [
    ...VALUES,
    token,
    approle.secretId,
    PASSWORD,
    LDAP_PASSWORD,
    GH_PAT,
    OKTA_PASSWORD,
    HEADER_SECRET,
    KEY_PASSWORD,
    issuer.requestToken,
    privatePem,
    Buffer.from(privatePem).toString('base64'),
    ...issuer.issued,
  ];
}

/** Runs a `with:` block as GitHub would: action.yml defaults, then the block, INPUT_<UPPER>. */
async function uses(
  action: 'fetch-secrets' | 'vault-login',
  withBlock: Record<string, string>,
  opts: { env?: Record<string, string>; after?: StepRun } = {},
): Promise<StepRun> {
  const run = await runStep({
    action,
    inputs: { ...githubDefaults(action), 'retry-initial-delay': '1ms', ...withBlock },
    env: { ...issuer.githubEnv, ...opts.env },
    secrets: secretsOf(),
    ...(opts.after ? { after: opts.after } : {}),
  });
  expect(run.leaks).toEqual([]);
  const printed = [
    ...run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    run.stderr,
    run.summary,
    ...run.annotations.map((a) => a.message),
  ].join('\n');
  for (const s of [...secretsOf(), ...[...vault.tokens.keys()]])
    if (s.length >= 8) expect(printed.includes(s) ? `leaked ${s.slice(0, 6)}…` : 'clean').toBe('clean');
  return run;
}

function ok(run: StepRun): StepRun {
  if (run.code !== 0) throw new Error(transcript(run));
  return run;
}

function errorText(run: StepRun): string {
  expect(run.code).not.toBe(0);
  return run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
}

const README_SECRETS = 'secret/data/ci/aws accessKey | AWS_ACCESS_KEY_ID ;\nsecret/data/ci/aws secretKey | AWS_SECRET_ACCESS_KEY ;\nsecret/data/ci npm_token\n';

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'fetch-secrets', 'index.js'))) throw new Error('build first: npm run build -- fetch-secrets vault-login cli');
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.kv2Put('secret', 'ci/aws', AWS);
  vault.kv2Put('secret', 'ci', CI);
  vault.kv2Put('secret', 'ci/encoded', ENCODED);
  vault.mount('pki', { type: 'pki' });
  vault.pkiRole('pki', 'web', { allowed_domains: ['example.com'], allow_subdomains: true, max_ttl: 86400 });
  vault.policy('ci-read', ['secret/data/ci', 'secret/data/ci/*', 'pki/issue/*']);
  token = vault.createToken({ policies: ['ci-read'], ttl: 3600 });
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  vault.jwtRole('jwt', 'ci', {
    bound_audiences: [AUD],
    bound_claims: { repository: 'octo-org/*' },
    bound_claims_type: 'glob',
    user_claim: 'sub',
    token_policies: ['ci-read'],
    token_ttl: 3600,
  });
  approle = vault.approleRole('deploy', { token_policies: ['ci-read'], token_ttl: 3600 });
  passwordAuth(vault, 'userpass', { ci: { password: PASSWORD, policies: ['ci-read'] } });
  passwordAuth(vault, 'ldap', { 'jane.doe': { password: LDAP_PASSWORD, policies: ['ci-read'] } });
  githubAuth(vault, 'github', 'octo-org', { [GH_PAT]: { user: 'octocat', policies: ['ci-read'] } });
  payloadAuth(vault, 'okta', { username: 'ci-bot', password: OKTA_PASSWORD }, { policies: ['ci-read'] });

  // a self-signed JWT: our own key, its JWKS served for the jwt mount "jwt-self"
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  encryptedPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: KEY_PASSWORD }).toString();
  const jwk = { ...(await exportJWK(pair.publicKey)), alg: 'RS256', use: 'sig' };
  jwks = await listen((_req, res) => sendJson(res, 200, { keys: [jwk] }));
  vault.jwtAuth('jwt-self', { jwksUrl: `${jwks.url}/jwks`, boundIssuer: 'vault-action' });
  vault.jwtRole('jwt-self', 'signed', {
    bound_claims: { repository: 'octo-org/octo-repo' },
    user_claim: 'repository',
    token_policies: ['ci-read'],
    token_ttl: 3600,
  });
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
  await jwks.close();
});

describe('with: blocks from the vault-action README, unchanged', () => {
  it('JWT with GitHub OIDC tokens (method jwt, role, jwtGithubAudience) and the README secrets block', async () => {
    const run = ok(await uses('fetch-secrets', { url: vault.url, method: 'jwt', role: 'ci', jwtGithubAudience: AUD, secrets: README_SECRETS }));
    expect(run.exported).toMatchObject({ AWS_ACCESS_KEY_ID: AWS.accessKey, AWS_SECRET_ACCESS_KEY: AWS.secretKey, NPM_TOKEN: CI.npm_token });
    expect(run.outputs).toMatchObject({ AWS_ACCESS_KEY_ID: AWS.accessKey, npm_token: CI.npm_token });
    // exportToken defaults to false, as in vault-action
    expect(run.exported['VAULT_TOKEN']).toBeUndefined();
    expect(vault.requestsTo(/^auth\/jwt\/login$/).length).toBeGreaterThan(0);
  });

  it('AppRole (method approle, roleId, secretId): INPUT_ROLEID / INPUT_SECRETID as GitHub names them', async () => {
    const run = ok(
      await uses('fetch-secrets', { url: vault.url, method: 'approle', roleId: approle.roleId, secretId: approle.secretId, secrets: README_SECRETS }),
    );
    expect(run.env['INPUT_ROLEID']).toBe(approle.roleId);
    expect(run.exported).toMatchObject({ AWS_ACCESS_KEY_ID: AWS.accessKey, NPM_TOKEN: CI.npm_token });
    expect(run.masks).toContain(approle.secretId);
  });

  it('Token (the default method), with exportToken and outputToken', async () => {
    const run = ok(
      await uses('fetch-secrets', { url: vault.url, token, secrets: 'secret/data/ci npm_token | NPM_TOKEN', exportToken: 'true', outputToken: 'true' }),
    );
    expect(run.exported).toMatchObject({ NPM_TOKEN: CI.npm_token, VAULT_TOKEN: token, VAULT_ADDR: vault.url });
    expect(run.outputs['vault_token']).toBe(token);
    expect(run.masks).toContain(token);
  });

  it('exportEnv: false keeps values out of the environment; ignoreNotFound: true skips a missing key', async () => {
    const run = ok(
      await uses('fetch-secrets', {
        url: vault.url,
        token,
        exportEnv: 'false',
        ignoreNotFound: 'true',
        secrets: 'secret/data/ci npm_token ;\nsecret/data/ci missing_key | NOPE',
      }),
    );
    expect(run.exported).toEqual({});
    expect(run.outputs).toMatchObject({ npm_token: CI.npm_token });
    expect(run.annotations.some((a) => a.level === 'warning' && /missing_key/.test(a.message))).toBe(true);
  });

  it('vault-login takes the same with: block for the login and outputs vault_token with outputToken', async () => {
    const run = ok(
      await uses('vault-login', {
        url: vault.url,
        method: 'approle',
        roleId: approle.roleId,
        secretId: approle.secretId,
        outputToken: 'true',
        exportToken: 'false',
      }),
    );
    expect(run.outputs['vault_token']).toMatch(/^hvs\./);
    expect(run.outputs['vault_token']).toBe(run.outputs['token']);
    expect(run.exported).toEqual({});
    const post = await runStep({ action: 'vault-login', after: run, secrets: [run.outputs['token'] ?? ''] });
    expect(post.code).toBe(0);
  });

  it('vault-login refuses a secrets block, pointing at fetch-secrets (nothing exported)', async () => {
    const msg = errorText(await uses('vault-login', { url: vault.url, token, secrets: README_SECRETS }));
    expect(msg).toMatch(/fetch-secrets/);
    expect(msg).toContain('"secrets"');
  });
});

describe('auth methods vault-action has', () => {
  it('userpass and ldap: username/password to auth/<mount>/login/<username>, password masked', async () => {
    const up = ok(await uses('fetch-secrets', { url: vault.url, method: 'userpass', username: 'ci', password: PASSWORD, secrets: 'secret/data/ci npm_token' }));
    expect(up.exported['NPM_TOKEN']).toBe(CI.npm_token);
    expect(up.masks).toContain(PASSWORD);
    const ld = ok(await uses('vault-login', { url: vault.url, method: 'ldap', username: 'jane.doe', password: LDAP_PASSWORD }));
    expect(ld.outputs['token']).toMatch(/^hvs\./);
    expect(vault.requestsTo(/^auth\/ldap\/login\/jane\.doe$/).length).toBe(1);
    const bad = errorText(await uses('vault-login', { url: vault.url, method: 'userpass', path: 'userpass', username: 'ci', password: 'wrong-password-1' }));
    expect(bad).toMatch(/refused the userpass login/);
    expect(bad).toMatch(/"username" and "password"/);
  });

  it('github: githubToken to auth/github/login, masked; a refused token is not retried', async () => {
    const run = ok(await uses('vault-login', { url: vault.url, method: 'github', githubToken: GH_PAT }));
    expect(run.masks).toContain(GH_PAT);
    const before = vault.requestsTo(/^auth\/github\/login$/).length;
    const bad = errorText(await uses('vault-login', { url: vault.url, method: 'github', githubToken: 'ghp_not_a_member_000000' }));
    expect(bad).toMatch(/read:org/);
    expect(vault.requestsTo(/^auth\/github\/login$/).length).toBe(before + 1);
  });

  it('another method with authPayload: the JSON body POSTed to auth/<method>/login, every string masked', async () => {
    const run = ok(
      await uses('fetch-secrets', {
        url: vault.url,
        method: 'okta',
        authPayload: JSON.stringify({ username: 'ci-bot', password: OKTA_PASSWORD }),
        secrets: 'secret/data/ci npm_token',
      }),
    );
    expect(run.exported['NPM_TOKEN']).toBe(CI.npm_token);
    expect(run.masks).toContain(OKTA_PASSWORD);
    expect(errorText(await uses('vault-login', { url: vault.url, method: 'okta' }))).toMatch(/auth-payload/);
    const notJson = errorText(await uses('vault-login', { url: vault.url, method: 'okta', authPayload: `{password: ${OKTA_PASSWORD}` }));
    expect(notJson).toMatch(/auth-payload.*JSON|JSON.*auth-payload/s);
  });

  it('self-signed JWT: jwtPrivateKey (base64 PEM, as vault-action takes it) and jwtTtl, claims as vault-action sets them', async () => {
    const asked = issuer.requests;
    const run = ok(
      await uses('vault-login', {
        url: vault.url,
        method: 'jwt',
        path: 'jwt-self',
        role: 'signed',
        jwtPrivateKey: Buffer.from(privatePem).toString('base64'),
        jwtTtl: '120',
      }),
    );
    const t = vault.tokens.get(run.outputs['token'] ?? '');
    expect(t?.policies).toContain('ci-read');
    // the step signs its own JWT: the runner's OIDC issuer is never asked
    expect(issuer.requests).toBe(asked);
    // an encrypted key needs jwtKeyPassword; without it the error names that input
    const enc = Buffer.from(encryptedPem).toString('base64');
    ok(await uses('vault-login', { url: vault.url, method: 'jwt', path: 'jwt-self', role: 'signed', jwtPrivateKey: enc, jwtKeyPassword: KEY_PASSWORD }));
    expect(errorText(await uses('vault-login', { url: vault.url, method: 'jwt', path: 'jwt-self', role: 'signed', jwtPrivateKey: enc }))).toContain(
      'jwt-key-password',
    );
  });
});

describe('extraHeaders, secretEncodingType, pki', () => {
  it('extraHeaders go on every Vault request, values masked, never logged', async () => {
    const from = vault.log.length;
    const run = ok(
      await uses('fetch-secrets', {
        url: vault.url,
        method: 'approle',
        roleId: approle.roleId,
        secretId: approle.secretId,
        secrets: 'secret/data/ci npm_token',
        extraHeaders: `X-Secure-Id: ci-runner-1\nX-Secure-Secret: ${HEADER_SECRET}\n`,
      }),
    );
    const seen = vault.log.slice(from);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const e of seen) expect([e.path, e.headers?.['x-secure-id'], e.headers?.['x-secure-secret']]).toEqual([e.path, 'ci-runner-1', HEADER_SECRET]);
    expect(run.masks).toContain(HEADER_SECRET);
    expect(
      errorText(await uses('fetch-secrets', { url: vault.url, token, secrets: 'secret/data/ci npm_token', extraHeaders: `X-Vault-Token: ${HEADER_SECRET}` })),
    ).toMatch(/token input.*extra-headers/s);
  });

  it('secretEncodingType base64 and hex decode values before injection; both forms masked', async () => {
    const b = ok(await uses('fetch-secrets', { url: vault.url, token, secrets: 'secret/data/ci/encoded b64 | B64', secretEncodingType: 'base64' }));
    expect(b.exported['B64']).toBe('decoded-b64-secret-77');
    expect(b.masks).toEqual(expect.arrayContaining(['decoded-b64-secret-77', ENCODED.b64]));
    const h = ok(await uses('fetch-secrets', { url: vault.url, token, secrets: 'secret/data/ci/encoded hex | HEX', secretEncodingType: 'hex' }));
    expect(h.exported['HEX']).toBe('decoded-hex-secret-88');
    expect(errorText(await uses('fetch-secrets', { url: vault.url, token, secrets: 'secret/data/ci/encoded b64 | B64', secretEncodingType: 'hex' }))).toMatch(
      /not hex.*secret-encoding-type/s,
    );
  });

  it('the pki input form: ROLE_CERT, ROLE_KEY, ROLE_CA, ROLE_CA_CHAIN and role_cert outputs', async () => {
    const run = ok(await uses('fetch-secrets', { url: vault.url, token, pki: 'pki/issue/web {"common_name": "web.example.com", "ttl": "1h"} ;' }));
    expect(Object.keys(run.exported).sort()).toEqual(expect.arrayContaining(['WEB_CERT', 'WEB_KEY', 'WEB_CA']));
    expect(run.exported['WEB_CERT']).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(run.outputs['web_key']).toMatch(/PRIVATE KEY/);
    for (const line of (run.exported['WEB_KEY'] ?? '').split('\n').filter((l) => l && !l.startsWith('-----'))) expect(run.masks).toContain(line);
    expect(errorText(await uses('fetch-secrets', { url: vault.url, token, pki: 'pki/issue/web {common_name: web}' }))).toMatch(/"pki".*|pki/);
  });
});

describe('aliases', () => {
  it('both names with different values: an error naming both, before any request', async () => {
    const from = vault.log.length;
    const msg = errorText(
      await uses('vault-login', { url: vault.url, method: 'approle', 'role-id': approle.roleId, roleId: 'another-role-id', secretId: approle.secretId }),
    );
    expect(msg).toMatch(/"role-id" and its alias "roleId" are both given/);
    expect(vault.log.length).toBe(from);
    // the same value under both names is fine
    ok(await uses('vault-login', { url: vault.url, method: 'approle', 'role-id': approle.roleId, roleId: approle.roleId, secretId: approle.secretId }));
  });

  it('the CLI takes the camelCase names as flags too', async () => {
    if (!existsSync(join(repoRoot, 'dist', 'cli', 'index.js'))) throw new Error('build first: npm run build -- cli');
    const run = await runCli(
      [
        'fetch-secrets',
        '--url',
        vault.url,
        '--method',
        'approle',
        '--roleId',
        approle.roleId,
        '--secrets',
        'secret/data/ci npm_token',
        '--exportEnv=false',
        '--no-revoke',
      ],
      { env: { INPUT_SECRETID: approle.secretId }, secrets: [approle.secretId, CI.npm_token] },
    );
    expect(run.leaks).toEqual([]);
    expect([run.code, run.code === 0 ? '' : run.stderr]).toEqual([0, '']);
  });
});
