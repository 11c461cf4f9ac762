/** The runner of a plain process: GitLab jobs and the local CLI. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessRunner } from '../../../src/platform/process-runner.js';
import type { RunnerHooks } from '../../../src/platform/runner.js';
import { expectOwnerOnly } from '../../runner/os.js';

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
    const r = new ProcessRunner({ action: 't', inputs: new Map(), env: { GITLAB_CI: 'true', CI_PROJECT_DIR: dir }, write: () => undefined });
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
    const r = new ProcessRunner({ action: 't', inputs: new Map(), env: { CI_PROJECT_DIR: dir }, write: () => undefined, out: (t) => printed.push(t) });
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
});
