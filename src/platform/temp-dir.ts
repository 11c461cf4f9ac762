/**
 * The private temp dir the actions keep their state, secret files and the leak guard's record
 * in. Both runners resolve it here (runner.tempDir()), and so do the commands that look for it
 * after an action ran (`guard` for the record, `exec` for the secret files): one rule, one place.
 * Paths only, except privateDir() and jobTempDir(), which create the directory owner-only.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates `path` (and its parents) if needed and makes it owner-only (0700); returns it. */
export function privateDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  return path;
}

/** GitHub: $RUNNER_TEMP/pipeline-secrets (the job's, wiped after it). */
export function githubTempDir(env: NodeJS.ProcessEnv): string {
  return join(env['RUNNER_TEMP'] || tmpdir(), 'pipeline-secrets');
}

/** The process runner's default: $TMPDIR/pipeline-secrets-job-$CI_JOB_ID in a GitLab job, else -user-UID. */
export function processDefaultTempDir(env: NodeJS.ProcessEnv): string {
  const job = env['CI_JOB_ID'] ? `job-${env['CI_JOB_ID']}` : `user-${process.getuid?.() ?? 0}`;
  return join(env['TMPDIR'] || tmpdir(), `pipeline-secrets-${job}`);
}

/**
 * The process runner's: `explicit` (its temp-dir input) when given, else
 * $PIPELINE_SECRETS_TEMP_DIR, and when that is empty too, the default.
 */
export function processTempDir(env: NodeJS.ProcessEnv, explicit: string | undefined): string {
  return (explicit ?? env['PIPELINE_SECRETS_TEMP_DIR']) || processDefaultTempDir(env);
}

/** Where an action writes when it is given no temp dir, on every runner (not created). */
export function defaultTempDirs(env: NodeJS.ProcessEnv): string[] {
  return [processDefaultTempDir(env), githubTempDir(env)];
}

/**
 * The temp dir the actions of this job used, found from outside a runner (the guard): `explicit`
 * (--temp-dir), else the GitHub runner's on a GitHub runner (unless $PIPELINE_SECRETS_TEMP_DIR is
 * set), else the process runner's. Created owner-only, as the runner's tempDir() creates it.
 */
export function jobTempDir(env: NodeJS.ProcessEnv, explicit: string | undefined): string {
  if (explicit) return privateDir(explicit);
  if (!env['PIPELINE_SECRETS_TEMP_DIR'] && env['GITHUB_ACTIONS'] === 'true' && env['RUNNER_TEMP']) return privateDir(githubTempDir(env));
  return privateDir(processTempDir(env, undefined));
}

/** The directory a command searches by default: the GitHub or GitLab workspace, else the cwd. */
export function workspace(env: NodeJS.ProcessEnv): string {
  return env['GITHUB_WORKSPACE'] || env['CI_PROJECT_DIR'] || process.cwd();
}
