import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StepFailed } from '../../../../src/core/errors.js';
import { readConfig } from '../../../../src/actions/gitleaks-scan/config.js';
import { run } from '../../../../src/actions/gitleaks-scan/run.js';
import { FakeRunner, type FakeOptions, type Preset } from '../../helpers/fake-runner.js';

// a token the built-in rules find after `token =` (built at run time: no secret in the source)
const SECRET = ['ghp', 'Xq7Lm2Vb9Nc4Rt8Wy3Kp6Hd1Jf5Gs0Az2Ue9Tb'].join('_');

function setup(preset: Preset, inputs: Record<string, string> = {}, extra: Partial<FakeOptions> = {}): FakeRunner {
  const root = mkdtempSync(join(tmpdir(), 'ps-gls-run-'));
  const workspace = join(root, 'ws');
  const temp = join(root, 'tmp');
  mkdirSync(workspace);
  mkdirSync(temp);
  writeFileSync(join(workspace, 'app.js'), `const a = 1;\nconst token = "${SECRET}";\n`);
  return new FakeRunner(preset, { workspace, temp, inputs: { 'scan-mode': 'tree', ...inputs }, ...extra });
}

async function scan(r: FakeRunner): Promise<StepFailed | undefined> {
  try {
    await run(readConfig(r), r);
    return undefined;
  } catch (err) {
    if (err instanceof StepFailed) return err;
    throw err;
  }
}

/** Everything the action handed to the runner, but report files. */
function said(r: FakeRunner): string {
  return [
    ...r.log,
    ...r.annotated.map((a) => a.message),
    ...r.summaries,
    ...r.printed,
    ...(r.forge?.comments.flatMap((c) => c.comments.map((x) => x.body)) ?? []),
  ].join('\n');
}

describe('gitleaks-scan run, GitHub-like runner (native annotations, step summary, forge)', () => {
  it('writes SARIF and JSON to the temp dir, annotates, summarises and fails naming the annotations and the summary', async () => {
    const r = setup('github');
    const failed = await scan(r);
    expect(failed?.message).toMatch(/^1 finding: leaked secret in the files under .* \(see the annotations and the job summary\)$/);
    expect(r.outputs.get('findings')).toBe('1');
    const sarif = r.outputs.get('sarif-path') ?? '';
    const json = r.outputs.get('json-path') ?? '';
    expect(sarif.startsWith(r.tempDir())).toBe(true);
    expect(json.startsWith(r.tempDir())).toBe(true);
    expect(readFileSync(json, 'utf8')).toContain('app.js');
    expect(r.annotated).toEqual([expect.objectContaining({ level: 'error', props: expect.objectContaining({ file: 'app.js', line: 2 }) })]);
    expect(r.summaries).toHaveLength(1);
    expect(r.log.some((l) => l.startsWith('app.js:2'))).toBe(true);
    for (const f of [sarif, json]) expect(readFileSync(f, 'utf8')).not.toContain(SECRET);
    expect(said(r)).not.toContain(SECRET);
  });

  it('summary: false drops the step summary', async () => {
    const r = setup('github', { summary: 'false' });
    await scan(r);
    expect(r.summaries).toHaveLength(0);
  });

  it('upload-sarif sends the redacted SARIF through the forge with the token', async () => {
    const r = setup('github', { 'upload-sarif': 'true', 'github-token': 'ghs_forgetoken0123456789' });
    await scan(r);
    expect(r.forge?.sarifs).toHaveLength(1);
    expect(r.forge?.sarifs[0]?.token).toBe('ghs_forgetoken0123456789');
    expect(r.forge?.sarifs[0]?.sarif).not.toContain(SECRET);
    expect(r.log).toContain('upload-sarif: sent to code scanning (id sarif-1)');
  });

  it('comment posts one redacted review comment per finding on a pull request, and skips fork pull requests', async () => {
    const r = setup('github', { comment: 'true', 'github-token': 'ghs_forgetoken0123456789', notify: '@octocat' }, { context: { eventName: 'pull_request' } });
    if (!r.forge) throw new Error('no forge');
    r.forge.pr = { number: 7, headSha: 'b'.repeat(40), fork: false };
    await scan(r);
    expect(r.forge.comments).toHaveLength(1);
    const [posted] = r.forge.comments[0]?.comments ?? [];
    expect(posted).toMatchObject({ path: 'app.js', line: 2, key: expect.stringMatching(/^app\.js:2:/) });
    expect(posted?.body).toMatch(/CC @octocat/);
    expect(posted?.body.endsWith(posted.marker)).toBe(true);
    expect(said(r)).not.toContain(SECRET);

    const fork = setup('github', { comment: 'true', 'github-token': 'ghs_forgetoken0123456789' }, { context: { eventName: 'pull_request' } });
    if (!fork.forge) throw new Error('no forge');
    fork.forge.pr = { number: 8, headSha: 'c'.repeat(40), fork: true };
    await scan(fork);
    expect(fork.forge.comments).toHaveLength(0);
    expect(fork.annotated.some((a) => a.level === 'notice' && /from a fork/.test(a.message))).toBe(true);
  });

  it('comment: true on an event that is not a pull request says so and posts nothing', async () => {
    const r = setup('github', { comment: 'true' });
    await scan(r);
    expect(r.forge?.comments).toHaveLength(0);
    expect(r.log).toContain('comment: not a pull request event, so no review comments (the annotations and the summary have the findings)');
  });
});

describe('gitleaks-scan run, GitLab-like runner (log annotations, no summary, no forge)', () => {
  it('writes the GitLab report to the workspace, annotates as log lines, and points to the report', async () => {
    const r = setup('gitlab', { 'upload-sarif': 'true', 'upload-artifact': 'true' });
    const failed = await scan(r);
    expect(failed?.message).toMatch(/\(see the report\)$/);
    const report = r.outputs.get('gitlab-path') ?? '';
    expect(report.startsWith(r.workspace())).toBe(true);
    expect(r.annotated).toHaveLength(1);
    expect(r.summaries).toHaveLength(0);
    // no forge: upload-sarif is a note; the artifact is a file with the runner's hint
    expect(r.log).toContain(
      `upload-artifact: the redacted SARIF is at ${r.outputs.get('artifact-path')} (output artifact-path); list it under artifacts: to keep it`,
    );
    expect(existsSync(r.outputs.get('artifact-path') ?? '')).toBe(true);
    expect(said(r)).not.toContain(SECRET);
  });

  it('a report sent to the job log (report-path: -) is fully redacted even with redact: false', async () => {
    const r = setup('gitlab', { 'report-path': '-', 'report-format': 'json', redact: 'false' });
    await scan(r);
    expect(r.log.some((l) => l.includes('"RuleID"'))).toBe(true);
    expect(said(r)).not.toContain(SECRET);
  });

  it('a summary file given to the runner gets the summary', async () => {
    const r = setup('gitlab', {}, { summaryFile: true });
    await scan(r);
    expect(r.summaries).toHaveLength(1);
  });
});

describe('gitleaks-scan run, local runner (no annotations, a terminal)', () => {
  it('prints the text report to the terminal, without annotations or repeated finding lines', async () => {
    const r = setup('local', { 'fail-on-findings': 'false', 'upload-artifact': 'true' });
    expect(await scan(r)).toBeUndefined();
    expect(r.printed).toHaveLength(1);
    expect(r.printed[0]).toContain('app.js');
    expect(r.annotated).toHaveLength(0);
    expect(r.log.some((l) => l.startsWith('app.js:2'))).toBe(false);
    expect(r.log).toContain(`upload-artifact: the redacted SARIF is at ${r.outputs.get('artifact-path')}`);
    expect(r.log.some((l) => /^warning: 1 finding: .*fail-on-findings is false, so the step passes$/.test(l))).toBe(true);
    expect(said(r)).not.toContain(SECRET);
  });

  it('a report path writes a file instead (relative to the workspace)', async () => {
    const r = setup('local', { report: 'out.json' });
    await scan(r);
    expect(r.printed).toHaveLength(0);
    expect(r.outputs.get('json-path')).toBe(join(r.workspace(), 'out.json'));
    expect(r.log.some((l) => l.startsWith('app.js:2'))).toBe(true);
  });

  it('stdin is read from the runner; a runner without one is refused naming the input', async () => {
    const r = setup('local', { stdin: 'true' });
    Object.assign(r, { stdin: () => [Buffer.from(`const token = "${SECRET}";\n`)] });
    await scan(r);
    expect(r.outputs.get('findings')).toBe('1');
    await expect(scan(setup('local', { stdin: 'true' }))).rejects.toThrow(/input "stdin"/);
  });
});
