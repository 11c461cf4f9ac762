import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../../src/cli/main.js';
import { ProcessRunner } from '../../../src/platform/process/runner.js';

describe('cli', () => {
  it('exits 2 on an unknown command and 0 on --help', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: {} };
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toContain('vault-login');
    expect(await runCli(['--version'], io)).toBe(0);
  });
  it('warns, naming the flag and the variable but not the value, when a secret input is given as a flag', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t), env: {} };
    expect(await runCli(['vault-login', '--method', 'approle', '--role-id', 'r', '--secret-id', 'argv-secret-5678'], io)).toBe(2);
    expect(err.join('')).toMatch(/--secret-id puts a secret on the command line/);
    expect(err.join('')).not.toContain('argv-secret-5678');
  });
  it('reads an input from INPUT_NAME_WITH_UNDERSCORES, the only form a shell or GitLab variable can set', () => {
    const env = { INPUT_SECRET_ID: 'from-underscores', 'INPUT_ROLE-ID': 'hyphens-win', INPUT_ROLE_ID: 'not-this' };
    const r = new ProcessRunner({ action: 't', inputs: new Map([['path', 'flag']]), env });
    expect(r.input('secret-id')).toBe('from-underscores');
    expect(r.input('role-id')).toBe('hyphens-win');
    expect(r.input('path')).toBe('flag');
  });
});
