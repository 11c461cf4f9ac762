/**
 * hashicorp/vault-action 3.4.0's inputs, held as data (from its action.yml and README reference):
 * vault-login and fetch-secrets must declare every one of them, so a workflow that switches
 * `uses:` keeps its `with:` block and GitHub prints no "Unexpected input". Plus the pure pieces
 * behind them: alias resolution, extraHeaders, authPayload (the pki form and secretEncodingType:
 * test/unit/actions/fetch-secrets/pki-input.test.ts, test/unit/secrets/encoding.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../../runner/node.js';
import { allActions, type Registered } from '../../../../src/actions/index.js';

/** every action's module, loaded (the CLI loads only the one it runs) */
const actions: Record<string, Registered> = Object.fromEntries((await allActions()).map((a) => [a.spec.name, a]));
import { resolveAliased } from '../../../../src/actions/aliases.js';
import { parseAuthPayload, parseExtraHeaders } from '../../../../src/actions/shared/vault-config.js';
import { UserError } from '../../../../src/core/errors.js';

/** vault-action 3.4.0, action.yml `inputs:` (with its defaults where it has one). */
const VAULT_ACTION_3_4_0: Readonly<Record<string, string | null>> = {
  url: null,
  secrets: null,
  pki: null,
  namespace: null,
  method: 'token',
  role: null,
  path: null,
  token: null,
  roleId: null,
  secretId: null,
  githubToken: null,
  kubernetesTokenPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  username: null,
  password: null,
  authPayload: null,
  extraHeaders: null,
  exportEnv: 'true',
  exportToken: 'false',
  outputToken: 'false',
  caCertificate: null,
  clientCertificate: null,
  clientKey: null,
  tlsSkipVerify: 'false',
  jwtPrivateKey: null,
  jwtKeyPassword: null,
  jwtGithubAudience: 'sigstore',
  jwtTtl: '3600',
  secretEncodingType: 'utf8',
  ignoreNotFound: 'false',
};

describe.each(['vault-login', 'fetch-secrets'])('%s declares every hashicorp/vault-action 3.4.0 input', (name) => {
  const meta = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> };
  const spec = actions[name]!.spec;
  const names = new Set(spec.inputs.flatMap((i) => [i.name, ...(i.aliases ?? [])]));

  it.each(Object.keys(VAULT_ACTION_3_4_0))('%s', (input) => {
    expect(Object.keys(meta.inputs)).toContain(input);
    expect(names.has(input)).toBe(true);
  });

  it("a camelCase name is an alias of a kebab-case input, or vault-action's own name", () => {
    for (const input of Object.keys(VAULT_ACTION_3_4_0).filter((k) => /[A-Z]/.test(k))) {
      const canonical = spec.inputs.find((i) => i.aliases?.includes(input));
      const plain = spec.inputs.find((i) => i.name === input);
      expect([input, Boolean(canonical) || (name === 'vault-login' && Boolean(plain))]).toEqual([input, true]);
    }
  });
});

describe('alias resolution', () => {
  const spec = { name: 'role-id', aliases: ['roleId'], default: '' };
  const raw =
    (m: Record<string, string>) =>
    (n: string): string =>
      m[n] ?? '';
  it('the alias alone, the canonical alone, both equal', () => {
    expect(resolveAliased(spec, raw({ roleId: 'a' }))).toBe('a');
    expect(resolveAliased(spec, raw({ 'role-id': 'b' }))).toBe('b');
    expect(resolveAliased(spec, raw({ 'role-id': 'c', roleId: 'c' }))).toBe('c');
  });
  it('a canonical equal to its default counts as not given (GitHub always sends defaults)', () => {
    expect(resolveAliased({ name: 'export-token', aliases: ['exportToken'], default: 'true' }, raw({ 'export-token': 'true', exportToken: 'false' }))).toBe(
      'false',
    );
  });
  it('different values: a UserError naming both, never the values', () => {
    let e: unknown;
    try {
      resolveAliased(spec, raw({ 'role-id': 'secret-one', roleId: 'secret-two' }));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/"role-id" and its alias "roleId"/);
    expect((e as Error).message).not.toMatch(/secret-one|secret-two/);
  });
});

describe('extraHeaders and authPayload', () => {
  it('parses "Name: value" lines, joins repeats, rejects our own headers', () => {
    expect(parseExtraHeaders('X-Secure-Id: 1\n\nx-secure-id: 2\nX-Other:a:b')).toEqual({ 'x-secure-id': '1, 2', 'x-other': 'a:b' });
    expect(() => parseExtraHeaders('no colon here')).toThrow(/line 1/);
    expect(() => parseExtraHeaders('X-Vault-Token: s.abc')).toThrow(/token input/);
    expect(() => parseExtraHeaders('X-Vault-Wrap-TTL: 60s')).toThrow(/line 1: x-vault-wrap-ttl \(response wrapping\) is not supported/);
  });
  it('authPayload: a JSON object, every string registered as a secret first', () => {
    const seen: string[] = [];
    expect(parseAuthPayload('{"u":"x","n":{"p":"pw"}}', (v) => seen.push(v))).toEqual({ u: 'x', n: { p: 'pw' } });
    expect(seen).toEqual(expect.arrayContaining(['x', 'pw']));
    expect(() => parseAuthPayload('[1]', () => undefined)).toThrow(/JSON object/);
    expect(() => parseAuthPayload('{pw: hunter2', () => undefined)).toThrow(/content is not shown/);
  });
});
