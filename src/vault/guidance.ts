/**
 * Turns Vault's terse login errors into guidance that names what to change: the input, the
 * role, the mount, the claim and the token's (non-secret) value of it. The JWT itself is
 * only decoded for its claims; it never appears in a message.
 */
import { RemoteError } from '../core/errors.js';
import { type Claims, claimText, readClaims } from '../core/jwt.js';

export interface LoginContext {
  /** jwt, approle, kubernetes, github, userpass, ldap, cert, or another auth method's name */
  method: string;
  /** the auth mount, e.g. `jwt` or `jwt-github` */
  mount: string;
  role: string;
  /** the audience the runner token was requested for (jwt) */
  audience?: string;
  /** the JWT sent (jwt, kubernetes): decoded for claims only */
  jwt?: string;
}

const PATH = '"path" input';

/** A claim by name or JSON pointer (/a/b), as text. */
function pointerText(claims: Claims | undefined, name: string): string {
  if (!name.startsWith('/')) return claimText(claims, name);
  let cur: unknown = claims;
  for (const part of name.slice(1).split('/')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[part] : undefined;
  return claimText({ v: cur }, 'v');
}

/** One sentence of advice for a refused login, or '' when Vault's message is already clear. */
export function loginAdvice(details: readonly string[], status: number, ctx: LoginContext): string {
  const text = details.join(' ');
  const claims: Claims | undefined = ctx.jwt ? readClaims(ctx.jwt) : undefined;
  const mount = `auth/${ctx.mount}`;
  const role = ctx.role || '(none)';
  let m: RegExpExecArray | null;
  if (/no handler for route/.test(text)) {
    return `no auth method is enabled at "${mount}": set the ${PATH} to the mount your Vault admin enabled (vault auth list), or enable it (vault auth enable -path=${ctx.mount} ${ctx.method})`;
  }
  if (/could not load configuration/.test(text)) {
    return (
      `the auth mount "${mount}" is not configured for JWT: an admin must run \`vault write ${mount}/config oidc_discovery_url=<issuer> bound_issuer=<issuer>\` ` +
      `(or jwks_url=...), or the ${PATH} points at the wrong mount`
    );
  }
  if (/^missing role\b/.test(text)) return `set the "role" input: the mount "${mount}" has no default_role`;
  if ((m = /role "([^"]*)" could not be found/.exec(text)) || (m = /invalid role name "([^"]*)"/.exec(text))) {
    return `role "${m[1]}" does not exist on the auth mount "${mount}": check the "role" input, or the ${PATH} if the role lives on another mount (vault list ${mount}/role)`;
  }
  if (/oidc role_type is not allowed/.test(text)) {
    return `role "${role}" on "${mount}" has role_type "oidc", which is for browser logins: set role_type=jwt on the role (vault write ${mount}/role/${role} role_type=jwt ...)`;
  }
  if (/invalid audience \(aud\) claim/.test(text)) {
    const aud = claims ? claimText(claims, 'aud') : (ctx.audience ?? '');
    return (
      `the token was issued for audience "${aud}", which is not in the bound_audiences of role "${role}": set the "audience" input to one of the role's bound_audiences, ` +
      `or add "${aud}" to them (vault write ${mount}/role/${role} bound_audiences=...). Coming from hashicorp/vault-action without jwtGithubAudience? Its default audience was "sigstore": set audience (or jwtGithubAudience) to sigstore`
    );
  }
  if (/audience claim found in JWT but no audiences bound/.test(text)) {
    return `role "${role}" has no bound_audiences but the token has aud "${claimText(claims, 'aud')}": add bound_audiences="${claimText(claims, 'aud')}" to the role (it must be set for CI tokens)`;
  }
  if ((m = /claim "([^"]*)" does not match any associated bound claim values/.exec(text))) {
    const name = m[1] ?? '';
    return (
      `the token's claim "${name}" is "${pointerText(claims, name)}", which role "${role}" does not allow in its bound_claims: ` +
      `run from an allowed repository, branch or environment, or widen bound_claims for "${name}" (bound_claims_type=glob allows *)`
    );
  }
  if ((m = /claims: claim "([^"]*)" is missing/.exec(text))) {
    return `role "${role}" binds the claim "${m[1]}" but the token has no such claim (tokens from ${claims?.['iss'] ?? 'this issuer'} carry: ${Object.keys(
      claims ?? {},
    )
      .slice(0, 30)
      .join(', ')})`;
  }
  if ((m = /claim "([^"]*)" not found in token/.exec(text)))
    return `role "${role}" has user_claim "${m[1]}", which the token does not carry: set user_claim to a claim it has (e.g. sub)`;
  if (/invalid subject \(sub\) claim/.test(text))
    return `the token's sub is "${claimText(claims, 'sub')}", which does not equal the bound_subject of role "${role}"`;
  if (/invalid issuer \(iss\) claim/.test(text))
    return `the token's issuer is "${claimText(claims, 'iss')}", which does not equal the bound_issuer of "${mount}/config"`;
  if (/error verifying token signature|error parsing token|missing kid/.test(text)) {
    return `Vault could not verify the token's signature: "${mount}/config" must trust the issuer "${claimText(claims, 'iss')}" (oidc_discovery_url or jwks_url)`;
  }
  if (/token is expired|token not yet valid|issued in the future/.test(text))
    return 'the token is outside its validity window: check the clocks of the runner and of Vault (clock_skew_leeway on the role)';
  if (/invalid role or secret ID/.test(text))
    return 'check the "role-id" and "secret-id" inputs: the secret ID may be wrong, expired or used up (secret_id_num_uses, secret_id_ttl)';
  if (/missing secret_id/.test(text)) return 'set the "secret-id" input (the role has bind_secret_id=true)';
  if (/missing role_id/.test(text)) return 'set the "role-id" input';
  if (/invalid username or password|ldap operation failed|invalid credentials/i.test(text))
    return 'check the "username" and "password" inputs (and the "path" input if the method is mounted elsewhere)';
  if (ctx.method === 'github' && /organization|\borg\b|GitHub|github/i.test(text)) {
    return 'the github auth method needs a personal access token with read:org of a member of the configured organization in "github-token" (the job\'s GITHUB_TOKEN cannot log in)';
  }
  if (ctx.method === 'cert' && /invalid certificate|no chain matching|invalid cert|certificate/i.test(text)) {
    return 'Vault did not accept the TLS client certificate: give the certificate and key a cert role trusts in "client-certificate" and "client-key" (and the role name in "role")';
  }
  if (/service account name not authorized/.test(text)) {
    return `the service account ${claimText(claims, 'sub')} is not in bound_service_account_names of role "${role}"`;
  }
  if (/namespace not authorized/.test(text))
    return `the service account's namespace (${claimText(claims, 'sub')}) is not in bound_service_account_namespaces of role "${role}"`;
  if (status === 403 && /permission denied/.test(text)) {
    if (ctx.method === 'kubernetes')
      return `Vault rejected the service-account token for role "${role}": it may be expired, for another cluster, or lack the role's audience`;
    return (
      `Vault answers "permission denied" to a login when no auth method is enabled at "${mount}" (check the ${PATH} and the "namespace" input), ` +
      `or when role "${role}" restricts source addresses (token_bound_cidrs / secret_id_bound_cidrs)`
    );
  }
  return '';
}

/** Wraps a refused login into a RemoteError with guidance (never retryable: 400/403). */
export function explainLoginError(err: unknown, ctx: LoginContext): unknown {
  if (!(err instanceof RemoteError) || err.status < 400 || err.retryable) return err;
  const advice = loginAdvice(err.details, err.status, ctx);
  const roleText = ctx.role ? ` with role "${ctx.role}"` : '';
  return new RemoteError(`Vault refused the ${ctx.method} login at auth/${ctx.mount}/login${roleText} (HTTP ${err.status})`, {
    service: 'Vault',
    status: err.status,
    code: 'login_refused',
    retryable: false,
    details: err.details,
    ...(advice ? { hint: advice } : {}),
  });
}

/** Advice for a 403 on a secret path: which path and which policies. */
export function permissionAdvice(path: string, capability: string, policies: readonly string[]): string {
  return `the token's policies (${policies.join(', ') || 'none'}) do not grant "${capability}" on "${path}": add a policy with path "${path}" { capabilities = ["${capability}"] } to the role`;
}
