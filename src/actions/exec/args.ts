/**
 * `pipeline-secrets exec`'s flags (its spec): --export-file, --redact-env, --temp-dir and
 * --with ACTION [ACTION flags], then `--` and the command. Bad usage throws a UsageError.
 */
import { aliases } from '../index.js';
import { UsageError } from '../args.js';

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
  "                      $PIPELINE_SECRETS_TEMP_DIR and the actions' default temp dir are always read)",
  '  --with ACTION       run ACTION first in this process (e.g. fetch-secrets); its exported variables go',
  '                      to COMMAND only, and its cleanup (revoke, delete files) runs after COMMAND',
  '',
  'A variable holding the path of a secret file the actions wrote (file:, dotenv:, json: sinks) also has',
  'the values inside it redacted: the whole text, each line, each dotenv value, each JSON leaf (strings,',
  "numbers). Only private (0600, 1 MiB at most) regular files in the actions' temp dirs are read, never",
  'symlinks, FIFOs or devices; a value too short to redact is named (variable and key) in a warning.',
  '',
  "No shell is involved: use `-- sh -c '...'` to ask for one. COMMAND's exit code is passed through.",
].join('\n');

export interface ExecArgs {
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

/** NAMES of --redact-env and $PIPELINE_SECRETS_REDACT_VARS: comma or space separated. */
export function splitNames(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}
