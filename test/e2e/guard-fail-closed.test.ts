/**
 * The leak guard fails closed: `pipeline-secrets guard PATH` (dist/cli) exits 2, naming the
 * path, when a PATH does not exist or is not a file or directory (a mistyped `guard_paths`
 * must not turn the guard off), and when a file inside a directory cannot be read (a file
 * the guard cannot read is one it cannot vouch for). FIFOs and sockets inside a directory
 * are skipped with a note. The same through the GitLab component's guard snippet: a
 * mistyped guard_paths fails the job. Runs as root here, so a file is made unreadable by a
 * path too long to open rather than by its mode.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../runner/cli.js';
import { itIf, itPosix, onWindows } from '../runner/os.js';
import { recordSecret } from '../../src/guard/record.js';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { componentProject, describePipeline, jobLog, runPipeline, PROJECT_PATH, type Project } from '../gitlab/project.js';

const API_KEY = `key-${randomBytes(16).toString('hex')}`;
let root: string;
let n = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ps-guard-closed-'));
});
// rm -rf removes a tree deeper than PATH_MAX (rmSync cannot); Windows has no such tree
afterAll(() => {
  if (onWindows) rmSync(root, { recursive: true, force: true });
  else execFileSync('rm', ['-rf', root]);
});

/** A job: its workspace with a clean file, and (unless `record` is false) a record holding API_KEY. */
function job(record = true): { ws: string; env: Record<string, string> } {
  const base = join(root, `job-${++n}`);
  const ws = join(base, 'ws');
  const temp = join(base, 'temp');
  mkdirSync(join(ws, 'dist'), { recursive: true });
  mkdirSync(temp, { mode: 0o700 });
  writeFileSync(join(ws, 'dist', 'app.js'), 'const k = process.env.API_KEY;\n');
  if (record) recordSecret(temp, API_KEY, 'API_KEY');
  return { ws, env: { PIPELINE_SECRETS_TEMP_DIR: temp, CI_PROJECT_DIR: ws } };
}

describe('guard PATH that cannot be searched', () => {
  it('a PATH that does not exist: exit 2 naming it, even next to a good one', async () => {
    const { ws, env } = job();
    const r = await runCli(['guard', 'dist', 'dsit'], { cwd: ws, env, secrets: [API_KEY] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/guard: error: cannot search dsit: it does not exist \(ENOENT\)/);
    expect(r.stderr).not.toMatch(/cannot search dist\b/);
    expect(r.leaks).toEqual([]);
    // the good path alone still passes
    const ok = await runCli(['guard', 'dist'], { cwd: ws, env, secrets: [API_KEY] });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/searched 1 file\(s\).*none found/);
  });

  it('a PATH that does not exist fails even when nothing was recorded', async () => {
    const { ws, env } = job(false);
    const r = await runCli(['guard', 'public'], { cwd: ws, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot search public: it does not exist/);
  });

  itPosix('symlinks need privileges on Windows')('a dangling symlink, and a file given where a directory is expected (file/): exit 2 naming each', async () => {
    const { ws, env } = job();
    symlinkSync(join(ws, 'gone'), join(ws, 'out'));
    const r = await runCli(['guard', 'out', 'dist/app.js/'], { cwd: ws, env, secrets: [API_KEY] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot search out: it is a symbolic link to nothing \(ENOENT\)/);
    expect(r.stderr).toMatch(/cannot search dist\/app\.js: it cannot be read \(ENOTDIR\)/);
  });

  itPosix('no FIFOs on Windows')('a FIFO given as PATH: exit 2; a FIFO inside a directory: skipped with a note, the rest searched', async () => {
    const { ws, env } = job();
    execFileSync('mkfifo', [join(ws, 'pipe')]);
    const given = await runCli(['guard', 'pipe'], { cwd: ws, env, secrets: [API_KEY], timeoutMs: 10000 });
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/cannot search pipe: it is not a file or directory/);
    execFileSync('mkfifo', [join(ws, 'dist', 'fifo')]);
    const inside = await runCli(['guard', 'dist'], { cwd: ws, env, secrets: [API_KEY], timeoutMs: 10000 });
    expect(inside.code).toBe(0);
    expect(inside.stderr).toMatch(/guard: skipped dist\/fifo: not a regular file/);
    expect(inside.stderr).toMatch(/searched 1 file\(s\).*none found/);
  });
});

describe('guard: a file inside a directory that cannot be read', () => {
  /** dist/deep/.../<long name>: listable, but the file's path is longer than PATH_MAX, so open() fails (ENAMETOOLONG) even for root. */
  function unreadableFile(ws: string): string {
    let parent = join(ws, 'dist', 'deep');
    while (parent.length < 3900) parent = join(parent, 'd'.repeat(200));
    mkdirSync(parent, { recursive: true });
    const name = `f${'x'.repeat(240)}.js`;
    execFileSync('sh', ['-c', 'cd "$1" && printf "const k = 1;\\n" > "$2"', 'sh', parent, name]);
    return name;
  }

  itIf(process.platform === 'linux', 'PATH_MAX is 4096 on Linux')(
    'fails closed (exit 2) naming the file; a finding elsewhere still wins (exit 1)',
    async () => {
      const { ws, env } = job();
      const name = unreadableFile(ws);
      const r = await runCli(['guard', 'dist'], { cwd: ws, env, secrets: [API_KEY] });
      expect(r.code).toBe(2);
      const err = r.stderr.split('\n').find((l) => l.startsWith('guard: error: cannot search dist/deep/'));
      expect(err).toBeDefined();
      expect(err).toContain(`${name}: not readable (ENAMETOOLONG)`);
      expect(r.stderr).toMatch(/searched 1 file\(s\).*none found; 1 path\(s\) could not be searched/);
      writeFileSync(join(ws, 'dist', 'leak.js'), `const k = "${API_KEY}";\n`);
      const found = await runCli(['guard', 'dist'], { cwd: ws, env, secrets: [API_KEY] });
      expect(found.code).toBe(1);
      expect(found.stdout).toMatch(/^dist\/leak\.js:1: secret API_KEY found$/m);
      expect(found.stderr).toContain(`${name}: not readable (ENAMETOOLONG)`);
      expect(found.leaks).toEqual([]);
    },
  );

  it('the help says so', async () => {
    const r = await runCli(['guard', '--help']);
    expect(r.stdout).toMatch(/fails closed \(exit 2, naming each\)/);
  });
});

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

describePipeline('the GitLab guard snippet', () => {
  let issuer: OidcIssuer;
  let vault: VaultServer;
  beforeAll(async () => {
    issuer = await new OidcIssuer().start();
    vault = await new VaultServer().start();
    vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
    vault.jwtRole('jwt', 'gitlab-ci', { user_claim: 'sub', bound_audiences: [vault.url], token_policies: ['ci-read'], token_ttl: 600 });
    vault.policy('ci-read', ['secret/data/ci/*']);
    vault.mount('secret', { type: 'kv', version: 2 });
    vault.kv2Put('secret', 'ci/app', { api_key: API_KEY });
  });
  afterAll(async () => {
    await vault.stop();
    await issuer.stop();
  });

  it('a mistyped guard_paths (or PIPELINE_SECRETS_GUARD_PATHS) fails the job, naming the path', async () => {
    const ci = (paths: string, variables = ''): string => `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/fetch-secrets@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      role: gitlab-ci
      secrets: secret/data/ci/app api_key | API_KEY
      guard_paths: ${paths}
build:
  extends: .fetch-secrets
${variables}  script:
    - mkdir -p dist
    - echo 'const k = process.env.API_KEY;' > dist/app.js
    - !reference [.fetch-secrets-guard, script]
`;
    const secrets = (): string[] => [...issuer.issued, ...vault.tokens.keys(), API_KEY];
    project = componentProject({ files: { '.gitlab-ci.yml': ci('dsit') } });
    const run = await runPipeline(project, {
      variables: {
        VAULT_ADDR: vault.url,
        VAULT_ID_TOKEN: await issuer.gitlabToken(vault.url, { project_path: PROJECT_PATH }),
        PIPELINE_SECRETS_RETRY_DELAY: '1ms',
      },
      secrets: secrets(),
    });
    expect(run.output).toMatch(/FAIL\s+build/);
    expect(jobLog(run, 'build')).toMatch(/guard: error: cannot search dsit: it does not exist/);
    expect(run.leaks).toEqual([]);

    project.cleanup();
    project = componentProject({ files: { '.gitlab-ci.yml': ci('dist', '  variables:\n    PIPELINE_SECRETS_GUARD_PATHS: dist public\n') } });
    const over = await runPipeline(project, {
      variables: {
        VAULT_ADDR: vault.url,
        VAULT_ID_TOKEN: await issuer.gitlabToken(vault.url, { project_path: PROJECT_PATH }),
        PIPELINE_SECRETS_RETRY_DELAY: '1ms',
      },
      secrets: secrets(),
    });
    expect(over.output).toMatch(/FAIL\s+build/);
    expect(jobLog(over, 'build')).toMatch(/cannot search public: it does not exist/);
    expect(over.leaks).toEqual([]);

    // spelled right, the same job passes
    project.cleanup();
    project = componentProject({ files: { '.gitlab-ci.yml': ci('dist') } });
    const good = await runPipeline(project, {
      variables: {
        VAULT_ADDR: vault.url,
        VAULT_ID_TOKEN: await issuer.gitlabToken(vault.url, { project_path: PROJECT_PATH }),
        PIPELINE_SECRETS_RETRY_DELAY: '1ms',
      },
      secrets: secrets(),
    });
    expect(good.output).toMatch(/PASS\s+build/);
    expect(jobLog(good, 'build')).toMatch(/guard: searched 1 file\(s\).*none found/);
    expect(good.leaks).toEqual([]);
  }, 120000);
});
