/**
 * gitleaks-scan uploads the redacted SARIF as the workflow artifact gitleaks-results.sarif
 * itself, like gitleaks-action (upload-artifact / GITLEAKS_ENABLE_UPLOAD_ARTIFACT), through
 * dist/ against a loopback imitation of GitHub's results service and the blob storage behind
 * its signed URL. The artifact is a by-product: when it cannot be uploaded the step warns and
 * the scan's verdict stands.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runStep, type StepRun } from '../runner/github.js';
import { commit, eventFile, fakeSecret, git, newRepo, readIf, tmp } from './scan-helpers.js';
import { validateSarif } from './scan-schemas.js';
import { ArtifactService, unzip } from '../servers/artifact-service.js';

let svc: ArtifactService;
beforeEach(async () => {
  svc = await new ArtifactService().start();
});
afterEach(async () => {
  await svc.close();
});

const warnings = (run: StepRun) => run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

/** A repository whose last commit leaks `secret` (or nothing), scanned on push. */
function leakyRepo(name: string, secret?: string): { root: string; event: unknown } {
  const { root, first } = newRepo(name);
  const after = commit(root, 'change', secret ? { 'config/app.env': `A=1\nTOKEN=${secret}\n` } : { 'docs/notes.md': 'nothing to see\n' });
  return { root, event: { ref: 'refs/heads/main', before: first, after, repository: { default_branch: 'main' } } };
}

async function scan(
  root: string,
  event: unknown,
  secrets: readonly string[],
  opts: { inputs?: Record<string, string>; env?: Record<string, string | undefined>; node?: 'current' | '24'; debug?: boolean } = {},
): Promise<StepRun> {
  return runStep({
    action: 'gitleaks-scan',
    cwd: root,
    inputs: opts.inputs ?? {},
    secrets: [...secrets, svc.token, svc.sig],
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(tmp('event'), event), GITHUB_SHA: git(root, 'rev-parse', 'HEAD'), ...(opts.env ?? {}) },
    ...(opts.node ? { node: opts.node } : {}),
    ...(opts.debug ? { debug: true } : {}),
    timeoutMs: 60000,
  });
}

/** No secret (the scanned one, the runtime token, the SAS signature) anywhere: log, summary, files, the uploaded zip. */
function assertClean(run: StepRun, secrets: readonly string[]): void {
  expect(run.leaks).toEqual([]);
  const uploaded = svc.artifacts.flatMap((a) => (a.bytes ? [a.bytes.toString('latin1'), ...[...unzip(a.bytes).values()].map((b) => b.toString('utf8'))] : []));
  const texts = [run.log.join('\n'), run.stderr, run.summary, readIf(run.outputs['artifact-path']), readIf(run.outputs['sarif-path']), ...uploaded];
  for (const s of [...secrets, svc.token, svc.sig]) for (const t of texts) expect(t.includes(s)).toBe(false);
  // stdout holds the token and the signature only in the runner's add-mask commands; the scanned secret never
  for (const s of secrets) expect(run.stdout.includes(s)).toBe(false);
}

describe('upload-artifact: the SARIF goes up as a workflow artifact', () => {
  it('uploads gitleaks-results.sarif (a zip holding the redacted results.sarif), sets artifact-id and artifact-url, keeps artifact-path, and the leak still fails the step', async () => {
    const secret = fakeSecret();
    const { root, event } = leakyRepo('art-ok', secret);
    const run = await scan(root, event, [secret], { inputs: { 'upload-artifact': 'true' }, env: svc.env(), debug: true });
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(svc.calls).toEqual(['CreateArtifact', 'PutBlock', 'PutBlockList', 'FinalizeArtifact']);
    const a = svc.byName('gitleaks-results.sarif');
    expect(a?.finalized).toBe(true);
    expect(a?.mimeType).toBe('application/zip');
    const members = unzip(a?.bytes ?? Buffer.alloc(0));
    expect([...members.keys()]).toEqual(['results.sarif']);
    const sarifText = members.get('results.sarif')?.toString('utf8') ?? '';
    expect(validateSarif(JSON.parse(sarifText))).toEqual([]);
    expect(sarifText).toContain('config/app.env');
    expect(sarifText).toContain('test-live-token');
    // the same bytes as the file behind artifact-path (actions/upload-artifact users keep working)
    expect(readFileSync(run.outputs['artifact-path'] ?? '', 'utf8')).toBe(sarifText);
    expect(run.outputs['artifact-path']).toMatch(/results\.sarif$/);
    expect(run.outputs['artifact-id']).toBe(String(a?.id));
    expect(run.outputs['artifact-url']).toBe(`https://github.com/octo-org/octo-repo/actions/runs/4242/artifacts/${a?.id}`);
    expect(run.summary).toContain(`The redacted SARIF is the artifact [gitleaks-results.sarif](${run.outputs['artifact-url']}).`);
    expect(run.stdout).toContain(`upload-artifact: uploaded the redacted SARIF as the artifact gitleaks-results.sarif (id ${a?.id}`);
    expect(warnings(run)).toEqual([]);
    // the runtime token and the signature of the upload URL are masked before anything could print them
    expect(run.masks).toContain(svc.token);
    expect(run.masks).toContain(svc.sig);
    assertClean(run, [secret]);
  });

  it('a gitleaks-action env block (GITLEAKS_ENABLE_UPLOAD_ARTIFACT=true) uploads it too, also when nothing leaked (Node 20)', async () => {
    const { root, event } = leakyRepo('art-dropin');
    const run = await scan(root, event, [], { env: { ...svc.env(), GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'true' }, node: 'current' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gitleaks-action environment found (GITLEAKS_ENABLE_UPLOAD_ARTIFACT)');
    const a = svc.byName('gitleaks-results.sarif');
    expect(a?.finalized).toBe(true);
    const sarif = JSON.parse(
      unzip(a?.bytes ?? Buffer.alloc(0))
        .get('results.sarif')
        ?.toString('utf8') ?? '{}',
    ) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toEqual([]);
    expect(run.outputs['artifact-id']).toBe(String(a?.id));
    assertClean(run, []);

    // GITLEAKS_ENABLE_UPLOAD_ARTIFACT=false, or the input false over the variable: no upload
    const off = await scan(root, event, [], { env: { ...svc.env(), GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'false' } });
    const input = await scan(root, event, [], { inputs: { 'upload-artifact': 'false' }, env: { ...svc.env(), GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'true' } });
    for (const r of [off, input]) {
      expect(r.code).toBe(0);
      expect(r.outputs['artifact-path']).toBeUndefined();
      assertClean(r, []);
    }
    expect(svc.artifacts).toHaveLength(1);
  });
});

describe('upload-artifact: failures warn and never change the verdict', () => {
  it('the service refuses (the name already exists in the run, as for a second step or a matrix job): a warning naming CreateArtifact, the leak still fails the step, artifact-path is there', async () => {
    const secret = fakeSecret();
    const { root, event } = leakyRepo('art-conflict', secret);
    const first = await scan(root, event, [secret], { inputs: { 'upload-artifact': 'true' }, env: svc.env() });
    expect(first.outputs['artifact-id']).toBeDefined();
    const again = await scan(root, event, [secret], { inputs: { 'upload-artifact': 'true' }, env: svc.env() });
    expect(again.code).toBe(1);
    expect(again.outputs['findings']).toBe('1');
    expect(again.outputs['artifact-id']).toBeUndefined();
    expect(readIf(again.outputs['artifact-path'])).toContain('test-live-token');
    const w = warnings(again).find((m) => m.startsWith('upload-artifact:')) ?? '';
    expect(w).toMatch(/the artifact gitleaks-results\.sarif was not uploaded: .*CreateArtifact.*409.*already exists/);
    expect(w).toContain('The scan result stands');
    expect(again.summary).toContain('not uploaded');
    expect(again.stdout).toMatch(/::error::1 finding/);
    assertClean(again, [secret]);
  });

  it('blob storage rejects the upload (403 AuthenticationFailed, not retried) and a clean scan still passes; a transient 503 from the service is retried and the upload succeeds', async () => {
    const { root, event } = leakyRepo('art-blob');
    svc.faults.blob = { status: 403, code: 'AuthenticationFailed' };
    const run = await scan(root, event, [], { inputs: { 'upload-artifact': 'true' }, env: svc.env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no leaks found');
    expect(warnings(run).find((m) => m.startsWith('upload-artifact:'))).toMatch(
      /was not uploaded: the upload to blob storage failed \(HTTP 403 AuthenticationFailed\): Server failed to authenticate/,
    );
    expect(run.outputs['artifact-id']).toBeUndefined();
    expect(svc.calls).not.toContain('FinalizeArtifact');
    assertClean(run, []);

    // the client retries 5xx on its own (its first pause is 3 s)
    const retry = new ArtifactService();
    await svc.close();
    svc = await retry.start();
    svc.faults.create = { status: 503, code: 'unavailable', times: 1 };
    const ok = await scan(root, event, [], { inputs: { 'upload-artifact': 'true' }, env: svc.env() });
    expect(ok.code).toBe(0);
    expect(svc.calls.filter((c) => c === 'CreateArtifact')).toHaveLength(2);
    expect(ok.outputs['artifact-id']).toBe(String(svc.byName('gitleaks-results.sarif')?.id));
    expect(warnings(ok)).toEqual([]);
    assertClean(ok, []);
  }, 30000);

  it('no artifact service (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL missing, or GitHub Enterprise Server): a warning saying which, nothing sent, the verdict unchanged', async () => {
    const secret = fakeSecret();
    const { root, event } = leakyRepo('art-missing', secret);
    const none = await scan(root, event, [secret], { inputs: { 'upload-artifact': 'true' } });
    expect(none.code).toBe(1);
    expect(none.outputs['findings']).toBe('1');
    expect(warnings(none).find((m) => m.startsWith('upload-artifact:'))).toMatch(/ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/);
    expect(none.stderr).toBe('');
    expect(readIf(none.outputs['artifact-path'])).toContain('test-live-token');
    const half = await scan(root, event, [secret], { inputs: { 'upload-artifact': 'true' }, env: { ACTIONS_RUNTIME_TOKEN: svc.token } });
    expect(warnings(half).find((m) => m.startsWith('upload-artifact:'))).toMatch(/ACTIONS_RESULTS_URL is not set/);
    expect(half.code).toBe(1);
    const ghes = await scan(root, event, [secret], {
      inputs: { 'upload-artifact': 'true' },
      env: { ...svc.env(), GITHUB_SERVER_URL: 'https://ghe.example.test' },
    });
    expect(warnings(ghes).find((m) => m.startsWith('upload-artifact:'))).toMatch(/GitHub Enterprise Server.*actions\/upload-artifact@v3/);
    expect(ghes.code).toBe(1);
    expect(svc.calls).toEqual([]);
    for (const r of [none, half, ghes]) assertClean(r, [secret]);
  });
});
