/**
 * gitleaks-scan, part two, through dist/ on real git repositories: gitleaks-action's env block
 * kept unchanged, force-pushes with an unreachable base, BASE = HEAD, pull_request_target read
 * as git objects, workflow_dispatch, fork pull requests, and the SARIF sent to code scanning.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepRun } from '../runner/github.js';
import { commit, fakeSecret, fakeToken, git, newRepo, readIf, scanStep as scan, testConfig, tmp } from './scan-helpers.js';
import { validateSarif } from './scan-schemas.js';
import { listen, readBody, sendJson } from '../servers/http.js';
import { CodeScanningApi } from '../servers/github-code-scanning.js';
import { ArtifactService, unzip } from '../servers/artifact-service.js';

const errors = (run: StepRun) => run.annotations.filter((a) => a.level === 'error' && a.props['file']);

function assertRedacted(run: StepRun, secrets: readonly string[], files: readonly string[] = []): void {
  expect(run.leaks).toEqual([]);
  const texts = [
    run.stdout,
    run.stderr,
    run.summary,
    ...['sarif-path', 'json-path', 'artifact-path', 'csv-path', 'junit-path'].map((k) => readIf(run.outputs[k])),
    ...files.map((f) => readIf(f)),
  ];
  for (const s of secrets) for (const t of texts) expect(t.includes(s)).toBe(false);
}

async function commentApi() {
  const posted: { path: string; line: number; body: string }[] = [];
  const api = await listen(async (req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/repos/octo-org/octo-repo/pulls/7/comments'))
      return sendJson(
        res,
        200,
        posted.map((p, i) => ({ id: i, body: p.body })),
      );
    if (req.method === 'POST' && req.url === '/repos/octo-org/octo-repo/pulls/7/comments') {
      posted.push(JSON.parse(await readBody(req)) as (typeof posted)[number]);
      return sendJson(res, 201, { id: posted.length });
    }
    return sendJson(res, 404, { message: 'Not Found' });
  });
  return { api, posted };
}

describe('a gitleaks-action user switches uses: and keeps the env: block', () => {
  it('honours GITLEAKS_CONFIG, comments with GITLEAKS_NOTIFY_USER_LIST, uploads the SARIF artifact, and says the licence and version are not needed', async () => {
    const { root } = newRepo('dropin', '# no rules here: GITLEAKS_CONFIG points elsewhere\n');
    commit(root, 'custom config', { '.github/custom-gitleaks.toml': testConfig() });
    const base = git(root, 'rev-parse', 'HEAD');
    git(root, 'checkout', '-q', '-b', 'topic');
    const secret = fakeSecret();
    commit(root, 'leak', { 'app/settings.env': `A=1\nTOKEN=${secret}\n` });
    const head = git(root, 'rev-parse', 'HEAD');
    const token = fakeToken(['gh', 's_'], 36);
    const license = fakeToken(['LIC', '-'], 30);
    const { api, posted } = await commentApi();
    const artifacts = await new ArtifactService().start();
    try {
      const event = {
        pull_request: {
          number: 7,
          base: { sha: base, repo: { full_name: 'octo-org/octo-repo' } },
          head: { sha: head, repo: { full_name: 'octo-org/octo-repo' } },
        },
      };
      // gitleaks-action's documented env block, unchanged
      const env = {
        GITHUB_TOKEN: token,
        GITLEAKS_LICENSE: license,
        GITLEAKS_NOTIFY_USER_LIST: '@octocat,@octo-org/security',
        GITLEAKS_ENABLE_COMMENTS: 'true',
        GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'true',
        GITLEAKS_ENABLE_SUMMARY: 'true',
        GITLEAKS_CONFIG: '.github/custom-gitleaks.toml',
        GITLEAKS_VERSION: '8.24.3',
        GITHUB_API_URL: api.url,
        // what the runner gives every action for the artifact service
        ...artifacts.env(),
      };
      const run = await scan(root, 'pull_request', event, [secret, token, license, artifacts.token], {}, { env });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('rules: 1 from .github/custom-gitleaks.toml');
      expect(run.stdout).toContain('GITLEAKS_LICENSE is set but not needed');
      expect(run.stdout).toContain('GITLEAKS_VERSION is set but not needed');
      expect(posted).toHaveLength(1);
      expect(posted[0]?.body).toContain('CC @octocat @octo-org/security');
      expect(posted[0]?.body.includes(secret)).toBe(false);
      // uploaded like gitleaks-action does: the artifact gitleaks-results.sarif holding results.sarif
      const uploaded = artifacts.byName('gitleaks-results.sarif');
      expect(run.outputs['artifact-id']).toBe(String(uploaded?.id));
      const sarif =
        unzip(uploaded?.bytes ?? Buffer.alloc(0))
          .get('results.sarif')
          ?.toString('utf8') ?? '';
      expect(validateSarif(JSON.parse(sarif))).toEqual([]);
      expect(sarif.includes(secret)).toBe(false);
      const artifact = run.outputs['artifact-path'] ?? '';
      expect(artifact.endsWith('results.sarif')).toBe(true);
      expect(readFileSync(artifact, 'utf8')).toBe(sarif);
      expect(run.summary).toContain('1 leaked secret found');
      assertRedacted(run, [secret, license]);

      // GITLEAKS_ENABLE_SUMMARY=false drops the summary; an input set wins over the variable
      const quiet = await scan(
        root,
        'pull_request',
        event,
        [secret, token, artifacts.token],
        {},
        { env: { ...env, GITLEAKS_ENABLE_SUMMARY: 'false', GITLEAKS_ENABLE_COMMENTS: 'false', GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'false' } },
      );
      expect(quiet.summary).toBe('');
      expect(posted).toHaveLength(1);
      const loud = await scan(
        root,
        'pull_request',
        event,
        [secret, token, artifacts.token],
        { summary: 'true' },
        { env: { ...env, GITLEAKS_ENABLE_SUMMARY: 'false', GITLEAKS_ENABLE_COMMENTS: 'false', GITLEAKS_ENABLE_UPLOAD_ARTIFACT: 'false' } },
      );
      expect(loud.summary).toContain('1 leaked secret found');
      for (const r of [quiet, loud]) expect(r.leaks).toEqual([]);
      expect(artifacts.artifacts).toHaveLength(1);
    } finally {
      await api.close();
      await artifacts.close();
    }
  });

  it('BASE_REF overrides the base of the range (a branch name is fetched or resolved)', async () => {
    const { root, first } = newRepo('baseref');
    const old = fakeSecret();
    commit(root, 'old', { 'old.txt': `${old}\n` });
    const mid = git(root, 'rev-parse', 'HEAD');
    const fresh = fakeSecret();
    commit(root, 'new', { 'new.txt': `${fresh}\n` });
    const after = git(root, 'rev-parse', 'HEAD');
    const run = await scan(
      root,
      'push',
      { ref: 'refs/heads/main', before: first, after, repository: { default_branch: 'main' } },
      [old, fresh],
      {},
      { env: { BASE_REF: mid } },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(errors(run)[0]?.props['file']).toBe('new.txt');
  });
});

describe('every event, every range', () => {
  it('a force-push whose before is unreachable scans from the merge base with the default branch, and says so in the summary', async () => {
    const origin = newRepo('fp-origin');
    const old = fakeSecret();
    commit(origin.root, 'old leak on main', { 'legacy.env': `K=${old}\n` });
    git(origin.root, 'checkout', '-q', '-b', 'feature');
    const fresh = fakeSecret();
    commit(origin.root, 'rewritten work', { 'feat.env': `T=${fresh}\n` });
    const after = git(origin.root, 'rev-parse', 'HEAD');
    const work = tmp('fp-clone');
    git(work, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${origin.root}`, 'repo');
    const root = join(work, 'repo');
    const gone = 'f'.repeat(40);
    const run = await scan(root, 'push', { ref: 'refs/heads/feature', before: gone, after, forced: true, repository: { default_branch: 'main' } }, [
      old,
      fresh,
    ]);
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(errors(run)[0]?.props['file']).toBe('feat.env');
    expect(run.summary).toMatch(/base commit ffffffffffff is unreachable .*force-push.*merge base with it/);
    // the same on the default branch itself: nothing to diff against, so the whole history
    const onMain = newRepo('fp-main');
    const s = fakeSecret();
    commit(onMain.root, 'leak', { 'x.txt': `${s}\n` });
    const main = await scan(
      onMain.root,
      'push',
      { ref: 'refs/heads/main', before: gone, after: git(onMain.root, 'rev-parse', 'HEAD'), forced: true, repository: { default_branch: 'main' } },
      [s],
    );
    expect(main.code).toBe(1);
    expect(main.summary).toMatch(/unreachable .*scanning the whole history/);
  });

  it('BASE equal to HEAD scans nothing, says so and passes', async () => {
    const { root } = newRepo('same');
    const s = fakeSecret();
    commit(root, 'leak', { 'x.txt': `${s}\n` });
    const head = git(root, 'rev-parse', 'HEAD');
    const run = await scan(root, 'workflow_dispatch', {}, [s], { base: head, head });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to scan: base and head are the same commit');
    expect(run.summary).toContain('nothing to scan: base and head are the same commit');
    expect(run.outputs['findings']).toBe('0');
  });

  it('pull_request_target reads the head commits from refs/pull/N/head as git objects, never checking them out', async () => {
    const origin = newRepo('prt-origin');
    const base = git(origin.root, 'rev-parse', 'HEAD');
    git(origin.root, 'checkout', '-q', '-b', 'fork-work');
    const secret = fakeSecret();
    commit(origin.root, 'from a fork', { 'fork.env': `X=${secret}\n` });
    for (let i = 0; i < 3; i++) commit(origin.root, `fork ${i}`, { 'n.txt': `${i}\n` });
    const head = git(origin.root, 'rev-parse', 'HEAD');
    git(origin.root, 'update-ref', 'refs/pull/7/head', head);
    git(origin.root, 'checkout', '-q', 'main');
    git(origin.root, 'branch', '-q', '-D', 'fork-work');
    const work = tmp('prt-clone');
    git(work, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'main', `file://${origin.root}`, 'repo');
    const root = join(work, 'repo');
    const event = {
      number: 7,
      pull_request: { number: 7, base: { sha: base, repo: { full_name: 'octo-org/octo-repo' } }, head: { sha: head, repo: { full_name: 'someone/fork' } } },
    };
    const run = await scan(root, 'pull_request_target', event, [secret]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fetched the pull request head refs/pull/7/head');
    expect(run.stdout).toMatch(/4 commits/);
    expect(errors(run)[0]?.props['file']).toBe('fork.env');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(base);
    expect(existsSync(join(root, 'fork.env'))).toBe(false);
    assertRedacted(run, [secret]);
  });

  it('workflow_dispatch scans the whole history', async () => {
    const { root } = newRepo('dispatch');
    const s = fakeSecret();
    commit(root, 'leak', { 'gone.txt': `${s}\n` });
    commit(root, 'remove', { 'gone.txt': null });
    const run = await scan(root, 'workflow_dispatch', {}, [s], {}, { node: 'current' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the whole history');
  });

  it('a fork pull request with comment: true carries the findings and a note in the annotations and the summary', async () => {
    const { root } = newRepo('forkpr');
    const base = git(root, 'rev-parse', 'HEAD');
    const s = fakeSecret();
    commit(root, 'leak', { 'f.txt': `${s}\n` });
    const head = git(root, 'rev-parse', 'HEAD');
    const event = {
      pull_request: { number: 7, base: { sha: base, repo: { full_name: 'octo-org/octo-repo' } }, head: { sha: head, repo: { full_name: 'someone/fork' } } },
    };
    const run = await scan(root, 'pull_request', event, [s], { comment: 'true' });
    expect(run.code).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(run.summary).toContain('a pull request from a fork gets a read-only token');
    expect(run.summary).toContain('test-live-token');
  });
});

describe('upload-sarif: true', () => {
  it('sends the redacted SARIF gzipped and base64-encoded to code scanning; a token without security-events: write is a note', async () => {
    const { root, first } = newRepo('upload');
    const s = fakeSecret();
    commit(root, 'leak', { 'u.txt': `${s}\n` });
    const after = git(root, 'rev-parse', 'HEAD');
    const token = fakeToken(['gh', 's_'], 36);
    const weak = fakeToken(['gh', 's_'], 36);
    const api = await new CodeScanningApi({ token, repo: 'octo-org/octo-repo' }).start();
    api.readOnly.add(weak);
    try {
      const env = { GITHUB_API_URL: api.url, GITHUB_REF: 'refs/heads/main' };
      const event = { ref: 'refs/heads/main', before: first, after, repository: { default_branch: 'main' } };
      const run = await scan(root, 'push', event, [s, token], { 'upload-sarif': 'true', 'github-token': token }, { env });
      expect(run.code).toBe(1);
      expect(api.uploads).toHaveLength(1);
      const up = api.uploads[0];
      expect(up?.commit_sha).toBe(after);
      expect(up?.ref).toBe('refs/heads/main');
      expect(validateSarif(up?.sarif)).toEqual([]);
      expect(JSON.stringify(up?.sarif).includes(s)).toBe(false);
      expect(run.stdout).toContain('upload-sarif: sent to code scanning (id upload-1)');
      const denied = await scan(root, 'push', event, [s, weak], { 'upload-sarif': 'true', 'github-token': weak, 'fail-on-findings': 'false' }, { env });
      expect(denied.code).toBe(0);
      expect(denied.annotations.some((a) => a.level === 'notice' && /upload-sarif skipped: HTTP 403 .*security-events: write/.test(a.message))).toBe(true);
      expect(denied.summary).toContain('upload-sarif skipped');
      expect(api.uploads).toHaveLength(1);
    } finally {
      await api.stop();
    }
  });
});
