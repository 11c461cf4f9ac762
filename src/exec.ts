/**
 * `pipeline-secrets exec [--export-file F] [--redact-env NAMES] [--with ACTION --input v ...] -- COMMAND [ARGS...]`
 *
 * Runs COMMAND (no shell: argv passes through untouched) with the secrets in its
 * environment only, and redacts every secret (each line of a multi-line one, and the
 * base64 / JSON / URL forms) from its stdout and stderr before they reach the log.
 * The secrets come from an env file a previous step wrote, from named variables of the
 * environment, or from an action run in this same process (`--with fetch-secrets ...`,
 * whose post step runs after COMMAND). A variable naming a secret file the actions wrote
 * registers the values inside it too (exec-files.ts: which files, and how they are read).
 * The exit code is COMMAND's (128+N on signal N).
 */
import crossSpawn from 'cross-spawn';
import { readFileSync, existsSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { actions, aliases } from './actions/index.js';
import { Masker } from './core/mask.js';
import { UserError } from './core/errors.js';
import { ProcessRunner } from './platform/process/runner.js';
import { runAction } from './platform/run-action.js';
import { guardHooks } from './guard/hooks.js';
import { parseEnvFile } from './exec-env.js';
import { StreamRedactor, byteForms } from './exec-redact.js';
import { OUTSIDE_ROOTS as OUTSIDE, SecretFileReader, jsonLeaves, parseJsonContainer, secretFileRoots, valuesInFile } from './exec-files.js';
import { argvSecretWarnings, parseArgs, UsageError } from './actions/args.js';
import type { Io } from './platform/process/io.js';

/** Variables CI systems keep secret: redacted whenever they are set. */
const CI_SECRET_VARS = ['CI_JOB_TOKEN', 'CI_JOB_JWT', 'CI_JOB_JWT_V2', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_RUNTIME_TOKEN'];

export const EXEC_HELP = [
  'pipeline-secrets exec: run a command with secrets in its environment, redacted from its output',
  '',
  'Usage: pipeline-secrets exec [--export-file F] [--redact-env NAME[,NAME]] [--with ACTION [ACTION flags]] -- COMMAND [ARGS...]',
  '',
  '  --export-file F     variables to pass to COMMAND and redact (the file `--export-file` of an action wrote;',
  '                      default $PIPELINE_SECRETS_ENV_FILE when that file exists)',
  '  --redact-env NAMES  also redact the values of these variables of the environment',
  '                      (comma or space separated; default $PIPELINE_SECRETS_REDACT_VARS)',
  '  --temp-dir D        also read secret files under D (the --temp-dir the action that wrote them was given;',
  '                      $PIPELINE_SECRETS_TEMP_DIR and the actions\' default temp dir are always read)',
  '  --with ACTION       run ACTION first in this process (e.g. fetch-secrets); its exported variables go',
  "                      to COMMAND only, and its cleanup (revoke, delete files) runs after COMMAND",
  '',
  'A variable holding the path of a secret file the actions wrote (file:, dotenv:, json: sinks) also has',
  'the values inside it redacted: the whole text, each line, each dotenv value, each JSON leaf (strings,',
  'numbers). Only private (0600, 1 MiB at most) regular files in the actions\' temp dirs are read, never',
  'symlinks, FIFOs or devices; a value too short to redact is named (variable and key) in a warning.',
  '',
  'No shell is involved: use `-- sh -c \'...\'` to ask for one. COMMAND\'s exit code is passed through.',
].join('\n');

interface ExecArgs {
  envFile?: string;
  redactEnv: string[];
  /** more directories whose secret files are read (--temp-dir) */
  tempDirs: string[];
  withAction?: { name: string; args: string[] };
  command: string[];
}

export function parseExecArgs(args: readonly string[]): ExecArgs {
  const dash = args.indexOf('--');
  if (dash < 0) throw new UsageError('exec needs `--` before the command: pipeline-secrets exec [flags] -- COMMAND [ARGS...]');
  const flags = args.slice(0, dash);
  const command = args.slice(dash + 1);
  if (command.length === 0 || !command[0]) throw new UsageError('exec needs a command after `--`');
  const out: ExecArgs = { redactEnv: [], tempDirs: [], command };
  for (let i = 0; i < flags.length; i++) {
    const raw = flags[i] ?? '';
    const eq = raw.indexOf('=');
    const name = eq >= 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq >= 0) return raw.slice(eq + 1);
      const next = flags[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    if (name === '--export-file') out.envFile = value();
    else if (name === '--redact-env') out.redactEnv.push(...splitNames(value()));
    else if (name === '--temp-dir') out.tempDirs.push(value());
    else if (name === '--with') {
      const action = value();
      out.withAction = { name: aliases[action] ?? action, args: flags.slice(i + 1) };
      break;
    } else throw new UsageError(`unknown flag ${name} for exec (see pipeline-secrets exec --help)`);
  }
  return out;
}

function splitNames(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

/** ProcessRunner that also keeps the raw secret values, to redact the child's output. */
class ExecRunner extends ProcessRunner {
  readonly values: string[] = [];
  override secret(value: string, what: string): void {
    super.secret(value, what);
    this.values.push(value);
  }
}

interface Secrets {
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
class Collector {
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
      if (f.why) this.once(`warning: $${name} names ${f.why === OUTSIDE ? f.why : `a file that exec does not read as a secret file: ${f.why}`}: its content is not redacted`);
      return;
    }
    if (this.seenFiles.has(f.id)) return;
    this.seenFiles.add(f.id);
    for (const v of valuesInFile(f.text, value)) {
      this.inner(v.value, v.key === undefined ? `the content of the file $${name} names` : `the value of "${v.key}" in the file $${name} names`, v.warn);
    }
  }
}

function fromEnvFileAndNames(a: ExecArgs, io: Io, secrets: Secrets): void {
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

export async function runExec(args: readonly string[], io: Io): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    io.out(`${EXEC_HELP}\n`);
    return 0;
  }
  let a: ExecArgs;
  try {
    a = parseExecArgs(args);
  } catch (err) {
    io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const secrets: Secrets = { env: new Map(), values: [] };
  try {
    fromEnvFileAndNames(a, io, secrets);
  } catch (err) {
    io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (!a.withAction) {
    if (!a.envFile && !io.env['PIPELINE_SECRETS_ENV_FILE'] && a.redactEnv.length === 0 && !io.env['PIPELINE_SECRETS_REDACT_VARS']) {
      io.err('pipeline-secrets exec: nothing to redact: give --export-file, --redact-env or --with ACTION\n');
      return 2;
    }
    return spawnRedacted(a.command, secrets, io);
  }
  return withAction(a, a.withAction, secrets, io);
}

async function withAction(a: ExecArgs, w: { name: string; args: string[] }, secrets: Secrets, io: Io): Promise<number> {
  const load = Object.hasOwn(actions, w.name) ? actions[w.name] : undefined;
  if (!load) {
    io.err(`pipeline-secrets exec: unknown action "${w.name}" after --with\n`);
    return 2;
  }
  const reg = await load();
  let inputs: Map<string, string>;
  try {
    inputs = parseArgs(reg.spec, w.args);
  } catch (err) {
    io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  for (const warning of argvSecretWarnings(reg.spec, inputs)) io.err(`pipeline-secrets exec: ${warning}\n`);
  inputs.delete('export-file');
  const common = { action: w.name, inputs, env: io.env, write: io.err, debug: inputs.get('debug') === 'true', hooks: guardHooks };
  const main = new ExecRunner(common);
  const outcome = await runAction(reg.action, main);
  let code = outcome === 'ok' ? 0 : outcome === 'usage' ? 2 : 1;
  if (outcome === 'ok') {
    for (const [k, v] of main.exported) secrets.env.set(k, v);
    const values = [...secrets.values, ...main.values, ...main.exported.values()].filter((v) => v.trim().length >= 4);
    try {
      // the files the action wrote: in its temp dir (and wherever exec reads secret files)
      const c = new Collector(values, secretFileRoots(io.env, [...a.tempDirs, main.tempDir()]), (m) => io.err(`pipeline-secrets exec: ${m}\n`));
      for (const [k, v] of main.exported) c.file(k, v);
    } catch (err) {
      // fail closed, and still run the action's cleanup below
      io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : 'a value could not be registered for redaction: the command was not run'}\n`);
      code = 2;
    }
    if (code === 0) code = await spawnRedacted(a.command, { env: secrets.env, values }, io);
  }
  if (reg.action.post) {
    const post = new ProcessRunner({ ...common, isPost: true });
    const postOutcome = await runAction(reg.action, post);
    if (postOutcome === 'ok') post.clearState();
    else if (code === 0) code = 1;
  }
  return code;
}

function spawnRedacted(command: string[], secrets: Secrets, io: Io): Promise<number> {
  const [file, ...argv] = command;
  const env: NodeJS.ProcessEnv = { ...io.env };
  for (const [k, v] of secrets.env) env[k] = v;
  const forms = byteForms(secrets.values);
  const out = new StreamRedactor(forms, io.out);
  const err = new StreamRedactor(forms, io.err);
  return new Promise<number>((resolve) => {
    // cross-spawn: on Windows it finds `npm` as npm.cmd (PATHEXT) and runs .cmd/.bat scripts
    // through cmd.exe with their arguments escaped, which Node's spawn refuses without a shell;
    // elsewhere it is Node's spawn. The secrets stay in the environment, never in the command line.
    const child = crossSpawn(file ?? '', argv, { env, stdio: ['inherit', 'pipe', 'pipe'] });
    const forward = (sig: NodeJS.Signals): void => {
      child.kill(sig);
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.stdout?.on('data', (d: Buffer) => out.write(d));
    child.stderr?.on('data', (d: Buffer) => err.write(d));
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    child.on('close', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      out.end();
      err.end();
      if (spawnError) {
        const notFound = spawnError.code === 'ENOENT';
        io.err(`pipeline-secrets exec: ${notFound ? 'command not found' : `cannot run the command (${spawnError.code ?? 'error'})`}: ${file}\n`);
        resolve(notFound ? 127 : 126);
      } else if (signal) {
        resolve(128 + (osConstants.signals[signal] ?? 1));
      } else resolve(code ?? 1);
    });
  });
}
