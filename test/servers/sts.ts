/**
 * An AWS STS imitation on 127.0.0.1 (wire-facts.md §5): the Query protocol (POST form body
 * or GET query string, Version=2011-06-15), XML answers in the 2011-06-15 namespace,
 * ErrorResponse bodies with Type/Code/Message and RequestId, and the statuses of the table.
 *
 * AssumeRoleWithWebIdentity really verifies the JWT: the issuer must be registered as an
 * OIDC provider, the signature is checked against the issuer's JWKS (found through its
 * discovery document), exp is checked, and `aud` must be one of the provider's client IDs.
 * Each role carries a trust condition on `sub` (StringLike glob) and `aud`. AssumeRole and
 * GetCallerIdentity are SigV4-signed: the signature is recomputed with the session's secret.
 *
 * IAM users (`addUser`) hold long-lived keys (no session token) that may AssumeRole for up to
 * the role's maximum; AssumeRole from a role session is chained (1 hour at most). Session tags
 * (Tags.member.N, TransitiveTagKeys.member.N) are checked against the STS limits and need
 * sts:TagSession in the role's trust (`tagSession: false` refuses them). HTTPS with `start({tls})`.
 *
 * Switches: `inject()` fails the next N calls (Throttling, IDPCommunicationError, 500),
 * `latencyMs`, a request `log` (action names and outcomes, never bodies) and `calls()`.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { listen, readBody, sleep, type Started } from './http.js';
import { listenTls } from './vault-types.js';

export const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface RoleDef {
  /** arn:aws:iam::<acct>:role/<path/name> */
  arn: string;
  /** the role's MaxSessionDuration (default 3600) */
  maxSessionDuration?: number;
  /** trust statement for AssumeRoleWithWebIdentity */
  webIdentity?: { issuer: string; sub: readonly string[]; aud: readonly string[] };
  /** role ARNs whose sessions may AssumeRole into this role */
  trustedRoles?: readonly string[];
  /** sts:ExternalId condition */
  externalId?: string;
  /** the trust policy allows sts:TagSession (default true) */
  tagSession?: boolean;
}

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  roleArn: string;
  sessionName: string;
  assumedRoleArn: string;
  userId: string;
  account: string;
  chained: boolean;
  /** an IAM user's long-lived keys (no session token) */
  user?: boolean;
  /** the parameters the session was made with (for assertions) */
  params: Record<string, string>;
}

export type Injected = 'Throttling' | 'IDPCommunicationError' | 500 | 503;

export interface LogEntry {
  method: string;
  action: string;
  status: number;
  code: string;
}

export class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

export class StsServer {
  started!: Started;
  latencyMs = 0;
  /** fault: hand out sessions that end after this many seconds, whatever DurationSeconds asked (0: off) */
  grantSeconds = 0;
  readonly log: LogEntry[] = [];
  readonly sessions = new Map<string, Session>();
  private readonly roles = new Map<string, RoleDef>();
  private readonly providers = new Map<string, Set<string>>();
  private readonly jwks = new Map<string, JWTVerifyGetKey>();
  private readonly failNext: Injected[] = [];
  private readonly preset: { accessKeyId: string; secretAccessKey: string; sessionToken: string }[] = [];

  get url(): string {
    return this.started.url;
  }

  /** Listens on 127.0.0.1; HTTPS when `tls` is given. */
  async start(opts: { tls?: { cert: string; key: string } } = {}): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    this.started = opts.tls ? await listenTls(opts.tls, handler) : await listen(handler);
    return this;
  }

  /** An IAM user with long-lived keys (AKIA..., no session token). */
  addUser(arn: string): { accessKeyId: string; secretAccessKey: string } {
    const m = /^arn:(aws[\w-]*):iam::(\d{12}):user\/(.+)$/.exec(arn);
    const accessKeyId = `AKIA${randomAlnum(16)}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    this.sessions.set(accessKeyId, {
      accessKeyId,
      secretAccessKey,
      sessionToken: '',
      expiration: new Date(Date.now() + 365 * 86400_000),
      roleArn: arn,
      sessionName: m?.[3] ?? 'user',
      assumedRoleArn: arn,
      userId: `AIDA${randomAlnum(17)}`,
      account: m?.[2] ?? '',
      chained: false,
      user: true,
      params: {},
    });
    return { accessKeyId, secretAccessKey };
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  /** Registers an IAM OIDC provider: its issuer URL and client IDs (audiences). */
  addProvider(issuer: string, clientIds: readonly string[]): this {
    this.providers.set(issuer.replace(/\/$/, ''), new Set(clientIds));
    return this;
  }

  addRole(role: RoleDef): this {
    this.roles.set(role.arn, role);
    return this;
  }

  /** The next `times` calls fail with this error (then normal service). */
  inject(kind: Injected, times = 1): this {
    for (let i = 0; i < times; i++) this.failNext.push(kind);
    return this;
  }

  /** Credentials the next successful Assume* call hands out, made now so a test can list them as secrets. */
  presetCredentials(over: { secretAccessKey?: string } = {}): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
    const c = {
      accessKeyId: `ASIA${randomAlnum(16)}`,
      secretAccessKey: over.secretAccessKey ?? randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`,
    };
    this.preset.push(c);
    return c;
  }

  /** Calls received, all or of one action. */
  calls(action?: string): number {
    return action ? this.log.filter((l) => l.action === action).length : this.log.length;
  }

  reset(): void {
    this.log.length = 0;
    this.failNext.length = 0;
    this.preset.length = 0;
    this.latencyMs = 0;
    this.grantSeconds = 0;
  }

  /** Every credential value handed out (for leak assertions). */
  secretsIssued(): string[] {
    return [...this.sessions.values()].flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]).filter(Boolean);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = new URLSearchParams(req.method === 'GET' ? u.search : body);
    const action = params.get('Action') ?? '';
    const requestId = randomUUID();
    const entry: LogEntry = { method: req.method ?? '', action, status: 200, code: '' };
    this.log.push(entry);
    if (this.latencyMs) {
      await sleep(this.latencyMs);
      // the client gave up (e.g. a step timeout): issue nothing, so no preset is used up
      if (req.socket.destroyed) {
        entry.code = 'ClientGone';
        return;
      }
    }
    try {
      if (req.method !== 'POST' && req.method !== 'GET') throw new StsError(405, 'InvalidAction', `Could not find operation for method ${req.method}`);
      const injected = this.failNext.shift();
      if (injected === 'Throttling') throw new StsError(400, 'Throttling', 'Rate exceeded');
      if (injected === 'IDPCommunicationError') {
        throw new StsError(
          400,
          'IDPCommunicationError',
          "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
        );
      }
      if (injected === 500 || injected === 503)
        throw new StsError(
          injected,
          injected === 500 ? 'InternalFailure' : 'ServiceUnavailable',
          'The request processing has failed because of an unknown error, exception or failure.',
        );
      if (params.get('Version') !== '2011-06-15')
        throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
      let result: string;
      if (action === 'AssumeRoleWithWebIdentity') result = await this.assumeRoleWithWebIdentity(params);
      else if (action === 'AssumeRole') result = this.assumeRole(params, this.caller(req, u, body));
      else if (action === 'GetCallerIdentity') result = this.getCallerIdentity(this.caller(req, u, body));
      else throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
      res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(
        `<${action}Response xmlns="${NS}">\n  <${action}Result>\n${result}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`,
      );
    } catch (err) {
      const e = err instanceof StsError ? err : new StsError(500, 'InternalFailure', 'internal error');
      entry.status = e.status;
      entry.code = e.code;
      res.writeHead(e.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(
        `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type>\n    <Code>${e.code}</Code>\n    <Message>${xml(e.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
      );
    }
  }

  private validateCommon(p: URLSearchParams, maxDefault: number): { roleArn: string; sessionName: string; duration: number } {
    const errors: string[] = [];
    const roleArn = p.get('RoleArn') ?? '';
    const sessionName = p.get('RoleSessionName') ?? '';
    if (!roleArn) errors.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    else if (roleArn.length < 20)
      errors.push(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
    if (!sessionName) errors.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    else if (sessionName.length < 2 || sessionName.length > 64)
      errors.push(
        `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length ${sessionName.length < 2 ? 'greater than or equal to 2' : 'less than or equal to 64'}`,
      );
    else if (!/^[\w+=,.@-]*$/.test(sessionName))
      errors.push(`Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    const rawDuration = p.get('DurationSeconds');
    const duration = rawDuration === null ? maxDefault : Number(rawDuration);
    if (!Number.isInteger(duration)) errors.push(`Value '${rawDuration}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`);
    else if (duration < 900)
      errors.push(`Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    else if (duration > 43200)
      errors.push(`Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`);
    const policy = p.get('Policy');
    if (policy !== null && policy.length > 2048)
      errors.push("Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048");
    const arns = [...p.keys()].filter((k) => /^PolicyArns\.member\.\d+\.arn$/.test(k));
    if (arns.length > 10) errors.push("Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10");
    if (errors.length)
      throw new StsError(400, 'ValidationError', `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}`);
    if (!ROLE_ARN.test(roleArn)) throw new StsError(400, 'ValidationError', `${roleArn} is invalid`);
    for (const k of arns)
      if (!/^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/.+$/.test(p.get(k) ?? '')) throw new StsError(400, 'ValidationError', `ARN ${p.get(k)} is not valid.`);
    if (policy !== null) {
      try {
        JSON.parse(policy);
      } catch {
        throw new StsError(400, 'MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
      }
    }
    return { roleArn, sessionName, duration };
  }

  private async verifier(issuer: string): Promise<JWTVerifyGetKey> {
    const have = this.jwks.get(issuer);
    if (have) return have;
    let jwksUri: string;
    try {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`);
      const doc = (await res.json()) as { jwks_uri?: unknown };
      if (!res.ok || typeof doc.jwks_uri !== 'string') throw new Error('no jwks_uri');
      jwksUri = doc.jwks_uri;
    } catch {
      throw new StsError(
        400,
        'IDPCommunicationError',
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      );
    }
    const set = createRemoteJWKSet(new URL(jwksUri));
    this.jwks.set(issuer, set);
    return set;
  }

  private async assumeRoleWithWebIdentity(p: URLSearchParams): Promise<string> {
    const token = p.get('WebIdentityToken') ?? '';
    if (token.length < 4 || token.length > 20000) {
      throw new StsError(
        400,
        'ValidationError',
        `1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length ${token.length < 4 ? 'greater than or equal to 4' : 'less than or equal to 20000'}`,
      );
    }
    const role0 = this.roles.get(p.get('RoleArn') ?? '');
    const { roleArn, sessionName, duration } = this.validateCommon(p, 3600);
    let unverified: Record<string, unknown>;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new StsError(400, 'InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
    }
    const iss = typeof unverified['iss'] === 'string' ? unverified['iss'].replace(/\/$/, '') : '';
    const clientIds = this.providers.get(iss);
    if (!clientIds) throw new StsError(400, 'InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${iss}`);
    const keys = await this.verifier(iss);
    let claims: Record<string, unknown>;
    try {
      claims = (await jwtVerify(token, keys, { issuer: iss, clockTolerance: 5 })).payload;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'ERR_JWT_EXPIRED') {
        const exp = typeof unverified['exp'] === 'number' ? new Date(unverified['exp'] * 1000).toISOString() : '(none)';
        throw new StsError(
          400,
          'ExpiredTokenException',
          `Token expired: current date/time ${new Date().toISOString()} must be before the expiration date/time${exp}`,
        );
      }
      if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC') {
        throw new StsError(
          400,
          'IDPCommunicationError',
          "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
        );
      }
      throw new StsError(
        400,
        'InvalidIdentityToken',
        'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
      );
    }
    const aud = claims['aud'];
    const auds = Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [];
    const matched = auds.filter((a) => clientIds.has(a));
    if (!matched.length) throw new StsError(400, 'InvalidIdentityToken', 'Incorrect token audience');
    const sub = typeof claims['sub'] === 'string' ? claims['sub'] : '';
    const trust = role0?.webIdentity;
    const trusted = !!trust && trust.issuer.replace(/\/$/, '') === iss && trust.sub.some((g) => glob(g, sub)) && matched.some((a) => trust.aud.includes(a));
    if (!role0 || !trusted) throw new StsError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    const max = role0.maxSessionDuration ?? 3600;
    if (duration > max) throw new StsError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const s = this.issue(roleArn, sessionName, duration, false, p);
    return `${creds(s)}    <SubjectFromWebIdentityToken>${xml(sub)}</SubjectFromWebIdentityToken>\n${assumed(s)}    <Provider>${xml(iss)}</Provider>\n    <Audience>${xml(matched[0] ?? '')}</Audience>\n`;
  }

  private assumeRole(p: URLSearchParams, caller: Session): string {
    const { roleArn, sessionName, duration } = this.validateCommon(p, 3600);
    const role = this.roles.get(roleArn);
    const denied = new StsError(403, 'AccessDenied', `User: ${caller.assumedRoleArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    if (!role || !(role.trustedRoles ?? []).includes(caller.roleArn)) throw denied;
    if (role.externalId !== undefined && p.get('ExternalId') !== role.externalId) throw denied;
    const tags = sessionTags(p);
    if (tags.length && role.tagSession === false) {
      throw new StsError(403, 'AccessDenied', `User: ${caller.assumedRoleArn} is not authorized to perform: sts:TagSession on resource: ${roleArn}`);
    }
    // a session made from role credentials is a chained session: 1 hour at most
    if (!caller.user && duration > 3600)
      throw new StsError(400, 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    if (duration > (role.maxSessionDuration ?? 3600))
      throw new StsError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const s = this.issue(roleArn, sessionName, duration, !caller.user, p);
    return `${creds(s)}${assumed(s)}${tags.length ? `    <PackedPolicySize>${Math.min(100, Math.ceil(tags.reduce((n, t) => n + t.Key.length + t.Value.length, 0) / 20))}</PackedPolicySize>\n` : ''}`;
  }

  private getCallerIdentity(caller: Session): string {
    return `    <UserId>${caller.userId}</UserId>\n    <Account>${caller.account}</Account>\n    <Arn>${xml(caller.assumedRoleArn)}</Arn>\n`;
  }

  /** The session behind a SigV4-signed request, with the signature recomputed. */
  private caller(req: IncomingMessage, u: URL, body: string): Session {
    const auth = req.headers.authorization ?? '';
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) throw new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const [, akid = '', date = '', region = '', service = '', signed = '', signature = ''] = m;
    const s = this.sessions.get(akid);
    if (!s) throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    if ((req.headers['x-amz-security-token'] ?? '') !== s.sessionToken)
      throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    const amzDate = String(req.headers['x-amz-date'] ?? '');
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
      .map(([k, v]) => [enc(k), enc(v)] as const)
      .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
    const canonical = [req.method ?? 'POST', u.pathname || '/', query, canonHeaders, signed, payloadHash].join('\n');
    const scope = `${date}/${region}/${service}/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    let key: Buffer = hmac(`AWS4${s.secretAccessKey}`, date);
    for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
    if (hmac(key, toSign).toString('hex') !== signature) {
      throw new StsError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    }
    if (s.expiration.getTime() < Date.now()) throw new StsError(403, 'ExpiredToken', 'The security token included in the request is expired');
    return s;
  }

  private issue(roleArn: string, sessionName: string, duration: number, chained: boolean, p: URLSearchParams): Session {
    const m = ROLE_ARN.exec(roleArn);
    const [, partition = 'aws', account = '', , name = ''] = m ?? [];
    const roleId = `AROA${randomAlnum(17)}`;
    const preset = this.preset.shift();
    const s: Session = {
      accessKeyId: preset?.accessKeyId ?? `ASIA${randomAlnum(16)}`,
      secretAccessKey: preset?.secretAccessKey ?? randomBytes(30).toString('base64'),
      sessionToken: preset?.sessionToken ?? `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`,
      expiration: new Date(Math.floor(Date.now() / 1000) * 1000 + (this.grantSeconds ? Math.min(duration, this.grantSeconds) : duration) * 1000),
      roleArn,
      sessionName,
      assumedRoleArn: `arn:${partition}:sts::${account}:assumed-role/${name}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      account,
      chained,
      params: Object.fromEntries([...p].filter(([k]) => k !== 'WebIdentityToken')),
    };
    this.sessions.set(s.accessKeyId, s);
    return s;
  }
}

/** Tags.member.N.{Key,Value} and TransitiveTagKeys.member.N, checked as STS does (API_Tag, API_AssumeRole). */
function sessionTags(p: URLSearchParams): { Key: string; Value: string }[] {
  const tags: { Key: string; Value: string }[] = [];
  for (let n = 1; p.has(`Tags.member.${n}.Key`); n++) tags.push({ Key: p.get(`Tags.member.${n}.Key`) ?? '', Value: p.get(`Tags.member.${n}.Value`) ?? '' });
  const errors: string[] = [];
  if (tags.length > 50) errors.push("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
  const ok = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
  tags.forEach((t, i) => {
    if (!t.Key || t.Key.length > 128 || !ok.test(t.Key))
      errors.push(
        `Value '${t.Key}' at 'tags.${i + 1}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+`,
      );
    if (t.Value.length > 256 || !ok.test(t.Value))
      errors.push(
        `Value '${t.Value}' at 'tags.${i + 1}.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*`,
      );
  });
  if (errors.length)
    throw new StsError(400, 'ValidationError', `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}`);
  const keys = new Set(tags.map((t) => t.Key.toLowerCase()));
  if (keys.size !== tags.length) throw new StsError(400, 'InvalidParameterValue', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  for (let n = 1; p.has(`TransitiveTagKeys.member.${n}`); n++) {
    if (!keys.has((p.get(`TransitiveTagKeys.member.${n}`) ?? '').toLowerCase()))
      throw new StsError(400, 'InvalidParameterValue', 'The specified transitive tag key must be included in the requested tags.');
  }
  return tags;
}

function creds(s: Session): string {
  return `    <Credentials>\n      <AccessKeyId>${s.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xml(s.secretAccessKey)}</SecretAccessKey>\n      <SessionToken>${xml(s.sessionToken)}</SessionToken>\n      <Expiration>${s.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>\n    </Credentials>\n`;
}

function assumed(s: Session): string {
  return `    <AssumedRoleUser>\n      <AssumedRoleId>${s.userId}</AssumedRoleId>\n      <Arn>${xml(s.assumedRoleArn)}</Arn>\n    </AssumedRoleUser>\n`;
}

/** IAM StringLike: `*` any run of characters, `?` one character. */
export function glob(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function randomAlnum(n: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(n)].map((b) => abc[b % 32]).join('');
}
