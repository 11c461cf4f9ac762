/**
 * The shared credentials and config files for `credentials-file: true`: one profile,
 * written 0600 in the runner's private temp dir, read by every AWS SDK and the CLI through
 * AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE / AWS_PROFILE, removed in the post step.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { writeSecretFile } from '../core/files.js';
import type { AwsCredentials } from './sts.js';

export interface ProfileFiles {
  credentialsFile: string;
  configFile: string;
  profile: string;
}

export function checkProfileName(name: string, input: string): string {
  if (!/^[\w.@+-]{1,64}$/.test(name)) throw new UserError(input, `"${name.slice(0, 64)}" is not a usable profile name (letters, digits and _.@+- only)`);
  return name;
}

export function credentialsIni(profile: string, c: AwsCredentials): string {
  return [
    `[${profile}]`,
    `aws_access_key_id = ${c.accessKeyId}`,
    `aws_secret_access_key = ${c.secretAccessKey}`,
    `aws_session_token = ${c.sessionToken}`,
    '',
  ].join('\n');
}

export function configIni(profile: string, region: string): string {
  const header = profile === 'default' ? '[default]' : `[profile ${profile}]`;
  return [header, `region = ${region}`, ''].join('\n');
}

/** Writes both files (0600) under `dir`, with names no other job can guess. */
export async function writeProfileFiles(dir: string, profile: string, region: string, c: AwsCredentials): Promise<ProfileFiles> {
  const id = randomBytes(6).toString('hex');
  const credentialsFile = join(dir, `aws-credentials-${id}`);
  const configFile = join(dir, `aws-config-${id}`);
  await writeSecretFile(credentialsFile, credentialsIni(profile, c));
  await writeSecretFile(configFile, configIni(profile, region));
  return { credentialsFile, configFile, profile };
}
