/**
 * Certificate chain analysis shared by PEM files, live TLS endpoints and Vault PKI:
 * days until expiry, expired, not yet valid, and intermediates that expire before the leaf
 * (the chain then dies with the intermediate). Reads only public certificates.
 */
import { X509Certificate } from 'node:crypto';
import { type ExpiryLimits, type Item, type Kind, type Status, DAY, expiryLimitText, expiryStatus, worst } from './item.js';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/**
 * The certificates of a PEM text, in order. Any other block (a private key, parameters)
 * is skipped without being looked at; `skipped` counts them.
 */
export function pemCertificates(text: string): { certs: X509Certificate[]; skipped: number; bad: number } {
  const certs: X509Certificate[] = [];
  let skipped = 0;
  let bad = 0;
  for (const m of text.matchAll(PEM_BLOCK)) {
    if (m[1] !== 'CERTIFICATE') {
      skipped++;
      continue;
    }
    try {
      certs.push(new X509Certificate(m[0]));
    } catch {
      bad++;
    }
  }
  return { certs, skipped, bad };
}

export function notAfter(c: X509Certificate): number {
  return Date.parse(c.validTo);
}

export function notBefore(c: X509Certificate): number {
  return Date.parse(c.validFrom);
}

/** The subject's CN (or the whole subject when it has none), on one line. */
export function commonName(c: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(c.subject);
  return (cn?.[1] ?? c.subject.replace(/\n/g, ', ')).slice(0, 120);
}

/** Splits certificates into chains: each certificate followed by the ones that issued it. */
export function groupChains(certs: readonly X509Certificate[]): X509Certificate[][] {
  const chains: X509Certificate[][] = [];
  for (const c of certs) {
    const cur = chains[chains.length - 1];
    const last = cur?.[cur.length - 1];
    if (cur && last && last.checkIssued(c) && !isSelfIssued(last)) cur.push(c);
    else chains.push([c]);
  }
  return chains;
}

function isSelfIssued(c: X509Certificate): boolean {
  return c.checkIssued(c);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** Evaluates one chain (leaf first) at `nowMs`. */
export function chainItem(kind: Kind, name: string, chain: readonly X509Certificate[], nowMs: number, limits: ExpiryLimits): Item {
  const leaf = chain[0];
  if (!leaf) return { kind, name, status: 'fail', limit: expiryLimitText(limits), detail: 'no certificate' };
  const leafEnd = notAfter(leaf);
  let effectiveEnd = leafEnd;
  const notes: string[] = [];
  let status: Status = 'ok';
  for (const ca of chain.slice(1)) {
    const end = notAfter(ca);
    if (end < leafEnd) {
      notes.push(`intermediate "${commonName(ca)}" expires ${isoDate(end).slice(0, 10)}, before the leaf (${isoDate(leafEnd).slice(0, 10)})`);
      status = worst(status, 'warn');
    }
    effectiveEnd = Math.min(effectiveEnd, end);
  }
  const leftSec = Math.floor((effectiveEnd - nowMs) / 1000);
  const start = notBefore(leaf);
  let detail: string;
  if (start > nowMs) {
    status = 'fail';
    detail = `"${commonName(leaf)}" is not valid before ${isoDate(start)}`;
  } else if (leftSec <= 0) {
    status = 'fail';
    detail =
      effectiveEnd < leafEnd ? `the chain of "${commonName(leaf)}" expired ${isoDate(effectiveEnd)}` : `"${commonName(leaf)}" expired ${isoDate(leafEnd)}`;
  } else {
    status = worst(status, expiryStatus(leftSec, limits));
    detail = `"${commonName(leaf)}" expires in ${Math.floor(leftSec / DAY)} days`;
  }
  if (notes.length) detail += `; ${notes.join('; ')}`;
  return { kind, name, status, leftSec, limit: expiryLimitText(limits), detail, expires: isoDate(effectiveEnd) };
}
