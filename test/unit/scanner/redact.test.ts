/** gitleaks' --redact=N partial redaction for report files. */
import { describe, expect, it } from '@jest/globals';
import { createScanner } from '../../../src/scanner/engine.js';
import { redactMatch, redactMatchPercent, redactPercent } from '../../../src/scanner/redact.js';

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

describe('a finding without a secret', () => {
  it('shows a path-only finding as is', () => {
    expect(redactMatch('file detected: keys/id_rsa', '')).toBe('file detected: keys/id_rsa');
    expect(redactMatchPercent('file detected: keys/id_rsa', '', 50)).toBe('file detected: keys/id_rsa');
  });
  it('redacts the whole match of a regex finding whose secretGroup matched nothing', () => {
    const match = 'token=' + 'Zq8' + 'xLm2Vt7Rk4Wp9Ys3';
    expect(redactMatch(match, '')).toBe('toke***');
    expect(redactMatch('ab=cd', '')).toBe('***');
    expect(redactMatch('', '')).toBe('');
    expect(redactMatchPercent('', '', 100)).toBe('');
    expect(redactMatchPercent(match, '', 100)).toBe('REDACTED');
    expect(redactMatchPercent(match, '', 50)).not.toContain(match.slice(-8));
  });
});

describe('redaction of an engine finding whose secret group is empty', () => {
  it('never shows the raw match', async () => {
    const configText = `[[rules]]\nid = "opt"\nregex = '''(?:tok=(\\w{8,})|bar_[a-z0-9]{20})'''\nsecretGroup = 1\nkeywords = ["tok=", "bar_"]\n`;
    const scanner = await createScanner({ configText });
    const raw = 'bar_' + 'q7w3e9r1t5y2u8i4o6p0';
    const [f] = scanner.scan({ text: `x = ${raw}\n`, path: 'a.txt' });
    expect(f).toMatchObject({ ruleId: 'opt', secret: '', match: raw });
    expect(redactMatch(f?.match ?? '', f?.secret ?? '')).not.toContain(raw.slice(4));
    expect(redactMatchPercent(f?.match ?? '', f?.secret ?? '', 100)).toBe('REDACTED');
  });
});
