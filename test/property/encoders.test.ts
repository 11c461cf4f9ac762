/**
 * The property tests' own encoders and generator, checked: each encoder writes what the real
 * tool writes (python3's json.dumps, urllib.parse.quote / quote_plus, base64.b64encode and
 * urlsafe_b64encode; GNU base64 with and without -w0; Node's encodeURIComponent,
 * URLSearchParams and Buffer), every form decodes back to the value, the
 * base64 cores are exactly the characters the value alone fixes, and the generator gives
 * the same 10,000 values of every class on every run.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  base64,
  base64Core,
  gnuBase64,
  jsonGo,
  jsonPhp,
  jsonPython,
  jsonSlash,
  lines,
  lineMaskable,
  needles,
  printedForms,
  pyQuote,
  pyQuotePlus,
  splitPoint,
  PEM_ARMOUR,
  maskable,
  nonSpace,
  stripInvisible,
  urlComponent,
  urlComponentLower,
  urlForm,
  utf8,
  SPLIT_FORMS,
} from './encoders.js';
import { forGitHub, generateValues, prng } from './generator.js';
import { NeedleIndex } from './check.js';
import { NeedleSet, RunnerMasker, referenceRedact } from './search.js';
import { itIf } from '../runner/os.js';

const values = generateValues();
const maskableValues = values.filter((g) => maskable(g.value));

function has(tool: string, args: string[], expect: RegExp): boolean {
  try {
    return expect.test(execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}
const python = has('python3', ['--version'], /^Python 3\./);
const gnuBase64Tool = has('base64', ['--version'], /GNU coreutils/);

/** A sample of every class, short and long ones. */
function sample(n: number, seed: number): string[] {
  const r = prng(seed);
  const byClass = new Map<string, string[]>();
  for (const g of values) byClass.set(g.cls, [...(byClass.get(g.cls) ?? []), g.value]);
  const out: string[] = [];
  for (const list of byClass.values()) for (let i = 0; i < Math.ceil(n / byClass.size); i++) out.push(list[Math.floor(r() * list.length)] ?? '');
  const long = values
    .filter((g) => g.value.length > 1000)
    .slice(0, 5)
    .map((g) => g.value);
  return [...new Set([...out, ...long])];
}

describe('encoders against the real tools', () => {
  itIf(python, 'python3 is not installed')('json.dumps, quote, quote_plus, b64encode and urlsafe_b64encode as python3 writes them', () => {
    const vs = sample(400, 1);
    const script = [
      'import sys, json, base64, urllib.parse',
      'vs = json.load(sys.stdin)',
      'out = []',
      'for v in vs:',
      '    b = v.encode("utf-8")',
      '    out.append({"dumps": json.dumps(v)[1:-1], "quote": urllib.parse.quote(v), "quote_plus": urllib.parse.quote_plus(v),',
      '                "b64": base64.b64encode(b).decode(), "urlsafe": base64.urlsafe_b64encode(b).decode(),',
      '                "unpadded": base64.b64encode(b).decode().rstrip("=")})',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const raw = execFileSync('python3', ['-c', script], { input: JSON.stringify(vs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const got = JSON.parse(raw) as { dumps: string; quote: string; quote_plus: string; b64: string; urlsafe: string; unpadded: string }[];
    expect(got).toHaveLength(vs.length);
    const bad: string[] = [];
    vs.forEach((v, i) => {
      const p = got[i];
      const b = utf8(v);
      if (!p) return;
      if (p.dumps !== jsonPython(v)) bad.push(`json.dumps #${i}`);
      if (p.quote !== pyQuote(v)) bad.push(`quote #${i}`);
      if (p.quote_plus !== pyQuotePlus(v)) bad.push(`quote_plus #${i}`);
      if (p.b64 !== base64(b)) bad.push(`b64encode #${i}`);
      if (p.urlsafe !== base64(b, { url: true })) bad.push(`urlsafe_b64encode #${i}`);
      if (p.unpadded !== base64(b, { pad: false })) bad.push(`unpadded #${i}`);
    });
    expect(bad).toEqual([]);
  });

  itIf(gnuBase64Tool, 'GNU base64 is not installed')('echo "$S" | base64 and printf %s "$S" | base64 -w0 as GNU coreutils writes them', () => {
    const vs = sample(20, 2);
    expect(vs.some((v) => utf8(v).length > 200)).toBe(true);
    for (const v of vs) {
      const echo = spawnSync('base64', [], { input: Buffer.from(`${v}\n`, 'utf8'), encoding: 'utf8' });
      expect(echo.stdout).toBe(gnuBase64(utf8(`${v}\n`)));
      const w0 = spawnSync('base64', ['-w0'], { input: Buffer.from(v, 'utf8'), encoding: 'utf8' });
      expect(w0.stdout).toBe(base64(utf8(v)));
    }
  });

  it('encodeURIComponent, URLSearchParams and Buffer agree (3,000 values)', () => {
    const bad: string[] = [];
    for (const { id, value: v } of values.slice(0, 3000)) {
      const b = Buffer.from(v, 'utf8');
      if (urlComponent(v) !== encodeURIComponent(v)) bad.push(`encodeURIComponent #${id}`);
      if (urlForm(v) !== new URLSearchParams({ k: v }).toString().slice(2)) bad.push(`URLSearchParams #${id}`);
      if (base64(b) !== b.toString('base64')) bad.push(`base64 #${id}`);
      if (base64(b, { url: true, pad: false }) !== b.toString('base64url')) bad.push(`base64url #${id}`);
    }
    expect(bad).toEqual([]);
  });

  it('every JSON, URL and base64 form decodes back to the value (3,000 values)', () => {
    const bad: string[] = [];
    const fromB64 = (s: string): string => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    for (const { id, value: v } of values.slice(3000, 6000)) {
      for (const [name, f] of [
        ['python', jsonPython],
        ['go', jsonGo],
        ['php', jsonPhp],
        ['slash', jsonSlash],
      ] as const) {
        if (JSON.parse(`"${f(v)}"`) !== v) bad.push(`json ${name} #${id}`);
      }
      for (const [name, f] of [
        ['lower', urlComponentLower],
        ['quote', pyQuote],
      ] as const)
        if (decodeURIComponent(f(v)) !== v) bad.push(`url ${name} #${id}`);
      for (const [name, f] of [
        ['form', urlForm],
        ['quote_plus', pyQuotePlus],
      ] as const)
        if (decodeURIComponent(f(v).replace(/\+/g, ' ')) !== v) bad.push(`url ${name} #${id}`);
      if (fromB64(gnuBase64(utf8(v)).replace(/\n/g, '')) !== v) bad.push(`gnu base64 #${id}`);
      if (fromB64(base64(utf8(v), { url: true, pad: false })) !== v) bad.push(`base64url #${id}`);
    }
    expect(bad).toEqual([]);
    // the languages' own marks
    expect(jsonPython('é😀/')).toBe('\\u00e9\\ud83d\\ude00/');
    expect(jsonGo('<a>&\u2028é')).toBe('\\u003ca\\u003e\\u0026\\u2028é');
    expect(jsonPhp('a/é')).toBe('a\\/\\u00e9');
    expect(jsonSlash('a/é')).toBe('a\\/é');
    expect(urlComponentLower('a/b c')).toBe('a%2fb%20c');
    expect(urlForm('a b/*~')).toBe('a+b%2F*%7E');
    expect(pyQuote('a b/~')).toBe('a%20b/~');
    expect(pyQuotePlus('a b/~')).toBe('a+b%2F~');
  });

  it('a base64 core is exactly what the value fixes: inside any neighbours at its alignment, and nothing more', () => {
    const r = prng(3);
    const rndBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
    for (const { value } of maskableValues.slice(0, 400)) {
      const v = utf8(value);
      for (const a of [0, 1, 2] as const) {
        const core = base64Core(v, a);
        expect(core.length).toBeGreaterThanOrEqual(4);
        // the core appears whatever the neighbours are
        const seen = new Set<string>();
        for (let t = 0; t < 6; t++) {
          const pre = rndBytes(a + 3 * Math.floor(r() * 3));
          const post = rndBytes(Math.floor(r() * 4));
          const text = base64(Uint8Array.from([...pre, ...v, ...post]));
          const at = Math.ceil((8 * pre.length) / 6);
          expect(text.slice(at, at + core.length)).toBe(core);
          seen.add(text.slice(Math.max(0, at - 1), at + core.length + 1));
        }
        // and the characters just outside it depend on the neighbours (it is maximal)
        expect(seen.size).toBeGreaterThan(1);
      }
    }
  });

  it('split points fall on code point boundaries inside the value; stripping the invisible gives the value back', () => {
    const bad: string[] = [];
    for (const { id, value } of values.slice(0, 1000)) {
      for (const f of printedForms(value).filter((x) => SPLIT_FORMS.has(x.name))) if (stripInvisible(f.text) !== value) bad.push(`${f.name} #${id}`);
      const k = splitPoint(value, 1);
      const cu = value.charCodeAt(k);
      if (k <= 0 || k >= value.length || (cu >= 0xdc00 && cu <= 0xdfff)) bad.push(`split point #${id}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('the generator', () => {
  it('makes 10,000 distinct values of 4..8192 code points, the same on every run', () => {
    expect(values).toHaveLength(10_000);
    expect(new Set(values.map((g) => g.value)).size).toBe(10_000);
    const lengths = values.map((g) => [...g.value].length);
    expect(Math.min(...lengths)).toBe(4);
    expect(Math.max(...lengths)).toBeGreaterThan(7000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8192);
    expect(lengths.filter((n) => n > 4096).length).toBeGreaterThanOrEqual(5);
    // weighted to short values, so the suite is fast
    expect(lengths.filter((n) => n <= 128).length).toBeGreaterThan(8500);
    // deterministic: the same list again
    const again = generateValues();
    expect(
      createHash('sha256')
        .update(again.map((g) => g.value).join('\0'))
        .digest('hex'),
    ).toBe(
      createHash('sha256')
        .update(values.map((g) => g.value).join('\0'))
        .digest('hex'),
    );
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(values.filter((g) => /[\x00\x1b]/.test(g.value) || loneSurrogate.test(g.value)).map((g) => g.id)).toEqual([]);
  });

  it('covers every character class the promise must survive', () => {
    const all = values.map((g) => g.value);
    const some = (re: RegExp): number => all.filter((v) => re.test(v)).length;
    expect(some(/'/)).toBeGreaterThan(100);
    expect(some(/"/)).toBeGreaterThan(100);
    expect(some(/%/)).toBeGreaterThan(100);
    expect(some(/\r\n/)).toBeGreaterThan(50);
    expect(some(/\r(?!\n)/)).toBeGreaterThan(50);
    expect(some(/\n/)).toBeGreaterThan(200);
    expect(some(/[\u0080-\uffff]/)).toBeGreaterThan(500);
    expect(some(/[\ud800-\udbff][\udc00-\udfff]/)).toBeGreaterThan(200);
    expect(some(/\p{M}/u)).toBeGreaterThan(200);
    expect(some(/^\p{M}/u)).toBeGreaterThan(5);
    expect(some(/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/)).toBeGreaterThan(100);
    expect(some(/[/+=]/)).toBeGreaterThan(1000);
    expect(some(/^\[?\{"/)).toBeGreaterThan(100);
    expect(some(/^-----BEGIN [A-Z ]+-----\r?\n/)).toBeGreaterThan(100);
    expect(some(/:\/\/[^:]+:.*@/)).toBeGreaterThan(100);
    expect(some(/::(add-mask|warning|error)/)).toBeGreaterThan(20);
    expect(some(/^[ \t]|[ \t]$/)).toBeGreaterThan(100);
    expect(some(/[<>&]/)).toBeGreaterThan(100);
    expect(some(/\u2028|\u2029/)).toBeGreaterThan(10);
    // values that are substrings of others (in both directions)
    const set = values.filter((g) => g.cls === 'substring');
    expect(set.length).toBeGreaterThan(300);
    let inside = 0;
    for (const g of set.slice(0, 200)) if (values.some((o) => o.id !== g.id && (o.value.includes(g.value) || g.value.includes(o.value)))) inside++;
    expect(inside).toBeGreaterThan(190);
    // a handful too short to mask once trimmed
    const short = values.filter((g) => g.cls === 'too-short');
    expect(short.length).toBeGreaterThanOrEqual(8);
    for (const g of short) expect(maskable(g.value)).toBe(false);
  });

  it('gives every maskable value needles of masking length, the line-by-line and base64 forms among them', () => {
    const bad: string[] = [];
    for (const { id, value } of maskableValues.slice(0, 2000)) {
      const ns = needles(value);
      const texts = new Set(ns.map((n) => n.text));
      if (ns[0]?.text !== value) bad.push(`first #${id}`);
      for (const n of ns) if (nonSpace(n.text) < 4) bad.push(`short ${n.name} #${id}`);
      const v = utf8(value);
      const want = [jsonPython(value), jsonGo(value), urlForm(value), pyQuote(value), gnuBase64(utf8(`${value}\n`)).split('\n')[0] ?? ''];
      for (const a of [0, 1, 2] as const) if (base64Core(v, a).length >= 6) want.push(base64Core(v, a));
      for (const l of lines(value)) if (nonSpace(l) >= 4 && !(lines(value).length > 1 && PEM_ARMOUR.test(l.trim()))) want.push(l.trim());
      want.forEach((w, i) => {
        if (!texts.has(w)) bad.push(`missing ${i} #${id}`);
      });
      for (const n of ns) if (n.shortCore !== undefined && (!n.name.startsWith('base64 core') || n.text.length >= 8)) bad.push(`shortCore ${n.name} #${id}`);
    }
    expect(bad).toEqual([]);
    // a fragment holding less than 4 bytes of the value is no needle: the last line of echo|base64
    // of a 57-byte value is the newline alone, of a 58-byte value one byte and the newline
    for (const [len, tail] of [
      [57, 'Cg=='],
      [58, 'YQo='],
    ] as const) {
      const value = 'a'.repeat(len);
      expect(
        gnuBase64(utf8(`${value}\n`))
          .split('\n')
          .at(-2),
      ).toBe(tail);
      expect(needles(value).map((n) => n.text)).not.toContain(tail);
    }
    // cores: 5 characters (30 bits) are none, 6 and 7 are excusable, 8 are required
    expect(needles('abcd').filter((n) => n.name.startsWith('base64 core'))).toEqual([]);
    expect(
      needles('abcde')
        .filter((n) => n.name.startsWith('base64 core'))
        .map((n) => [n.text.length, n.shortCore]),
    ).toEqual([
      [6, true],
      [6, true],
      [6, true],
    ]);
    expect(
      needles('abcdefg')
        .filter((n) => n.name.startsWith('base64 core'))
        .every((n) => n.text.length >= 8 && !n.shortCore),
    ).toBe(true);
  });
});

describe('the property can be met, and a miss is seen', () => {
  // 1,500 values of every class, as the exec and GitHub tests print them
  const sample = maskableValues.filter((_, i) => i % 6 === 0).slice(0, 1500);
  const index = new NeedleIndex(sample.map((g) => ({ id: g.id, cls: g.cls, needles: needles(g.value) })));

  it('a redactor that knows only the values (their needles) leaves none visible: no needle turns up by chance in what is left', () => {
    const text = sample
      .map((g) =>
        printedForms(g.value)
          .map((f) => f.text)
          .join('\n'),
      )
      .join('\n');
    const set = new NeedleSet(sample.flatMap((g) => needles(g.value).map((n) => n.text)));
    const out = referenceRedact(text, set);
    expect(out.length).toBeLessThan(text.length / 3);
    expect([...index.leaks(out, 'out'), ...index.leaks(stripInvisible(out), 'shown')]).toEqual([]);
  });

  it('the GitHub runner masking the needles line by line leaves none visible (split forms aside)', () => {
    const gh = sample.filter((g) => lineMaskable(g.value));
    const text = gh
      .map((g) =>
        printedForms(g.value)
          .filter((f) => !SPLIT_FORMS.has(f.name))
          .map((f) => f.text)
          .join('\n'),
      )
      .join('\n');
    const masked = new RunnerMasker(gh.flatMap((g) => needles(g.value).map((n) => n.text))).mask(text);
    expect(index.leaks(masked, 'log')).toEqual([]);
    expect(sample.filter(forGitHub).length).toBeGreaterThan(300);
  });

  it('a redactor that misses one form, or is cut by an ANSI sequence, is caught', () => {
    const text = sample
      .map((g) =>
        printedForms(g.value)
          .map((f) => f.text)
          .join('\n'),
      )
      .join('\n');
    const withoutPython = new NeedleSet(
      sample.flatMap((g) =>
        needles(g.value)
          .filter((n) => n.name !== 'json python')
          .map((n) => n.text),
      ),
    );
    const leaks = index.leaks(referenceRedact(text, withoutPython), 'out');
    expect(leaks.length).toBeGreaterThan(100);
    expect(new Set(leaks.map((l) => l.form))).toEqual(new Set(['json python']));
    // a masker that compares the raw bytes only: the ANSI- and NUL-split values show once rendered
    const rawOnly = new RunnerMasker(sample.flatMap((g) => needles(g.value).map((n) => n.text))).mask(text);
    const shown = index.leaks(stripInvisible(rawOnly), 'shown');
    expect(shown.length).toBeGreaterThan(100);
  });
});
