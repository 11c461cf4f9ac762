/**
 * Every component template validates against GitLab's CI JSON schema (header and body), its
 * `spec: inputs` are typed and described, defaults fit their type and options, every input is
 * used and every use is declared, no `$[[ ]]` sits in a flow list, input names are the GitHub
 * action's input names in snake_case, each reaches the CLI flag of its own name (and only flags
 * the command has), and nothing secret is put in a dotenv artifact.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { allActions, type Registered } from '../../src/actions/index.js';

/** every action's module, loaded (the CLI loads only the one it runs) */
const actions: Record<string, Registered> = Object.fromEntries((await allActions()).map((a) => [a.spec.name, a]));
import { ciSchemaValidator, templates, usedInputs } from '../gitlab/templates.js';
import { componentsDir } from '../gitlab/project.js';

const COMPONENTS = ['fetch-secrets', 'gitleaks-scan', 'oidc-assume-role', 'rotate-check', 'vault-login'];
/** inputs of the component itself, not of the action it runs */
const COMPONENT_INPUTS = new Set(['stage', 'image', 'cli', 'git_depth', 'id_token_var', 'id_token_aud', 'job_name', 'cleanup', 'report_path', 'guard_paths']);
const validate = ciSchemaValidator();
const all = templates();

describe('GitLab component templates', () => {
  it('has a template for each of the five components', () => {
    expect(all.map((t) => t.name)).toEqual(COMPONENTS.filter((c) => all.some((t) => t.name === c)));
    expect(all.map((t) => t.name).sort()).toEqual(COMPONENTS);
  });

  it.each(all.map((t) => [t.name, t] as const))("%s validates against GitLab's CI schema", (_name, t) => {
    expect(validate(t.header)).toEqual([]);
    expect(validate(t.body)).toEqual([]);
  });

  it.each(all.map((t) => [t.name, t] as const))('%s declares typed, described inputs with fitting defaults, all used', (_name, t) => {
    const inputs = t.header.spec?.inputs ?? {};
    const declared = Object.keys(inputs);
    expect(declared.length).toBeGreaterThan(0);
    for (const [name, def] of Object.entries(inputs)) {
      expect([name, /^[a-z][a-z0-9_]*$/.test(name)]).toEqual([name, true]);
      expect([name, typeof def.type]).toEqual([name, 'string']);
      expect([name, (def.description ?? '').length > 10]).toEqual([name, true]);
      if (def.default !== undefined) {
        const want = def.type === 'array' ? 'object' : def.type;
        expect([name, typeof def.default]).toEqual([name, want]);
      }
      if (def.options) expect([name, def.options.includes(def.default)]).toEqual([name, true]);
    }
    const used = usedInputs(t.text.split(/^---$/m)[1] ?? '');
    expect([...used].sort()).toEqual([...declared].sort());
  });

  it.each(all.map((t) => [t.name, t] as const))('%s keeps $[[ ]] out of flow lists and secrets out of dotenv artifacts', (_name, t) => {
    for (const line of t.text.split('\n')) {
      const outside = line.replace(/\$\[\[[^\]]*\]\]/g, 'X').replace(/"[^"]*"|'[^']*'/g, '""');
      if (line.includes('$[[')) expect([line, /:\s*[[{]/.test(outside) || /^\s*-\s*[[{]/.test(outside)]).toEqual([line, false]);
    }
    expect(JSON.stringify(t.body)).not.toMatch(/"dotenv"/);
  });

  it.each(all.filter((t) => actions[t.name]).map((t) => [t.name, t] as const))("%s uses the GitHub action's input names in snake_case", (name, t) => {
    const spec = actions[name]?.spec;
    const actionInputs = new Set((spec?.inputs ?? []).map((i) => i.name.replace(/-/g, '_')));
    for (const input of Object.keys(t.header.spec?.inputs ?? {})) {
      if (COMPONENT_INPUTS.has(input)) continue;
      expect([input, actionInputs.has(input)]).toEqual([input, true]);
    }
  });

  it.each(all.filter((t) => actions[t.name]).map((t) => [t.name, t] as const))(
    '%s passes each input to the CLI flag of its own name, and only flags the command has',
    (name, t) => {
      const spec = actions[name]?.spec;
      const flags = new Set([...(spec?.inputs ?? []).flatMap((i) => [i.name, ...(i.aliases ?? [])]), 'post', 'id-token-var']);
      const body = t.text.split(/^---$/m)[1] ?? '';
      // PS_X: $[[ inputs.y ]] and then "--z=$PS_X": z must be y (kebab or snake), and a flag of the command
      const varInput = new Map([...body.matchAll(/^\s+(PS_[A-Z0-9_]+): "?\$\[\[ inputs\.([a-z0-9_]+) \]\]"?$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
      const passed = [...body.matchAll(/"?--([a-z0-9_-]+)(?:=(\$PS_[A-Z0-9_]+))?/g)];
      expect(passed.length).toBeGreaterThan(3);
      for (const m of passed) {
        const flag = m[1] ?? '';
        expect([flag, flags.has(flag)]).toEqual([flag, true]);
        const input = m[2] ? varInput.get(m[2].slice(1)) : undefined;
        if (m[2]) expect([flag, input?.replace(/_/g, '-')]).toEqual([flag, flag.replace(/_/g, '-')]);
      }
      const reached = new Set(passed.map((m) => m[2]?.slice(1)).filter(Boolean));
      for (const [v, input] of varInput) if (!COMPONENT_INPUTS.has(input)) expect([input, reached.has(v)]).toEqual([input, true]);
    },
  );

  it.each(all.map((t) => [t.name, t] as const))('%s has every input documented in the README table', (name, t) => {
    const readme = readFileSync(join(componentsDir, 'README.md'), 'utf8');
    const block = new RegExp(`<!-- inputs:${name} -->([\\s\\S]*?)<!-- /inputs:${name} -->`).exec(readme)?.[1] ?? '';
    const documented = [...block.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(Object.keys(t.header.spec?.inputs ?? {}));
  });

  it('pins the image and the npm package to the version being released', () => {
    const pkg = JSON.parse(readFileSync(join(componentsDir, '..', 'package.json'), 'utf8')) as { version: string };
    const texts = [
      ...all.map((t) => t.text),
      readFileSync(join(componentsDir, '.gitlab-ci.yml'), 'utf8'),
      readFileSync(join(componentsDir, 'README.md'), 'utf8'),
    ];
    for (const text of texts) {
      for (const m of text.matchAll(/pipeline-secrets[:@](\d+\.\d+\.\d+)/g)) expect(m[1]).toBe(pkg.version);
    }
  });

  it('every include (the project pipeline, the README examples) names a component and only inputs it declares (GitLab rejects unknown ones; gitlab-ci-local does not)', () => {
    const readme = readFileSync(join(componentsDir, 'README.md'), 'utf8');
    const docs: unknown[] = [parse(readFileSync(join(componentsDir, '.gitlab-ci.yml'), 'utf8'))];
    for (const m of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) docs.push(parse(m[1] ?? '', { logLevel: 'error' }));
    const rootReadme = readFileSync(join(componentsDir, '..', 'README.md'), 'utf8');
    const section = /<!-- section:gitlab -->([\s\S]*?)<!-- \/section:gitlab -->/.exec(rootReadme)?.[1] ?? '';
    for (const m of section.matchAll(/```yaml\n([\s\S]*?)```/g)) docs.push(parse(m[1] ?? '', { logLevel: 'error' }));
    let includes = 0;
    for (const doc of docs) {
      expect(validate(doc)).toEqual([]);
      const inc = (doc as { include?: { component?: string; inputs?: Record<string, unknown> }[] }).include ?? [];
      for (const i of inc) {
        const name = /\/([a-z-]+)@[^/]+$/.exec(i.component ?? '')?.[1] ?? '';
        const t = all.find((x) => x.name === name);
        expect([i.component, t !== undefined]).toEqual([i.component, true]);
        const declared = t?.header.spec?.inputs ?? {};
        for (const k of Object.keys(i.inputs ?? {})) expect([name, k, k in declared]).toEqual([name, k, true]);
        for (const [k, d] of Object.entries(declared)) if (d.default === undefined) expect([name, k, k in (i.inputs ?? {})]).toEqual([name, k, true]);
        includes++;
      }
    }
    expect(includes).toBeGreaterThanOrEqual(11);
  });

  it('the schema check bites: a wrong key or value is reported', () => {
    expect(validate({ job: { script: ['x'], artifacts: { when: 'sometimes' } } }).length).toBeGreaterThan(0);
    expect(validate({ job: { script: ['x'], id_tokens: { TOKEN: { audience: 'x' } } } }).length).toBeGreaterThan(0);
    expect(validate({ spec: { inputs: { x: { type: 'text' } } } }).length).toBeGreaterThan(0);
    expect(validate({ job: { script: ['x'], id_tokens: { TOKEN: { aud: 'x' } } } })).toEqual([]);
  });

  it("validates the component project's own pipeline against the schema", () => {
    const doc: unknown = parse(readFileSync(join(componentsDir, '.gitlab-ci.yml'), 'utf8'));
    expect(validate(doc)).toEqual([]);
  });
});
