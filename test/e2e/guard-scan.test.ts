/**
 * gitleaks-scan with `injected: true`: the leak guard inside the scan step. dist/oidc-assume-role
 * injects AWS credentials (recorded in RUNNER_TEMP), the job builds files holding them, then
 * dist/gitleaks-scan in the same RUNNER_TEMP finds each value, names the secret (never the
 * value) in the log, annotations, summary, SARIF, JSON and GitLab reports, and fails the step.
 * STS imitation and OIDC issuer on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { OidcIssuer } from '../servers/oidc.js';
import { StsServer } from '../servers/sts.js';
import { dockerSave } from './guard-fixtures.js';
import { fakeSecret, readIf, testConfig } from './scan-helpers.js';
import { validateGitLab, validateSarif } from './scan-schemas.js';

const ROLE = 'arn:aws:iam::123456789012:role/build';

let issuer: OidcIssuer;
let sts: StsServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  sts = await new StsServer().start();
  sts.addProvider(issuer.url, ['sts.amazonaws.com']);
  sts.addRole({ arn: ROLE, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/octo-repo:*'], aud: ['sts.amazonaws.com'] } });
});

afterAll(async () => {
  await sts.stop();
  await issuer.stop();
});

interface Job {
  temp: string;
  ws: string;
  creds: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  secrets: string[];
}

/** A job whose first step assumed a role (the values are recorded in RUNNER_TEMP). */
async function jobWithCredentials(node: '24' | 'current' = '24'): Promise<Job> {
  const temp = mkdtempSync(join(tmpdir(), 'ps-guard-scan-'));
  const ws = join(temp, 'workspace');
  mkdirSync(ws);
  const creds = sts.presetCredentials();
  const secrets = Object.values(creds);
  const run = await runStep({
    action: 'oidc-assume-role',
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url },
    env: { ...issuer.githubEnv, RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws },
    secrets,
    cwd: ws,
    node,
  });
  expect({ code: run.code, out: run.code ? transcript(run) : '' }).toEqual({ code: 0, out: '' });
  return { temp, ws, creds, secrets };
}

function scan(job: Job, inputs: Record<string, string>, node: '24' | 'current' = '24'): Promise<StepRun> {
  return runStep({
    action: 'gitleaks-scan',
    inputs,
    env: { RUNNER_TEMP: job.temp, GITHUB_WORKSPACE: job.ws },
    secrets: job.secrets,
    cwd: job.ws,
    node,
    timeoutMs: 60000,
  });
}

function everything(run: StepRun): string[] {
  const reports = ['sarif-path', 'json-path', 'gitlab-path'].map((k) => readIf(run.outputs[k]));
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.annotations), ...reports];
}

describe('gitleaks-scan injected: true (the leak guard)', () => {
  it('finds the injected values in built files, names each secret, prints none, fails the step; every report carries them', async () => {
    const job = await jobWithCredentials();
    mkdirSync(join(job.ws, 'dist'));
    writeFileSync(join(job.ws, 'dist', 'main.js'), `console.log(1);\nconst cfg={region:"us-east-1",k:"${job.creds.secretAccessKey}"};\n`);
    const blob = Buffer.from(JSON.stringify({ token: job.creds.sessionToken })).toString('base64');
    writeFileSync(join(job.ws, 'dist', 'config.json'), `{\n  "name": "app",\n  "blob": "${blob}"\n}\n`);
    writeFileSync(join(job.ws, 'image.tar'), dockerSave([{ 'root/.aws/credentials': `[default]\naws_access_key_id = ${job.creds.accessKeyId}\n` }]));
    mkdirSync(join(job.ws, '.git'));
    writeFileSync(join(job.ws, '.git', 'FETCH_HEAD'), job.creds.secretAccessKey);

    const run = await scan(job, { injected: 'true', 'scan-mode': 'none', 'report-format': 'sarif,json,gitlab', 'report-path': join(job.temp, 'out', 'leaks') });
    expect(run.leaks).toEqual([]);
    for (const text of everything(run)) for (const s of job.secrets) expect(text.includes(s)).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.outputs['findings']).toBe('3');
    expect(transcript(run)).toMatch(/3 findings: leaked secrets in the files under \. \(injected secrets\)/);

    // the log: file, line and which secret (.git not searched, the image layer opened)
    const lines = run.log.filter((l) => l.includes(': injected-secret: '));
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => /^dist\/main\.js:2: injected-secret: .*secret access key/i.test(l))).toBe(true);
    expect(lines.some((l) => /^dist\/config\.json:3: injected-secret: .*session token.*\(base64\)/i.test(l))).toBe(true);
    expect(lines.some((l) => /^image\.tar!.*root\/\.aws\/credentials:2: injected-secret: .*access key id/i.test(l))).toBe(true);
    expect(run.log.some((l) => /injected: searched \. \(\d+ files?, .* MB\) for \d+ secrets? this job injected .*: 3 found/.test(l))).toBe(true);

    // annotations on the file and line, naming the secret
    const ann = run.annotations.filter((a) => a.level === 'error' && a.props['file'] === 'dist/main.js');
    expect(ann).toHaveLength(1);
    expect(ann[0]?.props['line']).toBe('2');
    expect(ann[0]?.message).toMatch(/secret access key/i);

    // the summary names the secret in the row
    expect(run.summary).toMatch(/\| injected-secret \| `dist\/main\.js:2` \|.*secret access key/i);

    // SARIF: valid, a rule entry for injected-secret, results naming the secret
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-path'] ?? '', 'utf8')) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; message: { text: string } }[] }[];
    };
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['injected-secret']);
    expect(sarif.runs[0]?.results).toHaveLength(3);
    expect(sarif.runs[0]?.results.some((r) => /secret access key.*dist\/main\.js:2/i.test(r.message.text))).toBe(true);

    // gitleaks JSON and GitLab report
    const json = JSON.parse(readFileSync(run.outputs['json-path'] ?? '', 'utf8')) as {
      RuleID: string;
      File: string;
      StartLine: number;
      Description: string;
      Secret: string;
    }[];
    expect(json.map((f) => f.RuleID)).toEqual(['injected-secret', 'injected-secret', 'injected-secret']);
    expect(json.find((f) => f.File === 'dist/main.js')).toMatchObject({ StartLine: 2, Description: expect.stringMatching(/secret access key/i) });
    const gl = JSON.parse(readFileSync(run.outputs['gitlab-path'] ?? '', 'utf8')) as { vulnerabilities: { name: string }[] };
    expect(validateGitLab(gl)).toEqual([]);
    expect(gl.vulnerabilities).toHaveLength(3);
  });

  it('beside the rule scan: both kinds of finding in one report; fail-on-findings: false passes with a warning', async () => {
    const job = await jobWithCredentials('current');
    writeFileSync(join(job.ws, '.gitleaks.toml'), testConfig());
    const leaked = fakeSecret();
    writeFileSync(join(job.ws, 'app.env'), `TOKEN=${leaked}\n`);
    writeFileSync(join(job.ws, 'bundle.js'), `var s="${job.creds.secretAccessKey}";\n`);
    const run = await scan(
      job,
      { injected: 'true', 'scan-mode': 'tree', 'report-format': 'json', 'report-path': join(job.temp, 'r.json'), 'fail-on-findings': 'false' },
      'current',
    );
    expect({ code: run.code, leaks: run.leaks }).toEqual({ code: 0, leaks: [] });
    const json = JSON.parse(readFileSync(join(job.temp, 'r.json'), 'utf8')) as { RuleID: string; File: string }[];
    expect(json.filter((f) => f.RuleID === 'injected-secret').map((f) => f.File)).toEqual(['bundle.js']);
    expect(json.some((f) => f.RuleID !== 'injected-secret' && f.File === 'app.env')).toBe(true);
    for (const text of everything(run)) for (const s of [...job.secrets, leaked]) expect(text.includes(s)).toBe(false);
    expect(run.annotations.some((a) => a.level === 'warning' && /fail-on-findings is false/.test(a.message))).toBe(true);
  });

  it('finds nothing in a clean build; with nothing recorded it says so and passes', async () => {
    const job = await jobWithCredentials();
    writeFileSync(join(job.ws, 'main.js'), 'console.log("clean");\n');
    const clean = await scan(job, { injected: 'true', 'scan-mode': 'none' });
    expect({ code: clean.code, findings: clean.outputs['findings'], leaks: clean.leaks }).toEqual({ code: 0, findings: '0', leaks: [] });
    expect(clean.log.some((l) => /injected: searched .*none found/.test(l))).toBe(true);

    const temp = mkdtempSync(join(tmpdir(), 'ps-guard-scan-none-'));
    const ws = join(temp, 'workspace');
    mkdirSync(ws);
    writeFileSync(join(ws, 'main.js'), 'console.log("clean");\n');
    const none = await scan({ temp, ws, creds: job.creds, secrets: [] }, { injected: 'true', 'scan-mode': 'none' }, 'current');
    expect(none.code).toBe(0);
    expect(none.log.some((l) => /no secret was recorded in this job/.test(l))).toBe(true);
  });

  it('scan-mode: none without injected: true is an input error naming scan-mode', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'ps-guard-scan-bad-'));
    const run = await runStep({ action: 'gitleaks-scan', inputs: { 'scan-mode': 'none' }, env: { RUNNER_TEMP: temp } });
    expect(run.code).not.toBe(0);
    expect(transcript(run)).toMatch(/scan-mode/);
  });
});
