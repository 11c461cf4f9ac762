/** hashicorp/vault-action's pki input form (fetch-secrets' pki input). */
import { describe, expect, it } from '@jest/globals';
import { parsePkiInput } from '../../../../src/actions/fetch-secrets/pki-input.js';

describe('the pki input form', () => {
  it('paths with JSON parameters, ";" inside JSON kept, optional | NAME', () => {
    const s = parsePkiInput(
      'pki/issue/web {"common_name": "a;b.example.com", "ttl": "1h", "exclude_cn_from_sans": true} ;\npki_int/issue/my-role {"common_name": "x"} | TLS',
    );
    expect(s.map((x) => [x.path, x.name, x.outputName, x.params])).toEqual([
      ['pki/issue/web', 'WEB', 'web', { common_name: 'a;b.example.com', ttl: '1h', exclude_cn_from_sans: 'true' }],
      ['pki_int/issue/my-role', 'TLS', 'TLS', { common_name: 'x' }],
    ]);
    expect(s[0]?.vaultActionPki).toBe(true);
  });
  it('errors name the entry', () => {
    expect(() => parsePkiInput('secret/data/x {"a":1}')).toThrow(/entry 1.*PKI issue path/);
    expect(() => parsePkiInput('pki/issue/web {oops}')).toThrow(/not valid JSON/);
  });
});
