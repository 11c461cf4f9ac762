import { describe, expect, it } from '@jest/globals';
import { parseInputs, readConfig, type RunInfo } from '../../../../src/actions/oidc-assume-role/config.js';
import { UserError } from '../../../../src/core/errors.js';
import { RecordingRunner } from '../../helpers/recording-runner.js';

const gh: RunInfo = { platform: 'github', repository: 'o/r', runId: '99', runAttempt: '2', actor: 'me' };
const ROLE = 'arn:aws:iam::123456789012:role/deploy';

function parse(inputs: Record<string, string>, env: Record<string, string> = {}, run: RunInfo = gh) {
  return parseInputs(
    (n) => inputs[n] ?? '',
    (n) => env[n],
    run,
  );
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

describe('inputs', () => {
  it('defaults like configure-aws-credentials', () => {
    const c = parse({ 'role-to-assume': ROLE, 'aws-region': 'us-west-2' });
    expect(c).toMatchObject({
      region: 'us-west-2',
      durationSeconds: 3600,
      audience: 'sts.amazonaws.com',
      roleChaining: false,
      sessionName: 'GitHubActions-99-2',
      maxAttempts: 5,
      profileMode: false,
      profile: 'default',
      outputEnv: true,
      exportKeys: true,
      source: { kind: 'oidc' },
      timeoutSeconds: 0,
      allowedAccounts: [],
      outputCredentials: false,
      maskAccountId: false,
      managedPolicies: [],
    });
  });
  it('reads the region and endpoint from the env when not given', () => {
    const c = parse({ 'role-to-assume': ROLE }, { AWS_REGION: 'eu-north-1', AWS_ENDPOINT_URL: 'https://vpce.example:8443' });
    expect(c.region).toBe('eu-north-1');
    expect(c.endpoint).toBe('https://vpce.example:8443');
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'eu-north-1' }, { AWS_ENDPOINT_URL_STS: 'https://a', AWS_ENDPOINT_URL: 'https://b' }).endpoint).toBe(
      'https://a',
    );
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'eu-north-1', 'sts-endpoint': 'https://c' }, { AWS_ENDPOINT_URL_STS: 'https://a' }).endpoint).toBe(
      'https://c',
    );
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
    expect(userError(() => parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'managed-session-policies': arns.join('\n') })).message).toMatch(
      /at most 10/,
    );
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'managed-session-policies': arns.slice(0, 2).join(',') }).managedPolicies).toEqual(
      arns.slice(0, 2),
    );
  });
  it('disable-retry means one attempt; http-proxy becomes the proxy', () => {
    const c = parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'disable-retry': 'true', 'http-proxy': 'http://proxy:3128', 'no-proxy': 'internal' });
    expect(c.maxAttempts).toBe(1);
    expect(c.proxy).toEqual({ httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: 'internal' });
  });
});

describe('readConfig (from a runner)', () => {
  const dir = '/nonexistent';
  it('masks the key inputs before it reads any other input, even when an input is bad', () => {
    const r = new RecordingRunner(
      dir,
      {},
      { 'aws-access-key-id': ' AKIAEXAMPLEEXAMPLE12 ', 'aws-secret-access-key': 'sec/ret+key', 'aws-session-token': 'tok', 'aws-region': 'nowhere' },
    );
    expect(userError(() => readConfig(r)).input).toBe('aws-region');
    expect(r.secrets).toEqual(['AKIAEXAMPLEEXAMPLE12', 'sec/ret+key', 'tok']);
    expect(r.read.slice(0, 3)).toEqual(['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']);
  });
  it("takes the retry base and the run's session tags from the job", () => {
    const inputs = { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-chaining': 'true' };
    const c = readConfig(new RecordingRunner(dir, { PIPELINE_SECRETS_RETRY_BASE_MS: '5', GITHUB_WORKFLOW: 'deploy' }, inputs));
    expect(c.retryBaseMs).toBe(5);
    expect(c.sessionName).toBe('GitHubActions-7-1');
    expect(c.tags).toEqual(
      expect.arrayContaining([
        { Key: 'GitHub', Value: 'Actions' },
        { Key: 'Workflow', Value: 'deploy' },
        { Key: 'Branch', Value: 'refs/heads/main' },
      ]),
    );
    expect(readConfig(new RecordingRunner(dir, { PIPELINE_SECRETS_RETRY_BASE_MS: '60001' }, inputs)).retryBaseMs).toBe(500);
    expect(readConfig(new RecordingRunner(dir, {}, inputs)).retryBaseMs).toBe(500);
  });
  it("without a runner's tag data (parseInputs alone), no run tags are sent", () => {
    expect(parse({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'role-chaining': 'true' }).tags).toEqual([]);
  });
});
