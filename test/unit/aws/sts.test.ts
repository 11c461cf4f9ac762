/** src/aws/sts.ts with the real SDK against the STS imitation (in process, fake clock for backoff). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fakeClock } from '../../../src/core/clock.js';
import { RemoteError } from '../../../src/core/errors.js';
import { parseRoleArn } from '../../../src/aws/arn.js';
import { Sts, toRemoteError, type StsOptions } from '../../../src/aws/sts.js';
import { OidcIssuer } from '../../servers/oidc.js';
import { StsServer } from '../../servers/sts.js';
import { listen, readBody, type Started } from '../../servers/http.js';

const ROLE = parseRoleArn('arn:aws:iam::123456789012:role/deploy', 'r');
let issuer: OidcIssuer;
let server: StsServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  server = await new StsServer().start();
  server.addProvider(issuer.url, ['sts.amazonaws.com']);
  server.addRole({ arn: ROLE.arn, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/*'], aud: ['sts.amazonaws.com'] } });
});
afterAll(async () => {
  await server.stop();
  await issuer.stop();
});
beforeEach(() => server.reset());

function sts(over: Partial<StsOptions> = {}) {
  const clock = fakeClock();
  return {
    clock,
    sts: new Sts({ region: 'us-east-1', endpoint: server.url, proxy: {}, retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }, clock, ...over }),
  };
}

const params = (token: () => Promise<string>) => ({
  role: ROLE,
  sessionName: 'unit',
  durationSeconds: 900,
  policyArns: [],
  token,
  audience: 'sts.amazonaws.com',
  source: 'github' as const,
});
const goodToken = () => issuer.sign(issuer.githubClaims('sts.amazonaws.com'));

describe('Sts', () => {
  it('assumes a role with a verified token and parses the XML answer', async () => {
    const { sts: s } = sts();
    const res = await s.assumeRoleWithWebIdentity(params(goodToken));
    await s.close();
    expect(res.credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(res.credentials.expiration.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(res.assumedRoleArn).toBe('arn:aws:sts::123456789012:assumed-role/deploy/unit');
    expect(server.sessions.get(res.credentials.accessKeyId)?.params['DurationSeconds']).toBe('900');
  });

  it('retries Throttling and 503 with backoff, a fresh token each time', async () => {
    server.inject('Throttling').inject(503);
    let tokens = 0;
    const { sts: s, clock } = sts();
    await s.assumeRoleWithWebIdentity(params(() => (tokens++, goodToken())));
    await s.close();
    expect(tokens).toBe(3);
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(50);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(100);
  });

  it('does not retry a bad token, and the error names the code', async () => {
    const { sts: s } = sts();
    const err = await s.assumeRoleWithWebIdentity(params(() => issuer.sign(issuer.githubClaims('wrong-aud')))).catch((e: unknown) => e);
    await s.close();
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).code).toBe('InvalidIdentityToken');
    expect((err as RemoteError).status).toBe(400);
    expect((err as RemoteError).message).toContain('aud: wrong-aud');
    expect(server.calls()).toBe(1);
  });

  it('retries network failures up to maxAttempts', async () => {
    const closed = await listen(() => undefined);
    const url = closed.url;
    await closed.close();
    const { sts: s, clock } = sts({ endpoint: url, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 } });
    const err = await s.assumeRoleWithWebIdentity(params(goodToken)).catch((e: unknown) => e);
    await s.close();
    expect((err as RemoteError).code).toBe('ECONNREFUSED');
    expect((err as RemoteError).message).toMatch(/could not reach AWS STS/);
    expect(clock.slept).toHaveLength(2);
  });

  it('goes through an HTTP proxy when one is set', async () => {
    const seen: string[] = [];
    // a forward proxy: absolute-URI requests and CONNECT tunnels (undici tunnels every request)
    const proxy: Started = await listen(async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const body = await readBody(req);
      const up = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.end(body);
    });
    proxy.server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      seen.push(`CONNECT ${req.url}`);
      const [host = '', port = ''] = (req.url ?? '').split(':');
      const up = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.write(head);
        up.pipe(client);
        client.pipe(up);
      });
      up.on('error', () => client.destroy());
      client.on('error', () => up.destroy());
    });
    const { sts: s } = sts({ proxy: { httpProxy: proxy.url, httpsProxy: proxy.url } });
    const res = await s.assumeRoleWithWebIdentity(params(goodToken));
    await s.close();
    await proxy.close();
    expect(res.assumedRoleArn).toContain('assumed-role/deploy');
    expect(seen).toEqual([`CONNECT ${server.url.replace('http://', '')}`]);
  });

  it('chains with signed AssumeRole and reads the caller identity', async () => {
    server.addRole({ arn: 'arn:aws:iam::123456789012:role/next', trustedRoles: [ROLE.arn] });
    const { sts: s } = sts();
    const first = await s.assumeRoleWithWebIdentity(params(goodToken));
    const me = await s.getCallerIdentity(first.credentials);
    expect(me).toMatchObject({ account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/deploy/unit' });
    const next = await s.assumeRole({
      role: parseRoleArn('arn:aws:iam::123456789012:role/next', 'r'),
      sessionName: 'n2',
      durationSeconds: 3600,
      policyArns: [],
      credentials: first.credentials,
    });
    expect(server.sessions.get(next.credentials.accessKeyId)?.chained).toBe(true);
    const bad = await s.getCallerIdentity({ ...first.credentials, secretAccessKey: 'wrong-secret-0000' }).catch((e: unknown) => e);
    await s.close();
    expect((bad as RemoteError).code).toBe('SignatureDoesNotMatch');
    expect((bad as RemoteError).retryable).toBe(false);
  });
});

describe('toRemoteError', () => {
  const sdkError = (name: string, status: number) => Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } });
  it.each([
    ['Throttling', 400, true],
    ['IDPCommunicationErrorException', 400, true],
    ['InternalFailure', 500, true],
    ['Unknown', 503, true],
    ['NotImplemented', 501, false],
    ['InvalidIdentityTokenException', 400, false],
    ['AccessDenied', 403, false],
    ['ExpiredTokenException', 400, false],
    ['IDPRejectedClaimException', 403, false],
    ['ValidationError', 400, false],
    ['SomethingElse', 429, true],
  ])('%s (HTTP %i) retryable: %s', (name, status, retryable) => {
    const e = toRemoteError(sdkError(name, status), 'AssumeRoleWithWebIdentity', ROLE);
    expect(e.retryable).toBe(retryable);
    expect(e.status).toBe(status);
    expect(e.code).toBe(name.replace(/Exception$/, '').replace(/^ExpiredToken$/, 'ExpiredTokenException'));
  });

  it('keeps what the service said, never the text of an SDK parse error (it quotes the answer)', () => {
    const said = toRemoteError(Object.assign(sdkError('AccessDenied', 403), { $fault: 'client' }), 'AssumeRole', ROLE);
    expect(said.details).toEqual(['AccessDenied message']);
    const parse = Object.assign(new SyntaxError('Unexpected token \'w\', ..."ccessKey":wJalrXUtnF"... is not valid JSON'), {
      $metadata: { httpStatusCode: 200 },
    });
    const e = toRemoteError(parse, 'AssumeRole', ROLE);
    expect(e.message + e.details.join()).not.toContain('wJalr');
    expect(e.details.join()).toMatch(/could not be read/);
    expect(e.retryable).toBe(false);
  });
});
