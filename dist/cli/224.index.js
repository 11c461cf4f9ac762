export const id = 224;
export const ids = [224];
export const modules = {

/***/ 487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readPem),
/* harmony export */   N: () => (/* binding */ readCa)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/**
 * PEM inputs (CA certificates, client certificates and keys, signing keys): "PEM content or a
 * path", one reader for every action. Errors name the input, never the content.
 */



const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
function errorCode(err) {
    return typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
}
/**
 * The PEM text of `input`: given inline, as the path of a PEM file, or (with `base64`) as
 * base64 of the PEM. A value that is none of these is a UserError naming `input`.
 */
function readPem(raw, input, opts = {}) {
    const v = raw.trim();
    let pem;
    if (opts.base64 ? v.startsWith('-----BEGIN') : v.includes('-----BEGIN')) {
        pem = `${v}\n`;
    }
    else {
        const path = opts.dir !== undefined && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(v) ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.dir, v) : v;
        let text;
        let code = '';
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
        }
        catch (err) {
            code = errorCode(err);
        }
        if (text !== undefined) {
            if (opts.base64 && !text.includes('-----BEGIN'))
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(input, `the file "${v}" holds no PEM block`);
            pem = text;
        }
        else if (opts.base64) {
            const decoded = /^[A-Za-z0-9+/=\s]+$/.test(v) ? Buffer.from(v, 'base64').toString('utf8') : '';
            if (!decoded.includes('-----BEGIN'))
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(input, 'expected PEM content (-----BEGIN ...), the path of an existing PEM file, or base64 of a PEM');
            pem = decoded;
        }
        else {
            // a path is at most a few KiB: a longer value is not one, and is not echoed whole
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(input, `cannot read the CA file ${path.slice(0, 4096)} (${code}); give PEM text or the path of a PEM file`);
        }
    }
    if (opts.certificate && !CERTIFICATE.test(pem)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(input, `${input} holds no PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)`);
    }
    return pem;
}
/** oidc-assume-role's ca-certificate: a CA bundle, PEM text or a path relative to the workspace. */
function readCa(raw, workspace) {
    return readPem(raw, 'ca-certificate', { dir: workspace, certificate: true });
}


/***/ }),

/***/ 5224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R9: () => (/* binding */ loginCaps),
/* harmony export */   Rp: () => (/* binding */ readVaultConnection),
/* harmony export */   SK: () => (/* binding */ checkToken),
/* harmony export */   oD: () => (/* binding */ parseRequestTimeoutMs),
/* harmony export */   tS: () => (/* binding */ parseStepTimeout),
/* harmony export */   tx: () => (/* binding */ clientCaps),
/* harmony export */   wz: () => (/* binding */ readVaultLogin),
/* harmony export */   zn: () => (/* binding */ vaultInput)
/* harmony export */ });
/* unused harmony exports parseExtraHeaders, parseAuthPayload */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6153);
/* harmony import */ var _core_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1896);
/* harmony import */ var _vault_auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3417);
/* harmony import */ var _vault_login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9777);
/* harmony import */ var _vault_self_jwt_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4532);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(487);
/* harmony import */ var _vault_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(639);
/**
 * The Vault connection and login inputs, read into typed options: readVaultConnection (url,
 * namespace, TLS, retry, extra-headers, request-timeout) and readVaultLogin (those, plus the
 * method and its inputs, or a given token). Every input is checked, and every secret among them
 * registered with the masker, before any network call; every error names its input, never a
 * value. vault/login.ts logs in from the options and never sees the Runner.
 */








/**
 * An input, or its vault-action camelCase alias when that is given. vault-login and fetch-secrets
 * resolve aliases for every input through actions/aliases.ts; this is for code reached
 * without that wrapper.
 */
function vaultInput(r, name) {
    for (const alias of _vault_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .VAULT_ACTION_ALIASES */ .Tl[name] ?? []) {
        const a = r.input(alias);
        if (a.trim())
            return a;
    }
    return r.input(name);
}
/** What vault/login.ts's login needs of the step: the OIDC token, the masker, debug and info lines. */
function loginCaps(r) {
    return { idToken: (aud) => r.idToken(aud), secret: (v, what) => r.secret(v, what), debug: (m) => r.debug(m), info: (m) => r.info(m) };
}
/** What vault/login.ts's vaultClient needs of the step: the proxy settings (read now) and info lines. */
function clientCaps(r) {
    return { proxy: r.proxy(), info: (m) => r.info(m) };
}
/** The longest step: GitHub ends a job after 6 hours. */
const MAX_STEP_S = 6 * 3600;
/**
 * Seconds of the `timeout` input (vault-login, fetch-secrets and its cloud stores): above zero
 * (at least 1 ms) and at most 6h. 0 is refused, never read as "no limit" nor as "fail at once".
 */
function parseStepTimeout(raw, dflt) {
    const v = raw.trim();
    if (!v)
        return dflt;
    const s = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(v, 'timeout');
    if (!(Math.round(s * 1000) >= 1))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('timeout', `expected a duration above zero such as 90s or 5m (at most 6h), got "${v.slice(0, 20)}"`);
    if (s > MAX_STEP_S)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('timeout', 'expected at most 6h (GitHub ends a job after 6 hours)');
    return s;
}
/** Milliseconds of `request-timeout` (each request attempt): above zero, at most 6h. */
function parseRequestTimeoutMs(raw, dflt) {
    const v = raw.trim();
    if (!v)
        return dflt;
    const ms = Math.round((0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(v, 'request-timeout') * 1000);
    if (!(ms >= 1))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('request-timeout', `expected a duration above zero such as 30s, got "${v.slice(0, 20)}"`);
    if (ms > MAX_STEP_S * 1000)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('request-timeout', 'expected at most 6h');
    return ms;
}
/**
 * A Vault token as given (the token input or VAULT_TOKEN): surrounding whitespace is trimmed
 * (`echo` into a file leaves a newline, Windows a CR); a space, line break, control or
 * non-ASCII character inside, or only whitespace, is a UserError naming `input`: no Vault token
 * has one, and an HTTP header cannot carry most. '' when nothing is given. Never quotes the token.
 */
function checkToken(raw, input) {
    const t = raw.trim();
    if (!t) {
        if (raw)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(input, `${input} holds only whitespace: give the token itself, or leave it unset`);
        return '';
    }
    const bad = /[^\x21-\x7e]/.exec(t)?.[0] ?? '';
    if (bad) {
        const what = bad === '\n' || bad === '\r'
            ? 'a line break'
            : bad === ' ' || bad === '\t'
                ? 'a space'
                : bad < ' ' || bad === '\x7f'
                    ? 'a control character'
                    : 'a non-ASCII character';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(input, `${input} holds ${what} inside (a Vault token is one word of printable ASCII): was it read from a file of several lines, or with Windows line endings? The token is not shown`);
    }
    return t;
}
/** `namespace` goes in the X-Vault-Namespace header: no line break, control or non-latin1 character. */
function checkNamespace(ns) {
    if (/[^\t\x20-\x7e\x80-\xff]/.test(ns))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('namespace', 'the namespace holds a line break, a control character or a character an HTTP header cannot carry');
    return ns;
}
/** Headers we set ourselves; a duplicate would confuse Vault or leak the intent of the input. */
const RESERVED = new Set([
    'x-vault-token',
    'x-vault-namespace',
    'x-vault-request',
    'content-type',
    'content-length',
    'host',
    'authorization',
    'transfer-encoding',
    'connection',
]);
/** Response wrapping would hide every answer (token, secrets) behind a wrapping token the actions never unwrap. */
const WRAP = 'x-vault-wrap-ttl';
/** What an HTTP header value cannot carry (RFC 9110 field-vchar, obs-text, SP and HTAB are fine): undici's own rule. */
const HEADER_VALUE_BAD = /[^\t\x20-\x7e\x80-\xff]/;
/**
 * extra-headers (vault-action's extraHeaders): "Name: value" per line, sent on every Vault
 * request; a repeated name joins its values with ", " (as vault-action does). A name that is not
 * an HTTP token, or a value with a character HTTP cannot carry (CR, NUL, another control
 * character but tab, anything outside latin1), is a UserError naming the line and the header,
 * never the value.
 */
function parseExtraHeaders(raw) {
    const out = {};
    raw.split(/\r?\n/).forEach((line, i) => {
        const t = line.trim();
        if (!t)
            return;
        const colon = t.indexOf(':');
        const name = colon > 0 ? t.slice(0, colon).trim().toLowerCase() : '';
        if (!name)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name`);
        // the name is not quoted: a line without its colon where the writer meant one could hold a value
        if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('extra-headers', `line ${i + 1}: expected "Name: value" with a valid header name (letters, digits and !#$%&'*+.^_\`|~- only, no space)`);
        if (RESERVED.has(name)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('extra-headers', `line ${i + 1}: the ${name} header is set by the action itself${name === 'x-vault-token' ? ' (give the token in the token input)' : name === 'x-vault-namespace' ? ' (use the namespace input)' : ''}`);
        }
        if (name === WRAP)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('extra-headers', `line ${i + 1}: ${WRAP} (response wrapping) is not supported: the actions read the answers themselves and never unwrap them`);
        const value = t.slice(colon + 1).trim();
        const bad = HEADER_VALUE_BAD.exec(value)?.[0];
        if (bad !== undefined) {
            const what = bad === '\r'
                ? 'a carriage return (CR)'
                : bad === '\0'
                    ? 'a NUL'
                    : bad <= '\x7f'
                        ? 'a control character (only tab is allowed)'
                        : 'a character outside ISO-8859-1 (latin1)';
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('extra-headers', `line ${i + 1}: the value of the ${name} header holds ${what}, which an HTTP header cannot carry; percent- or base64-encode it (the value is not shown)`);
        }
        out[name] = out[name] !== undefined ? `${out[name]}, ${value}` : value;
    });
    return out;
}
/** auth-payload (vault-action's authPayload): the JSON login body of another auth method; every string in it is registered as a secret first. */
function parseAuthPayload(raw, secret) {
    const text = raw.trim();
    secret(text);
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('auth-payload', 'expected a JSON object, e.g. {"role": "ci", "password": "..."} (the content is not shown)');
    }
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .Gv)(v))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('auth-payload', 'expected a JSON object (the login body), not an array or a single value');
    const walk = (x) => {
        if (typeof x === 'string')
            secret(x);
        else if (Array.isArray(x))
            x.forEach(walk);
        else if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .Gv)(x))
            Object.values(x).forEach(walk);
    };
    walk(v);
    return v;
}
/** url, namespace, TLS, retry, extra-headers and request-timeout (and VAULT_ADDR / VAULT_NAMESPACE). Throws before any network call. */
function readVaultConnection(r, pending = new Set()) {
    const url = (r.input('url') || r.env('VAULT_ADDR') || '').trim();
    if (!url)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('url', 'the Vault address is required: set the url input or the VAULT_ADDR environment variable');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('url', 'expected an http(s) URL such as https://vault.example.com:8200');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('url', `expected an http(s) URL, got a ${parsed.protocol} URL`);
    if (parsed.username || parsed.password)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('url', 'the Vault URL must not carry credentials');
    const namespace = checkNamespace((r.input('namespace') || r.env('VAULT_NAMESPACE') || '').trim().replace(/^\/+|\/+$/g, ''));
    const tls = {};
    const ca = r.input('ca-certificate');
    if (ca.trim())
        tls.ca = (0,_pem_js__WEBPACK_IMPORTED_MODULE_5__/* .readPem */ .J)(ca, 'ca-certificate', { base64: true });
    const cert = r.input('client-certificate');
    const key = r.input('client-key');
    if (cert.trim() || key.trim()) {
        if (!cert.trim() || !key.trim())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(cert.trim() ? 'client-key' : 'client-certificate', 'client-certificate and client-key must be given together');
        tls.cert = (0,_pem_js__WEBPACK_IMPORTED_MODULE_5__/* .readPem */ .J)(cert, 'client-certificate', { base64: true });
        tls.key = (0,_pem_js__WEBPACK_IMPORTED_MODULE_5__/* .readPem */ .J)(key, 'client-key', { base64: true });
        r.secret(tls.key, 'client-key');
    }
    if ((0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(r.input('tls-skip-verify'), 'tls-skip-verify', false)) {
        tls.rejectUnauthorized = false;
        r.warning("tls-skip-verify is on: Vault's TLS certificate is NOT verified, so anyone on the network path can impersonate Vault and read the token. Use ca-certificate instead.", { title: 'Insecure TLS' });
    }
    const maxAttempts = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIntIn */ .yt)(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
    const delayRaw = r.input('retry-initial-delay').trim();
    const baseDelayMs = delayRaw ? Math.round((0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(delayRaw, 'retry-initial-delay') * 1000) : 500;
    const headers = parseExtraHeaders(r.input('extra-headers'));
    for (const v of Object.values(headers))
        r.secret(v, 'an extra-headers value');
    const timeoutMs = parseRequestTimeoutMs(r.input('request-timeout'), 30_000);
    return {
        url: url.replace(/\/+$/, ''),
        namespace,
        tls,
        headers,
        timeoutMs,
        pending,
        retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: 300_000 },
    };
}
/**
 * The connection and the login from the inputs: the `token` input (or VAULT_TOKEN) is used as is;
 * otherwise a login with `method` and its inputs. Every input is validated (and every secret
 * registered) first; the runner's proxy settings are read last, as the client is made.
 */
function readVaultLogin(r, opts = {}) {
    const connection = readVaultConnection(r, opts.pending);
    const methodRaw = (r.input('method') || 'jwt').trim().toLowerCase();
    const payloadRaw = r.input('auth-payload');
    if (!(0,_vault_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .isKnownMethod */ .dA)(methodRaw)) {
        if (!/^[a-z0-9][a-z0-9_.-]*$/.test(methodRaw))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('method', `"${methodRaw.slice(0, 30)}" is not an auth method name`);
        if (!payloadRaw.trim())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('method', `expected one of ${_vault_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .LOGIN_METHODS */ .dd.join(', ')}, or another auth method ("${methodRaw.slice(0, 30)}") with its login body in the auth-payload input`);
    }
    let method = methodRaw;
    const given = checkToken(r.input('token'), 'token');
    let token = given;
    if (!token && (method === 'token' || opts.useEnvToken))
        token = checkToken(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
    if (token)
        method = 'token';
    if (method === 'token' && !token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('token', 'method token needs the token input (or VAULT_TOKEN)');
    if (token)
        r.secret(token, given ? 'token' : 'VAULT_TOKEN');
    const role = r.input('role').trim();
    if (method === 'token')
        return { connection, token, method, role, proxy: r.proxy() };
    const params = loginParams(r, method, connection, payloadRaw);
    return { connection, token, method, role, params, proxy: r.proxy() };
}
/** Every login input of a method, checked (and its secrets registered) before any network call. */
function loginParams(r, method, connection, payloadRaw) {
    const mount = (r.input('path').trim() || method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
    const role = r.input('role').trim();
    const audience = r.input('audience').trim() || (0,_vault_login_js__WEBPACK_IMPORTED_MODULE_3__/* .urlOrigin */ .OG)(connection.url);
    const p = { method, mount, role, audience };
    const need = (input, what) => {
        const v = r.input(input).trim();
        if (!v)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(input, `method ${method} needs ${what}`);
        return v;
    };
    if (method === 'approle') {
        p.roleId = need('role-id', 'the role-id input');
        const secretId = r.input('secret-id').trim();
        if (secretId) {
            r.secret(secretId, 'secret-id');
            p.secretId = secretId;
        }
    }
    else if (method === 'kubernetes') {
        need('role', 'the role input');
        p.kubernetesTokenPath = r.input('kubernetes-token-path').trim() || _vault_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_K8S_TOKEN_PATH */ .tp;
    }
    else if (method === 'github') {
        const t = need('github-token', 'a GitHub token with read:org in the github-token input');
        r.secret(t, 'github-token');
        p.githubToken = t;
    }
    else if (method === 'userpass' || method === 'ldap') {
        const user = need('username', 'the username input');
        if (user.includes('/'))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('username', 'a user name cannot contain "/"');
        const pass = r.input('password');
        if (!pass)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('password', `method ${method} needs the password input`);
        r.secret(pass, 'password');
        p.username = user;
        p.password = pass;
    }
    else if (method === 'cert') {
        if (!connection.tls.cert)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('client-certificate', 'method cert logs in with the TLS client certificate: give client-certificate and client-key');
    }
    else if (method === 'jwt') {
        const keyRaw = r.input('jwt-private-key');
        if (keyRaw.trim()) {
            r.secret(keyRaw.trim(), 'jwt-private-key');
            const pem = (0,_pem_js__WEBPACK_IMPORTED_MODULE_5__/* .readPem */ .J)(keyRaw, 'jwt-private-key', { base64: true });
            r.secret(pem, 'jwt-private-key');
            const password = r.input('jwt-key-password');
            if (password)
                r.secret(password, 'jwt-key-password');
            const { key, alg } = (0,_vault_self_jwt_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSigningKey */ .f)(pem, password);
            const ttl = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIntIn */ .yt)(r.input('jwt-ttl'), 'jwt-ttl', 3600, 1, 31_536_000);
            const ctx = r.context();
            const claims = {
                event: ctx.eventName,
                workflow: r.env('GITHUB_WORKFLOW') ?? '',
                sha: ctx.sha,
                actor: ctx.actor,
                repository: ctx.repository,
                ref: ctx.ref,
            };
            p.selfSigned = { key, alg, ttl, claims };
        }
    }
    else if (!(0,_vault_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .isKnownMethod */ .dA)(method)) {
        p.payload = parseAuthPayload(payloadRaw, (v) => r.secret(v, 'auth-payload'));
    }
    if (payloadRaw.trim() && (0,_vault_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .isKnownMethod */ .dA)(method))
        r.warning(`auth-payload is for other auth methods; method ${method} builds its own login body, so auth-payload is ignored`);
    return p;
}


/***/ }),

/***/ 639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lk: () => (/* binding */ withVaultActionAliases),
/* harmony export */   Rt: () => (/* binding */ vaultActionLoginInputs),
/* harmony export */   Tl: () => (/* binding */ VAULT_ACTION_ALIASES),
/* harmony export */   ZF: () => (/* binding */ loginInputs),
/* harmony export */   tp: () => (/* binding */ DEFAULT_K8S_TOKEN_PATH)
/* harmony export */ });
/* unused harmony exports connectionInputs, extraLoginInputs, timeoutInput, outputTokenInput */
const DEFAULT_K8S_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const connectionInputs = [
    { name: 'url', description: 'Vault address, e.g. https://vault.example.com:8200 (default: the VAULT_ADDR environment variable)', default: '' },
    { name: 'namespace', description: 'Vault Enterprise / HCP namespace, e.g. admin/team-a (default: VAULT_NAMESPACE)', default: '' },
    { name: 'ca-certificate', description: 'CA certificate(s) to trust for Vault, in addition to the system store and NODE_EXTRA_CA_CERTS: PEM content, a path to a PEM file, or base64 of the PEM (as hashicorp/vault-action takes it)', default: '' },
    { name: 'client-certificate', description: 'client certificate for mutual TLS (and the cert auth method): PEM content, a file path, or base64 of the PEM', default: '' },
    { name: 'client-key', description: 'private key of client-certificate: PEM content, a file path, or base64 of the PEM (masked)', default: '' },
    { name: 'tls-skip-verify', description: 'do not verify Vault\'s TLS certificate (insecure: anyone on the network path can read the token; use ca-certificate instead)', default: 'false' },
    { name: 'retry-max-attempts', description: 'attempts for each Vault call that fails transiently (network errors, 412, 429, 5xx); a refused login (400/403) is never retried', default: '4' },
    { name: 'retry-initial-delay', description: 'first backoff between attempts; doubles each time, capped at 8s, with jitter (e.g. 500ms, 2s)', default: '500ms' },
];
const loginInputs = [
    ...connectionInputs,
    { name: 'method', description: 'how to log in: jwt (the runner\'s OIDC token, or a self-signed JWT with jwt-private-key), approle, token, kubernetes, github, userpass, ldap, cert, or any other auth method with auth-payload. A non-empty token input means no login.', default: 'jwt' },
    { name: 'path', description: 'auth mount the method is enabled at, without auth/ (default: the method name, e.g. jwt)', default: '' },
    { name: 'role', description: 'Vault role to log in with (jwt, kubernetes; the certificate role name for cert); optional for jwt when the mount has a default_role', default: '' },
    { name: 'audience', description: 'audience (aud) of the runner\'s OIDC token; must be one of the role\'s bound_audiences (default: the Vault URL\'s origin, e.g. https://vault.example.com:8200)', default: '' },
    { name: 'role-id', description: 'AppRole role_id (method approle)', default: '' },
    { name: 'secret-id', description: 'AppRole secret_id (method approle); pass it from a secret, it is masked', default: '' },
    { name: 'token', description: 'an existing Vault token to use instead of logging in (method token; default: VAULT_TOKEN)', default: '' },
    { name: 'kubernetes-token-path', description: 'service-account token file (method kubernetes)', default: DEFAULT_K8S_TOKEN_PATH },
];
/** Login inputs of hashicorp/vault-action we add for vault-login and fetch-secrets. */
const extraLoginInputs = [
    { name: 'github-token', description: 'GitHub personal access token with read:org for the github auth method (method github; masked). The job\'s GITHUB_TOKEN cannot log in there.', default: '' },
    { name: 'username', description: 'user name (methods userpass and ldap): POST auth/<path>/login/<username>', default: '' },
    { name: 'password', description: 'password of username (methods userpass and ldap; masked)', default: '' },
    { name: 'auth-payload', description: 'JSON body of the login for any other auth method (e.g. method: okta), POSTed to auth/<path>/login; every string in it is masked', default: '' },
    { name: 'jwt-private-key', description: 'method jwt without the runner\'s OIDC token: sign a JWT with this private key (PEM content, file path or base64 of the PEM, as vault-action takes it; RSA signs RS256, EC ES256/384/512, Ed25519 EdDSA)', default: '' },
    { name: 'jwt-key-password', description: 'password of an encrypted jwt-private-key (masked)', default: '' },
    { name: 'jwt-ttl', description: 'lifetime of the self-signed JWT in seconds (jwt-private-key)', default: '3600' },
    { name: 'extra-headers', description: 'extra HTTP headers for every Vault request, one "Name: value" per line (e.g. for a firewall in front of Vault); the values are masked and never logged', default: '' },
    { name: 'request-timeout', description: 'timeout of each Vault request attempt (connect, headers, body), e.g. 30s', default: '30s' },
];
/** hashicorp/vault-action's camelCase names, by our kebab-case input. */
const VAULT_ACTION_ALIASES = {
    'role-id': ['roleId'], 'secret-id': ['secretId'], 'github-token': ['githubToken'], 'kubernetes-token-path': ['kubernetesTokenPath'],
    'auth-payload': ['authPayload'], 'extra-headers': ['extraHeaders'], 'ca-certificate': ['caCertificate'], 'client-certificate': ['clientCertificate'],
    'client-key': ['clientKey'], 'tls-skip-verify': ['tlsSkipVerify'], 'jwt-private-key': ['jwtPrivateKey'], 'jwt-key-password': ['jwtKeyPassword'],
    audience: ['jwtGithubAudience'], 'jwt-ttl': ['jwtTtl'], 'export-token': ['exportToken'], 'output-token': ['outputToken'],
    'export-env': ['exportEnv'], 'ignore-not-found': ['ignoreNotFound'], 'secret-encoding-type': ['secretEncodingType'],
};
/** Attaches the vault-action aliases to the inputs that have one. */
function withVaultActionAliases(inputs) {
    return inputs.map((i) => {
        const aliases = VAULT_ACTION_ALIASES[i.name];
        if (!aliases)
            return i;
        const descr = `${i.description}${/\.$/.test(i.description) ? '' : '.'} hashicorp/vault-action name: ${aliases.join(', ')}`;
        return { ...i, description: descr, aliases };
    });
}
/** The whole-step timeout: vault-login and fetch-secrets (rotate-check has its own `timeout`). */
const timeoutInput = {
    name: 'timeout',
    description: 'fail the step when it has not finished within this time (e.g. 90s, 5m; above zero, at most 6h), naming the Vault calls still pending',
    default: '5m',
};
/** `output-token`: the token as the masked `vault_token` output (vault-action's name). */
const outputTokenInput = {
    name: 'output-token',
    description: 'also set the Vault token as the masked step output vault_token (hashicorp/vault-action\'s output name)',
    default: 'false',
};
/** Every login input of vault-login and fetch-secrets, vault-action aliases attached. */
const vaultActionLoginInputs = withVaultActionAliases([...loginInputs, ...extraLoginInputs, timeoutInput, outputTokenInput]);


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

/***/ 3417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dd: () => (/* binding */ LOGIN_METHODS),
  dA: () => (/* binding */ isKnownMethod),
  iD: () => (/* binding */ login)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/http.ts + 1 modules
var http = __webpack_require__(3871);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/core/jwt.ts
var core_jwt = __webpack_require__(3622);
;// CONCATENATED MODULE: ./src/vault/guidance.ts
/**
 * Turns Vault's terse login errors into guidance that names what to change: the input, the
 * role, the mount, the claim and the token's (non-secret) value of it. The JWT itself is
 * only decoded for its claims; it never appears in a message.
 */


const PATH = '"path" input';
/** A claim by name or JSON pointer (/a/b), as text. */
function pointerText(claims, name) {
    if (!name.startsWith('/'))
        return (0,core_jwt/* claimText */.Q)(claims, name);
    let cur = claims;
    for (const part of name.slice(1).split('/'))
        cur = typeof cur === 'object' && cur !== null ? cur[part] : undefined;
    return (0,core_jwt/* claimText */.Q)({ v: cur }, 'v');
}
/** One sentence of advice for a refused login, or '' when Vault's message is already clear. */
function loginAdvice(details, status, ctx) {
    const text = details.join(' ');
    const claims = ctx.jwt ? (0,core_jwt/* readClaims */.I)(ctx.jwt) : undefined;
    const mount = `auth/${ctx.mount}`;
    const role = ctx.role || '(none)';
    let m;
    if (/no handler for route/.test(text)) {
        return `no auth method is enabled at "${mount}": set the ${PATH} to the mount your Vault admin enabled (vault auth list), or enable it (vault auth enable -path=${ctx.mount} ${ctx.method})`;
    }
    if (/could not load configuration/.test(text)) {
        return (`the auth mount "${mount}" is not configured for JWT: an admin must run \`vault write ${mount}/config oidc_discovery_url=<issuer> bound_issuer=<issuer>\` ` +
            `(or jwks_url=...), or the ${PATH} points at the wrong mount`);
    }
    if (/^missing role\b/.test(text))
        return `set the "role" input: the mount "${mount}" has no default_role`;
    if ((m = /role "([^"]*)" could not be found/.exec(text)) || (m = /invalid role name "([^"]*)"/.exec(text))) {
        return `role "${m[1]}" does not exist on the auth mount "${mount}": check the "role" input, or the ${PATH} if the role lives on another mount (vault list ${mount}/role)`;
    }
    if (/oidc role_type is not allowed/.test(text)) {
        return `role "${role}" on "${mount}" has role_type "oidc", which is for browser logins: set role_type=jwt on the role (vault write ${mount}/role/${role} role_type=jwt ...)`;
    }
    if (/invalid audience \(aud\) claim/.test(text)) {
        const aud = claims ? (0,core_jwt/* claimText */.Q)(claims, 'aud') : (ctx.audience ?? '');
        return (`the token was issued for audience "${aud}", which is not in the bound_audiences of role "${role}": set the "audience" input to one of the role's bound_audiences, ` +
            `or add "${aud}" to them (vault write ${mount}/role/${role} bound_audiences=...). Coming from hashicorp/vault-action without jwtGithubAudience? Its default audience was "sigstore": set audience (or jwtGithubAudience) to sigstore`);
    }
    if (/audience claim found in JWT but no audiences bound/.test(text)) {
        return `role "${role}" has no bound_audiences but the token has aud "${(0,core_jwt/* claimText */.Q)(claims, 'aud')}": add bound_audiences="${(0,core_jwt/* claimText */.Q)(claims, 'aud')}" to the role (it must be set for CI tokens)`;
    }
    if ((m = /claim "([^"]*)" does not match any associated bound claim values/.exec(text))) {
        const name = m[1] ?? '';
        return (`the token's claim "${name}" is "${pointerText(claims, name)}", which role "${role}" does not allow in its bound_claims: ` +
            `run from an allowed repository, branch or environment, or widen bound_claims for "${name}" (bound_claims_type=glob allows *)`);
    }
    if ((m = /claims: claim "([^"]*)" is missing/.exec(text))) {
        return `role "${role}" binds the claim "${m[1]}" but the token has no such claim (tokens from ${claims?.['iss'] ?? 'this issuer'} carry: ${Object.keys(claims ?? {})
            .slice(0, 30)
            .join(', ')})`;
    }
    if ((m = /claim "([^"]*)" not found in token/.exec(text)))
        return `role "${role}" has user_claim "${m[1]}", which the token does not carry: set user_claim to a claim it has (e.g. sub)`;
    if (/invalid subject \(sub\) claim/.test(text))
        return `the token's sub is "${(0,core_jwt/* claimText */.Q)(claims, 'sub')}", which does not equal the bound_subject of role "${role}"`;
    if (/invalid issuer \(iss\) claim/.test(text))
        return `the token's issuer is "${(0,core_jwt/* claimText */.Q)(claims, 'iss')}", which does not equal the bound_issuer of "${mount}/config"`;
    if (/error verifying token signature|error parsing token|missing kid/.test(text)) {
        return `Vault could not verify the token's signature: "${mount}/config" must trust the issuer "${(0,core_jwt/* claimText */.Q)(claims, 'iss')}" (oidc_discovery_url or jwks_url)`;
    }
    if (/token is expired|token not yet valid|issued in the future/.test(text))
        return 'the token is outside its validity window: check the clocks of the runner and of Vault (clock_skew_leeway on the role)';
    if (/invalid role or secret ID/.test(text))
        return 'check the "role-id" and "secret-id" inputs: the secret ID may be wrong, expired or used up (secret_id_num_uses, secret_id_ttl)';
    if (/missing secret_id/.test(text))
        return 'set the "secret-id" input (the role has bind_secret_id=true)';
    if (/missing role_id/.test(text))
        return 'set the "role-id" input';
    if (/invalid username or password|ldap operation failed|invalid credentials/i.test(text))
        return 'check the "username" and "password" inputs (and the "path" input if the method is mounted elsewhere)';
    if (ctx.method === 'github' && /organization|\borg\b|GitHub|github/i.test(text)) {
        return 'the github auth method needs a personal access token with read:org of a member of the configured organization in "github-token" (the job\'s GITHUB_TOKEN cannot log in)';
    }
    if (ctx.method === 'cert' && /invalid certificate|no chain matching|invalid cert|certificate/i.test(text)) {
        return 'Vault did not accept the TLS client certificate: give the certificate and key a cert role trusts in "client-certificate" and "client-key" (and the role name in "role")';
    }
    if (/service account name not authorized/.test(text)) {
        return `the service account ${(0,core_jwt/* claimText */.Q)(claims, 'sub')} is not in bound_service_account_names of role "${role}"`;
    }
    if (/namespace not authorized/.test(text))
        return `the service account's namespace (${(0,core_jwt/* claimText */.Q)(claims, 'sub')}) is not in bound_service_account_namespaces of role "${role}"`;
    if (status === 403 && /permission denied/.test(text)) {
        if (ctx.method === 'kubernetes')
            return `Vault rejected the service-account token for role "${role}": it may be expired, for another cluster, or lack the role's audience`;
        return (`Vault answers "permission denied" to a login when no auth method is enabled at "${mount}" (check the ${PATH} and the "namespace" input), ` +
            `or when role "${role}" restricts source addresses (token_bound_cidrs / secret_id_bound_cidrs)`);
    }
    return '';
}
/** Wraps a refused login into a RemoteError with guidance (never retryable: 400/403). */
function explainLoginError(err, ctx) {
    if (!(err instanceof errors/* RemoteError */.Hi) || err.status < 400 || err.retryable)
        return err;
    const advice = loginAdvice(err.details, err.status, ctx);
    const roleText = ctx.role ? ` with role "${ctx.role}"` : '';
    return new errors/* RemoteError */.Hi(`Vault refused the ${ctx.method} login at auth/${ctx.mount}/login${roleText} (HTTP ${err.status})`, {
        service: 'Vault',
        status: err.status,
        code: 'login_refused',
        retryable: false,
        details: err.details,
        ...(advice ? { hint: advice } : {}),
    });
}
/** Advice for a 403 on a secret path: which path and which policies. */
function permissionAdvice(path, capability, policies) {
    return `the token's policies (${policies.join(', ') || 'none'}) do not grant "${capability}" on "${path}": add a policy with path "${path}" { capabilities = ["${capability}"] } to the role`;
}

// EXTERNAL MODULE: ./src/vault/self-jwt.ts
var self_jwt = __webpack_require__(4532);
;// CONCATENATED MODULE: ./src/vault/auth.ts
/**
 * Vault logins: jwt (the CI's OIDC token fetched fresh for every attempt, or a self-signed JWT
 * signed fresh for every attempt), approle, token, kubernetes (a service-account JWT re-read for
 * every attempt), github, userpass, ldap, cert (the TLS client certificate) and any other
 * method with a given JSON payload. Transient failures (network, 412/429/5xx) are retried with
 * backoff; a refused login (400/403) never is, and is explained by guidance.ts.
 */








/** The methods we know by name; any other name logs in with a given payload. */
const LOGIN_METHODS = ['jwt', 'approle', 'token', 'kubernetes', 'github', 'userpass', 'ldap', 'cert'];
function isKnownMethod(m) {
    return LOGIN_METHODS.includes(m);
}
/** The token's non-secret claims that roles bind on, for debug output. */
const DEBUG_CLAIMS = ['iss', 'aud', 'sub', 'repository', 'ref', 'ref_type', 'environment', 'job_workflow_ref', 'event_name', 'project_path', 'ref_protected'];
async function kubernetesJwt(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = typeof e === 'object' && e && 'code' in e ? String(e.code) : 'error';
        throw new errors/* UserError */.yo('kubernetes-token-path', `cannot read the service-account token file "${path}" (${code}): is the job running in a Kubernetes pod with a mounted service-account token?`);
    }
    const jwt = text.trim();
    if (jwt.split('.').length !== 3)
        throw new errors/* UserError */.yo('kubernetes-token-path', `the file "${path}" does not hold a JWT`);
    return jwt;
}
/** Logs in with one method; the returned auth's client_token is already registered as a secret. */
async function login(client, p, deps) {
    const attempt = async () => {
        let body;
        let jwt;
        let suffix = '';
        if (p.method === 'jwt') {
            if (p.selfSigned) {
                jwt = await (0,self_jwt/* signSelfJwt */.H)(p.selfSigned, (deps.clock ?? clock/* systemClock */.m).now());
                deps.secret(jwt, 'the self-signed JWT');
            }
            else {
                jwt = await deps.idToken(p.audience);
                deps.secret(jwt, 'the OIDC token');
            }
            body = { role: p.role, jwt };
        }
        else if (p.method === 'kubernetes') {
            jwt = await kubernetesJwt(p.kubernetesTokenPath ?? '');
            deps.secret(jwt, 'the Kubernetes service-account token');
            body = { role: p.role, jwt };
        }
        else if (p.method === 'approle') {
            body = { role_id: p.roleId ?? '', ...(p.secretId ? { secret_id: p.secretId } : {}) };
        }
        else if (p.method === 'github') {
            body = { token: p.githubToken ?? '' };
        }
        else if (p.method === 'userpass' || p.method === 'ldap') {
            body = { password: p.password ?? '' };
            suffix = p.username ?? '';
        }
        else if (p.method === 'cert') {
            body = p.role ? { name: p.role } : {};
        }
        else {
            body = p.payload ?? {};
        }
        if (jwt && deps.debug) {
            const claims = (0,core_jwt/* readClaims */.I)(jwt);
            deps.debug(`${p.method} login token claims: ${DEBUG_CLAIMS.filter((c) => claims?.[c] !== undefined)
                .map((c) => `${c}=${(0,core_jwt/* claimText */.Q)(claims, c)}`)
                .join(' ')}`);
        }
        deps.debug?.(`POST auth/${p.mount}/login${suffix ? '/<username>' : ''}${p.role ? ` (role ${p.role})` : ''}`);
        try {
            const auth = await client.login(p.mount, body, { retry: false }, suffix);
            deps.secret(auth.clientToken, 'the Vault token');
            return auth;
        }
        catch (err) {
            throw explainLoginError(err, { method: p.method, mount: p.mount, role: p.role, audience: p.audience, ...(jwt ? { jwt } : {}) });
        }
    };
    return (0,retry/* withRetry */.bD)(attempt, http/* isTransient */.dg, deps.retry, deps.clock ?? clock/* systemClock */.m, (err, n, delay) => {
        const what = err instanceof Error && 'status' in err ? `HTTP ${String(err.status)}` : 'network error';
        deps.onRetry?.(what, n, delay);
    }, deps.random);
}


/***/ }),

/***/ 3157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ VaultClient),
/* harmony export */   TH: () => (/* binding */ listKeys)
/* harmony export */ });
/* unused harmony exports VAULT_RETRY_STATUSES, parseAuth, parseEnvelope, vaultErrors, encodePath */
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3871);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6153);
/**
 * The Vault HTTP client of the suite, over core/http.ts. It speaks Vault's envelope
 * (wire-facts §1): every response is narrowed from unknown; every status >= 400 becomes a
 * RemoteError carrying Vault's errors[] as details. Retried: network errors, 412, 429, 500,
 * 502, 503, 504; never 400/403/404. The token travels only in the X-Vault-Token header and
 * never appears in a message.
 */



const VAULT_RETRY_STATUSES = [412, 429, 500, 502, 503, 504];
function stringMap(v, field) {
    if (v === null || v === undefined)
        return {};
    const o = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(v, field);
    const out = {};
    for (const [k, x] of Object.entries(o))
        out[k] = x === null || x === undefined ? '' : typeof x === 'string' ? x : JSON.stringify(x);
    return out;
}
function optStrArr(v, field) {
    return v === null || v === undefined ? [] : (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .strArr */ .ht)(v, field);
}
function parseAuth(v) {
    const a = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(v, 'auth');
    return {
        clientToken: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(a['client_token'], 'auth.client_token'),
        accessor: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(a['accessor'], 'auth.accessor') ?? '',
        policies: optStrArr(a['policies'], 'auth.policies'),
        tokenPolicies: optStrArr(a['token_policies'], 'auth.token_policies'),
        metadata: stringMap(a['metadata'], 'auth.metadata'),
        leaseDuration: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(a['lease_duration'] ?? 0, 'auth.lease_duration'),
        renewable: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(a['renewable'] ?? false, 'auth.renewable'),
        entityId: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(a['entity_id'], 'auth.entity_id') ?? '',
        tokenType: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(a['token_type'], 'auth.token_type') ?? 'service',
        orphan: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(a['orphan'] ?? false, 'auth.orphan'),
    };
}
function parseEnvelope(status, body) {
    if (body === null || body === undefined) {
        return { status, requestId: '', leaseId: '', renewable: false, leaseDuration: 0, data: null, warnings: [], auth: null, mountType: '' };
    }
    const e = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(body, 'response');
    return {
        status,
        requestId: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(e['request_id'], 'request_id') ?? '',
        leaseId: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(e['lease_id'], 'lease_id') ?? '',
        renewable: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(e['renewable'] ?? false, 'renewable'),
        leaseDuration: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(e['lease_duration'] ?? 0, 'lease_duration'),
        data: e['data'] === null || e['data'] === undefined ? null : (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e['data'], 'data'),
        warnings: optStrArr(e['warnings'], 'warnings'),
        auth: e['auth'] === null || e['auth'] === undefined ? null : parseAuth(e['auth']),
        mountType: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(e['mount_type'], 'mount_type') ?? '',
    };
}
/** Vault's errors[] from an error body ([] when absent or not a list of strings). */
function vaultErrors(body) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(body) || !Array.isArray(body['errors']))
        return [];
    return body['errors']
        .filter((x) => typeof x === 'string')
        .flatMap((s) => /^\d+ errors? occurred:/.test(s)
        ? s
            .split('\n')
            .slice(1)
            .map((l) => l.replace(/^\s*\*\s*/, '').trim())
        : [s.trim()])
        .filter(Boolean);
}
/** Encodes each path segment; keeps the slashes. */
function encodePath(path) {
    return path
        .replace(/^\/+/, '')
        .split('/')
        .map((s) => encodeURIComponent(s))
        .join('/');
}
class VaultClient {
    url;
    namespace;
    token_;
    http;
    extraHeaders;
    pending;
    /** https without a client certificate: a closed socket may mean Vault demands one */
    maybeMtls;
    constructor(opts) {
        this.url = opts.url.replace(/\/+$/, '');
        this.namespace = (opts.namespace ?? '').replace(/^\/+|\/+$/g, '');
        this.token_ = opts.token ?? '';
        this.extraHeaders = opts.headers ?? {};
        this.pending = opts.pending;
        this.maybeMtls = this.url.startsWith('https:') && !opts.tls?.cert;
        this.http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
            service: 'Vault',
            retryStatuses: VAULT_RETRY_STATUSES,
            ...(opts.tls ? { tls: opts.tls } : {}),
            ...(opts.proxy ? { proxy: opts.proxy } : {}),
            ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
            ...(opts.retry ? { retry: opts.retry } : {}),
            ...(opts.clock ? { clock: opts.clock } : {}),
            ...(opts.random ? { random: opts.random } : {}),
            ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
            ...(opts.tlsHint ? { tlsHint: opts.tlsHint } : {}),
        });
    }
    get token() {
        return this.token_;
    }
    setToken(token) {
        this.token_ = token;
    }
    /** One Vault call; statuses >= 400 throw a RemoteError with Vault's errors[]. */
    async request(method, path, body, opts = {}) {
        const headers = { ...this.extraHeaders, 'X-Vault-Request': 'true', Accept: 'application/json' };
        if (this.token_ && !opts.anonymous)
            headers['X-Vault-Token'] = this.token_;
        if (this.namespace)
            headers['X-Vault-Namespace'] = this.namespace;
        let url = `${this.url}/v1/${encodePath(path)}`;
        const q = new URLSearchParams(opts.query ?? {});
        if (method === 'LIST')
            q.set('list', 'true');
        if ([...q.keys()].length)
            url += `?${q.toString()}`;
        let payload;
        if (body !== undefined) {
            payload = JSON.stringify(body);
            headers['Content-Type'] = 'application/json';
        }
        // the pending entry names the route only (a userpass login's user name is left out)
        const what = `${method} ${path.replace(/^\/+/, '').replace(/^(auth\/.+\/login)\/.+$/, '$1/<username>')}`;
        this.pending?.add(what);
        let res;
        try {
            res = await this.http.json(url, {
                method: method === 'LIST' ? 'GET' : method,
                headers,
                ...(payload !== undefined ? { body: payload } : {}),
                ...(opts.retry === false ? { retry: false } : {}),
            });
        }
        catch (err) {
            // TLS 1.3: a server that demands a client certificate closes the connection after the handshake
            if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && err.code === 'UND_ERR_SOCKET' && this.maybeMtls) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(err.message, {
                    service: 'Vault',
                    status: 0,
                    code: err.code,
                    retryable: false,
                    hint: 'Vault closed the TLS connection: if it demands a client certificate (mutual TLS), give client-certificate and client-key',
                });
            }
            throw err;
        }
        finally {
            this.pending?.delete(what);
        }
        if (res.status >= 400)
            throw this.error(method, path, res.status, res.body);
        return parseEnvelope(res.status, res.body);
    }
    read(path, opts = {}) {
        return this.request('GET', path, undefined, opts);
    }
    write(path, body = {}, opts = {}) {
        return this.request('POST', path, body, opts);
    }
    list(path, opts = {}) {
        return this.request('LIST', path, undefined, opts);
    }
    delete(path, opts = {}) {
        return this.request('DELETE', path, undefined, opts);
    }
    /** POST auth/<mount>/login without a token; returns the auth block. */
    async login(mount, body, opts = {}, suffix = '') {
        // suffix: userpass/ldap log in at auth/<mount>/login/<username>
        const res = await this.write(`auth/${mount.replace(/^\/+|\/+$/g, '')}/login${suffix ? `/${suffix}` : ''}`, body, { ...opts, anonymous: true });
        if (!res.auth)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`Vault answered the login at auth/${mount}/login without an auth block`, {
                service: 'Vault',
                status: res.status,
                retryable: false,
            });
        return res.auth;
    }
    async lookupSelf() {
        const d = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((await this.read('auth/token/lookup-self')).data, 'data');
        return {
            accessor: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['accessor'], 'data.accessor') ?? '',
            policies: optStrArr(d['policies'], 'data.policies'),
            ttl: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(d['ttl'] ?? 0, 'data.ttl'),
            expireTime: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['expire_time'], 'data.expire_time') ?? null,
            renewable: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(d['renewable'] ?? false, 'data.renewable'),
            displayName: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['display_name'], 'data.display_name') ?? '',
            path: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['path'], 'data.path') ?? '',
            type: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['type'], 'data.type') ?? 'service',
            meta: stringMap(d['meta'], 'data.meta'),
        };
    }
    async revokeSelf() {
        await this.write('auth/token/revoke-self', undefined);
    }
    async renewSelf(incrementSeconds) {
        const res = await this.write('auth/token/renew-self', incrementSeconds !== undefined ? { increment: `${incrementSeconds}s` } : {});
        if (!res.auth)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi('Vault answered renew-self without an auth block', { service: 'Vault', status: res.status, retryable: false });
        return res.auth;
    }
    async revokeLease(leaseId, sync = true) {
        await this.write('sys/leases/revoke', { lease_id: leaseId, sync });
    }
    async renewLease(leaseId, incrementSeconds) {
        return this.write('sys/leases/renew', incrementSeconds !== undefined ? { lease_id: leaseId, increment: incrementSeconds } : { lease_id: leaseId });
    }
    async lookupLease(leaseId) {
        const d = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((await this.write('sys/leases/lookup', { lease_id: leaseId })).data, 'data');
        return {
            id: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(d['id'], 'data.id'),
            issueTime: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['issue_time'], 'data.issue_time') ?? '',
            expireTime: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['expire_time'], 'data.expire_time') ?? '',
            lastRenewalTime: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .optStr */ .VK)(d['last_renewal_time'], 'data.last_renewal_time') ?? null,
            renewable: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(d['renewable'] ?? false, 'data.renewable'),
            ttl: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(d['ttl'] ?? 0, 'data.ttl'),
        };
    }
    /** The mount serving `path` (sys/internal/ui/mounts), e.g. to tell KV v1 from v2. */
    async mountInfo(path) {
        const d = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((await this.read(`sys/internal/ui/mounts/${path.replace(/^\/+/, '')}`)).data, 'data');
        const options = stringMap(d['options'], 'data.options');
        return { type: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(d['type'], 'data.type'), path: (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(d['path'], 'data.path'), version: options['version'] ?? '', options };
    }
    async close() {
        await this.http.close();
    }
    error(method, path, status, body) {
        const details = vaultErrors(body);
        const where = `${method} ${path.replace(/^\/+/, '')}${this.namespace ? ` in namespace "${this.namespace}"` : ''}`;
        const text = details.join(' ');
        let code = '';
        let hint = '';
        if (status === 403 && /invalid token/.test(text)) {
            code = 'invalid_token';
            hint = 'the Vault token is invalid, expired or revoked';
        }
        else if (status === 403) {
            code = 'permission_denied';
            hint = `no policy of the token allows ${capabilityOf(method)} on "${path.replace(/^\/+/, '')}"`;
        }
        else if (status === 404) {
            code = details.length === 0 ? 'not_found' : /no handler for route/.test(text) ? 'no_mount' : 'not_found';
            if (code === 'no_mount')
                hint = 'no secrets engine or auth method is mounted at that path';
            // a KV v2 soft-deleted or destroyed version answers 404 with a full envelope
            if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(body) && (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(body['data']) && (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(body['data']['metadata']))
                code = 'deleted';
        }
        else if (status === 503 && /sealed/i.test(text)) {
            code = 'sealed';
            hint = 'Vault is sealed';
        }
        else if (status === 429) {
            code = 'rate_limited';
        }
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(`Vault answered ${status} for ${where}`, {
            service: 'Vault',
            status,
            code,
            retryable: VAULT_RETRY_STATUSES.includes(status),
            details,
            ...(hint ? { hint } : {}),
        });
    }
}
function capabilityOf(method) {
    return method === 'GET' ? 'read' : method === 'LIST' ? 'list' : method === 'DELETE' ? 'delete' : 'create/update';
}
/** Narrows a `keys` list (LIST responses). */
function listKeys(res) {
    return res.data ? (0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .strArr */ .ht)((0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(res.data['keys'] ?? [], 'data.keys'), 'data.keys') : [];
}


/***/ }),

/***/ 9777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ urlOrigin),
/* harmony export */   es: () => (/* binding */ vaultClient),
/* harmony export */   iD: () => (/* binding */ login)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3157);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3417);
/**
 * A logged-in Vault client from typed options: `vaultClient` for a connection, `login` for a
 * token (given, or from an auth method). The options are read from the inputs by
 * actions/shared/vault-config.ts; this module never sees the Runner. Action-neutral: nothing
 * here writes outputs or exports.
 */



/** Origin of a URL without credentials, e.g. https://vault.example.com:8200 */
function urlOrigin(url) {
    return new URL(url).origin;
}
/** A VaultClient for a connection (no token yet unless given). */
function vaultClient(c, caps, token = '') {
    return new _client_js__WEBPACK_IMPORTED_MODULE_1__/* .VaultClient */ .C_({
        url: c.url,
        namespace: c.namespace,
        token,
        tls: c.tls,
        proxy: caps.proxy,
        retry: c.retry,
        headers: c.headers,
        timeoutMs: c.timeoutMs,
        pending: c.pending,
        tlsHint: "set the ca-certificate input to the CA that signed Vault's certificate (PEM, file path or base64), or client-certificate and client-key when Vault demands a client certificate",
        onRetry: (what, attempt, delay) => caps.info(`Vault call failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${c.retry.maxAttempts})`),
    });
}
/**
 * A logged-in client: a given token is used as is (created=false) and looked up; otherwise a
 * login with the options' method.
 */
async function login(opts, caps) {
    const { connection, token, method, params } = opts;
    const client = vaultClient(connection, { proxy: opts.proxy, info: (m) => caps.info(m) }, token);
    const now = Date.now();
    if (!params) {
        const info = await client.lookupSelf().catch((err) => {
            throw err instanceof Error && 'status' in err && err.status === 403
                ? new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('token', 'Vault does not accept the given token: it is invalid, expired or revoked (it was not logged)')
                : err;
        });
        return {
            client,
            token,
            accessor: info.accessor,
            expiresAt: info.ttl > 0 ? new Date(now + info.ttl * 1000) : null,
            created: false,
            method,
            mount: '',
            role: opts.role,
            policies: info.policies,
            ttl: info.ttl,
            renewable: info.renewable,
            connection,
        };
    }
    const auth = await (0,_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .login */ .iD)(client, params, {
        idToken: async (aud) => {
            const what = `the runner's OIDC token (audience ${aud})`;
            connection.pending.add(what);
            try {
                return await caps.idToken(aud);
            }
            finally {
                connection.pending.delete(what);
            }
        },
        secret: (v, what) => caps.secret(v, what),
        debug: (m) => caps.debug(m),
        retry: connection.retry,
        onRetry: (what, attempt, delay) => caps.info(`Vault login failed (${what}); retrying in ${delay} ms (attempt ${attempt + 1} of ${connection.retry.maxAttempts})`),
    });
    client.setToken(auth.clientToken);
    return {
        client,
        token: auth.clientToken,
        accessor: auth.accessor,
        expiresAt: auth.leaseDuration > 0 ? new Date(now + auth.leaseDuration * 1000) : null,
        created: true,
        method,
        mount: params.mount,
        role: params.role,
        policies: auth.policies,
        ttl: auth.leaseDuration,
        renewable: auth.renewable,
        connection,
    };
}


/***/ }),

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ signSelfJwt),
/* harmony export */   f: () => (/* binding */ loadSigningKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6424);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * A self-signed JWT for the jwt auth method (hashicorp/vault-action's jwtPrivateKey): the
 * claims vault-action puts in it (iss "vault-action", iat 60 s back, nbf, exp, and the run's
 * event, workflow, sha, actor, repository and ref), signed with the given key. A fresh JWT is
 * signed for every login attempt. The key and the JWT are secrets; neither is ever printed.
 */



/** Reads the PEM private key (encrypted when a password is given) and picks the algorithm. */
function loadSigningKey(pem, password) {
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(password ? { key: pem, format: 'pem', passphrase: password } : { key: pem, format: 'pem' });
    }
    catch (e) {
        const code = typeof e === 'object' && e && 'code' in e ? String(e.code) : '';
        const enc = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
        if (enc && !password)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('jwt-key-password', 'jwt-private-key is encrypted: give its password in jwt-key-password');
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(enc ? 'jwt-key-password' : 'jwt-private-key', `cannot read the private key${code ? ` (${code})` : ''}: ${enc ? 'is the password right?' : 'expected an RSA, EC or Ed25519 private key in PEM'}`);
    }
    const type = key.asymmetricKeyType;
    if (type === 'rsa' || type === 'rsa-pss')
        return { key, alg: 'RS256' };
    if (type === 'ed25519')
        return { key, alg: 'EdDSA' };
    if (type === 'ec') {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        const alg = curve === 'prime256v1' ? 'ES256' : curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : '';
        if (alg)
            return { key, alg };
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('jwt-private-key', `unsupported key type "${type ?? 'unknown'}": use an RSA, EC (P-256/384/521) or Ed25519 key`);
}
/** Signs a fresh JWT (now-60 s iat as vault-action does). */
async function signSelfJwt(s, nowMs = Date.now()) {
    const now = Math.floor(nowMs / 1000);
    return new jose__WEBPACK_IMPORTED_MODULE_2__/* .SignJWT */ .P({ ...s.claims })
        .setProtectedHeader({ alg: s.alg, typ: 'JWT' })
        .setIssuer('vault-action')
        .setIssuedAt(now - 60)
        .setNotBefore(now)
        .setExpirationTime(now + s.ttl)
        .sign(s.key);
}


/***/ })

};
