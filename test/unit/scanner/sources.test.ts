import { describe, expect, it } from '@jest/globals';
import { commitFormat, DiffParser, unquoteGitPath } from '../../../src/scanner/sources/diff.js';
import { splitLines } from '../../../src/scanner/sources/lines.js';
import { firstError } from '../../../src/scanner/sources/git.js';
import { newStats } from '../../../src/scanner/sources/stats.js';
import { planScan, parseMode, type PlanInput } from '../../../src/scanner/range.js';
import type { Fragment, Skipped } from '../../../src/scanner/types.js';

function parse(lines: string[], withCommits = true): { frags: Fragment[]; skipped: Skipped[] } {
  const fmt = commitFormat();
  const skipped: Skipped[] = [];
  const p = new DiffParser(withCommits ? fmt : null, { maxBytes: 1000, skipped, stats: newStats() });
  const frags: Fragment[] = [];
  for (const l of lines) {
    const f = p.push(l.replace('<S>', fmt.start).replace('<E>', fmt.end));
    if (f) frags.push(f);
  }
  const last = p.end();
  if (last) frags.push(last);
  return { frags, skipped };
}

const SHA = 'c'.repeat(40);

describe('git diff parser', () => {
  it('takes added lines with their new-file line numbers from the hunk headers, per file per commit', () => {
    const { frags } = parse([
      `<S>${SHA}\0Ann\0ann@x.test\x002024-01-02T03:04:05+02:00\0subject`,
      '',
      'body line<E>',
      '',
      'diff --git a/f.txt b/f.txt',
      'index 1..2 100644',
      '--- a/f.txt',
      '+++ b/f.txt',
      '@@ -1,0 +2,2 @@',
      '+two',
      '+three',
      '@@ -9 +11 @@',
      '-old',
      '+eleven',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
    ]);
    expect(frags).toHaveLength(1);
    expect(frags[0]).toMatchObject({ path: 'f.txt', text: 'two\nthree\neleven', lineNumbers: [2, 3, 11] });
    expect(frags[0]?.commit).toEqual({ sha: SHA, author: 'Ann', email: 'ann@x.test', date: '2024-01-02T01:04:05Z', message: 'subject\n\nbody line' });
  });

  it('added lines that look like headers stay content; a forged marker without the nonce does nothing', () => {
    const { frags } = parse([
      `<S>${SHA}\0A\0a@x\x002024-01-01T00:00:00Z\0msg<E>`,
      'diff --git a/a b/a',
      '--- a/a',
      '+++ b/a',
      '@@ -0,0 +1,3 @@',
      '++++ b/evil',
      '+diff --git x',
      '+\x01PS-BEGIN-000000000000',
    ]);
    expect(frags).toHaveLength(1);
    expect(frags[0]?.text).toBe('+++ b/evil\ndiff --git x\n\x01PS-BEGIN-000000000000');
  });

  it('reports binary files and oversized changes as skipped', () => {
    const { frags, skipped } = parse(
      [
        'diff --git a/b.bin b/b.bin',
        'Binary files /dev/null and b/b.bin differ',
        'diff --git a/big b/big',
        '+++ b/big',
        '@@ -0,0 +1,2 @@',
        `+${'x'.repeat(600)}`,
        `+${'y'.repeat(600)}`,
      ],
      false,
    );
    expect(frags).toHaveLength(0);
    expect(skipped.map((s) => `${s.path}: ${s.reason.split(' ')[0]}`)).toEqual(['b.bin: binary', 'big: added']);
  });

  it('unquotes C-quoted paths', () => {
    expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\"\\tz"')).toBe('b/café "x"\tz');
    expect(unquoteGitPath('b/plain')).toBe('b/plain');
  });

  it('splits lines across chunk edges and multi-byte characters', async () => {
    const bytes = Buffer.from('ab\r\ncé\nlast');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    const out: string[] = [];
    for await (const l of splitLines(chunks())) out.push(l);
    expect(out).toEqual(['ab', 'cé', 'last']);
  });
});

const base: PlanInput = { platform: 'github', eventName: 'push', event: {}, env: () => undefined, mode: 'auto', base: '', head: '' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('range from the event', () => {
  it.each([
    ['push', { ref: 'refs/heads/main', before: A, after: B, repository: { default_branch: 'main' } }, { kind: 'range', base: A, head: B }],
    [
      'push to a feature branch keeps the default branch as fallback',
      { ref: 'refs/heads/f', before: A, after: B, repository: { default_branch: 'main' } },
      { kind: 'range', base: A, baseRef: 'main' },
    ],
    [
      'new branch',
      { ref: 'refs/heads/f', before: Z, after: B, repository: { default_branch: 'main' } },
      { kind: 'range', baseRef: 'main', head: B, fallbackHistory: true },
    ],
    ['first push of the default branch', { ref: 'refs/heads/main', before: Z, after: B, repository: { default_branch: 'main' } }, { kind: 'history', head: B }],
    ['deleted branch', { ref: 'refs/heads/f', before: A, after: Z }, { kind: 'none' }],
    ['before = after', { ref: 'refs/heads/f', before: A, after: A }, { kind: 'none' }],
  ])('push: %s', (_name, event, want) => {
    expect(planScan({ ...base, event })).toMatchObject(want);
  });

  it('pull_request, pull_request_target and merge_group use the event SHAs', () => {
    const pr = { pull_request: { base: { sha: A }, head: { sha: B } } };
    expect(planScan({ ...base, eventName: 'pull_request', event: pr })).toMatchObject({ kind: 'range', base: A, head: B });
    expect(planScan({ ...base, eventName: 'pull_request_target', event: pr })).toMatchObject({ kind: 'range', base: A, head: B });
    expect(planScan({ ...base, eventName: 'merge_group', event: { merge_group: { base_sha: A, head_sha: B } } })).toMatchObject({
      kind: 'range',
      base: A,
      head: B,
    });
  });

  it('schedule and workflow_dispatch scan the history; inputs override; diff without a range is an error', () => {
    expect(planScan({ ...base, eventName: 'schedule' })).toMatchObject({ kind: 'history', head: 'HEAD' });
    expect(planScan({ ...base, eventName: 'workflow_dispatch', mode: 'tree' })).toMatchObject({ kind: 'tree' });
    expect(planScan({ ...base, eventName: 'schedule', base: 'v1.0', head: 'v2.0' })).toMatchObject({ kind: 'range', base: 'v1.0', head: 'v2.0' });
    expect(() => planScan({ ...base, eventName: 'schedule', mode: 'diff' })).toThrow(/input "base"/);
    expect(() => parseMode('sometimes')).toThrow(/scan-mode/);
  });

  it('rejects an event SHA that is not a SHA (it becomes a git argument)', () => {
    expect(() => planScan({ ...base, event: { before: '--upload-pack=x', after: B } })).toThrow(/not a commit SHA/);
    expect(() => planScan({ ...base, base: '--output=/tmp/x' })).toThrow(/input "base"/);
  });

  it('GitLab: merge request diff base, else before..sha, new branches against the default branch', () => {
    const env = (vars: Record<string, string>) => (n: string) => vars[n];
    const gl = { ...base, platform: 'gitlab' as const, eventName: '' };
    expect(planScan({ ...gl, env: env({ CI_MERGE_REQUEST_DIFF_BASE_SHA: A, CI_COMMIT_SHA: B }) })).toMatchObject({ kind: 'range', base: A, head: B });
    expect(planScan({ ...gl, env: env({ CI_COMMIT_BEFORE_SHA: A, CI_COMMIT_SHA: B }) })).toMatchObject({ kind: 'range', base: A, head: B });
    expect(planScan({ ...gl, env: env({ CI_COMMIT_BEFORE_SHA: Z, CI_COMMIT_SHA: B, CI_COMMIT_BRANCH: 'f', CI_DEFAULT_BRANCH: 'main' }) })).toMatchObject({
      kind: 'range',
      baseRef: 'main',
    });
    expect(planScan({ ...gl, env: env({ CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_SHA: B }) })).toMatchObject({ kind: 'history' });
  });

  it('local runs scan the tree', () => {
    expect(planScan({ ...base, platform: 'local', eventName: 'local' })).toMatchObject({ kind: 'tree' });
  });
});

describe('git errors', () => {
  it("firstError keeps git's fatal line without a remote URL's credentials", () => {
    const cred = ['gitlab-ci-token', 'glcbt-' + 'x'.repeat(20)].join(':');
    const err = firstError(`warning: redirecting\nfatal: unable to access 'https://${cred}@gitlab.example/g/p.git/': Could not resolve host\n`);
    expect(err).toBe("fatal: unable to access 'https://***@gitlab.example/g/p.git/': Could not resolve host");
    expect(firstError('fatal: repository https://host/x not found')).toBe('fatal: repository https://host/x not found');
  });
});
