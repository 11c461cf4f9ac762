/**
 * Bad input fails closed, and binary secrets arrive byte for byte (issue #16, part D): through
 * dist/fetch-secrets and dist/vault-login as the GitHub runner runs them, and through dist/cli
 * (a UserError is exit 2 there), against the Vault imitation on 127.0.0.1.
 *
 * - secret-encoding-type base64 / hex: decoded bytes go to a file: sink byte for byte (0600);
 *   a value that is not strict base64 (or hex) fails naming the line and the key; bytes that
 *   are not text (invalid UTF-8, or a NUL) sent to an env var or output are refused, naming
 *   the file: sink.
 * - a VAULT_TOKEN (or token input) with a trailing newline works; a line break or a control
 *   character inside it, or only whitespace, is a usage error naming it.
 * - extra-headers with a character HTTP cannot carry, HTTP(S)_PROXY that is not a proxy URL,
 *   and a timeout of 0 are usage errors naming the input or variable.
 * Every run passes the values it handles as secrets and asserts that none leaked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, transcript, type StepRun } from '../runner/github.js';
import { runCli, type CliRun } from '../runner/cli.js';
import { expectOwnerOnly } from '../runner/os.js';
import { repoRoot } from '../runner/node.js';
import { VaultServer } from '../servers/vault.js';

let vault: VaultServer;
let token: string;

/** random bytes that are not UTF-8 (0xff never is), with a NUL and a text marker inside */
const MARKER = `binary-marker-${randomBytes(8).toString('hex')}`;
const BINARY = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80]), randomBytes(40), Buffer.from(MARKER), randomBytes(20), Buffer.from([0xc3])]);
/** a megabyte of binary, stored as `base64 -w0` writes it (one line) */
const BIG = Buffer.concat([Buffer.from([0xff]), randomBytes(1024 * 1024 - 1)]);
/** 48 KB of binary, stored as `base64` writes it (a newline every 76 characters) */
const WIDE = Buffer.concat([Buffer.from([0xfe]), randomBytes(48 * 1024 - 1)]);
const WIDE_B64_WRAPPED = `${(WIDE.toString('base64').match(/.{1,76}/g) ?? []).join('\n')}\n`;
const TEXT = 'decoded-text-secret-3f9a1c';
const BIN = {
  keystore: BINARY.toString('base64'),
  keystore_nl: `${BINARY.toString('base64')}\n`,
  keystore_url: BINARY.toString('base64url'),
  keystore_hex: BINARY.toString('hex'),
  text: Buffer.from(TEXT).toString('base64'),
  big: `${BIG.toString('base64')}\n`,
  wide: WIDE_B64_WRAPPED,
};
const BAD = {
  short: 'c2VjcmV0LXZhbHVlLXg', // 19 characters: the padding is missing
  middle: 'c2Vj=cmV0LXZhbHVl', // "=" in the middle
  alphabet: 'c2VjcmV0*LXZhbHVl', // "*" is no base64 character
  mixed: 'c2Vj-mV0+XZhbHVlLXg=', // base64url and base64 alphabets mixed
  bits: 'c2VjcmV0LXZhbHVlLXh=', // the last character carries bits no encoder writes
  empty: '',
};
const ALL = [...Object.values(BIN).filter((v) => v !== BIN.big && v !== BIN.wide), ...Object.values(BAD).filter(Boolean), TEXT, MARKER, BINARY.toString('hex')];

beforeAll(async () => {
  vault = await new VaultServer().start();
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.kv2Put('secret', 'ci/bin', BIN);
  vault.kv2Put('secret', 'ci/bad', BAD);
  vault.policy('ci-read', ['secret/data/ci/*']);
  token = vault.createToken({ policies: ['ci-read'], ttl: 3600 });
  for (const b of ['fetch-secrets', 'vault-login', 'cli']) {
    if (!existsSync(join(repoRoot, 'dist', b, 'index.js'))) throw new Error('build first: npm run build -- fetch-secrets vault-login cli');
  }
});

afterAll(async () => {
  await vault.stop();
});

async function step(
  action: 'fetch-secrets' | 'vault-login',
  inputs: Record<string, string>,
  opts: { env?: Record<string, string | undefined>; secrets?: string[]; timeoutMs?: number } = {},
): Promise<StepRun> {
  const run = await runStep({
    action,
    inputs: { url: vault.url, 'retry-max-attempts': '1', ...inputs },
    ...(opts.env ? { env: opts.env } : {}),
    secrets: [...ALL, token, ...(opts.secrets ?? [])],
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  expect(run.leaks).toEqual([]);
  return run;
}

async function fetchStep(
  secrets: string,
  inputs: Record<string, string> = {},
  opts: { env?: Record<string, string | undefined>; secrets?: string[]; timeoutMs?: number } = {},
): Promise<StepRun> {
  return step('fetch-secrets', { secrets, token, ...inputs }, opts);
}

function ok(run: StepRun): StepRun {
  if (run.code !== 0) throw new Error(transcript(run));
  return run;
}

/** The step failed with a usage error (a UserError names its input), nothing injected. */
function usage(run: StepRun): string {
  const err = run.annotations.find((a) => a.level === 'error');
  if (run.code === 0 || !err) throw new Error(`expected a failure\n${transcript(run)}`);
  expect(err.message).not.toMatch(/internal error|could not reach/);
  expect(err.message).toMatch(/\(input "[^"]+"\)/);
  expect(run.exported).toEqual({});
  expect(Object.keys(run.outputs)).toEqual([]);
  return err.message;
}

async function cli(args: readonly string[], env: Record<string, string>, secrets: readonly string[] = []): Promise<CliRun> {
  const temp = mkdtempSync(join(tmpdir(), 'ps-fail-closed-'));
  const run = await runCli([...args, '--temp-dir', temp], { env: { VAULT_ADDR: vault.url, ...env }, secrets: [...ALL, token, ...secrets] });
  expect(run.leaks).toEqual([]);
  return run;
}

/** exit 2 (usage), the message on stderr */
function cliUsage(run: CliRun): string {
  expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/\(input "[^"]+"\)/)]);
  expect(run.stderr).not.toMatch(/internal error|could not reach/);
  return run.stderr;
}

describe('secret-encoding-type: bytes to a file: sink, byte for byte', () => {
  it('base64 of non-UTF-8 bytes (with a NUL) into a file equals the bytes, 0600; standard, base64url, hex and a trailing newline', async () => {
    const run = ok(
      await fetchStep(
        ['secret/data/ci/bin keystore | file:KS', 'secret/data/ci/bin keystore_nl | file:KS_NL', 'secret/data/ci/bin keystore_url | file:KS_URL'].join('\n'),
        { 'secret-encoding-type': 'base64' },
      ),
    );
    for (const name of ['KS', 'KS_NL', 'KS_URL']) {
      const path = run.exported[name] ?? '';
      expect(path.startsWith(run.runnerTemp)).toBe(true);
      expect(readFileSync(path).equals(BINARY)).toBe(true);
      expect(run.outputs[name]).toBe(path);
      expectOwnerOnly(path);
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    // the encoded text is masked (its decoded bytes have no text form to mask)
    expect(run.masks).toEqual(expect.arrayContaining([BIN.keystore, BIN.keystore_url]));
    expect(run.masks.some((m) => m.includes('\ufffd'))).toBe(false);
    const hex = ok(await fetchStep('secret/data/ci/bin keystore_hex | file:KS', { 'secret-encoding-type': 'hex' }));
    expect(readFileSync(hex.exported['KS'] ?? '').equals(BINARY)).toBe(true);
    expect(hex.masks).toContain(BIN.keystore_hex);
    // the post step removes the files
    ok(await runStep({ action: 'fetch-secrets', after: run, inputs: { url: vault.url }, secrets: ALL }));
    for (const name of ['KS', 'KS_NL', 'KS_URL']) expect(existsSync(run.exported[name] ?? '')).toBe(false);
  });

  it('a megabyte of binary (base64 -w0), and 48 KB stored as base64 -w76 writes it: the files hold the bytes, the text is masked', async () => {
    const started = Date.now();
    const run = ok(
      await fetchStep('secret/data/ci/bin big | file:BIG\nsecret/data/ci/bin wide | file:WIDE', { 'secret-encoding-type': 'base64' }, { timeoutMs: 120_000 }),
    );
    const ms = Date.now() - started;
    expect(readFileSync(run.exported['BIG'] ?? '').equals(BIG)).toBe(true);
    expect(readFileSync(run.exported['WIDE'] ?? '').equals(WIDE)).toBe(true);
    expect(run.masks).toContain(BIG.toString('base64'));
    const lines = WIDE_B64_WRAPPED.trim().split('\n');
    for (const l of [lines[0], lines[300], lines[lines.length - 2]]) expect(run.masks).toContain(l);
    // eslint-disable-next-line no-console
    console.log(`1 MB + 48 KB of binary through file: sinks in ${ms} ms, ${run.masks.length} mask forms`);
  }, 180_000);

  it('text decodes as before: an env var and an output; both forms masked', async () => {
    const run = ok(await fetchStep('secret/data/ci/bin text | T', { 'secret-encoding-type': 'base64' }));
    expect([run.exported['T'], run.outputs['T']]).toEqual([TEXT, TEXT]);
    expect(run.masks).toEqual(expect.arrayContaining([TEXT, BIN.text]));
  });

  it('binary to an env var or an output is refused, naming the line, the key and the file: sink', async () => {
    const msg = usage(await fetchStep('secret/data/ci/bin text | T\nsecret/data/ci/bin keystore | KS', { 'secret-encoding-type': 'base64' }));
    expect(msg).toMatch(/line 2: .*"keystore".*not text.*file:/s);
    expect(msg).toMatch(/secret-encoding-type/);
    // outputs only: refused too
    usage(await fetchStep('secret/data/ci/bin keystore | KS', { 'secret-encoding-type': 'base64', 'export-env': 'false' }));
    const c = cliUsage(
      await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin keystore_hex | KS', '--secret-encoding-type', 'hex'], { VAULT_TOKEN: token }),
    );
    expect(c).toMatch(/line 1: .*"keystore_hex".*file:/s);
  });

  it('a value that is not strict base64 fails naming the line and key, never the value; exit 2 in the CLI', async () => {
    for (const [key, why] of [
      ['short', /length/],
      ['middle', /"=".*middle|padding/],
      ['alphabet', /character/],
      ['mixed', /mix/],
      ['bits', /canonical|bits/],
    ] as const) {
      const run = await cli(['fetch-secrets', '--secrets', `\nsecret/data/ci/bad ${key} | file:X`, '--secret-encoding-type', 'base64'], { VAULT_TOKEN: token });
      const msg = cliUsage(run);
      expect([key, msg]).toEqual([key, expect.stringMatching(/line 2: the value of "[a-z]+" from secret\/data\/ci\/bad is not base64/)]);
      expect(msg).toContain(`"${key}"`);
      expect([key, why.test(msg)]).toEqual([key, true]);
      expect(msg).toMatch(/secret-encoding-type/);
    }
    const gh = usage(await fetchStep('secret/data/ci/bad short | X', { 'secret-encoding-type': 'base64' }));
    expect(gh).toMatch(/line 1: the value of "short"/);
    expect(usage(await fetchStep('secret/data/ci/bin keystore | X', { 'secret-encoding-type': 'hex' }))).toMatch(/is not hex/);
  });

  it('an empty value decodes to nothing, which is refused as an empty secret (never injected)', async () => {
    const run = await fetchStep('secret/data/ci/bad empty | file:E', { 'secret-encoding-type': 'base64' });
    expect(run.code).not.toBe(0);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/the secret E is empty/);
    expect([run.exported, run.outputs]).toEqual([{}, {}]);
  });
});

describe('the Vault token', () => {
  it('a trailing newline (as `echo` into a file leaves) is trimmed: VAULT_TOKEN and the token input', async () => {
    ok(await step('fetch-secrets', { secrets: 'secret/data/ci/bin text | T' }, { env: { VAULT_TOKEN: `${token}\n` } }));
    const c = await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T', '--export-env=false', '--outputs=false'], {
      VAULT_TOKEN: `${token}\r\n`,
    });
    expect([c.code, c.stderr]).toEqual([0, expect.any(String)]);
    const t = await cli(['vault-login', '--method', 'token', '--export-token=false'], { INPUT_TOKEN: `${token}\n` });
    expect(t.code).toBe(0);
  });

  it('a line break or control character inside, or only whitespace: a usage error naming VAULT_TOKEN / the token input, no request sent', async () => {
    const inner = `${token.slice(0, 6)}\n${token.slice(6)}`;
    const before = vault.log.length;
    const gh = usage(
      await step('fetch-secrets', { secrets: 'secret/data/ci/bin text | T' }, { env: { VAULT_TOKEN: inner }, secrets: [inner, token.slice(6)] }),
    );
    expect(gh).toMatch(/VAULT_TOKEN/);
    expect(cliUsage(await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T'], { VAULT_TOKEN: `${token}\u0007` }))).toMatch(
      /\(input "VAULT_TOKEN"\)/,
    );
    expect(cliUsage(await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T'], { VAULT_TOKEN: ' \n\t ' }))).toMatch(
      /only whitespace.*\(input "VAULT_TOKEN"\)/s,
    );
    expect(cliUsage(await cli(['vault-login', '--method', 'token'], { INPUT_TOKEN: `${token.slice(0, 6)}\r${token.slice(6)}` }, [token.slice(6)]))).toMatch(
      /\(input "token"\)/,
    );
    expect(usage(await step('vault-login', { method: 'token', token: inner }, { secrets: [inner, token.slice(6)] }))).toMatch(/\(input "token"\)/);
    expect(vault.log.length).toBe(before);
  });
});

describe('extra-headers', () => {
  const SECRET_HEADER = 'hdr-secret-value-5d4c3b';
  it('a CR, another control character or a character outside latin1 is refused naming extra-headers and the header, never the value', async () => {
    const before = vault.log.length;
    for (const bad of [
      `X-Team-Secret: ${SECRET_HEADER}\rInjected: 1`,
      `X-Team-Secret: ${SECRET_HEADER}\u0001`,
      `X-Team-Secret: ${SECRET_HEADER}\u20ac`,
      `X-Team-Secret: ${SECRET_HEADER}\u007f`,
    ]) {
      const msg = usage(await fetchStep('secret/data/ci/bin text | T', { 'extra-headers': `X-Ok: fine\n${bad}` }, { secrets: [SECRET_HEADER] }));
      expect(msg).toMatch(/line 2: the value of the x-team-secret header .*\(input "extra-headers"\)/s);
    }
    // argv cannot hold a NUL: the header comes from the environment, as the CLI's help says secrets should
    const c = cliUsage(
      await cli(['vault-login', '--method', 'token'], { INPUT_TOKEN: token, 'INPUT_EXTRA-HEADERS': `X-Team-Secret: ${SECRET_HEADER}\u0002` }, [SECRET_HEADER]),
    );
    expect(c).toMatch(/x-team-secret.*\(input "extra-headers"\)/s);
    // a header name that is not an HTTP token
    expect(usage(await fetchStep('secret/data/ci/bin text | T', { 'extra-headers': `X Team: ${SECRET_HEADER}` }, { secrets: [SECRET_HEADER] }))).toMatch(
      /line 1: .*header name.*\(input "extra-headers"\)/s,
    );
    expect(vault.log.length).toBe(before);
    // a tab inside a value is fine
    ok(await fetchStep('secret/data/ci/bin text | T', { 'extra-headers': `X-Team-Secret: ${SECRET_HEADER}\tmore` }, { secrets: [SECRET_HEADER] }));
  });
});

describe('proxy variables', () => {
  it('a malformed HTTPS_PROXY / http_proxy is a usage error naming the variable, credentials never shown', async () => {
    const before = vault.log.length;
    expect(usage(await fetchStep('secret/data/ci/bin text | T', {}, { env: { HTTPS_PROXY: ':::bad' } }))).toMatch(/HTTPS_PROXY.*\(input "HTTPS_PROXY"\)/s);
    expect(cliUsage(await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T'], { VAULT_TOKEN: token, HTTPS_PROXY: ':::bad' }))).toMatch(
      /\(input "HTTPS_PROXY"\)/,
    );
    // credentials and no host
    const pw = 'proxy-pass-8e7d6c5b';
    const noHost = cliUsage(
      await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T'], { VAULT_TOKEN: token, http_proxy: `http://proxyuser:${pw}@` }, [pw]),
    );
    expect(noHost).toMatch(/\(input "http_proxy"\)/);
    expect(noHost).not.toContain('proxyuser');
    // an unsupported scheme
    expect(cliUsage(await cli(['vault-login', '--method', 'token'], { INPUT_TOKEN: token, HTTP_PROXY: `socks5://u:${pw}@127.0.0.1:1080` }, [pw]))).toMatch(
      /socks5.*\(input "HTTP_PROXY"\)/s,
    );
    expect(vault.log.length).toBe(before);
  });

  it('host:port without a scheme is an http proxy (as curl reads it); NO_PROXY still bypasses it', async () => {
    const run = ok(
      await fetchStep(
        'secret/data/ci/bin text | T',
        { 'secret-encoding-type': 'base64' },
        { env: { HTTP_PROXY: 'proxy.invalid:3128', HTTPS_PROXY: 'proxy.invalid:3128', NO_PROXY: '127.0.0.1' } },
      ),
    );
    expect(run.exported['T']).toBe(TEXT);
  });
});

describe('timeout', () => {
  it('0s, 0, a negative or a non-number: a usage error naming timeout, before any request', async () => {
    const before = vault.log.length;
    for (const t of ['0s', '0', '-5s', 'NaN', '0ms']) {
      expect([t, usage(await fetchStep('secret/data/ci/bin text | T', { timeout: t }))]).toEqual([t, expect.stringMatching(/\(input "timeout"\)/)]);
    }
    expect(usage(await step('vault-login', { method: 'token', token, timeout: '0s' }))).toMatch(/above zero.*\(input "timeout"\)/s);
    expect(cliUsage(await cli(['fetch-secrets', '--secrets', 'secret/data/ci/bin text | T', '--timeout', '0s'], { VAULT_TOKEN: token }))).toMatch(
      /\(input "timeout"\)/,
    );
    // a store-only run checks it too
    expect(cliUsage(await cli(['fetch-secrets', '--secrets', 'aws-sm:prod/db password | P', '--timeout', '0'], {}))).toMatch(/\(input "timeout"\)/);
    // rotate-check's own timeout (each endpoint probe) refuses it as well
    expect(cliUsage(await cli(['rotate-check', '--endpoints', '127.0.0.1:9', '--timeout', '0s'], {}))).toMatch(/\(input "timeout"\)/);
    expect(vault.log.length).toBe(before);
  });
});
