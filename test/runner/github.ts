/**
 * Runs dist/<action>/index.js exactly as the GitHub runner does: INPUT_* variables (hyphens
 * kept), GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY as files, STATE_*
 * for the post step, RUNNER_TEMP, a clean environment. It parses what the action wrote and
 * reports every given secret that appears in the log before it was masked (or never masked),
 * or anywhere in the step summary or an annotation.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBinary, repoRoot } from './node.js';
import { onMac, onWindows, osEnv } from './os.js';

export interface Annotation {
  level: string;
  message: string;
  props: Record<string, string>;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** what the step exported through GITHUB_ENV */
  exported: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  masks: string[];
  annotations: Annotation[];
  /** lines of the log that are not workflow commands */
  log: string[];
  /** given secrets seen unmasked: in the log before their add-mask, in stderr, summary or annotations */
  leaks: string[];
  runnerTemp: string;
  /** the environment the step ran with (for chaining a post step) */
  env: Record<string, string>;
}

export interface StepOptions {
  /** the bundle under dist/ */
  action: string;
  inputs?: Record<string, string>;
  /** extra environment (the job's env, GITHUB_* context, ID token service ...) */
  env?: Record<string, string | undefined>;
  /** run the post step with this main run's state, env and temp dir */
  after?: StepRun;
  /** values that must never be printed unmasked */
  secrets?: readonly string[];
  node?: 'current' | '24';
  cwd?: string;
  debug?: boolean;
  timeoutMs?: number;
}

function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  // @actions/core ends lines with os.EOL (CRLF on Windows); the runner reads both
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delim = ''] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++] ?? '');
      if (i >= lines.length) throw new Error(`file command ${name}: matching delimiter not found`);
      out[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`file command line without "=": ${line.slice(0, 30)}`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProp(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export async function runStep(opts: StepOptions): Promise<StepRun> {
  const prev = opts.after;
  const runnerTemp = prev?.runnerTemp ?? mkdtempSync(join(tmpdir(), 'ps-runner-'));
  const dir = mkdtempSync(join(runnerTemp, 'files-'));
  const files = { env: join(dir, 'env'), output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary.md') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const workspace = opts.cwd ?? join(runnerTemp, 'workspace');
  if (!existsSync(workspace)) mkdirSync(workspace, { recursive: true });

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/root',
    NODE_OPTIONS: `--require ${join(repoRoot, 'test', 'runner', 'loopback-only.cjs')}`,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: onWindows ? 'Windows' : onMac ? 'macOS' : 'Linux',
    ...osEnv(),
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_ACTOR: 'octocat',
    ...(prev ? { ...prev.env, ...prev.exported } : {}),
    GITHUB_ENV: files.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
  };
  if (opts.debug) env['RUNNER_DEBUG'] = '1';
  if (prev) for (const [k, v] of Object.entries(prev.state)) env[`STATE_${k}`] = v;
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const bundle = join(repoRoot, 'dist', opts.action, 'index.js');
  const child = spawn(nodeBinary(opts.node ?? '24'), [bundle], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // decoded as a stream: a character split across two chunks is not turned into U+FFFD
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const code = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${opts.action} did not finish in ${opts.timeoutMs ?? 30000} ms; stderr: ${stderr.slice(0, 2000)}`));
    }, opts.timeoutMs ?? 30000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c ?? -1);
    });
  });

  const masks: string[] = [];
  const annotations: Annotation[] = [];
  const log: string[] = [];
  const leaks = new Set<string>();
  const secrets = (opts.secrets ?? []).filter((s) => s.length > 0);
  const masked = (s: string): boolean => masks.some((m) => m === s || (m.length > 0 && s.includes(m)));
  const checkLeak = (text: string): void => {
    for (const s of secrets) {
      if (!text.includes(s)) continue;
      // the runner would replace masked forms: check what remains after masking
      let shown = text;
      for (const m of [...masks].sort((a, b) => b.length - a.length)) if (m) shown = shown.split(m).join('***');
      if (shown.includes(s) || !masked(s)) leaks.add(s);
      for (const line of s.split('\n')) if (line.trim().length >= 4 && shown.includes(line)) leaks.add(s);
    }
  };
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '');
    // s: a value may hold U+2028 or U+2029, which `.` does not match (the runner splits lines on CR and LF only)
    const cmd = /^::([a-z-]+)( [^:]*)?::(.*)$/s.exec(line);
    if (cmd) {
      const [, name = '', propText = '', data = ''] = cmd;
      if (name === 'add-mask') {
        masks.push(unescapeData(data));
        continue;
      }
      const props: Record<string, string> = {};
      for (const kv of propText.trim().split(',').filter(Boolean)) {
        const eq = kv.indexOf('=');
        props[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
      }
      const message = unescapeData(data);
      if (['error', 'warning', 'notice'].includes(name)) {
        annotations.push({ level: name, message, props });
        for (const s of secrets) if (message.includes(s) || Object.values(props).some((p) => p.includes(s))) leaks.add(s);
      }
      // what the command shows, not its syntax (a secret "::warn" is not in "::warning::")
      checkLeak(propText);
      checkLeak(data);
      continue;
    }
    log.push(line);
    checkLeak(line);
  }
  const summary = readFileSync(files.summary, 'utf8');
  for (const s of secrets) {
    if (stderr.includes(s) || summary.includes(s)) leaks.add(s);
    for (const line of s.split('\n')) if (line.trim().length >= 8 && (stderr.includes(line) || summary.includes(line))) leaks.add(s);
  }
  const state = parseFileCommands(readFileSync(files.state, 'utf8'));
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    exported: { ...(prev?.exported ?? {}), ...parseFileCommands(readFileSync(files.env, 'utf8')) },
    state: { ...(prev?.state ?? {}), ...state },
    summary,
    masks,
    annotations,
    log,
    leaks: [...leaks],
    runnerTemp,
    env,
  };
}

/** Everything the step printed, for assertions and failure messages. */
export function transcript(run: StepRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}\n--- summary\n${run.summary}`;
}
