/**
 * Parsing of two vault-action inputs: extraHeaders ("Name: value" lines, sent on every Vault
 * request) and authPayload (the JSON login body of another auth method). Errors name the input
 * and the line, never a value.
 */
import { UserError } from '../core/errors.js';
import { isObject } from '../core/json.js';

/** Headers we set ourselves; a duplicate would confuse Vault or leak the intent of the input. */
const RESERVED = new Set(['x-vault-token', 'x-vault-namespace', 'x-vault-request', 'content-type', 'content-length', 'host', 'authorization', 'transfer-encoding', 'connection']);
/** Response wrapping would hide every answer (token, secrets) behind a wrapping token the actions never unwrap. */
const WRAP = 'x-vault-wrap-ttl';

/** What an HTTP header value cannot carry (RFC 9110 field-vchar, obs-text, SP and HTAB are fine): undici's own rule. */
const HEADER_VALUE_BAD = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * "Name: value" per line; a repeated name joins its values with ", " (as vault-action does).
 * A name that is not an HTTP token, or a value with a character HTTP cannot carry (CR, NUL,
 * another control character but tab, anything outside latin1), is a UserError naming the line
 * and the header, never the value.
 */
export function parseExtraHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    const colon = t.indexOf(':');
    const name = colon > 0 ? t.slice(0, colon).trim().toLowerCase() : '';
    if (!name) throw new UserError('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name`);
    // the name is not quoted: a line without its colon where the writer meant one could hold a value
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new UserError('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name (letters, digits and !#$%&'*+.^_\`|~- only, no space)`);
    if (RESERVED.has(name)) {
      throw new UserError('extra-headers', `line ${i + 1}: the ${name} header is set by the action itself${name === 'x-vault-token' ? ' (give the token in the token input)' : name === 'x-vault-namespace' ? ' (use the namespace input)' : ''}`);
    }
    if (name === WRAP) throw new UserError('extra-headers', `line ${i + 1}: ${WRAP} (response wrapping) is not supported: the actions read the answers themselves and never unwrap them`);
    const value = t.slice(colon + 1).trim();
    const bad = HEADER_VALUE_BAD.exec(value)?.[0];
    if (bad !== undefined) {
      const what = bad === '\r' ? 'a carriage return (CR)' : bad === '\0' ? 'a NUL' : bad <= '\x7f' ? 'a control character (only tab is allowed)' : 'a character outside ISO-8859-1 (latin1)';
      throw new UserError('extra-headers', `line ${i + 1}: the value of the ${name} header holds ${what}, which an HTTP header cannot carry; percent- or base64-encode it (the value is not shown)`);
    }
    out[name] = out[name] !== undefined ? `${out[name]}, ${value}` : value;
  });
  return out;
}

/** The JSON object of auth-payload; every string in it is registered as a secret first. */
export function parseAuthPayload(raw: string, secret: (v: string) => void): Record<string, unknown> {
  const text = raw.trim();
  secret(text);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new UserError('auth-payload', 'expected a JSON object, e.g. {"role": "ci", "password": "..."} (the content is not shown)');
  }
  if (!isObject(v)) throw new UserError('auth-payload', 'expected a JSON object (the login body), not an array or a single value');
  const walk = (x: unknown): void => {
    if (typeof x === 'string') secret(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isObject(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return v;
}
