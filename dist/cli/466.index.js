export const id = 466;
export const ids = [466];
export const modules = {

/***/ 2031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vp: () => (/* binding */ withInputAliases)
/* harmony export */ });
/* unused harmony exports resolveAliased, withAliases, aliasMap */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Input aliases: an ActionSpec input may declare other names (hashicorp/vault-action's
 * camelCase, say) so a workflow that switches `uses:` keeps its `with:` block. The wrapped
 * runner answers `input(canonical)` with the alias's value when only the alias is given; both
 * given with different values is a UserError naming both. On GitHub the canonical input always
 * carries its action.yml default, so a canonical value equal to its default counts as not given.
 */

/** The value of `spec`'s input, resolved over its aliases with `raw` (the runner's own lookup). */
function resolveAliased(spec, raw) {
    const own = raw(spec.name);
    const given = (spec.aliases ?? []).map((a) => ({ a, v: raw(a) })).filter((x) => x.v.trim() !== '');
    if (given.length === 0)
        return own;
    const first = given[0] ?? { a: '', v: '' };
    for (const g of given.slice(1)) {
        if (g.v.trim() !== first.v.trim())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(spec.name, `"${first.a}" and "${g.a}" are both given, with different values: keep one`);
    }
    const ownGiven = own.trim() !== '' && own.trim() !== (spec.default ?? '').trim();
    if (ownGiven && own.trim() !== first.v.trim()) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(spec.name, `"${spec.name}" and its alias "${first.a}" are both given, with different values: keep one (the values are not shown)`);
    }
    return ownGiven ? own : first.v;
}
/** A runner whose input() resolves the aliases of `inputs`; everything else is the runner's own. */
function withAliases(r, inputs) {
    const byName = new Map(inputs.filter((i) => i.aliases?.length).map((i) => [i.name, i]));
    if (byName.size === 0)
        return r;
    const raw = (name) => r.input(name);
    const input = (name) => {
        const spec = byName.get(name);
        return spec ? resolveAliased(spec, raw) : r.input(name);
    };
    return new Proxy(r, {
        get(target, prop) {
            if (prop === 'input')
                return input;
            const v = Reflect.get(target, prop, target);
            return typeof v === 'function' ? v.bind(target) : v;
        },
    });
}
/** The action with aliased inputs, for main and post alike (the GitHub entry and the CLI run this). */
function withInputAliases(action, inputs) {
    const wrapped = { name: action.name, main: (r) => action.main(withAliases(r, inputs)) };
    const post = action.post;
    if (post)
        wrapped.post = (r) => post(withAliases(r, inputs));
    return wrapped;
}
/** alias -> canonical name, for the CLI's flags. */
function aliasMap(inputs) {
    const m = new Map();
    for (const i of inputs)
        for (const a of i.aliases ?? [])
            m.set(a, i.name);
    return m;
}


/***/ }),

/***/ 3466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchSecrets: () => (/* binding */ fetchSecrets),
  fetchSecretsSpec: () => (/* reexport */ fetchSecretsSpec)
});

// EXTERNAL MODULE: ./src/actions/aliases.ts
var aliases = __webpack_require__(2031);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
;// CONCATENATED MODULE: ./src/secrets/encoding.ts
/**
 * hashicorp/vault-action's secretEncodingType: values stored encoded (base64, hex) are decoded
 * before injection. Decoding is strict (a value that is not the encoding fails, it is never
 * turned into garbage) and gives bytes: a file: sink receives them as they are (a keystore, a
 * DER key). Bytes that are not text (invalid UTF-8, or a NUL) cannot live in an env var or a
 * step output, so such a value sent there is refused. The encoded text is masked too (it is as
 * secret as the value): as stored, and without its line breaks. Errors name the selector line
 * and key, never the value.
 */

const ENCODING_INPUT = 'secret-encoding-type';
/** Spaces, tabs and line breaks may sit anywhere in an encoded value (base64 -w76, xxd -p). */
const SPACE = /[ \t\r\n]/g;
/** 1-based position of the first character of `text` outside `allowed` (spaces and line breaks allowed), 0 when none. */
function firstBad(text, allowed) {
    for (let i = 0; i < text.length; i++) {
        const c = text[i] ?? '';
        if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && !allowed.test(c))
            return i + 1;
    }
    return 0;
}
/**
 * Strict base64 (RFC 4648 section 4, padded as `base64` writes it) or base64url (section 5,
 * `-` and `_`, padding optional as JWTs and JWKs write it); the two alphabets never mixed, `=`
 * only at the end, and the last character carrying no bits an encoder leaves unset (a value cut
 * or altered is refused). Spaces and line breaks are ignored. The problem never quotes the value.
 */
function decodeBase64(text) {
    const bad = firstBad(text, /[A-Za-z0-9+/=_-]/);
    if (bad)
        return { problem: `character ${bad} is not a base64 character` };
    const s = text.replace(SPACE, '');
    const url = /[-_]/.test(s);
    if (url && /[+/]/.test(s))
        return { problem: 'it mixes the base64 (+ /) and base64url (- _) alphabets' };
    const body = s.replace(/=+$/, '');
    const pad = s.length - body.length;
    if (body.includes('='))
        return { problem: 'it has "=" in the middle ("=" is padding, only at the end; two values joined?)' };
    if (pad > 2)
        return { problem: `it ends in ${pad} "=" (padding is at most two)` };
    if (body.length % 4 === 1)
        return { problem: `its length (${body.length} characters without padding) cannot be base64: the value was cut or has a character too many` };
    if (pad ? (body.length + pad) % 4 !== 0 : !url && body.length % 4 !== 0) {
        return {
            problem: pad
                ? 'its "=" padding does not fit its length'
                : `its length (${body.length} characters) is not a multiple of 4: the "=" padding is missing, or the value was cut`,
        };
    }
    const bytes = Buffer.from(body, url ? 'base64url' : 'base64');
    if (bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '') !== body) {
        return { problem: 'its last character carries bits no encoder writes (not canonical base64: a cut or altered value?)' };
    }
    return { bytes };
}
/** Strict hex: pairs of 0-9a-f (either case); spaces and line breaks ignored. */
function decodeHex(text) {
    const bad = firstBad(text, /[0-9a-fA-F]/);
    if (bad)
        return { problem: `character ${bad} is not a hex digit` };
    const s = text.replace(SPACE, '');
    if (s.length % 2)
        return { problem: `it has an odd number of hex digits (${s.length})` };
    return { bytes: Buffer.from(s, 'hex') };
}
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The bytes as text an env var or an output can hold (valid UTF-8 without NUL), else undefined. */
function bytesAsText(bytes) {
    if (bytes.includes(0))
        return undefined;
    try {
        return UTF8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
/**
 * Decodes each env and file value (whole-secret dotenv and JSON files, and PKI certificates, are
 * left as they are).
 * Each decoded item carries its exact bytes (a file: sink writes them); a value whose bytes are
 * not text is `binary`: its `value` is then the encoded text (masked, never injected), and an
 * env sink (env var and output) is refused. Every form of the encoded text goes to `leaves`.
 */
function decodeItems(items, enc) {
    if (enc === 'utf8')
        return [...items];
    return items.map((i) => {
        // whole-secret files are written as stored; a PKI issue's PEM is Vault's own output, never encoded by the user
        if (i.sink === 'dotenv' || i.sink === 'json' || i.pick === 'pki')
            return i;
        const what = `line ${i.line}: the value of ${i.key ? `"${i.key}"` : 'the secret'} from ${i.source}`;
        const d = enc === 'hex' ? decodeHex(i.value) : decodeBase64(i.value);
        if ('problem' in d)
            throw new core_errors/* UserError */.yo(ENCODING_INPUT, `${what} is not ${enc}: ${d.problem} (the value is not shown)`);
        const compact = i.value.replace(SPACE, '');
        // the text as stored, and without its line breaks and spaces (as a program joining it prints
        // it); a long text in lines is masked line by line, which covers its compact form already
        const covered = compact === i.value || (/[\r\n]/.test(i.value) && compact.length > 4096);
        const encoded = covered ? [i.value] : [i.value, compact];
        const text = bytesAsText(d.bytes);
        if (text !== undefined)
            return { ...i, value: text, bytes: d.bytes, leaves: [...i.leaves, ...encoded] };
        if (i.sink === 'env') {
            throw new core_errors/* UserError */.yo(ENCODING_INPUT, `${what} decodes to bytes that are not text (not UTF-8, or a NUL byte), which an env var or a step output cannot hold: write it to a file with "| file:${i.name}" (the value is not shown)`);
        }
        return { ...i, value: compact, bytes: d.bytes, binary: true, leaves: [...i.leaves, ...encoded] };
    });
}

// EXTERNAL MODULE: ./src/secrets/grammar.ts
var grammar = __webpack_require__(52);
// EXTERNAL MODULE: ./src/actions/shared/vault-config.ts
var vault_config = __webpack_require__(5224);
// EXTERNAL MODULE: ./src/actions/shared/pem.ts
var pem = __webpack_require__(487);
;// CONCATENATED MODULE: ./src/actions/fetch-secrets/config-stores.ts
/**
 * The cloud stores' part of fetch-secrets' config: the StoreContext from the inputs and the
 * job's variables (region and AWS credentials, GCP and Azure identity, endpoint overrides, the
 * retry and timeout inputs, a private CA). Everything is checked here, before any network call;
 * every error names its input or variable.
 */




function httpUrl(raw, input, key) {
    let u;
    try {
        u = new URL(raw.replace('{vault}', 'vault'));
    }
    catch {
        throw new core_errors/* UserError */.yo(input, `${key}: expected an http(s) URL, got "${raw.slice(0, 80)}"`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new core_errors/* UserError */.yo(input, `${key}: expected an http(s) URL, got a ${u.protocol} URL`);
    if (u.username || u.password)
        throw new core_errors/* UserError */.yo(input, `${key}: the URL must not carry credentials`);
    return raw.replace(/\/+$/, '');
}
/** "key=URL" pairs, one per line or comma-separated, keys from `allowed`. */
function parseEndpoints(raw, input, allowed) {
    const out = {};
    for (const part of raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const eq = part.indexOf('=');
        const key = eq < 0 ? '' : part.slice(0, eq).trim().toLowerCase();
        if (!allowed.includes(key))
            throw new core_errors/* UserError */.yo(input, `expected ${allowed.map((k) => `"${k}=URL"`).join(', ')}, got "${part.slice(0, 60)}"`);
        out[key] = httpUrl(part.slice(eq + 1).trim(), input, key);
    }
    return out;
}
function envCredentials(r) {
    const id = (r.env('AWS_ACCESS_KEY_ID') ?? '').trim();
    const key = (r.env('AWS_SECRET_ACCESS_KEY') ?? '').trim();
    const session = (r.env('AWS_SESSION_TOKEN') ?? '').trim();
    if (!id && !key)
        return undefined;
    if (!id || !key)
        throw new core_errors/* UserError */.yo('aws-region', `the job has ${id ? 'AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY' : 'AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID'}: run oidc-assume-role before this step`);
    r.secret(key, 'AWS_SECRET_ACCESS_KEY');
    if (session)
        r.secret(session, 'AWS_SESSION_TOKEN');
    return { accessKeyId: id, secretAccessKey: key, ...(session ? { sessionToken: session } : {}) };
}
/** The store layer's context from the runner and the inputs; throws (a UserError) before any network call. */
function storeContext(r, stores, concurrency) {
    const kinds = new Set(stores.map((s) => s.store));
    const maxAttempts = (0,parse/* parseIntIn */.yt)(r.input('retry-max-attempts'), 'retry-max-attempts', 4, 1, 20);
    const delayRaw = r.input('retry-initial-delay').trim();
    const baseDelayMs = delayRaw ? Math.round((0,parse/* parseDuration */.E9)(delayRaw, 'retry-initial-delay') * 1000) : 500;
    // the step's `timeout` bounds the store retries too; `request-timeout` each store request
    const stepS = (0,vault_config/* parseStepTimeout */.tS)(r.input('timeout'), 300);
    const rtRaw = r.input('request-timeout').trim();
    const http = {
        proxy: r.proxy(),
        retry: { maxAttempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, 8000), deadlineMs: Math.round(stepS * 1000) },
    };
    if (rtRaw)
        http.timeoutMs = (0,vault_config/* parseRequestTimeoutMs */.oD)(rtRaw, 30_000);
    const ctx = {
        idToken: (aud) => r.idToken(aud),
        secret: (v, what) => r.secret(v, what),
        debug: (m) => r.debug(m),
        concurrency,
        http,
    };
    // a private CA (TLS-inspecting proxies) is trusted for the stores too; Vault's client
    // certificate and tls-skip-verify stay Vault's
    const ca = (0,vault_config/* vaultInput */.zn)(r, 'ca-certificate');
    if (ca.trim())
        http.tls = { ca: (0,pem/* readPem */.J)(ca, 'ca-certificate', { base64: true }) };
    const family = r.input('auto-select-family-attempt-timeout').trim();
    if (family) {
        if (!/^\d+$/.test(family) || Number(family) < 10)
            throw new core_errors/* UserError */.yo('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${family.slice(0, 20)}"`);
        http.autoSelectFamilyAttemptTimeoutMs = Number(family);
    }
    if (kinds.has('aws-sm') || kinds.has('aws-ssm')) {
        const region = (r.input('aws-region') || r.env('AWS_REGION') || r.env('AWS_DEFAULT_REGION') || '').trim();
        const creds = envCredentials(r);
        const common = (r.env('AWS_ENDPOINT_URL') ?? '').trim();
        const sm = (r.env('AWS_ENDPOINT_URL_SECRETS_MANAGER') ?? '').trim() || common;
        const ssm = (r.env('AWS_ENDPOINT_URL_SSM') ?? '').trim() || common;
        ctx.aws = {
            region,
            credentials: creds ??
                (async () => {
                    throw new core_errors/* UserError */.yo('secrets', "aws-sm: and aws-ssm: lines use the job's AWS credentials, and there are none (no AWS_ACCESS_KEY_ID): run oidc-assume-role (or configure-aws-credentials) in an earlier step");
                }),
            ...(sm ? { secretsManagerEndpoint: httpUrl(sm, 'AWS_ENDPOINT_URL_SECRETS_MANAGER', 'endpoint') } : {}),
            ...(ssm ? { ssmEndpoint: httpUrl(ssm, 'AWS_ENDPOINT_URL_SSM', 'endpoint') } : {}),
        };
    }
    if (kinds.has('gcp-sm')) {
        const ep = parseEndpoints(r.input('gcp-endpoints'), 'gcp-endpoints', ['sts', 'iamcredentials', 'secretmanager']);
        const sa = r.input('service_account').trim();
        const aud = r.input('gcp-audience').trim();
        ctx.gcp = {
            workloadIdentityProvider: r.input('workload_identity_provider').trim(),
            ...(sa ? { serviceAccount: sa } : {}),
            ...(aud ? { audience: aud } : {}),
            ...(ep['sts'] ? { stsEndpoint: ep['sts'] } : {}),
            ...(ep['iamcredentials'] ? { iamCredentialsEndpoint: ep['iamcredentials'] } : {}),
            ...(ep['secretmanager'] ? { secretManagerEndpoint: ep['secretmanager'] } : {}),
        };
    }
    if (kinds.has('azure-kv')) {
        const ep = parseEndpoints(r.input('azure-endpoints'), 'azure-endpoints', ['authority', 'keyvault']);
        const aud = r.input('azure-audience').trim();
        ctx.azure = {
            clientId: r.input('client-id').trim(),
            tenantId: r.input('tenant-id').trim(),
            ...(aud ? { audience: aud } : {}),
            ...(ep['authority'] ? { authorityHost: ep['authority'] } : {}),
            ...(ep['keyvault'] ? { keyVaultEndpoint: ep['keyvault'] } : {}),
        };
    }
    return ctx;
}

// EXTERNAL MODULE: ./src/core/json.ts
var core_json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/secrets/names.ts
var secrets_names = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/secrets/collisions.ts
var collisions = __webpack_require__(2212);
// EXTERNAL MODULE: ./src/secrets/select.ts
var secrets_select = __webpack_require__(829);
;// CONCATENATED MODULE: ./src/vault/selector.ts
/**
 * The `secrets` input of fetch-secrets: one selector per line (`;` also separates), in
 * hashicorp/vault-action's syntax, plus a few forms it lacks.
 *
 *   secret/data/ci/app api_key | API_KEY        one key into env API_KEY (and output API_KEY)
 *   secret/data/ci/app api_key                  name from the key: API_KEY
 *   secret/data/ci/app?version=3 api_key        a pinned KV v2 version
 *   secret/data/ci/app *                        every key, each under its own name
 *   secret/data/ci/app * | APP_                 every key, names prefixed APP_
 *   secret/data/ci/app config.db.password       a nested JSON field ("a.b".c quotes a dotted key)
 *   secret/data/tls cert | file:TLS_CERT        the value into a 0600 file; TLS_CERT = its path
 *   secret/data/ci/app * | dotenv:APP_ENV       the whole secret as a dotenv file (json: as JSON)
 *   pki/issue/web common_name=a.example ttl=1h | file:TLS   write-type: TLS_CERT, TLS_KEY, TLS_CA
 *
 * The line grammar (entries, quoting, keys, the `| NAME` sink) is secrets/grammar.ts; this is the
 * Vault side: the path, `?version=N`, write parameters and PKI bundles. Parsing is pure: errors are
 * UserErrors naming the line number and what is wrong. Selectors hold paths, key names and
 * parameters, never secret values.
 */





const PKI_ISSUE_RE = /(^|\/)issue\/[^/]+$/;
function isPkiIssue(path) {
    return PKI_ISSUE_RE.test(path);
}
/** A Vault path as written to the path itself: no leading `/` or `v1/`, no trailing `/`. */
function trimPath(path) {
    return path.replace(/^\/+/, '').replace(/^v1\//, '').replace(/\/+$/, '');
}
/** True when a path has an empty, `.` or `..` segment. */
function hasBadSegment(path) {
    return path.split('/').some((s) => s === '' || s === '.' || s === '..');
}
function parsePath(line, text, token) {
    const q = token.indexOf('?');
    const path = trimPath(q < 0 ? token : token.slice(0, q));
    if (!path)
        throw (0,grammar/* lineError */.VH)(line, text, 'the path is empty');
    if (/["`=]/.test(path))
        throw (0,grammar/* lineError */.VH)(line, text, `"${path.slice(0, 80)}" is not a Vault path (a path comes first, then the key)`);
    if (hasBadSegment(path))
        throw (0,grammar/* lineError */.VH)(line, text, `the path "${path.slice(0, 80)}" has an empty, "." or ".." segment`);
    if (q < 0)
        return { path };
    const query = token.slice(q + 1);
    const vm = /^version=(\d+)$/.exec(query);
    if (!vm)
        throw (0,grammar/* lineError */.VH)(line, text, `only "?version=N" may follow the path, got "?${query.slice(0, 40)}"`);
    const version = Number(vm[1]);
    if (!Number.isSafeInteger(version) || version < 1)
        throw (0,grammar/* lineError */.VH)(line, text, 'the version must be a whole number of 1 or more');
    return { path, version };
}
/** Parses one entry. */
function parseSelector(line, text) {
    const { lhs, rhs } = (0,grammar/* splitSink */.AN)(text);
    const tokens = (0,grammar/* tokenize */.qw)(lhs);
    if (typeof tokens === 'string')
        throw (0,grammar/* lineError */.VH)(line, text, tokens);
    const [pathToken, ...rest] = tokens;
    if (!pathToken)
        throw (0,grammar/* lineError */.VH)(line, text, 'expected "PATH KEY | NAME", found no path');
    const { path, version } = parsePath(line, text, pathToken);
    const params = {};
    let paramCount = 0;
    const keys = [];
    for (const t of rest) {
        const eq = t.indexOf('=');
        if (eq > 0 && !/^["`]/.test(t) && keys.length === 0) {
            const k = t.slice(0, eq);
            let v = t.slice(eq + 1);
            if (/^".*"$|^`.*`$/.test(v) && v.length >= 2)
                v = v.slice(1, -1);
            if (!/^[A-Za-z0-9_.-]+$/.test(k))
                throw (0,grammar/* lineError */.VH)(line, text, `"${k.slice(0, 40)}" is not a parameter name`);
            if (k in params)
                throw (0,grammar/* lineError */.VH)(line, text, `the parameter "${k}" is given twice`);
            params[k] = v;
            paramCount++;
        }
        else {
            keys.push(t);
        }
    }
    if (keys.length > 1) {
        throw (0,grammar/* lineError */.VH)(line, text, `expected one key after the path, found ${keys.length} words ("${keys.join('", "').slice(0, 80)}"); quote a key that contains spaces: "my key"`);
    }
    const write = paramCount > 0;
    if (write && version !== undefined)
        throw (0,grammar/* lineError */.VH)(line, text, '"?version=N" is for KV v2 reads; a line with parameters is a write');
    const sinkSpec = rhs === undefined ? undefined : (0,grammar/* parseSink */.pr)(rhs, (what) => (0,grammar/* lineError */.VH)(line, text, what), true);
    const sink = sinkSpec?.sink ?? 'env';
    const keyText = keys[0];
    let field;
    if (keyText === undefined) {
        if (write && isPkiIssue(path))
            field = null;
        else if (write)
            throw (0,grammar/* lineError */.VH)(line, text, 'name the key to take from the response after the parameters, or * for every key');
        else
            throw (0,grammar/* lineError */.VH)(line, text, `name a key after the path (e.g. "${path} api_key | API_KEY"), or * for every key`);
    }
    else if (keyText === '*') {
        field = '*';
    }
    else {
        const parsed = (0,grammar/* parseField */.cn)(keyText);
        if (typeof parsed === 'string')
            throw (0,grammar/* lineError */.VH)(line, text, parsed);
        field = parsed;
    }
    if ((sink === 'dotenv' || sink === 'json') && field === null) {
        throw (0,grammar/* lineError */.VH)(line, text, `a PKI bundle goes to env or "file:"; "${sink}:" is for a whole secret (*) or a JSON object field`);
    }
    let names;
    if (field === null && !sinkSpec) {
        // a PKI bundle is named by its role: pki/issue/web -> WEB_CERT, WEB_KEY, WEB_CA
        const role = (0,secrets_names/* envName */.pD)(path.slice(path.lastIndexOf('/') + 1));
        names = { name: role, outputName: role };
    }
    else {
        names = (0,grammar/* entryNames */.VM)(sinkSpec, field === '*', () => (field !== null && field !== '*' ? field.segments.join('.') : ''));
    }
    const { name, outputName } = names;
    const sel = { line, text, path, field, sink, name, outputName, named: sinkSpec !== undefined };
    if (version !== undefined)
        sel.version = version;
    if (write)
        sel.params = params;
    return sel;
}
/** Parses the whole input; checks collisions among the names known before fetching. */
function parseSecretsInput(input) {
    const entries = splitEntries(input);
    if (entries.length === 0)
        throw new UserError(SECRETS_INPUT, 'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY"');
    const out = entries.map((e) => parseSelector(e.line, e.text));
    checkStaticNames(out);
    return out;
}
/** Fails on two selectors that set one env name known before fetching, naming both lines. */
function checkStaticNames(selectors) {
    const seen = new Map();
    for (const s of selectors) {
        for (const n of staticNames(s)) {
            const prev = seen.get(n);
            if (prev)
                throw (0,collisions/* collision */.Zh)(n, prev, s);
            seen.set(n, s);
        }
    }
}
/** The env names a selector sets that are known before fetching ('*' names come later). */
function staticNames(s) {
    if (s.field === '*' && s.sink !== 'dotenv' && s.sink !== 'json')
        return [];
    if (s.field === null)
        return [s.name + secrets_select/* PKI_PARTS */.Uu.cert, s.name + secrets_select/* PKI_PARTS */.Uu.key, s.name + secrets_select/* PKI_PARTS */.Uu.ca];
    return [s.name];
}
/** The selector as secrets/select.ts takes it: what to pick from the path's answer. */
function selection(s) {
    const pick = s.field === null ? { kind: 'pki', vaultAction: s.vaultActionPki === true } : s.field === '*' ? { kind: 'expand' } : { kind: 'key', field: s.field };
    return { line: s.line, text: s.text, pick, sink: s.sink, name: s.name, outputName: s.outputName, named: s.named };
}

;// CONCATENATED MODULE: ./src/actions/fetch-secrets/pki-input.ts
/**
 * hashicorp/vault-action's `pki` input: `PATH {JSON parameters} [| NAME]` entries, separated by
 * `;` or new lines, e.g. `pki/issue/web {"common_name": "web.example.com", "ttl": "1h"}`. Each
 * becomes a PKI issue selector whose values are named as vault-action names them: WEB_CERT,
 * WEB_KEY, WEB_CA (issuing CA), WEB_CA_CHAIN (and outputs web_cert ...). Errors name the entry.
 */





const PKI_INPUT = 'pki';
function fail(n, text, what) {
    return new core_errors/* UserError */.yo(PKI_INPUT, `entry ${n} ("${text.slice(0, 120)}"): ${what}`);
}
/** Entries split on `;` outside the JSON braces, and on new lines. */
function entries(raw) {
    const out = [];
    let cur = '';
    let depth = 0;
    let quote = false;
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i] ?? '';
        if (quote) {
            if (ch === '\\') {
                cur += ch + (raw[i + 1] ?? '');
                i++;
                continue;
            }
            if (ch === '"')
                quote = false;
        }
        else if (ch === '"')
            quote = true;
        else if (ch === '{')
            depth++;
        else if (ch === '}')
            depth--;
        else if ((ch === ';' || ch === '\n') && depth <= 0) {
            if (cur.trim())
                out.push(cur.trim());
            cur = '';
            continue;
        }
        cur += ch;
    }
    if (cur.trim())
        out.push(cur.trim());
    return out;
}
/** Parses the pki input into selectors; line numbers start after the secrets input's `lineBase`. */
function parsePkiInput(raw, lineBase = 10_000) {
    return entries(raw).map((text, i) => {
        const n = i + 1;
        const bar = text.lastIndexOf('|');
        const hasName = bar > text.lastIndexOf('}');
        const lhs = hasName ? text.slice(0, bar).trim() : text;
        const given = hasName ? text.slice(bar + 1).trim() : '';
        const sp = lhs.search(/\s/);
        const path = trimPath(sp < 0 ? lhs : lhs.slice(0, sp));
        const json = sp < 0 ? '' : lhs.slice(sp).trim();
        if (!/(^|\/)(issue|sign)\/[^/]+$/.test(path) || hasBadSegment(path)) {
            throw fail(n, text, 'expected a PKI issue path such as pki/issue/ROLE, then its JSON parameters');
        }
        let params = {};
        if (json) {
            try {
                params = JSON.parse(json);
            }
            catch {
                throw fail(n, text, 'the parameters are not valid JSON, e.g. {"common_name": "web.example.com", "ttl": "1h"}');
            }
        }
        if (!(0,core_json/* isObject */.Gv)(params))
            throw fail(n, text, 'the parameters must be a JSON object');
        const flat = {};
        for (const [k, v] of Object.entries(params))
            flat[k] = typeof v === 'string' ? v : JSON.stringify(v);
        if (given && !(0,parse/* isEnvName */.Xc)(given))
            throw fail(n, text, `"${given.slice(0, 40)}" is not a valid variable name`);
        const role = path.slice(path.lastIndexOf('/') + 1);
        const base = given || (0,secrets_names/* normalizeName */.Pc)(role);
        return {
            line: lineBase + n,
            text,
            path,
            params: flat,
            field: null,
            sink: 'env',
            name: base.toUpperCase(),
            outputName: base,
            named: given !== '',
            vaultActionPki: true,
        };
    });
}

// EXTERNAL MODULE: ./src/stores/selector.ts
var selector = __webpack_require__(3301);
;// CONCATENATED MODULE: ./src/actions/fetch-secrets/secret-ids.ts
/**
 * Drop-in inputs of aws-actions/aws-secretsmanager-get-secrets (v2, node24 action.yml):
 *   secret-ids                          names, ARNs, `ALIAS,id` and `prefix*` (at least 3
 *                                       characters, then *), one per line; `,id` is a blank alias
 *   parse-json-secrets                  a JSON object secret becomes one variable per key,
 *                                       recursively, named SECRET_KEY_SUBKEY (alias or nothing
 *                                       in front for a blank alias)
 *   name-transformation                 uppercase (default) | lowercase | none
 *   auto-select-family-attempt-timeout  ms for the first address family (Happy Eyeballs), >= 10
 * Parsed into aws-sm StoreSelectors with the aws-compat pick, so the values take the same
 * path (masking, collisions, files) as every other store line.
 */




const PREFIX_RE = /^[a-zA-Z0-9/_+=.@-]{3,}\*$/;
const ID_RE = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
function parseNameCase(raw) {
    const v = raw.trim().toLowerCase();
    if (v === '' || v === 'uppercase')
        return 'uppercase';
    if (v === 'lowercase' || v === 'none')
        return v;
    throw new core_errors/* UserError */.yo('name-transformation', `expected uppercase, lowercase or none, got "${raw.trim().slice(0, 40)}"`);
}
function parseAwsSmCompat(inputs) {
    const parseJson = (0,parse/* parseBool */.q6)(inputs['parse-json-secrets'] ?? '', 'parse-json-secrets', false);
    const nameCase = parseNameCase(inputs['name-transformation'] ?? '');
    const out = { selectors: [] };
    const rawTimeout = (inputs['auto-select-family-attempt-timeout'] ?? '').trim();
    if (rawTimeout) {
        if (!/^\d+$/.test(rawTimeout) || Number(rawTimeout) < 10) {
            throw new core_errors/* UserError */.yo('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${rawTimeout.slice(0, 20)}"`);
        }
        out.autoSelectFamilyAttemptTimeoutMs = Number(rawTimeout);
    }
    const seen = new Set();
    for (const { line, text } of (0,grammar/* splitEntries */.l8)(inputs['secret-ids'] ?? '', { oneByLine: true })) {
        if (seen.has(text))
            continue;
        seen.add(text);
        const fail = (what) => new core_errors/* UserError */.yo('secret-ids', `line ${line} ("${text.slice(0, 120)}"): ${what}`);
        const parts = text.split(',');
        if (parts.length > 2)
            throw fail('expected "ALIAS,secret-id" with one comma');
        const alias = parts.length === 2 ? (parts[0] ?? '').trim() : undefined;
        const id = (parts.length === 2 ? (parts[1] ?? '') : text).trim();
        if (alias && (!(0,parse/* isEnvName */.Xc)(alias) || (0,secrets_names/* compatEnvName */.pI)(alias, nameCase) !== alias)) {
            const casing = nameCase === 'uppercase' ? 'upper-case ' : nameCase === 'lowercase' ? 'lower-case ' : '';
            throw fail(`the alias "${alias.slice(0, 60)}" is not a valid environment name: use ${casing}letters, digits and underscores, not starting with a digit`);
        }
        if (!id)
            throw fail('the secret id is empty');
        const prefix = id.includes('*');
        if (prefix && !PREFIX_RE.test(id))
            throw fail('use a valid prefix search: at least 3 characters, then * at the end');
        if (!prefix && !ID_RE.test(id))
            throw fail(`"${id.slice(0, 80)}" is not a secret name or ARN`);
        const sel = {
            store: 'aws-sm',
            line,
            text,
            id: prefix ? id.slice(0, -1) : id,
            pick: { kind: 'aws-compat', parseJson, nameCase, ...(alias !== undefined ? { alias } : {}) },
            sink: 'env',
            name: alias ?? '',
            outputName: alias ?? '',
            named: alias !== undefined && alias !== '',
        };
        if (prefix)
            sel.prefix = true;
        out.selectors.push(sel);
    }
    if (out.selectors.length === 0)
        throw new core_errors/* UserError */.yo('secret-ids', 'give at least one secret name, ARN or prefix*, one per line');
    return out;
}

;// CONCATENATED MODULE: ./src/actions/fetch-secrets/plan.ts
/**
 * The one parse of fetch-secrets' entries. Each entry of `secrets` is a cloud store line (it
 * starts with a store prefix: stores/selector.ts) or a Vault line (vault/selector.ts); both sides
 * share the line grammar of secrets/grammar.ts. `secret-ids` adds Secrets Manager entries
 * (secret-ids.ts) and `pki` Vault PKI bundles (pki-input.ts). Every entry is parsed once, and
 * every error names its input and line.
 */







function planSecrets(inputs) {
    const pki = parsePkiInput(inputs.pki);
    if (pki.length > 0 && !inputs.secrets.trim() && !inputs['secret-ids'].trim())
        return { vault: pki, stores: [] };
    const stores = [];
    const vaultEntries = [];
    // the store lines are parsed first, then secret-ids, then the Vault lines: with several bad
    // entries, the one reported is the one it always was
    for (const e of (0,grammar/* splitEntries */.l8)(inputs.secrets)) {
        const s = (0,selector/* parseStoreLine */.XQ)(e.text, e.line);
        if (s)
            stores.push(s);
        else
            vaultEntries.push(e);
    }
    if (inputs['secret-ids'].trim()) {
        stores.push(...parseAwsSmCompat({
            'secret-ids': inputs['secret-ids'],
            'parse-json-secrets': inputs['parse-json-secrets'],
            'name-transformation': inputs['name-transformation'],
        }).selectors);
    }
    else {
        // validated even when unused, so a typo fails fast
        (0,parse/* parseBool */.q6)(inputs['parse-json-secrets'], 'parse-json-secrets', false);
    }
    if (!vaultEntries.length && !stores.length) {
        throw new core_errors/* UserError */.yo(grammar/* SECRETS_INPUT */.dK, 'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY" or "aws-sm:prod/db password | DB_PASSWORD" (or give secret-ids)');
    }
    const vault = vaultEntries.map((e) => parseSelector(e.line, e.text));
    checkStaticNames(vault);
    return { vault: [...vault, ...pki], stores };
}

;// CONCATENATED MODULE: ./src/actions/fetch-secrets/config.ts
/**
 * fetch-secrets' configuration: every input read and checked (the entries parsed once, every
 * secret among the inputs registered) before any network call; every error names its input.
 */








/** State main leaves for post. */
const STATE = {
    leases: 'fetchSecretsLeases',
    /** the token this step logged in with, to revoke */
    token: 'fetchSecretsToken',
    /** the token this step logged in with, kept (revoke: false) but needed to revoke the leases */
    leaseToken: 'fetchSecretsLeaseToken',
};
/** secret-encoding-type: utf8 (as stored, the default), base64 or hex. */
function parseEncoding(raw) {
    const v = raw
        .trim()
        .toLowerCase()
        .replace(/^utf-8$/, 'utf8');
    if (v === '' || v === 'utf8')
        return 'utf8';
    if (v === 'base64' || v === 'hex')
        return v;
    throw new core_errors/* UserError */.yo(ENCODING_INPUT, `expected base64, hex or utf8, got "${v.slice(0, 20)}"`);
}
function readConfig(r) {
    const plan = planSecrets({
        secrets: r.input(grammar/* SECRETS_INPUT */.dK),
        pki: r.input(PKI_INPUT),
        'secret-ids': r.input('secret-ids'),
        'parse-json-secrets': r.input('parse-json-secrets'),
        'name-transformation': r.input('name-transformation'),
    });
    const exportEnv = (0,parse/* parseBool */.q6)(r.input('export-env'), 'export-env', true);
    const outputs = (0,parse/* parseBool */.q6)(r.input('outputs'), 'outputs', true);
    const ignoreNotFound = (0,parse/* parseBool */.q6)(r.input('ignore-not-found'), 'ignore-not-found', false);
    const encoding = parseEncoding(r.input('secret-encoding-type'));
    const exportToken = (0,parse/* parseBool */.q6)(r.input('export-token'), 'export-token', false);
    const outputToken = (0,parse/* parseBool */.q6)(r.input('output-token'), 'output-token', false);
    const timeoutS = (0,vault_config/* parseStepTimeout */.tS)(r.input('timeout'), 300);
    const pending = new Set();
    const revokeLeases = (0,parse/* parseBool */.q6)(r.input('revoke-leases'), 'revoke-leases', true);
    const revoke = (0,parse/* parseBool */.q6)(r.input('revoke'), 'revoke', true);
    const concurrency = (0,parse/* parseIntIn */.yt)(r.input('concurrency'), 'concurrency', 8, 1, 64);
    const c = {
        vault: plan.vault,
        stores: plan.stores,
        exportEnv,
        outputs,
        ignoreNotFound,
        encoding,
        exportToken,
        outputToken,
        timeoutS,
        revokeLeases,
        revoke,
        concurrency,
        pending,
    };
    if (plan.stores.length)
        c.storeContext = storeContext(r, plan.stores, concurrency);
    // the Vault inputs are read only when there is a Vault entry: a store-only step never needs them
    if (plan.vault.length)
        c.login = (0,vault_config/* readVaultLogin */.wz)(r, { useEnvToken: true, pending });
    return c;
}

// EXTERNAL MODULE: ./src/core/pool.ts
var pool = __webpack_require__(6021);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/files.ts
var core_files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
;// CONCATENATED MODULE: ./src/secrets/inject.ts
/**
 * Values to the job: every value, line and leaf is masked first; then every file is written
 * (0600, all or none); only then are env vars and outputs set. The summary names what was
 * injected, never a value. The target is structural so this module needs no platform import.
 */







const FILES_STATE = 'fetchSecretsFiles';
/**
 * Registers every value (and each leaf long enough to mask: JSON fields, the encoded text of a
 * decoded value) before anything is written. A binary value has no text form to mask: its
 * encoded text, in its leaves, is what is masked.
 */
function maskAll(t, items) {
    for (const i of items) {
        if (!i.binary)
            t.secret(i.value, i.name);
        for (const leaf of i.leaves)
            if (leaf.trim().length >= mask/* MIN_SECRET_LENGTH */.vb)
                t.secret(leaf, `${i.name} (a field)`);
    }
}
async function inject(t, items, opts) {
    // decodeItems refuses these first; an env var or output never receives bytes that are no text
    const binaryEnv = items.find((i) => i.binary && i.sink === 'env');
    if (binaryEnv)
        throw new core_errors/* UserError */.yo(grammar/* SECRETS_INPUT */.dK, `line ${binaryEnv.line}: ${binaryEnv.name} is binary: only a file: sink can take it`);
    maskAll(t, items);
    const fileItems = items.filter((i) => i.sink !== 'env');
    const done = items.map((item) => ({ item }));
    if (fileItems.length) {
        const dir = (0,external_node_path_.join)(t.tempDir(), `fetch-secrets-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        const planned = new Map(fileItems.map((i) => [i, (0,external_node_path_.join)(dir, `${i.name}${i.ext}`)]));
        // Saved before writing, so the post step removes whatever a crash leaves behind.
        t.saveState(FILES_STATE, JSON.stringify({ dir, files: [...planned.values()] }));
        const written = [];
        try {
            for (const [i, path] of planned) {
                await (0,core_files/* writeSecretFile */.AK)(path, i.bytes ?? i.value);
                written.push(path);
            }
        }
        catch (err) {
            await (0,core_files/* removeFiles */.WS)(written);
            throw err;
        }
        for (const d of done) {
            const p = planned.get(d.item);
            if (p)
                d.file = p;
        }
    }
    for (const d of done) {
        const value = d.file ?? d.item.value;
        if (opts.exportEnv)
            t.exportEnv(d.item.name, value);
        if (opts.outputs)
            t.output(d.item.outputName, value);
    }
    return done;
}
/** Removes the files a main step wrote (post step); returns the ones that failed. */
async function removeInjectedFiles(state) {
    if (!state)
        return { removed: 0, failed: [] };
    let parsed;
    try {
        parsed = JSON.parse(state);
    }
    catch {
        return { removed: 0, failed: [] };
    }
    const files = typeof parsed === 'object' && parsed !== null && 'files' in parsed && Array.isArray(parsed.files)
        ? parsed.files.filter((x) => typeof x === 'string')
        : [];
    const dir = typeof parsed === 'object' && parsed !== null && 'dir' in parsed && typeof parsed.dir === 'string' ? parsed.dir : '';
    const failed = await (0,core_files/* removeFiles */.WS)(files);
    // the directory only once empty (never a recursive delete)
    if (dir && !failed.length)
        await external_node_fs_.promises.rmdir(dir).catch(() => undefined);
    return { removed: files.length - failed.length, failed };
}
function fmtTtl(s) {
    if (s % 3600 === 0 && s >= 3600)
        return `${s / 3600}h`;
    if (s % 60 === 0 && s >= 60)
        return `${s / 60}m`;
    return `${s}s`;
}
function cell(s) {
    return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
function fromWhere(vault, stores) {
    const plural = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    if (!stores)
        return plural(vault, 'Vault request');
    const st = plural(stores, 'cloud store read');
    return vault ? `${plural(vault, 'Vault request')} and ${st}` : st;
}
/** The step summary: names, kinds, sources, versions and lease TTLs; never values. */
function summaryMarkdown(done, opts) {
    const rows = done.map(({ item, file }) => {
        const kinds = [];
        if (file)
            kinds.push(item.sink === 'file' ? 'file' : `file (${item.sink})`);
        if (opts.exportEnv)
            kinds.push('env');
        if (opts.outputs)
            kinds.push('output');
        const src = item.key === '*' || item.key === '' ? item.source : `${item.source} \`${item.key}\``;
        return `| \`${cell(item.name)}\` | ${kinds.join(', ') || 'masked only'} | ${cell(src)} | ${item.version ?? ''} | ${item.leaseTtl !== undefined ? fmtTtl(item.leaseTtl) : ''} |`;
    });
    const lines = [
        '### fetch-secrets',
        '',
        `${done.length} value${done.length === 1 ? '' : 's'} injected from ${fromWhere(opts.requests, opts.storeReads ?? 0)} in ${opts.ms} ms. Values are masked and never shown here.`,
        '',
        '| name | kind | source | version | lease TTL |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
    ];
    if (opts.skipped.length)
        lines.push('', `Skipped (ignore-not-found): ${opts.skipped.length}`, ...opts.skipped.map((s) => `- ${cell(s)}`));
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/vault/login.ts
var login = __webpack_require__(9777);
;// CONCATENATED MODULE: ./src/actions/fetch-secrets/post.ts
/**
 * fetch-secrets' post step: removes the files main wrote, revokes the leases of dynamic secrets
 * and (when main logged in itself) the token. A failure is a warning: the step never fails here.
 */






function parseLeases(raw) {
    if (!raw)
        return [];
    try {
        const v = JSON.parse(raw);
        return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    }
    catch {
        return [];
    }
}
async function post(r) {
    const removed = await removeInjectedFiles(r.getState(FILES_STATE));
    if (removed.removed)
        r.info(`Removed ${removed.removed} secret file(s).`);
    for (const f of removed.failed)
        r.warning(`Could not remove the secret file ${f.path} (${f.code})`, { title: 'Secret file not removed' });
    const leases = parseLeases(r.getState(STATE.leases));
    const created = r.getState(STATE.token);
    if (!leases.length && !created)
        return;
    let token;
    try {
        token = created || r.getState(STATE.leaseToken) || (0,vault_config/* checkToken */.SK)(r.input('token'), 'token') || (0,vault_config/* checkToken */.SK)(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
    }
    catch (err) {
        r.warning(`Could not revoke the leases: ${(0,core_errors/* describeError */.Uc)(err)}`, { title: 'Leases not revoked' });
        return;
    }
    if (!token) {
        r.warning(`No Vault token in the post step: ${leases.length} lease(s) were not revoked and end with their TTL.`, { title: 'Leases not revoked' });
        return;
    }
    r.secret(token, 'the Vault token');
    let client;
    try {
        const conn = (0,vault_config/* readVaultConnection */.Rp)(r);
        client = (0,login/* vaultClient */.es)({ ...conn, retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, (0,vault_config/* clientCaps */.tx)(r), token);
    }
    catch (err) {
        r.warning(`Could not revoke the leases: ${(0,core_errors/* describeError */.Uc)(err)}`);
        return;
    }
    try {
        const results = await (0,pool/* pool */.d)(leases, 8, (id) => client.revokeLease(id));
        let ok = 0;
        results.forEach((res, i) => {
            if (res.ok)
                ok++;
            else
                r.warning(`Could not revoke the lease ${leases[i] ?? ''}; it ends with its TTL: ${(0,core_errors/* describeError */.Uc)(res.error)}`, { title: 'Lease not revoked' });
        });
        if (ok)
            r.info(`Revoked ${ok} lease(s) (sys/leases/revoke).`);
        if (created) {
            try {
                await client.revokeSelf();
                r.info('Revoked the Vault token this step logged in with.');
            }
            catch (err) {
                if (err instanceof core_errors/* RemoteError */.Hi && err.code === 'invalid_token')
                    r.info('The Vault token was already revoked or expired.');
                else
                    r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${(0,core_errors/* describeError */.Uc)(err)}`, { title: 'Vault token not revoked' });
            }
        }
    }
    finally {
        await client.close();
    }
}

// EXTERNAL MODULE: ./src/vault/deadline.ts
var deadline = __webpack_require__(6238);
;// CONCATENATED MODULE: ./src/vault/fetch.ts
/**
 * Resolves parsed selectors to values: one request per distinct (path, version, parameters),
 * all in parallel under a concurrency cap. KV v1 and v2 are told apart by the response shape;
 * a path that answers 404 is looked up with sys/internal/ui/mounts so a KV v2 path written
 * without `data/` is resolved (said in debug), and a truly missing one gets an error naming
 * what is there. Values are returned, never printed: errors carry paths and key names only.
 */





/** A request's failure: `notFound` ones may be skipped with ignore-not-found. */
class FetchError extends Error {
    notFound;
    cause_;
    name = 'FetchError';
    constructor(message, notFound, cause_ = undefined) {
        super(message);
        this.notFound = notFound;
        this.cause_ = cause_;
    }
}
function groupFetches(selectors) {
    const map = new Map();
    for (const s of selectors) {
        const method = s.params ? 'POST' : 'GET';
        const key = JSON.stringify([method, s.path, s.version ?? null, s.params ?? null]);
        let f = map.get(key);
        if (!f) {
            f = { method, path: s.path, selectors: [] };
            if (s.version !== undefined)
                f.version = s.version;
            if (s.params)
                f.params = s.params;
            map.set(key, f);
        }
        f.selectors.push(s);
    }
    return [...map.values()];
}
function where(f) {
    const lines = [...new Set(f.selectors.map((s) => s.line))].join(', ');
    return `line${f.selectors.length > 1 && lines.includes(',') ? 's' : ''} ${lines}`;
}
function pathText(f, path = f.path) {
    return f.version !== undefined ? `${path} (version ${f.version})` : path;
}
/** True when a read's `data` is the KV v2 wrapper {data, metadata{version}}. */
function kv2Shape(path, data) {
    const meta = data['metadata'];
    return /(^|\/)data\//.test(path) && 'data' in data && (0,core_json/* isObject */.Gv)(meta) && typeof meta['version'] === 'number';
}
/** Reads one fetch; a 404 or 403 consults the mount table (a KV v2 path without `data/`). */
async function fetchOne(src, f) {
    const first = await attempt(src, f, f.path);
    if (first.ok)
        return first.ok;
    const mount = await src.mountInfo(f.path).catch(() => null);
    if (!mount) {
        if (first.denied)
            throw await deniedError(src, f, first.denied);
        throw new FetchError(`${where(f)}: nothing at ${pathText(f)}: no secrets engine is mounted there, or the token may not see it (check the mount name, the first part of the path)`, true);
    }
    const mountPath = mount.path.replace(/\/+$/, '');
    const rel = f.path === mountPath ? '' : f.path.slice(mountPath.length + 1);
    if (mount.type === 'kv' && mount.kvVersion === 2 && f.method === 'GET' && !/^(data|metadata)(\/|$)/.test(rel)) {
        const resolved = `${mountPath}/data/${rel}`;
        src.debug(`${f.path} is on the KV v2 mount ${mountPath}/: reading ${resolved} (write it so to skip this lookup)`);
        const second = await attempt(src, f, resolved);
        if (second.ok)
            return second.ok;
        if (second.denied)
            throw await deniedError(src, f, second.denied);
        throw notFound(f, resolved, second.deleted);
    }
    if (first.denied)
        throw await deniedError(src, f, first.denied);
    if (mount.type === 'kv' && mount.kvVersion !== 2 && f.version !== undefined) {
        throw new FetchError(`${where(f)}: "?version=${f.version}" needs KV v2, but ${mountPath}/ is KV v1: remove the version`, false);
    }
    throw notFound(f, f.path, first.deleted);
}
/** A 403 names the path and the token's policies (lookup-self, only now that it is needed). */
async function deniedError(src, f, d) {
    const policies = await src.policies().catch(() => []);
    const named = policies.length ? ` (${policies.join(', ')})` : '';
    return new FetchError(`${where(f)}: permission denied on ${d.path}: the token's policies${named} do not grant ${f.method === 'GET' ? 'read' : 'update'} on it`, false, d.err);
}
function notFound(f, path, deleted) {
    if (deleted) {
        const v = f.version !== undefined ? `version ${f.version} of ${path}` : `the current version of ${path}`;
        return new FetchError(`${where(f)}: ${v} was deleted or destroyed: undelete it, or pin another version with ?version=N`, true);
    }
    const what = f.version !== undefined ? `version ${f.version} of ${path} does not exist` : `no secret at ${path}`;
    return new FetchError(`${where(f)}: ${what}`, true);
}
async function attempt(src, f, path) {
    const opts = {};
    if (f.version !== undefined)
        opts.version = f.version;
    if (f.params)
        opts.body = f.params;
    let res;
    try {
        res = await src.request(f.method, path, opts);
    }
    catch (err) {
        if (err instanceof core_errors/* RemoteError */.Hi && err.status === 403 && err.code !== 'invalid_token')
            return { deleted: false, denied: { path, err } };
        if (err instanceof core_errors/* RemoteError */.Hi)
            throw new FetchError(`${where(f)}: ${err.message}`, false, err);
        throw err;
    }
    if (!res.found)
        return { deleted: res.deleted };
    const raw = res.data;
    if (!raw)
        return { deleted: false };
    const out = { fetch: f, readPath: path, data: raw };
    if (res.leaseId) {
        out.leaseId = res.leaseId;
        out.leaseTtl = res.leaseDuration;
        out.renewable = res.renewable;
    }
    if (kv2Shape(path, raw)) {
        const inner = raw['data'];
        if (!(0,core_json/* isObject */.Gv)(inner))
            return { deleted: true };
        out.data = inner;
        out.kv = 2;
        const meta = raw['metadata'];
        if ((0,core_json/* isObject */.Gv)(meta) && typeof meta['version'] === 'number')
            out.version = meta['version'];
    }
    else if (res.mountType === 'kv') {
        out.kv = 1;
        if (f.version !== undefined)
            throw new FetchError(`${where(f)}: "?version=${f.version}" needs KV v2, but ${path} answered as KV v1: remove the version`, false);
    }
    return { ok: out, deleted: false };
}
/**
 * Runs every fetch (concurrency-capped). All failures are collected; unless every one is a
 * not-found and `ignoreNotFound` is set, they come back together as `error`: the caller saves
 * the leases it got, then throws, so nothing is injected.
 */
async function fetchAll(src, fetches, opts) {
    const results = await (0,pool/* pool */.d)(fetches, opts.concurrency, (f) => fetchOne(src, f));
    const fetched = [];
    const failed = [];
    // anything else (a mount lookup that kept failing, a malformed answer) still comes back as
    // `error`, never thrown, so the caller saves the leases the other requests got
    let unexpected;
    for (const r of results) {
        if (r.ok)
            fetched.push(r.value);
        else if (r.error instanceof FetchError)
            failed.push(r.error);
        else
            unexpected ??= r.error;
    }
    const fatal = failed.filter((e) => !(e.notFound && opts.ignoreNotFound));
    const out = { fetched, skipped: failed.filter((e) => !fatal.includes(e)), requests: fetches.length };
    if (unexpected !== undefined)
        out.error = unexpected instanceof Error ? unexpected : new Error(String(unexpected));
    else if (fatal.length)
        out.error = combine(fatal);
    return out;
}
function combine(errors) {
    const first = errors[0];
    if (errors.length === 1 && first) {
        if (first instanceof FetchError && first.cause_ instanceof core_errors/* RemoteError */.Hi)
            return new core_errors/* RemoteError */.Hi(first.message, { service: 'Vault', status: first.cause_.status, retryable: false });
        return new core_errors/* UserError */.yo(grammar/* SECRETS_INPUT */.dK, first.message);
    }
    return new core_errors/* UserError */.yo(grammar/* SECRETS_INPUT */.dK, `${errors.length} selectors failed, nothing was injected:\n${errors.map((e) => `- ${e.message}`).join('\n')}`);
}
/** Each read once per line that asked for it, as secrets/select.ts takes it. */
function perEntry(reads) {
    return reads.flatMap((r) => r.fetch.selectors.map((s) => ({
        sel: selection(s),
        value: r.data,
        source: r.readPath,
        ...(r.version !== undefined ? { version: r.version } : {}),
        ...(r.leaseTtl !== undefined ? { leaseTtl: r.leaseTtl } : {}),
    })));
}

;// CONCATENATED MODULE: ./src/vault/store.ts
/** Vault as fetch-secrets reads it: the Vault client adapted to fetch.ts's SecretSource. */

function vaultSource(client, debug) {
    let policies;
    return {
        debug,
        async request(method, path, opts) {
            try {
                const res = await client.request(method, path, opts.body, opts.version !== undefined ? { query: { version: String(opts.version) } } : {});
                return { found: true, leaseId: res.leaseId, leaseDuration: res.leaseDuration, renewable: res.renewable, data: res.data, mountType: res.mountType };
            }
            catch (err) {
                if (err instanceof core_errors/* RemoteError */.Hi && err.status === 404)
                    return { found: false, deleted: err.code === 'deleted' };
                throw err;
            }
        },
        async mountInfo(path) {
            try {
                const m = await client.mountInfo(path);
                return { path: m.path, type: m.type, kvVersion: m.type === 'kv' ? Number(m.version || '1') : 0 };
            }
            catch (err) {
                if (err instanceof core_errors/* RemoteError */.Hi && err.status < 500)
                    return null;
                throw err;
            }
        },
        policies() {
            policies ??= client.lookupSelf().then((t) => t.policies, () => []);
            return policies;
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/fetch-secrets/run.ts
/**
 * fetch-secrets' main step from a Config: Vault (logged in to only when there are Vault
 * entries) and the cloud stores are read in parallel; nothing is injected unless every entry of
 * both succeeded. Then every value is masked, every file written (0600, all or none), and only
 * then env vars and outputs set. Leases and a token this step created are saved for the post
 * step before anything can fail. The store layer (stores/index.ts and, through it, each store's
 * module and SDK) is imported only when a store entry is present.
 */












async function networkVault(opts, r) {
    const l = await (0,login/* login */.iD)(opts, (0,vault_config/* loginCaps */.R9)(r));
    return {
        token: l.token,
        created: l.created,
        method: l.method,
        ttl: l.ttl,
        connection: l.connection,
        source: vaultSource(l.client, (m) => r.debug(m)),
        close: () => l.client.close(),
    };
}
const NETWORK = { vault: networkVault };
const NO_VAULT = { items: [], skipped: [], requests: 0, leases: 0, publishToken: () => undefined };
/** export-token / output-token (vault-action's exportToken, outputToken: the vault_token output). */
function exportToken(r, session, c) {
    if (c.outputToken)
        r.output('vault_token', session.token);
    if (!c.exportToken)
        return;
    r.exportEnv('VAULT_ADDR', session.connection.url);
    r.exportEnv('VAULT_TOKEN', session.token);
    if (session.connection.namespace)
        r.exportEnv('VAULT_NAMESPACE', session.connection.namespace);
    if ((0,deadline/* shortLived */.L)(session.ttl))
        r.warning(`The exported Vault token expires in ${session.ttl}s, likely before the job ends: raise the role's token_ttl.`, {
            title: 'Short-lived Vault token',
        });
}
/** Dynamic secrets whose lease ends within 10 minutes: the job likely outlives them. */
function warnShortLeases(r, items) {
    const short = items.filter((i) => i.leaseTtl !== undefined && (0,deadline/* shortLived */.L)(i.leaseTtl));
    if (!short.length)
        return;
    const names = [...new Set(short.map((i) => `${i.name} (${i.leaseTtl ?? 0}s)`))].join(', ');
    r.warning(`These credentials expire within 10 minutes, likely before the job ends: ${names}. Raise the role's default_ttl, or fetch them in the step that uses them.`, { title: 'Short-lived credentials' });
}
/**
 * Logs in (unless a token is given), reads every Vault entry; leases and the token are saved for
 * the post step before anything can fail. The token is exported only after every value was
 * injected (publishToken), so a failing entry leaves nothing behind.
 */
async function fromVault(r, selectors, loginOpts, c, sources) {
    const session = await sources.vault(loginOpts, r);
    try {
        if (session.created) {
            r.secret(session.token, 'the Vault token');
            if (c.revoke) {
                r.saveState(STATE.token, session.token);
                r.info(`Logged in to Vault with ${session.method}; the token is revoked when the job ends.`);
            }
        }
        const fetches = groupFetches(selectors);
        const started = Date.now();
        const result = await fetchAll(session.source, fetches, { concurrency: c.concurrency, ignoreNotFound: c.ignoreNotFound });
        r.debug(`fetched ${fetches.length} Vault path(s) in ${Date.now() - started} ms (concurrency ${c.concurrency})`);
        // Leases are saved before anything else can fail, so the post step revokes them all.
        const leases = result.fetched.flatMap((f) => (f.leaseId ? [f.leaseId] : []));
        if (leases.length) {
            if (c.revokeLeases) {
                r.saveState(STATE.leases, JSON.stringify(leases));
                if (session.created && !c.revoke)
                    r.saveState(STATE.leaseToken, session.token);
            }
            else
                r.info(`revoke-leases is false: ${leases.length} lease(s) stay valid until their TTL ends.`);
        }
        if (result.error)
            throw result.error;
        const selected = (0,secrets_select/* selectValues */.zG)(perEntry(result.fetched), { ignoreNotFound: c.ignoreNotFound, outputs: c.outputs });
        warnShortLeases(r, selected.items);
        return {
            items: decodeItems(selected.items, c.encoding),
            skipped: [...result.skipped.map((e) => e.message), ...selected.skipped],
            requests: fetches.length,
            leases: leases.length,
            publishToken: () => exportToken(r, session, c),
        };
    }
    finally {
        await session.close();
    }
}
/**
 * Reads every store entry (the store layer loaded now, on demand) and returns the items ready to
 * inject. Nothing is returned unless every entry succeeded.
 */
async function fromStores(stores, ctx, c, sources) {
    const { fetchStoreSecrets } = await __webpack_require__.e(/* import() */ 826).then(__webpack_require__.bind(__webpack_require__, 2826));
    const res = await fetchStoreSecrets(stores, ctx, {
        ignoreNotFound: c.ignoreNotFound,
        outputs: c.outputs,
        ...(sources.loadStore ? { load: sources.loadStore } : {}),
    });
    const reads = new Set(stores.map((s) => `${s.store}:${s.id}:${s.versionId ?? ''}:${s.versionStage ?? ''}`)).size;
    return { items: res.items, skipped: res.skipped, reads };
}
/** Fails on a store item and a Vault item with one env (or output) name, naming both lines. */
function checkAcross(storeItems, vaultItems, outputs) {
    if (!storeItems.length || !vaultItems.length)
        return;
    const named = (i, out) => ({
        name: out ? i.outputName : i.name,
        line: i.line,
        text: i.text,
        ...(i.pick === 'expand' && i.sink === 'env' ? { key: i.key } : {}),
    });
    (0,collisions/* checkCollisions */.CL)(storeItems, collisions/* storeSource */.bm, { taken: vaultItems.map((i) => named(i, false)) });
    if (outputs)
        (0,collisions/* checkCollisions */.CL)(storeItems, collisions/* storeSource */.bm, { outputs: true, taken: vaultItems.map((i) => named(i, true)) });
}
/** Both sources' failures as one error (nothing is injected). */
function bothFailed(errors) {
    if (errors.length === 1)
        return errors[0];
    const text = `Vault and the cloud stores both failed, nothing was injected:\n${errors.map((e) => `- ${(0,core_errors/* describeError */.Uc)(e)}`).join('\n')}`;
    if (errors.every((e) => e instanceof core_errors/* UserError */.yo))
        return new core_errors/* UserError */.yo(grammar/* SECRETS_INPUT */.dK, text);
    return new core_errors/* RemoteError */.Hi(text, { service: 'fetch-secrets', status: 0, retryable: false });
}
async function run(c, r, sources = NETWORK) {
    const { exportEnv, outputs } = c;
    // Vault (only when there are Vault entries: no login otherwise) and the cloud stores, in parallel.
    const started = Date.now();
    const loginOpts = c.login;
    const storeCtx = c.storeContext;
    const [vault, stores] = await Promise.allSettled([
        c.vault.length && loginOpts
            ? (0,deadline/* withDeadline */.N)(c.timeoutS, () => [...c.pending], () => fromVault(r, c.vault, loginOpts, c, sources))
            : Promise.resolve(NO_VAULT),
        c.stores.length && storeCtx ? fromStores(c.stores, storeCtx, c, sources) : Promise.resolve({ items: [], skipped: [], reads: 0 }),
    ]);
    const ms = Date.now() - started;
    const errors = [vault, stores].flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    if (vault.status === 'rejected' || stores.status === 'rejected')
        throw bothFailed(errors);
    const v = vault.value;
    const s = stores.value;
    checkAcross(s.items, v.items, outputs);
    const skipped = [...v.skipped, ...s.skipped];
    for (const m of skipped)
        r.warning(`ignore-not-found: skipped ${m}`, { title: 'Secret not found' });
    const items = [...v.items, ...s.items].sort(secrets_select/* byLine */.uf);
    const done = await inject(r, items, { exportEnv, outputs });
    v.publishToken();
    const files = done.filter((d) => d.file).length;
    const from = [v.requests ? `${v.requests} Vault path(s)` : '', s.reads ? `${s.reads} cloud store read(s)` : ''].filter(Boolean).join(' and ') || 'nothing';
    r.info(`Injected ${done.length} value(s) from ${from} in ${ms} ms${files ? `, ${files} as files` : ''}${v.leases ? `, ${v.leases} lease(s)` : ''}.`);
    if (outputs && done.length && !r.maskedOutputsLeaveJob) {
        r.warning('Secret step outputs are masked, and GitHub drops masked outputs passed to another job (actions/runner#1061): use them in this job, and run fetch-secrets again in any job that needs the values.', { title: 'Masked outputs stay in this job' });
    }
    await r.summary(summaryMarkdown(done, { exportEnv, outputs, requests: v.requests, storeReads: s.reads, ms, skipped }));
}

// EXTERNAL MODULE: ./src/actions/shared/vault-inputs.ts
var vault_inputs = __webpack_require__(639);
;// CONCATENATED MODULE: ./src/actions/fetch-secrets/spec.ts

/** The cloud stores' inputs (GCP and Azure identity, the AWS region, endpoints, the aws-secretsmanager-get-secrets drop-in). */
const storeInputs = [
    { name: 'aws-region', description: 'AWS region of aws-sm: and aws-ssm: lines (default: AWS_REGION or AWS_DEFAULT_REGION, as oidc-assume-role exports them); the credentials are the job\'s AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', default: '' },
    { name: 'workload_identity_provider', description: 'gcp-sm: lines: the Workload Identity Federation provider, projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (as in google-github-actions/auth)', default: '' },
    { name: 'service_account', description: 'gcp-sm: lines: the service account e-mail to impersonate after the token exchange (optional; as in google-github-actions/auth)', default: '' },
    { name: 'gcp-audience', description: 'gcp-sm: lines: the OIDC token\'s audience for GCP (google-github-actions/auth calls it audience; default https://iam.googleapis.com/<provider>). The audience input is Vault\'s', default: '' },
    { name: 'client-id', description: 'azure-kv: lines: client id of the app registration or managed identity holding the federated credential (as in azure/login)', default: '' },
    { name: 'tenant-id', description: 'azure-kv: lines: the Entra tenant id (as in azure/login)', default: '' },
    { name: 'azure-audience', description: 'azure-kv: lines: the OIDC token\'s audience for Entra (azure/login calls it audience; default api://AzureADTokenExchange)', default: '' },
    { name: 'gcp-endpoints', description: 'private (Private Service Connect) or test endpoints for GCP, "sts=URL", "iamcredentials=URL", "secretmanager=URL", one per line or comma-separated (default: the public googleapis.com hosts)', default: '' },
    { name: 'azure-endpoints', description: 'other endpoints for Azure, "authority=URL" (sovereign clouds, e.g. https://login.chinacloudapi.cn) and "keyvault=URL" ({vault} stands for the vault name; private or test endpoints), one per line or comma-separated', default: '' },
    { name: 'secret-ids', description: 'aws-actions/aws-secretsmanager-get-secrets drop-in: Secrets Manager names, ARNs, "ALIAS,id" and "prefix*", one per line', default: '' },
    { name: 'parse-json-secrets', description: 'secret-ids: a JSON secret becomes one variable per key, recursively, named SECRET_KEY (as aws-secretsmanager-get-secrets does)', default: 'false' },
    { name: 'name-transformation', description: 'secret-ids: variable names are uppercase, lowercase or none (kept as they are)', default: 'uppercase' },
    { name: 'auto-select-family-attempt-timeout', description: 'milliseconds to wait on the first address family before trying the other (Happy Eyeballs), 10 or more (default: Node\'s own)', default: '' },
];
const fetchSecretsSpec = {
    name: 'fetch-secrets',
    summary: 'read Vault KV v1/v2, dynamic and PKI secrets (and AWS Secrets Manager, SSM Parameter Store, GCP Secret Manager, Azure Key Vault) in parallel into masked env vars, step outputs or 0600 files; revoke leases when the job ends',
    inputs: [
        { name: 'secrets', description: 'one selector per line (";" also separates), vault-action syntax: "secret/data/ci/app api_key | API_KEY"; "path *" for every key; "a.b" for a nested field; "path?version=N"; "| file:NAME", "| dotenv:NAME", "| json:NAME" for files; "pki/issue/ROLE common_name=HOST ttl=1h | file:TLS" for a certificate; cloud stores with a prefix: "aws-sm:prod/db password | DB_PASSWORD", "aws-ssm:/app/token | TOKEN", "gcp-sm:projects/P/secrets/S | NAME", "azure-kv:https://VAULT.vault.azure.net/secrets/S | NAME"' },
        // vault-action's names (exportEnv, ignoreNotFound, secretEncodingType, exportToken) are aliases
        ...(0,vault_inputs/* withVaultActionAliases */.Lk)([
            { name: 'export-env', description: 'export each value (or file path) as an environment variable for later steps', default: 'true' },
            { name: 'outputs', description: 'set each value (or file path) as a step output (masked outputs are not passed to other jobs)', default: 'true' },
            { name: 'ignore-not-found', description: 'skip a missing path or key with a warning instead of failing the step', default: 'false' },
            { name: 'pki', description: 'hashicorp/vault-action\'s PKI form, one per line or ";": pki/issue/ROLE {"common_name": "web.example.com", "ttl": "1h"} [| NAME]; sets ROLE_CERT, ROLE_KEY, ROLE_CA, ROLE_CA_CHAIN (outputs role_cert ...)', default: '' },
            { name: 'secret-encoding-type', description: 'decode each value of a Vault line before injecting it: base64 (or base64url), hex, or utf8 (as stored); bytes that are not text only go to a file: sink, byte for byte', default: 'utf8' },
            { name: 'export-token', description: 'export VAULT_ADDR and VAULT_TOKEN (and VAULT_NAMESPACE) for later steps of the job; a token this step logged in with is still revoked when the job ends (unless revoke is false)', default: 'false' },
        ]),
        { name: 'revoke-leases', description: 'revoke the leases of dynamic secrets (database, aws ...) in the post step', default: 'true' },
        { name: 'concurrency', description: 'at most this many Vault requests in flight (1-64), and as many cloud store requests', default: '8' },
        ...vault_inputs/* vaultActionLoginInputs */.Rt,
        { name: 'revoke', description: 'when this step logged in itself (no token given), revoke that token in the post step', default: 'true' },
        ...storeInputs,
    ],
};

;// CONCATENATED MODULE: ./src/actions/fetch-secrets/index.ts






const fetchSecrets = (0,aliases/* withInputAliases */.vp)({
    name: 'fetch-secrets',
    async main(r) {
        await run(readConfig(r), r);
    },
    post: post,
}, fetchSecretsSpec.inputs);


/***/ }),

/***/ 6021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ pool)
/* harmony export */ });
async function pool(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            const item = items[i];
            try {
                out[i] = { ok: true, value: await fn(item) };
            }
            catch (error) {
                out[i] = { ok: false, error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}


/***/ }),

/***/ 2212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ checkCollisions),
/* harmony export */   EO: () => (/* binding */ vaultSource),
/* harmony export */   Zh: () => (/* binding */ collision),
/* harmony export */   bm: () => (/* binding */ storeSource)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52);
/**
 * Two values with one name: the error names both sources (line, entry and, where it tells the
 * items of one entry apart, the key), never a value.
 */


function collision(name, a, b) {
    const src = (x) => `"${x.text}"${x.key !== undefined ? `, key "${x.key}"` : ''}`;
    const where = a.line === b.line ? `line ${a.line} (${src(a)} and ${src(b)})` : `line ${a.line} (${src(a)}) and line ${b.line} (${src(b)})`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRETS_INPUT */ .dK, `${where} both set ${name}: give one of them another name with "| NAME"`);
}
/** A Vault line's item: the key is named when `*` expanded the entry into several. */
function vaultSource(i) {
    return i.pick === 'expand' ? { line: i.line, text: i.text, key: i.key } : { line: i.line, text: i.text };
}
/** A store line's item: the key taken is part of its text. */
function storeSource(i) {
    return { line: i.line, text: i.key ? `${i.text}: key "${i.key}"` : i.text };
}
/**
 * Fails on two items with one env name (or output name, with `outputs`), naming both sources.
 * `taken` holds names already set elsewhere (the Vault lines' for store items), which an item
 * may not reuse either.
 */
function checkCollisions(items, describe, opts = {}) {
    const seen = new Map();
    for (const t of opts.taken ?? [])
        seen.set(t.name, t);
    for (const i of items) {
        const n = opts.outputs ? i.outputName : i.name;
        const here = describe(i);
        const prev = seen.get(n);
        if (prev)
            throw collision(n, prev, here);
        seen.set(n, here);
    }
}


/***/ }),

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ lookup),
/* harmony export */   As: () => (/* binding */ stringify),
/* harmony export */   FQ: () => (/* binding */ leaves),
/* harmony export */   as: () => (/* binding */ keyList),
/* harmony export */   bg: () => (/* binding */ FieldError),
/* harmony export */   eB: () => (/* binding */ asObject),
/* harmony export */   ez: () => (/* binding */ fileExt),
/* harmony export */   u5: () => (/* binding */ toDotenv)
/* harmony export */ });
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6153);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6533);
/**
 * Fields of a secret's JSON value, as Vault lines and cloud store lines select them: the literal
 * key first (`a.b` as one key), else the dotted path; values as strings; the string leaves to
 * mask; whole objects as dotenv or JSON files. Errors name the line, the source and the keys
 * that do exist, never a value.
 */


/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
class FieldError extends Error {
    notFound;
    name = 'FieldError';
    constructor(message, notFound) {
        super(message);
        this.notFound = notFound;
    }
}
const MAX_KEYS_LISTED = 30;
function keyList(o) {
    const keys = Object.keys(o);
    if (keys.length === 0)
        return 'it has no keys';
    const shown = keys
        .slice(0, MAX_KEYS_LISTED)
        .map((k) => `"${k}"`)
        .join(', ');
    return `its keys are ${shown}${keys.length > MAX_KEYS_LISTED ? ` and ${keys.length - MAX_KEYS_LISTED} more` : ''}`;
}
/** The value as a JSON object, when it is one (or a string holding one). */
function asObject(v) {
    if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(v))
        return v;
    if (typeof v === 'string' && /^\s*\{/.test(v)) {
        try {
            const parsed = JSON.parse(v);
            if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(parsed))
                return parsed;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** A field of a secret: the literal key first (`a.b` as one key), else the dotted path. */
function lookup(data, field, source, line) {
    if (!field.quoted && Object.hasOwn(data, field.raw))
        return data[field.raw];
    let cur = data;
    const walked = [];
    for (const seg of field.segments) {
        const o = asObject(cur);
        const at = walked.length ? `the field "${walked.join('.')}" of ${source}` : source;
        if (!o)
            throw new FieldError(`line ${line}: ${at} is ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kind */ .fM)(cur)}, not a JSON object, so it has no key "${seg}"`, true);
        if (!Object.hasOwn(o, seg))
            throw new FieldError(`line ${line}: ${at} has no key "${seg}"; ${keyList(o)}`, true);
        cur = o[seg];
        walked.push(seg);
    }
    return cur;
}
function stringify(v, what, line) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v === null || v === undefined)
        throw new FieldError(`line ${line}: ${what} is ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kind */ .fM)(v)}: there is no value to inject`, true);
    return JSON.stringify(v);
}
/** String leaves of a JSON value (each masked, so a field printed later stays hidden). */
function leaves(v, out = []) {
    if (typeof v === 'string')
        out.push(v);
    else if (Array.isArray(v))
        for (const x of v)
            leaves(x, out);
    else if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(v))
        for (const x of Object.values(v))
            leaves(x, out);
    return out;
}
function dotenvQuote(v) {
    if (/^[A-Za-z0-9_./:@+-]*$/.test(v))
        return v;
    return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}
/** An object as a dotenv file; `of` names its source in errors (`the key "k" of SOURCE`). */
function toDotenv(o, line, of = '') {
    return (Object.entries(o)
        .map(([k, v]) => `${(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .envName */ .pD)(k)}=${dotenvQuote(stringify(v, `the key "${k}"${of ? ` of ${of}` : ''}`, line))}`)
        .join('\n') + '\n');
}
/** The file name suffix of a file sink. */
function fileExt(sink, value) {
    if (sink === 'dotenv')
        return '.env';
    if (sink === 'json')
        return '.json';
    if (sink === 'file' && value.trimStart().startsWith('-----BEGIN'))
        return '.pem';
    return '';
}


/***/ }),

/***/ 52:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ splitSink),
/* harmony export */   VH: () => (/* binding */ lineError),
/* harmony export */   VM: () => (/* binding */ entryNames),
/* harmony export */   cn: () => (/* binding */ parseField),
/* harmony export */   dK: () => (/* binding */ SECRETS_INPUT),
/* harmony export */   l8: () => (/* binding */ splitEntries),
/* harmony export */   pr: () => (/* binding */ parseSink),
/* harmony export */   qw: () => (/* binding */ tokenize)
/* harmony export */ });
/* unused harmony export namesOf */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1896);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6533);
/**
 * The line grammar of fetch-secrets' `secrets` input, shared by Vault lines and cloud store
 * lines: entries (one per line, `;` also separates, `#` starts a comment line), words with
 * "..." and `...` quoting, dotted key selectors (`a."b.c"`), and the `| [file:|dotenv:|json:]NAME`
 * sink on the right of the last `|`. What comes before the key (a Vault path, a store id) is
 * each source's own: vault/selector.ts and stores/selector.ts parse it.
 *
 * Parsing is pure: errors are UserErrors naming the input, the line number and what is wrong.
 * Entries hold paths, ids, key names and parameters, never secret values.
 */



const SECRETS_INPUT = 'secrets';
/**
 * Splits the input into entries with their line numbers; `#` starts a comment line. `secret-ids`
 * (aws-secretsmanager-get-secrets' format) has one entry per line, no `;`, and a ` # comment`
 * may end a line: `{ oneByLine: true }`.
 */
function splitEntries(input, opts = {}) {
    const out = [];
    input.split(/\r?\n/).forEach((rawLine, i) => {
        const line = (opts.oneByLine ? rawLine.replace(/\s+#.*$/, '') : rawLine).trim();
        if (!line || line.startsWith('#'))
            return;
        for (const part of opts.oneByLine ? [line] : line.split(';')) {
            const text = part.trim();
            if (text)
                out.push({ line: i + 1, text });
        }
    });
    return out;
}
/** The error of one entry: `line N ("text"): what`, on the secrets input. */
function lineError(line, text, what) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(SECRETS_INPUT, `line ${line} ("${text.slice(0, 160)}"): ${what}`);
}
/** Splits on whitespace, keeping "..." and `...` spans (quotes kept) together. */
function tokenize(s) {
    const tokens = [];
    let cur = '';
    let quote = '';
    let has = false;
    for (const ch of s) {
        if (quote) {
            cur += ch;
            if (ch === quote)
                quote = '';
        }
        else if (ch === '"' || ch === '`') {
            quote = ch;
            cur += ch;
            has = true;
        }
        else if (/\s/.test(ch)) {
            if (has)
                tokens.push(cur);
            cur = '';
            has = false;
        }
        else {
            cur += ch;
            has = true;
        }
    }
    if (quote)
        return `a ${quote} quote is not closed`;
    if (has)
        tokens.push(cur);
    return tokens;
}
/** Parses `a.b`, `"a.b".c`, `` `x-y`.z ``; returns an error text when malformed. */
function parseField(raw) {
    const segments = [];
    let quoted = false;
    let i = 0;
    while (i <= raw.length) {
        const ch = raw[i];
        let seg;
        if (ch === '"' || ch === '`') {
            const end = raw.indexOf(ch, i + 1);
            if (end < 0)
                return `the ${ch} quote in "${raw}" is not closed`;
            seg = raw.slice(i + 1, end);
            quoted = true;
            i = end + 1;
            if (i < raw.length && raw[i] !== '.')
                return `expected "." after the quoted key in "${raw}"`;
        }
        else {
            const dot = raw.indexOf('.', i);
            const end = dot < 0 ? raw.length : dot;
            seg = raw.slice(i, end);
            if (/["`]/.test(seg))
                return `a quote must start a key in "${raw}"`;
            i = end;
        }
        if (seg === '')
            return `the key "${raw}" has an empty part (two dots, or a dot at an end)`;
        segments.push(seg);
        if (i >= raw.length)
            break;
        i++; // the dot
        if (i >= raw.length)
            return `the key "${raw}" ends with a dot`;
    }
    return { raw, segments, quoted };
}
/** An entry's two sides: what to read (left of the last `|`) and the sink (right of it; undefined without a `|`). */
function splitSink(text) {
    const bar = text.lastIndexOf('|');
    return bar < 0 ? { lhs: text } : { lhs: text.slice(0, bar), rhs: text.slice(bar + 1) };
}
/**
 * The right of `|`: `NAME`, `file:NAME`, `dotenv:NAME` or `json:NAME`; the name must be a valid
 * variable name. `sinkHint` adds the file forms to the invalid-name message (Vault lines say so).
 */
function parseSink(rhs, fail, sinkHint = false) {
    const m = /^(?:(file|dotenv|json)\s*:\s*)?(.*)$/i.exec(rhs.trim());
    const sink = (m?.[1]?.toLowerCase() ?? 'env');
    const name = (m?.[2] ?? '').trim();
    if (!name)
        throw fail('nothing after "|": write a name, e.g. "| API_KEY" or "| file:TLS_CERT"');
    if (!(0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .isEnvName */ .Xc)(name)) {
        throw fail(`"${name.slice(0, 60)}" is not a valid variable name: use letters, digits and _ (not starting with a digit)${sinkHint ? ', or "file:NAME", "dotenv:NAME", "json:NAME"' : ''}`);
    }
    return { sink, name };
}
/** The env and output names from a key path or a secret's own name (`db.password` -> DB__PASSWORD, db__password). */
function namesOf(plain) {
    return { name: (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .envName */ .pD)(plain), outputName: (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(plain) };
}
/**
 * An entry's names: `| NAME` names the env var and the output alike; `*` (every key) leaves them
 * '' (each key names its own, after the prefix a `| NAME` gives); otherwise they come from `plain`.
 */
function entryNames(sink, expand, plain) {
    if (sink)
        return { name: sink.name, outputName: sink.name };
    if (expand)
        return { name: '', outputName: '' };
    return namesOf(plain());
}


/***/ }),

/***/ 6533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   pD: () => (/* binding */ envName),
/* harmony export */   pI: () => (/* binding */ compatEnvName)
/* harmony export */ });
/**
 * Variable names derived from key names. normalizeName and envName follow hashicorp/vault-action
 * so existing workflows keep their names; they name Vault and cloud store values alike.
 */
/**
 * Name normalisation, exactly as hashicorp/vault-action 3.x does it so existing workflows keep
 * their names: the first `.` becomes `__`, dashes are dropped, and any other character outside
 * [A-Za-z0-9_] is dropped (`db.password` -> DB__PASSWORD, `api-key` -> APIKEY). A name that would
 * start with a digit gets a `_` in front, since no shell accepts it. Deterministic; collisions are
 * reported by the caller. `| NAME` on a line picks any name.
 */
function normalizeName(key) {
    const n = key
        .replace('.', '__')
        .replace(/-/g, '')
        .replace(/[^A-Za-z0-9_]/g, '');
    return /^[0-9]/.test(n) ? `_${n}` : n;
}
function envName(key) {
    return normalizeName(key).toUpperCase();
}
/** aws-secretsmanager-get-secrets' transformToValidEnvName, with its name-transformation. */
function compatEnvName(name, nameCase) {
    const n = (/^[0-9]/.test(name) ? `_${name}` : name).replace(/[^a-zA-Z0-9_]/g, '_');
    return nameCase === 'uppercase' ? n.toUpperCase() : nameCase === 'lowercase' ? n.toLowerCase() : n;
}


/***/ }),

/***/ 829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3: () => (/* binding */ itemsOf),
/* harmony export */   Uu: () => (/* binding */ PKI_PARTS),
/* harmony export */   uf: () => (/* binding */ byLine),
/* harmony export */   zG: () => (/* binding */ selectValues)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6153);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6533);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7160);
/* harmony import */ var _collisions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2212);
/**
 * From a fetched secret to named items, for Vault lines and cloud store lines alike: one key
 * (or dotted path), every key (`*`), a whole secret as a dotenv or JSON file, a store's whole
 * value, a Vault PKI bundle, or aws-secretsmanager-get-secrets' naming (alias, recursive
 * parse-json-secrets, name-transformation). Errors are FieldErrors naming the line, the source
 * and the key names that do exist, never a value; each caller words their sum (vault/fetch.ts,
 * stores/index.ts).
 */






/** The suffixes of a PKI bundle's three names. */
const PKI_PARTS = { cert: '_CERT', key: '_KEY', ca: '_CA' };
/**
 * The items one fetched secret gives for its entry. For aws-compat, `f.name` is the name the
 * secret goes by (its own name, or the id as written).
 */
function itemsOf(f) {
    const { sel } = f;
    // a store's value names its source in a dotenv file's errors; Vault's never did
    const store = typeof f.value === 'string';
    const base = {
        line: sel.line,
        text: sel.text,
        pick: sel.pick.kind,
        source: f.source,
        sink: sel.sink,
        ...(f.version !== undefined ? { version: f.version } : {}),
        ...(f.leaseTtl !== undefined ? { leaseTtl: f.leaseTtl } : {}),
    };
    const make = (name, outputName, key, v, what) => {
        const value = (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .stringify */ .As)(v, what, sel.line);
        return { ...base, name, outputName, key, value, leaves: typeof v === 'string' ? [] : (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .leaves */ .FQ)(v), ext: (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .fileExt */ .ez)(sel.sink, value) };
    };
    const file = (o, key) => {
        const value = sel.sink === 'json' ? `${JSON.stringify(o, null, 2)}\n` : store ? (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .toDotenv */ .u5)(o, sel.line, f.source) : (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .toDotenv */ .u5)(o, sel.line);
        return { ...base, name: sel.name, outputName: sel.outputName, key, value, leaves: (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .leaves */ .FQ)(o), ext: (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .fileExt */ .ez)(sel.sink, value) };
    };
    const pick = sel.pick;
    if (pick.kind === 'whole')
        return [make(sel.name, sel.outputName, '', f.value, f.source)];
    if (pick.kind === 'aws-compat')
        return compatItems(f, pick.alias, pick.parseJson, pick.nameCase, make);
    const data = (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(f.value);
    if (!data) {
        const what = pick.kind === 'key' ? `has no key "${pick.field.raw}"` : 'cannot be expanded into one variable per key';
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldError */ .bg(`line ${sel.line}: ${f.source} is not a JSON object, so it ${what}; drop the key to take the whole string`, pick.kind === 'key');
    }
    if (pick.kind === 'pki')
        return pkiItems(f, data, pick.vaultAction, make);
    if (pick.kind === 'expand') {
        if (sel.sink === 'dotenv' || sel.sink === 'json')
            return [file(data, '*')];
        return Object.entries(data).map(([k, v]) => {
            const name = sel.named ? (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .envName */ .pD)(sel.name + k) : (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .envName */ .pD)(k);
            const outputName = sel.named ? (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .Pc)(sel.outputName + k) : (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .Pc)(k);
            return make(name, outputName, k, v, `the key "${k}" of ${f.source}`);
        });
    }
    const v = (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .lookup */ .$I)(data, pick.field, f.source, sel.line);
    const key = pick.field.segments.join('.');
    if (sel.sink === 'dotenv' || sel.sink === 'json') {
        const o = (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(v);
        if (!o)
            throw new _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldError */ .bg(`line ${sel.line}: "${pick.field.raw}" of ${f.source} is ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_5__/* .kind */ .fM)(v)}; "${sel.sink}:" needs a JSON object (or *)`, false);
        return [file(o, key)];
    }
    return [make(sel.name, sel.outputName, key, v, `"${pick.field.raw}" of ${f.source}`)];
}
/** A PKI issue's answer: NAME_CERT, NAME_KEY and NAME_CA (the chain, else the issuing CA). */
function pkiItems(f, d, vaultAction, make) {
    const { sel } = f;
    const cert = d['certificate'];
    const key = d['private_key'];
    const chain = Array.isArray(d['ca_chain']) && d['ca_chain'].length ? d['ca_chain'] : d['issuing_ca'];
    if (typeof cert !== 'string' || typeof key !== 'string') {
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldError */ .bg(`line ${sel.line}: ${f.source} did not answer with a certificate and private_key; ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .keyList */ .as)(d)}`, false);
    }
    const ca = Array.isArray(chain) ? chain.filter((x) => typeof x === 'string').join('\n') : typeof chain === 'string' ? chain : '';
    const parts = [
        make(sel.name + PKI_PARTS.cert, sel.outputName + PKI_PARTS.cert, 'certificate', cert, 'certificate'),
        make(sel.name + PKI_PARTS.key, sel.outputName + PKI_PARTS.key, 'private_key', key, 'private_key'),
    ];
    if (vaultAction)
        return vaultActionPki(f, d, parts, make);
    if (ca)
        parts.push(make(sel.name + PKI_PARTS.ca, sel.outputName + PKI_PARTS.ca, 'ca_chain', ca, 'ca_chain'));
    return parts;
}
/** The `pki` input's names, as vault-action sets them: NAME_CA is the issuing CA, NAME_CA_CHAIN the chain; outputs name_cert ... */
function vaultActionPki(f, d, parts, make) {
    const { sel } = f;
    const out = parts.map((p) => ({ ...p, outputName: `${sel.outputName}${p.name.slice(sel.name.length).toLowerCase()}` }));
    const issuing = typeof d['issuing_ca'] === 'string' ? d['issuing_ca'] : '';
    const chain = Array.isArray(d['ca_chain']) ? d['ca_chain'].filter((x) => typeof x === 'string').join('\n') : '';
    if (issuing)
        out.push(make(`${sel.name}_CA`, `${sel.outputName}_ca`, 'issuing_ca', issuing, 'issuing_ca'));
    if (chain)
        out.push(make(`${sel.name}_CA_CHAIN`, `${sel.outputName}_ca_chain`, 'ca_chain', chain, 'ca_chain'));
    return out;
}
function compatItems(f, alias, parseJson, nameCase, make) {
    const secretName = f.name ?? '';
    const out = [];
    const walk = (value, envVar, keyPath) => {
        const o = parseJson ? (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(value) : undefined;
        if (o && !Array.isArray(o)) {
            for (const [k, v] of Object.entries(o)) {
                const leaf = typeof v === 'string' ? v : JSON.stringify(v);
                const prefix = envVar ?? (alias ? (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .compatEnvName */ .pI)(alias, nameCase) : alias === undefined ? (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .compatEnvName */ .pI)(secretName, nameCase) : '');
                const key = (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .compatEnvName */ .pI)(k, nameCase);
                walk(leaf, prefix ? `${prefix}_${key}` : key, [...keyPath, k]);
            }
            return;
        }
        const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .compatEnvName */ .pI)(envVar ?? (alias || secretName), nameCase);
        out.push(make(name, name, keyPath.join('.'), value, keyPath.length ? `the key "${keyPath.join('.')}" of ${f.source}` : f.source));
    };
    walk(typeof f.value === 'string' ? f.value : JSON.stringify(f.value), undefined, []);
    return out;
}
/** Every Vault entry's values; collisions (after wildcard expansion) name both sources. */
function selectValues(fetched, opts) {
    const out = [];
    const skipped = [];
    const failures = [];
    for (const f of fetched) {
        try {
            out.push(...itemsOf(f));
        }
        catch (err) {
            if (!(err instanceof _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldError */ .bg))
                throw err;
            if (err.notFound && opts.ignoreNotFound)
                skipped.push(err.message);
            else
                failures.push(err.message);
        }
    }
    if (failures.length === 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRETS_INPUT */ .dK, failures[0] ?? '');
    if (failures.length > 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRETS_INPUT */ .dK, `${failures.length} selectors failed, nothing was injected:\n${failures.map((m) => `- ${m}`).join('\n')}`);
    out.sort(byLine);
    (0,_collisions_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCollisions */ .CL)(out, _collisions_js__WEBPACK_IMPORTED_MODULE_3__/* .vaultSource */ .EO);
    if (opts.outputs)
        (0,_collisions_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCollisions */ .CL)(out, _collisions_js__WEBPACK_IMPORTED_MODULE_3__/* .vaultSource */ .EO, { outputs: true });
    return { items: out, skipped };
}
/** Items in the order of their entries, then by name. */
function byLine(a, b) {
    return a.line - b.line || a.name.localeCompare(b.name);
}


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NW: () => (/* binding */ awsSecretName),
/* harmony export */   XQ: () => (/* binding */ parseStoreLine),
/* harmony export */   vz: () => (/* binding */ sourceOf)
/* harmony export */ });
/* unused harmony exports STORE_KINDS, storePrefix */
/* harmony import */ var _secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52);

const STORE_KINDS = (/* unused pure expression or super */ null && (['aws-sm', 'aws-ssm', 'gcp-sm', 'azure-kv']));
const PREFIX_RE = /^(aws-sm|aws-ssm|gcp-sm|azure-kv):/i;
const AWS_SM_ID = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
const AWS_SM_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(.+)$/;
const SSM_NAME = /^[A-Za-z0-9/_.-]{1,2048}(:[A-Za-z0-9_.-]+)?$/;
const GCP_FULL = /^projects\/([^/\s]+)\/secrets\/([^/\s]+)(?:\/versions\/([^/\s]+))?$/;
const GCP_SHORT = /^([^/\s]+)\/([^/\s]+)(?:\/([^/\s]+))?$/;
const AZURE_URL = /^https:\/\/([a-z0-9-]{3,24})\.(vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net|vault\.microsoftazure\.de)\/secrets\/([A-Za-z0-9-]{1,127})(?:\/([A-Za-z0-9]{0,64}))?\/?$/i;
const AZURE_SHORT = /^([a-z0-9-]{3,24})\/([A-Za-z0-9-]{1,127})(?:\/([A-Za-z0-9]{1,64}))?$/i;
function storePrefix(text) {
    const m = PREFIX_RE.exec(text.trim());
    return m ? m[1]?.toLowerCase() : undefined;
}
/** The secret's own name from an ARN (without the 6-character suffix) or a name. */
function awsSecretName(id) {
    const m = AWS_SM_ARN.exec(id);
    if (!m)
        return id;
    return (m[1] ?? '').replace(/-[A-Za-z0-9]{6}$/, '');
}
function parseId(store, raw, fail) {
    const q = raw.indexOf('?');
    const id = q < 0 ? raw : raw.slice(0, q);
    const query = q < 0 ? '' : raw.slice(q + 1);
    if (!id)
        throw fail('the secret id is empty');
    if (store === 'aws-sm') {
        if (!AWS_SM_ID.test(id))
            throw fail(`"${id.slice(0, 80)}" is not a Secrets Manager name or ARN (letters, digits and /_+=.@- only)`);
        const out = { id, baseName: awsSecretName(id) };
        if (query) {
            const m = /^(version-id|version-stage)=([A-Za-z0-9_-]{1,256})$/.exec(query);
            if (!m)
                throw fail(`only "?version-id=ID" or "?version-stage=STAGE" may follow a Secrets Manager id, got "?${query.slice(0, 40)}"`);
            if (m[1] === 'version-id')
                out.versionId = m[2] ?? '';
            else
                out.versionStage = m[2] ?? '';
        }
        return out;
    }
    if (query)
        throw fail(`"?" is only for aws-sm versions; ${store} puts the version in the id`);
    if (store === 'aws-ssm') {
        if (!SSM_NAME.test(id) && !/^arn:aws[a-z-]*:ssm:/.test(id))
            throw fail(`"${id.slice(0, 80)}" is not a Parameter Store name (letters, digits and /_.- only, ":N" or ":label" to pin)`);
        const bare = id.replace(/^arn:aws[a-z-]*:ssm:[^:]*:\d*:parameter/, '').replace(/:[^:/]+$/, '');
        return { id, baseName: bare.replace(/^\/+/, '') };
    }
    if (store === 'gcp-sm') {
        const full = GCP_FULL.exec(id);
        const short = full || id.startsWith('projects/') ? null : GCP_SHORT.exec(id);
        const m = full ?? short;
        if (!m)
            throw fail(`"${id.slice(0, 80)}" is not a Secret Manager name: write projects/PROJECT/secrets/SECRET[/versions/VERSION] or PROJECT/SECRET[/VERSION]`);
        const [, project, secret, version] = m;
        return { id: `projects/${project}/secrets/${secret}/versions/${version ?? 'latest'}`, baseName: secret ?? '' };
    }
    const url = AZURE_URL.exec(id);
    if (url) {
        const [, vault, domain, secret, version] = url;
        return { id: `https://${vault?.toLowerCase()}.${domain?.toLowerCase()}/secrets/${secret}${version ? `/${version}` : ''}`, baseName: secret ?? '' };
    }
    const short = AZURE_SHORT.exec(id);
    if (!short)
        throw fail(`"${id.slice(0, 80)}" is not a Key Vault secret: write https://VAULT.vault.azure.net/secrets/NAME[/VERSION] or VAULT/NAME[/VERSION]`);
    const [, vault, secret, version] = short;
    return { id: `https://${vault?.toLowerCase()}.vault.azure.net/secrets/${secret}${version ? `/${version}` : ''}`, baseName: secret ?? '' };
}
/** Parses one entry; undefined when it has no store prefix (a Vault line). */
function parseStoreLine(text, line) {
    const trimmed = text.trim();
    const store = storePrefix(trimmed);
    if (!store)
        return undefined;
    const fail = (w) => (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .lineError */ .VH)(line, trimmed, w);
    const body = trimmed.slice(store.length + 1);
    const { lhs, rhs } = (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .splitSink */ .AN)(body);
    const tokens = (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(lhs);
    if (typeof tokens === 'string')
        throw fail(tokens);
    const [idToken, ...keys] = tokens;
    if (!idToken)
        throw fail(`expected "${store}:ID [KEY] | NAME", found no id`);
    if (keys.length > 1)
        throw fail(`expected at most one key after the id, found ${keys.length} words; quote a key that contains spaces: "my key"`);
    const parts = parseId(store, idToken, fail);
    const sinkSpec = rhs === undefined ? undefined : (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSink */ .pr)(rhs, fail);
    const sink = sinkSpec?.sink ?? 'env';
    let pick;
    const keyText = keys[0];
    if (keyText === undefined)
        pick = { kind: 'whole' };
    else if (keyText === '*')
        pick = { kind: 'expand' };
    else {
        const field = (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .parseField */ .cn)(keyText);
        if (typeof field === 'string')
            throw fail(field);
        pick = { kind: 'key', field };
    }
    if (pick.kind === 'whole' && (sink === 'dotenv' || sink === 'json')) {
        // the whole secret as a dotenv / JSON file: every key of a JSON object
        pick = { kind: 'expand' };
    }
    const { name, outputName } = (0,_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_0__/* .entryNames */ .VM)(sinkSpec, pick.kind === 'expand', () => {
        if (pick.kind === 'key')
            return pick.field.segments.join('.');
        // a whole value is named by the last segment of its name (prod/db -> DB, /app/prod/token -> TOKEN)
        const base = parts.baseName.replace(/\/+$/, '').split('/').pop() ?? '';
        if (!base)
            throw fail('give the value a name: "| NAME"');
        return base;
    });
    const sel = { store, line, text: trimmed, id: parts.id, pick, sink, name, outputName, named: sinkSpec !== undefined };
    if (parts.versionId !== undefined)
        sel.versionId = parts.versionId;
    if (parts.versionStage !== undefined)
        sel.versionStage = parts.versionStage;
    return sel;
}
/** A short, printable name of what a selector reads, e.g. "aws-sm:prod/db". */
function sourceOf(sel) {
    return `${sel.store}:${sel.id}${sel.versionId ? `?version-id=${sel.versionId}` : sel.versionStage ? `?version-stage=${sel.versionStage}` : ''}`;
}


/***/ }),

/***/ 6238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ shortLived),
/* harmony export */   N: () => (/* binding */ withDeadline)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * The whole-step timeout of the Vault actions (`timeout`): the step fails when it has not
 * finished in time, naming the Vault calls (and OIDC token requests) still in flight. Each
 * request has its own timeout besides (request-timeout); this bounds retries and slow servers.
 * The inputs are read by actions/shared/vault-config.ts (parseStepTimeout, parseRequestTimeoutMs).
 */

async function withDeadline(seconds, pending, fn) {
    if (!(seconds > 0))
        return fn();
    let timer;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const p = pending();
            const what = p.length ? `still pending: ${p.join(', ')}` : 'no request was in flight (waiting to retry)';
            reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`the step did not finish within ${seconds}s (the timeout input); ${what}`, {
                service: 'Vault',
                status: 0,
                code: 'timeout',
                retryable: false,
                hint: 'raise the timeout input if Vault is slow, or check that the runner reaches it (proxy, firewall)',
            }));
        }, Math.round(seconds * 1000));
    });
    try {
        return await Promise.race([fn(), expired]);
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/** A TTL warning when a credential ends within `minSeconds` (the job likely outlives it). */
function shortLived(ttlSeconds, minSeconds = 600) {
    return ttlSeconds > 0 && ttlSeconds < minSeconds;
}


/***/ })

};
