/**
 * gitleaks-scan end to end: dist/gitleaks-scan run as the GitHub runner runs it, on real git
 * repositories built here (push, pull request, merge queue, schedule, shallow clones, new
 * branches, hostile files), asserting annotations, summary, outputs, reports and redaction.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { commit, eventFile, fakeSecret, git, newRepo, readIf, testConfig, tmp, write } from './scan-helpers.js';
import { validateGitLab, validateSarif } from './scan-schemas.js';
import { listen, readBody, sendJson } from '../servers/http.js';
import { trySymlink } from '../runner/os.js';

const ZERO = '0'.repeat(40);

async function scan(
  root: string,
  eventName: string,
  event: unknown,
  secrets: readonly string[],
  inputs: Record<string, string> = {},
  extra: { node?: 'current' | '24'; env?: Record<string, string> } = {},
): Promise<StepRun> {
  const dir = tmp('event');
  let sha = 'a'.repeat(40);
  try {
    sha = git(root, 'rev-parse', 'HEAD');
  } catch {
    /* a plain directory */
  }
  return runStep({
    action: 'gitleaks-scan',
    cwd: root,
    inputs,
    secrets,
    env: { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(dir, event), GITHUB_SHA: sha, ...(extra.env ?? {}) },
    ...(extra.node ? { node: extra.node } : {}),
    timeoutMs: 60000,
  });
}

/** No raw secret anywhere: the runner's own leak check plus every report file. */
function assertRedacted(run: StepRun, secrets: readonly string[]): void {
  expect(run.leaks).toEqual([]);
  const files = ['sarif-path', 'json-path', 'gitlab-path'].map((k) => readIf(run.outputs[k]));
  for (const s of secrets) {
    for (const text of [run.stdout, run.stderr, run.summary, ...files]) expect(text.includes(s)).toBe(false);
  }
}

const errors = (run: StepRun) => run.annotations.filter((a) => a.level === 'error' && a.props['file']);

describe('gitleaks-scan on a push', () => {
  it('finds a secret added then removed in the pushed commits, annotates its line and fails', async () => {
    const { root, first } = newRepo('push');
    const secret = fakeSecret();
    const added = commit(root, 'add config', { 'config/app.env': `# settings\nDEBUG=1\nAPI_TOKEN=${secret}\n` });
    commit(root, 'remove the token', { 'config/app.env': '# settings\nDEBUG=1\n' });
    const after = git(root, 'rev-parse', 'HEAD');
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before: first, after, repository: { default_branch: 'main' } }, [secret]);
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    const [a] = errors(run);
    expect(a?.props['file']).toBe('config/app.env');
    expect(a?.props['line']).toBe('3');
    expect(a?.props['title']).toContain('test-live-token');
    expect(a?.message).toContain(added.slice(0, 12));
    expect(run.stdout).toMatch(/1 finding: leaked secret/);
    expect(run.summary).toContain('test-live-token');
    expect(run.summary).toContain(`${secret.slice(0, 4)}***`);
    expect(run.summary).toContain(added.slice(0, 7));
    // SARIF is valid and points at the line; gitleaks JSON has gitleaks' fields, redacted
    const sarif: unknown = JSON.parse(readFileSync(run.outputs['sarif-path'] ?? '', 'utf8'));
    expect(validateSarif(sarif)).toEqual([]);
    const sarifText = JSON.stringify(sarif);
    expect(sarifText).toContain('"startLine":3');
    const json = JSON.parse(readFileSync(run.outputs['json-path'] ?? '', 'utf8')) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    const f = json[0] ?? {};
    expect(Object.keys(f)).toEqual([
      'RuleID',
      'Description',
      'StartLine',
      'EndLine',
      'StartColumn',
      'EndColumn',
      'Match',
      'Secret',
      'File',
      'SymlinkFile',
      'Commit',
      'Link',
      'Entropy',
      'Author',
      'Email',
      'Date',
      'Message',
      'Tags',
      'Fingerprint',
      'IgnoreKey',
    ]);
    expect(f).toMatchObject({
      RuleID: 'test-live-token',
      File: 'config/app.env',
      StartLine: 3,
      Commit: added,
      Author: 'Test Author',
      Email: 'author@example.test',
      Message: 'add config',
      Secret: `${secret.slice(0, 4)}***`,
    });
    expect(f['Fingerprint']).toBe(`${added}:config/app.env:test-live-token:3`);
    expect(f['Link']).toBe(`https://github.com/octo-org/octo-repo/blob/${added}/config/app.env#L3`);
    assertRedacted(run, [secret]);
  });

  it('passes a clean push and reports zero findings', async () => {
    const { root, first } = newRepo('clean');
    commit(root, 'docs', { 'docs/a.md': 'nothing to see\n' });
    const run = await scan(
      root,
      'push',
      { ref: 'refs/heads/main', before: first, after: git(root, 'rev-parse', 'HEAD'), repository: { default_branch: 'main' } },
      [],
      {},
      { node: 'current' },
    );
    expect(run.code).toBe(0);
    expect(run.outputs['findings']).toBe('0');
    expect(run.summary).toContain('No leaked secrets');
    expect(validateSarif(JSON.parse(readFileSync(run.outputs['sarif-path'] ?? '', 'utf8')))).toEqual([]);
  });

  it('a new branch (before = 000…) is scanned against the default branch, not its whole history', async () => {
    const origin = newRepo('origin-nb');
    const old = fakeSecret();
    commit(origin.root, 'old leak on main', { 'legacy.env': `KEY=${old}\n` });
    git(origin.root, 'checkout', '-q', '-b', 'feature');
    const fresh = fakeSecret();
    commit(origin.root, 'feature work', { 'src/new.env': `X=1\nTOKEN=${fresh}\n` });
    const after = git(origin.root, 'rev-parse', 'HEAD');
    const work = tmp('clone-nb');
    git(work, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${origin.root}`, 'repo');
    const root = join(work, 'repo');
    const run = await scan(root, 'push', { ref: 'refs/heads/feature', before: ZERO, after, created: true, repository: { default_branch: 'main' } }, [
      old,
      fresh,
    ]);
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(errors(run)[0]?.props['file']).toBe('src/new.env');
    expect(run.stdout).toContain('fetched branch main');
    assertRedacted(run, [old, fresh]);
  });

  it('deepens a shallow clone to reach the range and still finds the secret', async () => {
    const origin = newRepo('origin-shallow');
    const secret = fakeSecret();
    const before = git(origin.root, 'rev-parse', 'HEAD');
    commit(origin.root, 'leak', { 'deep/secret.txt': `line one\n${secret}\n` });
    for (let i = 0; i < 70; i++) commit(origin.root, `work ${i}`, { [`w/${i % 5}.txt`]: `v${i}\n` });
    const after = git(origin.root, 'rev-parse', 'HEAD');
    const work = tmp('clone-shallow');
    git(work, 'clone', '-q', '--depth', '1', `file://${origin.root}`, 'repo');
    const root = join(work, 'repo');
    expect(git(root, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } }, [secret]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/shallow: deepened it by \d+ commits/);
    expect(run.stdout).toMatch(/71 commits/);
    expect(errors(run)[0]?.props).toMatchObject({ file: 'deep/secret.txt', line: '2' });
    assertRedacted(run, [secret]);
  });

  it('fails closed when a shallow clone cannot be deepened (never passes on a git error)', async () => {
    const origin = newRepo('origin-gone');
    const before = git(origin.root, 'rev-parse', 'HEAD');
    for (let i = 0; i < 5; i++) commit(origin.root, `c${i}`, { 'a.txt': `${i}\n` });
    const after = git(origin.root, 'rev-parse', 'HEAD');
    const work = tmp('clone-gone');
    git(work, 'clone', '-q', '--depth', '2', `file://${origin.root}`, 'repo');
    const root = join(work, 'repo');
    git(root, 'remote', 'set-url', 'origin', `file://${join(work, 'missing')}`);
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } }, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/could not be fetched|shallow/);
    expect(run.stdout).not.toContain('no leaks found');
    expect(run.outputs['findings']).toBeUndefined();
  });

  it('a deleted branch scans nothing and passes', async () => {
    const { root } = newRepo('deleted');
    const run = await scan(root, 'push', { ref: 'refs/heads/gone', before: git(root, 'rev-parse', 'HEAD'), after: ZERO }, []);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the push deleted the branch');
  });
});

describe('gitleaks-scan on pull requests, merge queues and schedules', () => {
  it('scans every commit of a pull request with more than 30 commits (no API page limit)', async () => {
    const { root } = newRepo('pr');
    const base = git(root, 'rev-parse', 'HEAD');
    git(root, 'checkout', '-q', '-b', 'topic');
    const early = fakeSecret();
    const late = fakeSecret();
    commit(root, 'pr commit 0', { 'early.txt': `${early}\n` });
    for (let i = 1; i < 34; i++) commit(root, `pr commit ${i}`, { 'n.txt': `${i}\n` });
    commit(root, 'pr commit last', { 'late.txt': `a\nb\n${late}\n` });
    const head = git(root, 'rev-parse', 'HEAD');
    git(root, 'checkout', '-q', 'main');
    const run = await scan(
      root,
      'pull_request',
      {
        pull_request: {
          number: 7,
          base: { sha: base, repo: { full_name: 'octo-org/octo-repo' } },
          head: { sha: head, repo: { full_name: 'octo-org/octo-repo' } },
        },
      },
      [early, late],
      {},
      { node: 'current' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('2');
    expect(run.stdout).toMatch(/35 commits/);
    expect(
      errors(run)
        .map((a) => `${a.props['file']}:${a.props['line']}`)
        .sort(),
    ).toEqual(['early.txt:1', 'late.txt:3']);
    assertRedacted(run, [early, late]);
  });

  it('merge_group scans base_sha..head_sha', async () => {
    const { root } = newRepo('mq');
    const base = git(root, 'rev-parse', 'HEAD');
    const secret = fakeSecret();
    commit(root, 'queued', { 'q.txt': `${secret}\n` });
    const run = await scan(root, 'merge_group', { merge_group: { base_sha: base, head_sha: git(root, 'rev-parse', 'HEAD') } }, [secret]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("merge queue group's commits");
    assertRedacted(run, [secret]);
  });

  it('a schedule scans the whole history; a baseline of the first report makes the second pass; a new leak fails again', async () => {
    const { root } = newRepo('sched');
    const s1 = fakeSecret();
    commit(root, 'one', { 'one.txt': `${s1}\n` });
    commit(root, 'gone', { 'one.txt': null });
    const first = await scan(root, 'schedule', {}, [s1]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('the whole history');
    const baseline = first.outputs['json-path'] ?? '';
    const again = await scan(root, 'schedule', {}, [s1], { baseline });
    expect(again.code).toBe(0);
    expect(again.summary).toContain('1 finding already in the baseline');
    const s2 = fakeSecret();
    commit(root, 'two', { 'two.txt': `${s2}\n` });
    const third = await scan(root, 'schedule', {}, [s1, s2], { baseline });
    expect(third.code).toBe(1);
    expect(third.outputs['findings']).toBe('1');
    expect(errors(third)[0]?.props['file']).toBe('two.txt');
    assertRedacted(third, [s1, s2]);
  });

  it('.gitleaksignore fingerprints (commit:file:rule:line) silence a finding', async () => {
    const { root, first } = newRepo('ignore');
    const secret = fakeSecret();
    const c = commit(root, 'fixture', { 'fixtures/key.txt': `${secret}\n` });
    commit(root, 'ignore it', { '.gitleaksignore': `# reviewed\n${c}:fixtures/key.txt:test-live-token:1\n` });
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before: first, after: git(root, 'rev-parse', 'HEAD') }, [secret]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain('1 finding ignored by .gitleaksignore');
  });

  it('annotates the first 10 findings and points to the summary for the rest; fail-on-findings false passes', async () => {
    const { root, first } = newRepo('many');
    const secrets = Array.from({ length: 12 }, () => fakeSecret());
    commit(root, 'many', { 'many.txt': secrets.map((s) => `k=${s}`).join('\n') + '\n' });
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before: first, after: git(root, 'rev-parse', 'HEAD') }, secrets, {
      'fail-on-findings': 'false',
      'report-format': 'sarif,json,gitlab',
    });
    expect(run.code).toBe(0);
    expect(run.outputs['findings']).toBe('12');
    expect(errors(run)).toHaveLength(10);
    expect(run.annotations.find((a) => a.level === 'notice')?.message).toMatch(/2 more findings not annotated/);
    expect(run.annotations.some((a) => a.level === 'warning' && /fail-on-findings is false/.test(a.message))).toBe(true);
    const gl: unknown = JSON.parse(readFileSync(run.outputs['gitlab-path'] ?? '', 'utf8'));
    expect(validateGitLab(gl)).toEqual([]);
    expect((gl as { vulnerabilities: unknown[] }).vulnerabilities).toHaveLength(12);
    assertRedacted(run, secrets);
  });
});

describe('gitleaks-scan pull request comments', () => {
  it('posts a redacted review comment on the line, skips one already there, and falls back to a notice when denied', async () => {
    const { root } = newRepo('comment');
    const base = git(root, 'rev-parse', 'HEAD');
    const secret = fakeSecret();
    commit(root, 'leak', { 'svc/cfg.yml': `a: 1\nkey: ${secret}\n` });
    const head = git(root, 'rev-parse', 'HEAD');
    const token = `ghs_${'t'.repeat(36)}`;
    const posted: { path: string; line: number; body: string; commit_id: string }[] = [];
    let deny = false;
    const auth: string[] = [];
    const api = await listen(async (req, res) => {
      auth.push(req.headers['authorization'] ?? '');
      if (req.method === 'GET' && req.url?.startsWith('/repos/octo-org/octo-repo/pulls/7/comments'))
        return sendJson(
          res,
          200,
          posted.map((p, i) => ({ id: i, body: p.body })),
        );
      if (req.method === 'POST' && req.url === '/repos/octo-org/octo-repo/pulls/7/comments') {
        if (deny) return sendJson(res, 403, { message: 'Resource not accessible by integration' });
        posted.push(JSON.parse(await readBody(req)) as (typeof posted)[number]);
        return sendJson(res, 201, { id: posted.length });
      }
      return sendJson(res, 404, { message: 'Not Found' });
    });
    try {
      const event = {
        pull_request: {
          number: 7,
          base: { sha: base, repo: { full_name: 'octo-org/octo-repo' } },
          head: { sha: head, repo: { full_name: 'octo-org/octo-repo' } },
        },
      };
      const env = { GITHUB_API_URL: api.url };
      const run = await scan(root, 'pull_request', event, [secret, token], { comment: 'true', 'github-token': token }, { env });
      expect(run.code).toBe(1);
      expect(posted).toHaveLength(1);
      expect(posted[0]).toMatchObject({ path: 'svc/cfg.yml', line: 2, commit_id: head });
      expect(posted[0]?.body).toContain(`${secret.slice(0, 4)}***`);
      expect(posted[0]?.body.includes(secret)).toBe(false);
      expect(auth.every((a) => a === `token ${token}` || a === `Bearer ${token}`)).toBe(true);
      expect(run.stdout).toContain('review comments: 1 posted');
      assertRedacted(run, [secret]); // the token: run.leaks (its add-mask line holds it by design)
      const again = await scan(root, 'pull_request', event, [secret, token], { comment: 'true', 'github-token': token }, { env });
      expect(posted).toHaveLength(1);
      expect(again.stdout).toContain('1 already there');
      posted.length = 0;
      deny = true;
      const denied = await scan(root, 'pull_request', event, [secret, token], { comment: 'true', 'github-token': token }, { env });
      expect(denied.code).toBe(1);
      expect(denied.annotations.some((a) => a.level === 'notice' && /review comments skipped/.test(a.message))).toBe(true);
      expect(errors(denied)).toHaveLength(1);
      const fork = { pull_request: { ...event.pull_request, head: { sha: head, repo: { full_name: 'someone/fork' } } } };
      const calls = auth.length;
      const forked = await scan(root, 'pull_request', fork, [secret, token], { comment: 'true', 'github-token': token }, { env });
      expect(auth.length).toBe(calls);
      expect(forked.annotations.some((a) => a.level === 'notice' && /fork/.test(a.message))).toBe(true);
    } finally {
      await api.close();
    }
  });
});

describe('gitleaks-scan on hostile trees', () => {
  it('finishes on a 50 MB line, a catastrophic user regex, a binary blob and a symlink out of the tree, and loses no other finding', async () => {
    const root = tmp('hostile');
    const outside = tmp('outside');
    const secret = fakeSecret();
    const hidden = fakeSecret();
    write(
      root,
      '.gitleaks.toml',
      testConfig(
        ['[[rules]]', 'id = "catastrophic"', 'description = "user rule with nested quantifiers"', "regex = '''(a+)+$'''", 'keywords = ["aaaa"]'].join('\n'),
      ),
    );
    write(root, 'big/one-line.min.js', Buffer.alloc(50 * 1024 * 1024, 'a'));
    write(root, 'blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(hidden)]));
    writeFileSync(join(outside, 'elsewhere.txt'), `${hidden}\n`);
    // Windows without the symlink privilege: no link, so that case is left out there
    const linked = trySymlink(join(outside, 'elsewhere.txt'), join(root, 'link.txt'));
    write(root, 'src/ok.env', `A=1\nB=${secret}\n`);
    write(root, 'src/latin1.txt', Buffer.concat([Buffer.from('caf\xe9 \xff\xfe ', 'latin1'), Buffer.from(`${secret}\n`)]));
    const t0 = Date.now();
    const run = await scan(root, 'workflow_dispatch', {}, [secret, hidden], { 'scan-mode': 'tree', 'max-target-megabytes': '100' });
    const elapsed = Date.now() - t0;
    expect(run.code).toBe(1);
    expect(
      errors(run)
        .map((a) => a.props['file'])
        .sort(),
    ).toEqual(['src/latin1.txt', 'src/ok.env']);
    expect(run.stdout).toContain('blob.bin: binary file');
    if (linked) expect(run.stdout).toContain('link.txt: symlink pointing out of the scanned tree');
    expect(run.summary).toContain('skipped');
    expect(elapsed).toBeLessThan(55000);
    assertRedacted(run, [secret, hidden]);
  }, 70000);

  it('skips files over max-target-megabytes and says so', async () => {
    const root = tmp('cap');
    const secret = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'huge.txt', `${secret}\n${'x'.repeat(2 * 1024 * 1024)}`);
    write(root, 'small.txt', `${secret}\n`);
    const run = await scan(root, 'workflow_dispatch', {}, [secret], { 'scan-mode': 'tree', 'max-target-megabytes': '1' });
    expect(run.code).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(run.stdout).toMatch(/huge\.txt: larger than 1\.0 MB/);
    expect(run.outputs['skipped']).toBe('1');
  });

  it('names a bad input before scanning', async () => {
    const { root } = newRepo('bad');
    const run = await scan(root, 'push', {}, [], { 'scan-mode': 'sideways' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/scan-mode/);
    expect(existsSync(join(root, 'gitleaks-report.sarif'))).toBe(false);
    const run2 = await scan(root, 'schedule', {}, [], { config: 'nope.toml' });
    expect(run2.stdout).toMatch(/nope\.toml does not exist \(input "config"\)/);
    expect(transcript(run2)).not.toContain('no leaks found');
  });
});
