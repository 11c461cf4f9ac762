/**
 * actions/exec/secret-files.ts: which files exec reads as secret files, and the values it finds inside them
 * (the dotenv fetch-secrets writes read as sh and dotenv libraries read it, JSON leaves).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  SecretFileReader,
  type SecretFile,
  dotenvValues,
  jsonLeaves,
  secretFileRoots,
  valuesInFile,
  OUTSIDE_ROOTS,
} from '../../../../src/actions/exec/secret-files.js';
import { toDotenv } from '../../../../src/secrets/fields.js';
import { itPosix } from '../../../runner/os.js';

describe('values inside a dotenv file', () => {
  const tricky = {
    plain: 'abc-123_x',
    spaced: 'a b  c',
    quotes: `it's "q"`,
    dollar: 'x$(id)$HOME`y`',
    backslash: 'C:\\dir\\n',
    lines: 'l1 first\nl2 second\r\nl3',
  };

  it('reads what toDotenv (the dotenv sink) writes as a dotenv library would, first, and as sh does', () => {
    const got = dotenvValues(toDotenv(tricky, 1));
    for (const [k, v] of Object.entries(tricky)) expect([k, got.get(k.toUpperCase())?.[0]]).toEqual([k, v]);
    // sh keeps \n and \r as two characters inside "...", and decodes \\ \" \$ \`
    expect(got.get('LINES')).toContain('l1 first\\nl2 second\\r\\nl3');
    expect(got.get('BACKSLASH')).toContain('C:\\dir\\n');
  });

  it('export lines, single quotes, comments, quoted values over several lines; malformed input does not throw', () => {
    const got = dotenvValues(`# c\nexport A='sq value'\nB=unquoted # comment\nC="multi\nline value"\nD="never closed\nE=after\n`);
    expect(got.get('A')?.[0]).toBe('sq value');
    expect(got.get('B')?.[0]).toBe('unquoted');
    expect(got.get('C')?.[0]).toBe('multi\nline value');
    expect(got.get('D')?.[0]).toBe('never closed');
    expect(got.get('E')?.[0]).toBe('after');
  });

  it('a long run of blanks costs linear time (no regex backtracking)', () => {
    const t0 = performance.now();
    dotenvValues(`A=x${' '.repeat(300_000)}y\n${' '.repeat(300_000)}=\n`);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('values inside a file', () => {
  it('dotenv: each value (lines too), no warning for the whole text, numbers not warned, booleans skipped', () => {
    const v = valuesInFile('K="line one\\nline two"\nPIN=ab1\nPORT=22\nFLAG=true\n', '/t/DOT.env');
    expect(v.find((x) => x.key === undefined && x.value.startsWith('K='))?.warn).toBe(false);
    expect(v).toContainEqual({ value: 'line one\nline two', key: 'K', warn: true });
    expect(v).toContainEqual({ value: 'line two', key: 'K', warn: false });
    expect(v).toContainEqual({ value: 'ab1', key: 'PIN', warn: true });
    expect(v).toContainEqual({ value: '22', key: 'PORT', warn: false });
    expect(v.filter((x) => x.value === 'true')).toEqual([]);
  });

  it('JSON: string leaves and numbers by their path, not booleans or null', () => {
    const v = valuesInFile(JSON.stringify({ a: 'alpha-1', n: 123456, b: true, z: null, list: [{ deep: 'd-value' }] }, null, 2), '/t/CFG.json');
    const leaves = v.filter((x) => x.key !== undefined).map((x) => [x.key, x.value, x.warn]);
    expect(leaves).toEqual([
      ['a', 'alpha-1', true],
      ['n', '123456', false],
      ['list[0].deep', 'd-value', true],
    ]);
  });

  it('a plain file: its text, warned when short, and its lines', () => {
    expect(valuesInFile('abc', '/t/AK')).toEqual([{ value: 'abc', key: undefined, warn: true }]);
    expect(valuesInFile('-----BEGIN X-----\nAAAA\n-----END X-----\n', '/t/K.pem').map((x) => x.value)).toContain('AAAA');
  });

  it('deeply nested JSON does not overflow the stack', () => {
    const deep = `${'['.repeat(100_000)}"bottom-value"${']'.repeat(100_000)}`;
    expect(jsonLeaves(JSON.parse(deep)).map((l) => l.value)).toEqual(['bottom-value']);
  });
});

describe('which files are read', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ps-exec-files-u-'));
    root = join(dir, 'given');
    mkdirSync(join(root, 'sub'), { recursive: true, mode: 0o700 });
    chmodSync(root, 0o700);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const why = (f: SecretFile): string | undefined => ('why' in f ? f.why : undefined);
  const write = (path: string, text: string, mode = 0o600): string => {
    writeFileSync(path, text, { mode });
    chmodSync(path, mode);
    return path;
  };

  it('a private file under a given root; not a missing path, a directory or a word', () => {
    const r = new SecretFileReader([root]);
    const f = write(join(root, 'sub', 'ok'), 'secret-text');
    expect(r.read(f)).toMatchObject({ read: true, text: 'secret-text' });
    expect(r.read(join(root, 'missing'))).toEqual({ read: false });
    expect(r.read(root)).toEqual({ read: false });
    expect(r.read('production')).toEqual({ read: false });
  });

  it('a file outside every root, or under a root that is not private, is not read', () => {
    const outside = write(join(dir, 'outside'), 'x');
    expect(new SecretFileReader([root]).read(outside)).toEqual({ read: false, why: OUTSIDE_ROOTS });
    const open = join(dir, 'open-root');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    const f = write(join(open, 'f'), 'x');
    expect(new SecretFileReader([open]).read(f).read).toBe(process.platform === 'win32');
  });

  it('a private directory named pipeline-secrets-* anywhere is a root', () => {
    const named = join(dir, 'pipeline-secrets-job-7');
    mkdirSync(named, { mode: 0o700 });
    chmodSync(named, 0o700);
    expect(new SecretFileReader([]).read(write(join(named, 'f'), 'named-text'))).toMatchObject({ read: true, text: 'named-text' });
  });

  it('relative paths (read in e2e/exec-files) outside a root, or with "..", are passed over silently', () => {
    const f = write(join(root, 'rel'), 'rel-text');
    expect(new SecretFileReader([root]).read(relative(process.cwd(), f))).toEqual({ read: false });
    expect(new SecretFileReader([root]).read('package.json')).toEqual({ read: false });
    expect(new SecretFileReader([root]).read('./package.json')).toEqual({ read: false });
  });

  itPosix('POSIX modes, FIFOs and symlinks')('refuses group/other-readable files, symlinks, FIFOs, devices, "..", files over 1 MiB', () => {
    const r = new SecretFileReader([root]);
    expect(why(r.read(write(join(root, 'shared'), 'x', 0o640)))).toMatch(/not owner-only/);
    symlinkSync(write(join(root, 'target'), 'x'), join(root, 'link'));
    expect(why(r.read(join(root, 'link')))).toMatch(/symbolic link/);
    execFileSync('mkfifo', [join(root, 'fifo')]);
    expect(why(r.read(join(root, 'fifo')))).toMatch(/not a regular file/);
    expect(why(r.read('/dev/zero'))).toMatch(/not a regular file/);
    expect(why(r.read(`${root}/sub/../target`))).toMatch(/"\.\."/);
    expect(why(r.read(write(join(root, 'big'), 'x'.repeat(1024 * 1024 + 1))))).toMatch(/larger than 1 MiB/);
    expect(r.read(write(join(root, 'max'), 'y'.repeat(1024 * 1024))).read).toBe(true);
  });

  it('roots: given ones, PIPELINE_SECRETS_TEMP_DIR, the default job and user dirs, RUNNER_TEMP/pipeline-secrets', () => {
    const roots = secretFileRoots({ PIPELINE_SECRETS_TEMP_DIR: '/p', TMPDIR: '/t', CI_JOB_ID: '5', RUNNER_TEMP: '/r' }, ['/g']);
    expect(
      roots.map((r) =>
        r
          .split('\\')
          .join('/')
          .replace(/^[A-Z]:/, ''),
      ),
    ).toEqual(['/g', '/p', '/t/pipeline-secrets-job-5', '/r/pipeline-secrets']);
  });
});
