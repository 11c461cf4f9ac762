/** The core HTTP layer behind a proxy, with a private CA, with mutual TLS, and its TLS errors. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { HttpClient } from '../../../src/core/http.js';
import { RemoteError } from '../../../src/core/errors.js';
import { makeCert, type TestCert } from '../../servers/certs.js';
import { startProxy, type TestProxy } from '../../servers/proxy.js';
import { listen, sendJson, type Started } from '../../servers/http.js';

let ca: TestCert;
let server: Server;
let url: string;
let clientCert: TestCert;
let mtls: Server;
let mtlsUrl: string;
let plain: Started;
let proxy: TestProxy;

async function start(s: Server): Promise<string> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `https://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ca = await makeCert({ ca: true });
  const leaf = await makeCert({ dns: ['localhost'], ips: ['127.0.0.1'] }, ca);
  server = createServer({ cert: leaf.cert + leaf.chain.join(''), key: leaf.key }, (_q, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  );
  url = await start(server);
  clientCert = await makeCert({ cn: 'ci-runner', clientAuth: true }, ca);
  mtls = createServer({ cert: leaf.cert, key: leaf.key, ca: ca.cert, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ cn: peer.subject?.CN }));
  });
  mtlsUrl = await start(mtls);
  plain = await listen((_q, res) => sendJson(res, 200, { plain: true }));
  proxy = await startProxy();
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => mtls.close(r));
  await plain.close();
  await proxy.close();
});

describe('TLS', () => {
  it('names the host, the cause and the fix when the CA is not trusted', async () => {
    const http = new HttpClient({ service: 'Vault', tlsHint: 'set the ca-certificate input to your CA (PEM)' });
    const err = await http.json(`${url}/v1/sys/health`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/TLS connection to https:\/\/127\.0\.0\.1:\d+\/v1\/sys\/health failed: .*(not trusted|self-signed|untrusted)/);
    expect((err as Error).message).toContain('ca-certificate');
    expect((err as RemoteError).retryable).toBe(false);
    await http.close();
  });
  it('trusts a CA bundle handed in, or skips verification when asked', async () => {
    const trusted = new HttpClient({ service: 'Vault', tls: { ca: ca.cert } });
    expect((await trusted.json(url)).body).toEqual({ ok: true });
    await trusted.close();
    const skip = new HttpClient({ service: 'Vault', tls: { rejectUnauthorized: false } });
    expect((await skip.json(url)).status).toBe(200);
    await skip.close();
  });
  it('presents a client certificate for mutual TLS', async () => {
    const http = new HttpClient({ service: 'Vault', tls: { ca: ca.cert, cert: clientCert.cert, key: clientCert.key } });
    expect((await http.json(mtlsUrl)).body).toEqual({ cn: 'ci-runner' });
    await http.close();
  });
});

describe('proxies', () => {
  it('tunnels through HTTPS_PROXY, TLS to the target verified inside the tunnel', async () => {
    const http = new HttpClient({ service: 'Vault', tls: { ca: ca.cert }, proxy: { httpsProxy: proxy.url } });
    expect((await http.json(url)).body).toEqual({ ok: true });
    await http.close();
    expect(proxy.tunnels.at(-1)).toBe(new URL(url).host);
  });
  it('uses HTTP_PROXY for http targets and honours NO_PROXY', async () => {
    const before = proxy.tunnels.length;
    const via = new HttpClient({ service: 'STS', proxy: { httpProxy: proxy.url } });
    expect((await via.json(plain.url)).body).toEqual({ plain: true });
    await via.close();
    expect(proxy.tunnels.length).toBe(before + 1);
    const direct = new HttpClient({ service: 'STS', proxy: { httpProxy: proxy.url, noProxy: '127.0.0.1' } });
    expect((await direct.json(plain.url)).body).toEqual({ plain: true });
    await direct.close();
    expect(proxy.tunnels.length).toBe(before + 1);
  });
  it('says the proxy refused the tunnel (407: credentials), without the proxy password or the query, and does not retry it', async () => {
    let connects = 0;
    const refusing = createNetServer((sock) => {
      connects++;
      sock.once('data', () => sock.end('HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n'));
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://ci:proxy-pass-0000@127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    const http = new HttpClient({ service: 'Vault', proxy: { httpsProxy: proxyUrl }, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const err = await http.send(`${url}/v1/sys/health?token=query-secret-1111`).catch((e: unknown) => e);
    await http.close();
    await new Promise((r) => refusing.close(r));
    expect(err).toBeInstanceOf(RemoteError);
    const msg = (err as RemoteError).message;
    expect(msg).toMatch(/proxy refused the tunnel to https:\/\/127\.0\.0\.1:\d+\/v1\/sys\/health: it answered HTTP 407/);
    expect(msg).toMatch(/credentials/);
    expect(msg).not.toMatch(/proxy-pass-0000|query-secret-1111/);
    expect((err as RemoteError).retryable).toBe(false);
    expect(connects).toBe(1);
  });
});
