/**
 * Test certificates made on the fly (node:crypto cannot sign X.509; @peculiar/x509 can):
 * a CA, optional intermediates, and leaves with chosen validity and names. ECDSA P-256.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TestCert {
  cert: string;
  key: string;
  /** the issuing certificates, leaf's issuer first */
  chain: string[];
  notBefore: Date;
  notAfter: Date;
  sign: CryptoKey;
  subject: string;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}

export interface CertOptions {
  cn?: string;
  /** DNS names and IPs for the subjectAltName */
  dns?: string[];
  ips?: string[];
  /** days from now (negative: in the past) */
  notBeforeDays?: number;
  notAfterDays?: number;
  ca?: boolean;
  clientAuth?: boolean;
}

export async function makeCert(opts: CertOptions = {}, issuer?: TestCert): Promise<TestCert> {
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const notBefore = new Date(now + (opts.notBeforeDays ?? -1) * DAY);
  const notAfter = new Date(now + (opts.notAfterDays ?? 365) * DAY);
  const subject = `CN=${opts.cn ?? (opts.ca ? 'pipeline-secrets test CA' : 'localhost')}`;
  const extensions: x509.Extension[] = [];
  if (opts.ca) {
    extensions.push(new x509.BasicConstraintsExtension(true, undefined, true));
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  } else {
    const names: x509.JsonGeneralName[] = [
      ...(opts.dns ?? ['localhost']).map((v) => ({ type: 'dns' as const, value: v })),
      ...(opts.ips ?? ['127.0.0.1']).map((v) => ({ type: 'ip' as const, value: v })),
    ];
    extensions.push(new x509.SubjectAlternativeNameExtension(names));
    extensions.push(new x509.ExtendedKeyUsageExtension([opts.clientAuth ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth]));
  }
  const serialNumber = Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        serialNumber,
        subject,
        issuer: issuer.subject,
        notBefore,
        notAfter,
        signingKey: issuer.sign,
        publicKey: keys.publicKey,
        signingAlgorithm: alg,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ serialNumber, name: subject, notBefore, notAfter, keys, signingAlgorithm: alg, extensions });
  return {
    cert: cert.toString('pem') + '\n',
    key: await keyPem(keys.privateKey),
    chain: issuer ? [issuer.cert, ...issuer.chain] : [],
    notBefore,
    notAfter,
    sign: keys.privateKey,
    subject,
  };
}
