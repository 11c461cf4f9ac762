/**
 * The oidc-assume-role inputs (configure-aws-credentials names), parsed and checked before
 * any call: a malformed role ARN, a region outside the role's partition, a duration out of
 * 900..43200 (or above 3600 when chaining) are UserErrors naming the input.
 */
import { UserError } from '../core/errors.js';
import type { ProxyOptions } from '../core/http.js';
import { parseBool, parseIntIn, parseList } from '../core/parse.js';
import { type RoleArn, checkPolicyArn, parseRoleArn, parseRoleName } from './arn.js';
import { checkProfileName } from './credentials-file.js';
import { REGION_SHAPE, REGIONS, partitionOf, type Partition } from './regions.js';

export interface RunInfo {
  platform: 'github' | 'gitlab' | 'local';
  repository: string;
  runId: string;
  runAttempt: string;
  actor: string;
}

export interface AssumeRoleConfig {
  /** a full ARN, or a role name still to be resolved against the caller's account */
  role: RoleArn | { path: string; name: string; arn?: undefined };
  region: string;
  sessionName: string;
  durationSeconds: number;
  audience: string;
  roleChaining: boolean;
  externalId?: string;
  inlinePolicy?: string;
  managedPolicies: string[];
  outputCredentials: boolean;
  maskAccountId: boolean;
  maxAttempts: number;
  webIdentityTokenFile?: string;
  endpoint?: string;
  credentialsFile: boolean;
  profile: string;
  proxy?: ProxyOptions;
}

export const DURATION_MIN = 900;
export const DURATION_MAX = 43200;
export const CHAINED_MAX = 3600;

/** STS session names: 2..64 of [\w+=,.@-]. */
export function sanitizeSessionName(raw: string): string {
  let s = raw.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 64) s = s.slice(0, 64);
  if (s.length < 2) s = `${s}pipeline-secrets`.slice(0, 64);
  return s;
}

/** GitHubActions-<run>-<attempt>; GitLab-<project>-<pipeline>; pipeline-secrets-<user> locally. */
export function defaultSessionName(run: RunInfo): string {
  if (run.platform === 'github') return sanitizeSessionName(`GitHubActions-${run.runId || 'run'}-${run.runAttempt || '1'}`);
  if (run.platform === 'gitlab') {
    const suffix = `-${run.runId || 'pipeline'}`;
    const project = sanitizeSessionName(`GitLab-${run.repository || 'project'}`).slice(0, 64 - suffix.length);
    return sanitizeSessionName(`${project}${suffix}`);
  }
  return sanitizeSessionName(`pipeline-secrets-${run.actor || 'local'}`);
}

export function checkRegion(raw: string, input: string, partition: Partition | undefined, endpointGiven: boolean): string {
  const region = raw.trim();
  if (!REGION_SHAPE.test(region)) throw new UserError(input, `"${region.slice(0, 40)}" is not an AWS region name (e.g. us-east-1, eu-west-1)`);
  const p = partitionOf(region);
  if (!p) {
    if (endpointGiven) return region;
    throw new UserError(input, `"${region}" is not a known region of ${partition ?? 'any partition'}${partition ? ` (${REGIONS[partition].join(', ')})` : ''}; for a region newer than this action, also set sts-endpoint`);
  }
  if (partition && p !== partition) {
    throw new UserError(input, `region "${region}" belongs to partition ${p}, but the role ARN is in ${partition}; use a region of ${partition} (${REGIONS[partition].join(', ')})`);
  }
  return region;
}

export function parseInputs(input: (name: string) => string, env: (name: string) => string | undefined, run: RunInfo): AssumeRoleConfig {
  const rawRole = input('role-to-assume').trim();
  if (!rawRole) throw new UserError('role-to-assume', 'role-to-assume is required: the IAM role ARN to assume, e.g. arn:aws:iam::123456789012:role/deploy');
  let role: AssumeRoleConfig['role'];
  if (rawRole.startsWith('arn:')) role = parseRoleArn(rawRole, 'role-to-assume');
  else {
    const named = parseRoleName(rawRole);
    if (!named) throw new UserError('role-to-assume', `"${rawRole.slice(0, 80)}" is neither an IAM role ARN nor a role name (letters, digits and +=,.@_- only)`);
    role = named;
  }

  const endpoint = (input('sts-endpoint').trim() || env('AWS_ENDPOINT_URL_STS') || env('AWS_ENDPOINT_URL') || '').trim();
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new UserError('sts-endpoint', `"${endpoint.slice(0, 80)}" is not an http(s) URL`);
  const regionRaw = input('aws-region').trim() || env('AWS_REGION') || env('AWS_DEFAULT_REGION') || '';
  if (!regionRaw) throw new UserError('aws-region', 'aws-region is required (e.g. us-east-1): STS is called at the regional endpoint');
  const region = checkRegion(regionRaw, 'aws-region', role.arn ? role.partition : undefined, !!endpoint);

  const roleChaining = parseBool(input('role-chaining'), 'role-chaining', false);
  const durationSeconds = parseIntIn(input('role-duration-seconds'), 'role-duration-seconds', 3600, DURATION_MIN, DURATION_MAX);
  if (roleChaining && durationSeconds > CHAINED_MAX) {
    throw new UserError('role-duration-seconds', `role chaining limits sessions to ${CHAINED_MAX} seconds (1 hour), got ${durationSeconds}: AWS rejects longer chained sessions`);
  }

  const givenName = input('role-session-name').trim();
  if (givenName && !/^[\w+=,.@-]{2,64}$/.test(givenName)) {
    throw new UserError('role-session-name', `"${givenName.slice(0, 80)}" is not a valid session name: 2 to 64 characters of letters, digits and +=,.@_-`);
  }

  const inlinePolicy = input('inline-session-policy').trim();
  if (inlinePolicy) {
    try {
      JSON.parse(inlinePolicy);
    } catch {
      throw new UserError('inline-session-policy', 'inline-session-policy is not valid JSON (give an IAM policy document)');
    }
  }
  const managedPolicies = parseList(input('managed-session-policies')).map((a) => checkPolicyArn(a, 'managed-session-policies'));
  if (managedPolicies.length > 10) throw new UserError('managed-session-policies', `at most 10 managed session policies, got ${managedPolicies.length}`);

  const externalId = input('role-external-id').trim();
  if (externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) throw new UserError('role-external-id', 'role-external-id must be 2 to 1224 characters of letters, digits and +=,.@:/_-');

  const disableRetry = parseBool(input('disable-retry'), 'disable-retry', false);
  const maxAttempts = disableRetry ? 1 : parseIntIn(input('retry-max-attempts'), 'retry-max-attempts', 5, 1, 100);
  const tokenFile = input('web-identity-token-file').trim();
  const httpProxy = input('http-proxy').trim();
  const noProxy = input('no-proxy').trim();
  const audience = input('audience').trim() || 'sts.amazonaws.com';

  return {
    role,
    region,
    sessionName: givenName || defaultSessionName(run),
    durationSeconds,
    audience,
    roleChaining,
    ...(externalId ? { externalId } : {}),
    ...(inlinePolicy ? { inlinePolicy } : {}),
    managedPolicies,
    outputCredentials: parseBool(input('output-credentials'), 'output-credentials', false),
    maskAccountId: parseBool(input('mask-aws-account-id'), 'mask-aws-account-id', false),
    maxAttempts,
    ...(tokenFile ? { webIdentityTokenFile: tokenFile } : {}),
    ...(endpoint ? { endpoint } : {}),
    credentialsFile: parseBool(input('credentials-file'), 'credentials-file', false),
    profile: checkProfileName(input('aws-profile').trim() || 'default', 'aws-profile'),
    ...(httpProxy ? { proxy: { httpProxy, httpsProxy: httpProxy, ...(noProxy ? { noProxy } : {}) } } : {}),
  };
}
