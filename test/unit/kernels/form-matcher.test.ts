/**
 * The form matcher (src/kernels/form-matcher.ts): the regions it redacts are the union of every
 * occurrence of every form, overlapping ones merged, as a plain search finds them (forms added in
 * batches, multi-byte characters included); and its escape-free view of the bytes. Streaming,
 * escape sequences inside a value and the masker built on it: test/unit/actions/exec/redact.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { FormMatcher, stripView } from '../../../src/kernels/form-matcher.js';

/** Every occurrence of every form of 4 bytes or more, overlapping ones merged into [start, end) pairs. */
function reference(text: Buffer, forms: readonly Buffer[]): number[] {
  const occ: [number, number][] = [];
  for (const f of forms) {
    if (f.length < 4) continue;
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) occ.push([i, i + f.length]);
  }
  occ.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [s, e] of occ) {
    const last = out.length - 1;
    if (out.length && s < (out[last] ?? 0)) out[last] = Math.max(out[last] ?? 0, e);
    else out.push(s, e);
  }
  return out;
}

describe('form matcher', () => {
  it('redacts what a plain search finds: every occurrence, overlaps merged, on random text with wide characters', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'b', 'c', 'é', '🔑', ' ', '\n'];
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)] ?? 'a').join('');
    for (let round = 0; round < 200; round++) {
      const m = new FormMatcher();
      const forms: Buffer[] = [];
      for (let batch = 0; batch < 1 + rnd(4); batch++) {
        const added = Array.from({ length: 1 + rnd(6) }, () => Buffer.from(word(2 + rnd(8))));
        m.add(added);
        forms.push(...added);
      }
      const text = Buffer.from(word(400));
      expect({ round, regions: m.scan(text, true).regions }).toEqual({ round, regions: reference(text, forms) });
    }
  });

  it('the view drops CSI, OSC, ESC x, ESC ( B and NUL, and knows what is not yet complete', () => {
    const v = stripView(Buffer.from('a\x1b[1;31mb\x1b]0;t\x07c\x1b]8;;u\x1b\\d\x1b7e\x1b(Bf\x00g'), true);
    expect(Buffer.from(v.bytes.subarray(0, v.len)).toString()).toBe('abcdefg');
    expect(stripView(Buffer.from('ab\x1b[12'), false).end).toBe(2);
    expect(stripView(Buffer.from('ab\x1b'), false).end).toBe(2);
    expect(stripView(Buffer.from('ab\x1b]0;x'), false).end).toBe(2);
    // a malformed sequence loses only its introducer
    const bad = stripView(Buffer.from('ab\x1b[12\ncd'), true);
    expect(Buffer.from(bad.bytes.subarray(0, bad.len)).toString()).toBe('ab12\ncd');
  });
});
