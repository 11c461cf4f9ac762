/**
 * The secrets exec passes to the command and redacts from its output: the variables of an env
 * file, named variables of the environment and the CI systems' own secret variables, each with
 * the leaves of a JSON value and the values inside the secret file it names (secret-files.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { Masker } from '../../core/mask.js';
import { UserError } from '../../core/errors.js';
import type { Io } from '../../platform/process/io.js';
import { parseEnvFile } from './env-file.js';
import { OUTSIDE_ROOTS as OUTSIDE, SecretFileReader, jsonLeaves, parseJsonContainer, secretFileRoots, valuesInFile } from './secret-files.js';
import { splitNames, type ExecArgs } from './args.js';

/** Variables CI systems keep secret: redacted whenever they are set. */
const CI_SECRET_VARS = [
  'CI_JOB_TOKEN',
  'CI_JOB_JWT',
  'CI_JOB_JWT_V2',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
];

export interface Secrets {
  env: Map<string, string>;
  values: string[];
}

/** The masker failed (not a refusal): exec fails closed, naming the secret and the error's kind (its message might quote a value). */
function notRegistered(what: string, err: unknown): Error {
  return new Error(`${what} could not be registered for redaction (${err instanceof Error ? err.name : 'error'}): the command was not run`);
}

/**
 * The secrets exec redacts: values as given, the values inside the secret files variables
 * name, the leaves of JSON values. Registering with a Masker is the length check; a value
 * too short to redact is named in one warning (variable and key, never the value).
 */
export class Collector {
  // forms too short to redact (e.g. inside longer base64 text) are said once per secret
  private readonly masker = new Masker({ warn: (m) => this.once(`warning: ${m}`) });
  private readonly warned = new Set<string>();
  private readonly seenFiles = new Set<string>();
  private readonly files: SecretFileReader;

  constructor(
    readonly values: string[],
    roots: readonly string[],
    private readonly warn: (m: string) => void,
  ) {
    this.files = new SecretFileReader(roots);
  }

  private once(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }

  /** A value as given: too short to redact (or empty) is said, naming `what`. */
  add(value: string, what: string): void {
    try {
      this.masker.register(value, what);
      this.values.push(value);
    } catch (err) {
      if (!(err instanceof UserError)) throw notRegistered(what, err);
      if (value !== '') this.once(`warning: ${err.message}; it is passed to the command but not redacted`);
    }
  }

  /** A value found inside a file or a JSON value; `label` names the variable and key, never the value. */
  private inner(value: string, label: string, warn: boolean): void {
    if (value.trim() === '') return;
    try {
      this.masker.register(value, label);
      this.values.push(value);
    } catch (err) {
      // the masker refuses a value too short (or blank) to redact with a UserError; anything else is no refusal: fail closed
      if (!(err instanceof UserError)) throw notRegistered(label, err);
      if (warn) this.once(`warning: ${label} is too short to be redacted safely: the command gets it, but it is not redacted`);
    }
  }

  /** A variable's value: itself, the leaves of a JSON value, the values inside the secret file it names. */
  variable(name: string, value: string): void {
    this.add(value, `in $${name}`);
    const json = parseJsonContainer(value);
    if (json !== undefined) for (const leaf of jsonLeaves(json)) this.inner(leaf.value, `the value of "${leaf.key}" in $${name}`, leaf.isString);
    this.file(name, value);
  }

  /** The values inside the secret file `value` names, if it is one exec may read. */
  file(name: string, value: string): void {
    const f = this.files.read(value);
    if (!f.read) {
      if (f.why)
        this.once(
          `warning: $${name} names ${f.why === OUTSIDE ? f.why : `a file that exec does not read as a secret file: ${f.why}`}: its content is not redacted`,
        );
      return;
    }
    if (this.seenFiles.has(f.id)) return;
    this.seenFiles.add(f.id);
    for (const v of valuesInFile(f.text, value)) {
      this.inner(v.value, v.key === undefined ? `the content of the file $${name} names` : `the value of "${v.key}" in the file $${name} names`, v.warn);
    }
  }
}

export function fromEnvFileAndNames(a: ExecArgs, io: Io, secrets: Secrets): void {
  const warn = (m: string): void => io.err(`pipeline-secrets exec: ${m}\n`);
  const c = new Collector(secrets.values, secretFileRoots(io.env, a.tempDirs), warn);
  const file = a.envFile ?? io.env['PIPELINE_SECRETS_ENV_FILE'];
  if (file && (a.envFile || existsSync(file))) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
      throw new UserError('export-file', `cannot read ${file} (${code})`);
    }
    for (const [k, v] of parseEnvFile(text, file)) {
      secrets.env.set(k, v);
      c.variable(k, v);
    }
  }
  const names = [...a.redactEnv, ...splitNames(io.env['PIPELINE_SECRETS_REDACT_VARS'] ?? '')];
  for (const n of names) {
    const v = io.env[n];
    if (v === undefined || v === '') continue;
    c.variable(n, v);
  }
  for (const n of CI_SECRET_VARS) {
    const v = io.env[n];
    if (v && v.trim().length >= 8) c.add(v, `in $${n}`);
  }
}
