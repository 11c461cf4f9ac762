export const id = 799;
export const ids = [799];
export const modules = {

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

/***/ 742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ue: () => (/* binding */ awsRegion),
/* harmony export */   e3: () => (/* binding */ isRetryableAws),
/* harmony export */   es: () => (/* binding */ awsError),
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony exports awsCredentials, sdkError */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3871);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6153);
/* harmony import */ var _core_sdk_http_handler_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8425);
/**
 * What the Secrets Manager and SSM clients share: the official SDK client's configuration
 * (region, credentials, endpoint override, no SDK retries: ours take over), the transport over
 * core/http.ts that STS and IAM use too (core/sdk-http-handler.ts), and the SDK's errors turned into
 * RemoteErrors that name the id and say what to fix. Throttling, 429, 5xx and network errors
 * are transient; ResourceNotFound, AccessDenied and the rest are not.
 */




async function awsCredentials(ctx) {
    const c = ctx.aws?.credentials;
    if (!c) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('secrets', 'an aws-sm: or aws-ssm: line needs AWS credentials: run oidc-assume-role (or configure-aws-credentials) in an earlier step');
    }
    const creds = typeof c === 'function' ? await c() : c;
    return creds;
}
function awsRegion(ctx) {
    const r = ctx.aws?.region ?? '';
    if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/.test(r)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('aws-region', r ? `"${r.slice(0, 40)}" is not an AWS region` : 'an aws-sm: or aws-ssm: line needs a region: set aws-region (or AWS_REGION in the job)');
    }
    return r;
}
/** The base configuration of an SDK client pointed at `endpoint` (when given). */
async function clientConfig(ctx, http, endpoint) {
    const creds = await awsCredentials(ctx);
    return {
        region: awsRegion(ctx),
        credentials: {
            accessKeyId: creds.accessKeyId,
            secretAccessKey: creds.secretAccessKey,
            ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
        },
        maxAttempts: 1,
        requestHandler: new _core_sdk_http_handler_js__WEBPACK_IMPORTED_MODULE_2__/* .CoreHttpHandler */ .A(http),
        ...(endpoint ? { endpoint } : {}),
    };
}
const THROTTLING = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ProvisionedThroughputExceededException',
    'RequestThrottled',
    'RequestThrottledException',
]);
const CREDENTIALS = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'ExpiredTokenException',
    'ExpiredToken',
    'InvalidSignatureException',
    'IncompleteSignature',
    'SignatureDoesNotMatch',
    'MissingAuthenticationTokenException',
]);
/**
 * The SDK error's code, status and message (never a request or response body). Only an error
 * the service sent (a ServiceException: `$fault` set) keeps its message: the SDK's own
 * deserialization errors quote the answer (JSON.parse shows the characters around the fault,
 * which can be part of a secret value), so theirs is dropped and `unreadable` set.
 */
function sdkError(err) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(err) || err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi)
        return undefined;
    const meta = err['$metadata'];
    const status = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(meta) && typeof meta['httpStatusCode'] === 'number' ? meta['httpStatusCode'] : 0;
    const code = typeof err['name'] === 'string' ? err['name'] : 'Unknown';
    if (!status && !(0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(meta))
        return undefined;
    const fromService = typeof err['$fault'] === 'string';
    const message = fromService && typeof err['message'] === 'string' ? err['message'] : '';
    return { code, status, message, unreadable: !fromService };
}
/** Turns an SDK failure into a RemoteError (transient ones marked retryable). */
function awsError(err, c) {
    if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi || err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return err;
    const e = sdkError(err);
    if (!e)
        return err;
    const said = e.message ? [e.message.slice(0, 400)] : [];
    const base = { service: c.service, status: e.status, code: e.code, details: said };
    if (e.unreadable) {
        const transient = e.status === 429 || (e.status >= 500 && e.status !== 501);
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${c.line}: ${c.service} sent an answer for ${c.id} that could not be read (HTTP ${e.status}, ${e.code})`, {
            ...base,
            code: 'UnreadableResponse',
            retryable: transient,
            hint: 'a proxy or TLS-inspecting firewall between the runner and AWS may have cut or altered the answer',
        });
    }
    if (THROTTLING.has(e.code) || e.status === 429 || (e.status >= 500 && e.status !== 501)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${c.service} answered ${e.code} (HTTP ${e.status}) for ${c.id}`, { ...base, retryable: true });
    }
    if (c.notFound.includes(e.code)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${c.line}: ${c.service} in ${c.region} has no ${c.id} (${e.code})`, {
            ...base,
            code: 'NotFound',
            retryable: false,
            hint: 'check the name, the region and, for a secret shared from another account, use its full ARN',
        });
    }
    if (e.code === 'AccessDeniedException' || e.code === 'AccessDenied') {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${c.line}: ${c.service} denied access to ${c.id} (${e.code})`, {
            ...base,
            retryable: false,
            hint: `the job's role needs ${c.actions} on it`,
        });
    }
    if (CREDENTIALS.has(e.code)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`${c.service} rejected the job's AWS credentials (${e.code})`, {
            ...base,
            retryable: false,
            hint: 'run oidc-assume-role before this step, and check that the credentials have not expired',
        });
    }
    if (e.code === 'DecryptionFailure' || e.code === 'InvalidKeyId') {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${c.line}: ${c.service} could not decrypt ${c.id} (${e.code})`, {
            ...base,
            retryable: false,
            hint: "the job's role needs kms:Decrypt on the secret's KMS key, and the key must be enabled",
        });
    }
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${c.line}: ${c.service} refused ${c.id} (${e.code})`, { ...base, retryable: false });
}
function isRetryableAws(err) {
    return (0,_core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(err);
}


/***/ }),

/***/ 7799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsSsmStore: () => (/* binding */ awsSsmStore)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4736);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8516);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6117);
/* harmony import */ var _aws_sdk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(742);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3301);
/**
 * AWS Systems Manager Parameter Store through the official client (@aws-sdk/client-ssm):
 * GetParameter WithDecryption (SecureString decrypted; `name:3` or `name:label` pins a
 * version). Loaded only when a line needs it.
 */






const NOT_FOUND = ['ParameterNotFound', 'ParameterVersionNotFound'];
function awsSsmStore(ctx) {
    const http = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .makeHttp */ .fK)(ctx, 'SSM');
    const client = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .once */ .O)(async () => new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_5__/* .SSMClient */ .jBj(await (0,_aws_sdk_js__WEBPACK_IMPORTED_MODULE_3__/* .clientConfig */ .yO)(ctx, http, ctx.aws?.ssmEndpoint)));
    return {
        async fetch(sel) {
            const source = (0,_selector_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceOf */ .vz)(sel);
            const c = await client();
            return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)(ctx, `reading ${source}`, async () => {
                try {
                    const out = await c.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_5__/* .GetParameterCommand */ .lhy({ Name: sel.id, WithDecryption: true }));
                    const value = out.Parameter?.Value;
                    if (typeof value !== 'string')
                        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${sel.line}: SSM answered without a value for ${sel.id}`, { service: 'SSM', status: 200, retryable: false });
                    (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .arrived */ .K)(ctx, value, source);
                    const version = out.Parameter?.Version;
                    return [{ sel, value, source, ...(version !== undefined ? { version: String(version) } : {}) }];
                }
                catch (err) {
                    throw (0,_aws_sdk_js__WEBPACK_IMPORTED_MODULE_3__/* .awsError */ .es)(err, {
                        service: 'SSM',
                        line: sel.line,
                        id: sel.id,
                        region: (0,_aws_sdk_js__WEBPACK_IMPORTED_MODULE_3__/* .awsRegion */ .Ue)(ctx),
                        actions: 'ssm:GetParameter (and kms:Decrypt for a SecureString with a customer-managed key)',
                        notFound: NOT_FOUND,
                    });
                }
            }, _aws_sdk_js__WEBPACK_IMPORTED_MODULE_3__/* .isRetryableAws */ .e3);
        },
        async close() {
            await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .closeQuietly */ .EO)(http);
        },
    };
}


/***/ }),

/***/ 6117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ arrived),
/* harmony export */   O: () => (/* binding */ once)
/* harmony export */ });
/* harmony import */ var _core_mask_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9239);
/* harmony import */ var _secrets_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7160);


/** Registers a value that just arrived (and each JSON leaf long enough to mask). */
function arrived(ctx, value, what) {
    ctx.secret(value, what);
    if (/^\s*[[{]/.test(value)) {
        try {
            const parsed = JSON.parse(value);
            for (const leaf of (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .leaves */ .FQ)(parsed))
                if (leaf.trim().length >= _core_mask_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SECRET_LENGTH */ .vb)
                    ctx.secret(leaf, `a field of ${what}`);
        }
        catch {
            // not JSON: the whole value is registered already
        }
    }
}
/** A once-only async value (a token exchange shared by every secret of a store). */
function once(fn) {
    let p;
    return () => (p ??= fn());
}


/***/ }),

/***/ 8516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ RetryAfter),
/* harmony export */   EO: () => (/* binding */ closeQuietly),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   fK: () => (/* binding */ makeHttp),
/* harmony export */   fO: () => (/* binding */ transientStatus)
/* harmony export */ });
/* unused harmony exports MAX_RETRY_AFTER_MS, policyOf */
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2257);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3871);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7253);
/**
 * The HTTP every REST store client shares: one HttpClient built from the caller's options, a
 * retry loop over core/retry.ts that honours Retry-After, one request with its body parsed.
 */




/** Longest Retry-After we wait for (longer ones fall back to our own backoff). */
const MAX_RETRY_AFTER_MS = 60_000;
function makeHttp(ctx, service) {
    const h = ctx.http ?? {};
    return new _core_http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq({
        service,
        ...(h.proxy ? { proxy: h.proxy } : {}),
        ...(h.tls ? { tls: h.tls } : {}),
        ...(h.timeoutMs !== undefined ? { timeoutMs: h.timeoutMs } : {}),
        ...(h.clock ? { clock: h.clock } : {}),
        ...(h.tlsHint ? { tlsHint: h.tlsHint } : {}),
        // we retry above the HTTP layer, so every exchange attempt can take a fresh OIDC token
        retry: { ..._core_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultRetryPolicy */ .ur, maxAttempts: 1 },
    });
}
function policyOf(ctx) {
    return ctx.http?.retry ?? _core_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultRetryPolicy */ .ur;
}
/** A RemoteError that asks for a wait before the next attempt (429/503 with Retry-After). */
class RetryAfter extends _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi {
    waitMs;
    constructor(message, waitMs, init) {
        super(message, init);
        this.waitMs = waitMs;
    }
}
/** Retry-After as ms (seconds or an HTTP date); undefined when absent or unusable. */
function retryAfterMs(header, now) {
    if (!header)
        return undefined;
    const v = header.trim();
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}
/** Runs `fn` with the caller's retry policy; transient failures only; Retry-After honoured. */
async function retrying(ctx, what, fn, retryable = _core_http_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg) {
    const clock = ctx.http?.clock ?? _core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    let wait = 0;
    return (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(async ({ attempt }) => {
        if (wait > 0) {
            await clock.sleep(wait);
            wait = 0;
        }
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (err instanceof RetryAfter && err.waitMs <= MAX_RETRY_AFTER_MS)
                wait = err.waitMs;
            throw err;
        }
    }, retryable, policyOf(ctx), clock, (err, attempt, delay) => ctx.debug?.(`${what}: attempt ${attempt} failed (${err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi ? `${err.status || ''} ${err.code}`.trim() : 'network error'}), retrying in ${delay + wait} ms`), ctx.http?.random);
}
/** Statuses worth another attempt (429 and 5xx except 501). */
function transientStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status !== 501);
}
/** One request (no HTTP-level retry); the body parsed as JSON when it is JSON, else undefined. */
async function call(http, url, req = {}) {
    const res = await http.send(url, { ...req, retry: false });
    let body;
    try {
        body = res.body.trim() ? JSON.parse(res.body) : undefined;
    }
    catch {
        body = undefined;
    }
    return { status: res.status, headers: res.headers, body };
}
async function closeQuietly(http) {
    try {
        await http.close();
    }
    catch {
        // already closed
    }
}


/***/ })

};
