/**
 * oidc-assume-role: the runner's OIDC token (or static keys, a token file, the credentials
 * already in the env) for short-lived AWS credentials, from an AssumeRoleConfig. Every
 * credential is masked the moment it is known; the account is checked against
 * allowed-account-ids and the step timeout before anything is exported; then publish.ts hands
 * out env variables and/or a 0600 profile that the post step removes. Protocol in src/aws.
 */
import { UserError } from '../../core/errors.js';
import { type RoleArn, accountOfArn, roleArnFor } from '../../aws/arn.js';
import { checkAccount, checkRegion } from '../../aws/checks.js';
import { readProfileCredentials } from '../../aws/credentials-file.js';
import { StepTimeout } from '../../aws/step-timeout.js';
// the STS client (and the AWS SDK with it) is imported by main only: the post step just removes files
import type { AssumeResult, StaticCredentials, Sts } from '../../aws/sts.js';
import { readTokenFile } from '../../aws/token-file.js';
import type { Runner } from '../../platform/runner.js';
import { readCa } from '../shared/pem.js';
import type { AssumeRoleConfig } from './config.js';
import { type Obtained, publish } from './publish.js';

const SPECIAL_TRIES = 12;

function masked(r: Runner, c: StaticCredentials, where: string): StaticCredentials {
  r.secret(c.accessKeyId, `${where} access key id`);
  r.secret(c.secretAccessKey, `${where} secret access key`);
  if (c.sessionToken) r.secret(c.sessionToken, `${where} session token`);
  return c;
}

/** The credentials already in the job: the key variables (unless unset-current-credentials), else AWS_PROFILE's profile. */
async function existingCredentials(r: Runner, cfg: AssumeRoleConfig): Promise<StaticCredentials | undefined> {
  const accessKeyId = cfg.unsetCurrent ? '' : (r.env('AWS_ACCESS_KEY_ID') ?? '');
  const secretAccessKey = cfg.unsetCurrent ? '' : (r.env('AWS_SECRET_ACCESS_KEY') ?? '');
  if (accessKeyId && secretAccessKey) {
    const sessionToken = r.env('AWS_SESSION_TOKEN') ?? '';
    return masked(r, { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, "the environment's");
  }
  const file = r.env('AWS_SHARED_CREDENTIALS_FILE') || (r.env('HOME') ? `${r.env('HOME')}/.aws/credentials` : '');
  if (!file) return undefined;
  const p = await readProfileCredentials(file, r.env('AWS_PROFILE') || 'default');
  if (!p) return undefined;
  return masked(
    r,
    { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, ...(p.sessionToken ? { sessionToken: p.sessionToken } : {}) },
    `profile ${r.env('AWS_PROFILE') || 'default'}'s`,
  );
}

/** The credentials that sign AssumeRole / GetCallerIdentity: the key inputs, or those of the job. */
async function callerCredentials(r: Runner, cfg: AssumeRoleConfig, input: string): Promise<StaticCredentials> {
  const s = cfg.source;
  if (s.kind === 'keys') return { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, ...(s.sessionToken ? { sessionToken: s.sessionToken } : {}) };
  const c = await existingCredentials(r, cfg);
  if (!c) {
    const why = cfg.unsetCurrent ? ' (unset-current-credentials ignores the key variables)' : '';
    throw new UserError(
      input,
      `no AWS credentials in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE in AWS_SHARED_CREDENTIALS_FILE)${why}: run a first oidc-assume-role step before this one, or give aws-access-key-id and aws-secret-access-key`,
    );
  }
  return c;
}

async function resolveRole(cfg: AssumeRoleConfig, sts: Sts, caller: StaticCredentials | undefined): Promise<RoleArn | undefined> {
  const role = cfg.role;
  if (!role || role.arn !== undefined) return role;
  if (!caller) throw new UserError('role-to-assume', `"${role.path}${role.name}" is a role name: give the full role ARN`);
  const me = await sts.getCallerIdentity(caller);
  const where = accountOfArn(me.arn);
  if (!where)
    throw new UserError('role-to-assume', `cannot tell the partition of the current identity; give the full role ARN instead of "${role.path}${role.name}"`);
  checkRegion(cfg.region, 'aws-region', where.partition, !!cfg.endpoint);
  const arn = roleArnFor(where.partition, me.account, role);
  checkAccount(arn.account, cfg.allowedAccounts, `role-to-assume ${arn.arn}`);
  return arn;
}

async function assumeOnce(r: Runner, cfg: AssumeRoleConfig, sts: Sts, role: RoleArn, caller: StaticCredentials | undefined): Promise<AssumeResult> {
  const session = {
    role,
    sessionName: cfg.sessionName,
    durationSeconds: cfg.durationSeconds,
    ...(cfg.inlinePolicy ? { policy: cfg.inlinePolicy } : {}),
    policyArns: cfg.managedPolicies,
  };
  if (caller) {
    return sts.assumeRole({
      ...session,
      credentials: caller,
      tags: cfg.tags,
      transitiveTagKeys: cfg.transitiveTagKeys,
      ...(cfg.externalId ? { externalId: cfg.externalId } : {}),
    });
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

async function obtain(r: Runner, cfg: AssumeRoleConfig, sts: Sts, hasSpecialCharacters: (c: StaticCredentials) => boolean): Promise<Obtained> {
  if (cfg.useExisting) {
    const have = await existingCredentials(r, cfg);
    const me = have ? await sts.getCallerIdentity(have).catch(() => undefined) : undefined;
    if (me && (!cfg.allowedAccounts.length || cfg.allowedAccounts.includes(me.account))) return { kind: 'existing', account: me.account, arn: me.arn };
    r.annotate(
      'notice',
      `use-existing-credentials: ${me ? `the credentials in the environment are for account ${me.account}, not in allowed-account-ids` : 'no valid credentials in the environment'}; assuming the role as usual`,
    );
  }
  const usesCaller = cfg.source.kind === 'keys' || cfg.source.kind === 'env';
  const caller = usesCaller
    ? await callerCredentials(r, cfg, cfg.source.kind === 'keys' ? 'aws-access-key-id' : cfg.roleChaining ? 'role-chaining' : 'force-skip-oidc')
    : undefined;
  const role = await resolveRole(cfg, sts, caller);
  if (!role) {
    // long-lived keys exported as given: check they work, and for which account
    const keys = caller ?? { accessKeyId: '', secretAccessKey: '' };
    const me = await sts.getCallerIdentity(keys);
    checkAccount(me.account, cfg.allowedAccounts, `aws-access-key-id (${me.arn})`);
    return { kind: 'keys', credentials: { ...keys, sessionToken: keys.sessionToken ?? '' }, account: me.account, arn: me.arn };
  }
  if (!usesCaller && cfg.tagsAsked) {
    r.warning(
      "custom-tags / transitive-tag-keys are ignored here: AssumeRoleWithWebIdentity takes no session tags (its tags come from the token's claims, https://aws.amazon.com/tags). They apply to AssumeRole only: static keys or role-chaining.",
    );
  }
  if (cfg.source.kind === 'keys')
    r.info('Assuming the role with long-lived IAM user keys; OIDC (role-to-assume alone, permissions: id-token: write) needs no stored secret');
  const tries = cfg.specialCharsWorkaround ? SPECIAL_TRIES : 1;
  for (let i = 1; ; i++) {
    const res = await assumeOnce(r, cfg, sts, role, caller);
    masked(r, res.credentials, 'the new');
    if (!cfg.specialCharsWorkaround || !hasSpecialCharacters(res.credentials)) {
      const account = accountOfArn(res.assumedRoleArn)?.account ?? role.account;
      checkAccount(account, cfg.allowedAccounts, `the assumed role ${res.assumedRoleArn}`);
      return { kind: 'assumed', role, result: res, account, chained: !!caller?.sessionToken || cfg.roleChaining, web: !caller };
    }
    if (i >= tries)
      throw new UserError('special-characters-workaround', `after ${tries} sessions the secret access key still had special characters; nothing was exported`);
    r.info(`special-characters-workaround: the secret access key has special characters; assuming the role again (${i + 1} of ${tries})`);
  }
}

/** Obtains the credentials the config asks for, checks them, and hands them to the job. */
export async function run(cfg: AssumeRoleConfig, r: Runner): Promise<void> {
  const timeout = new StepTimeout(cfg.timeoutSeconds);
  if (cfg.timeoutSeconds) r.info(`action-timeout-s: the step fails after ${cfg.timeoutSeconds} s`);
  const ca = cfg.caCertificate ? readCa(cfg.caCertificate, r.workspace()) : undefined;
  const { Sts, hasSpecialCharacters } = await import('../../aws/sts.js');
  const sts = new Sts({
    region: cfg.region,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    proxy: { ...r.proxy(), ...cfg.proxy },
    ...(ca ? { tls: { ca } } : {}),
    timeoutMs: timeout.capMs(30_000),
    retry: {
      maxAttempts: cfg.maxAttempts,
      baseDelayMs: cfg.retryBaseMs,
      maxDelayMs: 10_000,
      ...(cfg.timeoutSeconds ? { deadlineMs: cfg.timeoutSeconds * 1000 } : {}),
    },
    onRetry: (code, attempt, delay) => r.info(`STS answered ${code}; retrying in ${delay} ms (attempt ${attempt + 1} of ${cfg.maxAttempts})`),
    onPending: (what) => timeout.doing(what),
  });
  let got: Obtained;
  try {
    got = await timeout.run(() => obtain(r, cfg, sts, hasSpecialCharacters));
  } finally {
    // not awaited: after action-timeout-s a request may still be in flight
    sts.close().catch(() => undefined);
  }
  timeout.check();
  await publish(r, cfg, got);
}
