/**
 * Decoding (gitleaks max-decode-depth): base64, hex and percent segments decoded pass after pass,
 * findings placed on the encoded span of the original text and tagged with how they were decoded.
 * The decoder's segment grammar is checked against a straightforward reference (gitleaks'
 * alternation as a JavaScript regex, its precedence rule and strict decoders) on random text.
 * Fake secrets are synthesised at run time; nothing secret-shaped is stored in this file.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createScanner, type LoadedScanner } from '../../../src/scanner/engine.js';
import { Decoder, type Pass } from '../../../src/kernels/decode.js';

function rand(chars: string, n: number, seed: number): string {
  let h = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += chars[(h >>> 8) % chars.length];
  }
  return out;
}

const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ghToken = (seed = 1): string => 'gh' + 'p_' + rand(AN, 36, seed);
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const hex = (s: string): string => Buffer.from(s).toString('hex');
const pct = (s: string): string => [...Buffer.from(s)].map((b) => '%' + b.toString(16).padStart(2, '0').toUpperCase()).join('');

let plain: LoadedScanner;
let decoding: LoadedScanner;
beforeAll(async () => {
  plain = await createScanner({ maxDecodeDepth: 0 });
  decoding = await createScanner({});
});

describe('decoded findings', () => {
  it.each([
    ['base64', b64],
    ['hex', hex],
    ['percent', pct],
  ])('finds a token encoded as %s, on the encoded span, tagged', (kind, enc) => {
    const secret = ghToken(7);
    const encoded = enc(`token = "${secret}"`);
    const text = `line one\n  blob: ${encoded}\nlast\n`;
    expect(plain.scan({ text, path: 'cfg.yml' })).toEqual([]);
    const found = decoding.scan({ text, path: 'cfg.yml' });
    const f = found.find((x) => x.ruleId === 'github-pat');
    expect(f).toBeDefined();
    expect(f).toMatchObject({ startLine: 2, endLine: 2, startColumn: 9, endColumn: 8 + encoded.length, secret });
    expect(f?.tags).toEqual(expect.arrayContaining([`decoded:${kind}`, 'decode-depth:1']));
    expect(f?.fingerprint).toBe('cfg.yml:github-pat:2');
  });

  it('decodes nested encodings up to the depth, tagging every encoding and the depth', async () => {
    const secret = ghToken(8);
    const encoded = b64(hex(`x ${secret} y`));
    const text = `data = ${encoded}\n`;
    const [f] = decoding.scan({ text, path: 'a.txt' }).filter((x) => x.ruleId === 'github-pat');
    expect(f?.tags).toEqual(expect.arrayContaining(['decoded:base64', 'decoded:hex', 'decode-depth:2']));
    expect(f).toMatchObject({ startLine: 1, startColumn: 8, endColumn: 7 + encoded.length, secret });
    const shallow = await createScanner({ maxDecodeDepth: 1 });
    expect(shallow.scan({ text, path: 'a.txt' }).filter((x) => x.ruleId === 'github-pat')).toEqual([]);
  });

  it('keeps plain findings as they are and reports nothing twice', () => {
    const secret = ghToken(9);
    const text = `a = "${secret}"\nb = "${b64('nothing to see here, really')}"\nc = "${pct('/path with spaces/')}"\n`;
    const d = decoding.scan({ text, path: 'x.js' });
    expect(d).toEqual(plain.scan({ text, path: 'x.js' }));
    expect(d.map((f) => f.ruleId)).toEqual(['github-pat']);
  });

  it('honours gitleaks:allow on the encoded line and allowlisted paths', () => {
    const encoded = b64(`token = "${ghToken(10)}"`);
    expect(decoding.scan({ text: `blob: ${encoded} # gitleaks:allow\n`, path: 'a.txt' })).toEqual([]);
    expect(decoding.scan({ text: `blob: ${encoded}\n`, path: 'node_modules/x/a.txt' })).toEqual([]);
  });

  it('maps lines of a diff fragment (lineNumbers) and other lines of a multi-line text', () => {
    const encoded = b64(`key ${ghToken(11)}`);
    const [f] = decoding.scan({ text: `one\ntwo\nv=${encoded}`, path: 'a.txt', lineNumbers: [5, 9, 40] }).filter((x) => x.ruleId === 'github-pat');
    expect(f).toMatchObject({ startLine: 40, startColumn: 3 });
  });

  it('rejects a bad max-decode-depth', async () => {
    await expect(createScanner({ maxDecodeDepth: -1 })).rejects.toThrow(/max-decode-depth/);
  });
});

// ---- the segment grammar against a reference

const GITLEAKS = /(%[0-9A-Fa-f]{2})+|([0-9A-Fa-f]{32,})|([\w/+-]{16,}={0,3})/g;
const PREC = [3, 2, 1];

function printable(b: Buffer): boolean {
  return b.every((x) => x >= 0x09 && x <= 0x7e);
}

function refDecode(kind: number, v: string): string {
  if (kind === 0) {
    const b = Buffer.from(v.replace(/%/g, ''), 'hex');
    return printable(b) ? b.toString('latin1') : '';
  }
  if (kind === 1) {
    if (v.length % 2 || !/[0-9]/.test(v)) return '';
    const b = Buffer.from(v, 'hex');
    return printable(b) ? b.toString('latin1') : '';
  }
  if (!/[0-9+/_-]/.test(v)) return '';
  if (v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v)) {
    const b = Buffer.from(v, 'base64');
    if (printable(b)) return b.toString('latin1');
  }
  if (v.length % 4 !== 1 && /^[A-Za-z0-9_-]*$/.test(v)) {
    const b = Buffer.from(v, 'base64url');
    if (printable(b)) return b.toString('latin1');
  }
  return '';
}

function reference(text: string): { start: number; end: number; value: string }[] {
  const ms = [...text.matchAll(GITLEAKS)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : 2,
  }));
  const out: { start: number; end: number; value: string }[] = [];
  ms.forEach((m, i) => {
    const p = ms[i - 1];
    const q = ms[i + 1];
    if (p && p.end === m.start && (PREC[p.kind] ?? 0) > (PREC[m.kind] ?? 0)) return;
    if (q && q.start === m.end && (PREC[q.kind] ?? 0) > (PREC[m.kind] ?? 0)) return;
    const value = refDecode(m.kind, text.slice(m.start, m.end));
    if (value) out.push({ start: m.start, end: m.end, value });
  });
  return out;
}

describe('segment grammar', () => {
  it("equals gitleaks' alternation, precedence and decoders on random text", () => {
    const pieces = [
      () => b64(rand('abcdefgh ijklmnop=:_-', 12 + ((Math.random() * 30) | 0), (Math.random() * 1e9) | 0)),
      () => hex(rand('abcdef 0123:', 16 + ((Math.random() * 20) | 0), (Math.random() * 1e9) | 0)),
      () => pct(rand('ab /:', 1 + ((Math.random() * 6) | 0), (Math.random() * 1e9) | 0)),
      () => rand('abcdef0123456789ABCDEF', 10 + ((Math.random() * 40) | 0), (Math.random() * 1e9) | 0),
      () => rand(AN + '+/_-=%', 5 + ((Math.random() * 40) | 0), (Math.random() * 1e9) | 0),
      () => rand(' \n.,;"\'(){}', 1 + ((Math.random() * 3) | 0), (Math.random() * 1e9) | 0),
    ];
    for (let round = 0; round < 400; round++) {
      let text = '';
      const parts = 1 + ((Math.random() * 12) | 0);
      for (let i = 0; i < parts; i++) text += (pieces[(Math.random() * pieces.length) | 0] ?? (() => ''))();
      const pass = new Decoder().next({ text, segments: [], depth: 0, prev: null });
      const got = (pass?.segments ?? []).map((s) => ({ start: s.encStart, end: s.encEnd, value: pass?.text.slice(s.decStart, s.decEnd) }));
      expect({ text, got }).toEqual({ text, got: reference(text) });
    }
  });

  it('places a second pass on the original span', () => {
    const inner = hex('hello world, twice encoded');
    const text = `head ${b64(inner)} tail`;
    const d = new Decoder();
    const p0: Pass = { text, segments: [], depth: 0, prev: null };
    const p1 = d.next(p0);
    expect(p1?.text).toBe(`head ${inner} tail`);
    const p2 = p1 ? d.next(p1) : null;
    expect(p2?.text).toBe('head hello world, twice encoded tail');
    expect(p2?.segments[0]).toMatchObject({ origStart: 5, origEnd: 5 + b64(inner).length, kinds: 6 });
  });
});
