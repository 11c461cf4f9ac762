import { describe, expect, test } from '@jest/globals';
import { parseAwsSmCompat } from '../../../../src/actions/fetch-secrets/secret-ids.js';
import { itemsOf } from '../../../../src/stores/index.js';
import { compatEnvName } from '../../../../src/secrets/names.js';

describe('aws-secretsmanager-get-secrets inputs', () => {
  test('secret-ids: names, ARNs, aliases, blank aliases, prefixes, duplicates, comments', () => {
    const c = parseAwsSmCompat({
      'secret-ids': 'exampleSecretName\n  SECRET_ALIAS_1, test/secret \n,secret2\nbeta*    # all beta secrets\nexampleSecretName\n\n# a comment\n',
      'parse-json-secrets': 'true',
      'auto-select-family-attempt-timeout': '2000',
    });
    expect(c.autoSelectFamilyAttemptTimeoutMs).toBe(2000);
    expect(c.selectors.map((s) => [s.line, s.id, s.prefix ?? false, s.pick])).toEqual([
      [1, 'exampleSecretName', false, { kind: 'aws-compat', parseJson: true, nameCase: 'uppercase' }],
      [2, 'test/secret', false, { kind: 'aws-compat', parseJson: true, nameCase: 'uppercase', alias: 'SECRET_ALIAS_1' }],
      [3, 'secret2', false, { kind: 'aws-compat', parseJson: true, nameCase: 'uppercase', alias: '' }],
      [4, 'beta', true, { kind: 'aws-compat', parseJson: true, nameCase: 'uppercase' }],
    ]);
  });

  const bad: [Record<string, string>, string][] = [
    [{ 'secret-ids': '' }, 'give at least one secret'],
    [{ 'secret-ids': 'ab*' }, 'valid prefix search'],
    [{ 'secret-ids': 'a*b' }, 'valid prefix search'],
    [{ 'secret-ids': 'lower_alias,x' }, 'not a valid environment name'],
    [{ 'secret-ids': 'A,B,C' }, 'one comma'],
    [{ 'secret-ids': 'x', 'name-transformation': 'camel' }, 'uppercase, lowercase or none'],
    [{ 'secret-ids': 'x', 'parse-json-secrets': 'maybe' }, 'expected true or false'],
    [{ 'secret-ids': 'x', 'auto-select-family-attempt-timeout': '5' }, '10 or more'],
  ];
  test.each(bad)('%j is refused', (inputs, msg) => {
    expect(() => parseAwsSmCompat(inputs as { 'secret-ids': string })).toThrow(msg);
  });

  test('alias case follows name-transformation', () => {
    expect(() => parseAwsSmCompat({ 'secret-ids': 'lower_alias,x', 'name-transformation': 'lowercase' })).not.toThrow();
    expect(() => parseAwsSmCompat({ 'secret-ids': 'MixedAlias,x', 'name-transformation': 'none' })).not.toThrow();
  });

  test('transformToValidEnvName, with each case', () => {
    expect(compatEnvName('0/test/secret', 'uppercase')).toBe('_0_TEST_SECRET');
    expect(compatEnvName('/prod/example/secret', 'uppercase')).toBe('_PROD_EXAMPLE_SECRET');
    expect(compatEnvName('My-Secret', 'lowercase')).toBe('my_secret');
    expect(compatEnvName('My-Secret', 'none')).toBe('My_Secret');
  });

  test('naming as the README examples: aliases, blank alias, recursive JSON', () => {
    const [plain, aliased, blank] = parseAwsSmCompat({ 'secret-ids': 'test/secret\nALIAS,test/secret\n,secret2', 'parse-json-secrets': 'true' }).selectors;
    const json = JSON.stringify({ api_user: 'user', api_key: 'key', config: { active: 'true' } });
    const names = (sel: typeof plain, value: string) => itemsOf({ sel: sel!, value, source: 'aws-sm:x' }).map((i) => [i.name, i.value]);
    expect(names(plain, json)).toEqual([
      ['TEST_SECRET_API_USER', 'user'],
      ['TEST_SECRET_API_KEY', 'key'],
      ['TEST_SECRET_CONFIG_ACTIVE', 'true'],
    ]);
    expect(names(aliased, json)).toEqual([
      ['ALIAS_API_USER', 'user'],
      ['ALIAS_API_KEY', 'key'],
      ['ALIAS_CONFIG_ACTIVE', 'true'],
    ]);
    expect(names(blank, JSON.stringify({ myusername: 'alejandro_rosalez', mypassword: 'EXAMPLE_PASSWORD' }))).toEqual([
      ['MYUSERNAME', 'alejandro_rosalez'],
      ['MYPASSWORD', 'EXAMPLE_PASSWORD'],
    ]);
    expect(names(blank, 'not json')).toEqual([['SECRET2', 'not json']]);
    const [noParse] = parseAwsSmCompat({ 'secret-ids': 'test/secret' }).selectors;
    expect(names(noParse, json)).toEqual([['TEST_SECRET', json]]);
  });
});
