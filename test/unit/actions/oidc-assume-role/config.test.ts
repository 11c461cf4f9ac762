import { describe, expect, it } from '@jest/globals';
import { parseRoleArn, parseRoleName, checkPolicyArn, accountOfArn } from '../../src/aws/arn.js';
import { parseInputs, defaultSessionName, sanitizeSessionName, checkRegion, type RunInfo } from '../../src/aws/inputs.js';
import { partitionOf } from '../../src/aws/regions.js';
import { credentialsIni, configIni } from '../../src/aws/credentials-file.js';
import { trustAdvice, conditionPrefix, subPattern } from '../../src/aws/trust-advice.js';
import { UserError } from '../../src/core/errors.js';

const gh: RunInfo = { platform: 'github', repository: 'o/r', runId: '99', runAttempt: '2', actor: 'me' };
const ROLE = 'arn:aws:iam::123456789012:role/deploy';

function parse(inputs: Record<string, string>, env: Record<string, string> = {}, run: RunInfo = gh) {
  return parseInputs((n) => inputs[n] ?? '', (n) => env[n], run);
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('role ARNs', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/deploy', 'aws', '', 'deploy'],
    ['arn:aws-cn:iam::123456789012:role/ci/x/deploy+1', 'aws-cn', 'ci/x/', 'deploy+1'],
    ['arn:aws-us-gov:iam::123456789012:role/a@b.c', 'aws-us-gov', '', 'a@b.c'],
  ])('parses %s', (arn, partition, path, name) => {
    expect(parseRoleArn(arn, 'role-to-assume')).toEqual({ arn, partition, account: '123456789012', path, name });
  });
  it.each([
    ['arn:aws:iam::1234:role/x', /12-digit/],
    ['arn:aws:iam:us-east-1:123456789012:role/x', /no region/],
    ['arn:aws:s3:::bucket', /service part is "s3"/],
    ['arn:aws:iam::123456789012:user/x', /not role/],
    ['arn:aws:sts::123456789012:assumed-role/x/s', /assumed-role/],
    ['arn:foo:iam::123456789012:role/x', /unknown partition/],
    ['arn:aws:iam::123456789012', /6 parts/],
    ['arn:aws:iam::123456789012:role/has space', /role name may only/],
  ])('rejects %s', (arn, why) => {
    const e = userError(() => parseRoleArn(arn, 'role-to-assume'));
    expect(e.message).toMatch(why);
    expect(e.input).toBe('role-to-assume');
  });
  it('role names, policy ARNs, caller ARNs', () => {
    expect(parseRoleName('ci/deploy')).toEqual({ path: 'ci/', name: 'deploy' });
    expect(parseRoleName('no spaces please')).toBeUndefined();
    expect(checkPolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess', 'p')).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(() => checkPolicyArn('ReadOnlyAccess', 'p')).toThrow(UserError);
    expect(accountOfArn('arn:aws-cn:sts::210987654321:assumed-role/r/s')).toEqual({ partition: 'aws-cn', account: '210987654321' });
  });
});

describe('regions', () => {
  it('knows the partitions', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOf('xx-east-1')).toBeUndefined();
  });
  it('rejects a region of another partition, an unknown one, allows an unknown one with an endpoint', () => {
    expect(userError(() => checkRegion('us-east-1', 'aws-region', 'aws-cn', false)).message).toMatch(/partition aws.*role ARN is in aws-cn/);
    expect(userError(() => checkRegion('us-east-9', 'aws-region', 'aws', false)).message).toMatch(/sts-endpoint/);
    expect(checkRegion('us-east-9', 'aws-region', 'aws', true)).toBe('us-east-9');
    expect(userError(() => checkRegion('US-EAST-1', 'aws-region', undefined, true)).message).toMatch(/not an AWS region/);
  });
});

describe('inputs', () => {
  it('defaults like configure-aws-credentials', () => {
    const c = parse({ 'role-to-assume': ROLE, 'aws-region': 'us-west-2' });
    expect(c).toMatchObject({ region: 'us-west-2', durationSeconds: 3600, audience: 'sts.amazonaws.com', roleChaining: false, sessionName: 'GitHubActions-99-2', maxAttempts: 5, profileMode: false, profile: 'default', outputEnv: true, exportKeys: true, source: { kind: 'oidc' }, timeoutSeconds: 0, allowedAccounts: [], outputCredentials: false, maskAccountId: false, managedPolicies: [] });
  });
  it('reads the region and endpoint from the env when not given', () => {
    const c = parse({ 'role-to-assume': ROLE }, { AWS_REGION: 'eu-north-1', AWS_ENDPOINT_URL: 'https://vpce.example:8443' });
    expect(c.region).toBe('eu-north-1');
    expect(c.endpoint).toBe('https://vpce.example:8443');
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'eu-north-1' }, { AWS_ENDPOINT_URL_STS: 'https://a', AWS_ENDPOINT_URL: 'https://b' }).endpoint).toBe('https://a');
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'eu-north-1', 'sts-endpoint': 'https://c' }, { AWS_ENDPOINT_URL_STS: 'https://a' }).endpoint).toBe('https://c');
  });
  it.each([
    [{}, 'role-to-assume'],
    [{ 'role-to-assume': ROLE }, 'aws-region'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-duration-seconds': '899' }, 'role-duration-seconds'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-duration-seconds': '43201' }, 'role-duration-seconds'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-duration-seconds': '1h' }, 'role-duration-seconds'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-chaining': 'true', 'role-duration-seconds': '3601' }, 'role-duration-seconds'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-session-name': 'x' }, 'role-session-name'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-session-name': 'a/b' }, 'role-session-name'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'inline-session-policy': '{nope' }, 'inline-session-policy'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'sts-endpoint': 'sts.example.com' }, 'sts-endpoint'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'retry-max-attempts': '0' }, 'retry-max-attempts'],
    [{ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'aws-profile': 'a b' }, 'aws-profile'],
    [{ 'role-to-assume': 'arn:aws-cn:iam::123456789012:role/x', 'aws-region': 'us-east-1' }, 'aws-region'],
  ])('rejects %j naming %s', (inputs, input) => {
    expect(userError(() => parse(inputs)).input).toBe(input);
  });
  it('caps managed policies at 10 and takes lines or commas', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::123456789012:policy/p${i}`);
    expect(userError(() => parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'managed-session-policies': arns.join('\n') })).message).toMatch(/at most 10/);
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'managed-session-policies': arns.slice(0, 2).join(',') }).managedPolicies).toEqual(arns.slice(0, 2));
  });
  it('disable-retry means one attempt; http-proxy becomes the proxy', () => {
    const c = parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'disable-retry': 'true', 'http-proxy': 'http://proxy:3128', 'no-proxy': 'internal' });
    expect(c.maxAttempts).toBe(1);
    expect(c.proxy).toEqual({ httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: 'internal' });
  });
});

describe('session names', () => {
  it('derives them from the run', () => {
    expect(defaultSessionName(gh)).toBe('GitHubActions-99-2');
    expect(defaultSessionName({ platform: 'gitlab', repository: 'grp/sub grp/proj', runId: '123', runAttempt: '1', actor: '' })).toBe('GitLab-grp-sub-grp-proj-123');
    const long = defaultSessionName({ platform: 'gitlab', repository: 'a'.repeat(100), runId: '9876543210', runAttempt: '1', actor: '' });
    expect(long).toHaveLength(64);
    expect(long.endsWith('-9876543210')).toBe(true);
    expect(defaultSessionName({ platform: 'local', repository: '', runId: '', runAttempt: '', actor: 'Ann Lee' })).toBe('pipeline-secrets-Ann-Lee');
  });
  it('sanitizes to the STS alphabet and length', () => {
    for (const raw of ['x', 'ü', 'a b/c:d', 'z'.repeat(80)]) {
      const s = sanitizeSessionName(raw);
      expect(s).toMatch(/^[\w+=,.@-]{2,64}$/);
    }
  });
});

describe('credentials files', () => {
  it('writes the profile formats the SDKs read', () => {
    const c = { accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', secretAccessKey: 'sec/ret+key', sessionToken: 'tok', expiration: new Date() };
    expect(credentialsIni('default', c)).toBe('[default]\naws_access_key_id = ASIAXXXXXXXXXXXXXXXX\naws_secret_access_key = sec/ret+key\naws_session_token = tok\n');
    expect(configIni('default', 'eu-west-1')).toBe('[default]\nregion = eu-west-1\n');
    expect(configIni('ci', 'eu-west-1')).toBe('[profile ci]\nregion = eu-west-1\n');
  });
});

describe('trust advice', () => {
  const role = parseRoleArn(ROLE, 'role-to-assume');
  const claims = { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:o/r:environment:prod', aud: 'sts.amazonaws.com' };
  it('shows the claims, a matching statement and the causes that fit', () => {
    const text = trustAdvice({ code: 'AccessDenied', role, claims, audience: 'sts.amazonaws.com', source: 'github' });
    expect(text).toContain('sub: repo:o/r:environment:prod');
    expect(text).toContain('"token.actions.githubusercontent.com:sub": "repo:o/r:environment:prod"');
    expect(text).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
    expect(text).toContain('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com');
    expect(text).toContain('"repo:o/r:*"');
    expect(text).toMatch(/environment, so its sub ends in :environment/);
  });
  it('explains a missing provider for InvalidIdentityToken', () => {
    const text = trustAdvice({ code: 'InvalidIdentityToken', role, claims: { ...claims, iss: 'https://gitlab.example.com', sub: 'project_path:g/p:ref_type:branch:ref:main' }, audience: 'x', source: 'gitlab' });
    expect(text).toMatch(/no IAM OIDC identity provider for https:\/\/gitlab.example.com in account 123456789012/);
    expect(text).toContain('"gitlab.example.com:sub"');
  });
  it('helpers', () => {
    expect(conditionPrefix('https://ghes.example.com/_services/token/')).toBe('ghes.example.com/_services/token');
    expect(subPattern('repo:o@1/r@2:ref:refs/heads/main')).toBe('repo:o@1/r@2:*');
    expect(subPattern('project_path:g/p:ref_type:tag:ref:v1')).toBe('project_path:g/p:*');
    expect(subPattern('custom')).toBe('custom');
  });
});
