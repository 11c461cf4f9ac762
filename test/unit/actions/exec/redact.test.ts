/**
 * The stream redactor of `exec` and Masker.redact(): every form of a secret, also split by
 * terminal escape sequences or NUL bytes, however the output is chunked; the stream holds
 * back only what could still become a secret.
 */
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Masker } from '../../../../src/core/mask.js';
import { forms } from '../../../../src/core/forms.js';
import { FormMatcher } from '../../../../src/kernels/form-matcher.js';
import { StreamRedactor, byteForms } from '../../../../src/actions/exec/redact.js';

const token = `hvs.${randomBytes(18).toString('base64url')}`;
const awsKey = `wJalr/XUtn+FEMI/K7MDENG+${randomBytes(12).toString('base64')}`;
const unicode = `pässwörd-🔑-e\u0301-"q"-%41`;
const multi = 'line-one-aaaa\r\nline-two-bbbb';
const values = [token, awsKey, unicode, multi];

function masker(vs: readonly string[] = values): Masker {
  const m = new Masker();
  for (const v of vs) m.register(v, 'v');
  return m;
}

/** the stream's output for `bytes` written in pieces cut at `cuts` */
function streamed(forms: readonly string[], bytes: Buffer, cuts: readonly number[]): string {
  let got = '';
  const r = new StreamRedactor(forms, (t) => (got += t));
  let pos = 0;
  for (const c of [...cuts, bytes.length]) {
    r.write(bytes.subarray(pos, c));
    pos = c;
  }
  r.end();
  return got;
}

/** ANSI sequences and NUL bytes a program may put inside a value it prints */
const splitters = [
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[1;38;2;255;0;0m',
  '\x1b]0;title\x07',
  '\x1b]8;;https://example.com\x1b\\',
  '\x1b7',
  '\x1b(B',
  '\x00',
  '\x00\x00',
  '\x1b[0m\x00\x1b[K',
];

describe('Masker.redact and the stream redactor', () => {
  it('redact every form of each value', () => {
    const m = masker();
    const f = byteForms(values);
    for (const v of values) {
      for (const form of forms(v)) {
        const text = `before ${form.text} after`;
        const out = m.redact(text);
        expect(out).not.toContain(form.text);
        expect(out.startsWith('before ')).toBe(true);
        expect(streamed(f, Buffer.from(text), [3, 11])).toBe(out);
      }
    }
  });

  it('redact a value split by an ANSI escape sequence or NUL bytes anywhere inside it, the sequences with it', () => {
    const m = masker();
    const f = byteForms(values);
    for (const v of [token, awsKey, unicode]) {
      const chars = [...v];
      for (const s of splitters) {
        for (let at = 1; at < chars.length; at++) {
          const shown = chars.slice(0, at).join('') + s + chars.slice(at).join('');
          const text = `x ${shown} y`;
          expect(m.redact(text)).toBe('x *** y');
          expect(streamed(f, Buffer.from(text), [at + 2])).toBe('x *** y');
        }
      }
      // several at once, and at both ends (outside the value they are kept)
      const many = `\x1b[32m${chars.map((c) => `${c}\x1b[0m\x00`).join('')}\x1b[m`;
      expect(m.redact(`<${many}>`)).toBe('<\x1b[32m***\x1b[0m\x00\x1b[m>');
    }
  });

  it('redact a JSON or base64 form split by colour codes', () => {
    const m = masker();
    const b64 = Buffer.from(awsKey).toString('base64');
    expect(m.redact(`auth: \x1b[33m${b64.slice(0, 10)}\x1b[0m${b64.slice(10)}\n`)).toBe('auth: \x1b[33m***\n');
    const json = JSON.stringify(unicode).slice(1, -1);
    expect(m.redact(`"${json.slice(0, 5)}\x00${json.slice(5)}"`)).toBe('"***"');
  });

  it('gives the result of the whole text however the bytes are cut: every cut, and every pair of cuts', () => {
    const m = masker();
    const f = byteForms(values);
    const texts = [
      `a ${token} b ${awsKey}\n${unicode}é${multi}\n`,
      `é\x1b[31m${token.slice(0, 6)}\x1b[0m${token.slice(6)}\x1b]0;t\x07 ${unicode.slice(0, 3)}\x00${unicode.slice(3)}`,
      `${Buffer.from(`user:${awsKey}`).toString('base64')} ${encodeURIComponent(unicode)} \x1b[`,
      `${token.slice(0, 10)} ${token.slice(0, 20)}\x1b${token}\x1b]unterminated ${awsKey}`,
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const want = m.redact(text);
      for (const v of values) for (const l of v.split(/\r?\n/)) expect(want).not.toContain(l);
      for (let a = 0; a <= bytes.length; a++) {
        expect(streamed(f, bytes, [a])).toBe(want);
        for (let b = a; b <= Math.min(bytes.length, a + 40); b += 3) expect(streamed(f, bytes, [a, b])).toBe(want);
      }
      expect(streamed(f, bytes, [...bytes.keys()])).toBe(want);
    }
  });

  it('matches random chunkings of random mixes', () => {
    const m = masker();
    const f = byteForms(values);
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const pieces: string[] = [];
      for (let k = 0; k < 10; k++) {
        const v = values[rnd(values.length)] ?? '';
        const cut = rnd(v.length + 1);
        const options = [
          'plain ',
          'é',
          '\n',
          v,
          v.slice(0, cut),
          `${v.slice(0, cut)}${splitters[rnd(splitters.length)] ?? ''}${v.slice(cut)}`,
          Buffer.from(v).toString('base64'),
          '\x1b',
          '\x1b[',
          '\x00',
        ];
        pieces.push(options[rnd(options.length)] ?? '');
      }
      const text = pieces.join('');
      const bytes = Buffer.from(text);
      const cuts: number[] = [];
      for (let i = 0; i < bytes.length; i += 1 + rnd(9)) cuts.push(i);
      expect(streamed(f, bytes, cuts)).toBe(m.redact(text));
    }
  });

  it('hides both of two overlapping secrets', () => {
    const m = masker(['abcdefgh', 'efgh1234']);
    expect(m.redact('xx abcdefgh1234 yy')).toBe('xx *** yy');
    expect(m.redact('abcdefghabcdefgh')).toBe('******');
  });

  it('releases at once what cannot start a secret, and holds only a possible start', () => {
    const f = byteForms([token]);
    const got: string[] = [];
    const r = new StreamRedactor(f, (t) => got.push(t));
    r.write(Buffer.from('hello world\n'));
    expect(got.join('')).toBe('hello world\n');
    r.write(Buffer.from(`x ${token.slice(0, 8)}`));
    expect(got.join('')).toBe('hello world\nx ');
    r.write(Buffer.from(`${token.slice(8)} done`));
    expect(got.join('')).toBe('hello world\nx *** done');
    // a colour code still arriving is held, then released
    r.write(Buffer.from(' \x1b[3'));
    expect(got.join('')).toBe('hello world\nx *** done ');
    r.write(Buffer.from('1mred\x1b[0m'));
    r.end();
    expect(got.join('')).toBe('hello world\nx *** done \x1b[31mred\x1b[0m');
  });

  it('an unterminated OSC holds back at most its cap, then shows as text', () => {
    const f = byteForms([token]);
    let got = '';
    const r = new StreamRedactor(f, (t) => (got += t));
    r.write(Buffer.from(`\x1b]0;${'t'.repeat(100)}`));
    expect(got).toBe('');
    r.write(Buffer.from('t'.repeat(9000)));
    expect(got.length).toBeGreaterThan(9000);
    r.write(Buffer.from(` ${token}`));
    r.end();
    expect(got).not.toContain(token);
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const f = byteForms([token]);
    const text = `ü€🔑${token}🔑`;
    const bytes = Buffer.from(text);
    for (let a = 0; a < bytes.length; a++) expect(streamed(f, bytes, [a])).toBe('ü€🔑***🔑');
  });

  it('a form that itself holds an escape or NUL is matched raw and as a viewer shows it', () => {
    const m = masker(['abc\x00defgh', 'xy\x1b[1mzwvut']);
    expect(m.redact('1 abc\x00defgh 2')).toBe('1 *** 2');
    expect(m.redact('1 abcdefgh 2')).toBe('1 *** 2');
    expect(m.redact('1 xyzwvut 2')).toBe('1 *** 2');
    expect(m.redact('1 xy\x1b[1mzwvut 2')).toBe('1 *** 2');
  });

  it('scales to 10,000 secrets added one at a time', () => {
    const m = new Masker();
    const vs: string[] = [];
    for (let i = 0; i < 10000; i++) {
      const v = `hvs.CAESI${randomBytes(16).toString('base64url')}`;
      vs.push(v);
      m.register(v, `S${i}`);
      if (i % 1000 === 0) m.redact(`line ${i}`);
    }
    const text = `${'lorem ipsum dolor sit amet hvs.CAESI '.repeat(2000)}${vs[1234]} ${Buffer.from(`u:${vs[9999]}`).toString('base64')}`;
    const out = m.redact(text);
    expect(out).not.toContain(vs[1234]);
    // the value, and its base64 core inside `u:value` (the first and last characters mix with
    // the bytes around it)
    expect(out).toMatch(/ \*\*\* \S{0,3}\*\*\*\S{0,3}$/);
    expect(new FormMatcher([Buffer.from('abcd')]).maxLength).toBe(4);
  });
});
