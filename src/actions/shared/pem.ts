/**
 * PEM inputs (CA certificates, client certificates and keys, signing keys): "PEM content or a
 * path", one reader for every action. Errors name the input, never the content.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../../core/errors.js';

export interface PemOptions {
  /** a relative path is read from here (the workspace); without it, from the process's directory */
  dir?: string;
  /**
   * hashicorp/vault-action's reading: inline content starts with -----BEGIN, a file must hold a
   * PEM block, and base64 of the PEM is accepted too
   */
  base64?: boolean;
  /** the content must hold a whole certificate (a CA bundle) */
  certificate?: boolean;
}

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function errorCode(err: unknown): string {
  return typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error';
}

/**
 * The PEM text of `input`: given inline, as the path of a PEM file, or (with `base64`) as
 * base64 of the PEM. A value that is none of these is a UserError naming `input`.
 */
export function readPem(raw: string, input: string, opts: PemOptions = {}): string {
  const v = raw.trim();
  let pem: string;
  if (opts.base64 ? v.startsWith('-----BEGIN') : v.includes('-----BEGIN')) {
    pem = `${v}\n`;
  } else {
    const path = opts.dir !== undefined && !isAbsolute(v) ? join(opts.dir, v) : v;
    let text: string | undefined;
    let code = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      code = errorCode(err);
    }
    if (text !== undefined) {
      if (opts.base64 && !text.includes('-----BEGIN')) throw new UserError(input, `the file "${v}" holds no PEM block`);
      pem = text;
    } else if (opts.base64) {
      const decoded = /^[A-Za-z0-9+/=\s]+$/.test(v) ? Buffer.from(v, 'base64').toString('utf8') : '';
      if (!decoded.includes('-----BEGIN'))
        throw new UserError(input, 'expected PEM content (-----BEGIN ...), the path of an existing PEM file, or base64 of a PEM');
      pem = decoded;
    } else {
      // a path is at most a few KiB: a longer value is not one, and is not echoed whole
      throw new UserError(input, `cannot read the CA file ${path.slice(0, 4096)} (${code}); give PEM text or the path of a PEM file`);
    }
  }
  if (opts.certificate && !CERTIFICATE.test(pem)) {
    throw new UserError(input, `${input} holds no PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)`);
  }
  return pem;
}

/** oidc-assume-role's ca-certificate: a CA bundle, PEM text or a path relative to the workspace. */
export function readCa(raw: string, workspace: string): string {
  return readPem(raw, 'ca-certificate', { dir: workspace, certificate: true });
}
