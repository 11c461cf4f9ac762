/**
 * CLI flags from an action's spec: every input is a flag (`--role-to-assume ARN`, aliases too),
 * booleans take `--flag` / `--no-flag`, the positional argument maps to the spec's positional
 * input. A secret input given as a flag is warned about (argv is visible to every process).
 */
import { existsSync } from 'node:fs';
import type { ActionSpec } from './spec.js';

/** Flags every action takes besides its inputs. */
export const GLOBAL_FLAGS = ['post', 'export-file', 'debug', 'temp-dir', 'summary-file'];

/** Bad command-line usage (exit 2). */
export class UsageError extends Error {}

export function isBoolean(spec: ActionSpec, name: string): boolean {
  const d = spec.inputs.find((i) => i.name === name || (i.aliases ?? []).includes(name))?.default;
  return d === 'true' || d === 'false' || name === 'post' || name === 'debug';
}

/** Inputs that hold a secret: given as a flag, the value sits in argv (ps, /proc, shell history). */
export const SECRET_INPUTS: ReadonlySet<string> = new Set([
  'token',
  'secret-id',
  'password',
  'github-token',
  'jwt-key-password',
  'jwt-private-key',
  'client-key',
  'aws-secret-access-key',
  'aws-session-token',
]);

/** One warning per secret input given as a flag (naming the flag and the variable to use, never the value). */
export function argvSecretWarnings(spec: ActionSpec, inputs: ReadonlyMap<string, string>, isFile: (p: string) => boolean = existsSync): string[] {
  const out: string[] = [];
  for (const [flag, value] of inputs) {
    const input = spec.inputs.find((i) => i.name === flag || (i.aliases ?? []).includes(flag));
    if (!input || !SECRET_INPUTS.has(input.name) || value.trim() === '') continue;
    // a key input may name a file: a path is no secret
    if ((input.name === 'client-key' || input.name === 'jwt-private-key') && isFile(value.trim())) continue;
    const env = `INPUT_${input.name.toUpperCase().replace(/-/g, '_')}`;
    out.push(
      `warning: --${flag} puts a secret on the command line, where other processes and the shell history can read it: set ${env} in the environment instead`,
    );
  }
  return out;
}

export function parseArgs(spec: ActionSpec, args: readonly string[]): Map<string, string> {
  // aliases (vault-action's camelCase names) are flags too; the action resolves them (actions/aliases.ts)
  const known = new Set([...spec.inputs.flatMap((i) => [i.name, ...(i.aliases ?? [])]), ...GLOBAL_FLAGS]);
  const out = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
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
