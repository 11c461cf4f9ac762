/**
 * A self-signed JWT for the jwt auth method (hashicorp/vault-action's jwtPrivateKey): the
 * claims vault-action puts in it (iss "vault-action", iat 60 s back, nbf, exp, and the run's
 * event, workflow, sha, actor, repository and ref), signed with the given key. A fresh JWT is
 * signed for every login attempt. The key and the JWT are secrets; neither is ever printed.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { UserError } from '../core/errors.js';

export interface SelfSignedJwt {
  key: KeyObject;
  alg: string;
  /** seconds */
  ttl: number;
  /** the run's claims (event, workflow, sha, actor, repository, ref) */
  claims: Record<string, string>;
}

/** Reads the PEM private key (encrypted when a password is given) and picks the algorithm. */
export function loadSigningKey(pem: string, password: string): { key: KeyObject; alg: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(password ? { key: pem, format: 'pem', passphrase: password } : { key: pem, format: 'pem' });
  } catch (e) {
    const code = typeof e === 'object' && e && 'code' in e ? String((e as { code: unknown }).code) : '';
    const enc = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
    if (enc && !password) throw new UserError('jwt-key-password', 'jwt-private-key is encrypted: give its password in jwt-key-password');
    throw new UserError(
      enc ? 'jwt-key-password' : 'jwt-private-key',
      `cannot read the private key${code ? ` (${code})` : ''}: ${enc ? 'is the password right?' : 'expected an RSA, EC or Ed25519 private key in PEM'}`,
    );
  }
  const type = key.asymmetricKeyType;
  if (type === 'rsa' || type === 'rsa-pss') return { key, alg: 'RS256' };
  if (type === 'ed25519') return { key, alg: 'EdDSA' };
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const alg = curve === 'prime256v1' ? 'ES256' : curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : '';
    if (alg) return { key, alg };
  }
  throw new UserError('jwt-private-key', `unsupported key type "${type ?? 'unknown'}": use an RSA, EC (P-256/384/521) or Ed25519 key`);
}

/** Signs a fresh JWT (now-60 s iat as vault-action does). */
export async function signSelfJwt(s: SelfSignedJwt, nowMs: number = Date.now()): Promise<string> {
  const now = Math.floor(nowMs / 1000);
  return new SignJWT({ ...s.claims })
    .setProtectedHeader({ alg: s.alg, typ: 'JWT' })
    .setIssuer('vault-action')
    .setIssuedAt(now - 60)
    .setNotBefore(now)
    .setExpirationTime(now + s.ttl)
    .sign(s.key);
}
