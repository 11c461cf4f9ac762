/**
 * Drop-in parity with aws-actions/configure-aws-credentials 6.2.3: its inputs and outputs (from
 * its action.yml and README) are all declared by ours, and the new inputs mean what they mean
 * there: source precedence, profiles, output-env-credentials, allowed-account-ids, tags, timeouts.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allActions, type Registered } from '../../../../src/actions/index.js';

/** every action's module, loaded (the CLI loads only the one it runs) */
const actions: Record<string, Registered> = Object.fromEntries((await allActions()).map((a) => [a.spec.name, a]));
import { type UserError, RemoteError } from '../../../../src/core/errors.js';
import { parseInputs, type RunInfo } from '../../../../src/actions/oidc-assume-role/config.js';
import { parseCustomTags, parseTransitiveKeys, runTags, sanitizeTagValue, sessionTags, type TagRun } from '../../../../src/aws/tags.js';
import { parseIni, readProfileCredentials, removeProfile, writeProfileFiles } from '../../../../src/aws/credentials-file.js';
import { StepTimeout } from '../../../../src/aws/step-timeout.js';
import { hasSpecialCharacters } from '../../../../src/aws/sts.js';
import { shortfall } from '../../../../src/aws/summary.js';
import { enterpriseIssuer, trustAdvice } from '../../../../src/aws/trust-advice.js';
import { parseRoleArn } from '../../../../src/aws/arn.js';
import { repoRoot } from '../../../runner/node.js';
import { expectOwnerOnly } from '../../../runner/os.js';

/** configure-aws-credentials 6.2.3: every input and output (action.yml and README options table). */
export const PEER_INPUTS = [
  'aws-region',
  'aws-profile',
  'overwrite-aws-profile',
  'role-to-assume',
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
  'web-identity-token-file',
  'role-chaining',
  'audience',
  'http-proxy',
  'no-proxy',
  'mask-aws-account-id',
  'role-duration-seconds',
  'role-external-id',
  'role-session-name',
  'role-skip-session-tagging',
  'transitive-tag-keys',
  'inline-session-policy',
  'managed-session-policies',
  'output-credentials',
  'output-env-credentials',
  'unset-current-credentials',
  'disable-retry',
  'retry-max-attempts',
  'special-characters-workaround',
  'use-existing-credentials',
  'allowed-account-ids',
  'force-skip-oidc',
  'action-timeout-s',
  'custom-tags',
  'sts-endpoint',
] as const;
export const PEER_OUTPUTS = [
  'aws-account-id',
  'authenticated-arn',
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
  'aws-expiration',
] as const;

const gh: RunInfo = { platform: 'github', repository: 'o/r', runId: '99', runAttempt: '2', actor: 'me' };
const tagRun: TagRun = {
  platform: 'github',
  repository: 'octo-org/octo-repo',
  workflow: 'CI (main)',
  action: '__run_2',
  actor: 'octo[bot]',
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  runId: '1',
  job: 'build',
};
const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const base = { 'role-to-assume': ROLE, 'aws-region': 'us-east-1' };
const parse = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  parseInputs(
    (n) => inputs[n] ?? '',
    (n) => env[n],
    gh,
    tagRun,
  );

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('no error');
}

describe('configure-aws-credentials 6.2.3 inputs and outputs', () => {
  const yml = parseYaml(readFileSync(join(repoRoot, 'actions/oidc-assume-role/action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  it.each(PEER_INPUTS)('declares input %s (action.yml and the CLI spec)', (name) => {
    expect(Object.keys(yml.inputs)).toContain(name);
    expect(actions['oidc-assume-role']?.spec.inputs.map((i) => i.name)).toContain(name);
  });
  it.each(PEER_OUTPUTS)('declares output %s', (name) => {
    expect(Object.keys(yml.outputs)).toContain(name);
  });
});

describe("where the credentials come from (the peer's precedence)", () => {
  it('keys, then token file, then role-chaining / force-skip-oidc, then OIDC', () => {
    expect(parse({ ...base, 'aws-access-key-id': 'AKIAX', 'aws-secret-access-key': 's', 'web-identity-token-file': 'f' }).source).toMatchObject({
      kind: 'keys',
    });
    expect(parse({ ...base, 'web-identity-token-file': 'f', 'role-chaining': 'true' }).source).toEqual({ kind: 'token-file', path: 'f' });
    expect(parse({ ...base, 'role-chaining': 'true' }).source).toEqual({ kind: 'env' });
    expect(parse({ ...base, 'force-skip-oidc': 'true' }).source).toEqual({ kind: 'env' });
    expect(parse(base).source).toEqual({ kind: 'oidc' });
  });
  it('keys without a role are exported as they are; without keys a role is required', () => {
    expect(parse({ 'aws-region': 'us-east-1', 'aws-access-key-id': 'AKIAX', 'aws-secret-access-key': 's' }).role).toBeUndefined();
    expect((thrown(() => parse({ 'aws-region': 'us-east-1' })) as UserError).input).toBe('role-to-assume');
    expect((thrown(() => parse({ ...base, 'aws-access-key-id': 'AKIAX' })) as UserError).input).toBe('aws-secret-access-key');
    expect((thrown(() => parse({ ...base, 'aws-secret-access-key': 's' })) as UserError).input).toBe('aws-access-key-id');
  });
  it('a role name needs a caller (keys or chaining)', () => {
    expect((thrown(() => parse({ ...base, 'role-to-assume': 'deploy' })) as UserError).message).toMatch(/full ARN/);
    expect(parse({ ...base, 'role-to-assume': 'deploy', 'role-chaining': 'true' }).role).toEqual({ path: '', name: 'deploy' });
  });
});

describe('profiles and env variables', () => {
  it('output-env-credentials defaults to true, false with aws-profile; credentials-file keeps AWS_PROFILE without key variables', () => {
    expect(parse(base)).toMatchObject({ profileMode: false, outputEnv: true, exportKeys: true });
    expect(parse({ ...base, 'aws-profile': 'dev' })).toMatchObject({ profileMode: true, profile: 'dev', outputEnv: false, exportKeys: false });
    expect(parse({ ...base, 'aws-profile': 'dev', 'output-env-credentials': 'true' })).toMatchObject({ outputEnv: true, exportKeys: true });
    expect(parse({ ...base, 'credentials-file': 'true' })).toMatchObject({ profileMode: true, profile: 'default', outputEnv: true, exportKeys: false });
    expect(parse({ ...base, 'credentials-file': 'true', 'aws-profile': 'ci' })).toMatchObject({
      profileMode: true,
      profile: 'ci',
      outputEnv: true,
      exportKeys: false,
    });
    expect(parse({ ...base, 'output-env-credentials': 'false' })).toMatchObject({ outputEnv: false, exportKeys: false });
  });
  it('on GitLab and the CLI, aws-profile "default" alone (the component\'s input default) is not a profile request', () => {
    const gl = parseInputs(
      (n) => (({ ...base, 'aws-profile': 'default' }) as Record<string, string>)[n] ?? '',
      () => undefined,
      { ...gh, platform: 'gitlab' },
      tagRun,
    );
    expect(gl).toMatchObject({ profileMode: false, outputEnv: true });
    expect(parse({ ...base, 'aws-profile': 'default' })).toMatchObject({ profileMode: true, outputEnv: false });
  });
  it.each(['a b', 'a[b]', 'a/b', 'a\\b'])('rejects the profile name %j', (name) => {
    expect((thrown(() => parse({ ...base, 'aws-profile': name })) as UserError).input).toBe('aws-profile');
  });
  it('adds profiles to one 0600 file pair, refuses a duplicate unless overwrite, removes one in post', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prof-'));
    const c1 = { accessKeyId: 'ASIA1', secretAccessKey: 's1', sessionToken: 't1' };
    const first = await writeProfileFiles({ dir, profile: 'dev', region: 'us-east-1', credentials: c1, overwrite: false });
    expect(first.created).toEqual([first.credentialsFile, first.configFile]);
    expectOwnerOnly(first.credentialsFile);
    const files = { credentialsFile: first.credentialsFile, configFile: first.configFile };
    const second = await writeProfileFiles({
      dir,
      ...files,
      profile: 'prod',
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIA2', secretAccessKey: 's2', sessionToken: '' },
      overwrite: false,
    });
    expect(second.created).toEqual([]);
    const ini = parseIni(readFileSync(first.credentialsFile, 'utf8'));
    expect([...ini.keys()]).toEqual(['dev', 'prod']);
    expect(ini.get('prod')?.has('aws_session_token')).toBe(false);
    expect([...parseIni(readFileSync(first.configFile, 'utf8')).keys()]).toEqual(['profile dev', 'profile prod']);
    await expect(writeProfileFiles({ dir, ...files, profile: 'dev', region: 'us-east-1', credentials: c1, overwrite: false })).rejects.toThrow(
      /overwrite-aws-profile/,
    );
    await writeProfileFiles({ dir, ...files, profile: 'dev', region: 'eu-west-1', credentials: { ...c1, secretAccessKey: 's3' }, overwrite: true });
    expect(await readProfileCredentials(first.credentialsFile, 'dev')).toEqual({ ...c1, secretAccessKey: 's3' });
    await removeProfile(first.credentialsFile, first.configFile, 'prod');
    expect([...parseIni(readFileSync(first.credentialsFile, 'utf8')).keys()]).toEqual(['dev']);
    expect(existsSync(first.configFile)).toBe(true);
  });
});

describe('allowed-account-ids, timeouts, retries', () => {
  it('refuses a role of another account before any call', () => {
    const e = thrown(() => parse({ ...base, 'allowed-account-ids': '111111111111, 222222222222' })) as UserError;
    expect(e.input).toBe('allowed-account-ids');
    expect(e.message).toMatch(/123456789012, which is not in allowed-account-ids/);
    expect(parse({ ...base, 'allowed-account-ids': '111111111111,123456789012' }).allowedAccounts).toEqual(['111111111111', '123456789012']);
    expect((thrown(() => parse({ ...base, 'allowed-account-ids': '1234' })) as UserError).input).toBe('allowed-account-ids');
  });
  it("special-characters-workaround overrides disable-retry; the peer's special characters", () => {
    expect(parse({ ...base, 'disable-retry': 'true', 'special-characters-workaround': 'true' }).maxAttempts).toBe(12);
    expect(hasSpecialCharacters({ accessKeyId: 'ASIA', secretAccessKey: 'abc/def' })).toBe(true);
    expect(hasSpecialCharacters({ accessKeyId: 'ASIA', secretAccessKey: 'abcDEF123' })).toBe(false);
  });
  it('the step timeout names what is pending and stops exports', async () => {
    const t = new StepTimeout(1);
    const err = await t
      .run(async () => {
        t.doing('STS AssumeRole for arn:aws:iam::123456789012:role/x at sts.example (attempt 2 of 5)');
        await new Promise((r) => setTimeout(r, 3000));
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/within action-timeout-s \(1 s\); still pending: STS AssumeRole .* \(attempt 2 of 5\)/);
    expect(() => t.check()).toThrow(/nothing was exported/);
    expect(await new StepTimeout(0).run(async () => 7)).toBe(7);
  });
  it('warns when a session is shorter than asked for', () => {
    const now = Date.now();
    expect(shortfall({ expiration: new Date(now + 3600_000), requestedSeconds: 7200, chained: true, now })).toMatch(/role chaining caps/);
    expect(shortfall({ expiration: new Date(now + 3600_000), requestedSeconds: 3600, chained: false, now })).toBeUndefined();
    expect(shortfall({ expiration: undefined, requestedSeconds: 3600, chained: false, now })).toBeUndefined();
  });
});

describe('session tags', () => {
  it("sends the peer's GitHub tags, sanitised, plus custom tags, unless skipped", () => {
    const tags = runTags(tagRun);
    expect(tags.map((t) => t.Key)).toEqual(['GitHub', 'Repository', 'Workflow', 'Action', 'Actor', 'Commit', 'Branch']);
    expect(tags.find((t) => t.Key === 'Workflow')?.Value).toBe('CI _main_');
    expect(sanitizeTagValue('x'.repeat(300))).toHaveLength(256);
    expect(parse({ ...base, 'role-chaining': 'true', 'custom-tags': '{"Team":"payments","Cost":42}' }).tags.slice(-2)).toEqual([
      { Key: 'Team', Value: 'payments' },
      { Key: 'Cost', Value: '42' },
    ]);
    expect(parse({ ...base, 'role-chaining': 'true', 'role-skip-session-tagging': 'true' }).tags).toEqual([]);
    expect(sessionTags(tags, [{ Key: 'repository', Value: 'mine' }]).filter((t) => /repository/i.test(t.Key))).toEqual([{ Key: 'repository', Value: 'mine' }]);
  });
  it.each([
    ['[1]', /JSON object/],
    ['{nope', /not valid JSON/],
    ['{"a b!":"x"}', /tag key/],
    ['{"k":"a;b"}', /value of tag "k"/],
    ['{"k":{"x":1}}', /string, number or boolean/],
  ])('rejects custom-tags %s', (raw, why) => {
    expect(thrown(() => parseCustomTags(raw)).message).toMatch(why);
  });
  it('transitive keys must be sent tags (AssumeRole); web identity ignores both', () => {
    expect(parseTransitiveKeys('Repository\nActor', runTags(tagRun))).toEqual(['Repository', 'Actor']);
    expect(
      (thrown(() => parse({ ...base, 'role-chaining': 'true', 'role-skip-session-tagging': 'true', 'transitive-tag-keys': 'Repository' })) as UserError).input,
    ).toBe('transitive-tag-keys');
    expect(parse({ ...base, 'transitive-tag-keys': 'Nope', 'custom-tags': '{"A":"b"}' })).toMatchObject({ tagsAsked: true, source: { kind: 'oidc' } });
  });
});

describe('GitHub Enterprise Server issuers', () => {
  it("uses the token's own iss (HOST/_services/token) in the condition keys and provider ARN", () => {
    const role = parseRoleArn(ROLE, 'role-to-assume');
    const iss = 'https://ghes.example.com/_services/token';
    const text = trustAdvice({
      code: 'AccessDenied',
      role,
      claims: { iss, sub: 'repo:o/r:ref:refs/heads/main', aud: 'sts.amazonaws.com' },
      audience: 'sts.amazonaws.com',
      source: 'github',
    });
    expect(text).toContain('"ghes.example.com/_services/token:sub": "repo:o/r:ref:refs/heads/main"');
    expect(text).toContain('arn:aws:iam::123456789012:oidc-provider/ghes.example.com/_services/token');
    expect(text).toMatch(/GitHub Enterprise Server/);
    expect(enterpriseIssuer('https://token.actions.githubusercontent.com/my-ent')).toMatch(/enterprise issuer slug/);
    expect(enterpriseIssuer('https://token.actions.githubusercontent.com')).toBeUndefined();
  });
});
