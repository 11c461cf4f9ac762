export const id = 973;
export const ids = [973];
export const modules = {

/***/ 6973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sts: () => (/* binding */ Sts),
  hasSpecialCharacters: () => (/* binding */ hasSpecialCharacters)
});

// UNUSED EXPORTS: toRemoteError

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/http.ts + 1 modules
var http = __webpack_require__(3871);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/sdk-http-handler.ts
var sdk_http_handler = __webpack_require__(8425);
// EXTERNAL MODULE: ./src/aws/regions.ts
var regions = __webpack_require__(5974);
;// CONCATENATED MODULE: ./src/aws/trust-advice.ts
/**
 * The message for "Not authorized to perform sts:AssumeRoleWithWebIdentity" and its kin:
 * built from the token's non-secret claims (iss, sub, aud), it shows what the role's trust
 * policy saw, a trust-policy statement that would match this job, and the usual causes.
 * The token itself is never printed.
 */

/** The IAM condition key prefix of an issuer: its URL without https:// (and no trailing /). */
function conditionPrefix(iss) {
    return iss.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
/** A wider, still safe `sub` pattern for the example (the repository or project, any ref). */
function subPattern(sub) {
    const gh = /^(repo:[^:]+):/.exec(sub);
    if (gh)
        return `${gh[1]}:*`;
    const gl = /^(project_path:[^:]+):/.exec(sub);
    if (gl)
        return `${gl[1]}:*`;
    return sub;
}
function trustAdvice(ctx) {
    const { claims, role } = ctx;
    if (!claims) {
        return 'The identity token could not be decoded as a JWT: check that the token (or web-identity-token-file) holds an OIDC ID token, not an access token.';
    }
    const iss = (0,jwt/* claimText */.Q)(claims, 'iss');
    const sub = (0,jwt/* claimText */.Q)(claims, 'sub');
    const aud = (0,jwt/* claimText */.Q)(claims, 'aud');
    const prefix = conditionPrefix(iss);
    const provider = `arn:${role.partition}:iam::${role.account}:oidc-provider/${prefix}`;
    const audValue = Array.isArray(claims['aud']) ? (claims['aud'].map(String)[0] ?? aud) : aud;
    const statement = {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
            StringEquals: { [`${prefix}:aud`]: audValue },
            StringLike: { [`${prefix}:sub`]: sub },
        },
    };
    const lines = [
        `The role ${role.arn} saw this token (non-secret claims only):`,
        `  iss: ${iss}`,
        `  sub: ${sub}`,
        `  aud: ${aud}`,
        `A statement for the trust policy of ${role.name} that lets exactly this job in:`,
        ...JSON.stringify(statement, null, 2)
            .split('\n')
            .map((l) => `  ${l}`),
        ...(subPattern(sub) !== sub ? [`  (to allow every branch, tag and environment of it instead, use "${subPattern(sub)}" as the sub pattern)`] : []),
        'Usual causes:',
    ];
    const causes = [];
    if (ctx.code === 'InvalidIdentityToken') {
        causes.push(`no IAM OIDC identity provider for ${iss} in account ${role.account}: create one (IAM > Identity providers > OpenID Connect, provider URL ${iss}, audience ${audValue}); its ARN is ${provider}`);
        causes.push(`the provider exists but its audiences (client IDs) do not include "${audValue}": add it, or set the \`audience\` input to one it lists`);
        if (ctx.source === 'github' && !enterpriseIssuer(iss))
            causes.push('GitHub Enterprise (GHES or an enterprise issuer slug) issues tokens from a different URL than token.actions.githubusercontent.com: the provider URL must equal the iss above exactly');
    }
    else if (ctx.code === 'ExpiredTokenException') {
        causes.push('the token expired before STS checked it: a fresh token is fetched for each attempt, so check the runner clock, or refresh the web-identity-token-file');
    }
    else {
        causes.push(`the trust policy's ${prefix}:sub condition does not match "${sub}" (StringEquals does not expand *: use StringLike for patterns)`);
        if (/:environment:/.test(sub))
            causes.push('this job runs in a GitHub environment, so its sub ends in :environment:<name>, not :ref:refs/heads/<branch>');
        if (/:pull_request$/.test(sub))
            causes.push('pull_request events have the sub repo:<owner>/<repo>:pull_request, with no branch in it');
        if (/@\d+\//.test(sub))
            causes.push('this repository uses the immutable sub format (OWNER@ID/REPO@ID): patterns written for repo:owner/repo:* do not match it');
        causes.push(`the ${prefix}:aud condition expects another audience than "${aud}" (input \`audience\`, default sts.amazonaws.com)`);
        causes.push(`the Principal names another provider or account than ${provider}`);
        causes.push('the role does not exist in that account, or the role ARN has a typo');
    }
    const ghes = enterpriseIssuer(iss);
    if (ghes)
        causes.unshift(ghes);
    return [...lines, ...causes.map((c) => `  - ${c}`)].join('\n');
}
/** GitHub Enterprise Server (https://HOST/_services/token) or an enterprise issuer slug: the provider must name that exact issuer. */
function enterpriseIssuer(iss) {
    const prefix = conditionPrefix(iss);
    if (/\/_services\/token$/.test(prefix)) {
        return `this token comes from GitHub Enterprise Server (iss ${iss}): the IAM OIDC provider URL must be exactly ${iss}, and the trust policy's condition keys are ${prefix}:sub and ${prefix}:aud (not token.actions.githubusercontent.com)`;
    }
    if (/^token\.actions\.githubusercontent\.com\/.+/.test(prefix)) {
        return `this token carries an enterprise issuer slug (iss ${iss}): the IAM OIDC provider URL must include the slug, and so must the condition keys (${prefix}:sub)`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/aws/sts.ts
/**
 * STS over the real @aws-sdk/client-sts: AssumeRoleWithWebIdentity (a fresh OIDC token per
 * attempt), AssumeRole (role chaining) and GetCallerIdentity. The SDK makes one attempt
 * (maxAttempts 1); we retry Throttling, IDPCommunicationError, 5xx and network failures
 * with capped backoff and jitter, and nothing else. Every failure becomes a RemoteError
 * naming the operation, the role and the service's code; web-identity refusals carry the
 * trust-policy advice built from the token's claims.
 */










/** Codes worth another attempt (smithy's throttling list, IDP communication, timeouts). */
const RETRYABLE_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottledException',
    'TooManyRequestsException',
    'ProvisionedThroughputExceededException',
    'TransactionInProgressException',
    'RequestLimitExceeded',
    'BandwidthLimitExceeded',
    'LimitExceededException',
    'RequestThrottled',
    'SlowDown',
    'PriorRequestNotComplete',
    'EC2ThrottledException',
    'IDPCommunicationError',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
]);
/** The SDK's exception names for modelled errors, back to the wire code users search for. */
const WIRE_CODE = {
    InvalidIdentityTokenException: 'InvalidIdentityToken',
    IDPCommunicationErrorException: 'IDPCommunicationError',
    IDPRejectedClaimException: 'IDPRejectedClaim',
    MalformedPolicyDocumentException: 'MalformedPolicyDocument',
    PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
};
const ADVISED = new Set(['AccessDenied', 'InvalidIdentityToken', 'ExpiredTokenException', 'IDPRejectedClaim']);
class Sts {
    http;
    opts;
    constructor(opts) {
        this.opts = opts;
        this.http = new http/* HttpClient */.Qq({
            service: 'AWS STS',
            proxy: opts.proxy,
            ...(opts.tls ? { tls: opts.tls } : {}),
            timeoutMs: opts.timeoutMs ?? 30_000,
            tlsHint: 'Trust the CA of the STS endpoint with the ca-certificate input (PEM text or a file path) or NODE_EXTRA_CA_CERTS; a TLS-inspecting proxy needs its CA there too',
        });
    }
    /** Where calls go (for messages). */
    get endpoint() {
        return this.opts.endpoint ?? (0,regions/* stsEndpoint */.u1)(this.opts.region);
    }
    client(credentials) {
        return new dist_cjs.STSClient({
            region: this.opts.region,
            ...(this.opts.endpoint ? { endpoint: this.opts.endpoint } : {}),
            maxAttempts: 1,
            retryMode: 'standard',
            defaultsMode: 'standard',
            useFipsEndpoint: false,
            useDualstackEndpoint: false,
            requestHandler: new sdk_http_handler/* CoreHttpHandler */.A(this.http),
            credentials: credentials ??
                (async () => {
                    throw new Error('no credentials for a signed STS call');
                }),
        });
    }
    async assumeRoleWithWebIdentity(p) {
        let lastToken = '';
        const op = 'AssumeRoleWithWebIdentity';
        try {
            return await this.retrying(op, p.role, async (attempt) => {
                this.opts.onPending?.(`the OIDC token (audience ${p.audience}) for attempt ${attempt} of ${this.opts.retry.maxAttempts}`);
                lastToken = await p.token();
                this.pending(op, p.role, attempt);
                const out = await this.client().send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                    RoleArn: p.role.arn,
                    RoleSessionName: p.sessionName,
                    WebIdentityToken: lastToken,
                    DurationSeconds: p.durationSeconds,
                    ...(p.policy ? { Policy: p.policy } : {}),
                    ...(p.policyArns.length ? { PolicyArns: p.policyArns.map((arn) => ({ arn })) } : {}),
                }));
                return result(out.Credentials, out.AssumedRoleUser, out.PackedPolicySize);
            });
        }
        catch (err) {
            if (err instanceof errors/* RemoteError */.Hi && ADVISED.has(err.code) && lastToken) {
                const advice = trustAdvice({ code: err.code, role: p.role, claims: (0,jwt/* readClaims */.I)(lastToken), audience: p.audience, source: p.source });
                throw new errors/* RemoteError */.Hi(err.message, { service: 'AWS STS', status: err.status, code: err.code, retryable: false, hint: advice });
            }
            throw err;
        }
    }
    async assumeRole(p) {
        const tags = p.tags ?? [];
        try {
            return await this.retrying('AssumeRole', p.role, async (attempt) => {
                this.pending('AssumeRole', p.role, attempt);
                const out = await this.client(p.credentials).send(new dist_cjs/* AssumeRoleCommand */.QL({
                    RoleArn: p.role.arn,
                    RoleSessionName: p.sessionName,
                    DurationSeconds: p.durationSeconds,
                    ...(p.externalId ? { ExternalId: p.externalId } : {}),
                    ...(p.policy ? { Policy: p.policy } : {}),
                    ...(p.policyArns.length ? { PolicyArns: p.policyArns.map((arn) => ({ arn })) } : {}),
                    ...(tags.length ? { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {}),
                    ...(p.transitiveTagKeys?.length ? { TransitiveTagKeys: [...p.transitiveTagKeys] } : {}),
                }));
                return result(out.Credentials, out.AssumedRoleUser, out.PackedPolicySize);
            });
        }
        catch (err) {
            if (err instanceof errors/* RemoteError */.Hi && tags.length && (err.code === 'AccessDenied' || err.code === 'PackedPolicyTooLarge')) {
                const hint = err.code === 'AccessDenied'
                    ? `This call sent ${tags.length} session tags (${tags.map((t) => t.Key).join(', ')}): the trust policy of ${p.role.name} must allow sts:TagSession as well as sts:AssumeRole for the caller, or set role-skip-session-tagging: true (and leave custom-tags empty)`
                    : `The session tags (${tags.length}) and policies are too large once packed: set role-skip-session-tagging: true, send fewer custom-tags, or shorten the session policy`;
                throw new errors/* RemoteError */.Hi(err.message, { service: 'AWS STS', status: err.status, code: err.code, retryable: false, hint });
            }
            throw err;
        }
    }
    async getCallerIdentity(credentials) {
        return this.retrying('GetCallerIdentity', undefined, async (attempt) => {
            this.pending('GetCallerIdentity', undefined, attempt);
            const out = await this.client(credentials).send(new dist_cjs.GetCallerIdentityCommand({}));
            return { account: need(out.Account, 'Account'), arn: need(out.Arn, 'Arn'), userId: need(out.UserId, 'UserId') };
        });
    }
    async close() {
        await this.http.close();
    }
    pending(op, role, attempt) {
        this.opts.onPending?.(`STS ${op}${role ? ` for ${role.arn}` : ''} at ${safeHost(this.endpoint)} (attempt ${attempt} of ${this.opts.retry.maxAttempts})`);
    }
    async retrying(op, role, fn) {
        return (0,retry/* withRetry */.bD)(async ({ attempt }) => {
            try {
                return await fn(attempt);
            }
            catch (err) {
                // the token source's own errors (no id-token permission, unreadable file, GitHub OIDC) pass as they are
                if (err instanceof errors/* UserError */.yo || (err instanceof errors/* RemoteError */.Hi && err.service !== 'AWS STS'))
                    throw err;
                throw toRemoteError(err, op, role);
            }
        }, (err) => err instanceof errors/* RemoteError */.Hi && err.retryable, this.opts.retry, this.opts.clock ?? clock/* systemClock */.m, (err, attempt, delay) => {
            const code = err instanceof errors/* RemoteError */.Hi ? err.code || `HTTP ${err.status}` : 'error';
            this.opts.onRetry?.(code, attempt, delay);
            this.opts.onPending?.(`the ${delay} ms wait before attempt ${attempt + 1} of STS ${op} (after ${code})`);
        }, this.opts.random);
    }
}
function safeHost(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return '(invalid endpoint)';
    }
}
function need(v, field) {
    if (typeof v !== 'string' || v === '')
        throw new json/* PayloadError */.tG(`STS response: ${field} is missing`);
    return v;
}
function result(c, user, packed) {
    if (!c)
        throw new json/* PayloadError */.tG('STS response: Credentials is missing');
    const expiration = c.Expiration;
    if (!(expiration instanceof Date) || Number.isNaN(expiration.getTime()))
        throw new json/* PayloadError */.tG('STS response: Credentials.Expiration is not a date');
    return {
        credentials: {
            accessKeyId: need(c.AccessKeyId, 'Credentials.AccessKeyId'),
            secretAccessKey: need(c.SecretAccessKey, 'Credentials.SecretAccessKey'),
            sessionToken: need(c.SessionToken, 'Credentials.SessionToken'),
            expiration,
        },
        assumedRoleArn: need(user?.Arn, 'AssumedRoleUser.Arn'),
        assumedRoleId: need(user?.AssumedRoleId, 'AssumedRoleUser.AssumedRoleId'),
        ...(packed !== undefined ? { packedPolicySize: packed } : {}),
    };
}
/** Any failure of one SDK call as a RemoteError: code, status, and whether to retry. */
function toRemoteError(err, op, role) {
    const on = role ? ` for ${role.arn}` : '';
    if (err instanceof errors/* RemoteError */.Hi) {
        // a network failure from the transport
        return new errors/* RemoteError */.Hi(`STS ${op}${on} failed: ${err.message}`, { service: 'AWS STS', status: err.status, code: err.code, retryable: err.retryable });
    }
    if (err instanceof json/* PayloadError */.tG) {
        return new errors/* RemoteError */.Hi(`STS ${op}${on}: unexpected response (${err.message})`, { service: 'AWS STS', status: 200, retryable: false });
    }
    const e = (typeof err === 'object' && err !== null ? err : {});
    const rawName = typeof e.name === 'string' ? e.name : 'Error';
    const code = WIRE_CODE[rawName] ?? rawName;
    const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : 0;
    // only what the service said (a ServiceException has $fault): the SDK's own parse errors quote
    // the answer, which may hold the new credentials
    const message = status && typeof e.$fault !== 'string'
        ? 'the answer could not be read (a proxy may have cut or altered it)'
        : typeof e.message === 'string' && e.message
            ? e.message
            : 'no message';
    const retryable = RETRYABLE_CODES.has(code) || status === 429 || (status >= 500 && status !== 501);
    const where = status ? `${code} (HTTP ${status})` : code;
    return new errors/* RemoteError */.Hi(`STS ${op}${on} failed: ${where}`, { service: 'AWS STS', status, code, retryable, details: [message] });
}
/** special-characters-workaround: the characters configure-aws-credentials retries on. */
const SPECIAL = /[!@#$%^&*()_+\-=[\]{};':"\\|,.<>/?]/;
function hasSpecialCharacters(c) {
    return SPECIAL.test(c.accessKeyId) || SPECIAL.test(c.secretAccessKey);
}


/***/ }),

/***/ 3622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readClaims),
/* harmony export */   Q: () => (/* binding */ claimText)
/* harmony export */ });
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7961);
/**
 * Reads the non-secret claims of a JWT for error messages (iss, sub, aud, and named
 * claims). The token itself is never printed; claims are not verified here.
 */

function readClaims(jwt) {
    try {
        return (0,jose__WEBPACK_IMPORTED_MODULE_0__/* .decodeJwt */ .i)(jwt);
    }
    catch {
        return undefined;
    }
}
/** A claim as text for a message: strings as is, lists joined, others JSON. */
function claimText(claims, name) {
    const v = claims?.[name];
    if (v === undefined)
        return '(absent)';
    if (typeof v === 'string')
        return v;
    if (Array.isArray(v))
        return v.map(String).join(', ');
    return JSON.stringify(v);
}


/***/ }),

/***/ 8425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ CoreHttpHandler)
/* harmony export */ });
/* unused harmony export requestUrl */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The AWS SDK's transport, over the suite's one HTTP layer (core/http.ts): the same proxy
 * (HTTPS_PROXY / NO_PROXY, CONNECT tunnels), CA bundle and timeouts as every other call.
 * The SDK does not read proxy variables itself; this handler is how STS, IAM, Secrets Manager
 * and SSM calls honour them. No retries here (maxAttempts 1 in the clients): the callers retry
 * (sts.ts with a fresh token, the stores on throttling and 5xx).
 */

class CoreHttpHandler {
    http;
    metadata = { handlerProtocol: 'http/1.1' };
    constructor(http) {
        this.http = http;
    }
    async handle(request) {
        const res = await this.http.send(requestUrl(request), {
            method: request.method,
            headers: dropHopHeaders(request.headers),
            ...(request.body !== undefined && request.body !== null ? { body: bodyText(request.body) } : {}),
            retry: false,
        });
        return { response: { statusCode: res.status, headers: res.headers, body: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([Buffer.from(res.body, 'utf8')]) } };
    }
    updateHttpClientConfig() { }
    httpHandlerConfigs() {
        return {};
    }
    destroy() {
        void this.http.close();
    }
}
function requestUrl(r) {
    const port = r.port ? `:${r.port}` : '';
    const q = [];
    for (const [k, v] of Object.entries(r.query ?? {})) {
        if (v === null)
            q.push(enc(k));
        else
            for (const one of Array.isArray(v) ? v : [v])
                q.push(`${enc(k)}=${enc(one)}`);
    }
    const path = r.path.startsWith('/') ? r.path : `/${r.path}`;
    return `${r.protocol}//${r.hostname}${port}${path}${q.length ? `?${q.join('&')}` : ''}`;
}
function enc(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function dropHopHeaders(h) {
    const out = {};
    for (const [k, v] of Object.entries(h))
        if (!['connection', 'transfer-encoding', 'expect', 'keep-alive', 'upgrade'].includes(k.toLowerCase()))
            out[k] = v;
    return out;
}
function bodyText(body) {
    if (typeof body === 'string')
        return body;
    // a view, not Buffer.from(body): that calls valueOf(), which the SDK's JSON body adapter warns about
    if (body instanceof Uint8Array)
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    throw new TypeError('the AWS request body is not text (streamed bodies are not supported)');
}


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array, decodeBase64url, encodeAsciiMember, isJwkSet, parseJoseHeader, validateAlgorithms */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid)
/* harmony export */ });
/* unused harmony exports JOSEAlgNotAllowed, JOSEError, JWEDecryptionFailed, JWEInvalid, JWKInvalid, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout, JWSSignatureVerificationFailed, JWTClaimValidationFailed, JWTExpired */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};
