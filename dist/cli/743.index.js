export const id = 743;
export const ids = [743];
export const modules = {

/***/ 6743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vaultLogin: () => (/* binding */ vaultLogin),
/* harmony export */   vaultLoginSpec: () => (/* binding */ vaultLoginSpec)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1896);
/* harmony import */ var _platform_aliases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3039);
/* harmony import */ var _vault_login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6785);
/* harmony import */ var _vault_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8495);
/* harmony import */ var _vault_deadline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6238);
/**
 * vault-login: swaps the runner's OIDC token (or AppRole / Kubernetes JWT / a given token)
 * for a Vault token, masks it, hands it out (outputs, job env) and revokes it in the post step.
 * Glue only: the protocol lives in src/vault.
 */






/** vault-action inputs about secrets: declared so a `with:` block copied from vault-action parses; vault-login fetches nothing. */
const FETCH_ONLY = ['secrets', 'pki', 'exportEnv', 'ignoreNotFound', 'secretEncodingType'];
const vaultLoginSpec = {
    name: 'vault-login',
    summary: 'log in to Vault (GitHub/GitLab OIDC, AppRole, Kubernetes or a token), export the token masked, revoke it when the job ends',
    inputs: [
        ..._vault_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .vaultActionLoginInputs */ .Rt,
        ...(0,_vault_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .withVaultActionAliases */ .Lk)([
            { name: 'export-token', description: 'export VAULT_ADDR, VAULT_TOKEN and VAULT_NAMESPACE into the job environment for later steps', default: 'true' },
        ]),
        { name: 'revoke', description: 'revoke the token in the post step (auth/token/revoke-self) when this step created it', default: 'true' },
        ...FETCH_ONLY.map((name) => ({
            name,
            description: `accepted so a with: block copied from hashicorp/vault-action (its ${name} input) parses: vault-login only logs in, so ${name === 'secrets' || name === 'pki' ? 'it fails when this is set: use fetch-secrets, which takes the same with: block' : 'it is ignored here (fetch-secrets uses it)'}`,
            default: '',
        })),
    ],
};
function ttlText(seconds) {
    if (seconds <= 0)
        return 'no expiry';
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
async function main(r) {
    for (const name of ['secrets', 'pki']) {
        if (r.input(name).trim())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(name, 'vault-login only logs in: read secrets with fetch-secrets (uses: .../actions/fetch-secrets@v1), which takes the same with: block, or after this step with VAULT_TOKEN');
    }
    const exportToken = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(r.input('export-token'), 'export-token', true);
    const outputToken = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(r.input('output-token'), 'output-token', false);
    const revoke = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(r.input('revoke'), 'revoke', true);
    const timeout = (0,_vault_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStepTimeout */ .tS)(r.input('timeout'), 300);
    const pending = new Set();
    const login = await (0,_vault_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .withDeadline */ .NE)(timeout, () => [...pending], () => (0,_vault_login_js__WEBPACK_IMPORTED_MODULE_3__/* .loginFromInputs */ .F7)(r, { pending }));
    const { client, token, connection } = login;
    try {
        r.secret(token, 'the Vault token');
        // saved before anything else can fail, so the post step revokes a token whatever happens next
        const willRevoke = revoke && login.created;
        if (willRevoke) {
            r.saveState('token', token);
            r.saveState('url', connection.url);
            r.saveState('namespace', connection.namespace);
        }
        r.output('token', token);
        if (outputToken)
            r.output('vault_token', token);
        r.output('accessor', login.accessor);
        r.output('expires-at', login.expiresAt ? login.expiresAt.toISOString() : '');
        if (exportToken) {
            r.exportEnv('VAULT_ADDR', connection.url);
            r.exportEnv('VAULT_TOKEN', token);
            if (connection.namespace)
                r.exportEnv('VAULT_NAMESPACE', connection.namespace);
        }
        const how = login.method === 'token' ? 'with the given token' : `with ${login.method} at auth/${login.mount}${login.role ? `, role "${login.role}"` : ''}`;
        r.info(`Logged in to Vault ${how}${connection.namespace ? ` (namespace ${connection.namespace})` : ''}: policies ${login.policies.join(', ') || '(none)'}, TTL ${ttlText(login.ttl)}.`);
        r.info(willRevoke ? 'The token will be revoked when the job ends (post step).' : login.created ? 'revoke is false: the token stays valid until its TTL ends.' : 'The token was given, not created here: it will not be revoked.');
        const rows = [
            ['Method', login.method === 'token' ? 'token (given)' : login.method],
            ...(login.method === 'token' ? [] : [['Auth mount', `auth/${login.mount}`]]),
            ...(login.role ? [['Role', login.role]] : []),
            ...(connection.namespace ? [['Namespace', connection.namespace]] : []),
            ['Policies', login.policies.join(', ') || '(none)'],
            ['TTL', ttlText(login.ttl)],
            ['Expires', login.expiresAt ? login.expiresAt.toISOString() : 'never'],
            ['Exported', exportToken ? `VAULT_ADDR, VAULT_TOKEN${connection.namespace ? ', VAULT_NAMESPACE' : ''}` : 'nothing (export-token: false)'],
            ['Revoked at job end', willRevoke ? 'yes' : 'no'],
        ];
        let warn = '';
        if ((0,_vault_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .shortLived */ .Ln)(login.ttl)) {
            warn = `The Vault token expires in ${ttlText(login.ttl)}, likely before the job ends: raise token_ttl${login.role ? ` of role "${login.role}"` : ''} (or log in again in the step that needs it).`;
            r.warning(warn, { title: 'Short-lived Vault token' });
        }
        await r.summary(`### Vault login\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n${warn ? `\n> [!WARNING]\n> ${warn}\n` : ''}`);
    }
    finally {
        await client.close();
    }
}
async function post(r) {
    const token = r.getState('token');
    if (!token) {
        r.info('No Vault token to revoke (none was created, or revoke is false).');
        return;
    }
    r.secret(token, 'the Vault token');
    let client;
    try {
        const conn = (0,_vault_login_js__WEBPACK_IMPORTED_MODULE_3__/* .vaultConnection */ .De)(r);
        client = (0,_vault_login_js__WEBPACK_IMPORTED_MODULE_3__/* .vaultClient */ .es)(r, { ...conn, url: r.getState('url') || conn.url, namespace: r.getState('namespace'), retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, token);
    }
    catch (err) {
        r.warning(`Could not revoke the Vault token: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`);
        return;
    }
    try {
        await client.revokeSelf();
        r.info('Revoked the Vault token (auth/token/revoke-self).');
    }
    catch (err) {
        if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi && err.code === 'invalid_token')
            r.info('The Vault token was already revoked or expired.');
        else
            r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`, { title: 'Vault token not revoked' });
    }
    finally {
        await client.close();
    }
}
const vaultLogin = (0,_platform_aliases_js__WEBPACK_IMPORTED_MODULE_2__/* .withInputAliases */ .vp)({ name: 'vault-login', main, post }, vaultLoginSpec.inputs);


/***/ }),

/***/ 3039:
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


/***/ })

};
