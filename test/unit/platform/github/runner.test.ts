/** The GitHub adapter the toolkit's way: INPUT_* env, file commands in temp files, captured stdout. */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubRunner } from '../../../../src/platform/github/runner.js';
import { runAction } from '../../../../src/platform/run-action.js';
import type { Runner } from '../../../../src/platform/runner.js';
import { UserError } from '../../../../src/core/errors.js';
import { expectPrivateDir } from '../../../runner/os.js';

const saved = { ...process.env };
let dir: string;
let stdout: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gh-'));
  for (const f of ['env', 'output', 'state', 'summary']) writeFileSync(join(dir, f), '');
  Object.assign(process.env, {
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    'INPUT_MY-INPUT': ' value ',
  });
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('GitHubRunner', () => {
  it('reads inputs with hyphens kept, masks before use, redacts its own logs', async () => {
    const r = new GitHubRunner();
    expect(r.input('my-input')).toBe(' value ');
    const secret = 'line-one-secret\nline-two-secret';
    r.secret(secret, 'PEM');
    r.info(`oops ${secret}`);
    r.exportEnv('PEM', secret);
    r.output('pem', secret);
    await r.summary(`| a | ${secret} |`);
    const log = stdout.join('');
    expect(log).toContain('::add-mask::line-one-secret%0Aline-two-secret');
    // @actions/core ends each command with os.EOL (CRLF on Windows)
    expect(log).toContain(`::add-mask::line-one-secret${EOL}`);
    expect(log).not.toMatch(/oops line-one/);
    expect(readFileSync(join(dir, 'summary'), 'utf8')).not.toContain('line-one-secret');
    expect(readFileSync(join(dir, 'env'), 'utf8')).toContain('line-two-secret');
    expectPrivateDir(r.tempDir());
  });
  it('fails the step through one handler, naming the input, never the value', async () => {
    const r = new GitHubRunner();
    const outcome = await runAction(
      {
        name: 't',
        main: async () => {
          throw new UserError('role', 'role is required');
        },
      },
      r,
    );
    expect(outcome).toBe('usage');
    expect(stdout.join('')).toContain('::error::role is required (input "role")');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
  it('explains a missing id-token permission', async () => {
    delete process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    await expect(new GitHubRunner().idToken('sts.amazonaws.com')).rejects.toThrow(/permissions: id-token: write/);
  });
  it('has the capabilities of GitHub: annotations, the step summary, SARIF and JSON in its temp dir, drop-in env', () => {
    const r: Runner = new GitHubRunner();
    expect(r.annotations).toBe('native');
    expect(r.hasSummary).toBe(true);
    expect(r.reports.formats).toEqual(['sarif', 'json']);
    expect(r.reports.dir()).toBe(r.tempDir());
    expect(r.reports.dir()).toBe(join(dir, 'pipeline-secrets'));
    expect(r.reports.terminal).toBeUndefined();
    expect(r.artifactHint).toBeUndefined();
    expect(r.dropInEnv).toBe(true);
    expect(r.maskedOutputsLeaveJob).toBe(false);
    expect(r.jobScoped).toBe(true);
    expect(r.hooks).toBeUndefined();
    expect(r.uploadArtifact).toBeUndefined();
  });
  it('calls the secret hook with its temp dir when RUNNER_TEMP is set, unless PIPELINE_SECRETS_GUARD is false', () => {
    const calls: string[] = [];
    const hooks = {
      secret: (d: string, _value: string, what: string) => {
        calls.push(`${d} ${what}`);
      },
    };
    new GitHubRunner(process.env, { hooks }).secret('value-one-0001', 'ONE');
    new GitHubRunner({ ...process.env, PIPELINE_SECRETS_GUARD: 'false' }, { hooks }).secret('value-two-0002', 'TWO');
    const noTemp = { ...process.env };
    delete noTemp['RUNNER_TEMP'];
    new GitHubRunner(noTemp, { hooks }).secret('value-three-0003', 'THREE');
    expect(calls).toEqual([`${join(dir, 'pipeline-secrets')} ONE`]);
  });
  it('marks the main step of an action with a post step, so the post step (same bundle) knows itself', async () => {
    expect(await runAction({ name: 't', main: async () => undefined }, new GitHubRunner())).toBe('ok');
    expect(readFileSync(join(dir, 'state'), 'utf8')).toBe('');
    expect(await runAction({ name: 't', main: async () => undefined, post: async () => undefined }, new GitHubRunner())).toBe('ok');
    expect(readFileSync(join(dir, 'state'), 'utf8')).toMatch(/^isPost<<ghadelimiter_[0-9a-f-]+\r?\ntrue\r?\n/);
    expect(new GitHubRunner({ ...process.env, STATE_isPost: 'true' }).isPost).toBe(true);
  });
});
