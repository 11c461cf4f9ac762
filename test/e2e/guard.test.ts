/**
 * The leak guard end to end, as a workflow job runs it: dist/oidc-assume-role (twice, two
 * roles) injects AWS credentials through the GitHub runner seam, which records them in
 * RUNNER_TEMP; the job then builds a JS bundle, a JSON config and a `docker save` image;
 * `pipeline-secrets guard` (dist/cli) finds each injected value, names it, prints none;
 * the post steps (in reverse order, as GitHub runs them) remove the record. The same on
 * GitLab through the CLI. STS imitation and OIDC issuer on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { OidcIssuer } from '../servers/oidc.js';
import { StsServer } from '../servers/sts.js';
import { dockerSave, gzip, tar } from './guard-fixtures.js';
import { expectOwnerOnly } from '../runner/os.js';

const ACCT = '123456789012';
const BUILD = `arn:aws:iam::${ACCT}:role/build`;
const DEPLOY = `arn:aws:iam::${ACCT}:role/deploy`;
const GITLAB_ROLE = `arn:aws:iam::${ACCT}:role/gitlab-build`;
const FILES = ['guard.key', 'guard-record.jsonl'];

let issuer: OidcIssuer;
let sts: StsServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  sts = await new StsServer().start();
  sts.addProvider(issuer.url, ['sts.amazonaws.com']);
  for (const arn of [BUILD, DEPLOY]) sts.addRole({ arn, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/octo-repo:*'], aud: ['sts.amazonaws.com'] } });
  sts.addRole({
    arn: GITLAB_ROLE,
    webIdentity: { issuer: issuer.url, sub: ['project_path:my-group/my-project:ref_type:branch:ref:*'], aud: ['sts.amazonaws.com'] },
  });
});

afterAll(async () => {
  await sts.stop();
  await issuer.stop();
});

/** About `bytes` of minified-looking JavaScript with no secret in it. */
function bundle(bytes: number, seed: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = `function f${seed}_${i}(a,b){return a.map(x=>x*${i % 97}+b).filter(Boolean).join("${(i * 7919) % 10007}")};`;
    parts.push(s, i % 50 === 0 ? '\n' : '');
    n += s.length;
  }
  return parts.join('');
}

function jobDirs(): { temp: string; ws: string } {
  const temp = mkdtempSync(join(tmpdir(), 'ps-guard-job-'));
  const ws = join(temp, 'workspace');
  mkdirSync(ws);
  return { temp, ws };
}

describe('leak guard in a GitHub workflow job', () => {
  it('finds an injected value in a JS bundle, one base64 in a JSON config, one in an image layer; names each, prints none; the last post step removes the record', async () => {
    const { temp, ws } = jobDirs();
    const c1 = sts.presetCredentials();
    const c2 = sts.presetCredentials();
    const secrets = [...Object.values(c1), ...Object.values(c2)];
    const env = { ...issuer.githubEnv, RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws };
    const step = async (role: string, node: '24' | 'current'): Promise<StepRun> => {
      const run = await runStep({
        action: 'oidc-assume-role',
        inputs: { 'role-to-assume': role, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url },
        env,
        secrets,
        node,
        cwd: ws,
      });
      expect({ code: run.code, out: run.code ? transcript(run) : '' }).toEqual({ code: 0, out: '' });
      expect(run.leaks).toEqual([]);
      return run;
    };
    const build = await step(BUILD, '24');
    const deploy = await step(DEPLOY, 'current');

    // the record: 0600 files in RUNNER_TEMP/pipeline-secrets, no value in them
    const rec = join(temp, 'pipeline-secrets');
    for (const f of FILES) expectOwnerOnly(join(rec, f));
    const recordText = FILES.map((f) => readFileSync(join(rec, f), 'utf8')).join('\n');
    for (const s of secrets) expect(recordText).not.toContain(s);
    for (const s of secrets) expect(recordText).not.toContain(Buffer.from(s).toString('base64'));

    // the build: a bundle that inlined a key, a config with a base64 blob, an image
    mkdirSync(join(ws, 'dist', 'assets'), { recursive: true });
    mkdirSync(join(ws, 'config'));
    const head = `${bundle(300_000, 1)}\n`;
    writeFileSync(join(ws, 'dist', 'assets', 'main.js'), `${head}const aws={region:"us-east-1",secret:"${c1.secretAccessKey}"};${bundle(50_000, 2)}`);
    const jsLine = head.split('\n').length;
    const blob = Buffer.from(JSON.stringify({ profile: 'ci', token: c1.sessionToken })).toString('base64');
    writeFileSync(join(ws, 'config', 'settings.json'), JSON.stringify({ name: 'app', env: 'prod', blob }, null, 2));
    writeFileSync(
      join(ws, 'dist', 'image.tar'),
      dockerSave([{ 'app/main.js': bundle(20_000, 3) }, { 'root/.aws/credentials': `[default]\naws_access_key_id = ${c2.accessKeyId}\n` }]),
    );
    mkdirSync(join(ws, '.git'));
    writeFileSync(join(ws, '.git', 'FETCH_HEAD'), c2.secretAccessKey);

    const guard = await runCli(['guard', 'dist', 'config'], { cwd: ws, env: { GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws }, secrets });
    expect(guard.leaks).toEqual([]);
    expect(guard.code).toBe(1);
    const lines = guard.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    // each names the secret as the action registered it (its wording is the action's)
    const has = (re: RegExp): boolean => lines.some((l) => re.test(l));
    expect(has(new RegExp(`^dist/assets/main\\.js:${jsLine}: secret [^:]*secret access key found$`, 'i'))).toBe(true);
    expect(has(/^config\/settings\.json:4: secret [^:]*session token found \(base64\)$/i)).toBe(true);
    expect(has(/^dist\/image\.tar!blobs\/sha256\/[0-9a-f]{64}!root\/\.aws\/credentials:2: secret [^:]*access key id found$/i)).toBe(true);
    expect(guard.stderr).toMatch(/3 finding\(s\)/);

    // the whole workspace, .git skipped: the same three
    const all = await runCli(['guard'], { cwd: ws, env: { GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws }, secrets, node: 'current' });
    expect(all.code).toBe(1);
    expect(all.stdout.trim().split('\n')).toHaveLength(3);
    expect(all.leaks).toEqual([]);

    // post steps, last action first: the first one's post removes the record
    const post2 = await runStep({ action: 'oidc-assume-role', after: deploy, env, secrets });
    expect(post2.code).toBe(0);
    for (const f of FILES) expect(existsSync(join(rec, f))).toBe(true);
    const post1 = await runStep({ action: 'oidc-assume-role', after: build, env, secrets });
    expect(post1.code).toBe(0);
    expect(post1.leaks).toEqual([]);
    expect(readdirSync(rec).filter((f) => f.startsWith('guard'))).toEqual([]);
  });

  it('finds nothing in a clean tree', async () => {
    const { temp, ws } = jobDirs();
    const c = sts.presetCredentials();
    const run = await runStep({
      action: 'oidc-assume-role',
      inputs: { 'role-to-assume': BUILD, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url },
      env: { ...issuer.githubEnv, RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws },
      secrets: Object.values(c),
      cwd: ws,
    });
    expect(run.code).toBe(0);
    // about 8 MB: bundles, a tgz of them, an image
    for (let i = 0; i < 12; i++) writeFileSync(join(ws, `chunk${i}.js`), bundle(600_000, i));
    writeFileSync(join(ws, 'site.tgz'), gzip(tar({ 'index.js': bundle(300_000, 99), 'conf.json': JSON.stringify({ region: 'us-east-1', role: BUILD }) })));
    writeFileSync(join(ws, 'image.tar'), dockerSave([{ 'app/a.js': bundle(100_000, 7) }]));
    const guard = await runCli(['guard', '.'], {
      cwd: ws,
      env: { GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws },
      secrets: Object.values(c),
    });
    expect({ code: guard.code, stdout: guard.stdout }).toEqual({ code: 0, stdout: '' });
    expect(guard.stderr).toMatch(/searched 19 file\(s\), [0-9.]+ MB, for \d+ secret\(s\).*none found/);
  });

  it('fails closed (exit 2) on a record it cannot fully read, and a finding still wins (exit 1)', async () => {
    const { temp, ws } = jobDirs();
    const c = sts.presetCredentials();
    const run = await runStep({
      action: 'oidc-assume-role',
      inputs: { 'role-to-assume': BUILD, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url },
      env: { ...issuer.githubEnv, RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws },
      secrets: Object.values(c),
      cwd: ws,
    });
    expect(run.code).toBe(0);
    const record = readdirSync(temp, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('guard-record.jsonl')) ?? '';
    expect(record).not.toBe('');
    appendFileSync(join(temp, record), 'this line is not a record\n');
    writeFileSync(join(ws, 'clean.js'), bundle(20_000, 3));
    const env = { GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws };
    const damaged = await runCli(['guard', '.'], { cwd: ws, env, secrets: Object.values(c) });
    expect(damaged.code).toBe(2);
    expect(damaged.leaks).toEqual([]);
    writeFileSync(join(ws, 'leak.js'), `const k = ${JSON.stringify(c.secretAccessKey)};\n`);
    const found = await runCli(['guard', '.'], { cwd: ws, env, secrets: Object.values(c) });
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/^leak\.js:1: secret /m);
    expect(found.leaks).toEqual([]);
  });

  it('without any recorded secret: says so and passes; bad flags are usage errors', async () => {
    const { temp, ws } = jobDirs();
    const none = await runCli(['guard', '.'], { cwd: ws, env: { GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp } });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no secret was recorded');
    const bad = await runCli(['guard', '--max-archive-depth', 'x'], { cwd: ws, env: {} });
    expect(bad.code).toBe(2);
    const help = await runCli(['guard', '--help'], { cwd: ws, env: {} });
    expect(help.stdout).toContain('file:line: secret LABEL found');
  });
});

describe('leak guard in a GitLab job (CLI)', () => {
  it('records what oidc-assume-role injects in the job temp dir, finds it, and --post removes the record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-guard-gl-'));
    const c = sts.presetCredentials();
    const jwt = await issuer.gitlabToken('sts.amazonaws.com');
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'my-group/my-project',
      CI_PIPELINE_ID: '1212',
      CI_JOB_ID: '777',
      CI_PROJECT_DIR: dir,
      AWS_ID_TOKEN: jwt,
      TMPDIR: join(dir, 'tmp'),
      PIPELINE_SECRETS_ENV_FILE: join(dir, 'aws.env'),
    };
    mkdirSync(join(dir, 'tmp'));
    const args = [
      'oidc-assume-role',
      '--role-to-assume',
      GITLAB_ROLE,
      '--aws-region',
      'eu-west-1',
      '--sts-endpoint',
      sts.url,
      '--id-token-var',
      'AWS_ID_TOKEN',
    ];
    const main = await runCli(args, { cwd: dir, env, secrets: [...Object.values(c), jwt] });
    expect({ code: main.code, err: main.code ? main.stderr : '' }).toEqual({ code: 0, err: '' });
    const jobTemp = join(dir, 'tmp', 'pipeline-secrets-job-777');
    for (const f of FILES) expectOwnerOnly(join(jobTemp, f));
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public', 'env.js'), `window.ENV = ${JSON.stringify({ key: c.secretAccessKey })};\n`);
    const guard = await runCli(['guard', 'public'], { cwd: dir, env, secrets: [...Object.values(c), jwt] });
    expect(guard.code).toBe(1);
    expect(guard.stdout).toMatch(/^public\/env\.js:1: secret [^:\n]*secret access key found\n$/i);
    expect(guard.leaks).toEqual([]);
    const post = await runCli([...args, '--post'], { cwd: dir, env, secrets: [...Object.values(c), jwt] });
    expect(post.code).toBe(0);
    expect(readdirSync(jobTemp).filter((f) => f.startsWith('guard'))).toEqual([]);
  });
});
