/**
 * Named profiles (`aws-profile`, `credentials-file: true`): the shared credentials and config
 * files every AWS SDK and the CLI read through AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE.
 * The first step creates both 0600 in the runner's private temp dir; later steps (found through
 * those variables) add their profile to the same files, so several profiles live side by side
 * in one job. A profile that is already there is an error unless `overwrite-aws-profile`.
 * The post step deletes files it created and takes its profiles out of files it did not.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { UserError } from '../core/errors.js';
import { writeSecretFile } from '../core/files.js';

export interface ProfileCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** '' for long-lived IAM user keys */
  sessionToken: string;
}

export interface ProfileFiles {
  credentialsFile: string;
  configFile: string;
  profile: string;
  /** the files this step created (the post step deletes them) */
  created: string[];
}

/** configure-aws-credentials' rule: not empty, no whitespace, no brackets, no slashes. */
export function checkProfileName(name: string, input: string): string {
  if (!name || name.length > 128 || /[\s[\]/\\]/.test(name)) {
    throw new UserError(input, `"${name.slice(0, 64)}" is not a usable profile name (no whitespace, brackets or slashes; at most 128 characters)`);
  }
  return name;
}

type Ini = Map<string, Map<string, string>>;

/** INI sections in file order; comments and blank lines dropped (as the peer does). */
export function parseIni(text: string): Ini {
  const out: Ini = new Map();
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    const section = /^\[([^\]]*)\]$/.exec(t);
    if (section) {
      const name = (section[1] ?? '').trim();
      current = out.get(name) ?? new Map<string, string>();
      out.set(name, current);
      continue;
    }
    const eq = t.indexOf('=');
    if (current && eq > 0) current.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
  }
  return out;
}

export function stringifyIni(ini: Ini): string {
  const parts: string[] = [];
  for (const [name, kv] of ini) parts.push([`[${name}]`, ...[...kv].map(([k, v]) => `${k} = ${v}`)].join('\n'));
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

export function credentialsSection(c: ProfileCredentials): Map<string, string> {
  const m = new Map([
    ['aws_access_key_id', c.accessKeyId],
    ['aws_secret_access_key', c.secretAccessKey],
  ]);
  if (c.sessionToken) m.set('aws_session_token', c.sessionToken);
  return m;
}

export function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

export function credentialsIni(profile: string, c: ProfileCredentials): string {
  return stringifyIni(new Map([[profile, credentialsSection(c)]]));
}

export function configIni(profile: string, region: string): string {
  return stringifyIni(new Map([[configSectionName(profile), new Map([['region', region]])]]));
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    if (typeof err === 'object' && err && 'code' in err && (err as { code: unknown }).code === 'ENOENT') return undefined;
    throw new UserError(
      'aws-profile',
      `cannot read ${path} (${typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error'})`,
    );
  }
}

export interface WriteProfile {
  /** the runner's private temp dir, for new files */
  dir: string;
  /** AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE of the job, when set */
  credentialsFile?: string;
  configFile?: string;
  profile: string;
  region: string;
  credentials: ProfileCredentials;
  overwrite: boolean;
}

/** Adds (or with `overwrite`, replaces) the profile in both files; creates them 0600 when missing. */
export async function writeProfileFiles(w: WriteProfile): Promise<ProfileFiles> {
  const id = randomBytes(6).toString('hex');
  const credentialsFile = w.credentialsFile || join(w.dir, `aws-credentials-${id}`);
  const configFile = w.configFile || join(w.dir, `aws-config-${id}`);
  const oldCreds = await readIfThere(credentialsFile);
  const oldConf = await readIfThere(configFile);
  const creds = parseIni(oldCreds ?? '');
  const conf = parseIni(oldConf ?? '');
  const confName = configSectionName(w.profile);
  if (!w.overwrite && creds.has(w.profile)) {
    throw new UserError(
      'aws-profile',
      `profile "${w.profile}" is already in ${credentialsFile}: set overwrite-aws-profile: true to replace it, or choose another aws-profile`,
    );
  }
  creds.set(w.profile, credentialsSection(w.credentials));
  const section = w.overwrite ? new Map<string, string>() : (conf.get(confName) ?? new Map<string, string>());
  section.set('region', w.region);
  conf.set(confName, section);
  await writeSecretFile(credentialsFile, stringifyIni(creds));
  await writeSecretFile(configFile, stringifyIni(conf));
  const created = [...(oldCreds === undefined ? [credentialsFile] : []), ...(oldConf === undefined ? [configFile] : [])];
  return { credentialsFile, configFile, profile: w.profile, created };
}

/** Takes one profile out of both files (post step, files this job did not create). */
export async function removeProfile(credentialsFile: string, configFile: string, profile: string): Promise<void> {
  for (const [file, name] of [
    [credentialsFile, profile],
    [configFile, configSectionName(profile)],
  ] as const) {
    const text = await readIfThere(file);
    if (text === undefined) continue;
    const ini = parseIni(text);
    if (!ini.delete(name)) continue;
    await writeSecretFile(file, stringifyIni(ini));
  }
}

/** The long-lived or session keys of a profile in a credentials file (role chaining from a profile). */
export async function readProfileCredentials(file: string, profile: string): Promise<ProfileCredentials | undefined> {
  const text = await readIfThere(file);
  if (text === undefined) return undefined;
  const s = parseIni(text).get(profile);
  const accessKeyId = s?.get('aws_access_key_id') ?? '';
  const secretAccessKey = s?.get('aws_secret_access_key') ?? '';
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: s?.get('aws_session_token') ?? '' };
}
