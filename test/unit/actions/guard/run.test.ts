import { describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE, RECORD_FILE, recordSecret } from '../../../../src/guard/record.js';
import { runGuard } from '../../../../src/actions/guard/run.js';

function recordDir(values: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-guard-s-'));
  for (const [label, v] of Object.entries(values)) recordSecret(dir, v, label);
  return dir;
}

describe('pipeline-secrets guard', () => {
  it('fails closed on a record it cannot fully read: lines damaged or under another key, or the key gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-closed-'));
    writeFileSync(join(root, 'clean.js'), 'nothing to see here');
    const guard = async (dir: string): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await runGuard(['--temp-dir', dir, root], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
      return { code, out, err };
    };
    // a readable record, clean tree: 0
    const dir = recordDir({ API_TOKEN: 'tok_closed_1234567890abcd' });
    expect((await guard(dir)).code).toBe(0);
    // one damaged line beside readable ones: the search runs, and the result is 2, not a pass
    appendFileSync(join(dir, RECORD_FILE), '{"k":"0000000000000000","h":"truncat\n');
    const damaged = await guard(dir);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toMatch(/1 line\(s\) of the record .* are not readable/);
    expect(damaged.err).toMatch(/searched 1 file/);
    // a finding still wins: exit 1
    writeFileSync(join(root, 'leak.js'), 'k="tok_closed_1234567890abcd"');
    expect((await guard(dir)).code).toBe(1);
    rmSync(join(root, 'leak.js'));
    // the key gone but the record left: nothing can be searched for, never "nothing recorded"
    rmSync(join(dir, KEY_FILE));
    const keyless = await guard(dir);
    expect(keyless.code).toBe(2);
    expect(keyless.err).not.toMatch(/no secret was recorded/);
    for (const t of [damaged, keyless]) expect(t.out + t.err).not.toContain('tok_closed_1234567890abcd');
  });

  it('bad usage exits 2 naming the flag; --help prints the help', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} };
    expect(await runGuard(['--max-archive-depth', '17'], io)).toBe(2);
    expect(await runGuard(['--nope'], io)).toBe(2);
    expect(err).toEqual([
      'pipeline-secrets guard: --max-archive-depth must be a whole number from 0 to 16\n',
      'pipeline-secrets guard: unknown flag --nope (see pipeline-secrets guard --help)\n',
    ]);
    expect(await runGuard(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/^pipeline-secrets guard: fail when a secret this job injected is in what it built\n/);
  });
});
