/**
 * GitHub's artifact service as @actions/artifact v2+ (upload-artifact v4+) speaks to it, on
 * 127.0.0.1:
 *
 * - the results service's Twirp JSON API (ACTIONS_RESULTS_URL, only its origin is used):
 *   POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact with
 *   {workflow_run_backend_id, workflow_job_run_backend_id, name, version: 7, mime_type,
 *   expires_at?} -> {ok, signed_upload_url}; then FinalizeArtifact with {…ids, name, size (int64
 *   as a string), hash: "sha256:<hex>"} -> {ok, artifact_id}. Authorization: Bearer
 *   ACTIONS_RUNTIME_TOKEN, a JWT whose `scp` claim holds Actions.Results:<run id>:<job id>
 *   (the client takes the backend ids from it). Errors are Twirp's {code, msg} with the HTTP
 *   status: 401 unauthenticated, 409 already_exists (names are unique in a run), 404 not_found.
 * - Azure blob storage behind the signed URL (path style, as for an IP host:
 *   /<account>/<container>/<blob>?…&sig=…): Put Block (?comp=block&blockid=…) and Put Block
 *   List (?comp=blocklist, XML <BlockList><Latest>id</Latest>…), or a single Put Blob; 201.
 *   A wrong sig gets 403 AuthenticationFailed (XML error body).
 *
 * The uploaded bytes are kept: `unzip` reads them back. Fault switches answer the next calls
 * with an error status.
 */
import { createHash, randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, sendJson, type Started } from './http.js';

const AZURE_MESSAGES: Record<string, string> = {
  AuthenticationFailed: 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  ServerBusy: 'The server is busy.',
};

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  mimeType: string;
  blob: string;
  /** the committed bytes (a zip) */
  bytes?: Buffer;
  finalized: boolean;
  size?: number;
  hash?: string;
}

export interface Fault {
  status: number;
  /** Twirp code or Azure error code */
  code: string;
  /** how many calls fail; undefined: all */
  times?: number;
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The members of a zip (central directory; stored or deflated), name -> bytes. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + csize);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export class ArtifactService {
  started!: Started;
  readonly runBackendId = `run-${randomBytes(8).toString('hex')}`;
  readonly jobBackendId = `job-${randomBytes(8).toString('hex')}`;
  /** the SAS signature of the signed upload URLs */
  readonly sig = randomBytes(24).toString('base64url');
  readonly token: string;
  readonly artifacts: StoredArtifact[] = [];
  /** one line per request: `CreateArtifact`, `PutBlock`, `PutBlockList`, `PutBlob`, `FinalizeArtifact` */
  readonly calls: string[] = [];
  readonly faults: { create?: Fault; blob?: Fault; finalize?: Fault } = {};
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private nextId = 1000 + Math.floor(Math.random() * 1000);

  constructor() {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5t: b64url(randomBytes(20)) }));
    const now = Math.floor(Date.now() / 1000);
    const claims = b64url(
      JSON.stringify({
        nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
        scp: `Actions.ExampleScope Actions.Results:${this.runBackendId}:${this.jobBackendId}`,
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vso:00000000-0000-0000-0000-000000000000',
        nbf: now - 10,
        exp: now + 3600,
      }),
    );
    this.token = `${header}.${claims}.${b64url(randomBytes(64))}`;
  }

  get url(): string {
    return this.started.url;
  }

  /** The step environment the runner gives actions for this service. */
  env(): Record<string, string> {
    return { ACTIONS_RUNTIME_TOKEN: this.token, ACTIONS_RESULTS_URL: `${this.url}/` };
  }

  byName(name: string): StoredArtifact | undefined {
    return this.artifacts.find((a) => a.name === name);
  }

  async start(): Promise<this> {
    this.started = await listen(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readRaw(req);
      if (url.pathname.startsWith(SERVICE)) return this.twirp(req, res, url.pathname.slice(SERVICE.length), body);
      return this.blob(req, res, url, body);
    });
    return this;
  }

  close(): Promise<void> {
    return this.started.close();
  }

  private fault(which: 'create' | 'blob' | 'finalize'): Fault | undefined {
    const f = this.faults[which];
    if (!f) return undefined;
    if (f.times !== undefined) {
      if (f.times <= 0) return undefined;
      f.times--;
    }
    return f;
  }

  private twirp(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer): void {
    const fail = (status: number, code: string, msg: string) => sendJson(res, status, { code, msg });
    this.calls.push(method);
    if (req.method !== 'POST') return fail(404, 'bad_route', 'no handler');
    if (req.headers.authorization !== `Bearer ${this.token}`) return fail(401, 'unauthenticated', 'invalid token');
    if (!String(req.headers['content-type']).startsWith('application/json')) return fail(400, 'malformed', 'expected application/json');
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return fail(400, 'malformed', 'the body is not JSON');
    }
    if (b['workflow_run_backend_id'] !== this.runBackendId || b['workflow_job_run_backend_id'] !== this.jobBackendId)
      return fail(403, 'permission_denied', 'the backend ids do not match the token');
    const name = typeof b['name'] === 'string' ? b['name'] : '';
    if (!name) return fail(400, 'invalid_argument', 'name is required');
    if (method === 'CreateArtifact') {
      const f = this.fault('create');
      if (f) return fail(f.status, f.code, `injected fault: ${f.code}`);
      if (b['version'] !== 7) return fail(400, 'invalid_argument', 'unsupported version');
      if (this.byName(name)) return fail(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
      const blob = `actions-results/${this.runBackendId}/${this.jobBackendId}/${name}.zip`;
      this.artifacts.push({
        id: this.nextId++,
        name,
        runBackendId: this.runBackendId,
        jobBackendId: this.jobBackendId,
        mimeType: typeof b['mime_type'] === 'string' ? b['mime_type'] : '',
        blob,
        finalized: false,
      });
      const se = new Date(Date.now() + 3600e3).toISOString();
      return sendJson(res, 200, {
        ok: true,
        signed_upload_url: `${this.url}/devstoreaccount1/${blob}?sv=2023-11-03&se=${encodeURIComponent(se)}&sr=b&sp=cw&sig=${encodeURIComponent(this.sig)}`,
      });
    }
    if (method === 'FinalizeArtifact') {
      const f = this.fault('finalize');
      if (f) return fail(f.status, f.code, `injected fault: ${f.code}`);
      const a = this.byName(name);
      if (!a || !a.bytes) return fail(404, 'not_found', 'artifact not found or not uploaded');
      const size = Number(b['size']);
      const hash = `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`;
      if (size !== a.bytes.length) return fail(400, 'invalid_argument', `size ${size} does not match the uploaded ${a.bytes.length} bytes`);
      if (b['hash'] !== undefined && b['hash'] !== hash) return fail(400, 'invalid_argument', 'hash mismatch');
      Object.assign(a, { finalized: true, size, hash });
      return sendJson(res, 200, { ok: true, artifact_id: String(a.id) });
    }
    return fail(404, 'bad_route', `no handler for ${method}`);
  }

  private blob(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const azureError = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': randomBytes(8).toString('hex') });
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
    };
    const created = () => {
      res.writeHead(201, {
        etag: `"0x${randomBytes(6).toString('hex')}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': randomBytes(8).toString('hex'),
        'x-ms-version': '2023-11-03',
        'x-ms-request-server-encrypted': 'true',
      });
      res.end();
    };
    const path = decodeURIComponent(url.pathname).replace(/^\/devstoreaccount1\//, '');
    const a = this.artifacts.find((x) => x.blob === path);
    const comp = url.searchParams.get('comp');
    this.calls.push(comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : `${req.method === 'PUT' ? 'PutBlob' : (req.method ?? '')}`);
    if (url.searchParams.get('sig') !== this.sig) return azureError(403, 'AuthenticationFailed', 'Server failed to authenticate the request.');
    if (req.method !== 'PUT' || !a) return azureError(404, 'ResourceNotFound', 'The specified resource does not exist.');
    const f = this.fault('blob');
    if (f) return azureError(f.status, f.code, AZURE_MESSAGES[f.code] ?? `injected fault: ${f.code}`);
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? '';
      if (!id) return azureError(400, 'InvalidQueryParameterValue', 'blockid');
      const staged = this.blocks.get(path) ?? new Map<string, Buffer>();
      staged.set(id, body);
      this.blocks.set(path, staged);
      return created();
    }
    if (comp === 'blocklist') {
      const staged = this.blocks.get(path) ?? new Map<string, Buffer>();
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1] ?? '');
      const parts: Buffer[] = [];
      for (const id of ids) {
        const part = staged.get(id);
        if (!part) return azureError(400, 'InvalidBlockList', 'The specified block list is invalid.');
        parts.push(part);
      }
      a.bytes = Buffer.concat(parts);
      this.blocks.delete(path);
      return created();
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      a.bytes = body;
      return created();
    }
    return azureError(400, 'UnsupportedQueryParameter', `comp=${comp ?? ''}`);
  }
}
