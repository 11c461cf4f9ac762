export const id = 750;
export const ids = [750];
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

/***/ 1750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vaultLogin: () => (/* binding */ vaultLogin),
  vaultLoginSpec: () => (/* reexport */ vaultLoginSpec)
});

// EXTERNAL MODULE: ./src/actions/aliases.ts
var aliases = __webpack_require__(2031);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
// EXTERNAL MODULE: ./src/actions/shared/vault-config.ts
var vault_config = __webpack_require__(5224);
;// CONCATENATED MODULE: ./src/actions/vault-login/config.ts
/**
 * vault-login's configuration: every input read and checked (and every secret among them
 * registered) before any network call; every error names its input.
 */



function readConfig(r) {
    for (const name of ['secrets', 'pki']) {
        if (r.input(name).trim())
            throw new errors/* UserError */.yo(name, 'vault-login only logs in: read secrets with fetch-secrets (uses: .../actions/fetch-secrets@v1), which takes the same with: block, or after this step with VAULT_TOKEN');
    }
    const exportToken = (0,parse/* parseBool */.q6)(r.input('export-token'), 'export-token', true);
    const outputToken = (0,parse/* parseBool */.q6)(r.input('output-token'), 'output-token', false);
    const revoke = (0,parse/* parseBool */.q6)(r.input('revoke'), 'revoke', true);
    const timeoutS = (0,vault_config/* parseStepTimeout */.tS)(r.input('timeout'), 300);
    return { exportToken, outputToken, revoke, timeoutS, login: (0,vault_config/* readVaultLogin */.wz)(r, { pending: new Set() }) };
}
/** State main leaves for post (only when post is to revoke the token). */
const STATE = { token: 'token', url: 'url', namespace: 'namespace' };
/** The post step's connection: the inputs', at the URL and namespace main logged in to, with at most 3 attempts. */
function readRevokeConnection(r) {
    const conn = (0,vault_config/* readVaultConnection */.Rp)(r);
    return {
        ...conn,
        url: r.getState(STATE.url) || conn.url,
        namespace: r.getState(STATE.namespace),
        retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) },
    };
}

// EXTERNAL MODULE: ./src/vault/login.ts
var vault_login = __webpack_require__(9777);
;// CONCATENATED MODULE: ./src/actions/vault-login/post.ts
/** vault-login's post step: revokes the token main created (auth/token/revoke-self), unless revoke is false. */




async function post(r) {
    const token = r.getState(STATE.token);
    if (!token) {
        r.info('No Vault token to revoke (none was created, or revoke is false).');
        return;
    }
    r.secret(token, 'the Vault token');
    let client;
    try {
        client = (0,vault_login/* vaultClient */.es)(readRevokeConnection(r), (0,vault_config/* clientCaps */.tx)(r), token);
    }
    catch (err) {
        r.warning(`Could not revoke the Vault token: ${(0,errors/* describeError */.Uc)(err)}`);
        return;
    }
    try {
        await client.revokeSelf();
        r.info('Revoked the Vault token (auth/token/revoke-self).');
    }
    catch (err) {
        if (err instanceof errors/* RemoteError */.Hi && err.code === 'invalid_token')
            r.info('The Vault token was already revoked or expired.');
        else
            r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${(0,errors/* describeError */.Uc)(err)}`, { title: 'Vault token not revoked' });
    }
    finally {
        await client.close();
    }
}

// EXTERNAL MODULE: ./src/vault/deadline.ts
var deadline = __webpack_require__(6238);
;// CONCATENATED MODULE: ./src/actions/vault-login/run.ts



function ttlText(seconds) {
    if (seconds <= 0)
        return 'no expiry';
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
async function run(cfg, r, login = vault_login/* login */.iD) {
    const { pending } = cfg.login.connection;
    const caps = { idToken: (aud) => r.idToken(aud), secret: (v, what) => r.secret(v, what), debug: (m) => r.debug(m), info: (m) => r.info(m) };
    const outcome = await (0,deadline/* withDeadline */.N)(cfg.timeoutS, () => [...pending], () => login(cfg.login, caps));
    const { client, token, connection } = outcome;
    try {
        r.secret(token, 'the Vault token');
        // saved before anything else can fail, so the post step revokes a token whatever happens next
        const willRevoke = cfg.revoke && outcome.created;
        if (willRevoke) {
            r.saveState(STATE.token, token);
            r.saveState(STATE.url, connection.url);
            r.saveState(STATE.namespace, connection.namespace);
        }
        r.output('token', token);
        if (cfg.outputToken)
            r.output('vault_token', token);
        r.output('accessor', outcome.accessor);
        r.output('expires-at', outcome.expiresAt ? outcome.expiresAt.toISOString() : '');
        if (cfg.exportToken) {
            r.exportEnv('VAULT_ADDR', connection.url);
            r.exportEnv('VAULT_TOKEN', token);
            if (connection.namespace)
                r.exportEnv('VAULT_NAMESPACE', connection.namespace);
        }
        const how = outcome.method === 'token' ? 'with the given token' : `with ${outcome.method} at auth/${outcome.mount}${outcome.role ? `, role "${outcome.role}"` : ''}`;
        r.info(`Logged in to Vault ${how}${connection.namespace ? ` (namespace ${connection.namespace})` : ''}: policies ${outcome.policies.join(', ') || '(none)'}, TTL ${ttlText(outcome.ttl)}.`);
        r.info(willRevoke
            ? 'The token will be revoked when the job ends (post step).'
            : outcome.created
                ? 'revoke is false: the token stays valid until its TTL ends.'
                : 'The token was given, not created here: it will not be revoked.');
        const rows = [
            ['Method', outcome.method === 'token' ? 'token (given)' : outcome.method],
            ...(outcome.method === 'token' ? [] : [['Auth mount', `auth/${outcome.mount}`]]),
            ...(outcome.role ? [['Role', outcome.role]] : []),
            ...(connection.namespace ? [['Namespace', connection.namespace]] : []),
            ['Policies', outcome.policies.join(', ') || '(none)'],
            ['TTL', ttlText(outcome.ttl)],
            ['Expires', outcome.expiresAt ? outcome.expiresAt.toISOString() : 'never'],
            ['Exported', cfg.exportToken ? `VAULT_ADDR, VAULT_TOKEN${connection.namespace ? ', VAULT_NAMESPACE' : ''}` : 'nothing (export-token: false)'],
            ['Revoked at job end', willRevoke ? 'yes' : 'no'],
        ];
        let warn = '';
        if ((0,deadline/* shortLived */.L)(outcome.ttl)) {
            warn = `The Vault token expires in ${ttlText(outcome.ttl)}, likely before the job ends: raise token_ttl${outcome.role ? ` of role "${outcome.role}"` : ''} (or log in again in the step that needs it).`;
            r.warning(warn, { title: 'Short-lived Vault token' });
        }
        await r.summary(`### Vault login\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n${warn ? `\n> [!WARNING]\n> ${warn}\n` : ''}`);
    }
    finally {
        await client.close();
    }
}

// EXTERNAL MODULE: ./src/actions/shared/vault-inputs.ts
var vault_inputs = __webpack_require__(639);
;// CONCATENATED MODULE: ./src/actions/vault-login/spec.ts

/** vault-action inputs about secrets: declared so a `with:` block copied from vault-action parses; vault-login fetches nothing. */
const FETCH_ONLY = ['secrets', 'pki', 'exportEnv', 'ignoreNotFound', 'secretEncodingType'];
const vaultLoginSpec = {
    name: 'vault-login',
    summary: 'log in to Vault (GitHub/GitLab OIDC, AppRole, Kubernetes or a token), export the token masked, revoke it when the job ends',
    inputs: [
        ...vault_inputs/* vaultActionLoginInputs */.Rt,
        ...(0,vault_inputs/* withVaultActionAliases */.Lk)([
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

;// CONCATENATED MODULE: ./src/actions/vault-login/index.ts






const vaultLogin = (0,aliases/* withInputAliases */.vp)({
    name: 'vault-login',
    async main(r) {
        await run(readConfig(r), r);
    },
    post: post,
}, vaultLoginSpec.inputs);


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
