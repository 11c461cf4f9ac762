/**
 * `pipeline-secrets exec [--export-file F] [--redact-env NAMES] [--with ACTION --input v ...] -- COMMAND [ARGS...]`
 *
 * Runs COMMAND (no shell: argv passes through untouched) with the secrets in its
 * environment only, and redacts every secret (each line of a multi-line one, and the
 * base64 / JSON / URL forms) from its stdout and stderr before they reach the log.
 * The secrets come from an env file a previous step wrote, from named variables of the
 * environment, or from an action run in this same process (`--with fetch-secrets ...`,
 * whose post step runs after COMMAND). A variable naming a secret file the actions wrote
 * registers the values inside it too (secret-files.ts: which files, and how they are read).
 * The exit code is COMMAND's (128+N on signal N).
 */
import crossSpawn from 'cross-spawn';
import { constants as osConstants } from 'node:os';
import { actions } from '../index.js';
import { ProcessRunner } from '../../platform/process/runner.js';
import { runAction } from '../../platform/run-action.js';
import { guardHooks } from '../../guard/hooks.js';
import type { Io } from '../../platform/process/io.js';
import { argvSecretWarnings, parseArgs } from '../args.js';
import { StreamRedactor, byteForms } from './redact.js';
import { secretFileRoots } from './secret-files.js';
import { EXEC_HELP, parseExecArgs, type ExecArgs } from './args.js';
import { Collector, fromEnvFileAndNames, type Secrets } from './secrets.js';

/** ProcessRunner that also keeps the raw secret values, to redact the child's output. */
class ExecRunner extends ProcessRunner {
  readonly values: string[] = [];
  override secret(value: string, what: string): void {
    super.secret(value, what);
    this.values.push(value);
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
