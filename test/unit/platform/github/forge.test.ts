import { describe, expect, it } from '@jest/globals';
import { pullRequestOf } from '../../../../src/platform/github/forge.js';
import type { RunContext } from '../../../../src/platform/runner.js';

const ctx = (event: unknown, sha = 'f'.repeat(40)): RunContext => ({
  platform: 'github',
  repository: 'acme/app',
  runId: '1',
  runAttempt: '1',
  job: 'scan',
  sha,
  ref: 'refs/pull/7/merge',
  eventName: 'pull_request',
  event,
  serverUrl: 'https://github.example',
  apiUrl: 'https://api.github.example',
  actor: 'dev',
});

describe('GitHub forge: the pull request of the event', () => {
  it('number, head commit and fork from the pull_request payload', () => {
    const repo = (full_name: string) => ({ repo: { full_name } });
    expect(pullRequestOf(ctx({ pull_request: { number: 7, head: { sha: 'a'.repeat(40), ...repo('acme/app') }, base: repo('acme/app') } }))).toEqual({
      number: 7,
      headSha: 'a'.repeat(40),
      fork: false,
    });
    expect(pullRequestOf(ctx({ pull_request: { number: 8, head: repo('someone/app'), base: repo('acme/app') } }))).toEqual({
      number: 8,
      headSha: 'f'.repeat(40),
      fork: true,
    });
    // a head without a repository (deleted fork) is not called a fork, as before
    expect(pullRequestOf(ctx({ pull_request: { number: 9, head: {}, base: repo('acme/app') } }))?.fork).toBe(false);
  });

  it('no pull request: a push, a payload without a number, no payload', () => {
    expect(pullRequestOf(ctx({ after: 'a'.repeat(40) }))).toBeUndefined();
    expect(pullRequestOf(ctx({ pull_request: { number: '7' } }))).toBeUndefined();
    expect(pullRequestOf(ctx(undefined))).toBeUndefined();
    expect(pullRequestOf(ctx('not json'))).toBeUndefined();
  });
});
