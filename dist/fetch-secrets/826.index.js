export const id = 826;
export const ids = [826];
export const modules = {

/***/ 2826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchStoreSecrets: () => (/* binding */ fetchStoreSecrets)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONCURRENCY, PickError, itemsOf, isNotFound */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_mask_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5214);
/* harmony import */ var _core_pool_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6021);
/* harmony import */ var _secrets_grammar_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52);
/* harmony import */ var _secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7160);
/* harmony import */ var _secrets_select_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(829);
/* harmony import */ var _secrets_collisions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2212);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3301);
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
/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
class PickError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    notFound;
    constructor(message, notFound) {
        super(_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRETS_INPUT */ .dK, message);
        this.notFound = notFound;
    }
}
/** The items one fetched value gives for its selector; a field that is not there is a PickError. */
function itemsOf(f) {
    const { sel } = f;
    // as aws-secretsmanager-get-secrets: an ARN or a prefix match is named by the secret's own name, a name by itself
    const byOwnName = sel.prefix === true || sel.id.startsWith('arn:');
    const named = sel.pick.kind === 'aws-compat' ? { ...f, name: byOwnName ? (f.name ?? (0,_selector_js__WEBPACK_IMPORTED_MODULE_7__/* .awsSecretName */ .NW)(sel.id)) : sel.id } : f;
    try {
        return (0,_secrets_select_js__WEBPACK_IMPORTED_MODULE_5__/* .itemsOf */ .S3)(named);
    }
    catch (err) {
        if (err instanceof _secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .FieldError */ .bg)
            throw new PickError(err.message, err.notFound);
        throw err;
    }
}
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
    return (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && err.code === 'NotFound') || (err instanceof PickError && err.notFound);
}
function fetchKey(s) {
    return JSON.stringify([s.store, s.id, s.versionId ?? '', s.versionStage ?? '', s.prefix === true]);
}
function failure(messages, errors) {
    const unique = [...new Set(messages)];
    if (unique.length === 1 && errors[0] instanceof Error)
        return errors[0];
    const text = `${unique.length} secret reads failed, nothing was injected:\n${unique.map((m) => `- ${m}`).join('\n')}`;
    if (errors.every((e) => e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo))
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(_secrets_grammar_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRETS_INPUT */ .dK, text);
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
            p = (opts.load ?? loadStore)(kind, ctx);
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
        await (0,_core_pool_js__WEBPACK_IMPORTED_MODULE_8__/* .pool */ .d)([...groups.values()], ctx.concurrency ?? DEFAULT_CONCURRENCY, async (sels) => {
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
                    items.push(...itemsOf({ ...v, sel }));
                }
                catch (err) {
                    fail(err);
                }
            }
        }
    }
    if (errors.length)
        throw failure(messages, errors);
    items.sort(_secrets_select_js__WEBPACK_IMPORTED_MODULE_5__/* .byLine */ .uf);
    for (const i of items) {
        ctx.secret(i.value, `${i.name} (${i.source})`);
        for (const leaf of i.leaves)
            if (leaf.trim().length >= _core_mask_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_SECRET_LENGTH */ .vb)
                ctx.secret(leaf, `a field of ${i.name}`);
    }
    (0,_secrets_collisions_js__WEBPACK_IMPORTED_MODULE_6__/* .checkCollisions */ .CL)(items, _secrets_collisions_js__WEBPACK_IMPORTED_MODULE_6__/* .storeSource */ .bm, { taken: opts.taken ?? [] });
    if (opts.outputs)
        (0,_secrets_collisions_js__WEBPACK_IMPORTED_MODULE_6__/* .checkCollisions */ .CL)(items, _secrets_collisions_js__WEBPACK_IMPORTED_MODULE_6__/* .storeSource */ .bm, { outputs: true });
    return { items, skipped };
}


/***/ })

};
