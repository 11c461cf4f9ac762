/** secret-encoding-type (vault-action's secretEncodingType): decoding the fetched values. */
import { describe, expect, it } from '@jest/globals';
import { decodeItems } from '../../../src/secrets/encoding.js';
import { parseEncoding } from '../../../src/actions/fetch-secrets/config.js';
import type { Item } from '../../../src/secrets/item.js';

describe('secretEncodingType', () => {
  const item = (value: string): Item => ({
    line: 1,
    text: 't',
    pick: 'expand',
    name: 'N',
    outputName: 'n',
    sink: 'env',
    value,
    leaves: [],
    source: 'p',
    key: 'k',
    ext: '',
  });
  it('decodes base64 and hex, keeps the encoded form to mask', () => {
    const [b] = decodeItems([item(Buffer.from('hello').toString('base64'))], 'base64');
    expect(b?.value).toBe('hello');
    expect(b?.leaves).toContain(Buffer.from('hello').toString('base64'));
    expect(decodeItems([item('6869')], 'hex')[0]?.value).toBe('hi');
    expect(() => decodeItems([item('zz')], 'hex')).toThrow(/not hex/);
    expect(parseEncoding('UTF-8')).toBe('utf8');
    expect(() => parseEncoding('rot13')).toThrow(/secret-encoding-type/);
  });
});
