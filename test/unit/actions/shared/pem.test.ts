/** "PEM content or a path": the one reader of PEM inputs (Vault's, oidc-assume-role's ca-certificate, rotate-check's endpoints-ca). */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCa, readPem } from '../../../../src/actions/shared/pem.js';
import { UserError } from '../../../../src/core/errors.js';

describe('readPem', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
  it('reads PEM inline, from a file, or base64 (vault-action form)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-pem-'));
    writeFileSync(join(dir, 'ca.pem'), pem);
    expect(readPem(pem, 'ca-certificate', { base64: true })).toContain('BEGIN CERTIFICATE');
    expect(readPem(join(dir, 'ca.pem'), 'ca-certificate', { base64: true })).toContain('BEGIN CERTIFICATE');
    expect(readPem(Buffer.from(pem).toString('base64'), 'ca-certificate', { base64: true })).toContain('BEGIN CERTIFICATE');
    expect(() => readPem('/no/such/file.pem', 'ca-certificate', { base64: true })).toThrow(UserError);
    expect(() => readPem('/no/such/file.pem', 'ca-certificate', { base64: true })).toThrow(/input "ca-certificate"/);
  });
  it('reads a relative path from the given directory (the workspace), and names the file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-pem-'));
    writeFileSync(join(dir, 'ca.pem'), pem);
    expect(readPem('ca.pem', 'endpoints-ca', { dir })).toContain('BEGIN CERTIFICATE');
    expect(readPem(`  ${pem}  `, 'endpoints-ca', { dir })).toBe(`${pem}\n`);
    expect(() => readPem('missing.pem', 'endpoints-ca', { dir })).toThrow(/cannot read the CA file .*missing\.pem \(ENOENT\).*input "endpoints-ca"/);
  });
  it('vault-action form: a file without a PEM block, or text that is no PEM, names the input and not the content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-pem-'));
    writeFileSync(join(dir, 'not.pem'), 'hunter2-not-a-pem');
    expect(() => readPem(join(dir, 'not.pem'), 'client-key', { base64: true })).toThrow(/holds no PEM block/);
    let e: unknown;
    try {
      readPem('hunter2 is not base64!', 'client-key', { base64: true });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(UserError);
    expect(String((e as Error).message)).toMatch(/input "client-key"/);
    expect(String((e as Error).message)).not.toContain('hunter2');
  });
  it('readCa (oidc-assume-role): a CA bundle must hold a certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-pem-'));
    writeFileSync(join(dir, 'key.pem'), '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
    expect(readCa(pem, dir)).toContain('BEGIN CERTIFICATE');
    expect(() => readCa('key.pem', dir)).toThrow(/ca-certificate holds no PEM certificate/);
    expect(() => readCa('no-such-ca.pem', dir)).toThrow(/cannot read the CA file .*no-such-ca\.pem \(ENOENT\).*\(input "ca-certificate"\)/);
  });
});
