/**
 * The store layer against its loopback imitations, with real JWTs from the OIDC issuer and
 * the official AWS clients: values, JSON keys and expansion, missing ids, denied exchanges
 * explained, throttling retried (server counters), denials not retried, nothing leaked.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RemoteError, UserError, describeError } from '../../src/core/errors.js';
import { fetchStoreSecrets, parseStoreLine, type StoreSelector } from '../../src/stores/index.js';
import { parseAwsSmCompat } from '../../src/actions/fetch-secrets/secret-ids.js';
import { CLIENT, PROVIDER, SUB, TENANT, contextFor, forbidden, startWorld, type World } from './stores-helpers.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.stop();
});

function sels(...lines: string[]): StoreSelector[] {
  return lines.map((l, i) => {
    const s = parseStoreLine(l, i + 1);
    if (!s) throw new Error(`not a store line: ${l}`);
    return s;
  });
}

function byName(items: { name: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(items.map((i) => [i.name, i.value]));
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Error) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

function assertClean(w: World, text: string): void {
  for (const s of forbidden(w)) expect(text).not.toContain(s);
}

describe('values from every store', () => {
  test('aws-sm whole string, JSON key, nested key, expansion, binary, version stage; aws-ssm SecureString', async () => {
    const ctx = contextFor(w);
    const { items } = await fetchStoreSecrets(
      sels(
        'aws-sm:prod/db password | DB_PASSWORD',
        'aws-sm:prod/db nested.token',
        'aws-sm:prod/api-key | API_KEY',
        'aws-sm:prod/api-key?version-stage=AWSPREVIOUS | OLD_API_KEY',
        'aws-sm:prod/cert | CERT',
        'aws-sm:beta/two * | BETA_',
        'aws-ssm:/app/prod/token | TOKEN',
        'aws-ssm:/app/prod/plain:3',
      ),
      ctx,
    );
    expect(byName(items)).toEqual({
      DB_PASSWORD: 'pg-pass-8d7f6e5d',
      NESTED__TOKEN: 'nested-tok-4a4a4a',
      API_KEY: 'sk-live-aws-1234567890',
      OLD_API_KEY: 'sk-old-aws-0987654321',
      CERT: 'binary-secret-bytes-xyz',
      BETA_USER: 'beta-user-2',
      BETA_PASS: 'beta-pass-222',
      TOKEN: 'ssm-secure-token-42',
      PLAIN: 'plain-param-value',
    });
    expect(items.find((i) => i.name === 'PLAIN')?.version).toBe('3');
    for (const i of items) expect(ctx.masker.has(i.value)).toBe(true);
    // the whole JSON secret and its leaves are masked even where only one key was taken
    expect(ctx.masker.has('app-user')).toBe(true);
    expect(w.aws.calls('GetSecretValue')).toBeGreaterThanOrEqual(5);
  });

  test('gcp-sm through STS and impersonation: latest, pinned version, JSON key, short form', async () => {
    const ctx = contextFor(w);
    const before = w.gcp.calls('sts');
    const { items } = await fetchStoreSecrets(
      sels(
        'gcp-sm:projects/my-project/secrets/api | API',
        'gcp-sm:projects/my-project/secrets/api/versions/1 | API_V1',
        'gcp-sm:my-project/db password | DB_PASSWORD',
      ),
      ctx,
    );
    expect(byName(items)).toEqual({ API: 'gcp-api-v2-bbbb', API_V1: 'gcp-api-v1-aaaa', DB_PASSWORD: 'gcp-db-pass-cccc' });
    expect(items.find((i) => i.name === 'API')?.version).toBe('2');
    expect(w.gcp.calls('sts') - before).toBe(1); // one exchange for the whole fetch
    expect(ctx.audiences).toEqual([`https://iam.googleapis.com/${PROVIDER}`]);
  });

  test('gcp-sm with the federated token directly (no service account)', async () => {
    const base = contextFor(w);
    const ctx = contextFor(w, { gcp: { ...base.gcp!, serviceAccount: undefined as unknown as string } });
    delete (ctx.gcp as { serviceAccount?: string }).serviceAccount;
    const before = w.gcp.calls('iam');
    const { items } = await fetchStoreSecrets(sels('gcp-sm:my-project/db password | P'), ctx);
    expect(byName(items)).toEqual({ P: 'gcp-db-pass-cccc' });
    expect(w.gcp.calls('iam')).toBe(before);
  });

  test('azure-kv through a federated credential: latest, pinned version, JSON key, short form', async () => {
    const ctx = contextFor(w);
    const old = w.azure.addSecret('ci-vault', 'pinned', 'az-pinned-old-iiii');
    w.azure.addSecret('ci-vault', 'pinned', 'az-pinned-new-jjjj');
    const { items } = await fetchStoreSecrets(
      sels(
        'azure-kv:https://ci-vault.vault.azure.net/secrets/db-password | DB_PASSWORD',
        `azure-kv:https://ci-vault.vault.azure.net/secrets/pinned/${old} | PINNED`,
        'azure-kv:ci-vault/conn password | CONN_PASSWORD',
      ),
      ctx,
    );
    expect(byName(items)).toEqual({ DB_PASSWORD: 'az-db-pass-ffff', PINNED: 'az-pinned-old-iiii', CONN_PASSWORD: 'az-conn-pass-gggg' });
    expect(items.find((i) => i.name === 'PINNED')?.version).toBe(old);
    expect(ctx.audiences).toEqual(['api://AzureADTokenExchange']);
  });

  test('lines for all four stores in one call; one read per distinct id', async () => {
    const ctx = contextFor(w);
    const before = w.aws.calls('GetSecretValue');
    const { items } = await fetchStoreSecrets(
      sels(
        'aws-sm:prod/db password | A',
        'aws-sm:prod/db username | B',
        'aws-ssm:/app/prod/token | C',
        'gcp-sm:my-project/api | D',
        'azure-kv:ci-vault/db-password | E',
      ),
      ctx,
    );
    expect(items.map((i) => i.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(w.aws.calls('GetSecretValue') - before).toBe(1);
  });

  test('dotenv and json sinks of a whole JSON secret', async () => {
    const ctx = contextFor(w);
    const { items } = await fetchStoreSecrets(sels('aws-sm:beta/two | dotenv:BETA_ENV', 'azure-kv:ci-vault/conn | json:CONN'), ctx);
    expect(items[0]?.value).toBe('USER=beta-user-2\nPASS=beta-pass-222\n');
    expect(items[0]?.ext).toBe('.env');
    expect(JSON.parse(items[1]?.value ?? '')).toEqual({ host: 'db.example', password: 'az-conn-pass-gggg' });
  });
});

describe('failures name the id, explain refusals, never leak', () => {
  test('a missing secret is named with its id, in every store', async () => {
    const ctx = contextFor(w);
    const err = await failure(
      fetchStoreSecrets(sels('aws-sm:prod/nope | A', 'aws-ssm:/app/prod/nope | B', 'gcp-sm:my-project/db/9 | C', 'azure-kv:ci-vault/nope | D'), ctx),
    );
    expect(err.message).toContain('4 secret reads failed, nothing was injected');
    expect(err.message).toContain('prod/nope');
    expect(err.message).toContain('/app/prod/nope');
    expect(err.message).toContain('projects/my-project/secrets/db/versions/9');
    expect(err.message).toMatch(/ci-vault has no secret nope/);
    assertClean(w, err.message);
  });

  test('a missing JSON key lists the keys that exist, not the values', async () => {
    const err = await failure(fetchStoreSecrets(sels('aws-sm:prod/db pasword | X'), contextFor(w)));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain('has no key "pasword"');
    expect(err.message).toContain('"password"');
    assertClean(w, err.message);
  });

  test('ignoreNotFound skips missing ids and keys', async () => {
    const r = await fetchStoreSecrets(sels('aws-sm:prod/nope | A', 'aws-sm:prod/db nokey | B', 'aws-sm:prod/api-key | C'), contextFor(w), {
      ignoreNotFound: true,
    });
    expect(r.items.map((i) => i.name)).toEqual(['C']);
    expect(r.skipped).toHaveLength(2);
  });

  test('GCP: a token refused by the attribute condition is explained with sub, aud, iss', async () => {
    w.issuer.claims = { repository_owner: 'evil-org', repository: 'evil-org/x' };
    try {
      const before = w.gcp.calls('sts');
      const err = await failure(fetchStoreSecrets(sels('gcp-sm:my-project/api | A'), contextFor(w)));
      expect(err).toBeInstanceOf(RemoteError);
      expect(err.message).toContain('unauthorized_client');
      expect(err.message).toContain(`sub "${SUB}"`);
      expect(err.message).toContain(`aud "https://iam.googleapis.com/${PROVIDER}"`);
      expect(err.message).toContain(`iss "${w.issuer.url}"`);
      expect(err.message).toContain("assertion.repository_owner == 'evil-org'");
      expect(w.gcp.calls('sts') - before).toBe(1); // a refusal is not retried
      assertClean(w, err.message);
    } finally {
      w.issuer.claims = {};
    }
  });

  test('GCP: a wrong audience is explained with allowedAudiences', async () => {
    const base = contextFor(w);
    const err = await failure(
      fetchStoreSecrets(sels('gcp-sm:my-project/api | A'), contextFor(w, { gcp: { ...base.gcp!, audience: 'https://wrong.example' } })),
    );
    expect(err.message).toContain('invalid_grant');
    expect(err.message).toContain('allowedAudiences must include "https://wrong.example"');
  });

  test('GCP: impersonation refused names the principal and the role', async () => {
    const base = contextFor(w);
    const err = await failure(
      fetchStoreSecrets(
        sels('gcp-sm:my-project/api | A'),
        contextFor(w, { gcp: { ...base.gcp!, serviceAccount: 'other@my-project.iam.gserviceaccount.com' } }),
      ),
    );
    expect(err.message).toContain('roles/iam.workloadIdentityUser');
    expect(err.message).toContain(`principal://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci-pool/subject/${SUB}`);
  });

  test('Azure: a subject mismatch is explained with what the federated credential must say', async () => {
    w.issuer.claims = { sub: 'repo:octo-org/octo-repo:pull_request' };
    try {
      const before = w.azure.calls('token');
      const err = await failure(fetchStoreSecrets(sels('azure-kv:ci-vault/db-password | A'), contextFor(w)));
      expect(err.message).toContain('AADSTS700213');
      expect(err.message).toContain('no federated credential of the app has this subject');
      expect(err.message).toContain(`needs a federated credential with issuer "${w.issuer.url}"`);
      expect(err.message).toContain('subject "repo:octo-org/octo-repo:pull_request"');
      expect(err.message).toContain('audience "api://AzureADTokenExchange"');
      expect(w.azure.calls('token') - before).toBe(1);
      assertClean(w, err.message);
    } finally {
      w.issuer.claims = {};
    }
  });

  test('Azure: an unknown client id says so', async () => {
    const base = contextFor(w);
    const err = await failure(
      fetchStoreSecrets(
        sels('azure-kv:ci-vault/db-password | A'),
        contextFor(w, { azure: { ...base.azure!, clientId: '99999999-2222-3333-4444-555555555555' } }),
      ),
    );
    expect(err.message).toContain('AADSTS700016');
    expect(err.message).toContain('check client-id and tenant-id');
  });

  test('access denied is not retried, in every store', async () => {
    const ctx = contextFor(w);
    const aws0 = w.aws.calls('GetSecretValue');
    const gcp0 = w.gcp.calls('access');
    const az0 = w.azure.calls('secret');
    const err = await failure(fetchStoreSecrets(sels('aws-sm:prod/denied | A', 'gcp-sm:my-project/locked | B', 'azure-kv:other-vault/x | C'), ctx));
    expect(err.message).toContain('secretsmanager:GetSecretValue');
    expect(err.message).toContain('roles/secretmanager.secretAccessor');
    expect(err.message).toContain('Key Vault Secrets User');
    expect(w.aws.calls('GetSecretValue') - aws0).toBe(1);
    expect(w.gcp.calls('access') - gcp0).toBe(1);
    expect(w.azure.calls('secret') - az0).toBe(1);
    expect(ctx.clock.slept).toEqual([]);
    assertClean(w, err.message);
  });

  test('a name used twice is an error naming both lines', async () => {
    const err = await failure(fetchStoreSecrets(sels('aws-sm:prod/api-key | KEY', 'gcp-sm:my-project/api | KEY'), contextFor(w)));
    expect(err.message).toMatch(/line 1 \("aws-sm:prod\/api-key \| KEY"\) and line 2 \("gcp-sm:my-project\/api \| KEY"\) both set KEY/);
  });

  test('a store name colliding with a Vault name the caller already sets', async () => {
    const err = await failure(
      fetchStoreSecrets(sels('aws-sm:prod/api-key | KEY'), contextFor(w), { taken: [{ name: 'KEY', line: 7, text: 'secret/data/app key | KEY' }] }),
    );
    expect(err.message).toContain('line 7 ("secret/data/app key | KEY") and line 1');
  });

  test('missing AWS credentials or region: a UserError naming the fix', async () => {
    const base = contextFor(w);
    const err = await failure(fetchStoreSecrets(sels('aws-sm:prod/api-key | KEY'), contextFor(w, { aws: { ...base.aws!, credentials: undefined as never } })));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain('oidc-assume-role');
  });
});

describe('transient failures are retried', () => {
  test('AWS ThrottlingException and 500, then success (server counts every attempt)', async () => {
    const ctx = contextFor(w);
    const before = w.aws.calls('GetSecretValue');
    w.aws.inject('ThrottlingException', 2).inject(500, 1);
    const { items } = await fetchStoreSecrets(sels('aws-sm:prod/api-key | K'), ctx);
    expect(items[0]?.value).toBe('sk-live-aws-1234567890');
    expect(w.aws.calls('GetSecretValue') - before).toBe(4);
    expect(ctx.clock.slept).toHaveLength(3);
  });

  test('GCP STS 503: retried with a fresh OIDC token each attempt; Secret Manager 429 retried', async () => {
    const ctx = contextFor(w);
    w.gcp.inject('sts', 503, 2).inject('access', 429, 1);
    const { items } = await fetchStoreSecrets(sels('gcp-sm:my-project/api | K'), ctx);
    expect(items[0]?.value).toBe('gcp-api-v2-bbbb');
    expect(ctx.audiences).toHaveLength(3);
  });

  test('Azure 429 with Retry-After: the wait is honoured', async () => {
    const ctx = contextFor(w);
    w.azure.inject('secret', 429, 1, '2');
    w.azure.inject('token', 503, 1);
    const { items } = await fetchStoreSecrets(sels('azure-kv:ci-vault/db-password | K'), ctx);
    expect(items[0]?.value).toBe('az-db-pass-ffff');
    expect(ctx.clock.slept).toContain(2000);
    expect(ctx.audiences).toHaveLength(2);
  });

  test('retries end: the last failure is reported', async () => {
    const ctx = contextFor(w);
    w.aws.inject('ThrottlingException', 4);
    const err = await failure(fetchStoreSecrets(sels('aws-sm:prod/api-key | K'), ctx));
    expect(err.message).toContain('ThrottlingException');
    expect(ctx.clock.slept).toHaveLength(3);
  });
});

describe('aws-secretsmanager-get-secrets inputs', () => {
  test('names, ARN, aliases, blank alias, prefix, parse-json-secrets', async () => {
    const arn = w.aws.addSecret({ name: 'test1', string: 'arn-named-value-1' });
    const compat = parseAwsSmCompat({
      'secret-ids': ['prod/api-key', arn, 'SECRET_ALIAS_1,prod/cert', ',prod/db', 'beta*'].join('\n'),
      'parse-json-secrets': 'true',
    });
    const { items } = await fetchStoreSecrets(compat.selectors, contextFor(w));
    expect(byName(items)).toEqual({
      PROD_API_KEY: 'sk-live-aws-1234567890',
      TEST1: 'arn-named-value-1',
      SECRET_ALIAS_1: 'binary-secret-bytes-xyz',
      USERNAME: 'app-user',
      PASSWORD: 'pg-pass-8d7f6e5d',
      PORT: '5432',
      NESTED_TOKEN: 'nested-tok-4a4a4a',
      BETA_ONE: 'beta-one-value-111',
      BETA_TWO_USER: 'beta-user-2',
      BETA_TWO_PASS: 'beta-pass-222',
    });
    expect(w.aws.calls('ListSecrets')).toBeGreaterThanOrEqual(1);
  });

  test('an alias on a prefix that matches several secrets fails', async () => {
    const compat = parseAwsSmCompat({ 'secret-ids': 'ONE,beta*' });
    const err = await failure(fetchStoreSecrets(compat.selectors, contextFor(w)));
    expect(err.message).toContain('matches 2 secrets');
  });

  test('a prefix that matches nothing fails naming it', async () => {
    const err = await failure(fetchStoreSecrets(parseAwsSmCompat({ 'secret-ids': 'zzz*' }).selectors, contextFor(w)));
    expect(err.message).toContain('no secret in eu-west-1 has a name starting with "zzz"');
  });

  test('lowercase name-transformation', async () => {
    const { items } = await fetchStoreSecrets(parseAwsSmCompat({ 'secret-ids': 'prod/api-key', 'name-transformation': 'lowercase' }).selectors, contextFor(w));
    expect(items.map((i) => i.name)).toEqual(['prod_api_key']);
  });
});

test('no error text in this file ever carried a value or token', () => {
  // every failure above asserted it; this guards describeError itself
  assertClean(w, describeError(new RemoteError('x', { service: 's', status: 1, retryable: false })));
  expect(CLIENT).toBeTruthy();
  expect(TENANT).toBeTruthy();
});

test('a fetch prints nothing (stdout, stderr, console), debug messages carry no values', async () => {
  const written: string[] = [];
  const debug: string[] = [];
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  const origWarn = console.warn;
  const origLog = console.log;
  const capture = (chunk: unknown): boolean => {
    written.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  console.warn = (...a: unknown[]) => void written.push(a.map(String).join(' '));
  console.log = (...a: unknown[]) => void written.push(a.map(String).join(' '));
  try {
    w.aws.inject('ThrottlingException', 1);
    const ctx = contextFor(w, { debug: (m) => void debug.push(m) });
    await fetchStoreSecrets(
      sels('aws-sm:prod/db password | A', 'aws-ssm:/app/prod/token | B', 'gcp-sm:my-project/api | C', 'azure-kv:ci-vault/db-password | D'),
      ctx,
    );
  } finally {
    process.stdout.write = origOut;
    process.stderr.write = origErr;
    console.warn = origWarn;
    console.log = origLog;
  }
  expect(written).toEqual([]);
  expect(debug.join('\n')).toContain('retrying');
  assertClean(w, debug.join('\n'));
});
