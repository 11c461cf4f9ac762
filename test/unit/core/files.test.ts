/**
 * Secret files on every OS (core/files.ts): 0600 on POSIX, owner-only ACL on Windows set
 * before the first byte is written, fail closed. What Linux can check of the Windows path:
 * the icacls argv (pure) and that a failed restriction leaves no file behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSecretFileSync, createSecretFileSync, icaclsArgs, restrictToOwnerSync, writeSecretFile, writeSecretFileSync } from '../../../src/core/files.js';
import { expectOwnerOnly, isUser, itPosix, parseIcacls } from '../../runner/os.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secret = 'hvs.CAESIJ-not-a-real-token-0123456789';

describe('the icacls call', () => {
  it('removes inheritance and grants the user read and write; the argv holds the path and user only', () => {
    const path = 'C:\\Users\\runner admin\\AppData\\Local\\Temp\\pipeline-secrets-job-1\\db.pass';
    expect(icaclsArgs(path, 'runneradmin')).toEqual([path, '/inheritance:r', '/grant:r', 'runneradmin:(R,W)']);
    // one argv element per value (no shell, no quoting to get wrong), never the content
    expect(icaclsArgs(path, 'a user').join(' ')).not.toContain(secret);
    expect(icaclsArgs(path, 'a user')).toHaveLength(4);
  });

  it('reads icacls output back: the test helper that asserts owner-only on Windows', () => {
    const path = 'C:\\Temp\\x y\\f.txt';
    const out = `${path} WIN-RUNNER\\runneradmin:(R,W)\r\n\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n`;
    expect(parseIcacls(out, path)).toEqual([{ who: 'WIN-RUNNER\\runneradmin', rights: 'R,W' }]);
    const inherited = `${path} BUILTIN\\Administrators:(I)(F)\r\n            NT AUTHORITY\\SYSTEM:(I)(F)\r\n            WIN-RUNNER\\runneradmin:(I)(F)\r\n\r\nSuccessfully processed 1 files\r\n`;
    expect(parseIcacls(inherited, path).map((a) => a.who)).toEqual(['BUILTIN\\Administrators', 'NT AUTHORITY\\SYSTEM', 'WIN-RUNNER\\runneradmin']);
    expect(parseIcacls(inherited, path)[0]?.rights).toBe('I F');
    expect(isUser('WIN-RUNNER\\RunnerAdmin', 'runneradmin')).toBe(true);
    expect(isUser('BUILTIN\\Users', 'runneradmin')).toBe(false);
  });
});

describe('fail closed', () => {
  // on Windows icacls exists and succeeds: there the ACL itself is asserted below
  itPosix('icacls exists there and succeeds; the ACL is asserted by the other tests')(
    'writes nothing when the ACL cannot be set (icacls missing stands in for a failure)',
    async () => {
      const sync = join(dir, 'fail-sync');
      expect(() => writeSecretFileSync(sync, secret, 'win32')).toThrow(/could not restrict .*fail-sync.* to /);
      expect(() => createSecretFileSync(join(dir, 'fail-create'), secret, 'win32')).toThrow(/could not restrict/);
      expect(() => appendSecretFileSync(join(dir, 'fail-append'), secret, 'win32')).toThrow(/could not restrict/);
      expect(() => restrictToOwnerSync(join(dir, 'nothing'), 'win32')).toThrow(/could not restrict/);
      // no file, no temp file, and the error never carries content
      expect(readdirSync(dir).filter((f) => f.startsWith('fail-'))).toEqual([]);
      try {
        writeSecretFileSync(sync, secret, 'win32');
      } catch (err) {
        expect(String(err)).not.toContain(secret);
      }
    },
  );
});

describe('owner-only files', () => {
  it('writeSecretFileSync replaces the whole file, owner-only, and leaves no temp file', () => {
    const p = join(dir, 'export.env');
    writeFileSync(p, 'old content that was world readable\n', { mode: 0o644 });
    writeSecretFileSync(p, `export A='${secret}'\n`);
    expect(readFileSync(p, 'utf8')).toBe(`export A='${secret}'\n`);
    expectOwnerOnly(p);
    writeSecretFileSync(p, 'export B=1\n');
    expect(readFileSync(p, 'utf8')).toBe('export B=1\n');
    expectOwnerOnly(p);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('createSecretFileSync creates once: the second writer gets false and changes nothing', () => {
    const p = join(dir, 'guard.key');
    expect(createSecretFileSync(p, 'first\n')).toBe(true);
    expect(createSecretFileSync(p, 'second\n')).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe('first\n');
    expectOwnerOnly(p);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('appendSecretFileSync creates the file owner-only, then appends whole lines', () => {
    const p = join(dir, 'record.jsonl');
    for (let i = 0; i < 5; i++) appendSecretFileSync(p, `line ${i}\n`);
    expect(readFileSync(p, 'utf8')).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n');
    expectOwnerOnly(p);
  });

  it('writeSecretFile (async) is owner-only too and creates missing directories', async () => {
    const p = join(dir, 'deep', 'er', 'tls.key');
    await writeSecretFile(p, secret);
    expect(readFileSync(p, 'utf8')).toBe(secret);
    expectOwnerOnly(p);
    expect(existsSync(`${p}.tmp`)).toBe(false);
    expect(statSync(p).size).toBe(secret.length);
  });
});
