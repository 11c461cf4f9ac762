import { describe, expect, it } from '@jest/globals';
import { parseExecArgs, splitNames } from '../../../../src/actions/exec/args.js';
import { UsageError } from '../../../../src/actions/args.js';

describe('exec arguments', () => {
  it('flags before `--`, the command after it untouched; --with takes the rest as its own flags', () => {
    expect(parseExecArgs(['--export-file', 'e.sh', '--redact-env=A,B C', '--temp-dir', 'd', '--', 'sh', '-c', 'echo --x'])).toEqual({
      envFile: 'e.sh',
      redactEnv: ['A', 'B', 'C'],
      tempDirs: ['d'],
      command: ['sh', '-c', 'echo --x'],
    });
    const w = parseExecArgs(['--with', 'fetch-secrets', '--secrets', 'x', '--', 'env']);
    expect(w.withAction).toEqual({ name: 'fetch-secrets', args: ['--secrets', 'x'] });
    expect(w.command).toEqual(['env']);
  });
  it('refuses a missing `--`, an empty command, a flag without a value and unknown flags', () => {
    expect(() => parseExecArgs(['env'])).toThrow(/exec needs `--` before the command/);
    expect(() => parseExecArgs(['--'])).toThrow(/exec needs a command after `--`/);
    expect(() => parseExecArgs(['--export-file', '--', 'env'])).toThrow(/^--export-file needs a value$/);
    expect(() => parseExecArgs(['--nope', '--', 'env'])).toThrow(UsageError);
  });
  it('names are split on commas and white space', () => {
    expect(splitNames(' A,,B \n C ')).toEqual(['A', 'B', 'C']);
  });
});
