/**
 * Login endpoints of the Vault imitation: JWT (wire-facts §2, check order and messages as
 * path_login.go and cap validateAll), AppRole and Kubernetes (§4). Signatures are really
 * verified with jose against the issuer's JWKS.
 */
import { compactVerify, createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors } from 'jose';
import type { Mount, JwtRole } from './vault-config.js';
import type { VaultServer } from './vault.js';
import { type Ctx, type Reply, DEFAULT_TTL, badRequest, err, goGlob, ok, permissionDenied, strField } from './vault-types.js';

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const DEFAULT_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

function jwks(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = jwksCache.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cooldownDuration: 0 });
    jwksCache.set(url, set);
  }
  return set;
}

export async function handleLogin(v: VaultServer, mount: Mount, ctx: Ctx): Promise<Reply> {
  let reply: Reply;
  if (mount.type === 'jwt') reply = await jwtLogin(v, mount, ctx);
  else if (mount.type === 'approle') reply = approleLogin(v, mount, ctx);
  else if (mount.type === 'kubernetes') reply = await kubernetesLogin(v, mount, ctx);
  else reply = err(405, '1 error occurred:\n\t* unsupported operation\n\n');
  if (reply.status === 200) v.counters.logins++;
  else v.counters.loginFailures++;
  return reply;
}

type VerifyResult = { claims: Record<string, unknown> } | { error: string };

async function verifySignature(url: string, jwt: string, algs: string[]): Promise<VerifyResult> {
  let alg = '';
  try {
    alg = String(decodeProtectedHeader(jwt).alg ?? '');
  } catch (e) {
    return { error: `error validating token: error parsing token: ${e instanceof Error ? e.message : 'malformed'}` };
  }
  try {
    const { payload } = await compactVerify(jwt, jwks(url));
    if (!algs.includes(alg)) return { error: `error validating token: invalid algorithm (alg) header parameter: ${alg}` };
    const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
      return { error: 'error validating token: error parsing token: claims are not an object' };
    return { claims: claims as Record<string, unknown> };
  } catch (e) {
    if (e instanceof joseErrors.JWSInvalid) return { error: `error validating token: error parsing token: ${e.message}` };
    return { error: 'error validating token: error verifying token signature: failed to verify id token signature' };
  }
}

/** A claim by name or JSON pointer (/a/b). */
function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (!name.startsWith('/')) return claims[name];
  let cur: unknown = claims;
  for (const part of name.slice(1).split('/')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function timeChecks(claims: Record<string, unknown>, now: number, skew: number): string | undefined {
  const n = (k: string): number | undefined => (typeof claims[k] === 'number' ? (claims[k] as number) : undefined);
  const iat = n('iat');
  const nbf = n('nbf');
  const exp = n('exp');
  const leeway = skew < 0 ? 0 : skew;
  if (iat === undefined && nbf === undefined && exp === undefined)
    return 'error validating token: no issued at (iat), not before (nbf), or expiration time (exp) claims in token';
  const effNbf = nbf ?? (iat !== undefined ? iat - 150 : undefined);
  const effExp = exp ?? (iat !== undefined ? iat + 150 : undefined);
  if (effNbf !== undefined && effNbf > now + leeway) return 'error validating token: invalid not before (nbf) claim: token not yet valid';
  if (effExp !== undefined && effExp < now - leeway) return 'error validating token: invalid expiration time (exp) claim: token is expired';
  if (iat !== undefined && iat > now + leeway) return 'error validating token: invalid issued at (iat) claim: token issued in the future';
  return undefined;
}

function boundClaimsCheck(role: JwtRole, claims: Record<string, unknown>): string | undefined {
  for (const [name, expected] of Object.entries(role.bound_claims ?? {})) {
    const actual = claimAt(claims, name);
    if (actual === undefined) return `error validating claims: claim "${name}" is missing`;
    const wants = Array.isArray(expected) ? expected : [expected];
    const actuals = Array.isArray(actual) ? actual : [actual];
    const match = actuals.some((a) =>
      wants.some((w) => {
        if (role.bound_claims_type === 'glob' && typeof w === 'string' && typeof a === 'string') return goGlob(w, a);
        if (typeof a === 'number' || typeof w === 'number') return Number(a) === Number(w) && Number.isInteger(Number(a));
        return a === w;
      }),
    );
    if (!match) return `error validating claims: claim "${name}" does not match any associated bound claim values`;
  }
  return undefined;
}

async function jwtLogin(v: VaultServer, mount: Mount, ctx: Ctx): Promise<Reply> {
  const config = mount.jwt.config;
  if (!config || !config.jwksUrl) return badRequest('could not load configuration');
  const roleName = (strField(ctx.body, 'role') || config.defaultRole || '').toLowerCase();
  if (!roleName) return badRequest('missing role');
  const role = mount.jwt.roles.get(roleName);
  if (!role) return badRequest(`role "${roleName}" could not be found`);
  if ((role.role_type ?? 'oidc') === 'oidc') return badRequest('role with oidc role_type is not allowed');
  const jwt = strField(ctx.body, 'jwt');
  if (!jwt) return badRequest('missing token');
  const verified = await verifySignature(config.jwksUrl, jwt, config.supportedAlgs ?? DEFAULT_ALGS);
  if ('error' in verified) return badRequest(verified.error);
  const claims = verified.claims;
  if (config.boundIssuer && claims['iss'] !== config.boundIssuer) return badRequest('error validating token: invalid issuer (iss) claim');
  if (role.bound_subject && claims['sub'] !== role.bound_subject) return badRequest('error validating token: invalid subject (sub) claim');
  const aud = claims['aud'] === undefined ? [] : Array.isArray(claims['aud']) ? claims['aud'] : [claims['aud']];
  if (role.bound_audiences?.length && !aud.some((a) => role.bound_audiences?.includes(String(a)))) {
    return badRequest('error validating token: invalid audience (aud) claim: audience claim does not match any expected audience');
  }
  const timeErr = timeChecks(claims, Math.floor(v.clock.now() / 1000), role.clock_skew_leeway ?? 60);
  if (timeErr) return badRequest(timeErr);
  if (!role.bound_audiences?.length && aud.length) return badRequest('audience claim found in JWT but no audiences bound to the role');
  const userClaim = role.user_claim ?? 'sub';
  const user = claimAt(claims, userClaim);
  if (user === undefined) return badRequest(`claim "${userClaim}" not found in token`);
  if (typeof user !== 'string') return badRequest(`claim "${userClaim}" could not be converted to string`);
  const claimErr = boundClaimsCheck(role, claims);
  if (claimErr) return badRequest(claimErr);
  const meta: Record<string, string> = { role: roleName };
  for (const [claim, target] of Object.entries(role.claim_mappings ?? {})) {
    const val = claimAt(claims, claim);
    if (val !== undefined) meta[target] = String(val);
  }
  const t = v.issueToken({
    policies: role.token_policies ?? [],
    ttl: role.token_ttl ?? DEFAULT_TTL,
    namespace: mount.namespace,
    type: role.token_type === 'batch' ? 'batch' : 'service',
    displayName: `${mount.path.slice(5, -1)}-${user}`,
    path: `${mount.path}login`,
    meta,
    noDefaultPolicy: role.token_no_default_policy ?? false,
  });
  if (role.token_num_uses) t.numUses = role.token_num_uses;
  return ok(null, { auth: v.authObject(t) });
}

function approleLogin(v: VaultServer, mount: Mount, ctx: Ctx): Reply {
  const roleId = strField(ctx.body, 'role_id');
  if (!roleId) return badRequest('missing role_id');
  const entry = [...mount.approle.entries()].find(([, e]) => e.roleId === roleId);
  if (!entry) return badRequest('invalid role or secret ID');
  const [name, { role, secretIds }] = entry;
  const secretId = strField(ctx.body, 'secret_id');
  if (role.bind_secret_id !== false) {
    if (!secretId) return badRequest('missing secret_id');
    if (!secretIds.has(secretId)) return badRequest('invalid role or secret ID');
  }
  const t = v.issueToken({
    policies: role.token_policies ?? [],
    ttl: role.token_ttl ?? DEFAULT_TTL,
    namespace: mount.namespace,
    type: role.token_type ?? 'service',
    displayName: mount.path.slice(5, -1),
    path: `${mount.path}login`,
    meta: { role_name: name },
  });
  return ok(null, { auth: v.authObject(t) });
}

async function kubernetesLogin(v: VaultServer, mount: Mount, ctx: Ctx): Promise<Reply> {
  const roleName = strField(ctx.body, 'role');
  if (!roleName) return badRequest('missing role');
  const jwt = strField(ctx.body, 'jwt');
  if (!jwt) return badRequest('missing jwt');
  const role = mount.kubernetes.roles.get(roleName);
  if (!role) return badRequest(`invalid role name "${roleName}"`);
  if (!mount.kubernetes.jwksUrl) return badRequest('could not load backend configuration');
  const verified = await verifySignature(mount.kubernetes.jwksUrl, jwt, DEFAULT_ALGS);
  if ('error' in verified) return permissionDenied();
  const claims = verified.claims;
  const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(String(claims['sub'] ?? ''));
  if (!m) return permissionDenied();
  const [, ns = '', sa = ''] = m;
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  if (exp !== undefined && exp * 1000 < v.clock.now()) return permissionDenied();
  if (role.audience) {
    const aud = Array.isArray(claims['aud']) ? claims['aud'] : [claims['aud']];
    if (!aud.includes(role.audience)) return permissionDenied();
  }
  const allows = (list: string[], x: string): boolean => list.some((p) => p === '*' || goGlob(p, x));
  if (!allows(role.bound_service_account_names, sa)) return err(403, 'service account name not authorized');
  if (!allows(role.bound_service_account_namespaces, ns)) return err(403, 'namespace not authorized');
  const t = v.issueToken({
    policies: role.token_policies ?? [],
    ttl: role.token_ttl ?? DEFAULT_TTL,
    namespace: mount.namespace,
    displayName: `${mount.path.slice(5, -1)}-${ns}-${sa}`,
    path: `${mount.path}login`,
    meta: {
      role: roleName,
      service_account_name: sa,
      service_account_namespace: ns,
      service_account_uid: String(claims['uid'] ?? ''),
      service_account_secret_name: '',
    },
  });
  return ok(null, { auth: v.authObject(t) });
}
