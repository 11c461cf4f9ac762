/**
 * Reads the non-secret claims of a JWT for error messages (iss, sub, aud, and named
 * claims). The token itself is never printed; claims are not verified here.
 */
import { decodeJwt } from 'jose';

export type Claims = Readonly<Record<string, unknown>>;

export function readClaims(jwt: string): Claims | undefined {
  try {
    return decodeJwt(jwt);
  } catch {
    return undefined;
  }
}

/** A claim as text for a message: strings as is, lists joined, others JSON. */
export function claimText(claims: Claims | undefined, name: string): string {
  const v = claims?.[name];
  if (v === undefined) return '(absent)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(', ');
  return JSON.stringify(v);
}
