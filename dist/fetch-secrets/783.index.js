export const id = 783;
export const ids = [783];
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
