export const id = 826;
export const ids = [826,783];
export const modules = {

/***/ 8783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseAwsSmCompat: () => (/* binding */ parseAwsSmCompat)
/* harmony export */ });
/* unused harmony export parseNameCase */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1896);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4621);
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
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('name-transformation', `expected uppercase, lowercase or none, got "${raw.trim().slice(0, 40)}"`);
}
function parseAwsSmCompat(inputs) {
    const parseJson = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(inputs['parse-json-secrets'] ?? '', 'parse-json-secrets', false);
    const nameCase = parseNameCase(inputs['name-transformation'] ?? '');
    const out = { selectors: [] };
    const rawTimeout = (inputs['auto-select-family-attempt-timeout'] ?? '').trim();
    if (rawTimeout) {
        if (!/^\d+$/.test(rawTimeout) || Number(rawTimeout) < 10) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${rawTimeout.slice(0, 20)}"`);
        }
        out.autoSelectFamilyAttemptTimeoutMs = Number(rawTimeout);
    }
    const seen = new Set();
    (inputs['secret-ids'] ?? '').split(/\r?\n/).forEach((rawLine, i) => {
        const text = rawLine.replace(/\s+#.*$/, '').trim();
        if (!text || text.startsWith('#') || seen.has(text))
            return;
        seen.add(text);
        const line = i + 1;
        const fail = (what) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('secret-ids', `line ${line} ("${text.slice(0, 120)}"): ${what}`);
        const parts = text.split(',');
        if (parts.length > 2)
            throw fail('expected "ALIAS,secret-id" with one comma');
        const alias = parts.length === 2 ? (parts[0] ?? '').trim() : undefined;
        const id = (parts.length === 2 ? parts[1] ?? '' : text).trim();
        if (alias && (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias) || (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .compatEnvName */ .pI)(alias, nameCase) !== alias)) {
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
    });
    if (out.selectors.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('secret-ids', 'give at least one secret name, ARN or prefix*, one per line');
    return out;
}


/***/ }),

/***/ 2826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkCollisions: () => (/* reexport safe */ _values_js__WEBPACK_IMPORTED_MODULE_4__.CL),
/* harmony export */   fetchStoreSecrets: () => (/* binding */ fetchStoreSecrets)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONCURRENCY, isNotFound */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_mask_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4107);
/* harmony import */ var _vault_selectors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7002);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4621);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3301);
/* harmony import */ var _aws_sm_compat_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8783);
/**
 * The store layer's interface, for fetch-secrets (and the CLI):
 *
 *   parseStoreLine(text, line)          a StoreSelector, or undefined for a line without a
 *                                       store prefix (a Vault line: the caller keeps it)
 *   fetchStoreSecrets(selectors, ctx)   every value, named, masked, collision-checked
 *
 * Contract: `ctx.secret(value, what)` is called for every token and every value the moment it
 * arrives, before anything else happens with it, and again for each item's value and JSON
 * leaves; the caller must not print or write anything it gets before this resolves. Nothing is
 * returned unless every selector succeeded (no half-success): failures are collected across
 * stores and thrown as one error that names each id. Reads run in parallel under
 * `ctx.concurrency`; each store module (and its SDK) is loaded only when a line needs it.
 */








const DEFAULT_CONCURRENCY = 8;
async function loadStore(kind, ctx) {
    switch (kind) {
        case 'aws-sm':
            return (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(994), __webpack_require__.e(672)]).then(__webpack_require__.bind(__webpack_require__, 2672))).awsSmStore(ctx);
        case 'aws-ssm':
            return (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 7799))).awsSsmStore(ctx);
        case 'gcp-sm':
            return (await __webpack_require__.e(/* import() */ 196).then(__webpack_require__.bind(__webpack_require__, 1196))).gcpStore(ctx);
        case 'azure-kv':
            return (await __webpack_require__.e(/* import() */ 809).then(__webpack_require__.bind(__webpack_require__, 2809))).azureStore(ctx);
    }
}
/** True for "no such secret / parameter / key" failures. */
function isNotFound(err) {
    return (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && err.code === 'NotFound') || (err instanceof _values_js__WEBPACK_IMPORTED_MODULE_4__/* .PickError */ .aF && err.notFound);
}
function fetchKey(s) {
    return JSON.stringify([s.store, s.id, s.versionId ?? '', s.versionStage ?? '', s.prefix === true]);
}
async function pool(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
function failure(messages, errors) {
    const unique = [...new Set(messages)];
    if (unique.length === 1 && errors[0] instanceof Error)
        return errors[0];
    const text = `${unique.length} secret reads failed, nothing was injected:\n${unique.map((m) => `- ${m}`).join('\n')}`;
    if (errors.every((e) => e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo))
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(_vault_selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRETS_INPUT */ .dK, text);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(text, { service: 'secret stores', status: 0, retryable: false });
}
/** Reads every selector's secret (once per distinct id), then names, masks and checks the items. */
async function fetchStoreSecrets(selectors, ctx, opts = {}) {
    if (selectors.length === 0)
        return { items: [], skipped: [] };
    const ms = ctx.http?.autoSelectFamilyAttemptTimeoutMs;
    if (ms !== undefined)
        (0,node_net__WEBPACK_IMPORTED_MODULE_0__.setDefaultAutoSelectFamilyAttemptTimeout)(ms);
    const groups = new Map();
    for (const s of selectors) {
        const k = fetchKey(s);
        const g = groups.get(k);
        if (g)
            g.push(s);
        else
            groups.set(k, [s]);
    }
    const stores = new Map();
    const storeFor = (kind) => {
        let p = stores.get(kind);
        if (!p) {
            p = loadStore(kind, ctx);
            stores.set(kind, p);
        }
        return p;
    };
    const fetched = [];
    const skipped = [];
    const messages = [];
    const errors = [];
    const fail = (err) => {
        if (opts.ignoreNotFound && isNotFound(err))
            skipped.push((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err));
        else {
            messages.push((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err));
            errors.push(err);
        }
    };
    try {
        // modules load one after the other (their SDKs share dependencies), then reads run in parallel
        for (const kind of new Set(selectors.map((s) => s.store))) {
            try {
                await storeFor(kind);
            }
            catch {
                // reported by the first read of that store below
            }
        }
        await pool([...groups.values()], ctx.concurrency ?? DEFAULT_CONCURRENCY, async (sels) => {
            const first = sels[0];
            try {
                const store = await storeFor(first.store);
                fetched.push({ sels, values: await store.fetch(first) });
            }
            catch (err) {
                fail(err);
            }
        });
    }
    finally {
        for (const p of stores.values()) {
            try {
                await (await p).close();
            }
            catch {
                // a store that failed to start has nothing to close
            }
        }
    }
    if (errors.length)
        throw failure(messages, errors);
    const items = [];
    for (const f of fetched) {
        for (const sel of f.sels) {
            for (const v of f.values) {
                try {
                    items.push(...(0,_values_js__WEBPACK_IMPORTED_MODULE_4__/* .itemsOf */ .S3)({ ...v, sel }));
                }
                catch (err) {
                    fail(err);
                }
            }
        }
    }
    if (errors.length)
        throw failure(messages, errors);
    items.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
    for (const i of items) {
        ctx.secret(i.value, `${i.name} (${i.source})`);
        for (const leaf of i.leaves)
            if (leaf.trim().length >= _core_mask_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_SECRET_LENGTH */ .vb)
                ctx.secret(leaf, `a field of ${i.name}`);
    }
    (0,_values_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCollisions */ .CL)(items, opts.taken ?? []);
    if (opts.outputs)
        (0,_values_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCollisions */ .CL)(items, [], true);
    return { items, skipped };
}


/***/ }),

/***/ 4621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ checkCollisions),
/* harmony export */   S3: () => (/* binding */ itemsOf),
/* harmony export */   aF: () => (/* binding */ PickError),
/* harmony export */   pI: () => (/* binding */ compatEnvName)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6153);
/* harmony import */ var _vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7002);
/* harmony import */ var _vault_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(787);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3301);
/**
 * From a fetched store value to named items: the whole string, one JSON key (or dotted path),
 * every key (`*`, or a whole-secret dotenv/JSON file), or aws-secretsmanager-get-secrets'
 * naming (alias, recursive parse-json-secrets, name-transformation). Names are normalised as
 * for Vault lines; collisions name both sources. Errors name ids and keys, never values.
 */





/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
class PickError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    notFound;
    constructor(message, notFound) {
        super(_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRETS_INPUT */ .dK, message);
        this.notFound = notFound;
    }
}
/** aws-secretsmanager-get-secrets' transformToValidEnvName, with its name-transformation. */
function compatEnvName(name, nameCase) {
    const n = (/^[0-9]/.test(name) ? `_${name}` : name).replace(/[^a-zA-Z0-9_]/g, '_');
    return nameCase === 'uppercase' ? n.toUpperCase() : nameCase === 'lowercase' ? n.toLowerCase() : n;
}
/** The items one fetched value gives for its selector; a field that is not there is a PickError. */
function itemsOf(f) {
    try {
        return select(f);
    }
    catch (err) {
        if (err instanceof _vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldError */ .bg)
            throw new PickError(err.message, err.notFound);
        throw err;
    }
}
function select(f) {
    const { sel } = f;
    const base = { line: sel.line, text: sel.text, source: f.source, sink: sel.sink, ...(f.version !== undefined ? { version: f.version } : {}) };
    const make = (name, outputName, key, v, what) => {
        const value = (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .stringify */ .As)(v, what, sel.line);
        return { ...base, name, outputName, key, value, leaves: typeof v === 'string' ? [] : (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .leaves */ .FQ)(v), ext: (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .fileExt */ .ez)(sel.sink, value) };
    };
    const file = (o, key) => {
        const value = sel.sink === 'json'
            ? `${JSON.stringify(o, null, 2)}\n`
            : (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .toDotenv */ .u5)(o, sel.line, f.source);
        return { ...base, name: sel.name, outputName: sel.outputName, key, value, leaves: (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .leaves */ .FQ)(o), ext: (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .fileExt */ .ez)(sel.sink, value) };
    };
    const pick = sel.pick;
    if (pick.kind === 'whole')
        return [make(sel.name, sel.outputName, '', f.value, f.source)];
    if (pick.kind === 'aws-compat')
        return compatItems(f, pick.alias, pick.parseJson, pick.nameCase, make);
    const data = (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(f.value);
    if (!data) {
        const what = pick.kind === 'key' ? `has no key "${pick.field.raw}"` : 'cannot be expanded into one variable per key';
        throw new PickError(`line ${sel.line}: ${f.source} is not a JSON object, so it ${what}; drop the key to take the whole string`, pick.kind === 'key');
    }
    if (pick.kind === 'expand') {
        if (sel.sink === 'dotenv' || sel.sink === 'json')
            return [file(data, '*')];
        return Object.entries(data).map(([k, v]) => {
            const name = sel.named ? (0,_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .envName */ .pD)(sel.name + k) : (0,_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .envName */ .pD)(k);
            const outputName = sel.named ? (0,_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .Pc)(sel.outputName + k) : (0,_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .Pc)(k);
            return make(name, outputName, k, v, `the key "${k}" of ${f.source}`);
        });
    }
    const v = (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .lookup */ .$I)(data, pick.field, f.source, sel.line);
    const key = pick.field.segments.join('.');
    if (sel.sink === 'dotenv' || sel.sink === 'json') {
        const o = (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(v);
        if (!o)
            throw new PickError(`line ${sel.line}: "${pick.field.raw}" of ${f.source} is ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_4__/* .kind */ .fM)(v)}; "${sel.sink}:" needs a JSON object (or *)`, false);
        return [file(o, key)];
    }
    return [make(sel.name, sel.outputName, key, v, `"${pick.field.raw}" of ${f.source}`)];
}
function compatItems(f, alias, parseJson, nameCase, make) {
    // as aws-secretsmanager-get-secrets: an ARN or a prefix match is named by the secret's own name, a name by itself
    const byOwnName = f.sel.prefix === true || f.sel.id.startsWith('arn:');
    const secretName = byOwnName ? (f.name ?? (0,_selector_js__WEBPACK_IMPORTED_MODULE_3__/* .awsSecretName */ .NW)(f.sel.id)) : f.sel.id;
    const out = [];
    const walk = (value, envVar, keyPath) => {
        const o = parseJson ? (0,_vault_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(value) : undefined;
        if (o && !Array.isArray(o)) {
            for (const [k, v] of Object.entries(o)) {
                const leaf = typeof v === 'string' ? v : JSON.stringify(v);
                const prefix = envVar ?? (alias ? compatEnvName(alias, nameCase) : alias === undefined ? compatEnvName(secretName, nameCase) : '');
                const key = compatEnvName(k, nameCase);
                walk(leaf, prefix ? `${prefix}_${key}` : key, [...keyPath, k]);
            }
            return;
        }
        const name = compatEnvName(envVar ?? (alias || secretName), nameCase);
        out.push(make(name, name, keyPath.join('.'), value, keyPath.length ? `the key "${keyPath.join('.')}" of ${f.source}` : f.source));
    };
    walk(f.value, undefined, []);
    return out;
}
/**
 * Fails on two items with one env name (or output name), naming both sources. `taken` holds
 * names the caller already uses (its Vault lines), so a store line cannot shadow one.
 */
function checkCollisions(items, taken = [], outputs = false) {
    const seen = new Map();
    for (const t of taken)
        seen.set(t.name, t);
    for (const i of items) {
        const n = outputs ? i.outputName : i.name;
        const here = { name: n, line: i.line, text: i.key ? `${i.text}: key "${i.key}"` : i.text };
        const prev = seen.get(n);
        if (prev)
            throw (0,_vault_selectors_js__WEBPACK_IMPORTED_MODULE_1__/* .collision */ .Zh)(n, prev, here);
        seen.set(n, here);
    }
}


/***/ })

};
