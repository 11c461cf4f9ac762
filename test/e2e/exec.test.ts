/**
 * `pipeline-secrets exec`: the command runs with the secrets in its environment only, and
 * every secret (each line, base64 / JSON / URL forms) is redacted from its stdout and stderr,
 * even when split across writes. Runs dist/cli as a GitLab job would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../runner/cli.js';
import { Masker } from '../../src/core/mask.js';
import { StreamRedactor, byteForms } from '../../src/actions/exec/redact.js';
import { parseEnvFile } from '../../src/actions/exec/env-file.js';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { itPosix, nodeScript, onWindows } from '../runner/os.js';

let dir: string;
const token = `hvs.${randomBytes(18).toString('base64url')}`;
const dbPass = `p@ss w0rd'"$(${randomBytes(6).toString('hex')})`;
const pem = ['-----BEGIN PRIVATE KEY-----', randomBytes(36).toString('base64'), randomBytes(36).toString('base64'), '-----END PRIVATE KEY-----'].join('\n');
const secrets = [token, dbPass, pem];
let envFile: string;

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-exec-'));
  envFile = join(dir, 'env');
  // the format ProcessRunner writes for --export-file
  writeFileSync(envFile, `export VAULT_TOKEN=${shellQuote(token)}\nexport DB_PASSWORD=${shellQuote(dbPass)}\nexport TLS_KEY=${shellQuote(pem)}\n`, {
    mode: 0o600,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A node child that prints with the given JS (gets VAULT_TOKEN etc. from its env): runs on every OS, unlike sh. */
const nodeChild = nodeScript;

describe('exec through dist/cli', () => {
  it('redacts the value, each line of a multi-line value and the derived forms from stdout and stderr', async () => {
    const js = `
      const e = process.env;
      console.log('token', e.VAULT_TOKEN);
      console.error('stderr token', e.VAULT_TOKEN);
      console.log('db', e.DB_PASSWORD, JSON.stringify(e.DB_PASSWORD), encodeURIComponent(e.DB_PASSWORD));
      console.log('b64', Buffer.from(e.VAULT_TOKEN).toString('base64'));
      console.log(e.TLS_KEY);
      console.log(JSON.stringify({ key: e.TLS_KEY }));
      for (const l of e.TLS_KEY.split('\\n')) console.error('line:', l);
      console.log('done');`;
    const r = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild(js)], { secrets, env: { GITLAB_CI: 'true' } });
    expect(r.code).toBe(0);
    expect(r.leaks).toEqual([]);
    expect(r.stdout).toContain('token ***');
    expect(r.stderr).toContain('stderr token ***');
    expect(r.stdout).toContain('b64 ***');
    expect(r.stdout).toContain('done');
    for (const l of pem.split('\n')) expect(r.stdout + r.stderr).not.toContain(l);
    expect(r.stdout).not.toContain(JSON.stringify(pem).slice(1, -1));
    expect(r.stdout).not.toContain(encodeURIComponent(dbPass));
  });

  it('redacts a secret split across writes, byte by byte, and holds back only what could be a secret', async () => {
    const js = `
      const t = process.env.VAULT_TOKEN;
      process.stdout.write('before ' + t.slice(0, 7));
      let i = 7;
      const step = () => { if (i < t.length) { process.stdout.write(t[i++]); setTimeout(step, 2); } else { process.stdout.write(' after\\n'); } };
      setTimeout(step, 30);`;
    const r = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild(js)], { secrets, node: 'current' });
    expect(r.code).toBe(0);
    expect(r.leaks).toEqual([]);
    expect(r.stdout).toBe('before *** after\n');
  });

  it('passes argv through untouched (no shell) and keeps secrets out of it', async () => {
    const args = ['$VAULT_TOKEN', '*', "it's", '`id`', ''];
    const r = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild('console.log(JSON.stringify(process.argv.slice(1)))'), ...args], { secrets });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual(args);
    expect(r.leaks).toEqual([]);
  });

  it('runs a command found on PATH by its bare name (on Windows a .cmd shim, as npm and npx are), arguments intact', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const js = join(bin, 'tool.js');
    writeFileSync(js, "console.log(JSON.stringify(process.argv.slice(2)) + ' ' + process.env.VAULT_TOKEN)\n");
    if (onWindows) writeFileSync(join(bin, 'tool.cmd'), `@"${process.execPath}" "${js}" %*\r\n`);
    else {
      writeFileSync(join(bin, 'tool'), `#!/bin/sh\nexec "${process.execPath}" "${js}" "$@"\n`);
      chmodSync(join(bin, 'tool'), 0o755);
    }
    const PATH = `${bin}${delimiter}${process.env['PATH'] ?? ''}`;
    const r = await runCli(['exec', '--export-file', envFile, '--', 'tool', 'a b', 'c'], { secrets, env: { PATH } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('["a b","c"] ***\n');
    expect(r.leaks).toEqual([]);
  });

  it('passes the exit code through, 127 for a missing command', async () => {
    const a = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild('console.error(process.env.VAULT_TOKEN); process.exitCode = 7')], { secrets });
    expect(a.code).toBe(7);
    expect(a.stderr).toBe('***\n');
    const c = await runCli(['exec', '--export-file', envFile, '--', 'no-such-command-here'], { secrets });
    expect(c.code).toBe(127);
    expect(c.stderr).toMatch(/command not found: no-such-command-here/);
  });

  itPosix('a process killed on Windows has no signal to report')('exits 128+N when the command dies of signal N', async () => {
    const b = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild("process.kill(process.pid, 'SIGTERM')")], { secrets });
    expect(b.code).toBe(143);
  });

  it('redacts variables named by --redact-env and PIPELINE_SECRETS_REDACT_VARS, and reads PIPELINE_SECRETS_ENV_FILE', async () => {
    const other = `gl-${randomBytes(12).toString('hex')}`;
    const r = await runCli(
      ['exec', '--redact-env', 'MY_SECRET', '--', ...nodeChild('const e = process.env; console.log(`a=${e.MY_SECRET} b=${e.OTHER} c=${e.VAULT_TOKEN}`)')],
      {
        secrets: [...secrets, other],
        env: { MY_SECRET: dbPass, OTHER: other, PIPELINE_SECRETS_REDACT_VARS: 'OTHER', PIPELINE_SECRETS_ENV_FILE: envFile },
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a=*** b=*** c=***\n');
    expect(r.leaks).toEqual([]);
  });

  it('redacts the content of a 0600 secret file our actions wrote when a variable names it', async () => {
    const secretDir = join(dir, 'pipeline-secrets-job-42');
    mkdirSync(secretDir, { mode: 0o700 });
    const file = join(secretDir, 'tls.key');
    writeFileSync(file, `${pem}\n`, { mode: 0o600 });
    const js = 'const f = process.env.TLS_FILE; process.stdout.write(require("node:fs").readFileSync(f, "utf8")); console.log("path=" + f)';
    const r = await runCli(['exec', '--redact-env', 'TLS_FILE', '--', ...nodeChild(js)], { secrets, env: { TLS_FILE: file } });
    expect(r.code).toBe(0);
    expect(r.leaks).toEqual([]);
    expect(r.stdout).toContain('path=***');
  });

  it('refuses to run without `--`, without a command or with nothing to redact (exit 2)', async () => {
    expect((await runCli(['exec', 'echo', 'hi'])).code).toBe(2);
    expect((await runCli(['exec', '--export-file', envFile, '--'])).code).toBe(2);
    const none = await runCli(['exec', '--', 'echo', 'hi']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing to redact/);
    const missing = await runCli(['exec', '--export-file', join(dir, 'missing.env'), '--', 'true']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.env \(ENOENT\)/);
    const unreadable = await runCli(['exec', '--', 'true'], { env: { PIPELINE_SECRETS_ENV_FILE: dir } });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/cannot read .* \(EISDIR\)/);
  });

  it('names a malformed env file line without printing its value', async () => {
    const bad = join(dir, 'bad.env');
    writeFileSync(bad, `export GOOD='x1234'\nexport BROKEN='${token}\n`, { mode: 0o600 });
    chmodSync(bad, 0o600);
    const r = await runCli(['exec', '--export-file', bad, '--', 'true'], { secrets });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2: unterminated single quote/);
    expect(r.leaks).toEqual([]);
  });

  it('streams large output with secrets sprinkled through it', async () => {
    const js = `
      const t = process.env.VAULT_TOKEN; let s = '';
      for (let i = 0; i < 20000; i++) s += 'line ' + i + (i % 97 === 0 ? ' ' + t : '') + ' ' + 'x'.repeat(40) + '\\n';
      process.stdout.write(s);`;
    const r = await runCli(['exec', '--export-file', envFile, '--', ...nodeChild(js)], { secrets });
    expect(r.code).toBe(0);
    expect(r.leaks).toEqual([]);
    expect(r.stdout.split('\n').length).toBe(20001);
    expect(r.stdout.match(/\*\*\*/g)?.length).toBe(Math.ceil(20000 / 97));
  });
});

describe('exec --with ACTION', () => {
  let issuer: OidcIssuer;
  let vault: VaultServer;
  const kvValue = `kv-${randomBytes(16).toString('hex')}`;
  beforeAll(async () => {
    issuer = await new OidcIssuer().start();
    vault = await new VaultServer().start();
    vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
    vault.jwtRole('jwt', 'ci', { user_claim: 'sub', bound_audiences: ['https://vault.example'], token_policies: ['app'], token_ttl: 600 });
    vault.policy('app', ['secret/data/app', 'database/creds/app', { path: 'sys/leases/revoke', capabilities: ['update'] }]);
    vault.mount('secret', { type: 'kv', version: 2 });
    vault.kv2Put('secret', 'app', { password: kvValue });
    vault.mount('database', { type: 'database' });
    vault.databaseRole('database', 'app', { default_ttl: 3600 });
  });
  afterAll(async () => {
    await vault.stop();
    await issuer.stop();
  });
  const gitlabEnv = async (): Promise<Record<string, string>> => ({
    GITLAB_CI: 'true',
    CI_JOB_ID: '77',
    PIPELINE_SECRETS_ID_TOKEN_VAR: 'VAULT_ID_TOKEN',
    VAULT_ID_TOKEN: await issuer.gitlabToken('https://vault.example'),
    PIPELINE_SECRETS_TEMP_DIR: join(dir, 'with-tmp'),
  });
  const all = (): string[] => [...issuer.issued, ...vault.tokens.keys(), kvValue];

  it('runs fetch-secrets in the same process: the values reach only the command, redacted; leases and the token are revoked after it', async () => {
    const before = { revocations: vault.counters.revocations, leases: vault.counters.leaseRevocations };
    const r = await runCli(
      [
        'exec',
        '--with',
        'fetch-secrets',
        '--url',
        vault.url,
        '--role',
        'ci',
        '--audience',
        'https://vault.example',
        '--retry-initial-delay',
        '1ms',
        '--secrets',
        'secret/data/app password | APP_PASSWORD\ndatabase/creds/app password | DB_PASSWORD',
        '--',
        ...nodeChild('const e = process.env; console.log(`app=${e.APP_PASSWORD} db=${e.DB_PASSWORD} id=${e.VAULT_ID_TOKEN}`); process.exitCode = 5'),
      ],
      { env: await gitlabEnv(), secrets: all() },
    );
    expect(r.stdout).toBe('app=*** db=*** id=***\n');
    expect(r.code).toBe(5);
    expect(vault.counters.leaseRevocations).toBe(before.leases + 1);
    expect(vault.counters.revocations).toBe(before.revocations + 1);
    expect(all().filter((c) => r.stdout.includes(c) || r.stderr.includes(c))).toEqual([]);
  });

  it('does not run the command when the action fails, and names the problem', async () => {
    const r = await runCli(
      [
        'exec',
        '--with',
        'vault-login',
        '--url',
        vault.url,
        '--role',
        'nope',
        '--audience',
        'https://vault.example',
        '--retry-initial-delay',
        '1ms',
        '--',
        ...nodeChild("console.log('ran')"),
      ],
      { env: await gitlabEnv(), secrets: all() },
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toContain('ran');
    expect(r.stderr).toMatch(/nope/);
    expect(all().filter((c) => r.stdout.includes(c) || r.stderr.includes(c))).toEqual([]);
  });
});

describe('stream redactor and env file parser', () => {
  it('gives the same result as redacting the whole text, whatever the chunking', () => {
    const values = [token, pem, 'abcd', 'abcdef-long', 'ünïcødé-sécret'];
    const m = new Masker();
    for (const v of values) m.register(v, 'v');
    const forms = byteForms(values);
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const pieces: string[] = [];
      for (let k = 0; k < 12; k++) {
        const v = values[rnd(values.length)] ?? '';
        pieces.push(['plain ', 'ab', 'abc', 'é', '\n', v, v.slice(0, rnd(v.length + 1)), Buffer.from(v).toString('base64')][rnd(8)] ?? '');
      }
      const text = pieces.join('');
      const bytes = Buffer.from(text, 'utf8');
      let got = '';
      const r = new StreamRedactor(forms, (t) => (got += t));
      for (let i = 0; i < bytes.length; ) {
        const n = 1 + rnd(9);
        r.write(bytes.subarray(i, i + n));
        i += n;
      }
      r.end();
      expect(got).toBe(m.redact(text));
    }
  });

  it('parses the CLI env file format and dotenv lines', () => {
    const text = `export A='it'\\''s'\nexport B='l1\nl2'\nC=plain\nD="q \\"x\\" $"\n# comment\n\nexport E=''\n`;
    expect([...parseEnvFile(text, 'f')]).toEqual([
      ['A', "it's"],
      ['B', 'l1\nl2'],
      ['C', 'plain'],
      ['D', 'q "x" $'],
      ['E', ''],
    ]);
  });
});
