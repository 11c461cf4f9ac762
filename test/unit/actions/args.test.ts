import { describe, expect, it } from '@jest/globals';
import { argvSecretWarnings, parseArgs, UsageError } from '../../../src/actions/args.js';
import type { ActionSpec } from '../../../src/actions/spec.js';

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
  it('warns, naming the flag and the variable but not the value, when a secret input is given as a flag', () => {
    const vault: ActionSpec = {
      name: 'v',
      summary: 'v',
      inputs: [
        { name: 'secret-id', description: '', aliases: ['secretId'] },
        { name: 'client-key', description: '' },
        { name: 'role-id', description: '' },
      ],
    };
    const warnings = argvSecretWarnings(
      vault,
      new Map([
        ['secretId', 'sid-value-1234'],
        ['role-id', 'r'],
        ['client-key', '/etc/key.pem'],
      ]),
      (p) => p === '/etc/key.pem',
    );
    expect(warnings).toEqual([expect.stringMatching(/--secretId puts a secret on the command line.*set INPUT_SECRET_ID in the environment/)]);
    expect(argvSecretWarnings(vault, new Map([['client-key', '-----BEGIN KEY-----']]), () => false)).toHaveLength(1);
  });
});
