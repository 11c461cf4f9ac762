/**
 * Secret files: created 0600 (owner only) with O_EXCL, written whole, never left half
 * written (a failed write removes the file). Removal tolerates files already gone.
 */
import { execFile } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

/**
 * On Windows the mode bits mean little: the file's inherited ACL is removed and only the
 * current user may read and write it (icacls; its argv holds the path and user name, never
 * content). Fails closed: a file that cannot be restricted is not written.
 */
export function restrictToOwner(path: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform !== 'win32') return Promise.resolve();
  const user = userInfo().username;
  return new Promise((resolve, reject) => {
    execFile('icacls', [path, '/inheritance:r', '/grant:r', `${user}:(R,W)`], { windowsHide: true, timeout: 30_000 }, (err) =>
      err ? reject(new Error(`could not restrict ${path} to ${user} (icacls: ${err.message.split('\n')[0]})`)) : resolve(),
    );
  });
}

export async function writeSecretFile(path: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
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
