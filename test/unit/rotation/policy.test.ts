import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/core/errors.js';
import { DEFAULT_LIMITS, limitsFromInputs, loadPolicyFile, policyFromDocument, resolve } from '../../../src/rotation/policy.js';
import { globMatch } from '../../../src/rotation/glob.js';

const DAY = 86_400;

describe('rotation globs', () => {
  it.each([
    ['secret/ci/*', 'secret/ci/db', true],
    ['secret/ci/*', 'secret/ci/sub/db', false],
    ['secret/ci/**', 'secret/ci/sub/db', true],
    ['**/*.pem', 'a.pem', true],
    ['**/*.pem', 'x/y/a.pem', true],
    ['**/*.{pem,crt}', 'x/a.crt', true],
    ['certs/?.pem', 'certs/a.pem', true],
    ['alice/*', 'alice/AKIA1', true],
    ['*:443', 'vault.example.com:443', true],
    ['a.b', 'aXb', false],
  ])('%s matches %s: %s', (glob, name, want) => {
    expect(globMatch(glob, name)).toBe(want);
  });
});

describe('policy inputs', () => {
  it('defaults to 90d / 30d / 14d', () => {
    expect(limitsFromInputs({ maxAge: '', warnBefore: '', failBefore: '' })).toEqual(DEFAULT_LIMITS);
  });
  it('names the input of a bad value', () => {
    expect(() => limitsFromInputs({ maxAge: 'ninety', warnBefore: '', failBefore: '' })).toThrow('(input "max-age")');
    expect(() => limitsFromInputs({ maxAge: '90d', warnBefore: '7d', failBefore: '14d' })).toThrow('(input "fail-before")');
  });
});

describe('policy documents', () => {
  const doc = {
    defaults: { 'max-age': '60d' },
    rules: [
      { match: 'secret/prod/**', kind: 'vault-kv', 'max-age': '30d' },
      { match: 'secret/**', 'max-age': '180d', 'warn-before': '10d' },
      { match: 'legacy/**', ignore: true },
    ],
  };
  it('applies the first matching rule, with its kind', () => {
    const p = policyFromDocument(doc, DEFAULT_LIMITS);
    expect(resolve(p, 'vault-kv', 'secret/prod/db')).toMatchObject({ maxAgeSec: 30 * DAY, source: 'secret/prod/**' });
    expect(resolve(p, 'certificate', 'secret/prod/db')).toMatchObject({ maxAgeSec: 180 * DAY, warnBeforeSec: 10 * DAY });
    expect(resolve(p, 'vault-kv', 'other/x')).toMatchObject({ maxAgeSec: 60 * DAY, source: 'defaults', ignore: false });
    expect(resolve(p, 'certificate', 'legacy/a.pem').ignore).toBe(true);
  });
  it.each([
    [{ rules: [{ match: 'a' }, { match: 'b' }, { match: 'c', 'max-age': 'soon' }] }, 'rules[2].max-age: expected a duration such as 90d, got "soon"'],
    [{ rules: [{ match: 'a', 'max-age': true }] }, 'rules[0].max-age: expected a duration such as 90d, got a boolean'],
    [{ rules: [{ 'max-age': '1d' }] }, 'rules[0].match: expected a glob'],
    [{ rules: [{ match: 'a', maxage: '1d' }] }, 'rules[0].maxage: unknown field'],
    [{ rules: [{ match: 'a', kind: 'password' }] }, 'rules[0].kind: expected one of vault-kv'],
    [{ rules: [{ match: 'a', ignore: 'yes' }] }, 'rules[0].ignore: expected true or false'],
    [{ rules: {} }, 'rules: expected a list'],
    [{ defaults: { 'warn-before': '1d', 'fail-before': '2d' } }, 'defaults.fail-before: must not be longer than warn-before'],
    [{ rule: [] }, 'rule: unknown field'],
    [['a'], '(top level): expected a mapping'],
  ])('rejects %j naming the field', (d, msg) => {
    expect(() => policyFromDocument(d, DEFAULT_LIMITS)).toThrow(msg);
  });
  it('loads YAML and JSON files, naming the file and the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-policy-'));
    writeFileSync(join(dir, 'p.yml'), 'rules:\n  - match: "x/*"\n    max-age: 7d\n');
    writeFileSync(join(dir, 'p.json'), '{"defaults": {"max-age": 86400}}');
    writeFileSync(join(dir, 'bad.yml'), 'rules: [\n');
    expect(resolve(loadPolicyFile('p.yml', dir, DEFAULT_LIMITS), 'vault-kv', 'x/y').maxAgeSec).toBe(7 * DAY);
    expect(loadPolicyFile(join(dir, 'p.json'), '/', DEFAULT_LIMITS).defaults.maxAgeSec).toBe(DAY);
    expect(() => loadPolicyFile('bad.yml', dir, DEFAULT_LIMITS)).toThrow(/bad.yml is not valid YAML.*\(input "policy"\)/);
    expect(() => loadPolicyFile('missing.yml', dir, DEFAULT_LIMITS)).toThrow(UserError);
    expect(() => loadPolicyFile('missing.yml', dir, DEFAULT_LIMITS)).toThrow('ENOENT');
  });
});
