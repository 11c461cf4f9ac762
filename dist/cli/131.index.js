export const id = 131;
export const ids = [131];
export const modules = {

/***/ 5131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rotateCheck: () => (/* binding */ rotateCheck),
  rotateCheckSpec: () => (/* reexport */ rotateCheckSpec)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
// EXTERNAL MODULE: ./src/actions/shared/vault-config.ts
var vault_config = __webpack_require__(5224);
// EXTERNAL MODULE: ./src/actions/shared/pem.ts
var pem = __webpack_require__(487);
// EXTERNAL MODULE: ./src/rotation/policy.ts
var rotation_policy = __webpack_require__(3694);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./src/rotation/item.ts
var rotation_item = __webpack_require__(4919);
;// CONCATENATED MODULE: ./src/rotation/chain.ts
/**
 * Certificate chain analysis shared by PEM files, live TLS endpoints and Vault PKI:
 * days until expiry, expired, not yet valid, and intermediates that expire before the leaf
 * (the chain then dies with the intermediate). Reads only public certificates.
 */


const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
/**
 * The certificates of a PEM text, in order. Any other block (a private key, parameters)
 * is skipped without being looked at; `skipped` counts them.
 */
function pemCertificates(text) {
    const certs = [];
    let skipped = 0;
    let bad = 0;
    for (const m of text.matchAll(PEM_BLOCK)) {
        if (m[1] !== 'CERTIFICATE') {
            skipped++;
            continue;
        }
        try {
            certs.push(new external_node_crypto_.X509Certificate(m[0]));
        }
        catch {
            bad++;
        }
    }
    return { certs, skipped, bad };
}
function notAfter(c) {
    return Date.parse(c.validTo);
}
function notBefore(c) {
    return Date.parse(c.validFrom);
}
/** The subject's CN (or the whole subject when it has none), on one line. */
function commonName(c) {
    const cn = /(?:^|\n)CN=([^\n]*)/.exec(c.subject);
    return (cn?.[1] ?? c.subject.replace(/\n/g, ', ')).slice(0, 120);
}
/** Splits certificates into chains: each certificate followed by the ones that issued it. */
function groupChains(certs) {
    const chains = [];
    for (const c of certs) {
        const cur = chains[chains.length - 1];
        const last = cur?.[cur.length - 1];
        if (cur && last && last.checkIssued(c) && !isSelfIssued(last))
            cur.push(c);
        else
            chains.push([c]);
    }
    return chains;
}
function isSelfIssued(c) {
    return c.checkIssued(c);
}
function isoDate(ms) {
    return new Date(ms).toISOString();
}
/** Evaluates one chain (leaf first) at `nowMs`. */
function chainItem(kind, name, chain, nowMs, limits) {
    const leaf = chain[0];
    if (!leaf)
        return { kind, name, status: 'fail', limit: (0,rotation_item/* expiryLimitText */.Iy)(limits), detail: 'no certificate' };
    const leafEnd = notAfter(leaf);
    let effectiveEnd = leafEnd;
    const notes = [];
    let status = 'ok';
    for (const ca of chain.slice(1)) {
        const end = notAfter(ca);
        if (end < leafEnd) {
            notes.push(`intermediate "${commonName(ca)}" expires ${isoDate(end).slice(0, 10)}, before the leaf (${isoDate(leafEnd).slice(0, 10)})`);
            status = (0,rotation_item/* worst */.QZ)(status, 'warn');
        }
        effectiveEnd = Math.min(effectiveEnd, end);
    }
    const leftSec = Math.floor((effectiveEnd - nowMs) / 1000);
    const start = notBefore(leaf);
    let detail;
    if (start > nowMs) {
        status = 'fail';
        detail = `"${commonName(leaf)}" is not valid before ${isoDate(start)}`;
    }
    else if (leftSec <= 0) {
        status = 'fail';
        detail =
            effectiveEnd < leafEnd ? `the chain of "${commonName(leaf)}" expired ${isoDate(effectiveEnd)}` : `"${commonName(leaf)}" expired ${isoDate(leafEnd)}`;
    }
    else {
        status = (0,rotation_item/* worst */.QZ)(status, (0,rotation_item/* expiryStatus */.GO)(leftSec, limits));
        detail = `"${commonName(leaf)}" expires in ${Math.floor(leftSec / rotation_item/* DAY */.d_)} days`;
    }
    if (notes.length)
        detail += `; ${notes.join('; ')}`;
    return { kind, name, status, leftSec, limit: (0,rotation_item/* expiryLimitText */.Iy)(limits), detail, expires: isoDate(effectiveEnd) };
}

;// CONCATENATED MODULE: ./src/rotation/tls.ts
/**
 * Live TLS endpoints (`host:port`): connects (through the HTTPS proxy when one is set and
 * the host is not in NO_PROXY), reads the presented chain, and reports days left, an
 * untrusted chain, a hostname mismatch or an unreachable endpoint. Sends no application data.
 */









function parseEndpoint(raw, input = 'endpoints') {
    const v = raw
        .trim()
        .replace(/^https:\/\//, '')
        .replace(/\/.*$/, '');
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/.exec(v);
    const host = m?.[1] ?? m?.[2];
    const port = m?.[3] === undefined ? 443 : Number(m[3]);
    if (!m || !host || port < 1 || port > 65535)
        throw new errors/* UserError */.yo(input, `"${v.slice(0, 80)}" is not host:port (e.g. vault.example.com:8200)`);
    return { host, port, name: `${host.includes(':') ? `[${host}]` : host}:${port}` };
}
const TRUST_CAUSES = {
    SELF_SIGNED_CERT_IN_CHAIN: 'untrusted chain: it ends in a self-signed CA that is not trusted',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted chain: the server presented a self-signed certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted chain: the certificate is signed by an unknown CA',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted chain: the issuer is not trusted (private CA? give it in "endpoints-ca")',
    UNABLE_TO_GET_ISSUER_CERT: 'untrusted chain: the issuer certificate is missing',
};
function bypassProxy(host, port, noProxy) {
    for (const raw of noProxy.split(/[,\s]+/).filter(Boolean)) {
        if (raw === '*')
            return true;
        const [h = '', p] = raw.split(/:(?=\d+$)/);
        if (p && Number(p) !== port)
            continue;
        const entry = h.replace(/^\*?\./, '').toLowerCase();
        const hl = host.toLowerCase();
        if (hl === entry || hl.endsWith(`.${entry}`))
            return true;
    }
    return false;
}
/** A raw TCP socket to host:port through an HTTP(S) proxy's CONNECT tunnel. */
function tunnel(proxyUrl, ep, timeoutMs) {
    return new Promise((resolvePromise, reject) => {
        let u;
        try {
            u = new URL(proxyUrl);
        }
        catch {
            reject(Object.assign(new Error('the proxy URL does not parse'), { code: 'EPROXY' }));
            return;
        }
        const headers = { host: ep.name };
        if (u.username)
            headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
        const req = (0,external_node_http_.request)({ host: u.hostname, port: Number(u.port || 80), method: 'CONNECT', path: ep.name, headers, timeout: timeoutMs });
        req.on('connect', (res, socket) => {
            if (res.statusCode === 200)
                resolvePromise(socket);
            else {
                socket.destroy();
                reject(Object.assign(new Error(`the proxy answered ${res.statusCode ?? 0} to CONNECT`), { code: 'EPROXY' }));
            }
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('proxy timeout'), { code: 'ETIMEDOUT' })));
        req.on('error', reject);
        req.end();
    });
}
/** Node's default store (with NODE_EXTRA_CA_CERTS where Node exposes it): a custom CA adds to it. */
function defaultCas() {
    const get = external_node_tls_.getCACertificates;
    return get ? get('default') : [...external_node_tls_.rootCertificates];
}
function chainOf(peer) {
    const out = [];
    const seen = new Set();
    for (let c = peer; c && c.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
        seen.add(c.fingerprint256);
        out.push(new external_node_crypto_.X509Certificate(c.raw));
        if (c.issuerCertificate === c)
            break;
    }
    return out;
}
async function handshake(ep, o) {
    const proxyUrl = o.proxy.httpsProxy || o.proxy.httpProxy;
    const socket = proxyUrl && !bypassProxy(ep.host, ep.port, o.proxy.noProxy ?? '') ? await tunnel(proxyUrl, ep, o.timeoutMs) : undefined;
    return new Promise((resolvePromise, reject) => {
        const opts = {
            host: ep.host,
            port: ep.port,
            rejectUnauthorized: false,
            ...((0,external_node_net_.isIP)(ep.host) ? {} : { servername: ep.host }),
            ...(o.ca ? { ca: [...defaultCas(), o.ca] } : {}),
            ...(socket ? { socket } : {}),
            timeout: o.timeoutMs,
        };
        const s = (0,external_node_tls_.connect)(opts, () => {
            const peer = s.getPeerCertificate(true);
            const result = {
                authorized: s.authorized,
                authError: s.authorizationError ? String(s.authorizationError) : '',
                chain: peer.raw ? chainOf(peer) : [],
                peer,
            };
            s.destroy();
            resolvePromise(result);
        });
        s.on('timeout', () => s.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
        s.on('error', reject);
    });
}
function reason(err) {
    const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : '';
    const msg = err instanceof Error ? err.message : '';
    return code || msg.slice(0, 120) || 'unknown error';
}
/** Probes one endpoint; every failure becomes a failing item. */
async function probeEndpoint(ep, nowMs, policy, o) {
    const lim = (0,rotation_policy/* resolve */.hd)(policy, 'endpoint', ep.name);
    if (lim.ignore)
        return undefined;
    let hs;
    try {
        hs = await handshake(ep, o);
    }
    catch (err) {
        return { kind: 'endpoint', name: ep.name, status: 'fail', limit: (0,rotation_item/* expiryLimitText */.Iy)(lim), detail: `unreachable: ${reason(err)}` };
    }
    if (!hs.chain.length)
        return { kind: 'endpoint', name: ep.name, status: 'fail', limit: (0,rotation_item/* expiryLimitText */.Iy)(lim), detail: 'the server presented no certificate' };
    const item = chainItem('endpoint', ep.name, hs.chain, nowMs, lim);
    const problems = [];
    if (!hs.authorized && hs.authError && !['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'].includes(hs.authError)) {
        problems.push(TRUST_CAUSES[hs.authError] ?? `untrusted chain (${hs.authError})`);
    }
    const mismatch = (0,external_node_tls_.checkServerIdentity)(ep.host, hs.peer);
    if (mismatch)
        problems.push(`hostname mismatch: the certificate is not valid for ${ep.host}`);
    if (problems.length) {
        item.status = 'fail';
        item.detail = `${problems.join('; ')}; ${item.detail}`;
    }
    return item;
}

;// CONCATENATED MODULE: ./src/actions/rotate-check/config.ts
/**
 * rotate-check's inputs, read and validated before anything is checked: every error names
 * its input (or the policy file's field). Secrets among them (the GitHub token, AWS keys)
 * are registered with the masker here, before any use.
 */







const NOW_ENV = 'PIPELINE_SECRETS_NOW';
const DEFAULT_ISSUE_TITLE = 'pipeline-secrets: credentials due for rotation';
/** "Now": the injected clock (a test hook, ISO time in PIPELINE_SECRETS_NOW) or the real one. */
function nowFrom(r) {
    const raw = (r.env(NOW_ENV) ?? '').trim();
    if (!raw)
        return Date.now();
    const t = Date.parse(raw);
    if (Number.isNaN(t))
        throw new errors/* UserError */.yo('', `${NOW_ENV} is set but is not an ISO 8601 time such as 2026-01-31T00:00:00Z`);
    return t;
}
function readConfig(r) {
    const ws = r.workspace();
    const nowMs = nowFrom(r);
    const base = (0,rotation_policy/* limitsFromInputs */.iq)({ maxAge: r.input('max-age'), warnBefore: r.input('warn-before'), failBefore: r.input('fail-before') });
    const policyPath = r.input('policy').trim();
    const policy = policyPath ? (0,rotation_policy/* loadPolicyFile */.n$)(policyPath, ws, base) : { defaults: base, rules: [] };
    const endpoints = (0,parse/* parseList */.E1)(r.input('endpoints')).map((e) => parseEndpoint(e));
    const timeout = r.input('timeout').trim();
    const timeoutMs = Math.round((timeout ? (0,parse/* parseDuration */.E9)(timeout, 'timeout') : 10) * 1000);
    if (timeoutMs < 100 || timeoutMs > 600_000)
        throw new errors/* UserError */.yo('timeout', 'expected a duration from 100ms to 10m');
    const vaultPaths = (0,parse/* parseList */.E1)(r.input('vault-paths'));
    const leases = (0,parse/* parseList */.E1)(r.input('leases'));
    const pkiMounts = (0,parse/* parseList */.E1)(r.input('vault-pki'));
    const checkToken = (0,parse/* parseBool */.q6)(r.input('check-token'), 'check-token', true);
    const cfg = {
        nowMs,
        policy,
        certificates: (0,parse/* parseList */.E1)(r.input('certificates')),
        endpoints,
        timeoutMs,
        vaultPaths,
        leases,
        pkiMounts,
        checkToken,
        vault: vaultPaths.length > 0 || leases.length > 0 || pkiMounts.length > 0 || r.input('url').trim() !== '',
        warnOnly: (0,parse/* parseBool */.q6)(r.input('warn-only'), 'warn-only', false),
        reportPath: '',
    };
    if (cfg.vault)
        (0,vault_config/* readVaultConnection */.Rp)(r); // Vault inputs are checked before anything runs
    const caRaw = r.input('endpoints-ca');
    if (caRaw.trim())
        cfg.endpointsCa = (0,pem/* readPem */.J)(caRaw, 'endpoints-ca', { dir: ws });
    const report = r.input('report-path').trim();
    cfg.reportPath = report ? ((0,external_node_path_.isAbsolute)(report) ? report : (0,external_node_path_.join)(ws, report)) : (0,external_node_path_.join)(r.tempDir(), 'rotate-check-report.json');
    if ((0,parse/* parseBool */.q6)(r.input('aws-keys'), 'aws-keys', false)) {
        const id = r.env('AWS_ACCESS_KEY_ID') ?? '';
        const secret = r.env('AWS_SECRET_ACCESS_KEY') ?? '';
        if (!id || !secret) {
            throw new errors/* UserError */.yo('aws-keys', 'no AWS credentials in the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY): run oidc-assume-role first, or set aws-keys: false');
        }
        r.secret(secret, 'AWS_SECRET_ACCESS_KEY');
        const session = r.env('AWS_SESSION_TOKEN') ?? '';
        if (session)
            r.secret(session, 'AWS_SESSION_TOKEN');
        const endpoint = r.input('iam-endpoint').trim();
        if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
            throw new errors/* UserError */.yo('iam-endpoint', 'expected a URL such as https://iam.amazonaws.com');
        cfg.aws = {
            credentials: { accessKeyId: id, secretAccessKey: secret, ...(session ? { sessionToken: session } : {}) },
            region: r.env('AWS_REGION') || r.env('AWS_DEFAULT_REGION') || 'us-east-1',
            ...(endpoint ? { endpoint } : {}),
        };
    }
    if ((0,parse/* parseBool */.q6)(r.input('issue'), 'issue', false)) {
        const token = r.input('github-token').trim() || (r.env('GITHUB_TOKEN') ?? '').trim();
        if (!token)
            throw new errors/* UserError */.yo('github-token', 'issue: true needs a token with issues: write (the default is the job token)');
        r.secret(token, 'github-token');
        // the forge (GitHub's APIs) is the runner's: GitLab jobs and the CLI have none
        if (!r.forge)
            throw new errors/* UserError */.yo('issue', 'issues are opened on GitHub only; on GitLab use the JSON report (report-path) as an artifact');
        if (!r.context().repository)
            throw new errors/* UserError */.yo('issue', 'the repository is unknown (GITHUB_REPOSITORY): issues are only opened on GitHub');
        cfg.issue = { token, title: r.input('issue-title').trim() || DEFAULT_ISSUE_TITLE, labels: (0,parse/* parseList */.E1)(r.input('issue-labels')) };
    }
    return cfg;
}

// EXTERNAL MODULE: ./src/core/sdk-http-handler.ts
var sdk_http_handler = __webpack_require__(8425);
// EXTERNAL MODULE: ./src/core/http.ts + 1 modules
var http = __webpack_require__(3871);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/rotation/glob.ts
var glob = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/rotation/certs.ts
/**
 * PEM certificate files in the workspace: globs (or plain paths) relative to it, each file
 * split into chains and evaluated. Private-key blocks in a bundle are skipped unread.
 */





const SKIP_DIRS = new Set(['.git', 'node_modules']);
const MAX_FILES = 20_000;
const MAX_BYTES = 2 * 1024 * 1024;
function walk(root, out) {
    const stack = [root];
    while (stack.length && out.length < MAX_FILES) {
        const dir = stack.pop() ?? root;
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            if (e.isDirectory()) {
                if (!SKIP_DIRS.has(e.name))
                    stack.push((0,external_node_path_.join)(dir, e.name));
            }
            else if (e.isFile())
                out.push((0,external_node_path_.relative)(root, (0,external_node_path_.join)(dir, e.name)).split(external_node_path_.sep).join('/'));
        }
    }
}
/** Files (relative to the workspace, `/`-separated) matching the patterns, sorted, unique. */
function findCertificateFiles(patterns, workspace) {
    const found = new Set();
    const unmatched = [];
    let all;
    for (const p of patterns) {
        const pat = p.replace(/^\.\//, '');
        if (!(0,glob/* isGlob */.fg)(pat)) {
            found.add(pat);
            continue;
        }
        if (!all) {
            all = [];
            walk(workspace, all);
        }
        const re = (0,glob/* globToRegExp */.tL)(pat);
        const hits = all.filter((f) => re.test(f));
        if (!hits.length)
            unmatched.push(p);
        for (const h of hits)
            found.add(h);
    }
    return { files: [...found].sort(), unmatched };
}
/** One item per chain of each file; unreadable files and files without certificates fail. */
function checkCertificateFiles(files, workspace, nowMs, policy) {
    const items = [];
    for (const f of files) {
        const full = (0,external_node_path_.isAbsolute)(f) ? f : (0,external_node_path_.join)(workspace, f);
        const lim = (0,rotation_policy/* resolve */.hd)(policy, 'certificate', f);
        if (lim.ignore)
            continue;
        let text;
        try {
            const st = (0,external_node_fs_.statSync)(full);
            if (st.size > MAX_BYTES) {
                items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: `larger than ${MAX_BYTES / 1024 / 1024} MB: not a certificate file` });
                continue;
            }
            text = (0,external_node_fs_.readFileSync)(full, 'utf8');
        }
        catch (err) {
            const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
            items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: `cannot read the file (${code})` });
            continue;
        }
        const { certs, bad } = pemCertificates(text);
        if (!certs.length) {
            if (bad)
                items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: 'holds a CERTIFICATE block that does not parse' });
            continue;
        }
        const chains = groupChains(certs);
        chains.forEach((chain, i) => {
            const name = chains.length > 1 ? `${f}#${i + 1}` : f;
            items.push(chainItem('certificate', name, chain, nowMs, lim));
        });
    }
    return items;
}

;// CONCATENATED MODULE: ./src/rotation/report.ts
/**
 * Reports of rotate-check: the step summary table, annotations (errors for overdue items,
 * warnings for expiring ones, within the runner's 10-per-step limits), the JSON report and
 * the counts. Items hold metadata only, so nothing here can carry a secret.
 */



const RANK = { fail: 0, warn: 1, ok: 2 };
const ICON = { fail: ':x: overdue', warn: ':warning: expiring', ok: ':white_check_mark: ok' };
function sortItems(items) {
    return [...items].sort((a, b) => RANK[a.status] - RANK[b.status] || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
function countItems(items) {
    return {
        overdue: items.filter((i) => i.status === 'fail').length,
        expiring: items.filter((i) => i.status === 'warn').length,
        ok: items.filter((i) => i.status === 'ok').length,
    };
}
/** "age 92d" or "12d left" / "expired 3d ago". */
function ageOrLeft(i) {
    const parts = [];
    if (i.ageSec !== undefined)
        parts.push(`age ${(0,rotation_item/* human */.eh)(i.ageSec)}`);
    if (i.leftSec !== undefined)
        parts.push(i.leftSec <= 0 ? `expired ${(0,rotation_item/* human */.eh)(-i.leftSec)} ago` : `${(0,rotation_item/* human */.eh)(i.leftSec)} left`);
    return parts.join(', ') || '-';
}
function cell(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
function summaryMarkdown(items, nowIso, warnOnly) {
    const c = countItems(items);
    const lines = [
        '## rotate-check',
        '',
        `**${c.overdue} overdue**, **${c.expiring} expiring**, ${c.ok} ok, checked at ${nowIso}${warnOnly && c.overdue ? ' (warn-only: the step does not fail)' : ''}.`,
        '',
    ];
    if (!items.length)
        return [...lines, '_Nothing was checked: give `vault-paths`, `certificates`, `endpoints`, `leases` or `aws-keys`._', ''].join('\n');
    lines.push('| Status | Item | Kind | Age / left | Limit | Owner | Detail |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const i of sortItems(items)) {
        lines.push(`| ${ICON[i.status]} | \`${cell(i.name)}\` | ${i.kind} | ${cell(ageOrLeft(i))} | ${cell(i.limit)} | ${cell(i.owner ?? '')} | ${cell(i.detail)} |`);
    }
    lines.push('');
    return lines.join('\n');
}
/** At most `perLevel` annotations of each level; the rest folded into one last line. */
function annotations(items, perLevel = 10) {
    const out = [];
    for (const [status, level] of [
        ['fail', 'error'],
        ['warn', 'warning'],
    ]) {
        const these = sortItems(items).filter((i) => i.status === status);
        const shown = these.length > perLevel ? these.slice(0, perLevel - 1) : these;
        for (const i of shown) {
            const props = { title: `rotate-check: ${i.kind} ${status === 'fail' ? 'overdue' : 'expiring'}` };
            if (i.kind === 'certificate')
                props.file = i.name.replace(/#\d+$/, '');
            out.push({ level, message: `${i.name}: ${i.detail} (${ageOrLeft(i)}; ${i.limit})`, props });
        }
        if (these.length > shown.length) {
            out.push({
                level,
                message: `${these.length - shown.length} more ${status === 'fail' ? 'overdue' : 'expiring'} items: see the step summary or the JSON report`,
                props: { title: 'rotate-check' },
            });
        }
    }
    return out;
}
function jsonReport(items, nowIso) {
    return { version: 1, tool: 'pipeline-secrets rotate-check', generatedAt: nowIso, counts: countItems(items), items: sortItems(items) };
}
/** Writes the report; `redact` (the runner's masker) sees the text first: the file is an artifact, not a masked log. */
function writeJsonReport(path, report, redact = (t) => t) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, `${redact(JSON.stringify(report, null, 2))}\n`);
}
/** The issue body: what is due, as a checklist. */
function issueBody(items, nowIso, runUrl) {
    const due = sortItems(items).filter((i) => i.status !== 'ok');
    const lines = [
        `rotate-check found **${countItems(items).overdue} overdue** and **${countItems(items).expiring} expiring** credentials (checked ${nowIso}).`,
        '',
        '| Status | Item | Kind | Age / left | Limit | Owner | Detail |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...due.map((i) => `| ${ICON[i.status]} | \`${cell(i.name)}\` | ${i.kind} | ${cell(ageOrLeft(i))} | ${cell(i.limit)} | ${cell(i.owner ?? '')} | ${cell(i.detail)} |`),
        '',
        runUrl ? `Run: ${runUrl}` : '',
        '',
        '_This issue is updated by each scheduled run and closed when everything is within policy._',
    ];
    return lines.join('\n').slice(0, 60_000);
}

// EXTERNAL MODULE: ./src/vault/client.ts
var client = __webpack_require__(3157);
// EXTERNAL MODULE: ./src/vault/login.ts
var vault_login = __webpack_require__(9777);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/rotation/pki.ts
/**
 * Certificates issued by Vault PKI mounts: LIST `<mount>/certs`, read each
 * `<mount>/cert/<serial>` (public certificate and revocation time only; private keys are
 * never stored by Vault nor read here). Revoked certificates are skipped; per common name
 * only the newest certificate counts (older ones were replaced), so an expired one is a
 * finding only when nothing newer was issued for its name.
 */





const MAX_CERTS = 2000;
async function checkPki(api, mounts, nowMs, policy, info) {
    const items = [];
    for (const raw of mounts) {
        const mount = raw.trim().replace(/^\/+|\/+$/g, '');
        const newest = new Map();
        let skipped = 0;
        try {
            const serials = (await api.listCerts(mount)).slice(0, MAX_CERTS);
            for (const serial of serials) {
                const d = await api.readCert(mount, serial);
                if (!(0,json/* isObject */.Gv)(d) || typeof d['certificate'] !== 'string')
                    continue;
                const revoked = typeof d['revocation_time'] === 'number' && d['revocation_time'] > 0;
                let cert;
                try {
                    cert = new external_node_crypto_.X509Certificate(d['certificate']);
                }
                catch {
                    continue;
                }
                if (revoked) {
                    skipped++;
                    continue;
                }
                const cn = commonName(cert);
                const prev = newest.get(cn);
                if (!prev || notAfter(cert) > notAfter(prev.cert))
                    newest.set(cn, { cert, serial });
            }
        }
        catch (err) {
            items.push({ kind: 'vault-pki', name: mount, status: 'fail', limit: '-', detail: `cannot list the certificates: ${(0,errors/* describeError */.Uc)(err)}` });
            continue;
        }
        info(`vault-pki ${mount}: ${newest.size} current certificate(s), ${skipped} revoked skipped`);
        for (const [cn, { cert, serial }] of newest) {
            const name = `${mount}/${cn}`;
            const lim = (0,rotation_policy/* resolve */.hd)(policy, 'vault-pki', name);
            if (lim.ignore)
                continue;
            const it = chainItem('vault-pki', name, [cert], nowMs, lim);
            it.detail += ` (serial ${serial})`;
            items.push(it);
        }
    }
    return items;
}

;// CONCATENATED MODULE: ./src/rotation/vault.ts
/**
 * Vault checks on metadata only (never a KV data read): KV v2 secrets found by LISTing
 * `<mount>/metadata/` recursively under the given paths, the age of each current version
 * against the policy, `custom_metadata` rotation_period / expires_at / owner, older versions
 * still readable long after rotation; the token in use (lookup-self) and listed leases.
 */





const MAX_SECRETS = 5000;
function ms(v, field) {
    const t = Date.parse((0,json/* str */.gx)(v, field));
    if (Number.isNaN(t))
        throw new Error(`${field}: not an RFC 3339 time`);
    return t;
}
/** Splits "secret/ci/db" into mount and path: the client's answer, else the first segment. */
async function splitPath(api, raw) {
    const clean = raw.trim().replace(/^\/+/, '');
    const mount = (await api.mountOf?.(clean))?.replace(/\/+$/, '');
    if (mount && (clean === mount || clean.startsWith(`${mount}/`)))
        return { mount, path: clean.slice(mount.length).replace(/^\/+/, '') };
    const i = clean.indexOf('/');
    return i < 0 ? { mount: clean, path: '' } : { mount: clean.slice(0, i), path: clean.slice(i + 1) };
}
/** Every secret path under `path` (itself when it is a secret and does not end in "/"). */
async function collect(api, mount, path, out) {
    if (path && !path.endsWith('/')) {
        const meta = await api.readMetadata(mount, path);
        if (meta !== undefined) {
            out.set(`${mount}/${path}`, (0,json/* obj */.WL)(meta, `${mount}/metadata/${path}`));
            return;
        }
    }
    const dirs = [path && !path.endsWith('/') ? `${path}/` : path];
    while (dirs.length && out.size < MAX_SECRETS) {
        const dir = dirs.shift() ?? '';
        for (const key of await api.listMetadata(mount, dir.replace(/\/$/, ''))) {
            const full = `${dir}${key}`;
            if (key.endsWith('/'))
                dirs.push(full);
            else {
                const meta = await api.readMetadata(mount, full);
                if (meta !== undefined)
                    out.set(`${mount}/${full}`, (0,json/* obj */.WL)(meta, `${mount}/metadata/${full}`));
            }
        }
    }
}
/** One KV v2 secret's item from its metadata. */
function kvItem(name, meta, nowMs, policy) {
    const lim = (0,rotation_policy/* resolve */.hd)(policy, 'vault-kv', name);
    if (lim.ignore)
        return undefined;
    const f = `${name} metadata`;
    const current = (0,json/* num */.bu)(meta['current_version'], `${f}.current_version`);
    const versions = (0,json/* obj */.WL)(meta['versions'] ?? {}, `${f}.versions`);
    const custom = meta['custom_metadata'] === null || meta['custom_metadata'] === undefined ? {} : (0,json/* obj */.WL)(meta['custom_metadata'], `${f}.custom_metadata`);
    const cur = versions[String(current)];
    if ((0,json/* isObject */.Gv)(cur) &&
        (cur['destroyed'] === true || (typeof cur['deletion_time'] === 'string' && cur['deletion_time'] && Date.parse(cur['deletion_time']) <= nowMs))) {
        return { kind: 'vault-kv', name, status: 'ok', limit: (0,rotation_item/* ageLimitText */.iW)(lim), detail: `the current version ${current} is deleted: nothing to rotate` };
    }
    const createdMs = (0,json/* isObject */.Gv)(cur) ? ms(cur['created_time'], `${f}.versions.${current}.created_time`) : ms(meta['updated_time'], `${f}.updated_time`);
    const ageSec = Math.floor((nowMs - createdMs) / 1000);
    const notes = [];
    let maxAge = lim.maxAgeSec;
    let status = 'ok';
    const period = custom['rotation_period'];
    if (typeof period === 'string' && period.trim()) {
        try {
            maxAge = Math.min(maxAge, (0,parse/* parseDuration */.E9)(period, 'rotation_period'));
        }
        catch {
            status = 'warn';
            notes.push('custom_metadata.rotation_period is not a duration such as 30d');
        }
    }
    status = (0,rotation_item/* worst */.QZ)(status, (0,rotation_item/* ageStatus */.eD)(ageSec, { maxAgeSec: maxAge, warnBeforeSec: lim.warnBeforeSec }));
    notes.unshift(status === 'fail' ? `version ${current} is ${Math.floor(ageSec / rotation_item/* DAY */.d_)} days old: rotate it` : `version ${current}, ${Math.floor(ageSec / rotation_item/* DAY */.d_)} days old`);
    const item = {
        kind: 'vault-kv',
        name,
        status,
        ageSec,
        limit: (0,rotation_item/* ageLimitText */.iW)({ maxAgeSec: maxAge, warnBeforeSec: lim.warnBeforeSec }),
        detail: '',
        created: new Date(createdMs).toISOString(),
    };
    const expiresAt = custom['expires_at'];
    if (typeof expiresAt === 'string' && expiresAt.trim()) {
        const end = Date.parse(expiresAt);
        if (Number.isNaN(end)) {
            item.status = (0,rotation_item/* worst */.QZ)(item.status, 'warn');
            notes.push('custom_metadata.expires_at is not an RFC 3339 time');
        }
        else {
            item.leftSec = Math.floor((end - nowMs) / 1000);
            item.expires = new Date(end).toISOString();
            const es = (0,rotation_item/* expiryStatus */.GO)(item.leftSec, lim);
            item.status = (0,rotation_item/* worst */.QZ)(item.status, es);
            item.limit += `; ${(0,rotation_item/* expiryLimitText */.Iy)(lim)}`;
            notes.push(item.leftSec <= 0 ? `expired ${item.expires.slice(0, 10)} (custom_metadata.expires_at)` : `expires ${item.expires.slice(0, 10)}`);
        }
    }
    const owner = custom['owner'];
    if (typeof owner === 'string' && owner)
        item.owner = owner.slice(0, 100);
    // older versions still readable long after they were replaced
    const nums = Object.keys(versions)
        .map(Number)
        .filter((n) => Number.isInteger(n))
        .sort((a, b) => a - b);
    let readable = 0;
    let oldestSupersededMs = Infinity;
    for (const n of nums) {
        if (n >= current)
            continue;
        const v = (0,json/* obj */.WL)(versions[String(n)], `${f}.versions.${n}`);
        const destroyed = v['destroyed'] === undefined ? false : (0,json/* bool */.lc)(v['destroyed'], `${f}.versions.${n}.destroyed`);
        const del = (0,json/* optStr */.VK)(v['deletion_time'], `${f}.versions.${n}.deletion_time`) ?? '';
        if (destroyed || (del && Date.parse(del) <= nowMs))
            continue;
        const next = nums.find((m) => m > n);
        const nextV = next === undefined ? undefined : versions[String(next)];
        const supersededMs = (0,json/* isObject */.Gv)(nextV) && typeof nextV['created_time'] === 'string' ? Date.parse(nextV['created_time']) : createdMs;
        if (nowMs - supersededMs > lim.oldVersionGraceSec * 1000) {
            readable++;
            oldestSupersededMs = Math.min(oldestSupersededMs, supersededMs);
        }
    }
    if (readable) {
        item.status = (0,rotation_item/* worst */.QZ)(item.status, 'warn');
        notes.push(`${readable} older version${readable > 1 ? 's' : ''} still readable, replaced ${(0,rotation_item/* human */.eh)(Math.floor((nowMs - oldestSupersededMs) / 1000))} ago: destroy ${readable > 1 ? 'them' : 'it'} or set delete_version_after`);
    }
    item.detail = notes.join('; ');
    return item;
}
async function checkKv(api, paths, nowMs, policy) {
    const items = [];
    for (const raw of paths) {
        const found = new Map();
        try {
            const { mount, path } = await splitPath(api, raw);
            await collect(api, mount, path, found);
        }
        catch (err) {
            items.push({ kind: 'vault-kv', name: raw, status: 'fail', limit: '-', detail: `cannot read the metadata: ${(0,errors/* describeError */.Uc)(err)}` });
            continue;
        }
        if (!found.size)
            items.push({ kind: 'vault-kv', name: raw, status: 'warn', limit: '-', detail: 'no KV v2 secret found under this path' });
        for (const [name, meta] of found) {
            try {
                const it = kvItem(name, meta, nowMs, policy);
                if (it)
                    items.push(it);
            }
            catch (err) {
                items.push({ kind: 'vault-kv', name, status: 'fail', limit: '-', detail: `unexpected metadata: ${(0,errors/* describeError */.Uc)(err)}` });
            }
        }
    }
    return items;
}
/** The token in use: age against the max age, no expiry, root. */
async function checkToken(api, nowMs, policy) {
    const name = 'token in use';
    const lim = (0,rotation_policy/* resolve */.hd)(policy, 'vault-token', name);
    if (lim.ignore)
        return undefined;
    let d;
    try {
        d = (0,json/* obj */.WL)(await api.lookupSelf(), 'lookup-self data');
    }
    catch (err) {
        return { kind: 'vault-token', name, status: 'fail', limit: '-', detail: `cannot look up the token: ${(0,errors/* describeError */.Uc)(err)}` };
    }
    const ttl = (0,json/* num */.bu)(d['ttl'], 'lookup-self.ttl');
    const renewable = d['renewable'] === true;
    const created = typeof d['creation_time'] === 'number' ? d['creation_time'] * 1000 : undefined;
    const policies = Array.isArray(d['policies']) ? d['policies'].filter((p) => typeof p === 'string') : [];
    const path = typeof d['path'] === 'string' ? d['path'] : '';
    const item = { kind: 'vault-token', name: path ? `${name} (${path})` : name, status: 'ok', limit: (0,rotation_item/* ageLimitText */.iW)(lim), detail: '' };
    const notes = [`${renewable ? 'renewable' : 'not renewable'}`];
    if (created !== undefined) {
        item.ageSec = Math.floor((nowMs - created) / 1000);
        item.created = new Date(created).toISOString();
        item.status = (0,rotation_item/* ageStatus */.eD)(item.ageSec, lim);
        if (item.status === 'fail')
            notes.unshift(`issued ${Math.floor(item.ageSec / rotation_item/* DAY */.d_)} days ago: use short-lived tokens`);
    }
    if (ttl > 0) {
        item.leftSec = ttl;
        notes.push(`TTL ${(0,rotation_item/* human */.eh)(ttl)}`);
    }
    else if (policies.includes('root')) {
        item.status = 'fail';
        notes.unshift('a root token: never use one in CI');
    }
    else {
        item.status = (0,rotation_item/* worst */.QZ)(item.status, 'warn');
        notes.unshift('never expires (no TTL): use a token with a TTL');
    }
    item.detail = notes.join('; ');
    return item;
}
/** A lease: remaining TTL against the windows (renewable leases only warn), and its age. */
async function checkLease(api, leaseId, nowMs, policy) {
    const lim = (0,rotation_policy/* resolve */.hd)(policy, 'vault-lease', leaseId);
    if (lim.ignore)
        return undefined;
    let d;
    try {
        d = (0,json/* obj */.WL)(await api.lookupLease(leaseId), 'lease lookup data');
    }
    catch (err) {
        return {
            kind: 'vault-lease',
            name: leaseId,
            status: 'fail',
            limit: (0,rotation_item/* expiryLimitText */.Iy)(lim),
            detail: `lease not found (expired or revoked?): ${(0,errors/* describeError */.Uc)(err)}`,
        };
    }
    const ttl = (0,json/* num */.bu)(d['ttl'], 'lease.ttl');
    const renewable = d['renewable'] === true;
    const issued = typeof d['issue_time'] === 'string' ? Date.parse(d['issue_time']) : NaN;
    let status = (0,rotation_item/* expiryStatus */.GO)(ttl, lim);
    if (renewable && status === 'fail' && ttl > 0)
        status = 'warn';
    const item = { kind: 'vault-lease', name: leaseId, status, leftSec: ttl, limit: `${(0,rotation_item/* expiryLimitText */.Iy)(lim)}; ${(0,rotation_item/* ageLimitText */.iW)(lim)}`, detail: '' };
    const notes = [renewable ? `renewable, ${(0,rotation_item/* human */.eh)(ttl)} left` : `not renewable, ${(0,rotation_item/* human */.eh)(ttl)} left: the credentials must be replaced before then`];
    if (!Number.isNaN(issued)) {
        item.ageSec = Math.floor((nowMs - issued) / 1000);
        item.created = new Date(issued).toISOString();
        const a = (0,rotation_item/* ageStatus */.eD)(item.ageSec, lim);
        if (a === 'fail')
            notes.unshift(`issued ${Math.floor(item.ageSec / rotation_item/* DAY */.d_)} days ago: the credentials behind it were never rotated`);
        item.status = (0,rotation_item/* worst */.QZ)(item.status, a);
    }
    if (typeof d['expire_time'] === 'string')
        item.expires = d['expire_time'];
    item.detail = notes.join('; ');
    return item;
}

;// CONCATENATED MODULE: ./src/actions/rotate-check/vault.ts
/**
 * The Vault side of rotate-check: the login (its inputs read by shared/vault-config.ts), an
 * adapter from VaultClient to the metadata-only calls the checks need, and the run of the KV,
 * PKI, token and lease checks. Only metadata endpoints are called, never KV data reads.
 */






function notFound(err) {
    return err instanceof errors/* RemoteError */.Hi && err.status === 404;
}
function metaApi(c) {
    return {
        async listCerts(mount) {
            try {
                return (0,client/* listKeys */.TH)(await c.list(`${mount}/certs/`));
            }
            catch (err) {
                if (notFound(err))
                    return [];
                throw err;
            }
        },
        async readCert(mount, serial) {
            return (await c.read(`${mount}/cert/${serial}`)).data;
        },
        async listMetadata(mount, dir) {
            try {
                return (0,client/* listKeys */.TH)(await c.list(`${mount}/metadata/${dir ? `${dir}/` : ''}`));
            }
            catch (err) {
                if (notFound(err))
                    return [];
                throw err;
            }
        },
        async readMetadata(mount, path) {
            try {
                return (await c.read(`${mount}/metadata/${path}`)).data ?? undefined;
            }
            catch (err) {
                if (notFound(err))
                    return undefined;
                throw err;
            }
        },
        async lookupSelf() {
            return (await c.read('auth/token/lookup-self')).data;
        },
        async lookupLease(leaseId) {
            return (await c.write('sys/leases/lookup', { lease_id: leaseId })).data;
        },
        async mountOf(path) {
            try {
                const m = await c.mountInfo(path);
                return m.type === 'kv' || m.type === 'generic' ? m.path : undefined;
            }
            catch {
                return undefined;
            }
        },
    };
}
async function checkVault(r, cfg) {
    let login;
    try {
        login = await (0,vault_login/* login */.iD)((0,vault_config/* readVaultLogin */.wz)(r, { useEnvToken: true }), (0,vault_config/* loginCaps */.R9)(r));
    }
    catch (err) {
        // Vault down or the login refused: one failing item; the other checks still report
        if (!(err instanceof errors/* RemoteError */.Hi))
            throw err;
        return [{ kind: 'vault-token', name: 'vault login', status: 'fail', limit: '-', detail: `cannot log in to Vault: ${err.message}` }];
    }
    const { client } = login;
    try {
        const api = metaApi(client);
        const items = [];
        if (cfg.vaultPaths.length)
            items.push(...(await checkKv(api, cfg.vaultPaths, cfg.nowMs, cfg.policy)));
        if (cfg.pkiMounts.length)
            items.push(...(await checkPki(api, cfg.pkiMounts, cfg.nowMs, cfg.policy, (m) => r.info(m))));
        if (cfg.checkToken) {
            const t = await checkToken(api, cfg.nowMs, cfg.policy);
            if (t)
                items.push(t);
        }
        for (const id of cfg.leases) {
            const l = await checkLease(api, id, cfg.nowMs, cfg.policy);
            if (l)
                items.push(l);
        }
        return items;
    }
    finally {
        // a token this step logged in for is revoked at once: rotate-check has no post step
        if (login.created)
            await client
                .revokeSelf()
                .catch((err) => r.warning(`could not revoke the Vault token of this step: ${err instanceof Error ? err.message : 'error'}`));
        await client.close();
    }
}

;// CONCATENATED MODULE: ./src/actions/rotate-check/run.ts
/**
 * rotate-check's run: report and enforce secret age, lease TTL and certificate expiry against a
 * policy, from a RotateConfig. The checks live in rotation/; this gathers their items, reports
 * them (summary, annotations, JSON report, outputs, the issue through the runner's forge) and
 * fails the step on overdue items unless warn-only.
 */







async function certificateItems(r, cfg) {
    if (!cfg.certificates.length)
        return [];
    const found = findCertificateFiles(cfg.certificates, r.workspace());
    for (const p of found.unmatched)
        r.info(`certificates: no file matches ${p}`);
    r.info(`certificates: ${found.files.length} file(s) to check`);
    return checkCertificateFiles(found.files, r.workspace(), cfg.nowMs, cfg.policy);
}
async function endpointItems(r, cfg) {
    const out = [];
    const queue = [...cfg.endpoints];
    const probe = { timeoutMs: cfg.timeoutMs, proxy: r.proxy(), ...(cfg.endpointsCa ? { ca: cfg.endpointsCa } : {}) };
    await Promise.all(Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let ep = queue.shift(); ep; ep = queue.shift()) {
            const item = await probeEndpoint(ep, cfg.nowMs, cfg.policy, probe);
            if (item)
                out.push(item);
        }
    }));
    return out;
}
async function awsItems(r, cfg) {
    if (!cfg.aws)
        return [];
    // the SDK over core/http.ts: HTTPS_PROXY / NO_PROXY honoured; the SDK retries (throttling, 5xx)
    const handler = new sdk_http_handler/* CoreHttpHandler */.A(new http/* HttpClient */.Qq({ service: 'AWS IAM', proxy: r.proxy(), timeoutMs: cfg.timeoutMs * 3 }));
    // loaded only when asked: the IAM client is most of this bundle's weight
    const { checkAccessKeys } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764), __webpack_require__.e(655)]).then(__webpack_require__.bind(__webpack_require__, 9655));
    const res = await checkAccessKeys({ ...cfg.aws, maxAttempts: 3, requestHandler: handler }, cfg.nowMs, cfg.policy, (m) => r.info(m));
    r.info(`aws: ${res.users} IAM user(s), ${res.items.length} active key(s) reported, ${res.inactive} inactive key(s) ignored`);
    return res.items;
}
async function syncIssue(r, cfg, items, nowIso) {
    if (!cfg.issue || !r.forge)
        return;
    const ctx = r.context();
    const runUrl = ctx.runId ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}` : '';
    const due = items.some((i) => i.status !== 'ok');
    // the issue is not masked by the runner: what it says goes through our masker first
    const res = await r.forge.syncIssue(cfg.issue.token, {
        title: cfg.issue.title,
        labels: cfg.issue.labels,
        due,
        body: r.masker.redact(issueBody(items, nowIso, runUrl)),
    });
    r.info(res.action === 'none' ? 'issue: nothing due and no open issue' : `issue #${res.number ?? 0} ${res.action}`);
    r.output('issue-number', res.number === undefined ? '' : String(res.number));
}
async function run(cfg, r) {
    const nowIso = new Date(cfg.nowMs).toISOString();
    const items = [
        ...(await certificateItems(r, cfg)),
        ...(await endpointItems(r, cfg)),
        ...(cfg.vault ? await checkVault(r, cfg) : []),
        ...(await awsItems(r, cfg)),
    ];
    const counts = countItems(items);
    await r.summary(summaryMarkdown(items, nowIso, cfg.warnOnly));
    for (const a of annotations(items))
        r.annotate(a.level, a.message, a.props);
    writeJsonReport(cfg.reportPath, jsonReport(items, nowIso), (t) => r.masker.redact(t));
    r.output('overdue', String(counts.overdue));
    r.output('expiring', String(counts.expiring));
    r.output('report-path', cfg.reportPath);
    r.info(`rotate-check: ${items.length} checked, ${counts.overdue} overdue, ${counts.expiring} expiring; report at ${cfg.reportPath}`);
    await syncIssue(r, cfg, items, nowIso);
    if (counts.overdue && !cfg.warnOnly) {
        throw new errors/* StepFailed */.an(`${counts.overdue} credential(s) past their limit (see the step summary); set warn-only: true to report without failing`);
    }
}

// EXTERNAL MODULE: ./src/actions/shared/vault-inputs.ts
var vault_inputs = __webpack_require__(639);
;// CONCATENATED MODULE: ./src/actions/rotate-check/spec.ts

/** the Vault connection and login inputs (shared with vault-login, without vault-action's aliases) */
const vaultInputs = vault_inputs/* loginInputs */.ZF;
const rotateCheckSpec = {
    name: 'rotate-check',
    summary: 'Report and enforce secret age, lease TTL and certificate expiry against a policy',
    inputs: [
        { name: 'max-age', description: 'Maximum age of a secret, access key or token before it is overdue (e.g. 90d)', default: '90d' },
        { name: 'warn-before', description: 'Warn this long before a limit is reached (e.g. 30d)', default: '30d' },
        { name: 'fail-before', description: 'Fail when a certificate or lease expires within this window (e.g. 14d)', default: '14d' },
        { name: 'policy', description: 'A YAML or JSON policy file mapping path globs to their own limits', default: '' },
        { name: 'vault-paths', description: 'Vault KV v2 paths or prefixes to check (mount/path; a trailing / walks the folder), one per line', default: '' },
        { name: 'check-token', description: 'Check the TTL, age and renewability of the Vault token in use (when Vault is configured)', default: 'true' },
        { name: 'vault-pki', description: 'Vault PKI mounts whose issued certificates are checked (newest per common name), one per line', default: '' },
        { name: 'leases', description: 'Vault lease ids to check, one per line', default: '' },
        { name: 'certificates', description: 'Globs of PEM certificate files under the workspace, e.g. **/*.pem (none by default)', default: '' },
        { name: 'endpoints', description: 'Live TLS endpoints to probe, host:port, one per line', default: '' },
        { name: 'endpoints-ca', description: 'A CA (PEM content or file) trusted for the endpoints besides the system store', default: '' },
        { name: 'timeout', description: 'Connection timeout of each endpoint probe', default: '10s' },
        { name: 'aws-keys', description: 'Check the IAM users\' access keys the AWS credentials in the environment can list', default: 'false' },
        { name: 'iam-endpoint', description: 'A custom IAM endpoint URL (tests, partitions, VPC endpoints)', default: '' },
        { name: 'issue', description: 'Open or update one GitHub issue listing what is due; close it when all is green', default: 'false' },
        { name: 'issue-title', description: 'Title of the issue (the issue is found again by this exact title)', default: 'pipeline-secrets: credentials due for rotation' },
        { name: 'issue-labels', description: 'Labels for a new issue, comma separated', default: '' },
        { name: 'github-token', description: 'Token for the issue (needs issues: write); the job token by default', default: '' },
        { name: 'warn-only', description: 'Report overdue items without failing the step', default: 'false' },
        { name: 'report-path', description: 'Where to write the JSON report (default: the runner temp directory)', default: '' },
        ...vaultInputs,
    ],
};

;// CONCATENATED MODULE: ./src/actions/rotate-check/index.ts



const rotateCheck = {
    name: 'rotate-check',
    async main(r) {
        await run(readConfig(r), r);
    },
};


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

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   tL: () => (/* binding */ globToRegExp)
/* harmony export */ });
/* unused harmony export globMatch */
/**
 * Glob patterns for policy rules and certificate files: `**` crosses `/`, `*` and `?` do
 * not, `{a,b}` alternates. A pattern without `/` also matches at any depth for file walks
 * only when it starts with `**`; otherwise patterns are anchored to the whole name.
 */
function globToRegExp(glob) {
    let re = '';
    let inBrace = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i] ?? '';
        if (c === '*') {
            if (glob[i + 1] === '*') {
                i++;
                if (glob[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else
                    re += '.*';
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            inBrace++;
            re += '(?:';
        }
        else if (c === '}' && inBrace > 0) {
            inBrace--;
            re += ')';
        }
        else if (c === ',' && inBrace > 0)
            re += '|';
        else
            re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function globMatch(glob, name) {
    return globToRegExp(glob).test(name);
}
/** True when the text holds a glob character (otherwise it names one path). */
function isGlob(text) {
    return /[*?{]/.test(text);
}


/***/ }),

/***/ 4919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ expiryStatus),
/* harmony export */   Iy: () => (/* binding */ expiryLimitText),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   d_: () => (/* binding */ DAY),
/* harmony export */   eD: () => (/* binding */ ageStatus),
/* harmony export */   eh: () => (/* binding */ human),
/* harmony export */   iW: () => (/* binding */ ageLimitText)
/* harmony export */ });
/* unused harmony export brokenItem */
const DAY = 86_400;
function worst(a, b) {
    const rank = { ok: 0, warn: 1, fail: 2 };
    return rank[a] >= rank[b] ? a : b;
}
/** Seconds as a short human duration: "92d", "5h", "12m", "40s". */
function human(sec) {
    const s = Math.abs(sec);
    const sign = sec < 0 ? '-' : '';
    if (s >= DAY)
        return `${sign}${Math.floor(s / DAY)}d`;
    if (s >= 3600)
        return `${sign}${Math.floor(s / 3600)}h`;
    if (s >= 60)
        return `${sign}${Math.floor(s / 60)}m`;
    return `${sign}${Math.floor(s)}s`;
}
/** Age check: fail past the max age, warn once within warn-before of it. */
function ageStatus(ageSec, l) {
    if (ageSec > l.maxAgeSec)
        return 'fail';
    if (ageSec > l.maxAgeSec - l.warnBeforeSec)
        return 'warn';
    return 'ok';
}
/** Expiry check: fail when expired or within fail-before, warn within warn-before. */
function expiryStatus(leftSec, l) {
    if (leftSec <= 0 || leftSec <= l.failBeforeSec)
        return 'fail';
    if (leftSec <= l.warnBeforeSec)
        return 'warn';
    return 'ok';
}
function expiryLimitText(l) {
    return `warn ${human(l.warnBeforeSec)} / fail ${human(l.failBeforeSec)}`;
}
function ageLimitText(l) {
    return `max age ${human(l.maxAgeSec)}`;
}
/** A failed check (network, permission) is itself a failing item, never a crash. */
function brokenItem(kind, name, detail) {
    return { kind, name, status: 'fail', limit: '-', detail };
}


/***/ }),

/***/ 3694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hd: () => (/* binding */ resolve),
/* harmony export */   iq: () => (/* binding */ limitsFromInputs),
/* harmony export */   n$: () => (/* binding */ loadPolicyFile)
/* harmony export */ });
/* unused harmony exports KINDS, DEFAULT_LIMITS, policyFromDocument */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1896);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6153);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2914);
/* harmony import */ var _item_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4919);
/**
 * The rotation policy: defaults from the inputs (max-age, warn-before, fail-before) and an
 * optional YAML or JSON file of rules mapping names (Vault paths, certificate files,
 * host:port endpoints, IAM user/key ids) to their own limits. The first matching rule wins.
 * The file is validated from `unknown`; every error names the field, e.g.
 * `rules[2].max-age: expected a duration such as 90d`.
 */








const KINDS = ['vault-kv', 'vault-token', 'vault-lease', 'vault-pki', 'certificate', 'endpoint', 'aws-key'];
const LIMIT_FIELDS = {
    'max-age': 'maxAgeSec',
    'warn-before': 'warnBeforeSec',
    'fail-before': 'failBeforeSec',
    'old-version-grace': 'oldVersionGraceSec',
    'unused-grace': 'unusedGraceSec',
};
const DEFAULT_LIMITS = {
    maxAgeSec: 90 * _item_js__WEBPACK_IMPORTED_MODULE_5__/* .DAY */ .d_,
    warnBeforeSec: 30 * _item_js__WEBPACK_IMPORTED_MODULE_5__/* .DAY */ .d_,
    failBeforeSec: 14 * _item_js__WEBPACK_IMPORTED_MODULE_5__/* .DAY */ .d_,
    oldVersionGraceSec: 7 * _item_js__WEBPACK_IMPORTED_MODULE_5__/* .DAY */ .d_,
    unusedGraceSec: 7 * _item_js__WEBPACK_IMPORTED_MODULE_5__/* .DAY */ .d_,
};
function duration(v, field) {
    const fail = () => new PolicyFieldError(field, `expected a duration such as 90d, got ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : (0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(v)}`);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0)
        return v;
    if (typeof v !== 'string')
        throw fail();
    try {
        return (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(v, field);
    }
    catch {
        throw fail();
    }
}
class PolicyFieldError extends Error {
    field;
    constructor(field, message) {
        super(`${field}: ${message}`);
        this.field = field;
    }
}
function limitsFrom(v, field, allowed) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(v))
        throw new PolicyFieldError(field, `expected a mapping, got ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(v)}`);
    const out = {};
    for (const [k, val] of Object.entries(v)) {
        const key = LIMIT_FIELDS[k];
        if (key)
            out[key] = duration(val, `${field}.${k}`);
        else if (!allowed.includes(k)) {
            throw new PolicyFieldError(`${field}.${k}`, `unknown field; expected one of ${[...Object.keys(LIMIT_FIELDS), ...allowed].join(', ')}`);
        }
    }
    return out;
}
/** Validates a parsed policy document (from YAML or JSON). */
function policyFromDocument(doc, base) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(doc))
        throw new PolicyFieldError('(top level)', `expected a mapping with "defaults" and/or "rules", got ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(doc)}`);
    for (const k of Object.keys(doc))
        if (k !== 'defaults' && k !== 'rules')
            throw new PolicyFieldError(k, 'unknown field; expected "defaults" or "rules"');
    const defaults = { ...base, ...(doc['defaults'] === undefined ? {} : limitsFrom(doc['defaults'], 'defaults', [])) };
    const rawRules = doc['rules'] ?? [];
    if (!Array.isArray(rawRules))
        throw new PolicyFieldError('rules', `expected a list, got ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(rawRules)}`);
    const rules = rawRules.map((r, i) => {
        const f = `rules[${i}]`;
        const limits = limitsFrom(r, f, ['match', 'kind', 'ignore']);
        const o = r;
        const match = o['match'];
        if (typeof match !== 'string' || !match.trim())
            throw new PolicyFieldError(`${f}.match`, `expected a glob such as "secret/ci/**", got ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(match)}`);
        const k = o['kind'];
        if (k !== undefined && !KINDS.includes(k))
            throw new PolicyFieldError(`${f}.kind`, `expected one of ${KINDS.join(', ')}`);
        const ignore = o['ignore'];
        if (ignore !== undefined && typeof ignore !== 'boolean')
            throw new PolicyFieldError(`${f}.ignore`, `expected true or false, got ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_6__/* .kind */ .fM)(ignore)}`);
        return { match: match.trim(), re: (0,_glob_js__WEBPACK_IMPORTED_MODULE_7__/* .globToRegExp */ .tL)(match.trim()), ...(k === undefined ? {} : { kind: k }), limits, ignore: ignore === true };
    });
    checkOrder(defaults, 'defaults');
    return { defaults, rules };
}
function checkOrder(l, field) {
    if (l.failBeforeSec > l.warnBeforeSec)
        throw new PolicyFieldError(`${field}.fail-before`, 'must not be longer than warn-before');
}
/** Reads and validates the policy file; errors name the file and the field. */
function loadPolicyFile(path, workspace, base, input = 'policy') {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, path);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8');
    }
    catch (err) {
        const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(input, `cannot read the policy file ${path} (${code})`);
    }
    let doc;
    try {
        doc = /\.json$/i.test(path) ? JSON.parse(text) : (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text);
    }
    catch (err) {
        const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : '';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(input, `the policy file ${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${first.slice(0, 200)}`);
    }
    try {
        return policyFromDocument(doc, base);
    }
    catch (err) {
        if (err instanceof PolicyFieldError)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(input, `${path}: ${err.message}`);
        throw err;
    }
}
/** Defaults from the inputs; each bad value names its input. */
function limitsFromInputs(i) {
    const l = { ...DEFAULT_LIMITS };
    if (i.maxAge.trim())
        l.maxAgeSec = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(i.maxAge, 'max-age');
    if (i.warnBefore.trim())
        l.warnBeforeSec = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(i.warnBefore, 'warn-before');
    if (i.failBefore.trim())
        l.failBeforeSec = (0,_core_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(i.failBefore, 'fail-before');
    if (l.maxAgeSec <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('max-age', 'must be longer than 0');
    if (l.failBeforeSec > l.warnBeforeSec)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('fail-before', `must not be longer than warn-before`);
    return l;
}
/** The limits for one item: the first rule whose glob (and kind, if given) matches. */
function resolve(policy, kind, name) {
    for (const r of policy.rules) {
        if (r.kind && r.kind !== kind)
            continue;
        if (!r.re.test(name))
            continue;
        return { ...policy.defaults, ...r.limits, ignore: r.ignore, source: r.match };
    }
    return { ...policy.defaults, ignore: false, source: 'defaults' };
}


/***/ })

};
