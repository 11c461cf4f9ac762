/**
 * The guard's hash search (src/kernels/guard-matcher.ts): every recorded form found once, at any
 * offset and across chunk edges, with its line and byte column, and nothing in text that only
 * resembles a value. The forms are recorded by the guard (src/guard/record.ts), as in a job.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readRecord, recordSecret, type GuardRecord } from '../../../src/guard/record.js';
import type { GuardFinding } from '../../../src/guard/search.js';
import { Matcher } from '../../../src/kernels/guard-matcher.js';

function recordOf(values: Record<string, string>): { record: GuardRecord; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ps-guard-m-'));
  for (const [label, v] of Object.entries(values)) recordSecret(dir, v, label);
  const record = readRecord(dir);
  if (!record) throw new Error('no record');
  return { record, dir };
}

/** Streams `text` through a matcher in chunks of the given sizes (cycled). */
function scan(record: GuardRecord, text: Buffer, sizes: number[] = [1 << 20]): GuardFinding[] {
  const out: GuardFinding[] = [];
  const s = new Matcher(record).stream((h) => out.push({ path: 'f', line: h.line, column: h.column, label: h.form.label, form: h.form.form }));
  for (let off = 0, i = 0; off < text.length; i++) {
    const n = sizes[i % sizes.length] ?? 1;
    s.write(text.subarray(off, off + n));
    off += n;
  }
  s.end();
  return out;
}

const filler = (n: number): string => {
  let s = '';
  while (s.length < n) s += `const x${s.length} = call(${s.length % 97});\n`;
  return s.slice(0, n);
};

describe('guard matcher', () => {
  it('finds values of every length from the masking minimum up, at any offset, across chunk edges', () => {
    const values: Record<string, string> = {};
    for (const n of [4, 5, 6, 7, 8, 12, 14, 15, 16, 20, 30, 31, 40, 64, 200]) values[`LEN_${n}`] = randomBytes(n).toString('base64url').slice(0, n);
    const { record } = recordOf(values);
    for (const [label, v] of Object.entries(values)) {
      for (const pad of [0, 1, 3, 17, 100]) {
        const text = Buffer.from(`${filler(pad)}${v}\nafter`);
        for (const sizes of [[1 << 20], [1], [7, 3, 11], [v.length - 1 || 1]]) {
          const hits = scan(record, text, sizes).filter((f) => f.label === label && f.form === 'value');
          expect(hits.length).toBe(1);
          expect(hits[0]?.line).toBe(filler(pad).split('\n').length);
        }
      }
    }
  });

  it('reports line and byte column', () => {
    const { record } = recordOf({ API_KEY: 'sk_live_0123456789abcdefXYZ' });
    const f = scan(record, Buffer.from('line one\nline two\n  key = "sk_live_0123456789abcdefXYZ";\n'));
    expect(f).toEqual([{ path: 'f', line: 3, column: 10, label: 'API_KEY', form: 'value' }]);
  });

  it('finds base64 (inside a longer base64 text at any alignment), URL-encoded, JSON-escaped forms and lines', () => {
    const secret = 'p@ss/word+"quoted" & more=stuff';
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    const { record } = recordOf({ DB_PASSWORD: secret, TLS_KEY: pem });
    for (const pre of ['', 'a', 'ab']) {
      const blob = Buffer.from(`{"x":"${pre}","password":"${secret}"}`).toString('base64');
      const f = scan(record, Buffer.from(`config = "${blob}"`));
      expect(f.map((x) => [x.label, x.form])).toContainEqual(['DB_PASSWORD', 'base64']);
    }
    const url = scan(record, Buffer.from(`https://h/?p=${encodeURIComponent(secret)}`));
    expect(url.map((x) => x.form)).toContain('URL-encoded');
    const json = scan(record, Buffer.from(JSON.stringify({ p: secret })));
    expect(json.map((x) => x.form)).toContain('JSON-escaped');
    const line = scan(record, Buffer.from('x\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n'));
    expect(line).toEqual([expect.objectContaining({ label: 'TLS_KEY', line: 2, form: 'a line' })]);
    // PEM armour alone is no finding
    expect(scan(record, Buffer.from('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n'))).toEqual([]);
  });

  it('finds nothing in text that only resembles the values', () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 50; i++) values[`S${i}`] = randomBytes(12 + (i % 30)).toString('base64');
    const { record } = recordOf(values);
    const near = Object.values(values)
      .map((v) => `${v.slice(0, -1)}${v.endsWith('A') ? 'B' : 'A'} ${v.slice(1)}`)
      .join('\n');
    expect(scan(record, Buffer.concat([randomBytes(3 << 20), Buffer.from(near)]), [65536])).toEqual([]);
  });
});
