/**
 * An AWS IAM imitation on 127.0.0.1 for rotate-check: the Query protocol (POST form body,
 * Version=2010-05-08), XML in the 2010-05-08 namespace, ListUsers / ListAccessKeys (with
 * Marker paging) / GetAccessKeyLastUsed, ErrorResponse bodies (AccessDenied 403,
 * NoSuchEntity 404, Throttling 400). Every call must carry a SigV4 Authorization header for
 * service `iam` with a known access key id (presence and scope are checked, not the HMAC).
 *
 *   const iam = await new IamServer({ accessKeyId: 'AKIA…' }).start();
 *   iam.user('alice', [{ id: 'AKIA…1', created: new Date(…), status: 'Active', lastUsed: new Date(…) }]);
 *   iam.deny.add('ListAccessKeys'); iam.pageSize = 1;
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, type Started } from './http.js';

export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface KeyDef {
  id: string;
  created: Date;
  status?: 'Active' | 'Inactive';
  lastUsed?: Date;
  service?: string;
}

export interface IamLogEntry {
  action: string;
  status: number;
  code: string;
  /** the access key id of the signature */
  signedBy: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export class IamServer {
  started!: Started;
  readonly log: IamLogEntry[] = [];
  readonly users = new Map<string, KeyDef[]>();
  /** actions answered AccessDenied */
  readonly deny = new Set<string>();
  /** items per page for ListUsers and ListAccessKeys */
  pageSize = 100;
  /** the next calls answer Throttling */
  throttleNext = 0;

  constructor(readonly opts: { accessKeyId: string; account?: string }) {}

  get url(): string {
    return this.started.url;
  }

  user(name: string, keys: KeyDef[]): this {
    this.users.set(name, keys);
    return this;
  }

  async start(): Promise<this> {
    this.started = await listen((req, res) => this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  private reply(res: ServerResponse, action: string, result: string): void {
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
    res.end(
      `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    );
  }

  private error(res: ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    );
  }

  private page<T>(all: T[], marker: string): { items: T[]; next: string } {
    const start = marker ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
    const items = all.slice(start, start + this.pageSize);
    const end = start + items.length;
    return { items, next: end < all.length ? Buffer.from(String(end)).toString('base64') : '' };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = new URLSearchParams(req.method === 'POST' ? body : u.search);
    const action = p.get('Action') ?? '';
    const entry: IamLogEntry = { action, status: 200, code: '', signedBy: '' };
    this.log.push(entry);
    const fail = (status: number, code: string, message: string): void => {
      entry.status = status;
      entry.code = code;
      this.error(res, status, code, message);
    };
    const auth = req.headers.authorization ?? '';
    const m = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/\d{8}\/([a-z0-9-]+)\/iam\/aws4_request, ?SignedHeaders=[^,]+, ?Signature=[0-9a-f]{64}$/.exec(auth);
    if (!m) return fail(403, 'IncompleteSignature', 'Authorization header requires a SigV4 signature for service iam');
    entry.signedBy = m[1] ?? '';
    if (m[1] !== this.opts.accessKeyId) return fail(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (p.get('Version') !== '2010-05-08') return fail(400, 'InvalidParameterValue', 'Version must be 2010-05-08');
    if (this.throttleNext > 0) {
      this.throttleNext--;
      return fail(400, 'Throttling', 'Rate exceeded');
    }
    const account = this.opts.account ?? '123456789012';
    if (this.deny.has(action)) return fail(403, 'AccessDenied', `User: arn:aws:sts::${account}:assumed-role/ci/s is not authorized to perform: iam:${action}`);
    switch (action) {
      case 'ListUsers': {
        const { items, next } = this.page([...this.users.keys()], p.get('Marker') ?? '');
        const members = items.map((name) => {
          const first = this.users.get(name)?.[0]?.created ?? new Date(Date.UTC(2020, 0, 1));
          return `<member><Path>/</Path><UserName>${esc(name)}</UserName><UserId>AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}</UserId><Arn>arn:aws:iam::${account}:user/${esc(name)}</Arn><CreateDate>${iso(first)}</CreateDate></member>`;
        });
        return this.reply(
          res,
          action,
          `<Users>${members.join('')}</Users><IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${next ? `<Marker>${next}</Marker>` : ''}`,
        );
      }
      case 'ListAccessKeys': {
        const name = p.get('UserName') ?? '';
        const keys = this.users.get(name);
        if (!keys) return fail(404, 'NoSuchEntity', `The user with name ${name} cannot be found.`);
        const { items, next } = this.page(keys, p.get('Marker') ?? '');
        const members = items.map(
          (k) =>
            `<member><UserName>${esc(name)}</UserName><AccessKeyId>${k.id}</AccessKeyId><Status>${k.status ?? 'Active'}</Status><CreateDate>${iso(k.created)}</CreateDate></member>`,
        );
        return this.reply(
          res,
          action,
          `<AccessKeyMetadata>${members.join('')}</AccessKeyMetadata><IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${next ? `<Marker>${next}</Marker>` : ''}`,
        );
      }
      case 'GetAccessKeyLastUsed': {
        const id = p.get('AccessKeyId') ?? '';
        for (const [name, keys] of this.users) {
          const k = keys.find((x) => x.id === id);
          if (!k) continue;
          const used = k.lastUsed
            ? `<LastUsedDate>${iso(k.lastUsed)}</LastUsedDate><ServiceName>${k.service ?? 's3'}</ServiceName><Region>us-east-1</Region>`
            : '<ServiceName>N/A</ServiceName><Region>N/A</Region>';
          return this.reply(res, action, `<UserName>${esc(name)}</UserName><AccessKeyLastUsed>${used}</AccessKeyLastUsed>`);
        }
        return fail(403, 'AccessDenied', 'The access key does not exist or is not yours');
      }
      default:
        return fail(400, 'InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
    }
  }
}
