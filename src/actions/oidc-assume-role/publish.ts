/**
 * What the step hands to the job once the credentials are known and checked: env variables,
 * a named profile, outputs, the summary. It leaves in the state what the post step takes back.
 */
import type { RoleArn } from '../../aws/arn.js';
import { writeProfileFiles } from '../../aws/credentials-file.js';
import type { AssumeRoleConfig } from './config.js';
import type { AssumeResult } from '../../aws/sts.js';
import { type SessionKind, sessionSummary, shortfall } from '../../aws/summary.js';
import type { Runner } from '../../platform/runner.js';
import { ENV_STATE, FILES_STATE, type FilesState } from './state.js';

export type Obtained =
  | { kind: 'existing'; account: string; arn: string }
  | { kind: 'keys'; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; account: string; arn: string }
  | { kind: 'assumed'; role: RoleArn; result: AssumeResult; account: string; chained: boolean; web: boolean };

const KEY_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

export async function publish(r: Runner, cfg: AssumeRoleConfig, got: Obtained): Promise<void> {
  const arn = got.kind === 'assumed' ? got.result.assumedRoleArn : got.arn;
  if (cfg.maskAccountId) {
    r.secret(got.account, 'the AWS account id');
    r.secret(arn, 'the authenticated ARN');
  }
  if (got.kind === 'existing') {
    r.annotate(
      'notice',
      `use-existing-credentials: the credentials already in the environment are valid (account ${cfg.maskAccountId ? 'masked' : got.account}); nothing new was fetched`,
    );
    r.output('aws-account-id', got.account);
    r.output('authenticated-arn', got.arn);
    return;
  }
  const c = got.kind === 'keys' ? got.credentials : got.result.credentials;
  const expiration = got.kind === 'assumed' ? got.result.credentials.expiration : undefined;
  const exported: string[] = [];
  const exportVar = (name: string, value: string): void => {
    r.exportEnv(name, value);
    if (value) exported.push(name);
  };

  let exportedAs: string;
  if (cfg.profileMode) {
    const credentialsFile = r.env('AWS_SHARED_CREDENTIALS_FILE') ?? '';
    const configFile = r.env('AWS_CONFIG_FILE') ?? '';
    const files = await writeProfileFiles({
      dir: r.tempDir(),
      ...(credentialsFile ? { credentialsFile } : {}),
      ...(configFile ? { configFile } : {}),
      profile: cfg.profile,
      region: cfg.region,
      credentials: c,
      overwrite: cfg.overwriteProfile,
    });
    const state: FilesState = { created: files.created, merged: [] };
    if (!files.created.includes(files.credentialsFile))
      state.merged.push({ credentialsFile: files.credentialsFile, configFile: files.configFile, profile: files.profile });
    r.saveState(FILES_STATE, JSON.stringify(state));
    // where the files are is no secret, and tools cannot find them otherwise
    r.exportEnv('AWS_SHARED_CREDENTIALS_FILE', files.credentialsFile);
    r.exportEnv('AWS_CONFIG_FILE', files.configFile);
    if (cfg.outputEnv) exportVar('AWS_PROFILE', files.profile);
    exportedAs = `profile \`${files.profile}\` in private 0600 files (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE${cfg.outputEnv ? ', AWS_PROFILE' : ''}), removed after the job`;
    if (cfg.exportKeys) {
      exportKeys(c, exportVar, r);
      exportedAs += '; and AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (masked)';
    } else if (cfg.outputEnv) {
      // key variables win over profiles in every SDK: clear those of an earlier step
      for (const k of KEY_VARS) if (r.env(k)) r.exportEnv(k, '');
    }
  } else if (cfg.outputEnv) {
    exportKeys(c, exportVar, r);
    exportedAs = 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (masked)';
  } else {
    exportedAs = cfg.outputCredentials
      ? 'step outputs only (output-env-credentials: false)'
      : 'nowhere: output-env-credentials is false and neither aws-profile nor output-credentials is set';
  }
  if (cfg.outputEnv) {
    exportVar('AWS_REGION', cfg.region);
    exportVar('AWS_DEFAULT_REGION', cfg.region);
  }
  if (exported.length) r.saveState(ENV_STATE, JSON.stringify(exported));

  r.output('aws-account-id', got.account);
  r.output('authenticated-arn', arn);
  if (expiration) r.output('aws-expiration', expiration.toISOString());
  if (cfg.outputCredentials) {
    r.output('aws-access-key-id', c.accessKeyId);
    r.output('aws-secret-access-key', c.secretAccessKey);
    if (c.sessionToken) r.output('aws-session-token', c.sessionToken);
  }

  const chained = got.kind === 'assumed' && got.chained;
  const kind: SessionKind = got.kind === 'keys' ? 'keys' : got.web ? 'web-identity' : 'assume-role';
  const role = got.kind === 'assumed' ? got.role : undefined;
  if (expiration) {
    const minutes = Math.round((expiration.getTime() - Date.now()) / 60_000);
    r.info(`Assumed ${role?.arn ?? ''} as ${cfg.maskAccountId ? '(masked)' : arn}; the credentials expire at ${expiration.toISOString()} (in ${minutes} min)`);
  } else {
    r.info(`Exported the IAM user keys of ${cfg.maskAccountId ? '(masked)' : arn} as given; they do not expire`);
  }
  if (chained)
    r.warning(
      `role chaining: the session for ${role?.arn ?? ''} lasts at most 1 hour (expires ${expiration?.toISOString() ?? ''}); AWS does not allow longer chained sessions`,
    );
  const short = shortfall({ expiration, requestedSeconds: cfg.durationSeconds, chained });
  if (short && !chained) r.warning(`shorter session than asked: ${short}`);
  await r.summary(
    sessionSummary({
      role,
      arn,
      expiration,
      ...(got.kind === 'assumed' && got.result.packedPolicySize !== undefined ? { packedPolicySize: got.result.packedPolicySize } : {}),
      kind,
      account: got.account,
      maskAccount: cfg.maskAccountId,
      region: cfg.region,
      chained,
      sessionName: cfg.sessionName,
      requestedSeconds: cfg.durationSeconds,
      profile: cfg.profileMode ? cfg.profile : undefined,
      exportedAs,
      tags: kind === 'assume-role' ? cfg.tags.length : 0,
    }),
  );
}

function exportKeys(c: { accessKeyId: string; secretAccessKey: string; sessionToken: string }, exportVar: (n: string, v: string) => void, r: Runner): void {
  exportVar('AWS_ACCESS_KEY_ID', c.accessKeyId);
  exportVar('AWS_SECRET_ACCESS_KEY', c.secretAccessKey);
  // long-lived keys have no session token: clear the one of an earlier step
  if (c.sessionToken || r.env('AWS_SESSION_TOKEN')) exportVar('AWS_SESSION_TOKEN', c.sessionToken);
}
