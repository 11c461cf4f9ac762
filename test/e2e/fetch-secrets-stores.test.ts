/**
 * fetch-secrets with cloud store lines, end to end: dist/fetch-secrets run as the GitHub runner
 * does, against the Vault imitation, the AWS (Secrets Manager, SSM), GCP (STS, IAM
 * Credentials, Secret Manager) and Azure (Entra, Key Vault) imitations and the OIDC issuer,
 * all on 127.0.0.1. One `secrets:` block mixes Vault and the four stores; every value is
 * passed as `secrets` and no leak is allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { startProxy } from '../servers/proxy.js';
import { repoRoot } from '../runner/node.js';
import { VaultServer } from '../servers/vault.js';
import { CLIENT, PROVIDER, SA, TENANT, forbidden, startWorld, type World } from '../integration/stores-helpers.js';
import { expectOwnerOnly, nodeScript } from '../runner/os.js';

let w: World;
let vault: VaultServer;

const APP = { api_key: 'vault-ak-7c1d9e2f4a6b' };
const AWS_KEY = 'ASIAEXAMPLEKEY000001';
const AWS_SECRET = 'secret-access-key-example-000000000000';
const AWS_SESSION = 'session-token-example-0000';
const PROVIDER_STRICT = 'projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/strict';
const CLIENT_ENV_ONLY = '99999999-2222-3333-4444-555555555555';
/** aws-secretsmanager-get-secrets' README example values */
const COMPAT = {
  exampleSecretName: 'compat-example-value-01',
  test1: 'compat-arn-value-02',
  '0/test/secret': 'compat-zero-value-03',
  '/prod/example/secret': 'compat-slash-value-04',
  'test/secret': 'compat-alias1-value-05',
  test2: 'compat-alias2-value-06',
  secret2: 'compat-blank-value-07',
};

beforeAll(async () => {
  w = await startWorld();
  vault = await new VaultServer().start();
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.kv2Put('secret', 'ci/app', APP);
  vault.policy('ci-read', ['secret/data/ci/*']);
  vault.jwtAuth('jwt', { jwksUrl: `${w.issuer.url}/.well-known/jwks`, boundIssuer: w.issuer.url });
  vault.jwtRole('jwt', 'ci', {
    bound_audiences: [vault.url.replace(/\/$/, '')],
    bound_claims: { repository: 'octo-org/*' },
    bound_claims_type: 'glob',
    user_claim: 'sub',
    token_policies: ['ci-read'],
    token_ttl: 600,
  });
  w.gcp.addProvider({
    name: PROVIDER_STRICT,
    issuer: w.issuer.url,
    condition: { cel: "assertion.repository_owner == 'other-org'", test: (c) => c['repository_owner'] === 'other-org' },
  });
  w.azure.addApp({ tenant: TENANT, clientId: CLIENT_ENV_ONLY, federated: [{ issuer: w.issuer.url, subject: 'repo:octo-org/octo-repo:environment:prod' }] });
  w.aws.addSecret({ name: 'exampleSecretName', string: COMPAT.exampleSecretName });
  w.aws.region = 'us-east-2';
  w.aws.addSecret({ name: 'test1', string: COMPAT.test1, suffix: 'a1b2c3' });
  w.aws.addSecret({ name: 'test2', string: COMPAT.test2, suffix: 'a1b2c3' });
  w.aws.region = 'eu-west-1';
  for (const n of ['0/test/secret', '/prod/example/secret', 'test/secret', 'secret2'] as const) w.aws.addSecret({ name: n, string: COMPAT[n] });
});

afterAll(async () => {
  await vault.stop();
  await w.stop();
});

const secretsOf = (): string[] => [...forbidden(w), APP.api_key, ...Object.values(COMPAT)];

/** Inputs and env of a step that can reach every imitation. */
function setup(): { inputs: Record<string, string>; env: Record<string, string> } {
  return {
    inputs: {
      url: vault.url,
      role: 'ci',
      'retry-initial-delay': '1ms',
      workload_identity_provider: PROVIDER,
      service_account: SA,
      'gcp-endpoints': `sts=${w.gcp.url}, iamcredentials=${w.gcp.url}, secretmanager=${w.gcp.url}`,
      'client-id': CLIENT,
      'tenant-id': TENANT,
      'azure-endpoints': `authority=${w.azure.url}\nkeyvault=${w.azure.url}/kv/{vault}`,
    },
    env: {
      ...w.issuer.githubEnv,
      AWS_ACCESS_KEY_ID: AWS_KEY,
      AWS_SECRET_ACCESS_KEY: AWS_SECRET,
      AWS_SESSION_TOKEN: AWS_SESSION,
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: w.aws.url,
      AWS_ENDPOINT_URL_SSM: w.aws.url,
    },
  };
}

async function step(
  secrets: string,
  opts: { inputs?: Record<string, string>; env?: Record<string, string | undefined>; node?: 'current' | '24'; after?: StepRun; action?: string } = {},
): Promise<StepRun> {
  const base = setup();
  const run = await runStep({
    action: opts.action ?? 'fetch-secrets',
    inputs: { secrets, ...base.inputs, ...opts.inputs },
    env: { ...base.env, ...opts.env },
    secrets: secretsOf(),
    ...(opts.node ? { node: opts.node } : {}),
    ...(opts.after ? { after: opts.after } : {}),
  });
  expect(run.leaks).toEqual([]);
  // tokens issued during the run (OIDC JWTs, GCP and Azure access tokens) never show either
  const shown = [...run.log, run.stderr, run.summary, ...run.annotations.map((a) => a.message)].join('\n');
  for (const t of forbidden(w)) expect(shown).not.toContain(t);
  return run;
}

function ok(run: StepRun): StepRun {
  if (run.code !== 0) throw new Error(transcript(run));
  return run;
}

function failed(run: StepRun): string {
  expect(run.code).not.toBe(0);
  const err = run.annotations.find((a) => a.level === 'error');
  if (!err) throw new Error(`no error annotation\n${transcript(run)}`);
  expect(run.exported).toEqual({});
  expect(run.outputs).toEqual({});
  return err.message;
}

const MIXED = [
  'secret/data/ci/app api_key | VAULT_API_KEY',
  'aws-sm:prod/db password | DB_PASSWORD',
  'aws-sm:prod/api-key; aws-ssm:/app/prod/token | SSM_TOKEN',
  'gcp-sm:projects/my-project/secrets/api | GCP_API',
  'gcp-sm:my-project/db password | GCP_DB_PASSWORD',
  'azure-kv:https://ci-vault.vault.azure.net/secrets/db-password | file:AZ_DB_PASSWORD',
  'azure-kv:ci-vault/conn * | AZ_CONN_',
].join('\n');

describe('one secrets block, Vault and four stores', () => {
  it('exports every value masked, writes files 0600, summarises the sources, and cleans up in the post step', async () => {
    const logins = vault.counters.logins;
    const run = ok(await step(MIXED));
    const file = run.exported['AZ_DB_PASSWORD'] ?? '';
    expect(run.exported).toEqual({
      VAULT_API_KEY: APP.api_key,
      DB_PASSWORD: 'pg-pass-8d7f6e5d',
      APIKEY: 'sk-live-aws-1234567890',
      SSM_TOKEN: 'ssm-secure-token-42',
      GCP_API: 'gcp-api-v2-bbbb',
      GCP_DB_PASSWORD: 'gcp-db-pass-cccc',
      AZ_DB_PASSWORD: file,
      AZ_CONN_HOST: 'db.example',
      AZ_CONN_PASSWORD: 'az-conn-pass-gggg',
    });
    expect(run.outputs['GCP_API']).toBe('gcp-api-v2-bbbb');
    expect(readFileSync(file, 'utf8')).toBe('az-db-pass-ffff');
    expectOwnerOnly(file);
    for (const v of [APP.api_key, 'pg-pass-8d7f6e5d', 'ssm-secure-token-42', 'gcp-api-v2-bbbb', 'az-db-pass-ffff', 'az-conn-pass-gggg', 'app-user'])
      expect(run.masks).toContain(v);
    expect(vault.counters.logins).toBe(logins + 1);
    expect(run.summary).toMatch(/9 values injected from 1 Vault request and 7 cloud store reads/);
    expect(run.summary).toMatch(/\| `DB_PASSWORD` \| env, output \| aws-sm:prod\/db `password` \|/);
    expect(run.summary).toMatch(/\| `GCP_API` \| env, output \| gcp-sm:projects\/my-project\/secrets\/api\/versions\/latest \| 2 \|/);
    expect(run.summary).toMatch(/\| `AZ_DB_PASSWORD` \| file, env, output \| azure-kv:https:\/\/ci-vault\.vault\.azure\.net\/secrets\/db-password \|/);

    const post = ok(await step(MIXED, { after: run }));
    expect(existsSync(file)).toBe(false);
    expect(post.log.join('\n')).toMatch(/Revoked the Vault token/);
  });

  it('a name set by a Vault line and a store line fails naming both lines', async () => {
    const msg = failed(await step('secret/data/ci/app api_key | TOKEN\naws-ssm:/app/prod/token'));
    expect(msg).toMatch(/line 1 \("secret\/data\/ci\/app api_key \| TOKEN"\) and line 2 \("aws-ssm:\/app\/prod\/token"\) both set TOKEN/);
  });

  it('runs on Node 20 too', async () => {
    const run = ok(await step('aws-sm:prod/db username | DB_USER\nazure-kv:ci-vault/db-password | AZ', { node: 'current' }));
    expect(run.exported).toEqual({ DB_USER: 'app-user', AZ: 'az-db-pass-ffff' });
  });
});

describe('failures', () => {
  it('a missing secret is named with its id, and nothing is exported', async () => {
    const revocations = vault.counters.revocations;
    const run = await step('secret/data/ci/app api_key | K\naws-sm:prod/nope | NOPE\ngcp-sm:my-project/missing | MISSING\nazure-kv:ci-vault/absent | ABSENT');
    const msg = failed(run);
    // the Vault side succeeded and logged in: its token is still revoked by the post step
    ok(await step('', { after: run }));
    expect(vault.counters.revocations).toBe(revocations + 1);
    expect(msg).toContain('prod/nope');
    expect(msg).toContain('projects/my-project/secrets/missing/versions/latest');
    expect(msg).toContain('absent');
    expect(msg).toMatch(/3 secret reads failed, nothing was injected/);
  });

  it('ignore-not-found skips a missing store secret with a warning', async () => {
    const run = ok(await step('aws-sm:prod/nope | NOPE\naws-ssm:/app/prod/token | T', { inputs: { 'ignore-not-found': 'true' } }));
    expect(run.exported).toEqual({ T: 'ssm-secure-token-42' });
    expect(run.annotations.some((a) => a.level === 'warning' && a.message.includes('prod/nope'))).toBe(true);
  });

  it("a refused GCP exchange is explained: the token's iss, sub and aud and the condition to write", async () => {
    const msg = failed(await step('gcp-sm:my-project/api | API', { inputs: { workload_identity_provider: PROVIDER_STRICT, service_account: '' } }));
    expect(msg).toContain(`iss "${w.issuer.url}"`);
    expect(msg).toContain('sub "repo:octo-org/octo-repo:ref:refs/heads/main"');
    expect(msg).toContain(`aud "https://iam.googleapis.com/${PROVIDER_STRICT}"`);
    expect(msg).toContain("assertion.repository_owner == 'octo-org'");
  });

  it('a refused Azure exchange is explained: the subject the federated credential must have', async () => {
    const msg = failed(await step('azure-kv:ci-vault/db-password | AZ', { inputs: { 'client-id': CLIENT_ENV_ONLY } }));
    expect(msg).toContain('no federated credential of the app has this subject');
    expect(msg).toContain('subject "repo:octo-org/octo-repo:ref:refs/heads/main"');
    expect(msg).toContain('audience "api://AzureADTokenExchange"');
    expect(msg).toContain(`issuer "${w.issuer.url}"`);
  });

  it('an unreadable answer fails naming the id, and no piece of the value shows (JSON.parse quotes the text around the fault)', async () => {
    w.aws.inject('garbled', 2);
    const msg = failed(await step('aws-sm:prod/api-key | A\naws-ssm:/app/prod/token | T', { inputs: { concurrency: '1' } }));
    expect(msg).toContain('prod/api-key');
    expect(msg).toContain('/app/prod/token');
    expect(msg).toMatch(/could not be read/);
    for (const piece of ['sk-live', 'aws-1234', 'ssm-secu', 'token-42']) expect(msg).not.toContain(piece);
  });

  it('store inputs are checked before any network call', async () => {
    const before = w.gcp.calls() + w.azure.calls() + w.aws.calls();
    expect(failed(await step('gcp-sm:my-project/api', { inputs: { 'gcp-endpoints': 'stss=http://127.0.0.1:1' } }))).toMatch(/"sts=URL".*input "gcp-endpoints"/);
    expect(failed(await step('aws-sm:prod/db', { env: { AWS_SECRET_ACCESS_KEY: undefined } }))).toMatch(/AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY/);
    expect(failed(await step('aws-sm:prod/db', { env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } }))).toMatch(/run oidc-assume-role/);
    expect(failed(await step('azure-kv:ci-vault/x', { inputs: { 'client-id': '' } }))).toMatch(/input "client-id"/);
    // Vault lines keep their own line numbers among store lines; an empty block names both inputs
    expect(failed(await step('aws-sm:prod/db | A\n\nsecret/data/ci/app api_key | 1BAD'))).toMatch(/^line 3 \("secret\/data\/ci\/app api_key \| 1BAD"\)/);
    expect(failed(await step('  \n# only a comment'))).toMatch(/no selector given.*secret-ids/);
    expect(w.gcp.calls() + w.azure.calls() + w.aws.calls()).toBe(before);
  });
});

describe('retries', () => {
  it('throttling and 5xx are retried on every store', async () => {
    const aws = w.aws.calls('GetSecretValue');
    const access = w.gcp.calls('access');
    const kv = w.azure.calls('secret');
    w.aws.inject('ThrottlingException', 2);
    w.gcp.inject('access', 429, 1);
    w.azure.inject('secret', 503, 1, '0');
    const run = ok(await step('aws-sm:prod/api-key | A\ngcp-sm:my-project/api | G\nazure-kv:ci-vault/db-password | Z', { inputs: { concurrency: '1' } }));
    expect(run.exported).toEqual({ A: 'sk-live-aws-1234567890', G: 'gcp-api-v2-bbbb', Z: 'az-db-pass-ffff' });
    expect(w.aws.calls('GetSecretValue') - aws).toBe(3);
    expect(w.gcp.calls('access') - access).toBe(2);
    expect(w.azure.calls('secret') - kv).toBe(2);
  });

  it('access denied is not retried', async () => {
    const before = w.aws.calls('GetSecretValue');
    const msg = failed(await step('aws-sm:prod/denied | D'));
    expect(msg).toMatch(/denied access to prod\/denied/);
    expect(w.aws.calls('GetSecretValue') - before).toBe(1);
  });
});

describe('what runs and what loads', () => {
  it('a store-only run does not log in to Vault, and needs no url', async () => {
    const requests = vault.counters.requests;
    const run = ok(await step('aws-ssm:/app/prod/token | T', { inputs: { url: '' } }));
    expect(run.exported).toEqual({ T: 'ssm-secure-token-42' });
    const withUrl = ok(await step('gcp-sm:my-project/api | G'));
    expect(withUrl.exported).toEqual({ G: 'gcp-api-v2-bbbb' });
    expect(vault.counters.requests).toBe(requests);
    expect(withUrl.state['fetchSecretsToken']).toBeUndefined();
  });

  it('the store modules are separate chunks: a Vault-only run works without them, a store line needs them', async () => {
    const dist = join(repoRoot, 'dist', 'fetch-secrets');
    const chunks = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, '.tmp', 'fetch-secrets-main-only-'));
    try {
      for (const f of ['index.js', 'package.json']) copyFileSync(join(dist, f), join(dir, f));
      const action = join('..', '.tmp', dir.split('/').pop() ?? '');
      const vaultOnly = ok(await step('secret/data/ci/app api_key | K', { action }));
      expect(vaultOnly.exported).toEqual({ K: APP.api_key });
      const store = await step('aws-ssm:/app/prod/token | T', { action });
      expect(failed(store)).toMatch(/Cannot find module .*\d+\.index\.js/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reach', () => {
  it('HTTPS_PROXY carries every store call (and the OIDC token requests)', async () => {
    const proxy = await startProxy();
    try {
      const port = (u: string): string => new URL(u).port;
      const run = ok(
        await step('aws-ssm:/app/prod/token | T\ngcp-sm:my-project/api | G\nazure-kv:ci-vault/db-password | Z', {
          env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: undefined, no_proxy: undefined },
        }),
      );
      expect(run.exported).toEqual({ T: 'ssm-secure-token-42', G: 'gcp-api-v2-bbbb', Z: 'az-db-pass-ffff' });
      const ports = new Set(proxy.tunnels.map((t) => t.split(':').pop()));
      for (const u of [w.aws.url, w.gcp.url, w.azure.url, w.issuer.url]) expect([u, ports.has(port(u))]).toEqual([u, true]);
    } finally {
      await proxy.close();
    }
  });

  it('the CLI (dist/cli) reads store lines too: exec --with fetch-secrets hands them to the command, redacted', async () => {
    const env = setup().env;
    const r = await runCli(
      [
        'exec',
        '--with',
        'fetch-secrets',
        '--secrets',
        'aws-ssm:/app/prod/token | T\naws-sm:prod/db password',
        '--',
        ...nodeScript('console.log(`t=${process.env.T} p=${process.env.PASSWORD}`)'),
      ],
      {
        env: {
          AWS_ACCESS_KEY_ID: env['AWS_ACCESS_KEY_ID'],
          AWS_SECRET_ACCESS_KEY: env['AWS_SECRET_ACCESS_KEY'],
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL: w.aws.url,
        },
        secrets: secretsOf(),
      },
    );
    expect(r.leaks).toEqual([]);
    expect([r.code, r.stdout]).toEqual([0, 't=*** p=***\n']);
  });
});

describe('aws-actions/aws-secretsmanager-get-secrets drop-in', () => {
  it('its README with: block, unchanged', async () => {
    const requests = vault.counters.requests;
    const run = ok(
      await step('', {
        inputs: {
          'secret-ids':
            [
              'exampleSecretName',
              'arn:aws:secretsmanager:us-east-2:123456789012:secret:test1-a1b2c3',
              '0/test/secret',
              '/prod/example/secret',
              'SECRET_ALIAS_1,test/secret',
              'SECRET_ALIAS_2,arn:aws:secretsmanager:us-east-2:123456789012:secret:test2-a1b2c3',
              ',secret2',
            ].join('\n') + '\n',
        },
        env: { AWS_REGION: 'us-east-2' },
      }),
    );
    expect(run.exported).toEqual({
      EXAMPLESECRETNAME: COMPAT.exampleSecretName,
      TEST1: COMPAT.test1,
      _0_TEST_SECRET: COMPAT['0/test/secret'],
      _PROD_EXAMPLE_SECRET: COMPAT['/prod/example/secret'],
      SECRET_ALIAS_1: COMPAT['test/secret'],
      SECRET_ALIAS_2: COMPAT.test2,
      SECRET2: COMPAT.secret2,
    });
    expect(vault.counters.requests).toBe(requests);
  });

  it('parse-json-secrets with a prefix, next to Vault lines', async () => {
    const run = ok(await step('secret/data/ci/app api_key | VAULT_KEY', { inputs: { 'secret-ids': 'beta*\nDB,prod/db', 'parse-json-secrets': 'true' } }));
    expect(run.exported).toEqual({
      VAULT_KEY: APP.api_key,
      BETA_ONE: 'beta-one-value-111',
      BETA_TWO_USER: 'beta-user-2',
      BETA_TWO_PASS: 'beta-pass-222',
      DB_USERNAME: 'app-user',
      DB_PASSWORD: 'pg-pass-8d7f6e5d',
      DB_PORT: '5432',
      DB_NESTED_TOKEN: 'nested-tok-4a4a4a',
    });
  });
});
