/** action.yml and the action's ActionSpec must agree: same inputs, node24, bundle present. */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { parse } from 'yaml';
import { allActions, type Registered } from '../../../src/actions/index.js';

/** every action's module, loaded (the CLI loads only the one it runs) */
const actions: Record<string, Registered> = Object.fromEntries((await allActions()).map((a) => [a.spec.name, a]));
import { repoRoot } from '../../runner/node.js';

describe.each(Object.keys(actions))('actions/%s/action.yml', (name) => {
  const file = join(repoRoot, 'actions', name, 'action.yml');
  const meta = parse(readFileSync(file, 'utf8')) as {
    name?: string;
    description?: string;
    branding?: unknown;
    inputs?: Record<string, { description?: string }>;
    runs?: { using?: string; main?: string; post?: string };
  };
  const spec = actions[name]!.spec;

  it('runs the committed bundle on node24', () => {
    expect(meta.runs?.using).toBe('node24');
    const main = resolve(dirname(file), meta.runs?.main ?? '');
    expect(main).toBe(join(repoRoot, 'dist', name, 'index.js'));
    expect(existsSync(main)).toBe(true);
    if (meta.runs?.post) expect(resolve(dirname(file), meta.runs.post)).toBe(main);
    expect(Boolean(meta.runs?.post)).toBe(Boolean(actions[name]!.action.post));
    expect(meta.branding).toBeDefined();
  });

  it('declares exactly the inputs the action reads (canonical names and their aliases), each described', () => {
    const declared = Object.keys(meta.inputs ?? {}).sort();
    expect(declared).toEqual(spec.inputs.flatMap((i) => [i.name, ...(i.aliases ?? [])]).sort());
    for (const [k, v] of Object.entries(meta.inputs ?? {})) expect([k, (v.description ?? '').length > 10]).toEqual([k, true]);
  });

  it('describes each alias as an alias of its canonical input, with no default of its own', () => {
    const inputs = (meta.inputs ?? {}) as Record<string, { description?: string; default?: string }>;
    for (const i of spec.inputs) {
      for (const a of i.aliases ?? []) {
        expect([a, inputs[a]?.description?.includes(`Alias of ${i.name}`)]).toEqual([a, true]);
        // a default would make GitHub always send the alias, hiding the canonical input
        expect([a, inputs[a]?.default ?? '']).toEqual([a, '']);
      }
    }
  });
});
