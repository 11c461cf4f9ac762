import { describe, expect, it } from '@jest/globals';
import { argvSecretWarnings, parseArgs, runCli, UsageError } from '../../src/cli.js';
import { ProcessRunner } from '../../src/platform/process-runner.js';
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
  it('warns, naming the flag and the variable but not the value, when a secret input is given as a flag', async () => {
    const vault: ActionSpec = {
      name: 'v', summary: 'v',
      inputs: [{ name: 'secret-id', description: '', aliases: ['secretId'] }, { name: 'client-key', description: '' }, { name: 'role-id', description: '' }],
    };
    const warnings = argvSecretWarnings(vault, new Map([['secretId', 'sid-value-1234'], ['role-id', 'r'], ['client-key', '/etc/key.pem']]), (p) => p === '/etc/key.pem');
    expect(warnings).toEqual([expect.stringMatching(/--secretId puts a secret on the command line.*set INPUT_SECRET_ID in the environment/)]);
    expect(argvSecretWarnings(vault, new Map([['client-key', '-----BEGIN KEY-----']]), () => false)).toHaveLength(1);
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t), env: {} };
    expect(await runCli(['vault-login', '--method', 'approle', '--role-id', 'r', '--secret-id', 'argv-secret-5678'], io)).toBe(2);
    expect(err.join('')).toMatch(/--secret-id puts a secret on the command line/);
    expect(err.join('')).not.toContain('argv-secret-5678');
  });
  it('reads an input from INPUT_NAME_WITH_UNDERSCORES, the only form a shell or GitLab variable can set', () => {
    const env = { 'INPUT_SECRET_ID': 'from-underscores', 'INPUT_ROLE-ID': 'hyphens-win', 'INPUT_ROLE_ID': 'not-this' };
    const r = new ProcessRunner({ action: 't', inputs: new Map([['path', 'flag']]), env });
    expect(r.input('secret-id')).toBe('from-underscores');
    expect(r.input('role-id')).toBe('hyphens-win');
    expect(r.input('path')).toBe('flag');
  });
});
