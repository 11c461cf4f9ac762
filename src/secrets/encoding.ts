/**
 * hashicorp/vault-action's secretEncodingType: values stored encoded (base64, hex) are decoded
 * before injection. Decoding is strict (a value that is not the encoding fails, it is never
 * turned into garbage) and gives bytes: a file: sink receives them as they are (a keystore, a
 * DER key). Bytes that are not text (invalid UTF-8, or a NUL) cannot live in an env var or a
 * step output, so such a value sent there is refused. The encoded text is masked too (it is as
 * secret as the value): as stored, and without its line breaks. Errors name the selector line
 * and key, never the value.
 */
import { UserError } from '../core/errors.js';
import type { Item } from './item.js';

export type SecretEncoding = 'utf8' | 'base64' | 'hex';

export const ENCODING_INPUT = 'secret-encoding-type';

export type Decoded = { bytes: Buffer } | { problem: string };

/** Spaces, tabs and line breaks may sit anywhere in an encoded value (base64 -w76, xxd -p). */
const SPACE = /[ \t\r\n]/g;

/** 1-based position of the first character of `text` outside `allowed` (spaces and line breaks allowed), 0 when none. */
function firstBad(text: string, allowed: RegExp): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && !allowed.test(c)) return i + 1;
  }
  return 0;
}

/**
 * Strict base64 (RFC 4648 section 4, padded as `base64` writes it) or base64url (section 5,
 * `-` and `_`, padding optional as JWTs and JWKs write it); the two alphabets never mixed, `=`
 * only at the end, and the last character carrying no bits an encoder leaves unset (a value cut
 * or altered is refused). Spaces and line breaks are ignored. The problem never quotes the value.
 */
export function decodeBase64(text: string): Decoded {
  const bad = firstBad(text, /[A-Za-z0-9+/=_-]/);
  if (bad) return { problem: `character ${bad} is not a base64 character` };
  const s = text.replace(SPACE, '');
  const url = /[-_]/.test(s);
  if (url && /[+/]/.test(s)) return { problem: 'it mixes the base64 (+ /) and base64url (- _) alphabets' };
  const body = s.replace(/=+$/, '');
  const pad = s.length - body.length;
  if (body.includes('=')) return { problem: 'it has "=" in the middle ("=" is padding, only at the end; two values joined?)' };
  if (pad > 2) return { problem: `it ends in ${pad} "=" (padding is at most two)` };
  if (body.length % 4 === 1)
    return { problem: `its length (${body.length} characters without padding) cannot be base64: the value was cut or has a character too many` };
  if (pad ? (body.length + pad) % 4 !== 0 : !url && body.length % 4 !== 0) {
    return {
      problem: pad
        ? 'its "=" padding does not fit its length'
        : `its length (${body.length} characters) is not a multiple of 4: the "=" padding is missing, or the value was cut`,
    };
  }
  const bytes = Buffer.from(body, url ? 'base64url' : 'base64');
  if (bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '') !== body) {
    return { problem: 'its last character carries bits no encoder writes (not canonical base64: a cut or altered value?)' };
  }
  return { bytes };
}

/** Strict hex: pairs of 0-9a-f (either case); spaces and line breaks ignored. */
export function decodeHex(text: string): Decoded {
  const bad = firstBad(text, /[0-9a-fA-F]/);
  if (bad) return { problem: `character ${bad} is not a hex digit` };
  const s = text.replace(SPACE, '');
  if (s.length % 2) return { problem: `it has an odd number of hex digits (${s.length})` };
  return { bytes: Buffer.from(s, 'hex') };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text an env var or an output can hold (valid UTF-8 without NUL), else undefined. */
export function bytesAsText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes each env and file value (whole-secret dotenv and JSON files, and PKI certificates, are
 * left as they are).
 * Each decoded item carries its exact bytes (a file: sink writes them); a value whose bytes are
 * not text is `binary`: its `value` is then the encoded text (masked, never injected), and an
 * env sink (env var and output) is refused. Every form of the encoded text goes to `leaves`.
 */
export function decodeItems(items: readonly Item[], enc: SecretEncoding): Item[] {
  if (enc === 'utf8') return [...items];
  return items.map((i) => {
    // whole-secret files are written as stored; a PKI issue's PEM is Vault's own output, never encoded by the user
    if (i.sink === 'dotenv' || i.sink === 'json' || i.pick === 'pki') return i;
    const what = `line ${i.line}: the value of ${i.key ? `"${i.key}"` : 'the secret'} from ${i.source}`;
    const d = enc === 'hex' ? decodeHex(i.value) : decodeBase64(i.value);
    if ('problem' in d) throw new UserError(ENCODING_INPUT, `${what} is not ${enc}: ${d.problem} (the value is not shown)`);
    const compact = i.value.replace(SPACE, '');
    // the text as stored, and without its line breaks and spaces (as a program joining it prints
    // it); a long text in lines is masked line by line, which covers its compact form already
    const covered = compact === i.value || (/[\r\n]/.test(i.value) && compact.length > 4096);
    const encoded = covered ? [i.value] : [i.value, compact];
    const text = bytesAsText(d.bytes);
    if (text !== undefined) return { ...i, value: text, bytes: d.bytes, leaves: [...i.leaves, ...encoded] };
    if (i.sink === 'env') {
      throw new UserError(
        ENCODING_INPUT,
        `${what} decodes to bytes that are not text (not UTF-8, or a NUL byte), which an env var or a step output cannot hold: write it to a file with "| file:${i.name}" (the value is not shown)`,
      );
    }
    return { ...i, value: compact, bytes: d.bytes, binary: true, leaves: [...i.leaves, ...encoded] };
  });
}
