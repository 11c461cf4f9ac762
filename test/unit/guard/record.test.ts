import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH, secretForms } from '../../../src/core/mask.js';
import { guardForms, base64Core } from '../../../src/guard/forms.js';
import { KEY_FILE, RECORD_FILE, jobKeys, readRecord, recordSecret, recordedInto } from '../../../src/guard/record.js';
import { acquire, liveRefs, release, REFS_FILE } from '../../../src/guard/refs.js';
import { expectOwnerOnly } from '../../runner/os.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'ps-guard-rec-'));

describe('guard forms', () => {
  it('a value shorter than the masking minimum has no form', () => {
    for (const v of ['', 'a', 'ab', 'abc', '  abc  ', 'x\ny', ' \n\t ']) expect(guardForms(v)).toEqual([]);
    expect(MIN_SECRET_LENGTH).toBe(4);
  });

  it('holds every form the masker knows, plus base64 cores, and skips PEM armour', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const forms = guardForms(pem).map((f) => f.bytes.toString());
    const armour = ['-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----'].flatMap((l) => secretForms(l));
    for (const f of secretForms(pem)) if (!armour.includes(f)) expect(forms).toContain(f);
    expect(forms).not.toContain('-----BEGIN PRIVATE KEY-----');
    expect(forms).not.toContain('-----END PRIVATE KEY-----');
    expect(forms).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  });

  it('base64 cores are what a value leaves inside any longer base64 text', () => {
    const v = Buffer.from('s3cr3t-Value_with/odd+chars');
    for (const shift of [0, 1, 2] as const) {
      for (const pre of ['', 'x', 'xy', 'xyz', 'abcd']) {
        const whole = Buffer.concat([Buffer.from(pre), Buffer.alloc(0)]);
        const text = Buffer.concat([whole, v, Buffer.from('tail!')]).toString('base64');
        if (whole.length % 3 === shift) expect(text).toContain(base64Core(v, shift));
      }
    }
  });
});

describe('guard record', () => {
  it('records keyed hashes in 0600 files, never a value or any of its forms', () => {
    const d = dir();
    const value = 'hvs.CAESIJ3kq9c-very-secret-token';
    expect(recordSecret(d, value, 'VAULT_TOKEN')).toBeGreaterThan(3);
    expect(recordedInto(d)).toBe(true);
    expectOwnerOnly(join(d, KEY_FILE));
    expectOwnerOnly(join(d, RECORD_FILE));
    const text = readFileSync(join(d, RECORD_FILE), 'utf8');
    for (const f of guardForms(value)) expect(text).not.toContain(f.bytes.toString());
    expect(text).toContain('VAULT_TOKEN');
    const rec = readRecord(d);
    expect(rec?.entries.length).toBe(guardForms(value).length);
    expect(rec?.entries.every((e) => e.label === 'VAULT_TOKEN')).toBe(true);
  });

  it('never records a value shorter than the masking minimum', () => {
    const d = dir();
    expect(recordSecret(d, 'abc', 'SHORT')).toBe(0);
    expect(recordSecret(d, ' ab ', 'SHORT')).toBe(0);
    expect(existsSync(join(d, RECORD_FILE))).toBe(false);
    expect(recordedInto(d)).toBe(false);
  });

  it('two writers share one key and their lines never interleave', () => {
    const d = dir();
    const k1 = jobKeys(d, true);
    const k2 = jobKeys(d, true);
    expect(k1?.kid).toBe(k2?.kid);
    for (let i = 0; i < 50; i++) recordSecret(d, `value-number-${i}-abcdef`, `S${i}`);
    const lines = readFileSync(join(d, RECORD_FILE), 'utf8').trim().split('\n');
    expect(lines.every((l) => JSON.parse(l) !== null)).toBe(true);
    expect(readRecord(d)?.ignored).toBe(0);
  });

  it('ignores lines written under another key', () => {
    const d = dir();
    recordSecret(d, 'first-secret-value', 'A');
    writeFileSync(join(d, RECORD_FILE), `${readFileSync(join(d, RECORD_FILE), 'utf8')}{"k":"0000","h":"x"}\nnot json\n`);
    const rec = readRecord(d);
    expect(rec?.ignored).toBe(2);
    expect(rec?.entries.length).toBeGreaterThan(0);
  });

  it('no key or no record: nothing recorded', () => {
    expect(readRecord(dir())).toBeUndefined();
  });
});

describe('guard references', () => {
  it('the last release deletes key, record and count', () => {
    const d = dir();
    recordSecret(d, 'some-secret-value', 'A');
    const a = acquire(d);
    const b = acquire(d);
    expect(liveRefs(d).length).toBe(2);
    // GitHub runs post steps in reverse: b first
    expect(release(d, b)).toBe(false);
    expect(existsSync(join(d, RECORD_FILE))).toBe(true);
    expect(release(d, a)).toBe(true);
    for (const f of [KEY_FILE, RECORD_FILE, REFS_FILE]) expect(existsSync(join(d, f))).toBe(false);
  });
});
