/**
 * fetch-secrets end to end: dist/fetch-secrets run as the GitHub runner does (main, then the
 * post step with the main step's state), against the Vault imitation and the OIDC issuer on
 * 127.0.0.1. Every test passes the values it injects as `secrets` and asserts no leak.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { expectOwnerOnly } from '../runner/os.js';

let vault: VaultServer;
let issuer: OidcIssuer;
let token: string;

const pemLike = (label: string): string => {
  const body =
    randomBytes(180)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
};

const APP = {
  api_key: 'ak-7c1d9e2f4a6b',
  'db.password': 'dbp-0f8e7d6c5b4a',
  'client-secret': 'cs-1a2b3c4d5e6f',
  config: { db: { password: 'nested-9z8y7x6w', host: 'db.internal' }, 'a.b': 'dotted-q1w2e3r4' },
};
const APP_V1 = { api_key: 'ak-old-111122223333' };
const WILD = { user: 'wild-user-5566', pass: 'wild-pass-7788' };
const LEGACY = { token: 'legacy-tok-aabbccdd' };
const TLS = { cert: pemLike('CERTIFICATE'), key: pemLike('PRIVATE KEY') };
const PRIVATE = { secret: 'private-zz99yy88' };

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.mount('kv1', { type: 'kv', version: 1 });
  vault.mount('database', { type: 'database' });
  vault.databaseRole('database', 'app', { default_ttl: 3600 });
  vault.mount('pki', { type: 'pki' });
  vault.pkiRole('pki', 'web', { allowed_domains: ['example.com'], allow_subdomains: true, max_ttl: 86400 });
  vault.kv2Put('secret', 'ci/app', APP_V1);
  vault.kv2Put('secret', 'ci/app', APP);
  vault.kv2Put('secret', 'ci/wild', WILD);
  vault.kv2Put('secret', 'ci/tls', TLS);
  vault.kv2Put('secret', 'private/x', PRIVATE);
  vault.kv1Put('kv1', 'ci/legacy', LEGACY);
  vault.policy('ci-read', ['secret/data/ci/*', 'kv1/ci/*', 'database/creds/*', 'pki/issue/*', { path: 'sys/leases/revoke', capabilities: ['update'] }]);
  token = vault.createToken({ policies: ['ci-read'], ttl: 3600 });
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  vault.jwtRole('jwt', 'ci', {
    bound_audiences: [vault.url.replace(/\/$/, '')],
    bound_claims: { repository: 'octo-org/*' },
    bound_claims_type: 'glob',
    user_claim: 'sub',
    token_policies: ['ci-read'],
    token_ttl: 600,
  });
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
});

const ALL_VALUES = [
  APP.api_key,
  APP['db.password'],
  APP['client-secret'],
  APP.config.db.password,
  APP.config['a.b'],
  APP_V1.api_key,
  WILD.user,
  WILD.pass,
  LEGACY.token,
  TLS.cert,
  TLS.key,
  PRIVATE.secret,
];

async function step(
  secrets: string,
  opts: { inputs?: Record<string, string>; env?: Record<string, string | undefined>; node?: 'current' | '24'; after?: StepRun; extraSecrets?: string[] } = {},
): Promise<StepRun> {
  const run = await runStep({
    action: 'fetch-secrets',
    inputs: { secrets, url: vault.url, token, 'retry-initial-delay': '1ms', ...opts.inputs },
    ...(opts.env ? { env: opts.env } : {}),
    secrets: [...ALL_VALUES, token, ...(opts.extraSecrets ?? [])],
    ...(opts.node ? { node: opts.node } : {}),
    ...(opts.after ? { after: opts.after } : {}),
  });
  expect(run.leaks).toEqual([]);
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
  // nothing injected on failure
  expect(run.exported).toEqual({});
  expect(run.outputs).toEqual({});
  for (const v of ALL_VALUES) expect(err.message).not.toContain(v);
  return err.message;
}

describe('selector forms', () => {
  it('KV v2: named, unnamed, keys with dots and dashes, nested and quoted fields, version pin; KV v1', async () => {
    const run = ok(
      await step(
        [
          'secret/data/ci/app api_key | API_KEY',
          'secret/data/ci/app db.password',
          'secret/data/ci/app client-secret',
          'secret/data/ci/app config.db.password | DB_PASSWORD_NESTED; secret/data/ci/app config."a.b" | QUOTED',
          'secret/data/ci/app?version=1 api_key | OLD_KEY',
          'kv1/ci/legacy token | LEGACY_TOKEN',
        ].join('\n'),
      ),
    );
    expect(run.exported).toEqual({
      API_KEY: APP.api_key,
      DB__PASSWORD: APP['db.password'],
      CLIENTSECRET: APP['client-secret'],
      DB_PASSWORD_NESTED: APP.config.db.password,
      QUOTED: APP.config['a.b'],
      OLD_KEY: APP_V1.api_key,
      LEGACY_TOKEN: LEGACY.token,
    });
    expect(run.outputs).toMatchObject({ API_KEY: APP.api_key, db__password: APP['db.password'], clientsecret: APP['client-secret'], OLD_KEY: APP_V1.api_key });
    for (const v of [APP.api_key, APP.config.db.password, LEGACY.token]) expect(run.masks).toContain(v);
    // one request per distinct path: ci/app latest, ci/app v1, legacy
    expect(run.summary).toMatch(/7 values injected from 3 Vault requests/);
    expect(run.summary).toMatch(/\| `OLD_KEY` \| env, output \| secret\/data\/ci\/app `api_key` \| 1 \|/);
    expect(run.summary).toMatch(/\| `API_KEY` \| env, output \| secret\/data\/ci\/app `api_key` \| 2 \|/);
    const warnings = run.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/actions\/runner#1061/);
  });

  it('wildcard, with and without a prefix; outputs and env can be turned off', async () => {
    const run = ok(await step('secret/data/ci/wild *\nsecret/data/ci/wild * | APP_', { inputs: { outputs: 'false' } }));
    expect(run.exported).toEqual({ USER: WILD.user, PASS: WILD.pass, APP_USER: WILD.user, APP_PASS: WILD.pass });
    expect(run.outputs).toEqual({});
    expect(run.annotations).toEqual([]);
    const quiet = ok(await step('secret/data/ci/wild *', { inputs: { 'export-env': 'false' } }));
    expect(quiet.exported).toEqual({});
    expect(quiet.outputs).toEqual({ user: WILD.user, pass: WILD.pass });
  });

  it('a KV v2 path written without data/ is resolved through the mount table', async () => {
    const run = ok(await step('secret/ci/app api_key | API_KEY', { inputs: {} }));
    expect(run.exported).toEqual({ API_KEY: APP.api_key });
    const dbg = ok(
      await runStep({
        action: 'fetch-secrets',
        inputs: { secrets: 'secret/ci/app api_key', url: vault.url, token },
        debug: true,
        secrets: [APP.api_key, token],
      }),
    );
    expect(dbg.stdout).toMatch(/secret\/ci\/app is on the KV v2 mount secret\/: reading secret\/data\/ci\/app/);
  });

  it('vault-action inputs (exportEnv) and VAULT_TOKEN from a vault-login step', async () => {
    const run = ok(await step('secret/data/ci/app api_key', { inputs: { token: '', exportEnv: 'false' }, env: { VAULT_TOKEN: token } }));
    expect(run.exported).toEqual({});
    expect(run.outputs).toEqual({ api_key: APP.api_key });
  });
});

describe('files', () => {
  it('multi-line PEM into 0600 files, path in env and output, never printed, removed by the post step', async () => {
    const run = ok(
      await step(
        'secret/data/ci/tls cert | file:TLS_CERT\nsecret/data/ci/tls key | file:TLS_KEY\nsecret/data/ci/app * | dotenv:APP_ENV\nsecret/data/ci/wild * | json:WILD_JSON',
        { inputs: { 'export-env': 'true' } },
      ),
    );
    const certPath = run.exported['TLS_CERT'] ?? '';
    expect(certPath).toMatch(/TLS_CERT\.pem$/);
    expect(certPath.startsWith(run.runnerTemp)).toBe(true);
    expect(run.outputs['TLS_CERT']).toBe(certPath);
    expect(readFileSync(certPath, 'utf8')).toBe(TLS.cert);
    expect(readFileSync(run.exported['TLS_KEY'] ?? '', 'utf8')).toBe(TLS.key);
    for (const f of ['TLS_CERT', 'TLS_KEY', 'APP_ENV', 'WILD_JSON']) expectOwnerOnly(run.exported[f] ?? '');
    const dotenv = readFileSync(run.exported['APP_ENV'] ?? '', 'utf8');
    expect(dotenv).toContain(`API_KEY=${APP.api_key}\n`);
    expect(dotenv).toContain(`DB__PASSWORD=${APP['db.password']}\n`);
    expect(JSON.parse(readFileSync(run.exported['WILD_JSON'] ?? '', 'utf8'))).toEqual(WILD);
    for (const line of [...TLS.cert.split('\n'), ...TLS.key.split('\n')].filter((l) => !l.startsWith('-----'))) {
      expect(run.log.join('\n')).not.toContain(line);
      expect(run.summary).not.toContain(line);
      expect(run.masks).toContain(line);
    }
    expect(run.summary).toMatch(/\| `TLS_CERT` \| file, env, output \| secret\/data\/ci\/tls `cert`/);
    const post = ok(await step('secret/data/ci/tls cert | file:TLS_CERT', { after: run }));
    for (const f of ['TLS_CERT', 'TLS_KEY', 'APP_ENV', 'WILD_JSON']) expect(existsSync(run.exported[f] ?? '')).toBe(false);
    expect(post.stdout).toMatch(/Removed 4 secret file/);
  });
});

describe('dynamic secrets', () => {
  it('database creds: injected, lease saved, revoked in the post step', async () => {
    const before = vault.counters.leaseRevocations;
    const issued = vault.counters.leasesIssued;
    const run = ok(await step('database/creds/app username | DB_USER\ndatabase/creds/app password | DB_PASS'));
    expect(vault.counters.leasesIssued).toBe(issued + 1); // one request for both keys
    const lease = [...vault.leases.values()].pop();
    expect(run.exported['DB_USER']).toMatch(/^v-token-app-/);
    expect(run.summary).toMatch(/\| `DB_PASS` \| env, output \| database\/creds\/app `password` \| {2}\| 1h \|/);
    expect(run.log.join('\n')).not.toContain(run.exported['DB_PASS'] ?? 'x');
    expect(run.masks).toContain(run.exported['DB_PASS']);
    await step('x k', { after: run, extraSecrets: [run.exported['DB_PASS'] ?? ''] }).then(ok);
    expect(vault.counters.leaseRevocations).toBe(before + 1);
    expect(lease?.revoked).toBe(true);
  });

  it('revoke-leases: false keeps the lease; a failed revocation is a warning', async () => {
    const before = vault.counters.leaseRevocations;
    const kept = ok(await step('database/creds/app password | DB_PASS', { inputs: { 'revoke-leases': 'false' } }));
    ok(await step('x k', { after: kept, inputs: { 'revoke-leases': 'false' }, extraSecrets: [kept.exported['DB_PASS'] ?? ''] }));
    expect(vault.counters.leaseRevocations).toBe(before);
    const run = ok(await step('database/creds/app password | DB_PASS'));
    vault.failNext(/sys\/leases\/revoke/, [403]);
    const post = ok(await step('x k', { after: run, extraSecrets: [run.exported['DB_PASS'] ?? ''] }));
    expect(post.annotations.find((a) => a.level === 'warning')?.message).toMatch(/Could not revoke the lease database\/creds\/app\//);
  });

  it('PKI issue: certificate, key and CA chain into three files', async () => {
    const run = ok(await step('pki/issue/web common_name=app.example.com ttl=1h | file:TLS'));
    const cert = readFileSync(run.exported['TLS_CERT'] ?? '', 'utf8');
    const key = readFileSync(run.exported['TLS_KEY'] ?? '', 'utf8');
    const ca = readFileSync(run.exported['TLS_CA'] ?? '', 'utf8');
    const x = new X509Certificate(cert);
    expect(x.subject).toContain('CN=app.example.com');
    expect(x.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x.verify(new X509Certificate(ca).publicKey)).toBe(true);
    for (const f of ['TLS_CERT', 'TLS_KEY', 'TLS_CA']) expectOwnerOnly(run.exported[f] ?? '');
    const keyLines = key
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('-----'));
    for (const l of keyLines) {
      expect(run.log.join('\n')).not.toContain(l);
      expect(run.summary).not.toContain(l);
      expect(run.masks).toContain(l);
    }
    const post = ok(await step('x k', { after: run, extraSecrets: [key] }));
    expect(existsSync(run.exported['TLS_KEY'] ?? '')).toBe(false);
    expect(post.leaks).toEqual([]);
  });
});

describe('errors: named, without values, and nothing injected', () => {
  it('a missing key lists the key names that exist, never values', async () => {
    const msg = failed(await step('secret/data/ci/wild user | U\nsecret/data/ci/app api_kee | K'));
    expect(msg).toMatch(/line 2: secret\/data\/ci\/app has no key "api_kee"; its keys are "api_key", "db.password", "client-secret", "config"/);
  });

  it('a missing path names the path', async () => {
    const msg = failed(await step('secret/data/ci/wild user | U\nsecret/data/ci/nope k'));
    expect(msg).toMatch(/line 2: no secret at secret\/data\/ci\/nope/);
    const v = failed(await step('secret/data/ci/app?version=9 api_key'));
    expect(v).toMatch(/version 9 of secret\/data\/ci\/app does not exist/);
  });

  it('a deleted KV v2 version says so', async () => {
    vault.kv2Put('secret', 'ci/gone', { k: 'gone-value-1234' });
    const ver = vault.mounts.get('secret/')?.kv2.get('ci/gone')?.versions.get(1);
    if (ver) ver.deletionTime = Date.now() - 1000;
    expect(failed(await step('secret/data/ci/gone k'))).toMatch(/line 1: the current version of secret\/data\/ci\/gone was deleted or destroyed/);
  });

  it("403 names the path and the token's policies", async () => {
    const msg = failed(await step('secret/data/ci/wild user | U\nsecret/data/private/x secret'));
    expect(msg).toMatch(/line 2: permission denied on secret\/data\/private\/x: the token's policies \(ci-read, default\) do not grant read on it/);
  });

  it('a malformed line names its number; a collision names both lines; no request is made', async () => {
    const n = vault.counters.requests;
    expect(failed(await step('secret/data/ci/app api_key\n\nsecret/data/ci/app'))).toMatch(/line 3 \("secret\/data\/ci\/app"\): name a key after the path/);
    expect(failed(await step('secret/data/ci/app api_key\nkv1/ci/legacy token | API_KEY'))).toMatch(
      /line 1 \("secret\/data\/ci\/app api_key"\) and line 2 \("kv1\/ci\/legacy token \| API_KEY"\) both set API_KEY/,
    );
    expect(vault.counters.requests).toBe(n);
  });

  it('a collision found after wildcard expansion names both sources', async () => {
    const msg = failed(await step('secret/data/ci/wild *\nsecret/data/ci/app api_key | USER'));
    expect(msg).toMatch(/line 1 \("secret\/data\/ci\/wild \*", key "user"\) and line 2 \("secret\/data\/ci\/app api_key \| USER"\) both set USER/);
  });

  it('several failures are reported together', async () => {
    const msg = failed(await step('secret/data/ci/nope k\nsecret/data/private/x secret'));
    expect(msg).toMatch(/2 selectors failed, nothing was injected/);
  });

  it('ignore-not-found skips missing paths and keys with a warning', async () => {
    const run = ok(await step('secret/data/ci/nope k\nsecret/data/ci/app nokey\nsecret/data/ci/app api_key', { inputs: { 'ignore-not-found': 'true' } }));
    expect(run.exported).toEqual({ API_KEY: APP.api_key });
    expect(run.annotations.filter((a) => /ignore-not-found/.test(a.message))).toHaveLength(2);
  });
});

describe('resilience and login', () => {
  it('retries injected 503s and 412s', async () => {
    vault.failNext(/secret\/data\/ci\/wild/, [503, 412]);
    const before = vault.requestsTo(/secret\/data\/ci\/wild/).length;
    const run = ok(await step('secret/data/ci/wild user | U'));
    expect(run.exported).toEqual({ U: WILD.user });
    expect(vault.requestsTo(/secret\/data\/ci\/wild/).length - before).toBe(3);
  });

  it('logs in with the runner OIDC token in the same step and revokes that token in the post step', async () => {
    const revoked = vault.counters.revocations;
    const run = ok(
      await step('secret/data/ci/app api_key | API_KEY\ndatabase/creds/app password | DB_PASS', {
        inputs: { token: '', method: 'jwt', role: 'ci' },
        env: { ...issuer.githubEnv, VAULT_TOKEN: undefined },
        extraSecrets: issuer.issued,
      }),
    );
    expect(run.exported['API_KEY']).toBe(APP.api_key);
    const minted = [...vault.tokens.values()].filter((t) => t.path === 'auth/jwt/login').pop();
    expect(minted?.revoked).toBe(false);
    const post = ok(
      await step('x k', {
        after: run,
        inputs: { token: '', method: 'jwt', role: 'ci' },
        env: { ...issuer.githubEnv, VAULT_TOKEN: undefined },
        extraSecrets: [...issuer.issued, minted?.id ?? '', run.exported['DB_PASS'] ?? ''],
      }),
    );
    expect(post.stdout).toMatch(/Revoked 1 lease/);
    expect(vault.counters.revocations).toBe(revoked + 1);
    expect(minted?.revoked).toBe(true);
    const all = [run.stdout, run.summary, post.stdout].join('\n').replace(/::add-mask::.*/g, '');
    for (const jwt of issuer.issued) expect(all).not.toContain(jwt);
    expect(all).not.toContain(minted?.id ?? 'x');
  });

  it("a selector failing with a malformed answer still leaves the other lines' leases for the post step", async () => {
    const before = vault.counters.leaseRevocations;
    vault.route('GET', /^secret\/data\/ci\/malformed$/, () => ({ status: 200, body: { request_id: 'r', lease_id: '', data: 'not an object' } }));
    const run = await step('database/creds/app password | DB_PASS\nsecret/data/ci/malformed k');
    const lease = [...vault.leases.values()].pop();
    expect(failed(run)).toMatch(/unexpected response: .*data/);
    expect(lease?.revoked).toBe(false);
    ok(await step('x k', { after: run }));
    expect(vault.counters.leaseRevocations).toBe(before + 1);
    expect(lease?.revoked).toBe(true);
  });

  it('revoke: false keeps the token this step logged in with, but the post step still revokes the leases with it', async () => {
    const login = { token: '', method: 'jwt', role: 'ci', revoke: 'false' };
    const env = { ...issuer.githubEnv, VAULT_TOKEN: undefined };
    const run = ok(await step('database/creds/app password | DB_PASS', { inputs: login, env, extraSecrets: issuer.issued }));
    const minted = [...vault.tokens.values()].filter((t) => t.path === 'auth/jwt/login').pop();
    const lease = [...vault.leases.values()].pop();
    const post = ok(await step('x k', { after: run, inputs: login, env, extraSecrets: [...issuer.issued, minted?.id ?? '', run.exported['DB_PASS'] ?? ''] }));
    expect(post.stdout).toMatch(/Revoked 1 lease/);
    expect(lease?.revoked).toBe(true);
    expect(minted?.revoked).toBe(false);
  });

  it('export-token and output-token set nothing when a selector fails', async () => {
    failed(await step('secret/data/ci/wild user | U\nsecret/data/ci/nope k', { inputs: { 'export-token': 'true', 'output-token': 'true' } }));
    const run = ok(await step('secret/data/ci/wild user | U', { inputs: { 'export-token': 'true', 'output-token': 'true' } }));
    expect(run.exported['VAULT_TOKEN']).toBe(token);
    expect(run.outputs['vault_token']).toBe(token);
  });

  it('runs on the current Node (20)', async () => {
    const run = ok(await step('secret/data/ci/app api_key | API_KEY', { node: 'current' }));
    expect(run.exported).toEqual({ API_KEY: APP.api_key });
  });
});
