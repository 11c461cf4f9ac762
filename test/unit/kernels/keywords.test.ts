/** The keyword prefilter (src/kernels/keywords.ts) finds what a plain case-insensitive search finds. */
import { describe, expect, it } from '@jest/globals';
import { Prefilter } from '../../../src/kernels/keywords.js';

function rand(chars: string, n: number, seed: number): string {
  let h = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += chars[(h >>> 8) % chars.length];
  }
  return out;
}

describe('keyword prefilter', () => {
  it('finds every occurrence of every keyword, any case, as a plain search does', () => {
    const kws = [['key', 'api_key'], ['s.', 'hvs.'], ['/'], ['ghp_', 'gho_'], ['secretaccess', 'access'], ['q~'], ['k\u00e9y'], ['-----begin']];
    const p = new Prefilter(kws);
    const alphabet = 'kKeEyYaApPiI_sS.hHvV/gGoO-qQ~cCrRtT \n\u00e9\u00c9bBnN';
    for (let round = 0; round < 300; round++) {
      const text = rand(alphabet, 200, round + 100);
      const lower = text.toLowerCase();
      const want = new Map<number, number[]>();
      kws.forEach((list, r) => {
        const pos = new Set<number>();
        for (const k of list) for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) pos.add(i);
        if (pos.size)
          want.set(
            r,
            [...pos].sort((a, b) => a - b),
          );
      });
      expect(p.hits(text)).toEqual(want);
    }
  });
});
