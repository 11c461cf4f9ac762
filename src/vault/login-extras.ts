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

/** "Name: value" per line; a repeated name joins its values with ", " (as vault-action does). */
export function parseExtraHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    const colon = t.indexOf(':');
    const name = colon > 0 ? t.slice(0, colon).trim().toLowerCase() : '';
    if (!name || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new UserError('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name`);
    if (RESERVED.has(name)) {
      throw new UserError('extra-headers', `line ${i + 1}: the ${name} header is set by the action itself${name === 'x-vault-token' ? ' (give the token in the token input)' : name === 'x-vault-namespace' ? ' (use the namespace input)' : ''}`);
    }
    if (name === WRAP) throw new UserError('extra-headers', `line ${i + 1}: ${WRAP} (response wrapping) is not supported: the actions read the answers themselves and never unwrap them`);
    const value = t.slice(colon + 1).trim();
    if (/[\r\n\0]/.test(value)) throw new UserError('extra-headers', `line ${i + 1}: the value holds a control character`);
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
