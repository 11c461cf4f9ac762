/** gitleaks' --redact=N partial redaction for report files. */
import { describe, expect, it } from '@jest/globals';
import { redactMatchPercent, redactPercent } from '../../src/scanner/redact.js';

describe('redactPercent', () => {
  it.each([
    [100, 'REDACTED'],
    [150, 'REDACTED'],
    [0, 'abcdefghij...'],
    [20, 'abcdefgh...'],
    [75, 'ab...'],
    [85, 'ab...'], // 1.5 rounds to even: 2
    [95, '...'], // 0.5 rounds to even: 0
  ])('%i %% of a 10-character secret', (p, want) => {
    expect(redactPercent('abcdefghij', p)).toBe(want);
  });
  it('counts characters, not bytes', () => {
    expect(redactPercent('\u00e9\u00e9\u00e9\u00e9', 50)).toBe('\u00e9\u00e9...');
  });
  it('leaves an empty secret alone and redacts every occurrence in the match', () => {
    expect(redactPercent('', 50)).toBe('');
    expect(redactMatchPercent('k=abcd;v=abcd', 'abcd', 50)).toBe('k=ab...;v=ab...');
    expect(redactMatchPercent('k=abcd', 'abcd', 100)).toBe('k=REDACTED');
  });
});
