import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../../src/core/errors.js';
import { readConfig, type Config } from '../../../../src/actions/gitleaks-scan/config.js';
import { gitleaksScanSpec } from '../../../../src/actions/gitleaks-scan/spec.js';
import { FakeRunner, type Preset } from '../../helpers/fake-runner.js';

function dirs(): { workspace: string; temp: string } {
  const root = mkdtempSync(join(tmpdir(), 'ps-gls-config-'));
  const workspace = join(root, 'ws');
  const temp = join(root, 'tmp');
  mkdirSync(workspace);
  mkdirSync(temp);
  return { workspace, temp };
}

function read(preset: Preset, inputs: Record<string, string> = {}, vars: Record<string, string> = {}): { cfg: Config; r: FakeRunner } {
  const r = new FakeRunner(preset, { ...dirs(), inputs, vars });
  return { cfg: readConfig(r), r };
}

/** The input (or variable) a bad value is blamed on. */
function blamed(preset: Preset, inputs: Record<string, string>, vars: Record<string, string> = {}): string {
  try {
    read(preset, inputs, vars);
  } catch (err) {
    if (err instanceof UserError) return err.input;
    throw err;
  }
  throw new Error(`no error for ${JSON.stringify(inputs)} ${JSON.stringify(vars)}`);
}

describe('gitleaks-scan config: defaults per runner', () => {
  it('reads every input of the spec, and nothing else (verify-* only when verify is on)', () => {
    const { r } = read('github', { verify: 'true' });
    const specNames = gitleaksScanSpec.inputs.map((i) => i.name);
    expect(new Set(r.read)).toEqual(new Set(specNames));
  });

  it('report formats come from the runner when none is given', () => {
    expect(read('github').cfg.formats).toEqual(['sarif', 'json']);
    expect(read('gitlab').cfg.formats).toEqual(['gitlab']);
    expect(read('local').cfg.formats).toEqual(['text']);
    // a report path's suffix decides; '-' (the log) keeps the runner's
    expect(read('gitlab', { 'report-path': 'out/scan.sarif' }).cfg.formats).toEqual(['sarif']);
    expect(read('gitlab', { 'report-path': '-' }).cfg.formats).toEqual(['gitlab']);
    expect(read('local', { report: 'r.csv' }).cfg).toMatchObject({ formats: ['csv'], reportPath: 'r.csv' });
    expect(read('local', { format: 'junit,sarif' }).cfg.formats).toEqual(['junit', 'sarif']);
  });

  it('defaults: fail on any finding, redacted files, summary on, no comments, no artifact', () => {
    const { cfg } = read('github');
    expect(cfg).toMatchObject({
      failOnFindings: true,
      failOn: 'any',
      redact: true,
      filesRedacted: true,
      summary: true,
      comment: false,
      commentExplicit: false,
      uploadArtifact: false,
      uploadSarif: false,
      maxTargetMegabytes: 10,
      maxDecodeDepth: 5,
      enableRules: [],
      injected: false,
      noRules: false,
      dropIn: false,
      notify: [],
      token: '',
      pathDisplay: '.',
      reportPath: '',
    });
    expect(cfg.archive).toBeUndefined();
    expect(cfg.verify).toBeUndefined();
    expect(cfg.rules).toBeUndefined();
    expect(cfg.source).toEqual({ kind: 'plan', mode: 'auto', base: '', head: '' });
  });
});

describe('gitleaks-scan config: gitleaks-action variables', () => {
  const env = { GITLEAKS_ENABLE_SUMMARY: 'false', GITLEAKS_LICENSE: 'lic-key-not-needed' };

  it('a drop-in env block on a runner that passes one on turns on gitleaks-action defaults', () => {
    const { cfg, r } = read('github', {}, env);
    expect(cfg).toMatchObject({ dropIn: true, comment: true, uploadArtifact: true, summary: false });
    expect(r.log.join('\n')).toMatch(/gitleaks-action environment found \(GITLEAKS_ENABLE_SUMMARY, GITLEAKS_LICENSE\)/);
    expect(r.log.join('\n')).toMatch(/GITLEAKS_LICENSE is set but not needed/);
  });

  it('a runner without drop-in env keeps our defaults; a variable still answers an unset input', () => {
    const { cfg, r } = read('gitlab', {}, env);
    expect(cfg).toMatchObject({ dropIn: false, comment: false, uploadArtifact: false, summary: false });
    expect(r.log.join('\n')).not.toMatch(/gitleaks-action environment found/);
  });

  it('an input wins over its variable', () => {
    expect(read('github', { summary: 'true', comment: 'false' }, { ...env, GITLEAKS_ENABLE_COMMENTS: 'true' }).cfg).toMatchObject({
      summary: true,
      comment: false,
      commentExplicit: false,
    });
    expect(read('github', { comment: 'true' }).cfg).toMatchObject({ comment: true, commentExplicit: true });
  });

  it('the token comes from github-token or GITHUB_TOKEN and is registered as a secret before anything else uses it', () => {
    const a = read('github', { 'github-token': ' ghs_inputtoken123456 ' });
    expect(a.cfg.token).toBe('ghs_inputtoken123456');
    expect(a.r.secrets).toEqual(['ghs_inputtoken123456']);
    const b = read('github', {}, { GITHUB_TOKEN: 'ghs_envtoken1234567' });
    expect(b.cfg.token).toBe('ghs_envtoken1234567');
    expect(b.r.secrets).toEqual(['ghs_envtoken1234567']);
  });

  it('notify and base: input, else the variable', () => {
    expect(read('github', {}, { GITLEAKS_NOTIFY_USER_LIST: '@octocat,@acme/security' }).cfg.notify).toEqual(['octocat', 'acme/security']);
    expect(read('github', { notify: 'dev' }, { GITLEAKS_NOTIFY_USER_LIST: '@octocat' }).cfg.notify).toEqual(['dev']);
    expect(read('gitlab', {}, { BASE_REF: 'main' }).cfg.source).toEqual({ kind: 'plan', mode: 'auto', base: 'main', head: '' });
  });

  it('GITLEAKS_CONFIG names a file (relative to the workspace); GITLEAKS_CONFIG_TOML is the TOML itself; the input wins', () => {
    const d = dirs();
    writeFileSync(join(d.workspace, 'rules.toml'), 'title = "x"\n');
    writeFileSync(join(d.workspace, 'other.toml'), 'title = "y"\n');
    const cfgOf = (inputs: Record<string, string>, vars: Record<string, string>): Config => readConfig(new FakeRunner('gitlab', { ...d, inputs, vars }));
    expect(cfgOf({}, { GITLEAKS_CONFIG: 'rules.toml' }).rules).toEqual({ configPath: join(d.workspace, 'rules.toml'), from: 'rules.toml' });
    expect(cfgOf({ config: 'other.toml' }, { GITLEAKS_CONFIG: 'rules.toml' }).rules).toEqual({
      configPath: join(d.workspace, 'other.toml'),
      from: 'other.toml',
    });
    expect(cfgOf({}, { GITLEAKS_CONFIG_TOML: 'title = "z"' }).rules).toEqual({ configText: 'title = "z"', from: 'GITLEAKS_CONFIG_TOML' });
  });
});

describe('gitleaks-scan config: values', () => {
  it('redact: true, false or a percentage (files 0600 unless nothing of a secret is left)', () => {
    expect(read('github', { redact: 'false' }).cfg).toMatchObject({ redact: false, filesRedacted: false, redactRaw: 'false' });
    expect(read('github', { redact: '50' }).cfg).toMatchObject({ redact: true, redactPercent: 50, filesRedacted: false });
    expect(read('github', { redact: '100' }).cfg).toMatchObject({ redact: true, redactPercent: 100, filesRedacted: true });
  });

  it('the source: history, staged, stdin, a range, scan-mode', () => {
    expect(read('local', { history: 'true' }).cfg.source).toEqual({ kind: 'plan', mode: 'history', base: '', head: '' });
    expect(read('local', { staged: 'true' }).cfg.source).toEqual({ kind: 'staged' });
    expect(read('local', { stdin: 'true' }).cfg.source).toEqual({ kind: 'stdin' });
    expect(read('local', { range: 'v1..v2' }).cfg.source).toEqual({ kind: 'plan', mode: 'diff', base: 'v1', head: 'v2' });
    expect(read('local', { range: 'v1..' }).cfg.source).toEqual({ kind: 'plan', mode: 'diff', base: 'v1', head: 'HEAD' });
    expect(read('github', { 'scan-mode': 'tree', head: 'abc' }).cfg.source).toEqual({ kind: 'plan', mode: 'tree', base: '', head: 'abc' });
    expect(read('github', { 'scan-mode': 'None', injected: 'true' }).cfg).toMatchObject({ source: { kind: 'none' }, noRules: true, injected: true });
  });

  it('archives, verify, rules and limits', () => {
    const { cfg } = read('github', {
      'max-archive-depth': '2',
      'max-target-megabytes': '3',
      verify: 'true',
      'verify-timeout': '7',
      'verify-endpoints': 'github=https://ghe.example/api/v3',
      'fail-on': 'live',
      'enable-rule': 'aws-access-token\ngithub-pat',
      'ignore-gitleaks-allow': 'true',
      'max-decode-depth': '0',
    });
    expect(cfg.archive).toMatchObject({ maxDepth: 2, maxEntryBytes: 3 * 1048576 });
    expect(cfg.verify?.timeoutMs).toBe(7000);
    expect(cfg.verify?.endpoints.github).toBe('https://ghe.example/api/v3');
    expect(cfg).toMatchObject({ failOn: 'live', enableRules: ['aws-access-token', 'github-pat'], ignoreGitleaksAllow: true, maxDecodeDepth: 0 });
  });

  it('verify-timeout and verify-endpoints are read only when verify is on', () => {
    expect(read('github', { 'verify-timeout': 'soon', 'verify-endpoints': 'nope' }).cfg.verify).toBeUndefined();
  });
});

describe('gitleaks-scan config: every bad value names its input', () => {
  const cases: [Record<string, string>, string, Record<string, string>?][] = [
    [{ 'fail-on-findings': 'maybe' }, 'fail-on-findings'],
    [{ redact: 'some' }, 'redact'],
    [{ redact: '101' }, 'redact'],
    [{ 'max-target-megabytes': '1e3' }, 'max-target-megabytes'],
    [{ 'max-archive-depth': '17' }, 'max-archive-depth'],
    [{ 'write-ignore': 'y' }, 'write-ignore'],
    [{ 'prune-ignores': 'y' }, 'prune-ignores'],
    [{ verify: 'y' }, 'verify'],
    [{ 'fail-on': 'some' }, 'fail-on'],
    [{ 'fail-on': 'live' }, 'fail-on'],
    [{ 'upload-sarif': 'y' }, 'upload-sarif'],
    [{ 'report-format': 'html' }, 'report-format'],
    [{ format: 'html' }, 'format'],
    [{ path: 'no/such/dir' }, 'path'],
    [{ injected: 'y' }, 'injected'],
    [{ 'scan-mode': 'none' }, 'scan-mode'],
    [{ 'scan-mode': 'everything' }, 'scan-mode'],
    [{ history: 'y' }, 'history'],
    [{ staged: 'y' }, 'staged'],
    [{ stdin: 'y' }, 'stdin'],
    [{ history: 'true', staged: 'true' }, 'range'],
    [{ range: 'main' }, 'range'],
    [{ range: 'a...b' }, 'range'],
    [{ config: 'missing.toml' }, 'config'],
    [{}, 'config', { GITLEAKS_CONFIG: 'missing.toml' }],
    [{ 'max-decode-depth': '17' }, 'max-decode-depth'],
    [{ 'ignore-gitleaks-allow': 'y' }, 'ignore-gitleaks-allow'],
    [{ verify: 'true', 'verify-endpoints': 'github=ftp://x' }, 'verify-endpoints'],
    [{ verify: 'true', 'verify-timeout': '0' }, 'verify-timeout'],
    [{ notify: 'not a user!' }, 'notify'],
    [{}, 'GITLEAKS_NOTIFY_USER_LIST', { GITLEAKS_NOTIFY_USER_LIST: 'x y!' }],
    [{ comment: 'y' }, 'comment'],
    [{}, 'GITLEAKS_ENABLE_COMMENTS', { GITLEAKS_ENABLE_COMMENTS: 'y' }],
    [{ summary: 'y' }, 'summary'],
    [{}, 'GITLEAKS_ENABLE_SUMMARY', { GITLEAKS_ENABLE_SUMMARY: 'y' }],
    [{ 'upload-artifact': 'y' }, 'upload-artifact'],
    [{}, 'GITLEAKS_ENABLE_UPLOAD_ARTIFACT', { GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'y' }],
  ];
  for (const [inputs, name, vars] of cases) {
    it(`${JSON.stringify({ ...inputs, ...vars })} -> ${name}`, () => {
      for (const preset of ['github', 'gitlab', 'local'] as const) expect(blamed(preset, inputs, vars)).toBe(name);
    });
  }

  it('an error never carries the token', () => {
    try {
      read('github', { 'github-token': 'ghs_secretvalue123456', 'fail-on': 'sometimes' });
    } catch (err) {
      expect(String(err)).not.toContain('ghs_secretvalue123456');
      return;
    }
    throw new Error('no error');
  });
});
