/**
 * `pipeline-secrets scan --history` reads every ref, as gitleaks does (`git log --all`): a secret
 * only on a side branch or only on a tag is found; a commit two branches reach is reported once;
 * `--log-opts HEAD` (gitleaks' own option) scans the history of HEAD alone.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../runner/cli.js';
import { commit, fakeSecret, git, newRepo } from './scan-helpers.js';

const env = { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' };

describe('pipeline-secrets scan --history: every ref', () => {
  it('finds secrets only on a side branch or a tag, each commit once; --log-opts HEAD scans HEAD alone', async () => {
    const { root } = newRepo('cli-refs');
    const onSide = fakeSecret();
    const onBoth = fakeSecret();
    const onTag = fakeSecret();
    git(root, 'checkout', '-q', '-b', 'side');
    const sideCommit = commit(root, 'side', { 'side.txt': `${onSide}\n` });
    const bothCommit = commit(root, 'both', { 'both.txt': `${onBoth}\n` });
    git(root, 'branch', 'other'); // a second branch reaching the same commits
    git(root, 'checkout', '-q', '--detach', 'main');
    const tagCommit = commit(root, 'tagged', { 'tag.txt': `${onTag}\n` });
    git(root, 'tag', 'v-leak', tagCommit);
    git(root, 'checkout', '-q', 'main');
    commit(root, 'main moves on', { 'README.md': '# test\nmore\n' });
    const secrets = [onSide, onBoth, onTag];

    const all = await runCli(['scan', '--history', root], { env, secrets });
    expect(all.code).toBe(1);
    const lines = all.stdout.split('\n').filter(Boolean).sort();
    expect(lines).toEqual(
      [
        `both.txt:1:1: test-live-token: ${onBoth.slice(0, 4)}*** (commit ${bothCommit.slice(0, 12)}, Test Author)`,
        `side.txt:1:1: test-live-token: ${onSide.slice(0, 4)}*** (commit ${sideCommit.slice(0, 12)}, Test Author)`,
        `tag.txt:1:1: test-live-token: ${onTag.slice(0, 4)}*** (commit ${tagCommit.slice(0, 12)}, Test Author)`,
      ].sort(),
    );
    expect(all.stderr).toMatch(/3 findings/);
    expect(all.leaks).toEqual([]);

    const headOnly = await runCli(['scan', '--history', '--log-opts', 'HEAD', root], { env, secrets });
    expect(headOnly.code).toBe(0);
    expect(headOnly.stdout).toBe('');
    expect(headOnly.leaks).toEqual([]);

    // log-opts is honoured as gitleaks does: exactly git log <log-opts>, no --all added
    const tagOnly = await runCli(['scan', '--log-opts=main..v-leak', root], { env, secrets });
    expect(tagOnly.code).toBe(1);
    expect(tagOnly.stdout).toContain('tag.txt:1:1:');
    expect(tagOnly.stdout).not.toContain('side.txt');
    expect(tagOnly.leaks).toEqual([]);

    // an option that would write a file or reshape the patch is refused, naming the input
    const refused = await runCli(['scan', '--history', `--log-opts=--all --output=${root}/out.txt`, root], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('log-opts');
    const mixed = await runCli(['scan', '--range', 'main~1..main', '--log-opts=HEAD', root], { env });
    expect(mixed.code).toBe(2);
  });
});
