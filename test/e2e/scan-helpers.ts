/** Git repositories and fake secrets for the scanner's end-to-end tests (built at run time: no secret-shaped literal in the repo). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { osEnv } from '../runner/os.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A prefix the test config's rule looks for, assembled so this file holds no match of it. */
export const PREFIX = ['tok', 'live', ''].join('_');

/** A fresh fake secret matching the test rule: PREFIX + 24 random letters and digits. */
export function fakeSecret(): string {
  const bytes = randomBytes(24);
  let s = '';
  for (const b of bytes) s += ALNUM[b % ALNUM.length];
  return `${PREFIX}${s}`;
}

/** The user config the tests use (gitleaks TOML); `extra` adds rules. */
export function testConfig(extra = ''): string {
  return [
    '[[rules]]',
    'id = "test-live-token"',
    'description = "Test live token"',
    `regex = '''${PREFIX}[A-Za-z0-9]{24}'''`,
    `keywords = ["${PREFIX}"]`,
    'tags = ["test"]',
    extra,
  ].join('\n');
}

export function tmp(name: string): string {
  return mkdtempSync(join(tmpdir(), `ps-scan-${name}-`));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test Author',
      '-c',
      'user.email=author@example.test',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'protocol.file.allow=always',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C', ...osEnv() },
    },
  ).trim();
}

export function write(root: string, path: string, content: string | Buffer): void {
  const p = join(root, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}

export function commit(root: string, message: string, files: Record<string, string | null>): string {
  for (const [p, c] of Object.entries(files)) {
    if (c === null) git(root, 'rm', '-q', p);
    else {
      write(root, p, c);
      git(root, 'add', p);
    }
  }
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

/** A repository with the test config committed. */
export function newRepo(name: string, config = testConfig()): { root: string; first: string } {
  const root = tmp(name);
  git(root, 'init', '-q', '-b', 'main', '.');
  const first = commit(root, 'initial', { '.gitleaks.toml': config, 'README.md': '# test\n' });
  return { root, first };
}

export function readIf(path: string | undefined): string {
  return path && existsSync(path) ? readFileSync(path, 'utf8') : '';
}

export function eventFile(dir: string, event: unknown): string {
  const p = join(dir, `event-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(p, JSON.stringify(event));
  return p;
}

/** Runs dist/gitleaks-scan on a GitHub event in `root`, as the runner does. */
export async function scanStep(
  root: string,
  eventName: string,
  event: unknown,
  secrets: readonly string[],
  inputs: Record<string, string> = {},
  extra: { node?: 'current' | '24'; env?: Record<string, string> } = {},
): Promise<import('../runner/github.js').StepRun> {
  const { runStep } = await import('../runner/github.js');
  const dir = tmp('event');
  let sha = 'a'.repeat(40);
  try {
    sha = git(root, 'rev-parse', 'HEAD');
  } catch {
    /* a plain directory */
  }
  return runStep({
    action: 'gitleaks-scan',
    cwd: root,
    inputs,
    secrets,
    env: { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(dir, event), GITHUB_SHA: sha, ...(extra.env ?? {}) },
    ...(extra.node ? { node: extra.node } : {}),
    timeoutMs: 60000,
  });
}

/** A fake token: a prefix assembled from parts, then random letters and digits. */
export function fakeToken(parts: readonly string[], n: number, alphabet = ALNUM): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${parts.join('')}${s}`;
}
