import { describe, expect, it } from '@jest/globals';
import { parseField, splitEntries, tokenize } from '../../../src/secrets/grammar.js';
import { envName, normalizeName } from '../../../src/secrets/names.js';

describe('name normalisation', () => {
  it.each([
    ['api_key', 'API_KEY'],
    ['db.password', 'DB__PASSWORD'],
    ['api-key', 'APIKEY'],
    ['a.b.c-d', 'A__BCD'],
    ['1st', '_1ST'],
    ['näme', 'NME'],
    ['with space', 'WITHSPACE'],
  ])('%s -> %s', (key, name) => {
    expect(envName(key)).toBe(name);
  });
  it('keeps case for outputs and is deterministic', () => {
    expect(normalizeName('Db.Pass-word')).toBe('Db__Password');
    expect(normalizeName('Db.Pass-word')).toBe(normalizeName('Db.Pass-word'));
  });
});

describe('splitting', () => {
  it('splits lines and semicolons, drops blanks and comments, keeps line numbers', () => {
    expect(splitEntries('a b\n\n# comment\nc d ; e f;\n  ')).toEqual([
      { line: 1, text: 'a b' },
      { line: 4, text: 'c d' },
      { line: 4, text: 'e f' },
    ]);
  });
  it('one entry per line, a trailing " # comment" dropped (secret-ids), ";" kept', () => {
    expect(splitEntries('a;b  # note\n  # only a comment\n\nc#d\n', { oneByLine: true })).toEqual([
      { line: 1, text: 'a;b' },
      { line: 4, text: 'c#d' },
    ]);
  });
  it('tokenizes with quotes', () => {
    expect(tokenize('p "a b".c `x y`')).toEqual(['p', '"a b".c', '`x y`']);
    expect(tokenize('p "a b')).toMatch(/not closed/);
  });
});

describe('field selectors', () => {
  it('parses dotted and quoted forms', () => {
    expect(parseField('a.b.c')).toEqual({ raw: 'a.b.c', segments: ['a', 'b', 'c'], quoted: false });
    expect(parseField('"a.b".c')).toEqual({ raw: '"a.b".c', segments: ['a.b', 'c'], quoted: true });
    expect(parseField('`x-y`')).toEqual({ raw: '`x-y`', segments: ['x-y'], quoted: true });
  });
  it('rejects malformed ones', () => {
    expect(parseField('a..b')).toMatch(/empty part/);
    expect(parseField('a.')).toMatch(/ends with a dot/);
    expect(parseField('"a"b')).toMatch(/expected "."/);
    expect(parseField('a"b')).toMatch(/quote must start/);
  });
});
