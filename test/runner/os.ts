/**
 * What differs between the OSes the tests run on (Linux here; Windows and macOS in CI), in
 * one place: tests ask these helpers instead of checking process.platform themselves.
 * A test that cannot mean anything on an OS skips there with the reason in its title.
 */
import { execFileSync } from 'node:child_process';
import { statSync, symlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
// jest's globals, not an import of @jest/globals: the benches load the harness (github.ts,
// cli.ts import osEnv from here) outside jest, where that module has nothing to give

export const onWindows = process.platform === 'win32';
export const onMac = process.platform === 'darwin';

type TestFn = (name: string, fn: () => unknown, timeout?: number) => void;

/** `it`, or on Windows a skipped test whose title says why. */
export function itPosix(reason: string): TestFn {
  if (!onWindows) return (name, fn, timeout) => it(name, fn as () => Promise<void>, timeout);
  return (name, fn, timeout) => it.skip(`${name} [skipped on Windows: ${reason}]`, fn as () => Promise<void>, timeout);
}

/** GNU tar (its --format=gnu and v7): Linux and Git for Windows' bash have it, macOS has bsdtar. */
export const hasGnuTar = ((): boolean => {
  try {
    return execFileSync('tar', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .includes('GNU tar');
  } catch {
    return false;
  }
})();

/** `it` when the condition holds, else a skipped test whose title says why. */
export function itIf(condition: boolean, reason: string): TestFn {
  if (condition) return (name, fn, timeout) => it(name, fn as () => Promise<void>, timeout);
  return (name, fn, timeout) => it.skip(`${name} [skipped: ${reason}]`, fn as () => Promise<void>, timeout);
}

/** `it`, or a skipped test naming the tools this OS lacks (GNU tar, gzip and zip are not on Windows runners). */
export function itWithTools(...tools: string[]): TestFn {
  const missing = tools.filter((t) => {
    try {
      execFileSync(t, ['--version'], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (!missing.length) return (name, fn, timeout) => it(name, fn as () => Promise<void>, timeout);
  return (name, fn, timeout) => it.skip(`${name} [skipped: ${missing.join(', ')} not installed]`, fn as () => Promise<void>, timeout);
}

/**
 * A script for `node -e` that the tests run where a POSIX shell script would be used
 * (no `sh` on Windows): argv for the CLI's `exec` or any spawn.
 */
export function nodeScript(js: string): string[] {
  return [process.execPath, '-e', js];
}

/**
 * The variables a Windows process needs to work at all (temp dir, system root for sockets
 * and crypto, the user profile): the harnesses start the bundles in a clean environment,
 * so they pass these through there. Nothing off Windows. `home`: the HOME a test gives a tool.
 */
export function osEnv(opts: { home?: string } = {}): Record<string, string> {
  if (!onWindows) return {};
  const out: Record<string, string> = {};
  for (const k of [
    'SystemRoot',
    'SystemDrive',
    'windir',
    'TEMP',
    'TMP',
    'USERPROFILE',
    'USERNAME',
    'USERDOMAIN',
    'APPDATA',
    'LOCALAPPDATA',
    'ProgramData',
    'ProgramFiles',
    'PATHEXT',
    'ComSpec',
  ]) {
    const v = process.env[k];
    if (v !== undefined) out[k] = v;
  }
  // tools that look for ~ (the AWS CLI's ~/.aws) use USERPROFILE there, not HOME
  if (opts.home) out['USERPROFILE'] = opts.home;
  return out;
}

/**
 * The principals and rights in `icacls PATH` output: one entry per ACE, e.g.
 * `{ who: 'HOST\\runneradmin', rights: 'R,W' }` (pure: tested on every OS).
 */
export function parseIcacls(output: string, path: string): { who: string; rights: string }[] {
  const aces: { who: string; rights: string }[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.startsWith(path) ? raw.slice(path.length) : raw;
    const m = /^\s*(.+?):((?:\([^)]*\))+)\s*$/.exec(line);
    if (m?.[1] && m[2]) aces.push({ who: m[1], rights: m[2].replace(/[()]/g, ' ').trim().replace(/\s+/g, ' ') });
  }
  return aces;
}

/** True when `who` (as icacls prints it, maybe DOMAIN\user) is `user`. */
export function isUser(who: string, user: string): boolean {
  const name = who.includes('\\') ? who.slice(who.lastIndexOf('\\') + 1) : who;
  return name.toLowerCase() === user.toLowerCase();
}

/**
 * A secret file is private to its owner: mode 0600 on POSIX; on Windows an ACL naming the
 * current user only, nothing inherited (what core/files.ts restrictToOwner sets).
 */
export function expectOwnerOnly(path: string): void {
  if (!onWindows) {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    return;
  }
  const aces = parseIcacls(execFileSync('icacls', [path], { encoding: 'utf8', windowsHide: true }), path);
  expect(aces.length).toBeGreaterThan(0);
  const user = userInfo().username;
  expect(aces.filter((a) => !isUser(a.who, user) || a.rights.split(/[ ,]/).includes('I'))).toEqual([]);
}

/** A private directory: 0700 on POSIX. Windows has no mode bits for it (the files in it carry their own ACL): not checked there. */
export function expectPrivateDir(path: string): void {
  if (onWindows) return;
  expect(statSync(path).mode & 0o777).toBe(0o700);
}

/**
 * symlinkSync, except on Windows without the symlink privilege (no developer mode, not
 * elevated), where it returns false and the caller leaves the symlink case out.
 */
export function trySymlink(target: string, path: string): boolean {
  try {
    symlinkSync(target, path);
    return true;
  } catch (err) {
    if (onWindows && typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'EPERM') return false;
    throw err;
  }
}
