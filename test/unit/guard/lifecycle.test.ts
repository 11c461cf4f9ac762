import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../../src/platform/run-action.js';
import { ProcessRunner } from '../../../src/platform/process/runner.js';
import type { Action } from '../../../src/platform/runner.js';
import { readRecord } from '../../../src/guard/record.js';
import { guardHooks } from '../../../src/guard/hooks.js';

const withPost = (name: string, value: string): Action => ({
  name,
  main: async (r) => r.secret(value, `${name.toUpperCase()}_TOKEN`),
  post: async () => undefined,
});
const noPost = (name: string, value: string): Action => ({ name, main: async (r) => r.secret(value, `${name.toUpperCase()}_TOKEN`) });

function runner(dir: string, action: string, isPost: boolean, gitlab = true): ProcessRunner {
  const env = { ...(gitlab ? { GITLAB_CI: 'true', CI_JOB_ID: '42' } : {}), PIPELINE_SECRETS_TEMP_DIR: dir };
  return new ProcessRunner({ action, inputs: new Map(), env, isPost, write: () => undefined, hooks: guardHooks });
}

const guardFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('guard'));

describe('leak guard lifecycle in runAction, through the hooks', () => {
  it('each recording action with a post step holds the record; the last post step deletes it; actions without one take no reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-guard-life-'));
    expect(await runAction(withPost('a', 'value-of-a-0001'), runner(dir, 'a', false))).toBe('ok');
    expect(await runAction(noPost('b', 'value-of-b-0002'), runner(dir, 'b', false))).toBe('ok');
    expect(await runAction(withPost('c', 'value-of-c-0003'), runner(dir, 'c', false))).toBe('ok');
    expect(new Set(readRecord(dir)?.entries.map((e) => e.label))).toEqual(new Set(['A_TOKEN', 'B_TOKEN', 'C_TOKEN']));
    // post steps in reverse order
    expect(await runAction(withPost('c', 'x'), runner(dir, 'c', true))).toBe('ok');
    expect(existsSync(join(dir, 'guard-record.jsonl'))).toBe(true);
    expect(await runAction(noPost('b', 'x'), runner(dir, 'b', true))).toBe('ok');
    expect(existsSync(join(dir, 'guard-record.jsonl'))).toBe(true);
    expect(await runAction(withPost('a', 'x'), runner(dir, 'a', true))).toBe('ok');
    expect(guardFiles(dir)).toEqual([]);
  });

  it('a main step that fails after registering a secret still takes its reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-guard-life-'));
    const failing: Action = {
      name: 'f',
      main: async (r) => {
        r.secret('value-of-f-0004', 'F_TOKEN');
        throw new Error('boom');
      },
      post: async () => undefined,
    };
    expect(await runAction(failing, runner(dir, 'f', false))).toBe('failed');
    expect(guardFiles(dir).sort()).toEqual(['guard-record.jsonl', 'guard-refs', 'guard.key']);
    expect(await runAction(failing, runner(dir, 'f', true))).toBe('ok');
    expect(guardFiles(dir)).toEqual([]);
  });

  it('the local CLI (not a CI job) records nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-guard-life-'));
    expect(await runAction(withPost('a', 'value-of-a-0001'), runner(dir, 'a', false, false))).toBe('ok');
    expect(guardFiles(dir)).toEqual([]);
  });
});
