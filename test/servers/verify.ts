/**
 * Loopback imitations of the identity endpoints verify: true calls (wire-facts-stores §12),
 * one server, one path prefix per provider (pass `${url}/github` etc. as verify-endpoints):
 *   /github/user              Bearer; 200 {login,id,type}; 401 Bad credentials; ghs_ app tokens 403
 *   /gitlab/api/v4/user       PRIVATE-TOKEN; 200; 401 {"message":"401 Unauthorized"}; 403 insufficient_scope
 *   /slack/api/auth.test      POST, Bearer; always HTTP 200, {ok:false,error:"invalid_auth"} for bad tokens
 *   /stripe/v1/account        Bearer; 200; 401 invalid_request_error
 *   /openai/v1/models         Bearer; 200 list; 401 invalid_api_key
 *   /aws/                     STS GetCallerIdentity, SigV4 with static keys recomputed; 403 InvalidClientTokenId /
 *                             SignatureDoesNotMatch as XML ErrorResponse
 * `live` holds the keys that are live; `log` records each call (path, status, user agent; never keys).
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Started } from './http.js';

export interface VerifyCall {
  provider: string;
  path: string;
  status: number;
  userAgent: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class VerifyServer {
  started!: Started;
  /** live tokens per provider (aws: access key id -> secret key) */
  readonly live = {
    github: new Set<string>(),
    gitlab: new Set<string>(),
    slack: new Set<string>(),
    stripe: new Set<string>(),
    openai: new Set<string>(),
    aws: new Map<string, string>(),
  };
  readonly log: VerifyCall[] = [];
  /** answer 503 to every call (provider outage: verdict unknown) */
  down = false;

  get url(): string {
    return this.started.url;
  }

  /** verify-endpoints value pointing every provider here */
  endpoints(): string {
    return ['github', 'gitlab', 'slack', 'stripe', 'openai', 'aws'].map((p) => `${p}=${this.url}/${p}`).join(',');
  }

  async start(): Promise<this> {
    this.started = await listen((req, res) => this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, provider = '', ...rest] = u.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const body = await readBody(req);
    const call: VerifyCall = { provider, path, status: 0, userAgent: String(req.headers['user-agent'] ?? '') };
    this.log.push(call);
    const send = (status: number, payload: unknown, type = 'json'): void => {
      call.status = status;
      if (type === 'xml') {
        res.writeHead(status, { 'content-type': 'text/xml' });
        res.end(String(payload));
      } else sendJson(res, status, payload);
    };
    if (this.down) return send(503, { message: 'Service Unavailable' });
    const bearer = /^(?:Bearer|token) (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    switch (`${provider} ${req.method} ${path}`) {
      case 'github GET /user':
        if (!req.headers['user-agent'])
          return send(403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header' });
        if (this.live.github.has(bearer)) return send(200, { login: 'octocat', id: 1, type: 'User' });
        if (bearer.startsWith('ghs_') && this.live.github.has(`app:${bearer}`))
          return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
        return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      case 'gitlab GET /api/v4/user': {
        const t = String(req.headers['private-token'] ?? '') || bearer;
        if (this.live.gitlab.has(t)) return send(200, { id: 1, username: 'root' });
        return send(401, { message: '401 Unauthorized' });
      }
      case 'slack POST /api/auth.test':
        if (!bearer) return send(200, { ok: false, error: 'not_authed' });
        if (this.live.slack.has(bearer)) return send(200, { ok: true, url: 'https://example.slack.com/', team: 'T', user: 'u', team_id: 'T1', user_id: 'U1' });
        return send(200, { ok: false, error: 'invalid_auth' });
      case 'stripe GET /v1/account':
        if (this.live.stripe.has(bearer)) return send(200, { id: 'acct_1', object: 'account' });
        return send(401, { error: { message: 'Invalid API Key provided: sk_test_****0000', type: 'invalid_request_error' } });
      case 'openai GET /v1/models':
        if (this.live.openai.has(bearer)) return send(200, { object: 'list', data: [{ id: 'm', object: 'model', created: 1, owned_by: 'o' }] });
        return send(401, {
          error: {
            message: 'Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.',
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        });
      case 'aws POST /':
        return this.sts(req, u, body, send);
      default:
        return send(404, { message: 'Not Found' });
    }
  }

  private sts(req: IncomingMessage, u: URL, body: string, send: (s: number, p: unknown, t?: string) => void): void {
    const err = (code: string, message: string): void =>
      send(
        403,
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>00000000-0000-0000-0000-000000000000</RequestId>\n</ErrorResponse>\n`,
        'xml',
      );
    const form = new URLSearchParams(body);
    if (form.get('Action') !== 'GetCallerIdentity') return err('InvalidAction', 'Could not find operation');
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!m) return err('MissingAuthenticationToken', 'Request is missing Authentication Token');
    const [, akid = '', date = '', region = '', service = '', signed = '', signature = ''] = m;
    const secret = this.live.aws.get(akid);
    if (secret === undefined) return err('InvalidClientTokenId', 'The security token included in the request is invalid.');
    const names = signed.split(';');
    const canonHeaders = names
      .map(
        (n) =>
          `${n}:${String(req.headers[n] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const query = [...u.searchParams]
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .sort()
      .join('&');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
    const canonical = [req.method ?? 'POST', u.pathname, query, canonHeaders, signed, payloadHash].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date'] ?? ''), `${date}/${region}/${service}/aws4_request`, sha256(canonical)].join('\n');
    let key: Buffer = hmac(`AWS4${secret}`, date);
    for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
    if (hmac(key, toSign).toString('hex') !== signature)
      return err('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    send(
      200,
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <GetCallerIdentityResult>\n    <Arn>arn:aws:iam::123456789012:user/leaky</Arn>\n    <UserId>AIDAEXAMPLEUSERID</UserId>\n    <Account>123456789012</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>00000000-0000-0000-0000-000000000001</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
      'xml',
    );
  }
}
