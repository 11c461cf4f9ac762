/**
 * The message for "Not authorized to perform sts:AssumeRoleWithWebIdentity" and its kin:
 * built from the token's non-secret claims (iss, sub, aud), it shows what the role's trust
 * policy saw, a trust-policy statement that would match this job, and the usual causes.
 * The token itself is never printed.
 */
import { type Claims, claimText } from '../core/jwt.js';
import type { RoleArn } from './arn.js';

export interface AdviceContext {
  code: string;
  role: RoleArn;
  claims: Claims | undefined;
  /** the audience the action asked the token for */
  audience: string;
  /** where the token came from, for the causes list */
  source: 'github' | 'gitlab' | 'local' | 'file';
}

/** The IAM condition key prefix of an issuer: its URL without https:// (and no trailing /). */
export function conditionPrefix(iss: string): string {
  return iss.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A wider, still safe `sub` pattern for the example (the repository or project, any ref). */
export function subPattern(sub: string): string {
  const gh = /^(repo:[^:]+):/.exec(sub);
  if (gh) return `${gh[1]}:*`;
  const gl = /^(project_path:[^:]+):/.exec(sub);
  if (gl) return `${gl[1]}:*`;
  return sub;
}

export function trustAdvice(ctx: AdviceContext): string {
  const { claims, role } = ctx;
  if (!claims) {
    return 'The identity token could not be decoded as a JWT: check that the token (or web-identity-token-file) holds an OIDC ID token, not an access token.';
  }
  const iss = claimText(claims, 'iss');
  const sub = claimText(claims, 'sub');
  const aud = claimText(claims, 'aud');
  const prefix = conditionPrefix(iss);
  const provider = `arn:${role.partition}:iam::${role.account}:oidc-provider/${prefix}`;
  const audValue = Array.isArray(claims['aud']) ? ((claims['aud'] as unknown[]).map(String)[0] ?? aud) : aud;
  const statement = {
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${prefix}:aud`]: audValue },
      StringLike: { [`${prefix}:sub`]: sub },
    },
  };
  const lines: string[] = [
    `The role ${role.arn} saw this token (non-secret claims only):`,
    `  iss: ${iss}`,
    `  sub: ${sub}`,
    `  aud: ${aud}`,
    `A statement for the trust policy of ${role.name} that lets exactly this job in:`,
    ...JSON.stringify(statement, null, 2)
      .split('\n')
      .map((l) => `  ${l}`),
    ...(subPattern(sub) !== sub ? [`  (to allow every branch, tag and environment of it instead, use "${subPattern(sub)}" as the sub pattern)`] : []),
    'Usual causes:',
  ];
  const causes: string[] = [];
  if (ctx.code === 'InvalidIdentityToken') {
    causes.push(
      `no IAM OIDC identity provider for ${iss} in account ${role.account}: create one (IAM > Identity providers > OpenID Connect, provider URL ${iss}, audience ${audValue}); its ARN is ${provider}`,
    );
    causes.push(`the provider exists but its audiences (client IDs) do not include "${audValue}": add it, or set the \`audience\` input to one it lists`);
    if (ctx.source === 'github' && !enterpriseIssuer(iss))
      causes.push(
        'GitHub Enterprise (GHES or an enterprise issuer slug) issues tokens from a different URL than token.actions.githubusercontent.com: the provider URL must equal the iss above exactly',
      );
  } else if (ctx.code === 'ExpiredTokenException') {
    causes.push(
      'the token expired before STS checked it: a fresh token is fetched for each attempt, so check the runner clock, or refresh the web-identity-token-file',
    );
  } else {
    causes.push(`the trust policy's ${prefix}:sub condition does not match "${sub}" (StringEquals does not expand *: use StringLike for patterns)`);
    if (/:environment:/.test(sub)) causes.push('this job runs in a GitHub environment, so its sub ends in :environment:<name>, not :ref:refs/heads/<branch>');
    if (/:pull_request$/.test(sub)) causes.push('pull_request events have the sub repo:<owner>/<repo>:pull_request, with no branch in it');
    if (/@\d+\//.test(sub))
      causes.push('this repository uses the immutable sub format (OWNER@ID/REPO@ID): patterns written for repo:owner/repo:* do not match it');
    causes.push(`the ${prefix}:aud condition expects another audience than "${aud}" (input \`audience\`, default sts.amazonaws.com)`);
    causes.push(`the Principal names another provider or account than ${provider}`);
    causes.push('the role does not exist in that account, or the role ARN has a typo');
  }
  const ghes = enterpriseIssuer(iss);
  if (ghes) causes.unshift(ghes);
  return [...lines, ...causes.map((c) => `  - ${c}`)].join('\n');
}

/** GitHub Enterprise Server (https://HOST/_services/token) or an enterprise issuer slug: the provider must name that exact issuer. */
export function enterpriseIssuer(iss: string): string | undefined {
  const prefix = conditionPrefix(iss);
  if (/\/_services\/token$/.test(prefix)) {
    return `this token comes from GitHub Enterprise Server (iss ${iss}): the IAM OIDC provider URL must be exactly ${iss}, and the trust policy's condition keys are ${prefix}:sub and ${prefix}:aud (not token.actions.githubusercontent.com)`;
  }
  if (/^token\.actions\.githubusercontent\.com\/.+/.test(prefix)) {
    return `this token carries an enterprise issuer slug (iss ${iss}): the IAM OIDC provider URL must include the slug, and so must the condition keys (${prefix}:sub)`;
  }
  return undefined;
}
