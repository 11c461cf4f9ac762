import { describe, expect, it } from '@jest/globals';
import { Masker, secretForms } from '../../../src/core/mask.js';
import { backoffDelay, withRetry } from '../../../src/core/retry.js';
import { fakeClock } from '../../../src/core/clock.js';
import { parseBool, parseDuration, parseIntIn } from '../../../src/core/parse.js';
import { UserError, RemoteError } from '../../../src/core/errors.js';
import { HttpClient } from '../../../src/core/http.js';
import { listen, sendJson } from '../../servers/http.js';

describe('masker', () => {
  it('masks the value, each line and derived forms', () => {
    const m = new Masker();
    const pem = '-----BEGIN KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END KEY-----';
    m.register(pem, 'TLS_KEY');
    const text = `a ${pem} b ${JSON.stringify(pem)} c ${Buffer.from(pem).toString('base64')} d QUJDREVGR0hJSktMTU5PUA== e`;
    const out = m.redact(text);
    expect(out).not.toContain('QUJDREVGR0hJSktMTU5PUA==');
    expect(out).not.toContain(Buffer.from(pem).toString('base64'));
    expect(out).toContain('***');
  });
  it('refuses empty and short values, naming them but not the value', () => {
    const m = new Masker();
    expect(() => m.register('', 'API_KEY')).toThrow(/API_KEY is empty/);
    expect(() => m.register('abc', 'API_KEY')).toThrow(UserError);
    try {
      m.register('xyz', 'API_KEY');
    } catch (e) {
      expect((e as Error).message).not.toContain('xyz');
    }
  });
  it('masks a value given with spaces around it when it is printed without them', () => {
    const m = new Masker();
    m.register('  padded-secret-1234 \t', 'TOKEN');
    expect(m.redact('token=padded-secret-1234;')).toBe('token=***;');
  });
  it('includes url and json encodings', () => {
    expect(secretForms('a b"c/d')).toEqual(expect.arrayContaining(['a b"c/d', 'a b\\"c/d', 'a%20b%22c%2Fd']));
  });
});

describe('retry', () => {
  it('backs off exponentially with jitter under the cap', () => {
    const p = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(p, 1, () => 0)).toBe(50);
    expect(backoffDelay(p, 1, () => 1)).toBe(100);
    expect(backoffDelay(p, 3, () => 1)).toBe(400);
    expect(backoffDelay(p, 9, () => 1)).toBe(1000);
  });
  it('retries only what is retryable, and stops at maxAttempts', async () => {
    const clock = fakeClock();
    let n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw new Error('x');
        },
        () => true,
        { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
        clock,
      ),
    ).rejects.toThrow('x');
    expect(n).toBe(3);
    expect(clock.slept).toHaveLength(2);
    n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw new Error('y');
        },
        () => false,
        { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
        clock,
      ),
    ).rejects.toThrow('y');
    expect(n).toBe(1);
  });
});

describe('parse', () => {
  it('parses with errors naming the input', () => {
    expect(parseBool('', 'export-env', true)).toBe(true);
    expect(() => parseBool('maybe', 'export-env', true)).toThrow(/export-env/);
    expect(parseDuration('1h30m', 'max-age')).toBe(5400);
    expect(parseDuration('30d', 'max-age')).toBe(2592000);
    expect(() => parseDuration('soon', 'max-age')).toThrow(/max-age/);
    expect(() => parseIntIn('99999', 'role-duration-seconds', 3600, 900, 43200)).toThrow(/role-duration-seconds/);
  });
});

describe('http client', () => {
  it('retries 503 then succeeds, never retries 403, and reports connection failures', async () => {
    let calls = 0;
    const s = await listen((req, res) => {
      calls++;
      if (req.url === '/flaky' && calls < 3) return sendJson(res, 503, { errors: ['Vault is sealed'] });
      if (req.url === '/denied') return sendJson(res, 403, { errors: ['permission denied'] });
      sendJson(res, 200, { ok: true });
    });
    const clock = fakeClock();
    const http = new HttpClient({ service: 'Vault', clock, retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 } });
    try {
      const r = await http.json(`${s.url}/flaky`);
      expect(r.status).toBe(200);
      expect(calls).toBe(3);
      calls = 0;
      const d = await http.json(`${s.url}/denied`);
      expect(d.status).toBe(403);
      expect(calls).toBe(1);
    } finally {
      await http.close();
      await s.close();
    }
    const dead = new HttpClient({ service: 'Vault', clock, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(dead.json(`${s.url}/gone?token=secret-in-query`)).rejects.toThrow(RemoteError);
    await expect(dead.json(`${s.url}/gone?token=secret-in-query`)).rejects.not.toThrow(/secret-in-query/);
    await dead.close();
  });
});

describe('secret files', () => {
  it('restricts nothing off Windows and fails closed when the Windows ACL cannot be set', async () => {
    const { restrictToOwner } = await import('../../../src/core/files.js');
    await expect(restrictToOwner('/nonexistent/x', 'linux')).resolves.toBeUndefined();
    // icacls does not exist here: the way a failed restriction surfaces on Windows
    await expect(restrictToOwner('/nonexistent/x', 'win32')).rejects.toThrow(/could not restrict \/nonexistent\/x/);
  });
});
