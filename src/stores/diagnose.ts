/**
 * A refused token exchange explained from the OIDC token's non-secret claims: what the token
 * says (iss, sub, aud, and the claims trust conditions usually test) and what the GCP
 * provider or the Entra federated credential must say to accept it. The token is never shown.
 */
import { claimText, readClaims, type Claims } from '../core/jwt.js';

/** The claims a message may show. */
export function tokenFacts(claims: Claims | undefined): string {
  if (!claims) return 'the OIDC token could not be decoded';
  const parts = [`iss "${claimText(claims, 'iss')}"`, `sub "${claimText(claims, 'sub')}"`, `aud "${claimText(claims, 'aud')}"`];
  for (const extra of ['repository_owner', 'repository', 'namespace_path', 'project_path']) {
    if (claims[extra] !== undefined) parts.push(`${extra} "${claimText(claims, extra)}"`);
  }
  return `the OIDC token has ${parts.join(', ')}`;
}

function ownerCondition(claims: Claims | undefined): string {
  if (claims?.['repository_owner'] !== undefined) return `assertion.repository_owner == '${claimText(claims, 'repository_owner')}'`;
  if (claims?.['namespace_path'] !== undefined) return `assertion.namespace_path == '${claimText(claims, 'namespace_path')}'`;
  return `assertion.sub == '${claimText(claims, 'sub')}'`;
}

/** The pool part of a provider name, for the principal an impersonation binding names. */
export function poolOf(provider: string): string {
  return provider.replace(/\/providers\/[^/]+$/, '');
}

/** GCP STS refused the token (invalid_grant, unauthorized_client, invalid_target, invalid_request). */
export function diagnoseGcpExchange(jwt: string, provider: string, error: string): string {
  const c = readClaims(jwt);
  const facts = tokenFacts(c);
  const aud = claimText(c, 'aud');
  const audOk = aud === `https://iam.googleapis.com/${provider}` || aud === `//iam.googleapis.com/${provider}`;
  const lines = [facts];
  if (error === 'invalid_target' || error === 'invalid_request') {
    lines.push(
      `check workload_identity_provider: it must be the full provider name "projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER" of an enabled provider (got "${provider}")`,
    );
  } else if (error === 'unauthorized_client') {
    lines.push(`the provider's attribute condition rejected the token: it must accept these claims, e.g. ${ownerCondition(c)}`);
  } else {
    lines.push(`the provider must have issuer_uri "${claimText(c, 'iss')}" (exactly)`);
    lines.push(
      audOk
        ? "the audience is the provider's default, accepted when allowedAudiences is empty"
        : `allowedAudiences must include "${aud}" (or leave the audience input empty to use https://iam.googleapis.com/${provider})`,
    );
    lines.push('and the token must not be expired');
  }
  lines.push(`the attribute mapping should map google.subject=assertion.sub, and the condition should pin the owner, e.g. ${ownerCondition(c)}`);
  return lines.join('; ');
}

/** IAM Credentials refused generateAccessToken for the service account. */
export function diagnoseGcpImpersonation(jwt: string, provider: string, serviceAccount: string): string {
  const c = readClaims(jwt);
  const principal = `principal://iam.googleapis.com/${poolOf(provider)}/subject/${claimText(c, 'sub')}`;
  return (
    `${tokenFacts(c)}; grant roles/iam.workloadIdentityUser on ${serviceAccount} to ${principal} ` +
    `(or to a principalSet:// of the pool's attribute, e.g. attribute.repository); the same refusal comes back when the service account does not exist`
  );
}

const AAD_HINTS: Record<number, string> = {
  70021: 'no federated credential of the app matches the token',
  700211: 'no federated credential of the app has this issuer',
  700212: 'no federated credential of the app has this audience',
  700213: 'no federated credential of the app has this subject',
  700016: 'no application with this client id exists in the tenant: check client-id and tenant-id',
  700024: 'the OIDC token is outside its validity window (expired, or the clocks disagree)',
  90061: "Entra could not fetch the issuer's discovery document or keys: the issuer must be reachable from the internet",
};

/** Entra ID refused the client assertion. */
export function diagnoseAzureExchange(jwt: string, clientId: string, tenantId: string, codes: readonly number[]): string {
  const c = readClaims(jwt);
  const known = codes.map((n) => AAD_HINTS[n]).filter((s): s is string => s !== undefined);
  const lines = [...known, tokenFacts(c)];
  if (!codes.includes(700016)) {
    lines.push(
      `the app registration (or managed identity) ${clientId} in tenant ${tenantId} needs a federated credential with ` +
        `issuer "${claimText(c, 'iss')}" (exactly, trailing slash included), subject "${claimText(c, 'sub')}" (exactly, case included) and audience "${claimText(c, 'aud')}"`,
    );
  }
  return lines.join('; ');
}
