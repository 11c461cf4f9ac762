/**
 * The keyword prefilter's WebAssembly pass (src/kernels/simd/grams.wat) finds exactly the
 * keyword positions the character loop finds: keywords of every length, at chunk boundaries,
 * and next to characters above U+00FF whose low byte is an ASCII letter.
 */
import { describe, expect, it } from '@jest/globals';
import { parse } from 'smol-toml';
import { DEFAULT_CONFIG_TOML } from '../../../src/scanner/engine.js';
import { Prefilter } from '../../../src/kernels/keywords.js';
import { GramKernel } from '../../../src/kernels/simd/grams.js';

const config = parse(DEFAULT_CONFIG_TOML) as { rules: { keywords?: string[] }[] };
const ruleKeywords = config.rules.map((r) => r.keywords ?? []);
const keywords = [...new Set(ruleKeywords.flat())];

function rng(seed: number): () => number {
  let h = seed >>> 0;
  return () => {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    return h >>> 8;
  };
}

/** Words, keywords in mixed case, separators and wide characters (Ŋ is U+014A: its low byte is 'J'). */
function mixed(n: number, seed: number): string {
  const r = rng(seed);
  const filler = ['const ', 'x', '=', '"', '\n', ' ', 'Ŋ', 'ŋ', 'İ', 'ſ', '🔑', 'é', '\u0161', '\u0141'];
  let out = '';
  while (out.length < n) {
    const kw = keywords[r() % keywords.length] ?? 'key';
    const cased = [...kw].map((c) => (r() % 2 ? c.toUpperCase() : c)).join('');
    out += (r() % 3 === 0 ? cased : '') + (filler[r() % filler.length] ?? ' ') + String.fromCharCode(97 + (r() % 26));
  }
  return out.slice(0, n);
}

const asObject = (m: Map<number, number[]>): Record<number, number[]> => Object.fromEntries([...m].sort((a, b) => a[0] - b[0]));

describe('keyword prefilter in WebAssembly', () => {
  const pf = new Prefilter(ruleKeywords);

  it('loads here', () => {
    expect(GramKernel.create(new Uint8Array(256), new Uint16Array(32768))).not.toBeNull();
  });

  it('finds what the character loop finds, on random text with wide characters', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = mixed(256 + seed * 211, seed);
      expect(asObject(pf.hits(text, true))).toEqual(asObject(pf.hits(text, false)));
    }
  });

  it('carries the gram across its 1 Mi-character chunks', () => {
    const chunk = 1 << 20;
    for (const cut of [1, 2, 3]) {
      // a keyword whose last `cut` characters start the second chunk
      const kw = 'password';
      const text = 'x'.repeat(chunk - (kw.length - cut)) + kw + ' ' + mixed(5000, cut);
      const a = pf.hits(text, true);
      expect(asObject(a)).toEqual(asObject(pf.hits(text, false)));
      expect([...a.values()].some((list) => list.includes(chunk - (kw.length - cut)))).toBe(true);
    }
  });
});
