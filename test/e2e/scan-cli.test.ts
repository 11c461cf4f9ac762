/**
 * `pipeline-secrets scan` end to end through dist/cli: a tree, the history, a range, staged
 * changes (the pre-commit hook), stdin, report files; exit 1 on findings, 2 on usage/config errors.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../runner/cli.js';
import { commit, fakeSecret, git, newRepo, testConfig, tmp, write } from './scan-helpers.js';
import { validateGitLab, validateSarif } from './scan-schemas.js';

const env = { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' };

describe('pipeline-secrets scan', () => {
  it('scans a directory: text lines on stdout (file:line: rule: redacted), exit 1; a clean tree exits 0', async () => {
    const root = tmp('cli-tree');
    const secret = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'app/settings.py', `DEBUG = True\nTOKEN = "${secret}"\n`);
    const run = await runCli(['scan', root], { env, secrets: [secret] });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`app/settings.py:2:10: test-live-token: ${secret.slice(0, 4)}***\n`);
    expect(run.stderr).toMatch(/1 finding: leaked secret/);
    expect(run.leaks).toEqual([]);
    const clean = tmp('cli-clean');
    write(clean, 'a.txt', 'nothing\n');
    const ok = await runCli(['scan', clean], { env, node: 'current' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toContain('no leaks found');
  });

  it('--history finds a secret that is gone from the tree; --range A..B scans only those commits', async () => {
    const { root, first } = newRepo('cli-hist');
    const secret = fakeSecret();
    const c = commit(root, 'oops', { 'k.txt': `${secret}\n` });
    commit(root, 'fix', { 'k.txt': null });
    const later = commit(root, 'later', { 'b.txt': 'ok\n' });
    const tree = await runCli(['scan', root], { env });
    expect(tree.code).toBe(0);
    const hist = await runCli(['scan', '--history', root], { env, secrets: [secret] });
    expect(hist.code).toBe(1);
    expect(hist.stdout).toContain(`k.txt:1:1: test-live-token: ${secret.slice(0, 4)}*** (commit ${c.slice(0, 12)}, Test Author)`);
    expect(hist.leaks).toEqual([]);
    const inRange = await runCli(['scan', '--range', `${first}..${c}`, root], { env, secrets: [secret] });
    expect(inRange.code).toBe(1);
    const outOfRange = await runCli(['scan', '--range', `${c}..${later}`, root], { env });
    expect(outOfRange.code).toBe(0);
  });

  it('--staged is a pre-commit hook: a staged secret fails, nothing staged passes', async () => {
    const { root } = newRepo('cli-staged');
    const secret = fakeSecret();
    write(root, 'notes.md', `# notes\n\nkey: ${secret}\n`);
    git(root, 'add', 'notes.md');
    const run = await runCli(['scan', '--staged'], { env, cwd: root, secrets: [secret] });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('notes.md:3:');
    expect(run.leaks).toEqual([]);
    git(root, 'reset', '-q', 'notes.md');
    const after = await runCli(['scan', '--staged'], { env, cwd: root });
    expect(after.code).toBe(0);
  });

  it('--stdin scans standard input', async () => {
    const secret = fakeSecret();
    const dir = tmp('cli-stdin');
    write(dir, 'cfg.toml', testConfig());
    const run = await runCli(['scan', '--stdin', '--config', join(dir, 'cfg.toml')], { env, cwd: dir, stdin: `hello\nx=${secret}\n`, secrets: [secret] });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stdin:2:');
    expect(run.leaks).toEqual([]);
  });

  it('--report PATH --format sarif|gitlab|json writes valid, redacted reports', async () => {
    const root = tmp('cli-report');
    const secret = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'x/y z.env', `A=${secret}\n`);
    const out = tmp('cli-out');
    for (const [format, file] of [
      ['sarif', 'r.sarif'],
      ['gitlab', 'gl.json'],
      ['json', 'r.json'],
    ] as const) {
      const run = await runCli(['scan', root, '--report', join(out, file), '--format', format], { env, secrets: [secret] });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`x/y z.env:1:3: test-live-token: ${secret.slice(0, 4)}***`);
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toContain(secret);
      const doc: unknown = JSON.parse(text);
      if (format === 'sarif') expect(validateSarif(doc)).toEqual([]);
      if (format === 'gitlab') expect(validateGitLab(doc)).toEqual([]);
      if (format === 'json') expect((doc as { File: string }[])[0]?.File).toBe('x/y z.env');
    }
    const json = await runCli(['scan', root, '--format', 'json'], { env, secrets: [secret] });
    expect((JSON.parse(json.stdout) as { RuleID: string }[])[0]?.RuleID).toBe('test-live-token');
  });

  it('exits 2 on usage and config errors, naming the problem', async () => {
    const dir = tmp('cli-bad');
    write(dir, 'bad.toml', "[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n");
    const bad = await runCli(['scan', dir, '--config', join(dir, 'bad.toml')], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken/);
    expect((await runCli(['scan', '--no-such-flag'], { env })).code).toBe(2);
    const range = await runCli(['scan', '--range', 'nonsense', dir], { env });
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/range/);
    const both = await runCli(['scan', '--history', '--staged', dir], { env });
    expect(both.code).toBe(2);
    const notRepo = await runCli(['scan', '--history', dir], { env });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/not a git repository/);
  });
});
