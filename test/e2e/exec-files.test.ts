/**
 * `pipeline-secrets exec` and the secret files fetch-secrets writes (`dotenv:`, `json:` and
 * `file:` sinks): a variable holding such a file's path registers the values inside it (each
 * dotenv value as a shell and a dotenv parser read it, each JSON leaf, each line), whether the
 * variable comes from --export-file, PIPELINE_SECRETS_REDACT_VARS, --with fetch-secrets or the
 * GitLab component, and whether the files sit in the default temp dir, under --temp-dir or
 * under PIPELINE_SECRETS_TEMP_DIR. A hostile variable (a device, a FIFO, a symlink, a file
 * outside the temp dirs, a huge file) makes exec read nothing it should not, print nothing
 * and never hang. Runs dist/cli against the Vault imitation and an OIDC issuer on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli, type CliRun } from '../runner/cli.js';
import { parseEnvFile } from '../../src/actions/exec/env-file.js';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { itPosix } from '../runner/os.js';
import { componentProject, describePipeline, jobLog, runPipeline, PROJECT_PATH, type Project } from '../gitlab/project.js';

const hex = (n: number): string => randomBytes(n).toString('hex');

/** The KV secret `ci/app`: a plain value, one that needs quoting and spans two lines, a number, a nested field, a short one. */
const APP = {
  k1: `k1-${hex(10)}`,
  k2: `pa ss"w'$(x)\\${hex(4)}\nsecond-line-${hex(6)}`,
  pass: `pw-${hex(12)}`,
  num: 987654321012,
  db: { password: `nested-${hex(10)}` },
  pin: 'ab1',
  flag: true,
};
const AWS_KEY = `ak-${hex(16)}`;
const PEM = ['-----BEGIN PRIVATE KEY-----', randomBytes(36).toString('base64'), randomBytes(36).toString('base64'), '-----END PRIVATE KEY-----'].join('\n');

/** How `. "$DOT"` in sh reads K2 from the dotenv file: `\n` stays a backslash and an n. */
const K2_AS_SH_READS_IT = APP.k2.replace(/\n/g, '\\n');
const VALUES = [APP.k1, APP.k2, K2_AS_SH_READS_IT, APP.pass, String(APP.num), APP.db.password, AWS_KEY, PEM, ...APP.k2.split('\n')];

const SELECTORS = [
  'secret/data/ci/app * | dotenv:DOT',
  'secret/data/ci/app * | json:CFG',
  'secret/data/ci/aws key | file:AK',
  'secret/data/ci/tls key | file:TLS',
].join('\n');

/** Prints every value a script can get at: sourced dotenv values, JSON leaves, the raw files. */
const SH_PRINT = [
  '. "$DOT"',
  'echo "K1=$K1"',
  'printf "K2=%s\\n" "$K2"',
  'echo "PASS=$PASS NUM=$NUM"',
  'cat "$AK"; echo',
  'cat "$TLS"',
  'node -e \'const c = require(require("node:path").resolve(process.env.CFG)); console.log("pass=" + c.pass, "num=" + c.num, "db=" + c.db.password, "k2=" + c.k2); console.log(JSON.stringify(c.k2))\'',
  'echo done',
].join('\n');

let issuer: OidcIssuer;
let vault: VaultServer;
let dir: string;
let job = 100;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ps-exec-files-'));
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  vault.jwtRole('jwt', 'ci', { user_claim: 'sub', bound_audiences: ['https://vault.example'], token_policies: ['app'], token_ttl: 600 });
  vault.jwtRole('jwt', 'gitlab-ci', { user_claim: 'sub', bound_audiences: [vault.url], token_policies: ['app'], token_ttl: 600 });
  vault.policy('app', ['secret/data/ci/*', { path: 'sys/leases/revoke', capabilities: ['update'] }]);
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.kv2Put('secret', 'ci/app', APP);
  vault.kv2Put('secret', 'ci/aws', { key: AWS_KEY });
  vault.kv2Put('secret', 'ci/tls', { key: PEM });
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every credential in play (JWTs, Vault tokens) and every value, in each form a script prints. */
const all = (): string[] => [...issuer.issued, ...vault.tokens.keys(), ...VALUES];

/** A GitLab job's environment: its own TMPDIR, so the default temp dir is TMPDIR/pipeline-secrets-job-N. */
async function jobEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const tmp = join(dir, `tmp-${++job}`);
  mkdirSync(tmp);
  return {
    GITLAB_CI: 'true',
    CI_JOB_ID: String(job),
    TMPDIR: tmp,
    PIPELINE_SECRETS_ID_TOKEN_VAR: 'VAULT_ID_TOKEN',
    VAULT_ID_TOKEN: await issuer.gitlabToken('https://vault.example'),
    ...extra,
  };
}

const FETCH = [
  'fetch-secrets',
  '--role',
  'ci',
  '--audience',
  'https://vault.example',
  '--retry-initial-delay',
  '1ms',
  '--outputs=false',
  '--secrets',
  SELECTORS,
];

/** fetch-secrets as its own step (the CLI writes the exports to `envFile`). */
async function fetchStep(env: Record<string, string>, envFile: string, extra: string[] = []): Promise<Record<string, string>> {
  const r = await runCli([...FETCH, '--url', vault.url, '--export-file', envFile, ...extra], { env, secrets: all() });
  expect({ code: r.code, err: r.code ? r.stderr : '' }).toEqual({ code: 0, err: '' });
  expect(r.leaks).toEqual([]);
  const exported = Object.fromEntries(parseEnvFile(readFileSync(envFile, 'utf8'), envFile));
  expect(Object.keys(exported).sort()).toEqual(['AK', 'CFG', 'DOT', 'TLS']);
  return exported;
}

/** No value in any form reached the log; the script did run to its end. */
function expectRedacted(r: CliRun): void {
  expect({ code: r.code, err: r.code ? r.stderr : '' }).toEqual({ code: 0, err: '' });
  expect(r.stdout).toMatch(/done\n$/);
  expect(r.leaks).toEqual([]);
  const out = r.stdout + r.stderr;
  expect(VALUES.filter((v) => out.includes(v))).toEqual([]);
  for (const line of PEM.split('\n')) expect(out).not.toContain(line);
  expect(out).not.toContain(JSON.stringify(APP.k2));
  expect(r.stdout).toContain('pass=***');
  expect(r.stdout).toContain('num=***');
  expect(r.stdout).toContain('db=***');
}

/** The too-short value is named once per file (variable and key), never shown. */
function expectShortWarned(r: CliRun): void {
  const warnings = r.stderr.split('\n').filter((l) => /too short/.test(l));
  expect(warnings.filter((l) => l.includes('$DOT') && l.includes('"PIN"'))).toHaveLength(1);
  expect(warnings.filter((l) => l.includes('$CFG') && l.includes('"pin"'))).toHaveLength(1);
  for (const w of warnings) expect(w).not.toContain(APP.pin);
}

describe('exec: the values inside the secret files a variable names', () => {
  itPosix('runs sh')(
    '--export-file of a fetch-secrets step: dotenv values (sourced by sh), JSON leaves (read by node), file sinks are all redacted',
    async () => {
      const env = await jobEnv();
      const envFile = join(dir, `exports-${job}.env`);
      await fetchStep(env, envFile);
      const r = await runCli(['exec', '--export-file', envFile, '--', 'sh', '-c', SH_PRINT], { env, secrets: all() });
      expectRedacted(r);
      expectShortWarned(r);
    },
  );

  itPosix('runs sh')('variables named by PIPELINE_SECRETS_REDACT_VARS (what the GitLab component sets after sourcing the exports)', async () => {
    const env = await jobEnv();
    const envFile = join(dir, `exports-${job}.env`);
    const exported = await fetchStep(env, envFile);
    rmSync(envFile);
    const r = await runCli(['exec', '--', 'sh', '-c', SH_PRINT], {
      env: { ...env, ...exported, PIPELINE_SECRETS_REDACT_VARS: ' VAULT_ID_TOKEN DOT CFG AK TLS ' },
      secrets: all(),
    });
    expectRedacted(r);
    expectShortWarned(r);
  });

  itPosix('runs sh')('files under --temp-dir: exec --temp-dir D reads them like the default temp dir', async () => {
    const env = await jobEnv();
    const temp = join(dir, `given-temp-${job}`);
    const envFile = join(dir, `exports-${job}.env`);
    const exported = await fetchStep(env, envFile, ['--temp-dir', temp]);
    expect(exported['AK']?.startsWith(temp)).toBe(true);
    const r = await runCli(['exec', '--temp-dir', temp, '--export-file', envFile, '--', 'sh', '-c', SH_PRINT], { env, secrets: all() });
    expectRedacted(r);
    // without it, exec names the variable (never the path) and says why it did not read the file
    const blind = await runCli(['exec', '--export-file', envFile, '--', 'true'], { env, secrets: all() });
    expect(blind.code).toBe(0);
    expect(blind.stderr).toMatch(/\$AK names a file outside the directories exec reads secret files from/);
    expect(blind.stderr).not.toContain(temp);
    expect(blind.leaks).toEqual([]);
  });

  itPosix('runs sh')('a relative --temp-dir (relative paths in the variables, read from the cwd exec and the command share)', async () => {
    const env = await jobEnv();
    const cwd = env['TMPDIR'] ?? '';
    const envFile = join(cwd, 'exports.env');
    const r1 = await runCli([...FETCH, '--url', vault.url, '--export-file', envFile, '--temp-dir', '.secrets'], { env, cwd, secrets: all() });
    expect(r1.code).toBe(0);
    expect(parseEnvFile(readFileSync(envFile, 'utf8'), envFile).get('AK')).toMatch(/^\.secrets\//);
    const r = await runCli(['exec', '--temp-dir', '.secrets', '--export-file', envFile, '--', 'sh', '-c', SH_PRINT], { env, cwd, secrets: all() });
    expectRedacted(r);
  });

  itPosix('runs sh')('files under PIPELINE_SECRETS_TEMP_DIR (the variable both steps see)', async () => {
    const temp = join(dir, `env-temp-${job + 1}`);
    const env = await jobEnv({ PIPELINE_SECRETS_TEMP_DIR: temp });
    const envFile = join(dir, `exports-${job}.env`);
    const exported = await fetchStep(env, envFile);
    expect(exported['AK']?.startsWith(temp)).toBe(true);
    const r = await runCli(['exec', '--export-file', envFile, '--', 'sh', '-c', 'cat "$AK"; echo; echo done'], { env, secrets: all() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('***\ndone\n');
    expect(r.leaks).toEqual([]);
    const full = await runCli(['exec', '--redact-env', 'DOT,CFG,AK,TLS', '--', 'sh', '-c', SH_PRINT], { env: { ...env, ...exported }, secrets: all() });
    expectRedacted(full);
  });

  itPosix('runs sh')('--with fetch-secrets --temp-dir D: the number leaf and the sh-decoded dotenv value too', async () => {
    const env = await jobEnv();
    const temp = join(dir, `with-temp-${job}`);
    const r = await runCli(['exec', '--with', ...FETCH, '--url', vault.url, '--temp-dir', temp, '--', 'sh', '-c', SH_PRINT], { env, secrets: all() });
    expectRedacted(r);
  });

  itPosix('FIFOs, devices and symlinks are POSIX file types')(
    'a hostile variable (device, FIFO, symlink, .., a file elsewhere, a huge file) is read for nothing, never printed, never hangs',
    async () => {
      const env = await jobEnv();
      const root = join(env['TMPDIR'] ?? '', `pipeline-secrets-job-${env['CI_JOB_ID']}`);
      mkdirSync(root, { mode: 0o700 });
      const outside = join(dir, `shadow-${job}`);
      const shadowLine = `root:$6$${hex(20)}:19000:0:99999:7:::`;
      writeFileSync(outside, `${shadowLine}\n`, { mode: 0o600 });
      const fifo = join(root, 'fifo');
      execFileSync('mkfifo', [fifo]);
      symlinkSync(outside, join(root, 'link'));
      const huge = join(root, 'huge');
      writeFileSync(huge, `${'x'.repeat(2 * 1024 * 1024)}\n`, { mode: 0o600 });
      const vars = {
        ZERO: '/dev/zero',
        FIFO: fifo,
        LINK: join(root, 'link'),
        DOTS: `${root}/../../${outside.slice(dir.length + 1)}`,
        ELSEWHERE: outside,
        HUGE: huge,
      };
      const names = Object.keys(vars);
      const t0 = Date.now();
      const r = await runCli(['exec', '--redact-env', names.join(','), '--', 'sh', '-c', 'echo done'], {
        env: { ...env, ...vars },
        secrets: [shadowLine],
        timeoutMs: 15000,
      });
      expect(Date.now() - t0).toBeLessThan(10000);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('done\n');
      expect(r.leaks).toEqual([]);
      expect(r.stderr).toMatch(/\$ZERO names .*not a regular file/);
      expect(r.stderr).toMatch(/\$FIFO names .*not a regular file/);
      expect(r.stderr).toMatch(/\$LINK names .*symbolic link/);
      expect(r.stderr).toMatch(/\$DOTS names .*"\.\."/);
      expect(r.stderr).toMatch(/\$ELSEWHERE names a file outside the directories/);
      expect(r.stderr).toMatch(/\$HUGE names .*larger than 1 MiB/);
      // exec's own output names the variables only, never a path it was given
      for (const p of Object.values(vars)) expect(r.stderr).not.toContain(p);
    },
  );
});

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

describePipeline('exec in a job extending the GitLab .fetch-secrets component', () => {
  it('the values inside dotenv, json and file sinks never reach the job log', async () => {
    const ci = `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/fetch-secrets@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      role: gitlab-ci
      secrets: |
${SELECTORS.split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
job:
  extends: .fetch-secrets
  script:
    - $PIPELINE_SECRETS_CLI exec -- sh -c '. "$DOT"; echo "K1=$K1"; printf "K2=%s\\n" "$K2"; cat "$AK"; echo; cat "$TLS"; echo done'
    - $PIPELINE_SECRETS_CLI exec -- node -e 'const c = require(process.env.CFG); console.log("pass=" + c.pass, "num=" + c.num, "db=" + c.db.password)'
`;
    project = componentProject({ files: { '.gitlab-ci.yml': ci } });
    const jwt = await issuer.gitlabToken(vault.url, { project_path: PROJECT_PATH });
    const run = await runPipeline(project, { variables: { VAULT_ADDR: vault.url, VAULT_ID_TOKEN: jwt, PIPELINE_SECRETS_RETRY_DELAY: '1ms' }, secrets: all() });
    const log = jobLog(run, 'job');
    expect(run.output).toMatch(/PASS\s+job/);
    expect(log).toContain('pass=*** num=*** db=***');
    expect(log).toContain('done');
    expect(run.leaks).toEqual([]);
    expect(VALUES.filter((v) => run.output.includes(v))).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
  });
});
