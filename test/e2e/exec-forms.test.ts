/**
 * `pipeline-secrets exec` (dist/cli) against the forms real tools print: python3's json.dumps
 * and urllib.parse, Node's JSON / URL / base64, GNU base64 and openssl (wrapped lines), HTTP
 * Basic and docker config auth strings, bash's printf %q and set -x, and values split by ANSI
 * escape sequences or NUL bytes. Each child prints the forms; the test runs it once without
 * exec to see what would leak, then through exec, where none of it may appear.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli, type CliRun } from '../runner/cli.js';
import { itIf, nodeScript, onWindows } from '../runner/os.js';

const has = (tool: string, arg = '--version'): boolean => spawnSync(tool, [arg], { stdio: 'ignore' }).status === 0;
const python = has('python3');
const shellTools = !onWindows && has('bash') && has('base64') && has('openssl', 'version');

const secrets: Record<string, string> = {
  // an AWS secret access key: / and + are the common case
  AWS_SECRET: `wJalr/XUtn+FEMI/K7MDENG+${randomBytes(12).toString('base64').replace(/=/g, 'Q')}`,
  // unicode (astral, combining mark), quotes, %, & < > =
  UNI: `pässwörd-🔑-秘密-e\u0301-"q"-'s'-%41-&<>=${randomBytes(4).toString('hex')}`,
  MULTI: `line-one-${randomBytes(6).toString('hex')}\r\nline-two-${randomBytes(6).toString('hex')}`,
  // long enough for base64 to wrap at 64 and 76 columns
  LONG: `long-${randomBytes(60).toString('hex')}`,
  TOKEN: `hvs.${randomBytes(18).toString('base64url')}`,
};
const values = Object.values(secrets);
let dir: string;
let envFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-exec-forms-'));
  envFile = join(dir, 'env');
  const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    envFile,
    Object.entries(secrets)
      .map(([k, v]) => `export ${k}=${quote(v)}\n`)
      .join(''),
    { mode: 0o600 },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** the child run directly: what its output would show without exec */
function direct(argv: string[]): string {
  const [file, ...args] = argv;
  const r = spawnSync(file ?? '', args, { env: { ...process.env, ...secrets, LANG: 'C.UTF-8' } });
  expect(r.status).toBe(0);
  return r.stdout.toString('utf8');
}

async function viaExec(argv: string[]): Promise<CliRun> {
  const r = await runCli(['exec', '--export-file', envFile, '--', ...argv], { secrets: values, env: { LANG: 'C.UTF-8' } });
  expect(r.code).toBe(0);
  expect(r.leaks).toEqual([]);
  return r;
}

/** What a terminal or GitLab's log viewer shows: no escape sequences, no NUL bytes. */
function shown(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[ -/]*[0-~]|\x00/g, '');
}

/**
 * Each `## label` line of the direct output starts a form; every line of it (8 characters
 * and more: a short last line of a wrapped base64 is not promised) must be gone via exec.
 */
function expectNoneOf(raw: string, redacted: string): void {
  const visible = shown(redacted);
  let label = '';
  let checked = 0;
  for (const line of raw.split('\n')) {
    if (line.startsWith('## ')) {
      label = line;
      continue;
    }
    const payload = line.replace(/\r$/, '');
    if (payload.trim().length < 8) continue;
    checked++;
    if (redacted.includes(payload) || visible.includes(shown(payload))) throw new Error(`${label}: a line of it is shown unredacted`);
  }
  expect(checked).toBeGreaterThan(5);
  expect(redacted).toContain('## ');
  for (const v of values) for (const l of v.split(/\r?\n/)) expect(visible).not.toContain(l);
}

describe('exec redacts the forms real tools print', () => {
  itIf(python, 'python3 not installed')(
    'python3: json.dumps (ensure_ascii), urllib.parse.quote / quote_plus, html.escape, base64, Basic auth, docker config',
    async () => {
      const py = `
import os, json, base64, html, urllib.parse as u
for name in ${JSON.stringify(Object.keys(secrets))}:
    v = os.environ[name]
    b = v.encode()
    for label, form in [
        ('json.dumps', json.dumps(v)), ('json.dumps ensure_ascii=False', json.dumps(v, ensure_ascii=False)),
        ('json.dumps of a dict', json.dumps({'password': v})),
        ('PHP json_encode (as python writes it: ensure_ascii and \\\\/)', json.dumps(v).replace('/', '\\\\/')),
        ('Go encoding/json', json.dumps(v, ensure_ascii=False).replace('<', '\\\\u003c').replace('>', '\\\\u003e').replace('&', '\\\\u0026')),
        ('quote', u.quote(v)), ("quote safe=''", u.quote(v, safe='')), ('quote_plus', u.quote_plus(v)),
        ('urlencode', u.urlencode({'p': v})), ('html.escape', html.escape(v)),
        ('b64encode', base64.b64encode(b).decode()), ('urlsafe_b64encode', base64.urlsafe_b64encode(b).decode()),
        ('urlsafe unpadded', base64.urlsafe_b64encode(b).decode().rstrip('=')),
        ('b64encode with newline', base64.b64encode(b + b'\\n').decode()),
        ('encodebytes (76 columns)', base64.encodebytes(b).decode()),
    ]:
        print('## ' + name + ' ' + label)
        print(form)
`;
      const argv = ['python3', '-c', py];
      const raw = direct(argv);
      const r = await viaExec(argv);
      expectNoneOf(raw, r.stdout);
    },
  );

  itIf(python, 'python3 not installed')('a value inside longer base64 text at each alignment: HTTP Basic user:password and docker config auth', async () => {
    const py = `
import os, json, base64
for name in ${JSON.stringify(Object.keys(secrets))}:
    v = os.environ[name]
    for user in ['u', 'us', 'user', 'admin', 'deploy-bot']:
        print('Authorization: Basic ' + base64.b64encode((user + ':' + v).encode()).decode())
        print(json.dumps({'auths': {'registry.example': {'auth': base64.b64encode((user + ':' + v).encode()).decode()}}}))
        print('urlsafe: ' + base64.urlsafe_b64encode((user + ':' + v + '@tail').encode()).decode())
`;
    const argv = ['python3', '-c', py];
    const raw = direct(argv);
    const r = await viaExec(argv);
    const rawLines = raw.trim().split('\n');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(rawLines.length);
    lines.forEach((line, k) => {
      const base64Run = (rawLines[k]?.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(base64Run.length).toBeGreaterThan(20);
      expect(line.includes(base64Run)).toBe(false);
      // what is left of the encoded run: the user's prefix, at most 3 characters the value
      // shares with the bytes around it, and the tail
      expect(line).toMatch(/\*\*\*/);
      const left = line.replace(/^(Authorization: Basic |\{"auths": \{"registry.example": \{"auth": "|urlsafe: )/, '');
      const [before = '', after = ''] = left.split('***');
      expect(before.length).toBeLessThanOrEqual(Math.ceil(('deploy-bot:'.length * 4) / 3) + 3);
      expect(after.replace(/"\}\}\}$/, '').length).toBeLessThanOrEqual(12);
    });
  });

  it('node: JSON.stringify, encodeURIComponent, URLSearchParams, base64 and base64url', async () => {
    const js = `
      for (const name of ${JSON.stringify(Object.keys(secrets))}) {
        const v = process.env[name];
        const b = Buffer.from(v);
        const forms = {
          'JSON.stringify': JSON.stringify(v), 'JSON twice': JSON.stringify(JSON.stringify({ v })),
          encodeURIComponent: encodeURIComponent(v), 'lower-case hex': encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
          URLSearchParams: new URLSearchParams({ p: v }).toString(), base64: b.toString('base64'),
          base64url: b.toString('base64url'), 'base64 unpadded': b.toString('base64').replace(/=+$/, ''),
        };
        for (const [label, form] of Object.entries(forms)) console.log('## ' + name + ' ' + label + '\\n' + form);
      }`;
    const argv = nodeScript(js);
    const raw = direct(argv);
    const r = await viaExec(argv);
    expectNoneOf(raw, r.stdout);
  });

  itIf(shellTools, 'bash, GNU base64 or openssl not installed')(
    'shell tools: echo | base64 (76 columns), openssl base64 (64), base64 -w0, printf %q, set -x',
    async () => {
      const sh = `
      for name in ${Object.keys(secrets).join(' ')}; do
        v=\${!name}
        echo "## $name echo | base64"; echo "$v" | base64
        echo "## $name printf | base64"; printf '%s' "$v" | base64
        echo "## $name base64 -w0"; printf '%s' "$v" | base64 -w0; echo
        echo "## $name openssl base64"; echo "$v" | openssl base64
        echo "## $name openssl base64 -A"; printf '%s' "$v" | openssl base64 -A; echo
        echo "## $name printf %q"; printf '%q\\n' "$v"
        echo "## $name set -x"; (set -x; : "$v") 2>&1
      done`;
      const argv = ['bash', '-c', sh];
      const raw = direct(argv);
      const r = await viaExec(argv);
      expectNoneOf(raw, r.stdout);
    },
  );

  it('a value split by ANSI colour codes, an OSC title or hyperlink, ESC ( B, or NUL bytes, at every position', async () => {
    const js = `
      const splitters = ['\\x1b[31m', '\\x1b[1;38;2;255;0;0m', '\\x1b[0m\\x1b[K', '\\x1b]0;title\\x07', '\\x1b]8;;https://example.com\\x1b\\\\', '\\x1b(B\\x1b[m', '\\x00', '\\x1b[0m\\x00'];
      for (const name of ['TOKEN', 'UNI', 'AWS_SECRET']) {
        const chars = [...process.env[name]];
        for (const s of splitters) for (let at = 1; at < chars.length; at++) {
          process.stdout.write('## ' + name + ' ' + at + '\\n' + chars.slice(0, at).join('') + s + chars.slice(at).join('') + '\\n');
        }
      }`;
    const argv = nodeScript(js);
    const raw = direct(argv);
    const r = await viaExec(argv);
    expectNoneOf(raw, r.stdout);
    // every value line became *** (the sequences inside it went with it)
    const lines = r.stdout.split('\n').filter((l) => l && !l.startsWith('## '));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.every((l) => l === '***')).toBe(true);
  });

  it('a value split by escape sequences and across writes at once: every split point', async () => {
    const js = `
      const v = process.env.TOKEN;
      const parts = [];
      for (let at = 1; at < v.length; at++) parts.push('x ' + v.slice(0, at) + '\\x1b[3', '2m' + v.slice(at) + ' y\\n');
      let i = 0;
      const next = () => { if (i < parts.length) { process.stdout.write(parts[i++]); setImmediate(next); } };
      next();`;
    const r = await viaExec(nodeScript(js));
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(secrets['TOKEN']!.length - 1);
    expect(lines.every((l) => l === 'x *** y')).toBe(true);
  });
});
