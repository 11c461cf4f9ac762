/**
 * The pure parts of issue #16 part D: strict base64 / hex decoding to bytes, the text check,
 * decodeItems' refusal of binary values for env vars and outputs, inject writing bytes, the
 * Vault token check, extra-headers values HTTP cannot carry, proxy URLs, and timeouts of 0.
 * Every error is a UserError naming the input, never quoting the value.
 */
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/core/errors.js';
import { proxyUrl } from '../../../src/core/http.js';
import { parseDuration } from '../../../src/core/parse.js';
import { envProxy } from '../../../src/platform/proxy-env.js';
import { parseInputs, type RunInfo } from '../../../src/actions/oidc-assume-role/config.js';
import { bytesAsText, decodeBase64, decodeHex, decodeItems } from '../../../src/secrets/encoding.js';
import { inject, maskAll, type InjectTarget } from '../../../src/secrets/inject.js';
import { checkToken, parseExtraHeaders, parseRequestTimeoutMs, parseStepTimeout } from '../../../src/actions/shared/vault-config.js';
import type { Item } from '../../../src/secrets/item.js';

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no UserError thrown');
}

function problem(d: ReturnType<typeof decodeBase64>): string {
  return 'problem' in d ? d.problem : '';
}

function bytes(d: ReturnType<typeof decodeBase64>): Buffer {
  if ('problem' in d) throw new Error(d.problem);
  return d.bytes;
}

/** not UTF-8 (0xff never is), with a NUL */
const BINARY = Buffer.concat([Buffer.from([0xff, 0x00, 0xfe]), randomBytes(61)]);

describe('decodeBase64: strict, to bytes', () => {
  it('standard base64 as base64 writes it, wrapped or with a trailing newline; base64url padded or not', () => {
    const b64 = BINARY.toString('base64');
    expect(bytes(decodeBase64(b64)).equals(BINARY)).toBe(true);
    expect(bytes(decodeBase64(`${b64}\n`)).equals(BINARY)).toBe(true);
    expect(bytes(decodeBase64(`${(b64.match(/.{1,76}/g) ?? []).join('\n')}\n`)).equals(BINARY)).toBe(true);
    expect(bytes(decodeBase64(`  ${(b64.match(/.{1,4}/g) ?? []).join(' \r\n\t')}  `)).equals(BINARY)).toBe(true);
    const url = Buffer.from([0xfb, 0xff, 0xbf, 0x01]).toString('base64url');
    expect(url).toMatch(/[-_]/);
    expect([...bytes(decodeBase64(url))]).toEqual([0xfb, 0xff, 0xbf, 0x01]);
    expect([...bytes(decodeBase64(`${url}==`))]).toEqual([0xfb, 0xff, 0xbf, 0x01]);
    expect(bytes(decodeBase64('')).length).toBe(0);
  });

  it('refuses what is not base64, saying why without quoting it', () => {
    expect(problem(decodeBase64('c2VjcmV0LXZhbHVlLXg'))).toMatch(/length \(19 characters\) is not a multiple of 4: the "=" padding is missing/);
    expect(problem(decodeBase64('c2Vj=cmV0LXZhbHVl'))).toMatch(/"=" in the middle/);
    expect(problem(decodeBase64('c2VjcmV0LXZhbHVlLXg=\nYWJj'))).toMatch(/"=" in the middle/);
    expect(problem(decodeBase64('c2Vjc*V0'))).toBe('character 6 is not a base64 character');
    expect(problem(decodeBase64('c2Vj\nc"V0'))).toBe('character 7 is not a base64 character');
    expect(problem(decodeBase64('c2Vj-mV0+XZhbHVlLXg='))).toMatch(/mixes the base64/);
    expect(problem(decodeBase64('c2VjcmV0LXZhbHVlLXh='))).toMatch(/not canonical/);
    expect(problem(decodeBase64('YWJjZA==='))).toMatch(/padding is at most two/);
    expect(problem(decodeBase64('YWJjZ'))).toMatch(/cannot be base64/);
    expect(problem(decodeBase64('YWJjZA='))).toMatch(/padding does not fit/);
    expect(problem(decodeBase64('aGk\u00e9'))).toMatch(/character 4/);
    // the old check let these through, turned into garbage
    for (const v of ['abcde', 'YWJj ZA', 'c2VjcmV0LXZhbHVlLXh=']) expect([v, problem(decodeBase64(v))]).not.toEqual([v, '']);
  });
});

describe('decodeHex and the text check', () => {
  it('hex: pairs, either case, spaces and line breaks ignored; refuses odd length and other characters', () => {
    expect(bytes(decodeHex(BINARY.toString('hex').toUpperCase())).equals(BINARY)).toBe(true);
    expect([...bytes(decodeHex('ff 00\nFE\n'))]).toEqual([0xff, 0x00, 0xfe]);
    expect(problem(decodeHex('abc'))).toMatch(/odd number of hex digits \(3\)/);
    expect(problem(decodeHex('0xff'))).toBe('character 2 is not a hex digit');
  });
  it('bytesAsText: UTF-8 without NUL is text (a BOM kept); anything else is not', () => {
    expect(bytesAsText(Buffer.from('h\u00e9llo \u{1f600}'))).toBe('h\u00e9llo \u{1f600}');
    expect(bytesAsText(Buffer.from('\ufeffbom'))).toBe('\ufeffbom');
    expect(bytesAsText(Buffer.from([0x61, 0x00, 0x62]))).toBeUndefined();
    expect(bytesAsText(Buffer.from([0x61, 0xc3]))).toBeUndefined();
    expect(bytesAsText(Buffer.from([0xed, 0xa0, 0x80]))).toBeUndefined();
    expect(bytesAsText(BINARY)).toBeUndefined();
  });
});

const item = (value: string, sink: Item['sink'] = 'file', line = 3): Item => ({
  line,
  text: 't',
  pick: 'expand',
  name: 'KS',
  outputName: 'ks',
  sink,
  value,
  leaves: [],
  source: 'secret/data/ci/bin',
  key: 'keystore',
  ext: '',
});

describe('decodeItems', () => {
  it('binary to a file: its bytes, marked binary, the encoded text (as stored and compact) to mask', () => {
    const stored = `${(BINARY.toString('base64').match(/.{1,20}/g) ?? []).join('\n')}\n`;
    const [d] = decodeItems([item(stored)], 'base64');
    expect(d?.binary).toBe(true);
    expect(Buffer.from(d?.bytes ?? []).equals(BINARY)).toBe(true);
    expect(d?.value).toBe(BINARY.toString('base64'));
    expect(d?.leaves).toEqual([stored, BINARY.toString('base64')]);
  });

  it('text decodes to its value (env or file), with its bytes; the encoded text masked', () => {
    const [d] = decodeItems([item(Buffer.from('caf\u00e9-secret').toString('base64'), 'env')], 'base64');
    expect([d?.value, d?.binary, Buffer.from(d?.bytes ?? []).toString('utf8')]).toEqual(['caf\u00e9-secret', undefined, 'caf\u00e9-secret']);
    expect(d?.leaves).toEqual([Buffer.from('caf\u00e9-secret').toString('base64')]);
  });

  it('binary to an env var or an output: a UserError naming the line, the key and the file: sink, never the value', () => {
    const e = userError(() => decodeItems([item(BINARY.toString('hex'), 'env', 7)], 'hex'));
    expect(e.input).toBe('secret-encoding-type');
    expect(e.message).toMatch(/^line 7: the value of "keystore" from secret\/data\/ci\/bin decodes to bytes that are not text .*"\| file:KS"/);
    expect(e.message).not.toContain(BINARY.toString('hex').slice(0, 12));
  });

  it('a value that is not the encoding: a UserError naming line and key, never the value', () => {
    const e = userError(() => decodeItems([item('c2VjcmV0LXZhbHVlLXg')], 'base64'));
    expect(e.message).toMatch(
      /^line 3: the value of "keystore" from secret\/data\/ci\/bin is not base64: its length .* \(the value is not shown\) \(input "secret-encoding-type"\)$/,
    );
    expect(e.message).not.toContain('c2VjcmV0');
  });

  it('dotenv and json files, PKI certificates, and utf8, are left as they are', () => {
    const d = item('not base64 at all!', 'dotenv');
    expect(decodeItems([d], 'base64')[0]).toBe(d);
    const pem = { ...item('-----BEGIN CERTIFICATE-----\nMIIB+/x=\n-----END CERTIFICATE-----\n'), pick: 'pki' as const };
    expect(decodeItems([pem], 'base64')[0]).toBe(pem);
    expect(decodeItems([item('x y')], 'utf8')[0]?.value).toBe('x y');
  });
});

function target(dir: string): InjectTarget & { masked: string[]; env: Record<string, string> } {
  const t = {
    masked: [] as string[],
    env: {} as Record<string, string>,
    secret(v: string) {
      t.masked.push(v);
    },
    exportEnv(n: string, v: string) {
      t.env[n] = v;
    },
    output() {
      /* none */
    },
    saveState() {
      /* none */
    },
    tempDir: () => dir,
  };
  return t;
}

describe('inject', () => {
  it('writes the decoded bytes of a binary value byte for byte; masks its encoded text, never a lossy text form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-fail-closed-'));
    const t = target(dir);
    const items = decodeItems([item(`${BINARY.toString('base64')}\n`)], 'base64');
    const done = await inject(t, items, { exportEnv: true, outputs: false });
    const path = done[0]?.file ?? '';
    expect(readFileSync(path).equals(BINARY)).toBe(true);
    expect(t.env['KS']).toBe(path);
    expect(t.masked).toEqual([`${BINARY.toString('base64')}\n`, BINARY.toString('base64')]);
    expect(t.masked.some((m) => m.includes('\ufffd'))).toBe(false);
  });

  it('refuses a binary item bound for an env var even when handed one directly', async () => {
    const t = target(mkdtempSync(join(tmpdir(), 'ps-fail-closed-')));
    const bin: Item = { ...item('AAEC', 'env'), bytes: Buffer.from([0, 1, 2]), binary: true };
    await expect(inject(t, [bin], { exportEnv: true, outputs: true })).rejects.toThrow(/line 3: KS is binary: only a file: sink/);
    expect(t.env).toEqual({});
    maskAll(t, [bin]);
    expect(t.masked).toEqual([]);
  });
});

describe('the Vault token', () => {
  const TOKEN = 'hvs.CAESIJ1k2l3m4n5o6p7q8r9s';
  it('surrounding whitespace trimmed; nothing given is ""', () => {
    expect(checkToken(`${TOKEN}\n`, 'VAULT_TOKEN')).toBe(TOKEN);
    expect(checkToken(` ${TOKEN}\r\n`, 'token')).toBe(TOKEN);
    expect(checkToken('', 'VAULT_TOKEN')).toBe('');
  });
  it('a line break, space, control or non-ASCII character inside, or only whitespace: a UserError naming the input, never the token', () => {
    for (const [bad, what] of [
      [`${TOKEN.slice(0, 8)}\n${TOKEN.slice(8)}`, 'a line break'],
      [`${TOKEN.slice(0, 8)}\r${TOKEN.slice(8)}`, 'a line break'],
      [`${TOKEN} x`, 'a space'],
      [`${TOKEN}\u0007`, 'a control character'],
      [`${TOKEN}\u00e9`, 'a non-ASCII character'],
    ] as const) {
      const e = userError(() => checkToken(bad, 'VAULT_TOKEN'));
      expect([e.input, e.message.includes(`holds ${what} inside`)]).toEqual(['VAULT_TOKEN', true]);
      expect(e.message).not.toContain(TOKEN.slice(4));
    }
    expect(userError(() => checkToken(' \n\t', 'token')).message).toMatch(/^token holds only whitespace/);
  });
});

describe('extra-headers', () => {
  it('a value HTTP cannot carry is refused naming the line and the header, never the value', () => {
    for (const [bad, what] of [
      ['a\rb', /carriage return/],
      ['a\u0001b', /control character/],
      ['a\u007fb', /control character/],
      ['a\u0000b', /a NUL/],
      ['a\u20acb', /outside ISO-8859-1/],
    ] as const) {
      const e = userError(() => parseExtraHeaders(`X-Ok: 1\nX-Team-Secret: hdr-${bad}-value`));
      expect(e.input).toBe('extra-headers');
      expect(e.message).toMatch(/^line 2: the value of the x-team-secret header holds /);
      expect([bad, what.test(e.message)]).toEqual([bad, true]);
      expect(e.message).not.toContain('hdr-');
    }
  });
  it('tab and latin1 are fine; a name that is not a token is refused without quoting the line', () => {
    expect(parseExtraHeaders('X-A: a\tb\nX-B: caf\u00e9')).toEqual({ 'x-a': 'a\tb', 'x-b': 'caf\u00e9' });
    const e = userError(() => parseExtraHeaders('X Team: s3cr3t-v'));
    expect(e.message).toMatch(/^line 1: expected "Name: value" with a valid header name \(letters, digits/);
    expect(e.message).not.toMatch(/s3cr3t|X Team/i);
  });
});

describe('proxy URLs', () => {
  it('http(s) URLs pass as given; host:port without a scheme is http', () => {
    expect(proxyUrl('http://proxy:3128', 'HTTPS_PROXY')).toBe('http://proxy:3128');
    expect(proxyUrl(' https://u:p@proxy.corp:8443 ', 'HTTPS_PROXY')).toBe('https://u:p@proxy.corp:8443');
    expect(proxyUrl('proxy.corp:3128', 'http_proxy')).toBe('http://proxy.corp:3128');
    expect(proxyUrl('[::1]:3128', 'http_proxy')).toBe('http://[::1]:3128');
  });
  it('not a URL, another scheme, no host, a space: a UserError naming the variable, never the credentials', () => {
    const cases: [string, RegExp][] = [
      [':::bad', /is not a proxy URL/],
      ['http://user:pa55word@', /is not a proxy URL/],
      ['http://:8080', /is not a proxy URL/],
      ['socks5://user:pa55word@h:1080', /is a socks5:\/\/ URL: only http/],
      ['http://proxy :80', /a space or a control character/],
      ['http://pro\nxy', /control character/],
    ];
    for (const [raw, why] of cases) {
      const e = userError(() => proxyUrl(raw, 'HTTPS_PROXY'));
      expect([raw, e.input, why.test(e.message)]).toEqual([raw, 'HTTPS_PROXY', true]);
      expect(e.message).not.toMatch(/pa55word|user:/);
    }
  });
  it('envProxy names the variable it read (lower case first); a blank one is unset', () => {
    expect(userError(() => envProxy({ https_proxy: ':::bad', HTTPS_PROXY: 'http://ok:1' })).input).toBe('https_proxy');
    expect(userError(() => envProxy({ https_proxy: ' ', HTTPS_PROXY: ':::bad' })).input).toBe('HTTPS_PROXY');
    expect(userError(() => envProxy({ HTTP_PROXY: 'ftp://h:21' })).input).toBe('HTTP_PROXY');
    expect(envProxy({ http_proxy: 'proxy:3128', NO_PROXY: 'x' })).toEqual({ httpProxy: 'http://proxy:3128', noProxy: 'x' });
  });
  it("oidc-assume-role's http-proxy input, the same rules", () => {
    const run: RunInfo = { platform: 'github', repository: 'o/r', runId: '1', runAttempt: '1', actor: 'me' };
    const parse = (proxy: string) =>
      parseInputs(
        (n) =>
          (({ 'role-to-assume': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'us-east-1', 'http-proxy': proxy }) as Record<string, string>)[n] ?? '',
        () => undefined,
        run,
      );
    const e = userError(() => parse('http://user:pa55word@'));
    expect([e.input, e.message.includes('pa55word')]).toEqual(['http-proxy', false]);
    expect(parse('proxy:3128').proxy).toEqual({ httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128' });
    expect(
      userError(() =>
        parseInputs(
          (n) =>
            (({ 'role-to-assume': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'us-east-1', 'action-timeout-s': '-1' }) as Record<string, string>)[
              n
            ] ?? '',
          () => undefined,
          run,
        ),
      ).input,
    ).toBe('action-timeout-s');
  });
});

describe('timeouts', () => {
  it('timeout: 0, 0s, 0ms, below a millisecond, negative, not a number, above 6h: a UserError naming timeout', () => {
    for (const v of ['0', '0s', '0ms', '0.0001s', '-5s', 'NaN', '1e3', '7h', `${'9'.repeat(400)}`]) {
      expect([v, userError(() => parseStepTimeout(v, 300)).input]).toEqual([v, 'timeout']);
    }
    expect(userError(() => parseStepTimeout('0s', 300)).message).toMatch(/above zero/);
    expect([parseStepTimeout('', 300), parseStepTimeout('90s', 300), parseStepTimeout('1ms', 300), parseStepTimeout('6h', 300)]).toEqual([
      300, 90, 0.001, 21600,
    ]);
  });
  it('request-timeout: the same, in milliseconds', () => {
    for (const v of ['0', '0s', '0.0001s', '-1s', '7h']) expect([v, userError(() => parseRequestTimeoutMs(v, 30_000)).input]).toEqual([v, 'request-timeout']);
    expect([parseRequestTimeoutMs('', 30_000), parseRequestTimeoutMs('250ms', 30_000)]).toEqual([30_000, 250]);
  });
  it('parseDuration never returns a non-finite number', () => {
    expect(userError(() => parseDuration(`${'9'.repeat(400)}s`, 'max-age')).input).toBe('max-age');
    expect(userError(() => parseDuration('9'.repeat(400), 'max-age')).input).toBe('max-age');
  });
});
