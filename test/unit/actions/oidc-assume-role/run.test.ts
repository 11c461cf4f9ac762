/**
 * oidc-assume-role's run over an AssumeRoleConfig (no runner process): a recording Runner and
 * the STS imitation on loopback. What the job gets (env, outputs, profile files, state) and what
 * it must never get (an unmasked credential, anything at all after a refused account).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AssumeRoleConfig, parseInputs, type RunInfo } from '../../../../src/actions/oidc-assume-role/config.js';
import { cleanUp } from '../../../../src/actions/oidc-assume-role/post.js';
import { run } from '../../../../src/actions/oidc-assume-role/run.js';
import { UserError } from '../../../../src/core/errors.js';
import { StsServer } from '../../../servers/sts.js';
import { RecordingRunner } from '../../helpers/recording-runner.js';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const USER = `arn:aws:iam::${ACCOUNT}:user/ci`;
const gh: RunInfo = { platform: 'github', repository: 'o/r', runId: '7', runAttempt: '1', actor: 'me' };

let server: StsServer;
let keys: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  server = await new StsServer().start();
  server.addRole({ arn: ROLE, maxSessionDuration: 7200, trustedRoles: [USER] });
  keys = server.addUser(USER);
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => server.reset());

function config(inputs: Record<string, string>): AssumeRoleConfig {
  const all: Record<string, string> = {
    'aws-region': 'us-east-1',
    'sts-endpoint': server.url,
    'aws-access-key-id': keys.accessKeyId,
    'aws-secret-access-key': keys.secretAccessKey,
    ...inputs,
  };
  return parseInputs(
    (n) => all[n] ?? '',
    () => undefined,
    gh,
  );
}

const temp = () => mkdtempSync(join(tmpdir(), 'oidc-run-'));

describe('run over a config', () => {
  it('assumes the role with the key inputs and exports the masked session to the env', async () => {
    const r = new RecordingRunner(temp());
    await run(config({ 'role-to-assume': ROLE }), r);
    const id = r.exported.get('AWS_ACCESS_KEY_ID') ?? '';
    expect(id).toMatch(/^ASIA/);
    expect(server.sessions.get(id)?.roleArn).toBe(ROLE);
    expect(r.exported.get('AWS_REGION')).toBe('us-east-1');
    expect(r.outputs.get('aws-account-id')).toBe(ACCOUNT);
    for (const v of server.secretsIssued()) expect(r.unmasked).not.toContain(v);
    expect(r.secrets).toEqual(expect.arrayContaining([id, r.exported.get('AWS_SECRET_ACCESS_KEY'), r.exported.get('AWS_SESSION_TOKEN')]));
    expect(JSON.parse(r.getState('awsEnv'))).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']);
    for (const s of server.secretsIssued()) expect(r.log.join('\n')).not.toContain(s);
  });

  it("resolves a role name in the caller's account", async () => {
    const r = new RecordingRunner(temp());
    await run(config({ 'role-to-assume': 'deploy' }), r);
    expect(r.outputs.get('authenticated-arn')).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deploy/GitHubActions-7-1`);
    expect(server.calls('GetCallerIdentity')).toBe(1);
  });

  it('refuses keys of an account not in allowed-account-ids, naming the input, and exports nothing', async () => {
    const r = new RecordingRunner(temp());
    const err = await run(config({ 'allowed-account-ids': '111111111111' }), r).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).input).toBe('allowed-account-ids');
    expect(r.exported.size).toBe(0);
    expect(r.outputs.size).toBe(0);
    expect(r.state.size).toBe(0);
  });

  it('writes a 0600 profile instead of key variables, and the post step removes it', async () => {
    const dir = temp();
    const r = new RecordingRunner(dir);
    await run(config({ 'role-to-assume': ROLE, 'aws-profile': 'ci' }), r);
    const file = r.exported.get('AWS_SHARED_CREDENTIALS_FILE') ?? '';
    expect(file.startsWith(dir)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('[ci]');
    expect(r.exported.has('AWS_ACCESS_KEY_ID')).toBe(false);
    expect(r.exported.has('AWS_PROFILE')).toBe(false);
    await cleanUp(r);
    expect(existsSync(file)).toBe(false);
  });
});
