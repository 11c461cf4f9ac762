import { describe, expect, it } from '@jest/globals';
import { parseGuardArgs } from '../../../../src/actions/guard/args.js';
import { UsageError } from '../../../../src/actions/args.js';

describe('guard arguments', () => {
  it('paths, --temp-dir and --max-archive-depth (with = too), and everything after --', () => {
    expect(parseGuardArgs([])).toEqual({ paths: [], depth: 4 });
    expect(parseGuardArgs(['a', '--temp-dir', '/t', '--max-archive-depth=0', 'b', '--', '--not-a-flag'])).toEqual({
      paths: ['a', 'b', '--not-a-flag'],
      tempDir: '/t',
      depth: 0,
    });
    expect(parseGuardArgs(['--temp-dir=/x', '--help'])).toBe('help');
  });
  it('refuses a missing value, a depth out of range and unknown flags', () => {
    expect(() => parseGuardArgs(['--temp-dir'])).toThrow(/^--temp-dir needs a value$/);
    expect(() => parseGuardArgs(['--temp-dir='])).toThrow(UsageError);
    for (const d of ['-1', '17', '1.5', 'x']) expect(() => parseGuardArgs(['--max-archive-depth', d])).toThrow(/whole number from 0 to 16/);
    expect(() => parseGuardArgs(['--nope=1'])).toThrow(/^unknown flag --nope \(see pipeline-secrets guard --help\)$/);
    // the order of the arguments decides: an error before --help is the error
    expect(() => parseGuardArgs(['--bad', '--help'])).toThrow(UsageError);
  });
});
