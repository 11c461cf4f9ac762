import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../../src/core/errors.js';
import { itemsOf, parseStoreLine, storePrefix } from '../../../src/stores/index.js';

const p = (t: string) => parseStoreLine(t, 3);

describe('parseStoreLine', () => {
  test('a line without a store prefix is left to Vault', () => {
    expect(p('secret/data/ci/app api_key | API_KEY')).toBeUndefined();
    expect(p('aws:something')).toBeUndefined();
    expect(storePrefix('AWS-SM:x')).toBe('aws-sm');
  });

  const cases: [string, Record<string, unknown>][] = [
    ['aws-sm:prod/db password | DB_PASSWORD', { store: 'aws-sm', id: 'prod/db', name: 'DB_PASSWORD', named: true, pick: { kind: 'key' } }],
    ['aws-sm:prod/db', { id: 'prod/db', name: 'DB', outputName: 'db', pick: { kind: 'whole' } }],
    ['aws-sm:prod/db db.password', { name: 'DB__PASSWORD', outputName: 'db__password' }],
    ['aws-sm:prod/db * | DB_', { pick: { kind: 'expand' }, name: 'DB_' }],
    ['aws-sm:prod/db *', { pick: { kind: 'expand' }, name: '' }],
    ['aws-sm:prod/db?version-stage=AWSPREVIOUS | OLD', { id: 'prod/db', versionStage: 'AWSPREVIOUS' }],
    ['aws-sm:prod/db?version-id=abc-123 | V', { versionId: 'abc-123' }],
    ['aws-sm:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf', { name: 'DB' }],
    ['aws-ssm:/app/prod/token | TOKEN', { store: 'aws-ssm', id: '/app/prod/token' }],
    ['aws-ssm:/app/prod/token:3', { id: '/app/prod/token:3', name: 'TOKEN' }],
    ['gcp-sm:projects/p1/secrets/api | API', { id: 'projects/p1/secrets/api/versions/latest' }],
    ['gcp-sm:projects/p1/secrets/api/versions/4', { id: 'projects/p1/secrets/api/versions/4', name: 'API' }],
    ['gcp-sm:p1/api/7', { id: 'projects/p1/secrets/api/versions/7' }],
    ['azure-kv:https://My-Vault.vault.azure.net/secrets/db-pass', { id: 'https://my-vault.vault.azure.net/secrets/db-pass', name: 'DBPASS' }],
    [
      'azure-kv:https://v1x.vault.azure.net/secrets/s/0123456789abcdef0123456789abcdef | S',
      { id: 'https://v1x.vault.azure.net/secrets/s/0123456789abcdef0123456789abcdef' },
    ],
    ['azure-kv:https://v1x.vault.azure.cn/secrets/s/', { id: 'https://v1x.vault.azure.cn/secrets/s' }],
    ['azure-kv:my-vault/conn password | file:PW', { id: 'https://my-vault.vault.azure.net/secrets/conn', sink: 'file', name: 'PW' }],
    ['aws-sm:prod/db | dotenv:DB_ENV', { sink: 'dotenv', pick: { kind: 'expand' } }],
    ['aws-sm:prod/db "a b" | AB', { pick: { kind: 'key', field: { raw: '"a b"', segments: ['a b'], quoted: true } } }],
  ];
  test.each(cases)('%s', (line, want) => {
    const s = p(line);
    expect(s).toMatchObject({ line: 3, ...want });
  });

  const bad: [string, string][] = [
    ['aws-sm:', 'found no id'],
    ['aws-sm:prod/db a b | X', 'at most one key'],
    ['aws-sm:prod/db | 1X', 'not a valid variable name'],
    ['aws-sm:prod/db |', 'nothing after "|"'],
    ['aws-sm:prod/db?stage=x | X', 'version-id'],
    ['aws-sm:prod!db | X', 'not a Secrets Manager name'],
    ['aws-ssm:/app?x=1 | X', 'is only for aws-sm'],
    ['gcp-sm:projects/p/secrets | X', 'not a Secret Manager name'],
    ['azure-kv:https://evil.example.com/secrets/x | X', 'not a Key Vault secret'],
    ['aws-sm:prod/db "open | X', 'not closed'],
  ];
  test.each(bad)('%s is refused', (line, msg) => {
    expect(() => p(line)).toThrow(UserError);
    expect(() => p(line)).toThrow(msg);
    expect(() => p(line)).toThrow('line 3');
  });
});

describe('itemsOf', () => {
  const sel = (line: string) => {
    const s = parseStoreLine(line, 1);
    if (!s) throw new Error('x');
    return s;
  };
  test('JSON key, non-string values, nested expansion values', () => {
    const value = JSON.stringify({ a: 'alpha-1', n: 5432, o: { k: 'v-long' }, 'db.password': 'dotted-key' });
    expect(itemsOf({ sel: sel('aws-sm:x n | N'), value, source: 'aws-sm:x' })[0]?.value).toBe('5432');
    expect(itemsOf({ sel: sel('aws-sm:x o.k'), value, source: 'aws-sm:x' })[0]).toMatchObject({ name: 'O__K', value: 'v-long' });
    expect(itemsOf({ sel: sel('aws-sm:x db.password'), value, source: 'aws-sm:x' })[0]?.value).toBe('dotted-key');
    const all = itemsOf({ sel: sel('aws-sm:x * | P_'), value, source: 'aws-sm:x' });
    expect(all.map((i) => [i.name, i.value])).toEqual([
      ['P_A', 'alpha-1'],
      ['P_N', '5432'],
      ['P_O', '{"k":"v-long"}'],
      ['P_DB__PASSWORD', 'dotted-key'],
    ]);
    expect(all[2]?.leaves).toEqual(['v-long']);
  });
  test('a key of a non-JSON value, expansion of a non-object', () => {
    expect(() => itemsOf({ sel: sel('aws-sm:x k'), value: 'plain-text', source: 'aws-sm:x' })).toThrow('is not a JSON object, so it has no key "k"');
    expect(() => itemsOf({ sel: sel('aws-sm:x *'), value: '[1,2]', source: 'aws-sm:x' })).toThrow('cannot be expanded');
  });
  test('errors never carry the value', () => {
    const value = JSON.stringify({ password: 'super-secret-value' });
    try {
      itemsOf({ sel: sel('aws-sm:x nope'), value, source: 'aws-sm:x' });
    } catch (err) {
      expect(String(err)).not.toContain('super-secret-value');
      expect(String(err)).toContain('"password"');
    }
    expect.assertions(2);
  });
});
