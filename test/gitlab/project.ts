/**
 * The GitLab component project in a temp git repo, run with gitlab-ci-local (shell executor)
 * as GitLab would run its pipeline: a copy of gitlab-components/ with an `origin` remote and
 * refs/remotes/origin/HEAD (gitlab-ci-local derives CI_SERVER_FQDN and CI_PROJECT_PATH from
 * them), so `include: component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA`
 * resolves from the working tree.
 */
import { describe } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { nodeBinary, repoRoot } from '../runner/node.js';

export const componentsDir = join(repoRoot, 'gitlab-components');
/** dist/cli (PIPELINE_SECRETS_TEST_CLI may name another build of the same entry, for development) */
export const cliBundle = process.env['PIPELINE_SECRETS_TEST_CLI'] || join(repoRoot, 'dist', 'cli', 'index.js');
const gcl = join(repoRoot, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
/** the project path the fake origin gives (the components' OWNER placeholder) */
export const PROJECT_PATH = 'OWNER/pipeline-secrets';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: cwd,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).trim();
}

export interface Project {
  dir: string;
  /** writes (or overwrites) a file, relative to the project */
  write(path: string, content: string): void;
  commit(message: string): string;
  cleanup(): void;
}

/** A temp copy of gitlab-components/ as a git repo on branch main with an origin remote. */
export function componentProject(opts: { files?: Record<string, string>; copyComponents?: boolean } = {}): Project {
  if (!existsSync(gcl)) throw new Error('gitlab-ci-local is not installed (npm ci)');
  const dir = mkdtempSync(join(tmpdir(), 'ps-gitlab-'));
  if (opts.copyComponents ?? true) cpSync(componentsDir, dir, { recursive: true });
  const p: Project = {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    commit(message) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      const sha = git(dir, 'rev-parse', 'HEAD');
      git(dir, 'update-ref', 'refs/remotes/origin/main', sha);
      return sha;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', `https://gitlab.example.com/${PROJECT_PATH}.git`);
  for (const [k, v] of Object.entries(opts.files ?? {})) p.write(k, v);
  p.commit('initial');
  git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return p;
}

/** predefined variables the tests set (as GitLab would in a merge request or push pipeline) */
const PREDEFINED = 'GITLAB_CI,CI_PROJECT_DIR,CI_PIPELINE_SOURCE,CI_MERGE_REQUEST_DIFF_BASE_SHA,CI_COMMIT_BEFORE_SHA,CI_JOB_ID';

export interface PipelineRun {
  code: number;
  /** everything gitlab-ci-local printed: the job logs as GitLab would show them */
  output: string;
  /** secrets found in the output */
  leaks: string[];
  /**
   * files the pipeline wrote or changed anywhere in the project (artifacts, reports, gitlab-ci-local's
   * job logs and state, the job temp dir; .git aside) that hold a secret, relative paths
   */
  fileLeaks: string[];
}

/** Regular files under dir (not .git), relative path -> content. */
function projectFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (!(d === dir && e.name === '.git')) walk(full);
      } else if (e.isFile() && lstatSync(full).isFile()) out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const digest = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function holdsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s && (text.includes(s) || s.split('\n').some((l) => l.trim().length >= 8 && text.includes(l))));
}

/**
 * Runs the project's pipeline (or the named jobs). Variables go in as `--variable K=V`
 * (how a trigger or the UI sets pipeline variables); the CLI is the working tree's bundle.
 */
export async function runPipeline(
  p: Project,
  opts: {
    jobs?: string[];
    variables?: Record<string, string>;
    inputs?: Record<string, string>;
    secrets?: readonly string[];
    timeoutMs?: number;
    node?: 'current' | '24';
  } = {},
): Promise<PipelineRun> {
  if (!existsSync(cliBundle)) throw new Error('dist/cli is not built: run `npm run build -- cli`');
  const variables: Record<string, string> = {
    GITLAB_CI: 'true', // gitlab-ci-local says false; the components run as on GitLab
    // with an image and --force-shell-executor, gitlab-ci-local gives the container's path
    CI_PROJECT_DIR: p.dir,
    PIPELINE_SECRETS_CLI: `${nodeBinary(opts.node ?? '24')} ${cliBundle}`,
    ...opts.variables,
  };
  const args = [
    gcl,
    '--force-shell-executor',
    '--no-color',
    '--max-job-name-padding',
    '0',
    '--state-dir',
    '.gitlab-ci-local',
    '--ignore-predefined-vars',
    PREDEFINED,
  ];
  for (const [k, v] of Object.entries(variables)) args.push('--variable', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.inputs ?? {})) args.push('--input', `${k}=${v}`);
  args.push(...(opts.jobs ?? []));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: p.dir,
    NODE_OPTIONS: `--require ${join(repoRoot, 'test', 'runner', 'loopback-only.cjs')}`,
    TMPDIR: join(p.dir, '.tmp'),
  };
  mkdirSync(env['TMPDIR'] ?? '', { recursive: true });
  // what was there before (a file the test put there on purpose, and copies of it, are not leaks)
  const before = new Set([...projectFiles(p.dir).values()].map(digest));
  const child = spawn(process.execPath, args, { cwd: p.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // decoded as a stream: a character split across two chunks is not turned into U+FFFD
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (output += d));
  const code = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gitlab-ci-local did not finish:\n${output.slice(-3000)}`));
    }, opts.timeoutMs ?? 60000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c ?? -1);
    });
  });
  const secrets = opts.secrets ?? [];
  const leaks = secrets.filter((s) => holdsSecret(output, [s]));
  const fileLeaks = secrets.length
    ? [...projectFiles(p.dir)]
        .filter(([, b]) => !before.has(digest(b)) && holdsSecret(b.toString('utf8'), secrets))
        .map(([f]) => f)
        .sort()
    : [];
  return { code, output, leaks, fileLeaks };
}

/** The lines one job printed (gitlab-ci-local prefixes each with the job name). */
export function jobLog(run: PipelineRun, job: string): string {
  return run.output
    .split('\n')
    .filter((l) => l.startsWith(`${job} `))
    .join('\n');
}

/**
 * Why gitlab-ci-local pipelines cannot run here, or undefined: its shell executor needs bash
 * (with globstar, bash 4+) and GNU-compatible rsync. Linux only: GitLab's shell runners are
 * Linux; macOS ships bash 3.2 and openrsync, Windows has neither.
 */
export function pipelineSkipReason(platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return "skipped on Windows: gitlab-ci-local's shell executor needs bash and rsync";
  if (platform === 'darwin') return "skipped on macOS: gitlab-ci-local's shell executor needs bash 4+ and GNU rsync (macOS has bash 3.2, openrsync)";
  return undefined;
}

/** `describe` for pipeline tests; elsewhere a skipped describe whose title says why. */
export function describePipeline(name: string, fn: () => void): void {
  const reason = pipelineSkipReason();
  if (reason) describe.skip(`${name} [${reason}]`, fn);
  else describe(name, fn);
}
