/**
 * The command line: `pipeline-secrets <action> [--input value ...] [PATH]` runs the same
 * action functions as the GitHub bundles, with the process runner (local or GitLab).
 * Exit codes: 0 ok, 1 the action failed (findings, remote error), 2 usage or config error.
 */
import { actions, aliases, allActions } from '../actions/index.js';
import type { ActionSpec } from '../actions/spec.js';
import { ProcessRunner } from '../platform/process/runner.js';
import { runAction } from '../platform/run-action.js';
import { guardHooks } from '../guard/hooks.js';
import { argvSecretWarnings, parseArgs } from '../actions/args.js';
import type { Io } from '../platform/process/io.js';

export const VERSION = '1.0.0';

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
    "Run `pipeline-secrets <command> --help` for a command's inputs.",
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

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
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
  if (cmd === 'exec') return (await import('../actions/exec/run.js')).runExec(rest, io);
  if (cmd === 'guard') return (await import('../actions/guard/run.js')).runGuard(rest, io);
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
    hooks: guardHooks,
  });
  const outcome = await runAction(reg.action, runner);
  if (runner.isPost && outcome === 'ok') runner.clearState();
  return outcome === 'ok' ? 0 : outcome === 'usage' ? 2 : 1;
}
