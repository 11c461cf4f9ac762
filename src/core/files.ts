/**
 * Secret files: created 0600 (owner only) with O_EXCL, written whole, never left half
 * written (a failed write removes the file). Removal tolerates files already gone.
 * On Windows the mode bits mean little: every file here also gets an owner-only ACL before
 * the first byte of content is written (restrictToOwner), and a file that cannot be
 * restricted is not written (fail closed).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  promises as fs,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

/**
 * icacls' argv that removes the file's inherited ACL and lets only `user` read and write it.
 * Pure (tested on every OS): the argv holds the path and the user name, never content.
 */
export function icaclsArgs(path: string, user: string): string[] {
  return [path, '/inheritance:r', '/grant:r', `${user}:(R,W)`];
}

function restrictError(path: string, user: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message.split('\n')[0] : 'error';
  return new Error(`could not restrict ${path} to ${user} (icacls: ${msg})`);
}

const ICACLS_OPTIONS = { windowsHide: true, timeout: 30_000 } as const;

/**
 * On Windows the file's inherited ACL is removed and only the current user may read and
 * write it (icacls). Fails closed: the promise rejects when the ACL cannot be set.
 */
export function restrictToOwner(path: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform !== 'win32') return Promise.resolve();
  const user = userInfo().username;
  return new Promise((resolve, reject) => {
    execFile('icacls', icaclsArgs(path, user), ICACLS_OPTIONS, (err) => (err ? reject(restrictError(path, user, err)) : resolve()));
  });
}

/** restrictToOwner for synchronous writers (the process runner's env and state files, the leak guard). */
export function restrictToOwnerSync(path: string, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') return;
  const user = userInfo().username;
  try {
    execFileSync('icacls', icaclsArgs(path, user), { ...ICACLS_OPTIONS, stdio: 'ignore' });
  } catch (err) {
    throw restrictError(path, user, err);
  }
}

function tmpName(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** A new 0600, owner-only temp file next to `path` holding `content`; removed again on failure. */
function restrictedTmpSync(path: string, content: string, platform: NodeJS.Platform): string {
  const tmp = tmpName(path);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    restrictToOwnerSync(tmp, platform);
    if (content) writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  chmodSync(tmp, 0o600);
  return tmp;
}

/**
 * writeSecretFile for synchronous callers: the whole content replaces `path` atomically
 * (rename of a restricted temp file), so no reader ever sees a half-written or unrestricted file.
 */
export function writeSecretFileSync(path: string, content: string, platform: NodeJS.Platform = process.platform): void {
  const tmp = restrictedTmpSync(path, content, platform);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Creates `path` with `content` if it does not exist yet, restricted before it appears (a
 * hard link of a restricted temp file, so two processes racing agree on one file). Returns
 * false, writing nothing, when the file already existed.
 */
export function createSecretFileSync(path: string, content: string, platform: NodeJS.Platform = process.platform): boolean {
  const tmp = restrictedTmpSync(path, content, platform);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Appends to a secret file written to over time (the leak guard's record and reference
 * count): the first writer creates it owner-only (createSecretFileSync); later ones append
 * with O_APPEND in one write, so concurrent appenders never interleave a line.
 */
export function appendSecretFileSync(path: string, text: string, platform: NodeJS.Platform = process.platform): void {
  if (!existsSync(path) && createSecretFileSync(path, text, platform)) return;
  appendFileSync(path, text, { mode: 0o600, flag: 'a' });
  chmodSync(path, 0o600);
}

export async function writeSecretFile(path: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = tmpName(path);
  const handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await restrictToOwner(tmp);
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.chmod(tmp, 0o600);
  try {
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Removes files; returns the ones that could not be removed (with the reason code). */
export async function removeFiles(paths: readonly string[]): Promise<{ path: string; code: string }[]> {
  const failed: { path: string; code: string }[] = [];
  for (const p of paths) {
    try {
      await fs.rm(p, { force: true });
    } catch (err) {
      const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error';
      failed.push({ path: p, code });
    }
  }
  return failed;
}
