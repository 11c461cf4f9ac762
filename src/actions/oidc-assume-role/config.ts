/**
 * The oidc-assume-role inputs (every configure-aws-credentials 6.2.3 name, same meaning) and
 * the job variables that stand in for them, read into one typed AssumeRoleConfig: the only
 * code of the action that reads an input. Everything is checked before any call: a malformed
 * role ARN, a region outside the role's partition, a duration out of 900..43200 (or above 3600
 * when chaining), an account not in allowed-account-ids, bad tags are UserErrors naming the
 * input. Nothing is exported before.
 */
import { UserError } from '../../core/errors.js';
import { type ProxyOptions, proxyUrl } from '../../core/http.js';
import { parseBool, parseIntIn, parseList } from '../../core/parse.js';
import { type RoleArn, checkPolicyArn, parseRoleArn, parseRoleName } from '../../aws/arn.js';
import { checkAccount, checkRegion, parseAccounts } from '../../aws/checks.js';
import { checkProfileName } from '../../aws/credentials-file.js';
import { type RunInfo, defaultSessionName } from '../../aws/session-name.js';
import { type SessionTag, type TagRun, parseCustomTags, parseTransitiveKeys, runTags, sessionTags } from '../../aws/tags.js';
import type { Runner } from '../../platform/runner.js';

export type { RunInfo } from '../../aws/session-name.js';

export type Source =
  | { kind: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | { kind: 'token-file'; path: string }
  /** role-chaining or force-skip-oidc: the credentials already in the env (or AWS_PROFILE's profile) */
  | { kind: 'env' }
  | { kind: 'oidc' };

export interface AssumeRoleConfig {
  /** a full ARN, or a role name still to be resolved against the caller's account; none: export the keys as they are */
  role: RoleArn | { path: string; name: string; arn?: undefined } | undefined;
  source: Source;
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
  /** the first retry's backoff (PIPELINE_SECRETS_RETRY_BASE_MS, 0..60000; default 500) */
  retryBaseMs: number;
  webIdentityTokenFile?: string;
  endpoint?: string;
  /** write a profile (aws-profile given, or credentials-file) */
  profileMode: boolean;
  profile: string;
  overwriteProfile: boolean;
  /** export the region (and AWS_PROFILE in profile mode) as env variables */
  outputEnv: boolean;
  /** export the key variables too (in profile mode only when output-env-credentials is given as true) */
  exportKeys: boolean;
  unsetCurrent: boolean;
  useExisting: boolean;
  allowedAccounts: string[];
  timeoutSeconds: number;
  specialCharsWorkaround: boolean;
  /** AssumeRole session tags (empty when skipped) and transitive keys */
  tags: SessionTag[];
  transitiveTagKeys: string[];
  /** custom-tags or transitive-tag-keys given (for the web-identity note) */
  tagsAsked: boolean;
  /** http-proxy / no-proxy inputs: override the job's HTTPS_PROXY / NO_PROXY */
  proxy: ProxyOptions;
  /** ca-certificate: PEM text or a path (read by shared/pem.ts's readCa) */
  caCertificate?: string;
}

export const DURATION_MIN = 900;
export const DURATION_MAX = 43200;
export const CHAINED_MAX = 3600;

function parseRole(raw: string): AssumeRoleConfig['role'] {
  if (!raw) return undefined;
  if (raw.startsWith('arn:')) return parseRoleArn(raw, 'role-to-assume');
  const named = parseRoleName(raw);
  if (!named) throw new UserError('role-to-assume', `"${raw.slice(0, 80)}" is neither an IAM role ARN nor a role name (letters, digits and +=,.@_- only)`);
  return named;
}

function parseSource(input: (name: string) => string, role: AssumeRoleConfig['role'], roleChaining: boolean, forceSkipOidc: boolean): Source {
  const accessKeyId = input('aws-access-key-id').trim();
  const secretAccessKey = input('aws-secret-access-key').trim();
  const sessionToken = input('aws-session-token').trim();
  if (accessKeyId) {
    if (!secretAccessKey)
      throw new UserError(
        'aws-secret-access-key',
        'aws-secret-access-key must be given with aws-access-key-id (is the secret empty or not available to this workflow?)',
      );
    return { kind: 'keys', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }
  if (secretAccessKey)
    throw new UserError(
      'aws-access-key-id',
      'aws-access-key-id must be given with aws-secret-access-key (is the secret empty or not available to this workflow?)',
    );
  if (!role)
    throw new UserError(
      'role-to-assume',
      'role-to-assume is required (the IAM role ARN to assume, e.g. arn:aws:iam::123456789012:role/deploy), unless aws-access-key-id and aws-secret-access-key are given to export as they are',
    );
  const tokenFile = input('web-identity-token-file').trim();
  if (tokenFile) return { kind: 'token-file', path: tokenFile };
  if (roleChaining || forceSkipOidc) return { kind: 'env' };
  return { kind: 'oidc' };
}

function retryBaseMs(env: (name: string) => string | undefined): number {
  const v = Number(env('PIPELINE_SECRETS_RETRY_BASE_MS') ?? '');
  return Number.isFinite(v) && v >= 0 && v <= 60_000 && env('PIPELINE_SECRETS_RETRY_BASE_MS') ? v : 500;
}

/** The inputs given as callbacks (readConfig passes the runner's; tests pass maps). */
export function parseInputs(input: (name: string) => string, env: (name: string) => string | undefined, run: RunInfo, tagRun?: TagRun): AssumeRoleConfig {
  const role = parseRole(input('role-to-assume').trim());
  const roleChaining = parseBool(input('role-chaining'), 'role-chaining', false);
  const forceSkipOidc = parseBool(input('force-skip-oidc'), 'force-skip-oidc', false);
  const source = parseSource(input, role, roleChaining, forceSkipOidc);
  if (role && role.arn === undefined && source.kind !== 'keys' && source.kind !== 'env') {
    const given = `${role.path}${role.name}`;
    throw new UserError(
      'role-to-assume',
      `"${given}" is a role name, and without AWS credentials (aws-access-key-id, or role-chaining) its account is unknown: give the full ARN, arn:aws:iam::<account-id>:role/${given}`,
    );
  }

  const endpoint = (input('sts-endpoint').trim() || env('AWS_ENDPOINT_URL_STS') || env('AWS_ENDPOINT_URL') || '').trim();
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new UserError('sts-endpoint', `"${endpoint.slice(0, 80)}" is not an http(s) URL`);
  const regionRaw = input('aws-region').trim() || env('AWS_REGION') || env('AWS_DEFAULT_REGION') || '';
  if (!regionRaw) throw new UserError('aws-region', 'aws-region is required (e.g. us-east-1): STS is called at the regional endpoint');
  const region = checkRegion(regionRaw, 'aws-region', role?.arn ? role.partition : undefined, !!endpoint);

  const durationSeconds = parseIntIn(input('role-duration-seconds'), 'role-duration-seconds', 3600, DURATION_MIN, DURATION_MAX);
  if (roleChaining && durationSeconds > CHAINED_MAX) {
    throw new UserError(
      'role-duration-seconds',
      `role chaining limits sessions to ${CHAINED_MAX} seconds (1 hour), got ${durationSeconds}: AWS rejects longer chained sessions`,
    );
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
  if (externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId))
    throw new UserError('role-external-id', 'role-external-id must be 2 to 1224 characters of letters, digits and +=,.@:/_-');

  const specialCharsWorkaround = parseBool(input('special-characters-workaround'), 'special-characters-workaround', false);
  const disableRetry = parseBool(input('disable-retry'), 'disable-retry', false) && !specialCharsWorkaround;
  const maxAttempts = disableRetry ? 1 : parseIntIn(input('retry-max-attempts'), 'retry-max-attempts', 5, 1, 100);
  const audience = input('audience').trim() || 'sts.amazonaws.com';

  // the GitLab component passes its input default "default" (profile only with credentials_file);
  // on GitHub the default is '' and any aws-profile means a profile, as with the peer
  const rawProfile = input('aws-profile').trim();
  const awsProfile = rawProfile === 'default' && run.platform !== 'github' ? '' : rawProfile;
  const credentialsFile = parseBool(input('credentials-file'), 'credentials-file', false);
  const profile = checkProfileName(awsProfile || 'default', 'aws-profile');
  // the peer's rule: env variables by default, not when aws-profile is set (unless asked for);
  // credentials-file (ours) means the profile and AWS_PROFILE instead of the key variables
  const outputEnvRaw = input('output-env-credentials');
  const outputEnv = parseBool(outputEnvRaw, 'output-env-credentials', credentialsFile || !awsProfile);
  const profileMode = credentialsFile || !!awsProfile;

  const allowedAccounts = parseAccounts(input('allowed-account-ids'));
  if (role?.arn) checkAccount(role.account, allowedAccounts, `role-to-assume ${role.arn}`);

  const skipTags = parseBool(input('role-skip-session-tagging'), 'role-skip-session-tagging', false);
  const custom = parseCustomTags(input('custom-tags'));
  const tags = sessionTags(skipTags || !tagRun ? [] : runTags(tagRun), custom);
  const transitiveRaw = input('transitive-tag-keys');
  // web identity takes no tags (a note is logged): the keys are checked only where they are sent
  const transitiveTagKeys = source.kind === 'keys' || source.kind === 'env' ? parseTransitiveKeys(transitiveRaw, tags) : parseList(transitiveRaw);

  const httpProxy = input('http-proxy').trim() ? proxyUrl(input('http-proxy'), 'http-proxy') : '';
  const noProxy = input('no-proxy').trim();
  const caCertificate = input('ca-certificate').trim();

  return {
    role,
    source,
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
    maxAttempts: specialCharsWorkaround ? Math.max(maxAttempts, 12) : maxAttempts,
    retryBaseMs: retryBaseMs(env),
    ...(source.kind === 'token-file' ? { webIdentityTokenFile: source.path } : {}),
    ...(endpoint ? { endpoint } : {}),
    profileMode,
    profile,
    overwriteProfile: parseBool(input('overwrite-aws-profile'), 'overwrite-aws-profile', false),
    outputEnv,
    exportKeys: profileMode ? outputEnvRaw.trim() !== '' && outputEnv : outputEnv,
    unsetCurrent: parseBool(input('unset-current-credentials'), 'unset-current-credentials', false),
    useExisting: parseBool(input('use-existing-credentials'), 'use-existing-credentials', false),
    allowedAccounts,
    timeoutSeconds: parseIntIn(input('action-timeout-s'), 'action-timeout-s', 0, 0, 86400),
    specialCharsWorkaround,
    tags,
    transitiveTagKeys,
    tagsAsked: custom.length > 0 || transitiveRaw.trim() !== '',
    proxy: { ...(httpProxy ? { httpProxy, httpsProxy: httpProxy } : {}), ...(noProxy ? { noProxy } : {}) },
    ...(caCertificate ? { caCertificate } : {}),
  };
}

/** The key inputs are secrets: masked before anything else is read. */
const KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];

/** What the GitHub / GitLab session tags say of the run. */
function tagRun(r: Runner): TagRun {
  const c = r.context();
  return {
    platform: c.platform,
    repository: c.repository,
    workflow: r.env('GITHUB_WORKFLOW') ?? '',
    action: r.env('GITHUB_ACTION') ?? '',
    actor: c.actor,
    sha: c.sha,
    ref: c.ref,
    runId: c.runId,
    job: c.job,
  };
}

/** Every input of the step (and the job variables standing in for them), masked and checked. */
export function readConfig(r: Runner): AssumeRoleConfig {
  for (const n of KEY_INPUTS) {
    const v = r.input(n).trim();
    if (v) r.secret(v, `the ${n} input`);
  }
  return parseInputs(
    (n) => r.input(n),
    (n) => r.env(n),
    r.context(),
    tagRun(r),
  );
}
