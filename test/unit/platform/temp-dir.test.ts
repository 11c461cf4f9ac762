import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTempDirs, githubTempDir, jobTempDir, processTempDir, workspace } from '../../../src/platform/temp-dir.js';
import { GitHubRunner } from '../../../src/platform/github/runner.js';
import { ProcessRunner } from '../../../src/platform/process/runner.js';

const uid = process.getuid?.() ?? 0;

describe('the private temp dir', () => {
  it('process runner: the temp-dir input, else PIPELINE_SECRETS_TEMP_DIR, else per GitLab job or per user under TMPDIR', () => {
    expect(processTempDir({ PIPELINE_SECRETS_TEMP_DIR: '/p', TMPDIR: '/t' }, '/given')).toBe('/given');
    expect(processTempDir({ PIPELINE_SECRETS_TEMP_DIR: '/p', TMPDIR: '/t' }, undefined)).toBe('/p');
    expect(processTempDir({ TMPDIR: '/t', CI_JOB_ID: '42' }, undefined)).toBe(join('/t', 'pipeline-secrets-job-42'));
    expect(processTempDir({ TMPDIR: '/t' }, undefined)).toBe(join('/t', `pipeline-secrets-user-${uid}`));
    // an empty temp-dir input is no temp dir, and does not fall back to the variable (as ProcessRunner.tempDir() always did)
    expect(processTempDir({ PIPELINE_SECRETS_TEMP_DIR: '/p', TMPDIR: '/t' }, '')).toBe(join('/t', `pipeline-secrets-user-${uid}`));
    expect(processTempDir({}, undefined)).toBe(join(tmpdir(), `pipeline-secrets-user-${uid}`));
  });

  it("GitHub: RUNNER_TEMP/pipeline-secrets; the defaults are both runners' own", () => {
    expect(githubTempDir({ RUNNER_TEMP: '/r' })).toBe(join('/r', 'pipeline-secrets'));
    expect(githubTempDir({})).toBe(join(tmpdir(), 'pipeline-secrets'));
    expect(defaultTempDirs({ TMPDIR: '/t', CI_JOB_ID: '5', RUNNER_TEMP: '/r' })).toEqual([
      join('/t', 'pipeline-secrets-job-5'),
      join('/r', 'pipeline-secrets'),
    ]);
  });

  it('the runners resolve and create the same dirs (owner-only)', () => {
    const base = mkdtempSync(join(tmpdir(), 'ps-temp-dir-'));
    const gh = new GitHubRunner({ RUNNER_TEMP: base }).tempDir();
    expect(gh).toBe(githubTempDir({ RUNNER_TEMP: base }));
    const env = { TMPDIR: base, CI_JOB_ID: '7' };
    const pr = new ProcessRunner({ action: 't', inputs: new Map(), env }).tempDir();
    expect(pr).toBe(processTempDir(env, undefined));
    if (process.platform !== 'win32') for (const d of [gh, pr]) expect(statSync(d).mode & 0o777).toBe(0o700);
  });

  it("a job's temp dir found from outside a runner: --temp-dir, else GitHub's on a GitHub runner, else the process runner's", () => {
    const base = mkdtempSync(join(tmpdir(), 'ps-job-dir-'));
    expect(jobTempDir({}, join(base, 'given'))).toBe(join(base, 'given'));
    const github = { GITHUB_ACTIONS: 'true', RUNNER_TEMP: join(base, 'rt'), TMPDIR: base };
    expect(jobTempDir(github, undefined)).toBe(join(base, 'rt', 'pipeline-secrets'));
    expect(jobTempDir({ ...github, PIPELINE_SECRETS_TEMP_DIR: join(base, 'p') }, undefined)).toBe(join(base, 'p'));
    expect(jobTempDir({ TMPDIR: base, CI_JOB_ID: '9' }, undefined)).toBe(join(base, 'pipeline-secrets-job-9'));
    if (process.platform !== 'win32') expect(statSync(join(base, 'pipeline-secrets-job-9')).mode & 0o777).toBe(0o700);
  });

  it('the workspace: GITHUB_WORKSPACE, else CI_PROJECT_DIR, else the cwd', () => {
    expect(workspace({ GITHUB_WORKSPACE: '/g', CI_PROJECT_DIR: '/c' })).toBe('/g');
    expect(workspace({ CI_PROJECT_DIR: '/c' })).toBe('/c');
    expect(workspace({})).toBe(process.cwd());
  });
});
