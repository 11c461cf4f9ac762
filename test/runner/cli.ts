/** Runs the CLI bundle (dist/cli) as a user or a GitLab job would, and checks for leaks. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { nodeBinary, repoRoot } from './node.js';
import { osEnv } from './os.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  leaks: string[];
}

export async function runCli(
  args: readonly string[],
  opts: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    secrets?: readonly string[];
    node?: 'current' | '24';
    stdin?: string;
    timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/root',
    NODE_OPTIONS: `--require ${join(repoRoot, 'test', 'runner', 'loopback-only.cjs')}`,
    ...osEnv(),
  };
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v;
  const child = spawn(nodeBinary(opts.node ?? '24'), [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // decoded as a stream: a character split across two chunks is not turned into U+FFFD
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  child.stdin.end(opts.stdin ?? '');
  const code = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} did not finish; stderr: ${stderr.slice(0, 2000)}`));
    }, opts.timeoutMs ?? 30000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c ?? -1);
    });
  });
  const leaks = (opts.secrets ?? []).filter(
    (s) => s && (stdout.includes(s) || stderr.includes(s) || s.split('\n').some((l) => l.trim().length >= 8 && (stdout.includes(l) || stderr.includes(l)))),
  );
  return { code, stdout, stderr, leaks };
}
