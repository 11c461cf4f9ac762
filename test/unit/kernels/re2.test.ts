/** The RE2 translator (src/kernels/re2.ts): Go RE2 syntax to a JavaScript RegExp of the same meaning; what RE2 rejects throws. */
import { describe, expect, it } from '@jest/globals';
import { translateRe2 } from '../../../src/kernels/re2.js';

describe('RE2 translation (table)', () => {
  const cases: [string, string, boolean][] = [
    [String.raw`\b(p8e-(?i)[a-z]{4})`, 'p8e-AbCd', true],
    [String.raw`\b(p8e-(?i)[a-z]{4})`, 'P8E-abcd', false],
    [String.raw`(?i:ab)C`, 'ABC', true],
    [String.raw`(?i:ab)C`, 'ABc', false],
    [String.raw`(?i)x(?-i:Y)z`, 'XYZ', true],
    [String.raw`(?i)x(?-i:Y)z`, 'XyZ', false],
    [String.raw`^a\z`, 'a', true],
    [String.raw`\Aab\z`, 'ab\n', false],
    [String.raw`[[:alpha:]]+[[:digit:]]`, 'abc1', true],
    [String.raw`\Qa.b\E`, 'axb', false],
    [String.raw`(?P<name>a)b`, 'ab', true],
    [String.raw`(?s)a.b`, 'a\nb', true],
    [String.raw`a.b`, 'a\nb', false],
    [String.raw`a.b`, 'a\rb', true],
    [String.raw`\pL\p{Greek}`, 'aα', true],
    [String.raw`^\$(?:\d+|{\d+})$`, '${12}', true],
    [String.raw`[^]]+]`, 'ab]', true],
    [String.raw`(?m)^b$`, 'a\nb\nc', true],
    [String.raw`\x{41}\101`, 'AA', true],
    [String.raw`(?U)a+`, 'aaa', true],
  ];
  it.each(cases)('%s on %j -> %s', (pattern, input, expected) => {
    const t = translateRe2(pattern);
    expect(new RegExp(t.source, t.flags).test(input)).toBe(expected);
  });
  it.each([String.raw`a*+`, String.raw`(?=a)`, String.raw`(a)\1`, String.raw`a**`, String.raw`(?<!a)b`, String.raw`\C`])('rejects %s', (p) => {
    expect(() => translateRe2(p)).toThrow();
  });
  it('flags nested unbounded repetition, not separated repetition', () => {
    expect(translateRe2('(a+)+$').catastrophic).toBe(true);
    expect(translateRe2(String.raw`(?:[a-z]+\.)+com`).catastrophic).toBe(false);
  });
});
