import { describe, expect, it } from '@jest/globals';
import { logOptions } from '../../../src/scanner/sources/git.js';
import { planScan, type PlanInput } from '../../../src/scanner/range.js';

const base: PlanInput = { platform: 'github', eventName: 'schedule', event: {}, env: () => undefined, mode: 'auto', base: '', head: '' };
const B = 'b'.repeat(40);

describe('the whole history is every ref', () => {
  it('history without a head is every ref; a head given, or the first push of a branch, is that history alone', () => {
    expect(planScan(base)).toMatchObject({ kind: 'history', all: true });
    expect(planScan({ ...base, mode: 'history' })).toMatchObject({ kind: 'history', all: true });
    expect(planScan({ ...base, mode: 'history', head: B })).toMatchObject({ kind: 'history', head: B, all: false });
    const firstPush = { ref: 'refs/heads/main', before: '0'.repeat(40), after: B, repository: { default_branch: 'main' } };
    expect(planScan({ ...base, eventName: 'push', event: firstPush })).toMatchObject({ kind: 'history', head: B, all: false });
    expect(planScan({ ...base, platform: 'gitlab', env: (n) => (n === 'CI_PIPELINE_SOURCE' ? 'schedule' : undefined) })).toMatchObject({ all: true });
  });

  it('log-opts: split on spaces as gitleaks does; options that redirect or reshape the patch are refused, naming the option', () => {
    expect(logOptions('')).toBeUndefined();
    expect(logOptions('  HEAD ')).toEqual(['HEAD']);
    expect(logOptions('main..feature --since=2024-01-01 --no-merges --first-parent -n 5 --all -Sfoo')).toEqual([
      'main..feature',
      '--since=2024-01-01',
      '--no-merges',
      '--first-parent',
      '-n',
      '5',
      '--all',
      '-Sfoo',
    ]);
    for (const bad of [
      '--output=/tmp/x',
      '--stat',
      '--stat=10',
      '--name-only',
      '--patch-with-stat',
      '--',
      '-s',
      '-sp',
      '-R',
      '-z',
      '--cc',
      '--diff-merges=cc',
      '--word-diff-regex=x',
      '--binary',
      '--stdin',
      '--walk-reflogs',
    ]) {
      expect(() => logOptions(`HEAD ${bad}`)).toThrow(/log-opts/);
    }
    expect(() => logOptions('--output=/very/secret/place')).toThrow(/^(?!.*secret\/place).*--output/s);
    expect(() => logOptions(Array(65).fill('HEAD').join(' '))).toThrow(/too long/);
  });
});
