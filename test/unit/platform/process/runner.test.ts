/** The runner of a plain process: GitLab jobs and the local CLI. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessRunner } from '../../../../src/platform/process/runner.js';
import { runAction } from '../../../../src/platform/run-action.js';
import type { Action, Runner, RunnerHooks } from '../../../../src/platform/runner.js';
import { expectOwnerOnly } from '../../../runner/os.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-runner-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ProcessRunner', () => {
  it('writes exported variables to a 0600 shell file and redacts every line it prints', () => {
    const lines: string[] = [];
    const envFile = join(dir, 'exported.sh');
    const r = new ProcessRunner({ action: 't', inputs: new Map(), env: { GITLAB_CI: 'true' }, envFile, write: (t) => lines.push(t) });
    r.secret("it's-a-secret", 'X');
    r.exportEnv('X', "it's-a-secret");
    r.info("value it's-a-secret here");
    expect(lines.join('')).toBe('value *** here\n');
    expect(readFileSync(envFile, 'utf8')).toBe("export X='it'\\''s-a-secret'\n");
    expectOwnerOnly(envFile);
    expect(r.platform).toBe('gitlab');
  });
  it('keeps post-step state in a private file', () => {
    const r = new ProcessRunner({ action: 'demo', inputs: new Map([['temp-dir', join(dir, 'ps')]]), env: {} });
    r.saveState('token-accessor', 'abc');
    const again = new ProcessRunner({ action: 'demo', inputs: new Map([['temp-dir', join(dir, 'ps')]]), env: {}, isPost: true });
    expect(again.getState('token-accessor')).toBe('abc');
    expectOwnerOnly(join(dir, 'ps', 'state-demo.json'));
  });

  it('on GitLab: log-line annotations, the code quality report in the project dir, an artifacts hint, a job-scoped temp dir', () => {
    const r: Runner = new ProcessRunner({ action: 't', inputs: new Map(), env: { GITLAB_CI: 'true', CI_PROJECT_DIR: dir }, write: () => undefined });
    expect(r.annotations).toBe('log');
    expect(r.hasSummary).toBe(false);
    expect(r.reports.formats).toEqual(['gitlab']);
    expect(r.reports.dir()).toBe(dir);
    expect(r.reports.terminal).toBeUndefined();
    expect(r.artifactHint).toBe('list it under artifacts: to keep it');
    expect(r.dropInEnv).toBe(false);
    expect(r.maskedOutputsLeaveJob).toBe(true);
    expect(r.jobScoped).toBe(true);
    expect(r.forge).toBeUndefined();
    expect(r.uploadArtifact).toBeUndefined();
  });
  it('locally: no annotations, text reports printed for the person, nothing job-scoped', () => {
    const printed: string[] = [];
    const r: Runner = new ProcessRunner({ action: 't', inputs: new Map(), env: { CI_PROJECT_DIR: dir }, write: () => undefined, out: (t) => printed.push(t) });
    expect(r.platform).toBe('local');
    expect(r.annotations).toBe('none');
    expect(r.hasSummary).toBe(false);
    expect(r.reports.formats).toEqual(['text']);
    expect(r.reports.dir()).toBe(dir);
    r.reports.terminal?.('a report\n');
    expect(printed).toEqual(['a report\n']);
    expect(r.artifactHint).toBeUndefined();
    expect(r.dropInEnv).toBe(false);
    expect(r.maskedOutputsLeaveJob).toBe(true);
    expect(r.jobScoped).toBe(false);
    expect(r.forge).toBeUndefined();
  });
  it('has a summary when given a summary file (flag, input variable or PIPELINE_SECRETS_SUMMARY_FILE), and writes it there', async () => {
    const file = join(dir, 'summary.md');
    expect(new ProcessRunner({ action: 't', inputs: new Map([['summary-file', file]]), env: {} }).hasSummary).toBe(true);
    expect(new ProcessRunner({ action: 't', inputs: new Map(), env: { INPUT_SUMMARY_FILE: file } }).hasSummary).toBe(true);
    const r = new ProcessRunner({ action: 't', inputs: new Map(), env: { PIPELINE_SECRETS_SUMMARY_FILE: file }, write: () => undefined });
    expect(r.hasSummary).toBe(true);
    writeFileSync(file, '');
    await r.summary('# done');
    expect(readFileSync(file, 'utf8')).toBe('# done');
  });
  it('keeps the hooks it is given', () => {
    const hooks: RunnerHooks = { afterMain: () => undefined };
    expect(new ProcessRunner({ action: 't', inputs: new Map(), env: {}, hooks }).hooks).toBe(hooks);
    expect(new ProcessRunner({ action: 't', inputs: new Map(), env: {} }).hooks).toBeUndefined();
  });

  it('calls the secret hook on GitLab only, with its temp dir, unless PIPELINE_SECRETS_GUARD is false; a throwing hook is a warning', () => {
    const calls: string[] = [];
    const hooks: RunnerHooks = { secret: (d, _value, what) => calls.push(`${d} ${what}`) };
    const tempDir = join(dir, 't');
    const make = (env: NodeJS.ProcessEnv, h: RunnerHooks = hooks, lines: string[] = []): ProcessRunner =>
      new ProcessRunner({ action: 't', inputs: new Map([['temp-dir', tempDir]]), env, write: (t) => lines.push(t), hooks: h });
    make({ GITLAB_CI: 'true' }).secret('value-one-0001', 'ONE');
    make({}).secret('value-two-0002', 'TWO');
    make({ GITLAB_CI: 'true', PIPELINE_SECRETS_GUARD: 'false' }).secret('value-three-0003', 'THREE');
    expect(calls).toEqual([`${tempDir} ONE`]);
    const lines: string[] = [];
    const r = make(
      { GITLAB_CI: 'true' },
      {
        secret: () => {
          throw new Error('disk full');
        },
      },
      lines,
    );
    r.secret('value-four-0004', 'FOUR');
    expect(lines.join('')).toBe('warning: the leak guard could not record FOUR: disk full\n');
    expect(r.masker.redact('value-four-0004')).toBe('***');
  });
  it('runAction: afterMain after the main step of an action with a post step (job-scoped only), afterPost with its reference', async () => {
    const calls: string[] = [];
    const hooks: RunnerHooks = {
      afterMain: (d) => {
        calls.push(`main ${d}`);
        return 'ref-1';
      },
      afterPost: (d, ref) => {
        calls.push(`post ${d} ${ref}`);
        return true;
      },
    };
    const tempDir = join(dir, 't');
    const make = (env: NodeJS.ProcessEnv, isPost: boolean, lines: string[] = []): ProcessRunner =>
      new ProcessRunner({ action: 'a', inputs: new Map([['temp-dir', tempDir]]), env, isPost, write: (t) => lines.push(t), hooks });
    const withPost: Action = { name: 'a', main: async () => undefined, post: async () => undefined };
    const noPost: Action = { name: 'a', main: async () => undefined };
    expect(await runAction(noPost, make({ GITLAB_CI: 'true' }, false))).toBe('ok');
    expect(await runAction(withPost, make({}, false))).toBe('ok');
    expect(calls).toEqual([]);
    expect(await runAction(withPost, make({ GITLAB_CI: 'true' }, false))).toBe('ok');
    expect(await runAction(withPost, make({ GITLAB_CI: 'true' }, true))).toBe('ok');
    expect(calls).toEqual([`main ${tempDir}`, `post ${tempDir} ref-1`]);
    const lines: string[] = [];
    const failing: RunnerHooks = {
      afterMain: () => {
        throw new Error('no space');
      },
    };
    const r = new ProcessRunner({
      action: 'b',
      inputs: new Map([['temp-dir', tempDir]]),
      env: { GITLAB_CI: 'true' },
      write: (t) => lines.push(t),
      hooks: failing,
    });
    expect(await runAction(withPost, r)).toBe('ok');
    expect(lines.join('')).toBe('warning: the leak guard could not count this step: no space\n');
  });
});
