/** The masker takes what fetch-secrets can be given: huge multi-line values, lone surrogates. */
import { Masker } from '../../../src/core/mask.js';

describe('masker limits', () => {
  it('registers a value with 30,000 lines (no call-stack overflow) and redacts every line', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `line-${i.toString(36)}-secretpart`);
    const m = new Masker();
    m.register(lines.join('\n'), 'BIG');
    expect(m.redact(`x ${lines[29_999]} y`)).toBe('x *** y');
  });

  it('registers a value holding a lone surrogate (as a JSON "\\ud800" escape decodes) and redacts it', () => {
    const value = 'abc\ud800defghij';
    const m = new Masker();
    expect(() => m.register(value, 'S')).not.toThrow();
    expect(m.redact(`<${value}>`)).toBe('<***>');
  });
});
