/**
 * Live TLS endpoints (`host:port`): connects (through the HTTPS proxy when one is set and
 * the host is not in NO_PROXY), reads the presented chain, and reports days left, an
 * untrusted chain, a hostname mismatch or an unreachable endpoint. Sends no application data.
 */
import { X509Certificate } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { UserError } from '../core/errors.js';
import type { ProxyOptions } from '../core/http.js';
import { chainItem } from './chain.js';
import { type Item, expiryLimitText } from './item.js';
import { type Policy, resolve } from './policy.js';

export interface Endpoint {
  host: string;
  port: number;
  /** as the user wrote it, for reports */
  name: string;
}

export function parseEndpoint(raw: string, input = 'endpoints'): Endpoint {
  const v = raw
    .trim()
    .replace(/^https:\/\//, '')
    .replace(/\/.*$/, '');
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/.exec(v);
  const host = m?.[1] ?? m?.[2];
  const port = m?.[3] === undefined ? 443 : Number(m[3]);
  if (!m || !host || port < 1 || port > 65535) throw new UserError(input, `"${v.slice(0, 80)}" is not host:port (e.g. vault.example.com:8200)`);
  return { host, port, name: `${host.includes(':') ? `[${host}]` : host}:${port}` };
}

export interface ProbeOptions {
  timeoutMs: number;
  /** PEM CA bundle trusted besides the system store */
  ca?: string;
  proxy: ProxyOptions;
}

const TRUST_CAUSES: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted chain: it ends in a self-signed CA that is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted chain: the server presented a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted chain: the certificate is signed by an unknown CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted chain: the issuer is not trusted (private CA? give it in "endpoints-ca")',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted chain: the issuer certificate is missing',
};

export function bypassProxy(host: string, port: number, noProxy: string): boolean {
  for (const raw of noProxy.split(/[,\s]+/).filter(Boolean)) {
    if (raw === '*') return true;
    const [h = '', p] = raw.split(/:(?=\d+$)/);
    if (p && Number(p) !== port) continue;
    const entry = h.replace(/^\*?\./, '').toLowerCase();
    const hl = host.toLowerCase();
    if (hl === entry || hl.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** A raw TCP socket to host:port through an HTTP(S) proxy's CONNECT tunnel. */
function tunnel(proxyUrl: string, ep: Endpoint, timeoutMs: number): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    let u: URL;
    try {
      u = new URL(proxyUrl);
    } catch {
      reject(Object.assign(new Error('the proxy URL does not parse'), { code: 'EPROXY' }));
      return;
    }
    const headers: Record<string, string> = { host: ep.name };
    if (u.username)
      headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
    const req = httpRequest({ host: u.hostname, port: Number(u.port || 80), method: 'CONNECT', path: ep.name, headers, timeout: timeoutMs });
    req.on('connect', (res, socket) => {
      if (res.statusCode === 200) resolvePromise(socket);
      else {
        socket.destroy();
        reject(Object.assign(new Error(`the proxy answered ${res.statusCode ?? 0} to CONNECT`), { code: 'EPROXY' }));
      }
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('proxy timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** Node's default store (with NODE_EXTRA_CA_CERTS where Node exposes it): a custom CA adds to it. */
function defaultCas(): string[] {
  const get = (tls as { getCACertificates?: (type?: string) => string[] }).getCACertificates;
  return get ? get('default') : [...tls.rootCertificates];
}

interface Handshake {
  authorized: boolean;
  authError: string;
  chain: X509Certificate[];
  peer: DetailedPeerCertificate;
}

function chainOf(peer: DetailedPeerCertificate): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  for (let c: DetailedPeerCertificate | undefined = peer; c && c.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    out.push(new X509Certificate(c.raw));
    if (c.issuerCertificate === c) break;
  }
  return out;
}

async function handshake(ep: Endpoint, o: ProbeOptions): Promise<Handshake> {
  const proxyUrl = o.proxy.httpsProxy || o.proxy.httpProxy;
  const socket = proxyUrl && !bypassProxy(ep.host, ep.port, o.proxy.noProxy ?? '') ? await tunnel(proxyUrl, ep, o.timeoutMs) : undefined;
  return new Promise((resolvePromise, reject) => {
    const opts = {
      host: ep.host,
      port: ep.port,
      rejectUnauthorized: false,
      ...(isIP(ep.host) ? {} : { servername: ep.host }),
      ...(o.ca ? { ca: [...defaultCas(), o.ca] } : {}),
      ...(socket ? { socket } : {}),
      timeout: o.timeoutMs,
    };
    const s: TLSSocket = connect(opts, () => {
      const peer = s.getPeerCertificate(true);
      const result: Handshake = {
        authorized: s.authorized,
        authError: s.authorizationError ? String(s.authorizationError) : '',
        chain: peer.raw ? chainOf(peer) : [],
        peer,
      };
      s.destroy();
      resolvePromise(result);
    });
    s.on('timeout', () => s.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    s.on('error', reject);
  });
}

function reason(err: unknown): string {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  const msg = err instanceof Error ? err.message : '';
  return code || msg.slice(0, 120) || 'unknown error';
}

/** Probes one endpoint; every failure becomes a failing item. */
export async function probeEndpoint(ep: Endpoint, nowMs: number, policy: Policy, o: ProbeOptions): Promise<Item | undefined> {
  const lim = resolve(policy, 'endpoint', ep.name);
  if (lim.ignore) return undefined;
  let hs: Handshake;
  try {
    hs = await handshake(ep, o);
  } catch (err) {
    return { kind: 'endpoint', name: ep.name, status: 'fail', limit: expiryLimitText(lim), detail: `unreachable: ${reason(err)}` };
  }
  if (!hs.chain.length) return { kind: 'endpoint', name: ep.name, status: 'fail', limit: expiryLimitText(lim), detail: 'the server presented no certificate' };
  const item = chainItem('endpoint', ep.name, hs.chain, nowMs, lim);
  const problems: string[] = [];
  if (!hs.authorized && hs.authError && !['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'].includes(hs.authError)) {
    problems.push(TRUST_CAUSES[hs.authError] ?? `untrusted chain (${hs.authError})`);
  }
  const mismatch = checkServerIdentity(ep.host, hs.peer);
  if (mismatch) problems.push(`hostname mismatch: the certificate is not valid for ${ep.host}`);
  if (problems.length) {
    item.status = 'fail';
    item.detail = `${problems.join('; ')}; ${item.detail}`;
  }
  return item;
}
