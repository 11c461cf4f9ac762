/**
 * hashicorp/vault-action's secretEncodingType: values stored encoded (base64, hex) are decoded
 * before injection. The encoded form is masked too (it is as secret as the value). Errors name
 * the selector line and key, never the value.
 */
import { UserError } from '../core/errors.js';
import type { Item } from './values.js';

export type SecretEncoding = 'utf8' | 'base64' | 'hex';

export function parseEncoding(raw: string): SecretEncoding {
  const v = raw.trim().toLowerCase().replace(/^utf-8$/, 'utf8');
  if (v === '' || v === 'utf8') return 'utf8';
  if (v === 'base64' || v === 'hex') return v;
  throw new UserError('secret-encoding-type', `expected base64, hex or utf8, got "${v.slice(0, 20)}"`);
}

/** Decodes each env/file value (whole-secret dotenv and JSON files are left as they are). */
export function decodeItems(items: readonly Item[], enc: SecretEncoding): Item[] {
  if (enc === 'utf8') return [...items];
  return items.map((i) => {
    if (i.sink === 'dotenv' || i.sink === 'json') return i;
    const v = i.value.trim();
    const ok = enc === 'hex' ? /^(?:[0-9a-fA-F]{2})*$/.test(v) : /^[A-Za-z0-9+/_-]*={0,2}$/.test(v.replace(/\s+/g, ''));
    if (!ok) throw new UserError('secret-encoding-type', `line ${i.sel.line}: the value of "${i.key}" from ${i.source} is not ${enc} (the value is not shown)`);
    const value = Buffer.from(enc === 'hex' ? v : v.replace(/\s+/g, ''), enc === 'hex' ? 'hex' : 'base64').toString('utf8');
    return { ...i, value, leaves: [...i.leaves, i.value] };
  });
}
