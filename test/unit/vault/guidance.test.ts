/** Guidance for Vault's login errors, payload narrowing and input helpers (pure logic). */
import { describe, expect, it } from '@jest/globals';
import { explainLoginError, loginAdvice, type LoginContext } from '../../../src/vault/guidance.js';
import { encodePath, parseEnvelope, vaultErrors } from '../../../src/vault/client.js';
import { urlOrigin } from '../../../src/vault/login.js';
import { RemoteError } from '../../../src/core/errors.js';
import { PayloadError } from '../../../src/core/json.js';

/** An unsigned JWT with the given claims: guidance only decodes claims. */
function jwtWith(claims: Record<string, unknown>): string {
  const b = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256', typ: 'JWT' })}.${b(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

const jwt = jwtWith({
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'https://vault.example',
  sub: 'repo:o/r:ref:refs/heads/dev',
  ref: 'refs/heads/dev',
  repository: 'o/r',
});
const ctx: LoginContext = { method: 'jwt', mount: 'jwt-github', role: 'ci', audience: 'https://vault.example', jwt };

const cases: [string, string[], number, RegExp][] = [
  ['unconfigured mount', ['could not load configuration'], 400, /"auth\/jwt-github" is not configured for JWT.*"path" input/],
  ['missing role', ['missing role'], 400, /set the "role" input/],
  ['unknown role', ['role "ci" could not be found'], 400, /role "ci" does not exist on the auth mount "auth\/jwt-github".*"path" input/],
  ['oidc role type', ['role with oidc role_type is not allowed'], 400, /role_type=jwt/],
  [
    'audience',
    ['error validating token: invalid audience (aud) claim: audience claim does not match any expected audience'],
    400,
    /audience "https:\/\/vault\.example".*"audience" input/,
  ],
  [
    'bound claim',
    ['error validating claims: claim "ref" does not match any associated bound claim values'],
    400,
    /claim "ref" is "refs\/heads\/dev", which role "ci" does not allow/,
  ],
  [
    'json pointer claim',
    ['error validating claims: claim "/repository" does not match any associated bound claim values'],
    400,
    /claim "\/repository" is "o\/r"/,
  ],
  ['missing claim', ['error validating claims: claim "environment" is missing'], 400, /binds the claim "environment" but the token has no such claim/],
  ['subject', ['error validating token: invalid subject (sub) claim'], 400, /sub is "repo:o\/r:ref:refs\/heads\/dev"/],
  ['issuer', ['error validating token: invalid issuer (iss) claim'], 400, /issuer is "https:\/\/token\.actions\.githubusercontent\.com"/],
  ['signature', ['error validating token: error verifying token signature: failed to verify id token signature'], 400, /must trust the issuer/],
  ['expired', ['error validating token: invalid expiration time (exp) claim: token is expired'], 400, /clocks/],
  ['no handler', ['no handler for route "auth/jwt-github/login". route entry not found.'], 404, /no auth method is enabled at "auth\/jwt-github"/],
  ['permission denied', ['permission denied'], 403, /no auth method is enabled at "auth\/jwt-github".*token_bound_cidrs/],
  ['approle', ['invalid role or secret ID'], 400, /"role-id" and "secret-id" inputs/],
];

describe('loginAdvice', () => {
  it.each(cases)('%s', (_name, details, status, expected) => {
    const advice = loginAdvice(details, status, ctx);
    expect(advice).toMatch(expected);
    expect(advice).not.toContain(jwt);
    expect(advice).not.toContain(jwt.split('.')[1]);
  });

  it('wraps a refused login, never retryable; passes transient errors through', () => {
    const refused = new RemoteError('x', { service: 'Vault', status: 400, retryable: false, details: ['missing role'] });
    const wrapped = explainLoginError(refused, ctx);
    expect(wrapped).toBeInstanceOf(RemoteError);
    expect((wrapped as RemoteError).message).toMatch(
      /^Vault refused the jwt login at auth\/jwt-github\/login with role "ci" \(HTTP 400\)\. Vault said: missing role\. set the "role" input/,
    );
    expect((wrapped as RemoteError).retryable).toBe(false);
    const sealed = new RemoteError('y', { service: 'Vault', status: 503, retryable: true });
    expect(explainLoginError(sealed, ctx)).toBe(sealed);
  });
});

describe('Vault payloads', () => {
  it('flattens multierror bodies into details', () => {
    expect(vaultErrors({ errors: ['2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n'] })).toEqual(['permission denied', 'invalid token']);
    expect(vaultErrors({ errors: [] })).toEqual([]);
    expect(vaultErrors('not json')).toEqual([]);
  });
  it('narrows the envelope and names a bad field', () => {
    const env = parseEnvelope(200, {
      request_id: 'r',
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: null,
      mount_type: '',
    });
    expect(env.data).toBeNull();
    expect(() => parseEnvelope(200, { data: 'x' })).toThrow(PayloadError);
    expect(() => parseEnvelope(200, { auth: { client_token: 5 } })).toThrow(/auth\.client_token/);
    expect(parseEnvelope(204, null).warnings).toEqual([]);
  });
  it('encodes path segments', () => {
    expect(encodePath('/secret/data/a b/c?d')).toBe('secret/data/a%20b/c%3Fd');
  });
});

describe('urlOrigin', () => {
  it('defaults the audience to the URL origin', () => {
    expect(urlOrigin('https://vault.example.com:8200/ui/')).toBe('https://vault.example.com:8200');
  });
});
