/**
 * The decoder's WebAssembly SIMD kernel (src/kernels/simd): it finds the long runs of base64/hex
 * characters that the character scan finds, at block and chunk boundaries, with characters above
 * U+00FF that it sees as run bytes, and the committed module is what runs.wat compiles to.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { encodedMatches } from '../../../src/kernels/decode.js';
import { longRuns } from '../../../src/kernels/simd/runs.js';

function rng(seed: number): () => number {
  let h = seed >>> 0;
  return () => {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    return h >>> 8;
  };
}

/** Text with runs of every length around 16 and 32, separators, percent escapes, '=' padding and wide characters. */
function mixed(n: number, seed: number): string {
  const r = rng(seed);
  const pieces = ['', ' ', '\n', '"', '=', '==', '%2F', '%4a%4B', '.', 'Ł', 'ſ', 'ā', '🔑', 'é', '\u0130', '\u012b'];
  const run = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/+-';
  const hexc = '0123456789abcdef';
  let out = '';
  while (out.length < n) {
    const len = [1, 5, 14, 15, 16, 17, 31, 32, 33, 48, 64, 100][r() % 12] ?? 16;
    const chars = r() % 3 === 0 ? hexc : run;
    for (let i = 0; i < len; i++) out += chars[r() % chars.length];
    out += pieces[r() % pieces.length];
  }
  return out.slice(0, n);
}

/** Every maximal run of 16 or more [A-Za-z0-9_/+-], the plain way (a loop: a regex over a run of millions of characters can exhaust V8's regexp stack). */
function referenceRuns(text: string): number[] {
  const out: number[] = [];
  const isRun = (c: string): boolean => /[A-Za-z0-9_/+-]/.test(c);
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isRun(text[i] ?? '')) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && i - start >= 16) out.push(start, i);
      start = -1;
    }
  }
  return out;
}

describe('simd runs kernel', () => {
  it('loads here (Node has WebAssembly SIMD)', () => {
    expect(longRuns('x'.repeat(40))).toEqual(new Int32Array([0, 40]));
  });

  it('finds every run of 16 or more exactly, at every offset inside a block', () => {
    for (let pre = 0; pre < 34; pre++) {
      for (const len of [15, 16, 17, 31, 32, 33]) {
        for (const post of [0, 1, 15, 16]) {
          const text = ' '.repeat(pre) + 'a'.repeat(len) + '.'.repeat(post);
          expect([...(longRuns(text) ?? [])]).toEqual(referenceRuns(text));
        }
      }
    }
  });

  it('equals the plain scan on random text of one byte per character', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = mixed(300 + seed * 97, seed).replace(/[^\x00-\xff]/gu, '#');
      expect([...(longRuns(text) ?? [])]).toEqual(referenceRuns(text));
    }
  });

  it('gives the decoder the same matches as the character scan, wide characters included', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = mixed(256 + seed * 131, seed + 1000);
      expect(encodedMatches(text, true)).toEqual(encodedMatches(text, false));
    }
  });

  it('gives the same matches when it keeps only the runs that could match (one-byte text)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = mixed(256 + seed * 131, seed + 2000).replace(/[^\x00-\xff]/gu, '\u00e9');
      expect(encodedMatches(text, true)).toEqual(encodedMatches(text, false));
      // and where a run holds what the filter looks for: base64 of text, hex, a percent escape before it
      const planted = `${text} ${Buffer.from(`k=${text.slice(0, 40)}`).toString('base64')} ${Buffer.from(text.slice(0, 30)).toString('hex')} %41${'b'.repeat(20)}`;
      expect(encodedMatches(planted, true)).toEqual(encodedMatches(planted, false));
    }
  });

  it('carries a run across the 4 Mi-character chunks', () => {
    const chunk = 1 << 22;
    const text = 'x '.repeat((chunk - 10) / 2) + 'A'.repeat(20) + ' ' + 'b'.repeat(chunk - 11) + 'c'.repeat(40);
    expect([...(longRuns(text) ?? [])]).toEqual(referenceRuns(text));
    expect(encodedMatches(text, true)).toEqual(encodedMatches(text, false));
  });

  it('is what runs.wat compiles to (scripts/wasm.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
