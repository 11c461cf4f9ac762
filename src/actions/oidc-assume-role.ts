/**
 * oidc-assume-role: the runner's OIDC token for short-lived AWS credentials (STS
 * AssumeRoleWithWebIdentity, or AssumeRole with the credentials already in the env when
 * role-chaining). The credentials are masked before anything else, then exported as env
 * variables or as a 0600 profile that the post step removes. Glue only: protocol in src/aws.
 */
import { UserError } from '../core/errors.js';
import { removeFiles } from '../core/files.js';
import { type RoleArn, accountOfArn, roleArnFor } from '../aws/arn.js';
import { writeProfileFiles } from '../aws/credentials-file.js';
import { type AssumeRoleConfig, parseInputs, checkRegion } from '../aws/inputs.js';
import { type AssumeResult, type StaticCredentials, Sts } from '../aws/sts.js';
import { sessionSummary } from '../aws/summary.js';
import { readTokenFile } from '../aws/token-file.js';
import type { Action, Runner } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const oidcAssumeRoleSpec: ActionSpec = {
  name: 'oidc-assume-role',
  summary: "swap the runner's OIDC token for short-lived AWS credentials (STS), masked",
  inputs: [
    { name: 'role-to-assume', description: 'IAM role ARN to assume (arn:aws:iam::<account>:role/<name>); a bare role name works when AWS credentials are already in the environment' },
    { name: 'aws-region', description: 'AWS region for the regional STS endpoint and AWS_REGION (default: AWS_REGION of the job)', default: '' },
    { name: 'role-session-name', description: 'STS session name (2-64 of letters, digits, +=,.@_-); default GitHubActions-<run id>-<attempt>, or GitLab-<project>-<pipeline>', default: '' },
    { name: 'role-duration-seconds', description: 'session length in seconds, 900 to 43200 (at most 3600 when role-chaining; the role maximum applies)', default: '3600' },
    { name: 'audience', description: 'audience (aud) of the OIDC token; must be a client ID of the IAM OIDC provider', default: 'sts.amazonaws.com' },
    { name: 'role-chaining', description: 'assume role-to-assume with the AWS credentials already in the environment (AssumeRole) instead of the OIDC token', default: 'false' },
    { name: 'role-external-id', description: 'external ID for the AssumeRole call when role-chaining', default: '' },
    { name: 'inline-session-policy', description: 'an IAM policy document (JSON) that further limits the session', default: '' },
    { name: 'managed-session-policies', description: 'managed policy ARNs (one per line, at most 10) that further limit the session', default: '' },
    { name: 'output-credentials', description: 'also set the credentials as masked step outputs (GitHub drops masked outputs between jobs)', default: 'false' },
    { name: 'mask-aws-account-id', description: 'mask the AWS account ID in logs and outputs', default: 'false' },
    { name: 'retry-max-attempts', description: 'attempts for transient STS failures (Throttling, IDPCommunicationError, 5xx, network), each with a fresh OIDC token', default: '5' },
    { name: 'disable-retry', description: 'make one attempt only (same as retry-max-attempts: 1)', default: 'false' },
    { name: 'web-identity-token-file', description: 'read the OIDC token from this file (re-read for each attempt) instead of the runner', default: '' },
    { name: 'sts-endpoint', description: 'STS endpoint URL for private (VPC), FIPS or test endpoints; default AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, else the regional endpoint', default: '' },
    { name: 'http-proxy', description: 'proxy URL for STS calls (default: HTTPS_PROXY / HTTP_PROXY of the job)', default: '' },
    { name: 'no-proxy', description: 'hosts that bypass http-proxy (comma separated)', default: '' },
    { name: 'credentials-file', description: 'write a 0600 shared credentials + config profile in the runner temp dir and export AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE and AWS_PROFILE instead of the key variables; removed after the job', default: 'false' },
    { name: 'aws-profile', description: 'profile name written when credentials-file is true', default: 'default' },
    { name: 'id-token-var', description: 'GitLab: the variable named under the job\'s id_tokens: that holds the token', default: '' },
  ],
};

const FILES_STATE = 'awsFiles';

function retryBaseMs(r: Runner): number {
  const v = Number(r.env('PIPELINE_SECRETS_RETRY_BASE_MS') ?? '');
  return Number.isFinite(v) && v >= 0 && v <= 60_000 && r.env('PIPELINE_SECRETS_RETRY_BASE_MS') ? v : 500;
}

function envCredentials(r: Runner, input: string): StaticCredentials {
  const accessKeyId = r.env('AWS_ACCESS_KEY_ID') ?? '';
  const secretAccessKey = r.env('AWS_SECRET_ACCESS_KEY') ?? '';
  const sessionToken = r.env('AWS_SESSION_TOKEN') ?? '';
  if (!accessKeyId || !secretAccessKey) {
    throw new UserError(input, 'no AWS credentials in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY): run a first oidc-assume-role step before this one');
  }
  r.secret(accessKeyId, 'AWS_ACCESS_KEY_ID');
  r.secret(secretAccessKey, 'AWS_SECRET_ACCESS_KEY');
  if (sessionToken) r.secret(sessionToken, 'AWS_SESSION_TOKEN');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

async function resolveRole(r: Runner, cfg: AssumeRoleConfig, sts: Sts): Promise<RoleArn> {
  if (cfg.role.arn !== undefined) return cfg.role;
  const given = `${cfg.role.path}${cfg.role.name}`;
  if (!r.env('AWS_ACCESS_KEY_ID')) {
    throw new UserError('role-to-assume', `"${given}" is a role name, and without AWS credentials in the environment its account is unknown: give the full ARN, arn:aws:iam::<account-id>:role/${given}`);
  }
  const me = await sts.getCallerIdentity(envCredentials(r, 'role-to-assume'));
  const where = accountOfArn(me.arn);
  if (!where) throw new UserError('role-to-assume', `cannot tell the partition of the current identity; give the full role ARN instead of "${given}"`);
  checkRegion(cfg.region, 'aws-region', where.partition, !!cfg.endpoint);
  return roleArnFor(where.partition, me.account, cfg.role);
}

async function assume(r: Runner, cfg: AssumeRoleConfig, sts: Sts, role: RoleArn): Promise<AssumeResult> {
  const session = {
    role,
    sessionName: cfg.sessionName,
    durationSeconds: cfg.durationSeconds,
    ...(cfg.inlinePolicy ? { policy: cfg.inlinePolicy } : {}),
    policyArns: cfg.managedPolicies,
  };
  if (cfg.roleChaining) {
    return sts.assumeRole({ ...session, credentials: envCredentials(r, 'role-chaining'), ...(cfg.externalId ? { externalId: cfg.externalId } : {}) });
  }
  const file = cfg.webIdentityTokenFile;
  const token = file
    ? async () => {
        const t = await readTokenFile(file, r.workspace());
        r.secret(t, 'web-identity-token-file');
        return t;
      }
    : () => r.idToken(cfg.audience);
  return sts.assumeRoleWithWebIdentity({ ...session, token, audience: cfg.audience, source: file ? 'file' : r.platform });
}

export const oidcAssumeRole: Action = {
  name: 'oidc-assume-role',

  async main(r) {
    const cfg = parseInputs((n) => r.input(n), (n) => r.env(n), r.context());
    const sts = new Sts({
      region: cfg.region,
      ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
      proxy: cfg.proxy ?? r.proxy(),
      retry: { maxAttempts: cfg.maxAttempts, baseDelayMs: retryBaseMs(r), maxDelayMs: 10_000 },
      onRetry: (code, attempt, delay) => r.info(`STS answered ${code}; retrying in ${delay} ms (attempt ${attempt + 1} of ${cfg.maxAttempts})`),
    });
    let res: AssumeResult;
    let role: RoleArn;
    try {
      role = await resolveRole(r, cfg, sts);
      res = await assume(r, cfg, sts, role);
    } finally {
      await sts.close();
    }
    const c = res.credentials;
    // mask before anything else is written
    r.secret(c.accessKeyId, 'the AWS access key id');
    r.secret(c.secretAccessKey, 'the AWS secret access key');
    r.secret(c.sessionToken, 'the AWS session token');
    const account = accountOfArn(res.assumedRoleArn)?.account ?? role.account;
    if (cfg.maskAccountId) r.secret(account, 'the AWS account id');

    if (cfg.credentialsFile) {
      const files = await writeProfileFiles(r.tempDir(), cfg.profile, cfg.region, c);
      r.saveState(FILES_STATE, JSON.stringify([files.credentialsFile, files.configFile]));
      r.exportEnv('AWS_SHARED_CREDENTIALS_FILE', files.credentialsFile);
      r.exportEnv('AWS_CONFIG_FILE', files.configFile);
      r.exportEnv('AWS_PROFILE', files.profile);
      // key variables win over profiles in every SDK: clear those of an earlier step
      for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) if (r.env(k)) r.exportEnv(k, '');
    } else {
      r.exportEnv('AWS_ACCESS_KEY_ID', c.accessKeyId);
      r.exportEnv('AWS_SECRET_ACCESS_KEY', c.secretAccessKey);
      r.exportEnv('AWS_SESSION_TOKEN', c.sessionToken);
    }
    r.exportEnv('AWS_REGION', cfg.region);
    r.exportEnv('AWS_DEFAULT_REGION', cfg.region);

    r.output('aws-account-id', account);
    if (cfg.outputCredentials) {
      r.output('aws-access-key-id', c.accessKeyId);
      r.output('aws-secret-access-key', c.secretAccessKey);
      r.output('aws-session-token', c.sessionToken);
      r.output('aws-expiration', c.expiration.toISOString());
    }
    const minutes = Math.round((c.expiration.getTime() - Date.now()) / 60_000);
    r.info(`Assumed ${role.arn} as ${res.assumedRoleArn}; the credentials expire at ${c.expiration.toISOString()} (in ${minutes} min)`);
    if (cfg.roleChaining) r.warning(`role chaining: the session for ${role.arn} lasts at most 1 hour (expires ${c.expiration.toISOString()}); AWS does not allow longer chained sessions`);
    await r.summary(sessionSummary({ role, result: res, account, maskAccount: cfg.maskAccountId, region: cfg.region, chained: cfg.roleChaining, profile: cfg.credentialsFile ? cfg.profile : undefined, sessionName: cfg.sessionName }));
  },

  async post(r) {
    const raw = r.getState(FILES_STATE);
    if (!raw) return;
    let paths: string[] = [];
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) paths = parsed.filter((p): p is string => typeof p === 'string');
    } catch {
      return;
    }
    const failed = await removeFiles(paths);
    for (const f of failed) r.warning(`could not remove the AWS credentials file ${f.path} (${f.code})`);
    if (!failed.length) r.info(`Removed the AWS credentials and config files (${paths.length})`);
  },
};
