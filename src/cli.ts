/**
 * The command line: `pipeline-secrets <action> [--input value ...] [PATH]` runs the same
 * action functions as the GitHub bundles, with the process runner (local or GitLab).
 * Exit codes: 0 ok, 1 the action failed (findings, remote error), 2 usage or config error.
 */
import { actions, aliases, allActions } from './actions/index.js';
import type { ActionSpec } from './actions/spec.js';
import { ProcessRunner } from './platform/process-runner.js';
import { runAction } from './platform/entry.js';
import { existsSync } from 'node:fs';

export const VERSION = '1.0.0';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const GLOBAL_FLAGS = ['post', 'export-file', 'debug', 'temp-dir', 'summary-file'];

export async function usage(): Promise<string> {
  const rows = (await allActions()).map((a) => `  ${a.spec.name.padEnd(18)} ${a.spec.summary}`);
  return [
    `pipeline-secrets ${VERSION}: secrets for CI pipelines`,
    '',
    'Usage: pipeline-secrets <command> [--input value ...] [PATH]',
    '',
    'Commands:',
    ...rows,
    `  ${'scan'.padEnd(18)} same as gitleaks-scan: pipeline-secrets scan [PATH]`,
    `  ${'guard'.padEnd(18)} fail when a secret this job injected is in the given files: guard [PATH...]`,
    `  ${'exec'.padEnd(18)} run a command with the secrets in its env, redacted from its output: exec [--export-file F] -- CMD ARGS`,
    '',
    'Every action input is a flag (--role-to-assume ARN); booleans take --flag or --no-flag.',
    'Give secrets in the environment (VAULT_TOKEN, INPUT_SECRET_ID ...), not as flags: argv is visible to every process.',
    'Global flags: --export-file F (exported variables, 0600 shell file), --post (run the cleanup step),',
    '  --temp-dir D, --summary-file F, --debug.',
    'Run `pipeline-secrets <command> --help` for a command\'s inputs.',
  ].join('\n');
}

export function commandHelp(spec: ActionSpec): string {
  const lines = [`pipeline-secrets ${spec.name}${spec.positional ? ` [${spec.positional.toUpperCase()}]` : ''}: ${spec.summary}`, '', 'Inputs:'];
  for (const i of spec.inputs) {
    lines.push(`  --${i.name}${i.default !== undefined && i.default !== '' ? ` (default: ${i.default})` : ''}`);
    lines.push(`      ${i.description}${i.aliases?.length ? ` (also --${i.aliases.join(', --')})` : ''}`);
  }
  return lines.join('\n');
}

function isBoolean(spec: ActionSpec, name: string): boolean {
  const d = spec.inputs.find((i) => i.name === name || (i.aliases ?? []).includes(name))?.default;
  return d === 'true' || d === 'false' || name === 'post' || name === 'debug';
}

export class UsageError extends Error {}

/** Inputs that hold a secret: given as a flag, the value sits in argv (ps, /proc, shell history). */
const SECRET_INPUTS = new Set(['token', 'secret-id', 'password', 'github-token', 'jwt-key-password', 'jwt-private-key', 'client-key', 'aws-secret-access-key', 'aws-session-token']);

/** One warning per secret input given as a flag (naming the flag and the variable to use, never the value). */
export function argvSecretWarnings(spec: ActionSpec, inputs: ReadonlyMap<string, string>, isFile: (p: string) => boolean = existsSync): string[] {
  const out: string[] = [];
  for (const [flag, value] of inputs) {
    const input = spec.inputs.find((i) => i.name === flag || (i.aliases ?? []).includes(flag));
    if (!input || !SECRET_INPUTS.has(input.name) || value.trim() === '') continue;
    // a key input may name a file: a path is no secret
    if ((input.name === 'client-key' || input.name === 'jwt-private-key') && isFile(value.trim())) continue;
    const env = `INPUT_${input.name.toUpperCase().replace(/-/g, '_')}`;
    out.push(`warning: --${flag} puts a secret on the command line, where other processes and the shell history can read it: set ${env} in the environment instead`);
  }
  return out;
}

export function parseArgs(spec: ActionSpec, args: readonly string[]): Map<string, string> {
  // aliases (vault-action's camelCase names) are flags too; the action resolves them (platform/aliases.ts)
  const known = new Set([...spec.inputs.flatMap((i) => [i.name, ...(i.aliases ?? [])]), ...GLOBAL_FLAGS]);
  const out = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') { positional.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('--')) { positional.push(a); continue; }
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) { value = name.slice(eq + 1); name = name.slice(0, eq); }
    if (value === undefined && name.startsWith('no-') && known.has(name.slice(3)) && isBoolean(spec, name.slice(3))) {
      out.set(name.slice(3), 'false');
      continue;
    }
    if (!known.has(name)) throw new UsageError(`unknown flag --${name} for ${spec.name} (see pipeline-secrets ${spec.name} --help)`);
    if (value === undefined) {
      if (isBoolean(spec, name)) value = 'true';
      else {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        value = next;
        i++;
      }
    }
    const prev = out.get(name);
    out.set(name, prev !== undefined ? `${prev}\n${value}` : value);
  }
  if (positional.length) {
    if (!spec.positional) throw new UsageError(`${spec.name} takes no argument "${positional[0]}"`);
    if (positional.length > 1) throw new UsageError(`${spec.name} takes one ${spec.positional.toUpperCase()}, got ${positional.length}`);
    out.set(spec.positional, positional[0] ?? '');
  }
  return out;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(`${await usage()}\n`);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  // each command loads only its own modules (bundled as chunks): a scan starts without the AWS SDK
  if (cmd === 'exec') return (await import('./exec.js')).runExec(rest, io);
  if (cmd === 'guard') return (await import('./guard/cli.js')).runGuard(rest, io);
  const name = aliases[cmd] ?? cmd;
  const load = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (!load) {
    io.err(`pipeline-secrets: unknown command "${cmd}"\n\n${await usage()}\n`);
    return 2;
  }
  const reg = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${commandHelp(reg.spec)}\n`);
    return 0;
  }
  let inputs: Map<string, string>;
  try {
    inputs = parseArgs(reg.spec, rest);
  } catch (err) {
    io.err(`pipeline-secrets: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  for (const w of argvSecretWarnings(reg.spec, inputs)) io.err(`pipeline-secrets: ${w}\n`);
  // not --env-file: Node itself reads that flag anywhere in argv and exits when the file is missing
  const envFile = inputs.get('export-file') ?? io.env['PIPELINE_SECRETS_ENV_FILE'];
  const runner = new ProcessRunner({
    action: name,
    inputs,
    env: io.env,
    isPost: inputs.get('post') === 'true',
    ...(envFile ? { envFile } : {}),
    write: io.err,
    debug: inputs.get('debug') === 'true',
  });
  const outcome = await runAction(reg.action, runner);
  if (runner.isPost && outcome === 'ok') runner.clearState();
  return outcome === 'ok' ? 0 : outcome === 'usage' ? 2 : 1;
}
