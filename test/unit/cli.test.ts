import { describe, expect, it } from '@jest/globals';
import { parseArgs, runCli, UsageError } from '../../src/cli.js';
import type { ActionSpec } from '../../src/actions/spec.js';

const spec: ActionSpec = {
  name: 'demo',
  summary: 'demo',
  positional: 'path',
  inputs: [
    { name: 'config', description: 'a config' },
    { name: 'history', description: 'scan history', default: 'false' },
    { name: 'redact', description: 'redact', default: 'true' },
  ],
};

describe('cli arguments', () => {
  it('maps flags, booleans and the positional to inputs', () => {
    const m = parseArgs(spec, ['--config', 'a.toml', '--history', '--no-redact', 'repo']);
    expect(Object.fromEntries(m)).toEqual({ config: 'a.toml', history: 'true', redact: 'false', path: 'repo' });
    expect(Object.fromEntries(parseArgs(spec, ['--config=b.toml']))).toEqual({ config: 'b.toml' });
  });
  it('refuses unknown flags, missing values and extra arguments', () => {
    expect(() => parseArgs(spec, ['--nope'])).toThrow(UsageError);
    expect(() => parseArgs(spec, ['--config'])).toThrow(/needs a value/);
    expect(() => parseArgs(spec, ['a', 'b'])).toThrow(/takes one PATH/);
  });
  it('exits 2 on an unknown command and 0 on --help', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: {} };
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toContain('vault-login');
    expect(await runCli(['--version'], io)).toBe(0);
  });
});
