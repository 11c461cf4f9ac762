/**
 * oidc-assume-role as a drop-in for aws-actions/configure-aws-credentials: `with:` blocks copied
 * from the peer's README run unchanged (only the STS endpoint comes from AWS_ENDPOINT_URL_STS in
 * the job env), plus the peer's other inputs (profiles, allowed-account-ids, action-timeout-s,
 * use-existing-credentials, force-skip-oidc, tags, special characters, AWS_SKIP_CLEANUP_STEP),
 * and reach: the CONNECT proxy, NO_PROXY, STS over HTTPS with a private CA, a GHES issuer.
 * dist/oidc-assume-role runs as the GitHub runner runs it; the aws CLI then uses what it exported.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, type StepRun } from '../runner/github.js';
import { OidcIssuer } from '../servers/oidc.js';
import { StsServer } from '../servers/sts.js';
import { startProxy } from '../servers/proxy.js';
import { makeCert, type TestCert } from '../servers/certs.js';
import { expectOwnerOnly, osEnv } from '../runner/os.js';

/** Debian's awscli here; the AWS CLI on PATH on GitHub's macOS and Windows images; AWS_CLI overrides. */
const AWS_CLI = process.env['AWS_CLI'] ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

// the accounts and roles of the peer's README examples
const FIRST = 'arn:aws:iam::123456789100:role/my-github-actions-role';
const SECOND = 'arn:aws:iam::987654321000:role/my-second-role';
const OTHER = 'arn:aws:iam::123456789100:role/my-other-github-actions-role';
const DEV = 'arn:aws:iam::111111111111:role/dev-role';
const PROD = 'arn:aws:iam::222222222222:role/prod-role';
const MY_ROLE = 'arn:aws:iam::123456789100:role/my-role';
/** what the README's secrets.AWS_ROLE_TO_ASSUME holds */
const SECRET_ROLE = 'arn:aws:iam::123456789100:role/role-from-a-secret';
const USER = 'arn:aws:iam::123456789100:user/ci-user';
const NO_TAGS = 'arn:aws:iam::123456789100:role/no-tag-session';
const GHES_ROLE = 'arn:aws:iam::123456789100:role/ghes-deploy';

let issuer: OidcIssuer;
let ghes: OidcIssuer;
let sts: StsServer;
let user: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  ghes = await new OidcIssuer({ path: '/_services/token' }).start();
  sts = await new StsServer().start();
  sts.addProvider(issuer.url, ['sts.amazonaws.com']).addProvider(ghes.issuer, ['sts.amazonaws.com']);
  const web = { issuer: issuer.url, sub: ['repo:octo-org/octo-repo:*'], aud: ['sts.amazonaws.com'] };
  user = sts.addUser(USER);
  for (const arn of [FIRST, DEV, PROD]) sts.addRole({ arn, maxSessionDuration: 7200, webIdentity: web });
  sts.addRole({ arn: SECOND, trustedRoles: [FIRST] });
  sts.addRole({ arn: OTHER, trustedRoles: [FIRST], maxSessionDuration: 7200 });
  sts.addRole({ arn: MY_ROLE, trustedRoles: [USER, FIRST], maxSessionDuration: 7200 });
  sts.addRole({ arn: SECRET_ROLE, trustedRoles: [USER], maxSessionDuration: 7200, externalId: 'ext-7' });
  sts.addRole({ arn: NO_TAGS, trustedRoles: [FIRST], tagSession: false });
  sts.addRole({ arn: GHES_ROLE, webIdentity: { issuer: ghes.issuer, sub: ['repo:octo-org/octo-repo:*'], aud: ['sts.amazonaws.com'] } });
});

afterAll(async () => {
  await sts.stop();
  await issuer.stop();
  await ghes.stop();
});

beforeEach(() => sts.reset());

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const credList = (c: Creds): string[] => [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])];

function jwtLeaks(run: StepRun): string[] {
  const printed = [
    run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    run.stderr,
    run.summary,
    JSON.stringify(run.annotations),
  ].join('\n');
  return [...issuer.issued, ...ghes.issued].filter((t) => printed.includes(t) || printed.includes(t.split('.')[1] ?? 'x'));
}

/** One step with exactly these inputs; the STS endpoint comes from the job env as AWS_ENDPOINT_URL_STS. */
async function step(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string | undefined>; secrets?: string[]; after?: StepRun; node?: 'current' | '24'; from?: OidcIssuer } = {},
): Promise<StepRun> {
  const run = await runStep({
    action: 'oidc-assume-role',
    inputs,
    env: {
      ...(opts.from ?? issuer).githubEnv,
      AWS_ENDPOINT_URL_STS: sts.url,
      PIPELINE_SECRETS_RETRY_BASE_MS: '5',
      GITHUB_WORKFLOW: 'Deploy (prod)',
      GITHUB_ACTION: '__run_2',
      ...opts.env,
    },
    secrets: [...(opts.secrets ?? []), ...credList(user)],
    ...(opts.after ? { after: opts.after } : {}),
    ...(opts.node ? { node: opts.node } : {}),
  });
  expect(run.leaks).toEqual([]);
  expect(jwtLeaks(run)).toEqual([]);
  return run;
}

const errorOf = (run: StepRun): string => run.annotations.find((a) => a.level === 'error')?.message ?? '';

function awsCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = mkdtempSync(join(tmpdir(), 'aws-home-'));
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      [...args, '--endpoint-url', sts.url, '--output', 'json'],
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...osEnv({ home }), ...env }, timeout: 30000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

const awsEnv = (run: StepRun): Record<string, string> => Object.fromEntries(Object.entries(run.exported).filter(([k, v]) => k.startsWith('AWS_') && v !== ''));

describe('the peer README `with:` blocks, unchanged', () => {
  it('AssumeRoleWithWebIdentity (OIDC); aws-expiration and authenticated-arn are outputs', async () => {
    const c = sts.presetCredentials();
    const run = await step(
      { 'aws-region': 'us-east-2', 'role-to-assume': 'arn:aws:iam::123456789100:role/my-github-actions-role', 'role-session-name': 'MySessionName' },
      { secrets: credList(c) },
    );
    expect(run.code).toBe(0);
    expect(run.exported).toMatchObject({ AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-east-2' });
    expect(run.outputs).toMatchObject({
      'aws-account-id': '123456789100',
      'authenticated-arn': 'arn:aws:sts::123456789100:assumed-role/my-github-actions-role/MySessionName',
    });
    expect(new Date(run.outputs['aws-expiration'] ?? '').getTime()).toBeGreaterThan(Date.now() + 3000_000);
    expect(run.outputs['aws-secret-access-key']).toBeUndefined();
    // web identity takes no session tags
    expect(Object.keys(sts.sessions.get(c.accessKeyId)?.params ?? {}).some((k) => k.startsWith('Tags'))).toBe(false);
  });

  it('AssumeRole with a role previously assumed (role-chaining): session tags sent, 1-hour cap warned', async () => {
    const first = sts.presetCredentials();
    const run1 = await step(
      { 'aws-region': 'us-east-2', 'role-to-assume': 'arn:aws:iam::123456789100:role/my-github-actions-role', 'role-session-name': 'MySessionName' },
      { secrets: credList(first) },
    );
    const second = sts.presetCredentials();
    const run2 = await step(
      {
        'aws-region': 'us-east-2',
        'role-to-assume': 'arn:aws:iam::987654321000:role/my-second-role',
        'role-session-name': 'MySessionName',
        'role-chaining': 'true',
      },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(run2.exported['AWS_ACCESS_KEY_ID']).toBe(second.accessKeyId);
    const params = sts.sessions.get(second.accessKeyId)?.params ?? {};
    const tags = Object.fromEntries(
      Object.entries(params)
        .filter(([k]) => /^Tags\.member\.\d+\.Key$/.test(k))
        .map(([k, v]) => [v, params[k.replace(/Key$/, 'Value')]]),
    );
    expect(tags).toMatchObject({
      GitHub: 'Actions',
      Repository: 'octo-org/octo-repo',
      Workflow: 'Deploy _prod_',
      Action: '__run_2',
      Actor: 'octocat',
      Commit: 'a'.repeat(40),
      Branch: 'refs/heads/main',
    });
    expect(run2.summary).toMatch(/AssumeRole, chained/);
    expect(run2.summary).toMatch(/caps chained sessions at 1 hour/);
    expect(run2.outputs['aws-account-id']).toBe('987654321000');
  });

  it('AssumeRole with static IAM credentials in repository secrets', async () => {
    const c = sts.presetCredentials();
    const run = await step(
      {
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
        'aws-region': 'us-east-2',
        'role-to-assume': SECRET_ROLE,
        'role-external-id': 'ext-7',
        'role-duration-seconds': '1200',
        'role-session-name': 'MySessionName',
      },
      { env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }, secrets: credList(c), node: 'current' },
    );
    expect(run.code).toBe(0);
    for (const v of credList(user)) expect(run.masks).toContain(v);
    expect(run.exported).toMatchObject({ AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SESSION_TOKEN: c.sessionToken });
    expect(sts.sessions.get(c.accessKeyId)).toMatchObject({
      chained: false,
      roleArn: SECRET_ROLE,
      params: expect.objectContaining({ DurationSeconds: '1200', ExternalId: 'ext-7', 'Tags.member.1.Key': 'GitHub' }),
    });
    expect(run.summary).toContain('AssumeRole');
    expect(run.summary).not.toMatch(/chained/);
  });

  it('the role name alone, resolved in the account of the static keys', async () => {
    const c = sts.presetCredentials();
    const run = await step(
      { 'aws-access-key-id': user.accessKeyId, 'aws-secret-access-key': user.secretAccessKey, 'aws-region': 'us-east-2', 'role-to-assume': 'my-role' },
      { secrets: credList(c) },
    );
    expect(run.code).toBe(0);
    expect(sts.calls('GetCallerIdentity')).toBe(1);
    expect(sts.sessions.get(c.accessKeyId)?.roleArn).toBe(MY_ROLE);
  });

  it('retrieving credentials from step output, then assuming another role with them', async () => {
    const first = sts.presetCredentials();
    const run1 = await step(
      { 'aws-region': 'us-east-2', 'role-to-assume': 'arn:aws:iam::123456789100:role/my-github-actions-role', 'output-credentials': 'true' },
      { secrets: credList(first) },
    );
    expect(run1.outputs).toMatchObject({
      'aws-access-key-id': first.accessKeyId,
      'aws-secret-access-key': first.secretAccessKey,
      'aws-session-token': first.sessionToken,
    });
    const cli1 = await awsCli(['sts', 'get-caller-identity'], awsEnv(run1));
    expect(JSON.parse(cli1.stdout)).toMatchObject({ Account: '123456789100' });
    const second = sts.presetCredentials();
    const run2 = await step(
      {
        'aws-region': 'us-east-2',
        'aws-access-key-id': run1.outputs['aws-access-key-id'] ?? '',
        'aws-secret-access-key': run1.outputs['aws-secret-access-key'] ?? '',
        'aws-session-token': run1.outputs['aws-session-token'] ?? '',
        'role-to-assume': OTHER,
      },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(sts.sessions.get(second.accessKeyId)).toMatchObject({ roleArn: OTHER, chained: true });
    expect(run2.summary).toMatch(/chained/);
  });

  it('multiple AWS profiles in a single workflow: one 0600 file pair, the aws CLI uses --profile, post steps clean up', async () => {
    const d = sts.presetCredentials();
    const dev = await step({ 'aws-region': 'us-east-1', 'role-to-assume': DEV, 'aws-profile': 'dev' }, { secrets: credList(d) });
    expect(dev.code).toBe(0);
    // output-env-credentials defaults to false with aws-profile: no keys, region or AWS_PROFILE in the env
    expect(Object.keys(dev.exported).sort()).toEqual(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']);
    const p = sts.presetCredentials();
    const prod = await step(
      { 'aws-region': 'us-west-2', 'role-to-assume': PROD, 'aws-profile': 'prod' },
      { env: dev.exported, secrets: [...credList(d), ...credList(p)] },
    );
    expect(prod.code).toBe(0);
    const credFile = prod.exported['AWS_SHARED_CREDENTIALS_FILE'] ?? '';
    expect(credFile).toBe(dev.exported['AWS_SHARED_CREDENTIALS_FILE']);
    expectOwnerOnly(credFile);
    for (const [profile, account] of [
      ['dev', '111111111111'],
      ['prod', '222222222222'],
    ]) {
      const cli = await awsCli(['sts', 'get-caller-identity', '--profile', profile ?? ''], awsEnv(prod));
      expect(cli.stderr).toBe('');
      expect(JSON.parse(cli.stdout)).toMatchObject({ Account: account });
    }
    // a third step asking for "dev" again is refused unless overwrite-aws-profile
    const again = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': DEV, 'aws-profile': 'dev' },
      { env: prod.exported, secrets: [...credList(d), ...credList(p)] },
    );
    expect(again.code).toBe(1);
    expect(errorOf(again)).toMatch(/profile "dev" is already in .*overwrite-aws-profile/);
    const o = sts.presetCredentials();
    const over = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': DEV, 'aws-profile': 'dev', 'overwrite-aws-profile': 'true' },
      { env: prod.exported, secrets: [...credList(d), ...credList(p), ...credList(o)] },
    );
    expect(over.code).toBe(0);
    expect(readFileSync(credFile, 'utf8')).toContain(o.secretAccessKey);
    // post steps run in reverse: prod takes its profile out, dev deletes the files it created
    const postProd = await step({ 'aws-profile': 'prod' }, { after: prod, secrets: [...credList(d), ...credList(p), ...credList(o)] });
    expect(postProd.code).toBe(0);
    expect(readFileSync(credFile, 'utf8')).not.toContain('[prod]');
    const postDev = await step({ 'aws-profile': 'dev' }, { after: dev, secrets: [...credList(d), ...credList(p), ...credList(o)] });
    expect(postDev.code).toBe(0);
    expect(existsSync(credFile)).toBe(false);
  });

  it('profiles with role chaining: the second step assumes from the first profile (env AWS_PROFILE)', async () => {
    const first = sts.presetCredentials();
    const run1 = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': 'arn:aws:iam::123456789100:role/my-github-actions-role', 'aws-profile': 'firstRoleInChain' },
      { secrets: credList(first) },
    );
    const second = sts.presetCredentials();
    const run2 = await step(
      {
        'aws-region': 'us-east-2',
        'role-to-assume': 'arn:aws:iam::987654321000:role/my-second-role',
        'role-chaining': 'true',
        'aws-profile': 'secondRoleInChain',
      },
      { env: { ...run1.exported, AWS_PROFILE: 'firstRoleInChain' }, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(sts.sessions.get(second.accessKeyId)).toMatchObject({ roleArn: SECOND, chained: true });
    const cli = await awsCli(['sts', 'get-caller-identity', '--profile', 'secondRoleInChain'], awsEnv(run2));
    expect(JSON.parse(cli.stdout)).toMatchObject({ Account: '987654321000' });
  });

  it("static keys with a profile and role-chaining (the peer's MyProfile1 example)", async () => {
    const c = sts.presetCredentials();
    const run = await step(
      {
        'aws-region': 'us-east-1',
        'role-to-assume': 'arn:aws:iam::123456789100:role/my-role',
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
        'aws-profile': 'MyProfile1',
        'role-chaining': 'true',
      },
      { env: { AWS_PROFILE: 'MyProfile1' }, secrets: credList(c) },
    );
    expect(run.code).toBe(0);
    const cli = await awsCli(['sts', 'get-caller-identity'], { ...awsEnv(run), AWS_PROFILE: 'MyProfile1' });
    expect(JSON.parse(cli.stdout)).toMatchObject({ Arn: expect.stringContaining('assumed-role/my-role/') });
  });
});

describe("the peer's other inputs", () => {
  it('static keys without a role are checked (GetCallerIdentity) and exported as they are; no expiry', async () => {
    const run = await step(
      { 'aws-region': 'us-east-1', 'aws-access-key-id': user.accessKeyId, 'aws-secret-access-key': user.secretAccessKey },
      { env: { AWS_SESSION_TOKEN: 'stale-token-of-an-earlier-step' } },
    );
    expect(run.code).toBe(0);
    expect(run.exported).toMatchObject({ AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, AWS_SESSION_TOKEN: '' });
    expect(run.outputs).toMatchObject({ 'aws-account-id': '123456789100', 'authenticated-arn': USER });
    expect(run.outputs['aws-expiration']).toBeUndefined();
    expect(run.summary).toMatch(/never: long-lived IAM user keys/);
    expect(sts.calls('GetCallerIdentity')).toBe(1);
  });

  it('allowed-account-ids: a role of another account is refused before any call, nothing exported', async () => {
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'allowed-account-ids': '111111111111,222222222222' });
    expect(run.code).toBe(1);
    expect(errorOf(run)).toMatch(/account 123456789100, which is not in allowed-account-ids/);
    expect(sts.calls()).toBe(0);
    expect(run.exported).toEqual({});
    const ok = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'allowed-account-ids': '111111111111,123456789100' },
      { secrets: credList(sts.presetCredentials()) },
    );
    expect(ok.code).toBe(0);
  });

  it('allowed-account-ids: static keys of another account are refused after GetCallerIdentity, nothing exported', async () => {
    const run = await step({
      'aws-region': 'us-east-1',
      'aws-access-key-id': user.accessKeyId,
      'aws-secret-access-key': user.secretAccessKey,
      'allowed-account-ids': '111111111111',
    });
    expect(run.code).toBe(1);
    expect(errorOf(run)).toContain('allowed-account-ids');
    expect(run.exported).toEqual({});
  });

  it('action-timeout-s: fails naming the pending STS call, exports nothing', async () => {
    sts.latencyMs = 4000;
    const t = Date.now();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'action-timeout-s': '1' });
    expect(run.code).toBe(1);
    expect(Date.now() - t).toBeLessThan(3900);
    expect(errorOf(run)).toMatch(
      /within action-timeout-s \(1 s\); still pending: STS AssumeRoleWithWebIdentity for arn:aws:iam::123456789100:role\/my-github-actions-role at 127\.0\.0\.1:\d+ \(attempt 1 of 5\)/,
    );
    expect(run.exported).toEqual({});
    expect(run.outputs).toEqual({});
  });

  it('use-existing-credentials: valid credentials in the env are kept, nothing assumed; invalid ones are replaced', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { secrets: credList(first) });
    const keep = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'use-existing-credentials': 'true' },
      { env: run1.exported, secrets: credList(first) },
    );
    expect(keep.code).toBe(0);
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(1);
    expect(keep.exported).toEqual({});
    expect(keep.annotations.some((a) => a.level === 'notice' && /already in the environment are valid/.test(a.message))).toBe(true);
    const fresh = sts.presetCredentials();
    const replace = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'use-existing-credentials': 'true' },
      {
        env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000', AWS_SECRET_ACCESS_KEY: 'not-a-real-secret-value' },
        secrets: [...credList(fresh), 'not-a-real-secret-value'],
      },
    );
    expect(replace.code).toBe(0);
    expect(replace.exported['AWS_ACCESS_KEY_ID']).toBe(fresh.accessKeyId);
  });

  it('force-skip-oidc: no token is asked for even with id-token: write; the env credentials assume the role', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { secrets: credList(first) });
    const before = issuer.requests;
    const second = sts.presetCredentials();
    const run2 = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': SECOND, 'force-skip-oidc': 'true' },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(issuer.requests).toBe(before);
    expect(sts.calls('AssumeRole')).toBe(1);
    const none = await step({ 'aws-region': 'us-east-1', 'role-to-assume': SECOND, 'force-skip-oidc': 'true' });
    expect(none.code).toBe(1);
    expect(errorOf(none)).toContain('(input "force-skip-oidc")');
  });

  it('unset-current-credentials: the key variables in the env are not used', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { secrets: credList(first) });
    const run2 = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': SECOND, 'role-chaining': 'true', 'unset-current-credentials': 'true' },
      { env: run1.exported, secrets: credList(first) },
    );
    expect(run2.code).toBe(1);
    expect(errorOf(run2)).toMatch(/unset-current-credentials ignores the key variables/);
    expect(sts.calls('AssumeRole')).toBe(0);
  });

  it('output-env-credentials: false exports nothing to the env; the outputs still carry the credentials', async () => {
    const c = sts.presetCredentials();
    const run = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'output-env-credentials': 'false', 'output-credentials': 'true' },
      { secrets: credList(c) },
    );
    expect(run.code).toBe(0);
    expect(run.exported).toEqual({});
    expect(run.outputs['aws-secret-access-key']).toBe(c.secretAccessKey);
  });

  it('special-characters-workaround: assumes again until the secret key has none (each key masked)', async () => {
    const bad = sts.presetCredentials({ secretAccessKey: 'abc/DEF+ghi0123456789abcdefghijklmnopqr' });
    const good = sts.presetCredentials({ secretAccessKey: 'abcDEFghi0123456789abcdefghijklmnopqrst' });
    const run = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'special-characters-workaround': 'true', 'disable-retry': 'true' },
      { secrets: [...credList(bad), ...credList(good)] },
    );
    expect(run.code).toBe(0);
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(2);
    expect(run.exported['AWS_SECRET_ACCESS_KEY']).toBe(good.secretAccessKey);
    expect(run.masks).toContain(bad.secretAccessKey);
  });

  it('custom-tags and transitive-tag-keys on AssumeRole; a web-identity step logs that it ignores them', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'custom-tags': '{"Team":"payments"}' }, { secrets: credList(first) });
    expect(run1.code).toBe(0);
    expect(run1.annotations.some((a) => a.level === 'warning' && /AssumeRoleWithWebIdentity takes no session tags/.test(a.message))).toBe(true);
    const second = sts.presetCredentials();
    const run2 = await step(
      {
        'aws-region': 'us-east-1',
        'role-to-assume': SECOND,
        'role-chaining': 'true',
        'custom-tags': '{"Team":"payments","CostCenter":"42"}',
        'transitive-tag-keys': 'Team\nRepository',
      },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    const params = sts.sessions.get(second.accessKeyId)?.params ?? {};
    expect(Object.values(params)).toEqual(expect.arrayContaining(['Team', 'payments', 'CostCenter', '42']));
    expect([params['TransitiveTagKeys.member.1'], params['TransitiveTagKeys.member.2']]).toEqual(['Team', 'Repository']);
  });

  it('a role without sts:TagSession: AccessDenied says why; role-skip-session-tagging gets in', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { secrets: credList(first) });
    const denied = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': NO_TAGS, 'role-chaining': 'true' },
      { env: run1.exported, secrets: credList(first) },
    );
    expect(denied.code).toBe(1);
    expect(errorOf(denied)).toMatch(/sts:TagSession .*role-skip-session-tagging: true/);
    const second = sts.presetCredentials();
    const ok = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': NO_TAGS, 'role-chaining': 'true', 'role-skip-session-tagging': 'true' },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(ok.code).toBe(0);
  });

  it('a session shorter than asked for is warned about in the log and the summary', async () => {
    sts.grantSeconds = 1800;
    const c = sts.presetCredentials();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'role-duration-seconds': '7200' }, { secrets: credList(c) });
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/Shorter than asked: .*in 30 min, before the 2 h asked for/);
    expect(run.annotations.some((a) => a.level === 'warning' && /shorter session than asked/.test(a.message))).toBe(true);
  });

  it('the post step clears the variables it exported; AWS_SKIP_CLEANUP_STEP keeps files and variables', async () => {
    const c = sts.presetCredentials();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'credentials-file': 'true' }, { secrets: credList(c) });
    const file = run.exported['AWS_SHARED_CREDENTIALS_FILE'] ?? '';
    const skipped = await step({}, { after: run, env: { AWS_SKIP_CLEANUP_STEP: 'true' }, secrets: credList(c) });
    expect(skipped.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(skipped.stdout).toContain('AWS_SKIP_CLEANUP_STEP');
    const post = await step({}, { after: run, secrets: credList(c) });
    expect(existsSync(file)).toBe(false);
    expect(post.exported).toMatchObject({ AWS_PROFILE: '', AWS_REGION: '', AWS_DEFAULT_REGION: '' });
  });
});

describe('reach: proxies, private CAs, GitHub Enterprise Server', () => {
  let ca: TestCert;
  let leaf: TestCert;
  let tlsSts: StsServer;

  beforeAll(async () => {
    ca = await makeCert({ ca: true });
    leaf = await makeCert({ dns: ['localhost'], ips: ['127.0.0.1'] }, ca);
    tlsSts = await new StsServer().start({ tls: { cert: leaf.cert, key: leaf.key } });
    tlsSts.addProvider(issuer.url, ['sts.amazonaws.com']);
    tlsSts.addRole({ arn: FIRST, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/*'], aud: ['sts.amazonaws.com'] } });
  });
  afterAll(async () => {
    await tlsSts.stop();
  });

  const host = (u: string): string => new URL(u).host;

  it('HTTPS_PROXY: the token request and the STS call go through CONNECT tunnels', async () => {
    const proxy = await startProxy();
    const c = sts.presetCredentials();
    const run = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST },
      { env: { HTTPS_PROXY: proxy.url, https_proxy: proxy.url, HTTP_PROXY: proxy.url }, secrets: credList(c) },
    );
    await proxy.close();
    expect(run.code).toBe(0);
    expect(proxy.tunnels).toEqual(expect.arrayContaining([host(issuer.url), host(sts.url)]));
  });

  it('the http-proxy input sends STS through the proxy with no proxy in the env', async () => {
    const proxy = await startProxy();
    const c = sts.presetCredentials();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'http-proxy': proxy.url }, { secrets: credList(c) });
    await proxy.close();
    expect(run.code).toBe(0);
    expect(proxy.tunnels).toEqual([host(sts.url)]);
  });

  it('NO_PROXY (env) and no-proxy (input) bypass the proxy for the STS host', async () => {
    const proxy = await startProxy();
    const c1 = sts.presetCredentials();
    const run1 = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST },
      { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: host(sts.url) }, secrets: credList(c1) },
    );
    expect(run1.code).toBe(0);
    expect(proxy.tunnels).toEqual([host(issuer.url)]);
    proxy.tunnels.length = 0;
    const c2 = sts.presetCredentials();
    const run2 = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'http-proxy': proxy.url, 'no-proxy': host(sts.url) },
      { secrets: credList(c2) },
    );
    await proxy.close();
    expect(run2.code).toBe(0);
    expect(proxy.tunnels).toEqual([]);
  });

  it('STS over HTTPS with a private CA: ca-certificate as PEM, as a path, through the proxy', async () => {
    const proxy = await startProxy();
    const c = tlsSts.presetCredentials();
    const run = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'ca-certificate': ca.cert },
      { env: { AWS_ENDPOINT_URL_STS: tlsSts.url, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }, secrets: credList(c) },
    );
    await proxy.close();
    expect(run.code).toBe(0);
    expect(run.exported['AWS_ACCESS_KEY_ID']).toBe(c.accessKeyId);
    expect(proxy.tunnels).toContain(host(tlsSts.url));
    const dir = mkdtempSync(join(tmpdir(), 'ca-'));
    writeFileSync(join(dir, 'ca.pem'), ca.cert);
    const c2 = tlsSts.presetCredentials();
    const byPath = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'ca-certificate': join(dir, 'ca.pem') },
      { env: { AWS_ENDPOINT_URL_STS: tlsSts.url }, secrets: credList(c2) },
    );
    expect(byPath.code).toBe(0);
  });

  it('a TLS failure names the host, the cause and the input that fixes it; not retried', async () => {
    tlsSts.reset();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { env: { AWS_ENDPOINT_URL_STS: tlsSts.url } });
    expect(run.code).toBe(1);
    const err = errorOf(run);
    expect(err).toContain(`TLS connection to ${tlsSts.url}/`);
    expect(err).toMatch(/not trusted|untrusted CA/);
    expect(err).toContain('ca-certificate');
    expect(tlsSts.calls()).toBe(0);
    expect(run.stdout).not.toMatch(/retrying/);
    const bad = await step(
      { 'aws-region': 'us-east-1', 'role-to-assume': FIRST, 'ca-certificate': 'no-such-ca.pem' },
      { env: { AWS_ENDPOINT_URL_STS: tlsSts.url } },
    );
    expect(errorOf(bad)).toMatch(/cannot read the CA file .*no-such-ca\.pem \(ENOENT\).*\(input "ca-certificate"\)/);
  });

  it('GitHub Enterprise Server: an issuer at /_services/token is accepted, and a refusal shows HOST/_services/token conditions', async () => {
    const c = sts.presetCredentials();
    const run = await step({ 'aws-region': 'us-east-1', 'role-to-assume': GHES_ROLE }, { from: ghes, secrets: credList(c) });
    expect(run.code).toBe(0);
    const denied = await step({ 'aws-region': 'us-east-1', 'role-to-assume': FIRST }, { from: ghes });
    expect(denied.code).toBe(1);
    const err = errorOf(denied);
    const prefix = `${host(ghes.url)}/_services/token`;
    expect(err).toContain(`iss: ${ghes.url}/_services/token`);
    expect(err).toContain(`"${prefix}:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"`);
    expect(err).toContain(`arn:aws:iam::123456789100:oidc-provider/${prefix}`);
    expect(err).toMatch(/GitHub Enterprise Server/);
  });
});
