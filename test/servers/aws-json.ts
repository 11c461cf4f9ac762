/**
 * AWS Secrets Manager and SSM Parameter Store on 127.0.0.1 (wire-facts-stores §1-§4): the AWS
 * JSON 1.1 protocol, `POST /` routed by `x-amz-target` (secretsmanager.<Op> / AmazonSSM.<Op>),
 * SigV4 headers required (authorization with a known access key id, x-amz-date), answers with
 * `content-type: application/x-amz-json-1.1` and `x-amzn-RequestId`, errors as status 400 with
 * `{"__type", "Message"}` (Secrets Manager) or `{"__type", "message"}` (SSM).
 *
 * Operations: GetSecretValue, ListSecrets (name filter, paging), BatchGetSecretValue
 * (SecretIdList), GetParameter, GetParameters. Switches: `deny` (AccessDeniedException on an
 * id), `inject()` (ThrottlingException, 500, or a garbled 200 for the next calls), `calls()` per operation.
 */
import { randomUUID, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, type Started } from './http.js';

export interface SecretDef {
  name: string;
  string?: string;
  binary?: Buffer;
  /** previous value (AWSPREVIOUS) */
  previous?: string;
  /** the ARN's 6-character suffix (default: random), for ARNs written out in a test */
  suffix?: string;
}

export interface ParamDef {
  name: string;
  value: string;
  type?: 'String' | 'StringList' | 'SecureString';
  version?: number;
}

/** 'garbled': the next answer is a 200 whose value is not quoted (a truncating proxy, say): unreadable JSON */
export type AwsInjected = 'ThrottlingException' | 500 | 'garbled';

interface Entry {
  op: string;
  status: number;
  code: string;
}

class AwsFail extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class AwsJsonServer {
  started!: Started;
  readonly account = '123456789012';
  region = 'eu-west-1';
  readonly log: Entry[] = [];
  /** access key ids that sign valid requests (empty: any) */
  readonly accessKeys = new Set<string>();
  /** ids (names) whose reads are denied */
  readonly deny = new Set<string>();
  private readonly secrets = new Map<string, SecretDef & { arn: string; versionId: string; prevId: string }>();
  private readonly params = new Map<string, ParamDef>();
  private readonly failNext: AwsInjected[] = [];

  get url(): string {
    return this.started.url;
  }

  async start(): Promise<this> {
    this.started = await listen((req, res) => this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  addSecret(def: SecretDef): string {
    const arn = `arn:aws:secretsmanager:${this.region}:${this.account}:secret:${def.name}-${def.suffix ?? randomBytes(3).toString('hex')}`;
    this.secrets.set(def.name, { ...def, arn, versionId: randomUUID(), prevId: randomUUID() });
    return arn;
  }

  addParam(def: ParamDef): this {
    this.params.set(def.name, def);
    return this;
  }

  inject(kind: AwsInjected, times = 1): this {
    for (let i = 0; i < times; i++) this.failNext.push(kind);
    return this;
  }

  calls(op?: string): number {
    return op ? this.log.filter((l) => l.op === op).length : this.log.length;
  }

  /** Every value held (for leak assertions). */
  values(): string[] {
    const out: string[] = [];
    for (const s of this.secrets.values()) for (const v of [s.string, s.previous, s.binary?.toString('utf8')]) if (v) out.push(v);
    for (const p of this.params.values()) out.push(p.value);
    return out;
  }

  private find(id: string): (SecretDef & { arn: string; versionId: string; prevId: string }) | undefined {
    const byName = this.secrets.get(id);
    if (byName) return byName;
    for (const s of this.secrets.values()) if (s.arn === id || (id.startsWith('arn:') && s.arn.startsWith(id))) return s;
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const [prefix, op = ''] = target.split('.');
    const ssm = prefix === 'AmazonSSM';
    const entry: Entry = { op, status: 200, code: '' };
    this.log.push(entry);
    let garble = false;
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
      const text = JSON.stringify(payload);
      // the value left unquoted: JSON.parse's message then quotes the characters around it
      res.end(garble ? text.replace(/"(SecretString|Value)":"((?:[^"\\]|\\.)*)"/, '"$1":$2') : text);
    };
    try {
      if (req.method !== 'POST' || (req.url ?? '/') !== '/') throw new AwsFail(404, 'UnknownOperationException', 'Unknown operation');
      if (prefix !== 'secretsmanager' && prefix !== 'AmazonSSM') throw new AwsFail(400, 'UnknownOperationException', `Unknown target ${target.slice(0, 80)}`);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1'))
        throw new AwsFail(400, 'SerializationException', 'wrong content type');
      const auth = String(req.headers['authorization'] ?? '');
      const m =
        /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([a-z0-9-]+)\/(secretsmanager|ssm)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(
          auth,
        );
      if (!m || !req.headers['x-amz-date']) throw new AwsFail(400, 'IncompleteSignature', 'Authorization header requires a valid SigV4 signature');
      if (m[3] !== (ssm ? 'ssm' : 'secretsmanager')) throw new AwsFail(400, 'InvalidSignatureException', 'Credential should be scoped to correct service');
      if (this.accessKeys.size && !this.accessKeys.has(m[1] ?? ''))
        throw new AwsFail(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      const injected = this.failNext.shift();
      if (injected === 'ThrottlingException') throw new AwsFail(400, 'ThrottlingException', 'Rate exceeded');
      if (injected === 500) throw new AwsFail(500, ssm ? 'InternalServerError' : 'InternalServiceError', 'An error occurred on the server side.');
      garble = injected === 'garbled';
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      send(200, ssm ? this.ssmOp(op, input) : this.smOp(op, input));
    } catch (err) {
      const e = err instanceof AwsFail ? err : new AwsFail(400, 'SerializationException', 'could not parse the request');
      entry.status = e.status;
      entry.code = e.code;
      send(e.status, ssm ? { __type: e.code, message: e.message } : { __type: e.code, Message: e.message });
    }
  }

  private getSecret(input: Record<string, unknown>): Record<string, unknown> {
    const id = typeof input['SecretId'] === 'string' ? input['SecretId'] : '';
    if (!id) throw new AwsFail(400, 'InvalidParameterException', 'SecretId is required');
    const s = this.find(id);
    if (this.deny.has(id) || (s && this.deny.has(s.name))) {
      throw new AwsFail(
        400,
        'AccessDeniedException',
        `User: arn:aws:sts::${this.account}:assumed-role/ci/session is not authorized to perform: secretsmanager:GetSecretValue on resource: ${id} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
      );
    }
    if (!s) throw new AwsFail(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    const stage = input['VersionStage'];
    const vid = input['VersionId'];
    const previous = stage === 'AWSPREVIOUS' || vid === s.prevId;
    if (
      (stage !== undefined && stage !== 'AWSCURRENT' && stage !== 'AWSPREVIOUS') ||
      (vid !== undefined && vid !== s.versionId && vid !== s.prevId) ||
      (previous && s.previous === undefined)
    ) {
      throw new AwsFail(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label or version.");
    }
    const out: Record<string, unknown> = {
      ARN: s.arn,
      Name: s.name,
      VersionId: previous ? s.prevId : s.versionId,
      VersionStages: [previous ? 'AWSPREVIOUS' : 'AWSCURRENT'],
      CreatedDate: 1767225600.123,
    };
    if (previous) out['SecretString'] = s.previous;
    else if (s.binary) out['SecretBinary'] = s.binary.toString('base64');
    else out['SecretString'] = s.string;
    return out;
  }

  private smOp(op: string, input: Record<string, unknown>): unknown {
    if (op === 'GetSecretValue') return this.getSecret(input);
    if (op === 'ListSecrets') {
      const filters = Array.isArray(input['Filters']) ? (input['Filters'] as { Key?: string; Values?: string[] }[]) : [];
      const max = typeof input['MaxResults'] === 'number' ? input['MaxResults'] : 100;
      if (max < 1 || max > 100) throw new AwsFail(400, 'InvalidParameterException', 'MaxResults must be between 1 and 100');
      let list = [...this.secrets.values()];
      for (const f of filters) {
        if (f.Key !== 'name') continue;
        list = list.filter((s) => (f.Values ?? []).some((v) => (v.startsWith('!') ? !s.name.startsWith(v.slice(1)) : s.name.startsWith(v))));
      }
      const start = typeof input['NextToken'] === 'string' ? Number(input['NextToken']) : 0;
      const page = list.slice(start, start + max);
      return {
        SecretList: page.map((s) => ({ ARN: s.arn, Name: s.name, SecretVersionsToStages: { [s.versionId]: ['AWSCURRENT'] } })),
        ...(start + max < list.length ? { NextToken: String(start + max) } : {}),
      };
    }
    if (op === 'BatchGetSecretValue') {
      const ids = Array.isArray(input['SecretIdList']) ? (input['SecretIdList'] as string[]) : [];
      if (ids.length > 20) throw new AwsFail(400, 'InvalidParameterException', 'SecretIdList may hold at most 20 ids');
      const values: unknown[] = [];
      const errors: unknown[] = [];
      for (const id of ids) {
        try {
          values.push(this.getSecret({ SecretId: id }));
        } catch (e) {
          if (e instanceof AwsFail) errors.push({ SecretId: id, ErrorCode: e.code, Message: e.message });
        }
      }
      return { SecretValues: values, Errors: errors };
    }
    throw new AwsFail(400, 'UnknownOperationException', `Unknown operation ${op}`);
  }

  private getParam(name: string, decrypt: boolean): Record<string, unknown> {
    const [base = '', sel] = name.split(/:(?=[^:/]*$)/);
    const p = this.params.get(name.includes(':') && !name.startsWith('arn:') ? base : name);
    if (this.deny.has(base))
      throw new AwsFail(
        400,
        'AccessDeniedException',
        `User: arn:aws:sts::${this.account}:assumed-role/ci/session is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:${this.region}:${this.account}:parameter${base}`,
      );
    if (!p) throw new AwsFail(400, 'ParameterNotFound', '');
    if (sel !== undefined && /^\d+$/.test(sel) && Number(sel) !== (p.version ?? 1))
      throw new AwsFail(400, 'ParameterVersionNotFound', `Systems Manager could not find version ${sel} of ${base}.`);
    const secure = (p.type ?? 'SecureString') === 'SecureString';
    return {
      Name: p.name,
      Type: p.type ?? 'SecureString',
      Value: secure && !decrypt ? Buffer.from(`kms:${p.value}`).toString('base64') : p.value,
      Version: p.version ?? 1,
      LastModifiedDate: 1767225600.5,
      ARN: `arn:aws:ssm:${this.region}:${this.account}:parameter${p.name}`,
      DataType: 'text',
    };
  }

  private ssmOp(op: string, input: Record<string, unknown>): unknown {
    const decrypt = input['WithDecryption'] === true;
    if (op === 'GetParameter') {
      const name = typeof input['Name'] === 'string' ? input['Name'] : '';
      if (!name)
        throw new AwsFail(
          400,
          'ValidationException',
          "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
        );
      return { Parameter: this.getParam(name, decrypt) };
    }
    if (op === 'GetParameters') {
      const names = Array.isArray(input['Names']) ? (input['Names'] as string[]) : [];
      const found: unknown[] = [];
      const invalid: string[] = [];
      for (const n of names) {
        try {
          found.push(this.getParam(n, decrypt));
        } catch {
          invalid.push(n);
        }
      }
      return { Parameters: found, InvalidParameters: invalid };
    }
    throw new AwsFail(400, 'InvalidAction', `Unknown operation ${op}`);
  }
}
