/**
 * oidc-assume-role end to end: dist/oidc-assume-role run as the GitHub runner does (and the
 * CLI bundle as a GitLab job), against the STS imitation (real @aws-sdk/client-sts on the
 * wire, JWTs verified against the issuer's JWKS) and the OIDC issuer, all on 127.0.0.1.
 * The exported credentials are then used by a real client, Debian's aws CLI.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, type StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { OidcIssuer } from '../servers/oidc.js';
import { StsServer } from '../servers/sts.js';
import { listen } from '../servers/http.js';
import { expectOwnerOnly, osEnv } from '../runner/os.js';

/** Debian's awscli here; the AWS CLI on PATH on GitHub's macOS and Windows images; AWS_CLI overrides. */
const AWS_CLI = process.env['AWS_CLI'] ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

const ACCT = '123456789012';
const ROLE = `arn:aws:iam::${ACCT}:role/deploy`;
const STRICT = `arn:aws:iam::${ACCT}:role/other-repo-only`;
const TARGET = `arn:aws:iam::${ACCT}:role/ci/target`;
const GITLAB_ROLE = `arn:aws:iam::${ACCT}:role/gitlab-deploy`;

let issuer: OidcIssuer;
let sts: StsServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  sts = await new StsServer().start();
  sts.addProvider(issuer.url, ['sts.amazonaws.com']);
  sts.addRole({ arn: ROLE, maxSessionDuration: 7200, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/octo-repo:*'], aud: ['sts.amazonaws.com'] } });
  sts.addRole({ arn: STRICT, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/other:ref:refs/heads/main'], aud: ['sts.amazonaws.com'] } });
  sts.addRole({ arn: TARGET, trustedRoles: [ROLE], externalId: 'ext-4242' });
  sts.addRole({
    arn: GITLAB_ROLE,
    webIdentity: { issuer: issuer.url, sub: ['project_path:my-group/my-project:ref_type:branch:ref:*'], aud: ['sts.amazonaws.com'] },
  });
});

afterAll(async () => {
  await sts.stop();
  await issuer.stop();
});

beforeEach(() => sts.reset());

type Creds = ReturnType<StsServer['presetCredentials']>;
const credList = (c: Creds): string[] => [c.accessKeyId, c.secretAccessKey, c.sessionToken];

/** JWTs are handed out during the run: none may be printed anywhere (the add-mask lines aside). */
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
  return issuer.issued.filter((t) => printed.includes(t) || printed.includes(t.split('.')[1] ?? 'x'));
}

async function step(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string | undefined>; secrets?: string[]; node?: 'current' | '24'; after?: StepRun; action?: string } = {},
): Promise<StepRun> {
  const run = await runStep({
    action: opts.action ?? 'oidc-assume-role',
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url, ...inputs },
    env: { ...issuer.githubEnv, PIPELINE_SECRETS_RETRY_BASE_MS: '5', ...opts.env },
    secrets: opts.secrets ?? [],
    ...(opts.node ? { node: opts.node } : {}),
    ...(opts.after ? { after: opts.after } : {}),
  });
  expect(run.leaks).toEqual([]);
  expect(jwtLeaks(run)).toEqual([]);
  return run;
}

/** Debian's aws CLI, secrets through the environment only. */
function awsCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = mkdtempSync(join(tmpdir(), 'aws-home-'));
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      ['sts', 'get-caller-identity', '--endpoint-url', sts.url, '--output', 'json'],
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...osEnv({ home }), ...env }, timeout: 30000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('oidc-assume-role: success paths', () => {
  it('env mode: masks, exports the credentials and region, and the aws CLI works with them', async () => {
    const c = sts.presetCredentials();
    const before = issuer.requests;
    const run = await step({}, { secrets: credList(c) });
    expect(run.code).toBe(0);
    expect(issuer.requests - before).toBe(1);
    expect(run.exported).toMatchObject({
      AWS_ACCESS_KEY_ID: c.accessKeyId,
      AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
      AWS_SESSION_TOKEN: c.sessionToken,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    for (const v of credList(c)) expect(run.masks).toContain(v);
    // masked before anything else: the first lines of stdout are the three add-masks
    const firstMasks = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::') || l.trim())
      .slice(0, 3);
    expect(firstMasks.every((l) => l.startsWith('::add-mask::'))).toBe(true);
    // the peer's outputs, aws-expiration even without output-credentials (not a secret)
    expect(run.outputs).toEqual({
      'aws-account-id': ACCT,
      'authenticated-arn': `arn:aws:sts::${ACCT}:assumed-role/deploy/GitHubActions-4242-1`,
      'aws-expiration': expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(1);
    const session = sts.sessions.get(c.accessKeyId);
    expect(session?.sessionName).toBe('GitHubActions-4242-1');
    expect(session?.params['DurationSeconds']).toBe('3600');
    expect(run.summary).toContain(ROLE);
    expect(run.summary).toContain('GitHubActions-4242-1');
    expect(run.summary).toMatch(/Expires \| \d{4}-\d\d-\d\dT/);

    const cli = await awsCli({
      AWS_ACCESS_KEY_ID: c.accessKeyId,
      AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
      AWS_SESSION_TOKEN: c.sessionToken,
      AWS_REGION: 'us-east-1',
    });
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toMatchObject({ Account: ACCT, Arn: `arn:aws:sts::${ACCT}:assumed-role/deploy/GitHubActions-4242-1` });
  });

  it('the post step loads no AWS SDK: it runs from index.js alone, while main needs the STS chunk', async () => {
    const c = sts.presetCredentials();
    const run = await step({ 'credentials-file': 'true' }, { secrets: credList(c) });
    expect(run.code).toBe(0);
    const credFile = run.exported['AWS_SHARED_CREDENTIALS_FILE'] ?? '';
    expect(existsSync(credFile)).toBe(true);
    const root = join(new URL('../..', import.meta.url).pathname);
    const dist = join(root, 'dist', 'oidc-assume-role');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.tmp', 'oidc-index-only-'));
    try {
      for (const f of ['index.js', 'package.json']) copyFileSync(join(dist, f), join(dir, f));
      const action = join('..', '.tmp', dir.split('/').pop() ?? '');
      const post = await step({}, { after: run, secrets: credList(c), action });
      expect(post.code).toBe(0);
      expect(existsSync(credFile)).toBe(false);
      const main = await step({}, { action });
      expect(main.code).not.toBe(0);
      expect(main.stdout + main.stderr).toMatch(/Cannot find module .*\d+\.index\.js/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('credentials-file mode: 0600 profile files, the aws CLI reads them, the post step removes them', async () => {
    const c = sts.presetCredentials();
    const run = await step({ 'credentials-file': 'true', 'role-duration-seconds': '7200', 'role-session-name': 'my-session' }, { secrets: credList(c) });
    expect(run.code).toBe(0);
    const e = run.exported;
    expect(e['AWS_ACCESS_KEY_ID']).toBeUndefined();
    expect(e['AWS_PROFILE']).toBe('default');
    const credFile = e['AWS_SHARED_CREDENTIALS_FILE'] ?? '';
    const confFile = e['AWS_CONFIG_FILE'] ?? '';
    for (const f of [credFile, confFile]) {
      expect(f.startsWith(run.runnerTemp)).toBe(true);
      expectOwnerOnly(f);
    }
    expect(readFileSync(credFile, 'utf8')).toContain(`aws_secret_access_key = ${c.secretAccessKey}`);
    expect(readFileSync(confFile, 'utf8')).toContain('region = us-east-1');
    expect(sts.sessions.get(c.accessKeyId)?.params['DurationSeconds']).toBe('7200');

    const cli = await awsCli({ AWS_SHARED_CREDENTIALS_FILE: credFile, AWS_CONFIG_FILE: confFile, AWS_PROFILE: e['AWS_PROFILE'] ?? '' });
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toMatchObject({ Arn: `arn:aws:sts::${ACCT}:assumed-role/deploy/my-session` });

    const post = await step({}, { after: run, secrets: credList(c) });
    expect(post.code).toBe(0);
    expect(existsSync(credFile)).toBe(false);
    expect(existsSync(confFile)).toBe(false);
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(1);
  });

  it('output-credentials and mask-aws-account-id (under the current Node)', async () => {
    const c = sts.presetCredentials();
    const run = await step({ 'output-credentials': 'true', 'mask-aws-account-id': 'true' }, { secrets: [...credList(c), ACCT], node: 'current' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'aws-account-id': ACCT,
      'aws-access-key-id': c.accessKeyId,
      'aws-secret-access-key': c.secretAccessKey,
      'aws-session-token': c.sessionToken,
    });
    expect(new Date(run.outputs['aws-expiration'] ?? '').getTime()).toBeGreaterThan(Date.now() + 3000_000);
    expect(run.masks).toContain(ACCT);
    expect(run.summary).not.toContain(ACCT);
  });

  it('role chaining: AssumeRole signed with the credentials of the previous step, capped at 1 hour', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({}, { secrets: credList(first) });
    expect(run1.code).toBe(0);
    const second = sts.presetCredentials();
    const run2 = await step(
      { 'role-to-assume': TARGET, 'role-chaining': 'true', 'role-external-id': 'ext-4242', 'role-session-name': 'chained' },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(run2.exported['AWS_ACCESS_KEY_ID']).toBe(second.accessKeyId);
    expect(sts.calls('AssumeRole')).toBe(1);
    expect(sts.sessions.get(second.accessKeyId)).toMatchObject({ chained: true, roleArn: TARGET });
    expect(run2.annotations.some((a) => a.level === 'warning' && /at most 1 hour/.test(a.message))).toBe(true);
    expect(run2.summary).toContain('chained');

    const tooLong = await step(
      { 'role-to-assume': TARGET, 'role-chaining': 'true', 'role-duration-seconds': '7200' },
      { env: run1.exported, secrets: credList(first) },
    );
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stdout).toMatch(/role-duration-seconds/);
    expect(sts.calls('AssumeRole')).toBe(1);
  });

  it('chaining into a profile file clears the key variables of the first step, so the aws CLI uses the profile', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({}, { secrets: credList(first) });
    const second = sts.presetCredentials();
    const run2 = await step(
      { 'role-to-assume': TARGET, 'role-chaining': 'true', 'role-external-id': 'ext-4242', 'credentials-file': 'true', 'aws-profile': 'target' },
      { env: run1.exported, secrets: [...credList(first), ...credList(second)] },
    );
    expect(run2.code).toBe(0);
    expect(run2.exported).toMatchObject({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: 'target' });
    const env = Object.fromEntries(Object.entries(run2.exported).filter(([k]) => k.startsWith('AWS_')));
    const cli = await awsCli(env);
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toMatchObject({ Arn: `arn:aws:sts::${ACCT}:assumed-role/target/GitHubActions-4242-1` });
  });

  it('a role name is resolved against the account of the credentials in the env', async () => {
    const first = sts.presetCredentials();
    const run1 = await step({}, { secrets: credList(first) });
    const run2 = await step(
      { 'role-to-assume': 'ci/target', 'role-chaining': 'true', 'role-external-id': 'ext-4242' },
      { env: run1.exported, secrets: credList(first) },
    );
    expect(run2.code).toBe(0);
    expect(sts.calls('GetCallerIdentity')).toBe(1);
    expect(run2.summary).toContain(TARGET);
  });

  it('web-identity-token-file: the token is read from the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wif-'));
    const file = join(dir, 'token');
    const jwt = await issuer.sign(issuer.githubClaims('sts.amazonaws.com'));
    writeFileSync(file, `${jwt}\n`);
    const c = sts.presetCredentials();
    const run = await step(
      { 'web-identity-token-file': file },
      { env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }, secrets: [...credList(c), jwt] },
    );
    expect(run.code).toBe(0);
    expect(run.exported['AWS_ACCESS_KEY_ID']).toBe(c.accessKeyId);
  });
});

describe('oidc-assume-role: proxy', () => {
  it('sends the token request and the STS call through HTTPS_PROXY (CONNECT tunnels)', async () => {
    const tunnels: string[] = [];
    const proxy = await listen((_req, res) => {
      res.writeHead(405);
      res.end();
    });
    proxy.server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host = '', port = ''] = (req.url ?? '').split(':');
      const up = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.write(head);
        up.pipe(client);
        client.pipe(up);
      });
      up.on('error', () => client.destroy());
      client.on('error', () => up.destroy());
    });
    const c = sts.presetCredentials();
    const run = await step({}, { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }, secrets: credList(c) });
    await proxy.close();
    expect(run.code).toBe(0);
    const host = (u: string) => u.replace('http://', '');
    expect(tunnels).toEqual(expect.arrayContaining([host(issuer.url), host(sts.url)]));
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(1);
  });
});

describe('oidc-assume-role: retries', () => {
  it('retries Throttling with a fresh OIDC token per attempt', async () => {
    sts.inject('Throttling', 2);
    const before = issuer.requests;
    const c = sts.presetCredentials();
    const run = await step({}, { secrets: credList(c) });
    expect(run.code).toBe(0);
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(3);
    expect(issuer.requests - before).toBe(3);
    expect(run.stdout).toMatch(/Throttling; retrying/);
  });

  it('retries IDPCommunicationError and HTTP 500', async () => {
    sts.inject('IDPCommunicationError').inject(500);
    const c = sts.presetCredentials();
    const run = await step({}, { secrets: credList(c) });
    expect(run.code).toBe(0);
    expect(sts.calls()).toBe(3);
  });

  it('stops after retry-max-attempts', async () => {
    sts.inject('Throttling', 5);
    const run = await step({ 'retry-max-attempts': '3' });
    expect(run.code).toBe(1);
    expect(sts.calls()).toBe(3);
    expect(run.stdout).toMatch(/Throttling \(HTTP 400\)/);
  });
});

describe('oidc-assume-role: refusals explain themselves', () => {
  it('AccessDenied is not retried, and names iss, sub, aud with a matching trust condition', async () => {
    const run = await step({ 'role-to-assume': STRICT });
    expect(run.code).toBe(1);
    expect(sts.calls()).toBe(1);
    const err = run.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(err).toMatch(/AccessDenied \(HTTP 403\)/);
    expect(err).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(err).toContain(`iss: ${issuer.url}`);
    expect(err).toContain('sub: repo:octo-org/octo-repo:ref:refs/heads/main');
    expect(err).toContain('aud: sts.amazonaws.com');
    const prefix = issuer.url.replace(/^http:\/\//, '');
    expect(err).toContain(`"${prefix}:sub"`);
    expect(err).toContain('StringLike');
    expect(err).toContain(`arn:aws:iam::${ACCT}:oidc-provider/${prefix}`);
  });

  it('InvalidIdentityToken (audience not a client ID of the provider) is not retried and explains the provider', async () => {
    const run = await step({ audience: 'my-custom-aud' });
    expect(run.code).toBe(1);
    expect(sts.calls()).toBe(1);
    const err = run.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(err).toMatch(/InvalidIdentityToken/);
    expect(err).toContain('Incorrect token audience');
    expect(err).toContain('aud: my-custom-aud');
    expect(err).toMatch(/audiences \(client IDs\) do not include "my-custom-aud"/);
  });

  it('an expired token (ExpiredTokenException) is not retried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wif-'));
    const file = join(dir, 'token');
    writeFileSync(file, await issuer.sign(issuer.githubClaims('sts.amazonaws.com'), { expiresIn: -120 }));
    const run = await step({ 'web-identity-token-file': file });
    expect(run.code).toBe(1);
    expect(sts.calls()).toBe(1);
    expect(run.stdout).toMatch(/ExpiredTokenException/);
  });

  it.each([
    ['role-to-assume', { 'role-to-assume': 'arn:aws:iam::12345:role/deploy' }, /12-digit account/],
    ['role-to-assume', { 'role-to-assume': `arn:aws:sts::${ACCT}:assumed-role/deploy/x` }, /assumed-role/],
    ['role-to-assume', { 'role-to-assume': 'deploy' }, /full ARN/],
    // an unknown but well-formed region passes only with an explicit endpoint (new regions)
    ['aws-region', { 'aws-region': 'us-east-42', 'sts-endpoint': '' }, /not a known region/],
    ['aws-region', { 'aws-region': 'cn-north-1' }, /partition aws-cn/],
    ['aws-region', { 'aws-region': 'mars' }, /not an AWS region/],
    ['role-duration-seconds', { 'role-duration-seconds': '100' }, /900 to 43200/],
    ['role-duration-seconds', { 'role-duration-seconds': '50000' }, /900 to 43200/],
    ['role-session-name', { 'role-session-name': 'has space' }, /not a valid session name/],
    ['managed-session-policies', { 'managed-session-policies': 'arn:aws:iam::aws:policy/ReadOnlyAccess\nnot-an-arn' }, /managed policy ARN/],
  ])('rejects a bad %s before any call', async (input, inputs, why) => {
    const run = await step(inputs);
    expect(run.code).toBe(1);
    expect(sts.calls()).toBe(0);
    const err = run.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(err).toMatch(why);
    expect(err).toContain(`(input "${input}")`);
    expect(run.exported).toEqual({});
  });

  it('no id-token permission: says what to add, nothing called', async () => {
    const run = await step({}, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('id-token: write');
    expect(run.stdout).not.toMatch(/AssumeRoleWithWebIdentity.*failed/);
    expect(sts.calls()).toBe(0);
  });
});

describe('oidc-assume-role: GitLab through the CLI', () => {
  it('takes the token from the id_tokens variable and names the session after project and pipeline', async () => {
    const jwt = await issuer.gitlabToken('sts.amazonaws.com');
    const c = sts.presetCredentials();
    const dir = mkdtempSync(join(tmpdir(), 'gl-'));
    const envFile = join(dir, 'aws.env');
    const run = await runCli(
      ['oidc-assume-role', '--role-to-assume', GITLAB_ROLE, '--aws-region', 'eu-west-1', '--sts-endpoint', sts.url, '--id-token-var', 'AWS_ID_TOKEN'],
      {
        env: {
          GITLAB_CI: 'true',
          CI_PROJECT_PATH: 'my-group/my-project',
          CI_PIPELINE_ID: '1212',
          CI_JOB_ID: '499',
          AWS_ID_TOKEN: jwt,
          PIPELINE_SECRETS_ENV_FILE: envFile,
          PIPELINE_SECRETS_TEMP_DIR: join(dir, 'tmp'),
        },
        secrets: [...credList(c), jwt],
      },
    );
    expect({ code: run.code, stderr: run.stderr.slice(-800) }).toMatchObject({ code: 0 });
    expect(run.leaks).toEqual([]);
    expect(sts.sessions.get(c.accessKeyId)?.sessionName).toBe('GitLab-my-group-my-project-1212');
    const exported = readFileSync(envFile, 'utf8');
    expect(exported).toContain(`export AWS_ACCESS_KEY_ID='${c.accessKeyId}'`);
    expect(exported).toContain("export AWS_REGION='eu-west-1'");
    expectOwnerOnly(envFile);
  });

  it('without the id_tokens variable: says how to declare it, nothing called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-'));
    const run = await runCli(
      ['oidc-assume-role', '--role-to-assume', GITLAB_ROLE, '--aws-region', 'eu-west-1', '--sts-endpoint', sts.url, '--id-token-var', 'AWS_ID_TOKEN'],
      {
        env: { GITLAB_CI: 'true', CI_PROJECT_PATH: 'my-group/my-project', CI_PIPELINE_ID: '1212', PIPELINE_SECRETS_TEMP_DIR: join(dir, 'tmp') },
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('id_tokens: { AWS_ID_TOKEN: { aud:');
    expect(run.stderr).not.toContain('STS');
    expect(sts.calls()).toBe(0);
  });
});
