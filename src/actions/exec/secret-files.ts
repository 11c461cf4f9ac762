/**
 * Secret files for `pipeline-secrets exec`: a variable whose value is the path of a file the
 * actions wrote (fetch-secrets' `file:`, `dotenv:` and `json:` sinks, a credentials profile)
 * names a secret too, and so does every value inside the file: each dotenv value (as a shell
 * sourcing the file reads it and as dotenv libraries read it), each JSON leaf, each line.
 *
 * Which paths are read (anything else is left alone, with a warning naming the variable and
 * never the path): a path without "." or ".." segments (absolute, or relative to the cwd
 * exec and the command share; relative ones are passed over silently), of a regular file (not a
 * symlink, FIFO, socket or device), at most 1 MiB, inside one of the private temp dirs the
 * actions write to (platform/temp-dir.ts): the default one ($TMPDIR/pipeline-secrets-job-$CI_JOB_ID or
 * -user-UID, $RUNNER_TEMP/pipeline-secrets), $PIPELINE_SECRETS_TEMP_DIR, a --temp-dir given
 * to exec or to its --with action, or any directory named pipeline-secrets-*. On POSIX the
 * file and that directory must be owned by this user and closed to group and others (the
 * actions create them 0600 and 0700). The file is opened with O_NOFOLLOW | O_NONBLOCK and
 * checked again on the open descriptor (same inode, still a private regular file), so a file
 * swapped for a symlink or a FIFO after the first look is not read and cannot block exec.
 * Reading only registers values for redaction: nothing read is ever printed.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isObject } from '../../core/json.js';
import { parseEnvFile } from './env-file.js';
import { defaultTempDirs } from '../../platform/temp-dir.js';

export const SECRET_FILE_MAX_BYTES = 1024 * 1024;
const MAX_PATH = 4096;

/** The directories whose files exec reads as secret files (besides any named pipeline-secrets-*). */
export function secretFileRoots(env: NodeJS.ProcessEnv, given: readonly string[]): string[] {
  const roots = [...given];
  if (env['PIPELINE_SECRETS_TEMP_DIR']) roots.push(env['PIPELINE_SECRETS_TEMP_DIR']);
  // as ProcessRunner.tempDir() and GitHubRunner.tempDir() resolve them (without creating them)
  roots.push(...defaultTempDirs(env));
  return [...new Set(roots.filter((r) => r !== '').map((r) => resolve(r)))];
}

export type SecretFile =
  /** read: `id` is the file's real path (the same file named twice is read once) */
  | { read: true; text: string; id: string }
  /** not a file at all (not a path, missing, a directory): nothing to say */
  | { read: false; why?: undefined }
  /** a file exec will not read: `why` says so without the path */
  | { read: false; why: string };

export const OUTSIDE_ROOTS = "a file outside the directories exec reads secret files from (the actions' temp dir, $PIPELINE_SECRETS_TEMP_DIR, --temp-dir)";

const posix = process.platform !== 'win32';
const uid = process.getuid?.();

/** Owner-only and ours (POSIX); on Windows mode bits say nothing (the actions set an owner-only ACL). */
function private_(st: Stats): boolean {
  if (!posix) return true;
  return (st.mode & 0o077) === 0 && (uid === undefined || st.uid === uid);
}

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}

function inside(child: string, dir: string): boolean {
  const rel = relative(dir, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function privateDir(path: string): boolean {
  try {
    const st = lstatSync(path);
    return st.isDirectory() && private_(st);
  } catch {
    return false;
  }
}

export class SecretFileReader {
  /** the roots' real paths, those that exist and are private directories */
  private readonly roots: string[] = [];

  constructor(roots: readonly string[]) {
    for (const r of roots) {
      try {
        const real = realpathSync(r);
        if (privateDir(real)) this.roots.push(real);
      } catch {
        // a root that does not exist holds no file
      }
    }
  }

  /** Is the real path `real` inside a root, or inside a private directory named pipeline-secrets-*? */
  private allowed(real: string): boolean {
    if (this.roots.some((r) => inside(real, r))) return true;
    for (let d = dirname(real); d !== dirname(d); d = dirname(d)) {
      if (basename(d).startsWith('pipeline-secrets-') && privateDir(d)) return true;
    }
    return false;
  }

  read(value: string): SecretFile {
    if (value.length > MAX_PATH || /[\0\r\n]/.test(value)) return { read: false };
    // a relative path (`--temp-dir .secrets` makes them) is the command's too: it runs in this cwd.
    // Any word could name a file in the cwd, so a relative path is read or passed over silently.
    if (!isAbsolute(value)) {
      if (!/[\\/]/.test(value)) return { read: false };
      const f = this.readAbsolute(resolve(value), value);
      return f.read ? f : { read: false };
    }
    return this.readAbsolute(value, value);
  }

  private readAbsolute(value: string, given: string): SecretFile {
    let st: Stats;
    try {
      st = lstatSync(value);
    } catch {
      return { read: false };
    }
    if (st.isDirectory()) return { read: false };
    if (st.isSymbolicLink()) return { read: false, why: 'it is a symbolic link' };
    if (!st.isFile()) return { read: false, why: 'it is not a regular file (a device, FIFO or socket)' };
    if (given.split(/[\\/]/).some((s) => s === '.' || s === '..')) return { read: false, why: 'its path has "." or ".." in it' };
    let real: string;
    try {
      real = realpathSync(value);
    } catch (err) {
      return { read: false, why: `it cannot be read (${errCode(err)})` };
    }
    if (!this.allowed(real)) return { read: false, why: OUTSIDE_ROOTS };
    if (!private_(st)) return { read: false, why: 'it is not owner-only (0600, owned by this user)' };
    if (st.size > SECRET_FILE_MAX_BYTES) return { read: false, why: 'it is larger than 1 MiB' };
    let fd: number;
    try {
      // O_NONBLOCK: a FIFO swapped in after lstat cannot block the open
      fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (err) {
      return { read: false, why: `it cannot be read (${errCode(err)})` };
    }
    try {
      const fst = fstatSync(fd);
      if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev || !private_(fst)) return { read: false, why: 'it changed while it was opened' };
      if (fst.size > SECRET_FILE_MAX_BYTES) return { read: false, why: 'it is larger than 1 MiB' };
      const buf = Buffer.alloc(SECRET_FILE_MAX_BYTES + 1);
      let n = 0;
      for (let k = 1; k > 0 && n < buf.length; n += k) k = readSync(fd, buf, n, buf.length - n, null);
      if (n > SECRET_FILE_MAX_BYTES) return { read: false, why: 'it is larger than 1 MiB' };
      return { read: true, text: buf.subarray(0, n).toString('utf8'), id: real };
    } catch (err) {
      return { read: false, why: `it cannot be read (${errCode(err)})` };
    } finally {
      closeSync(fd);
    }
  }
}

/** One value found inside a file (or inside a JSON variable). */
export interface InnerValue {
  value: string;
  /** the dotenv key or JSON path it came from; undefined for the whole text and its lines */
  key?: string | undefined;
  /** say so when it is too short to redact (the value a reader gets; not its variants and lines) */
  warn: boolean;
}

function lines(v: string): string[] {
  return /[\r\n]/.test(v) ? v.split(/\r?\n|\r/) : [];
}

/** A value with its lines (each line silently: a short line is a fragment, not a value). */
function withLines(out: InnerValue[], value: string, key: string | undefined, warn: boolean): void {
  out.push({ value, key, warn });
  for (const l of lines(value)) out.push({ value: l, key, warn: false });
}

/**
 * The leaves of a JSON value: strings, and numbers as their text (a PIN is a number);
 * booleans and null carry no secret (masking every "true" would garble the log and hide nothing).
 */
export function jsonLeaves(root: unknown): { key: string; value: string; isString: boolean }[] {
  const out: { key: string; value: string; isString: boolean }[] = [];
  // iterative: a deeply nested file must not overflow the stack
  const stack: { v: unknown; path: string }[] = [{ v: root, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop() ?? { v: undefined, path: '' };
    if (typeof v === 'string') out.push({ key: path, value: v, isString: true });
    else if (typeof v === 'number' && Number.isFinite(v)) out.push({ key: path, value: String(v), isString: false });
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    else if (isObject(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i] ?? ['', undefined];
        stack.push({ v: x, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return out;
}

/** The JSON value of `text` when it is a JSON object or array, else undefined (never throws). */
export function parseJsonContainer(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // the parser's message quotes the text: never shown
    return undefined;
  }
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*?)\r?$/;

/** Every non-blank, non-comment line is NAME=value (the shape fetch-secrets' dotenv sink writes). */
function looksLikeDotenv(text: string): boolean {
  let any = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (!ASSIGNMENT.test(line)) return false;
    any = true;
  }
  return any;
}

/**
 * The values of a dotenv file as its readers get them: dotenv libraries ("..." with \n \r \t \\ \"
 * \$ escapes, or with only \n and \r expanded as npm's dotenv does; '...' literal; a value may
 * span lines inside quotes), a POSIX shell sourcing it (parseEnvFile: inside "..." only \" \\ \$ \`
 * are escapes, so \n stays a backslash and an n), and the raw text between the quotes.
 * Key -> values, the first one a dotenv library's reading.
 */
export function dotenvValues(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string): void => {
    const list = out.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    out.set(k, list);
  };
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    const m = ASSIGNMENT.exec(text.slice(i, end));
    if (!m) {
      i = end + 1;
      continue;
    }
    const key = m[1] ?? '';
    const rest = m[2] ?? '';
    const q = rest.charAt(0);
    if (q === '"' || q === "'" || q === '`') {
      const start = i + text.slice(i, end).indexOf(rest) + 1;
      let j = start;
      while (j < text.length && text[j] !== q) j += q === '"' && text[j] === '\\' ? 2 : 1;
      if (j >= text.length) {
        add(key, rest.slice(1));
        i = end + 1;
        continue;
      }
      const inner = text.slice(start, j);
      if (q === '"') {
        add(
          key,
          inner.replace(/\\([\s\S])/g, (_s, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c)),
        );
        add(key, inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r'));
      }
      add(key, inner);
      const after = text.indexOf('\n', j);
      i = after < 0 ? text.length : after + 1;
    } else {
      // an unquoted value ends at a " #" comment (a two-character search: no backtracking over a long run of blanks)
      const c = rest.search(/[ \t]#/);
      add(key, (c >= 0 ? rest.slice(0, c) : rest).trim());
      i = end + 1;
    }
  }
  try {
    for (const [k, v] of parseEnvFile(text, '')) add(k, v);
  } catch {
    // not in the shell's syntax: the readings above stand
  }
  return out;
}

/**
 * Every value inside a secret file: the whole text and its lines (as before), each dotenv value
 * (when the file is named *.env or shaped like one) and each JSON leaf (when it parses as JSON).
 */
export function valuesInFile(text: string, path: string): InnerValue[] {
  const out: InnerValue[] = [];
  const json = parseJsonContainer(text);
  const dotenv = json === undefined && (path.endsWith('.env') || looksLikeDotenv(text));
  // a structured file's whole text is no value a reader gets: no warning for it
  withLines(out, text, undefined, json === undefined && !dotenv);
  if (json !== undefined) {
    for (const leaf of jsonLeaves(json)) if (!BOOLEAN.test(leaf.value)) withLines(out, leaf.value, leaf.key, leaf.isString);
  } else if (dotenv) {
    // dotenv has no types: "true" is a JSON boolean written out, a number is warned about as JSON's are not
    for (const [key, values] of dotenvValues(text)) {
      values.forEach((v, n) => {
        if (!BOOLEAN.test(v)) withLines(out, v, key, n === 0 && !NUMBER.test(v));
      });
    }
  }
  return out;
}

/** Field values that carry no secret: masking every "true" in the log would garble it and hide nothing. */
const BOOLEAN = /^(?:true|false)$/i;
const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;
