export const id = 196;
export const ids = [196];
export const modules = {

/***/ 6117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ arrived),
/* harmony export */   O: () => (/* binding */ once)
/* harmony export */ });
/* harmony import */ var _core_mask_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5214);
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

/***/ 5372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ diagnoseGcpExchange),
/* harmony export */   j6: () => (/* binding */ diagnoseGcpImpersonation),
/* harmony export */   pW: () => (/* binding */ diagnoseAzureExchange)
/* harmony export */ });
/* unused harmony exports tokenFacts, poolOf */
/* harmony import */ var _core_jwt_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6858);
/**
 * A refused token exchange explained from the OIDC token's non-secret claims: what the token
 * says (iss, sub, aud, and the claims trust conditions usually test) and what the GCP
 * provider or the Entra federated credential must say to accept it. The token is never shown.
 */

/** The claims a message may show. */
function tokenFacts(claims) {
    if (!claims)
        return 'the OIDC token could not be decoded';
    const parts = [`iss "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'iss')}"`, `sub "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'sub')}"`, `aud "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'aud')}"`];
    for (const extra of ['repository_owner', 'repository', 'namespace_path', 'project_path']) {
        if (claims[extra] !== undefined)
            parts.push(`${extra} "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, extra)}"`);
    }
    return `the OIDC token has ${parts.join(', ')}`;
}
function ownerCondition(claims) {
    if (claims?.['repository_owner'] !== undefined)
        return `assertion.repository_owner == '${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'repository_owner')}'`;
    if (claims?.['namespace_path'] !== undefined)
        return `assertion.namespace_path == '${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'namespace_path')}'`;
    return `assertion.sub == '${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(claims, 'sub')}'`;
}
/** The pool part of a provider name, for the principal an impersonation binding names. */
function poolOf(provider) {
    return provider.replace(/\/providers\/[^/]+$/, '');
}
/** GCP STS refused the token (invalid_grant, unauthorized_client, invalid_target, invalid_request). */
function diagnoseGcpExchange(jwt, provider, error) {
    const c = (0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .readClaims */ .I)(jwt);
    const facts = tokenFacts(c);
    const aud = (0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'aud');
    const audOk = aud === `https://iam.googleapis.com/${provider}` || aud === `//iam.googleapis.com/${provider}`;
    const lines = [facts];
    if (error === 'invalid_target' || error === 'invalid_request') {
        lines.push(`check workload_identity_provider: it must be the full provider name "projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER" of an enabled provider (got "${provider}")`);
    }
    else if (error === 'unauthorized_client') {
        lines.push(`the provider's attribute condition rejected the token: it must accept these claims, e.g. ${ownerCondition(c)}`);
    }
    else {
        lines.push(`the provider must have issuer_uri "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'iss')}" (exactly)`);
        lines.push(audOk
            ? "the audience is the provider's default, accepted when allowedAudiences is empty"
            : `allowedAudiences must include "${aud}" (or leave the audience input empty to use https://iam.googleapis.com/${provider})`);
        lines.push('and the token must not be expired');
    }
    lines.push(`the attribute mapping should map google.subject=assertion.sub, and the condition should pin the owner, e.g. ${ownerCondition(c)}`);
    return lines.join('; ');
}
/** IAM Credentials refused generateAccessToken for the service account. */
function diagnoseGcpImpersonation(jwt, provider, serviceAccount) {
    const c = (0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .readClaims */ .I)(jwt);
    const principal = `principal://iam.googleapis.com/${poolOf(provider)}/subject/${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'sub')}`;
    return (`${tokenFacts(c)}; grant roles/iam.workloadIdentityUser on ${serviceAccount} to ${principal} ` +
        `(or to a principalSet:// of the pool's attribute, e.g. attribute.repository); the same refusal comes back when the service account does not exist`);
}
const AAD_HINTS = {
    70021: 'no federated credential of the app matches the token',
    700211: 'no federated credential of the app has this issuer',
    700212: 'no federated credential of the app has this audience',
    700213: 'no federated credential of the app has this subject',
    700016: 'no application with this client id exists in the tenant: check client-id and tenant-id',
    700024: 'the OIDC token is outside its validity window (expired, or the clocks disagree)',
    90061: "Entra could not fetch the issuer's discovery document or keys: the issuer must be reachable from the internet",
};
/** Entra ID refused the client assertion. */
function diagnoseAzureExchange(jwt, clientId, tenantId, codes) {
    const c = (0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .readClaims */ .I)(jwt);
    const known = codes.map((n) => AAD_HINTS[n]).filter((s) => s !== undefined);
    const lines = [...known, tokenFacts(c)];
    if (!codes.includes(700016)) {
        lines.push(`the app registration (or managed identity) ${clientId} in tenant ${tenantId} needs a federated credential with ` +
            `issuer "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'iss')}" (exactly, trailing slash included), subject "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'sub')}" (exactly, case included) and audience "${(0,_core_jwt_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q)(c, 'aud')}"`);
    }
    return lines.join('; ');
}


/***/ }),

/***/ 1517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   YM: () => (/* binding */ oauthError),
/* harmony export */   j3: () => (/* binding */ envelopeError)
/* harmony export */ });
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6153);
/** The error bodies of Google's and Microsoft's token and secret services, read without trusting their shape. */

/** An OAuth-style error body: {error, error_description, error_codes}. */
function oauthError(body) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body))
        return { error: '', description: '', codes: [] };
    const codes = Array.isArray(body['error_codes']) ? body['error_codes'].filter((c) => typeof c === 'number') : [];
    return {
        error: typeof body['error'] === 'string' ? body['error'] : '',
        description: typeof body['error_description'] === 'string' ? body['error_description'] : '',
        codes,
    };
}
/** A Google / Azure error envelope: {error: {code, message, status}}. */
function envelopeError(body) {
    const e = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? body['error'] : undefined;
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e))
        return { code: '', message: '', inner: '' };
    const inner = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e['innererror']) ? e['innererror'] : (0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e['innerError']) ? e['innerError'] : undefined;
    const code = typeof e['status'] === 'string' ? e['status'] : typeof e['code'] === 'string' ? e['code'] : '';
    return {
        code,
        message: typeof e['message'] === 'string' ? e['message'] : '',
        inner: inner && typeof inner['code'] === 'string' ? inner['code'] : '',
    };
}
/** First line of a service message, trimmed (Entra appends trace and correlation ids). */
function firstLine(s, max = 300) {
    return (s.split(/\r?\n/)[0] ?? '').trim().slice(0, max);
}


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GCP_SCOPE: () => (/* binding */ GCP_SCOPE),
/* harmony export */   gcpStore: () => (/* binding */ gcpStore)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6153);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8516);
/* harmony import */ var _error_bodies_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1517);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6117);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5372);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3301);
/**
 * GCP Secret Manager through Workload Identity Federation, over the documented REST APIs
 * (wire-facts-stores §5-§8), as google-github-actions/auth and get-secretmanager-secrets do:
 *   1. the CI's OIDC token -> STS token exchange (RFC 8693) -> a federated access token;
 *   2. optionally IAM Credentials generateAccessToken -> a service account's access token;
 *   3. GET .../versions/V:access with the bearer token -> base64 payload.
 * The exchange runs once per fetch and is retried (transient failures only) with a fresh
 * OIDC token per attempt. Every token is registered as a secret the moment it arrives.
 */







const GCP_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const PROVIDER_RE = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
const SA_RE = /^[^@\s/]+@[^@\s/]+$/;
function endpoint(v, dflt) {
    return (v ?? dflt).replace(/\/+$/, '');
}
function gcpStore(ctx) {
    const g = ctx.gcp;
    if (!g || !g.workloadIdentityProvider) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('workload_identity_provider', 'a gcp-sm: line needs the Workload Identity Federation provider: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER');
    }
    const provider = g.workloadIdentityProvider.replace(/^(https:)?\/\/iam\.googleapis\.com\//, '');
    if (!PROVIDER_RE.test(provider)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('workload_identity_provider', `"${provider.slice(0, 120)}" is not a provider name: write projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id)`);
    }
    if (g.serviceAccount !== undefined && !SA_RE.test(g.serviceAccount))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('service_account', `"${g.serviceAccount.slice(0, 80)}" is not a service account e-mail`);
    const sts = endpoint(g.stsEndpoint, 'https://sts.googleapis.com');
    const iam = endpoint(g.iamCredentialsEndpoint, 'https://iamcredentials.googleapis.com');
    const sm = endpoint(g.secretManagerEndpoint, 'https://secretmanager.googleapis.com');
    const audience = g.audience || `https://iam.googleapis.com/${provider}`;
    const http = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .makeHttp */ .fK)(ctx, 'GCP');
    const federated = async () => (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)(ctx, 'GCP STS token exchange', async () => {
        const jwt = await ctx.idToken(audience);
        ctx.secret(jwt, 'the OIDC token');
        const form = new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${provider}`,
            scope: GCP_SCOPE,
            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            subject_token: jwt,
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        });
        const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(http, `${sts}/v1/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: form.toString(),
        });
        if (res.status === 200) {
            const token = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)((0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)(res.body, 'STS answer')['access_token'], 'STS answer access_token');
            ctx.secret(token, 'the GCP federated access token');
            return { token, jwt };
        }
        const e = (0,_error_bodies_js__WEBPACK_IMPORTED_MODULE_6__/* .oauthError */ .YM)(res.body);
        const said = e.error ? [`${e.error}: ${e.description}`.slice(0, 400)] : [];
        if ((0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .transientStatus */ .fO)(res.status))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`GCP STS answered HTTP ${res.status}`, { service: 'GCP STS', status: res.status, code: e.error, retryable: true, details: said });
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`GCP STS refused the OIDC token for provider ${provider} (HTTP ${res.status})`, {
            service: 'GCP STS',
            status: res.status,
            code: e.error || 'refused',
            retryable: false,
            details: said,
            hint: (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_3__/* .diagnoseGcpExchange */ .GO)(jwt, provider, e.error),
        });
    });
    const accessToken = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .once */ .O)(async () => {
        const fed = await federated();
        const sa = g.serviceAccount;
        if (!sa)
            return fed.token;
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)(ctx, 'GCP service account impersonation', async () => {
            const url = `${iam}/v1/projects/-/serviceAccounts/${encodeURIComponent(sa)}:generateAccessToken`;
            const body = JSON.stringify({ scope: [GCP_SCOPE], lifetime: `${g.tokenLifetimeSeconds ?? 3600}s` });
            const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(http, url, { method: 'POST', headers: { authorization: `Bearer ${fed.token}`, 'content-type': 'application/json' }, body });
            if (res.status === 200) {
                const token = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)((0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)(res.body, 'generateAccessToken answer')['accessToken'], 'generateAccessToken answer accessToken');
                ctx.secret(token, `the access token of ${sa}`);
                return token;
            }
            const e = (0,_error_bodies_js__WEBPACK_IMPORTED_MODULE_6__/* .envelopeError */ .j3)(res.body);
            const said = e.message ? [e.message.slice(0, 400)] : [];
            if ((0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .transientStatus */ .fO)(res.status))
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`IAM Credentials answered HTTP ${res.status}`, {
                    service: 'GCP IAM',
                    status: res.status,
                    code: e.code,
                    retryable: true,
                    details: said,
                });
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`GCP refused to impersonate ${sa} (HTTP ${res.status} ${e.code})`, {
                service: 'GCP IAM',
                status: res.status,
                code: e.code || 'refused',
                retryable: false,
                details: said,
                ...(res.status === 403 || res.status === 404 ? { hint: (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_3__/* .diagnoseGcpImpersonation */ .j6)(fed.jwt, provider, sa) } : {}),
            });
        });
    });
    const principal = () => g.serviceAccount ?? `the federated principal of ${provider}`;
    return {
        async fetch(sel) {
            const source = (0,_selector_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceOf */ .vz)(sel);
            const token = await accessToken();
            return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)(ctx, `reading ${source}`, async () => {
                const res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .call */ .T1)(http, `${sm}/v1/${sel.id}:access`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
                if (res.status === 200) {
                    const body = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)(res.body, 'Secret Manager answer');
                    const payload = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)(body['payload'], 'Secret Manager answer payload');
                    const value = Buffer.from((0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(payload['data'], 'Secret Manager answer payload.data'), 'base64').toString('utf8');
                    (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .arrived */ .K)(ctx, value, source);
                    const name = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .optStr */ .VK)(body['name'], 'Secret Manager answer name') ?? sel.id;
                    const version = /\/versions\/([^/]+)$/.exec(name)?.[1];
                    return [{ sel, value, source, ...(version ? { version } : {}) }];
                }
                const e = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .Gv)(res.body) ? (0,_error_bodies_js__WEBPACK_IMPORTED_MODULE_6__/* .envelopeError */ .j3)(res.body) : { code: '', message: '', inner: '' };
                const said = e.message ? [e.message.slice(0, 400)] : [];
                if ((0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .transientStatus */ .fO)(res.status)) {
                    const init = { service: 'GCP Secret Manager', status: res.status, code: e.code, retryable: true, details: said };
                    const wait = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(res.headers['retry-after'], Date.now());
                    throw wait !== undefined
                        ? new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryAfter */ .Bs(`Secret Manager answered HTTP ${res.status}`, wait, init)
                        : new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`Secret Manager answered HTTP ${res.status}`, init);
                }
                if (res.status === 404) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${sel.line}: GCP Secret Manager has no ${sel.id}`, {
                        service: 'GCP Secret Manager',
                        status: 404,
                        code: 'NotFound',
                        retryable: false,
                        details: said,
                    });
                }
                if (res.status === 403) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${sel.line}: GCP denied access to ${sel.id}`, {
                        service: 'GCP Secret Manager',
                        status: 403,
                        code: e.code || 'PERMISSION_DENIED',
                        retryable: false,
                        details: said,
                        hint: `grant roles/secretmanager.secretAccessor on the secret to ${principal()}; GCP gives the same answer when the secret does not exist`,
                    });
                }
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`line ${sel.line}: GCP Secret Manager refused ${sel.id} (HTTP ${res.status} ${e.code})`, {
                    service: 'GCP Secret Manager',
                    status: res.status,
                    code: e.code,
                    retryable: false,
                    details: said,
                });
            });
        },
        close: () => (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .closeQuietly */ .EO)(http),
    };
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
