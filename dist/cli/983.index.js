export const id = 983;
export const ids = [983];
export const modules = {

/***/ 3983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitleaksScan: () => (/* binding */ gitleaksScan),
  gitleaksScanSpec: () => (/* reexport */ gitleaksScanSpec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/scanner/range.ts
/**
 * What to scan, decided from the CI event (pure: no git, no I/O). The action then makes sure
 * the commits are present (sources/git-repo.ts) and fails closed when they cannot be.
 *
 * GitHub: push (before..after; a new branch against the default branch), pull_request and
 * pull_request_target (base.sha..head.sha, every commit, computed by git, so no API page
 * limit), merge_group (base_sha..head_sha), anything else the whole history. GitLab: the
 * merge request's diff base, else CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA. Local: the tree.
 */


const ZERO = /^0+$/;
const SHA = /^[0-9a-f]{7,64}$/i;
function parseMode(raw) {
    const v = raw.trim().toLowerCase() || 'auto';
    if (v === 'auto' || v === 'diff' || v === 'history' || v === 'tree')
        return v;
    throw new errors/* UserError */.yo('scan-mode', `expected auto, diff, history or tree, got "${raw.trim().slice(0, 40)}"`);
}
function field(o, ...path) {
    let cur = o;
    for (const p of path) {
        if (!(0,json/* isObject */.Gv)(cur))
            return undefined;
        cur = cur[p];
    }
    return typeof cur === 'string' && cur !== '' ? cur : undefined;
}
function sha(v, what) {
    if (v === undefined)
        return undefined;
    if (!SHA.test(v))
        throw new errors/* UserError */.yo('', `the event's ${what} is not a commit SHA`);
    return v;
}
/** A revision from an input: it becomes a git argument, so it may not look like an option. */
function revInput(raw, input) {
    const v = raw.trim();
    if (v.startsWith('-') || /[\s\0]/.test(v))
        throw new errors/* UserError */.yo(input, 'expected a commit SHA, branch or tag name');
    return v;
}
function planScan(p) {
    if (p.mode === 'tree')
        return { kind: 'tree', why: 'scan-mode tree' };
    const head = revInput(p.head, 'head');
    const base = revInput(p.base, 'base');
    // the whole history is every ref, as gitleaks scans it; a head given names the one history wanted
    if (p.mode === 'history')
        return { kind: 'history', head: head || 'HEAD', all: !head, why: 'scan-mode history' };
    if (base) {
        const plan = { kind: 'range', base, head: head || fromEventHead(p) || 'HEAD', why: 'the base input' };
        // a branch name (BASE_REF: main) is fetched when it is not in the checkout
        if (!SHA.test(base))
            plan.baseRef = base.replace(/^refs\/heads\//, '').replace(/^origin\//, '');
        return plan;
    }
    const auto = fromEvent(p, head);
    if (auto)
        return auto;
    if (p.mode === 'diff') {
        throw new errors/* UserError */.yo('base', `scan-mode diff needs a range, and the ${p.eventName || 'local'} event has none: give base (and head), or use scan-mode history`);
    }
    if (p.platform === 'local')
        return { kind: 'tree', why: 'a local run' };
    return { kind: 'history', head: head || 'HEAD', all: !head, why: `the ${p.eventName || 'unknown'} event has no range` };
}
/** The event's head commit, for a base given by input (BASE_REF) on an event with a range. */
function fromEventHead(p) {
    if (p.platform !== 'github' || !(0,json/* isObject */.Gv)(p.event))
        return '';
    const ev = p.event;
    const pr = field(ev, 'pull_request', 'head', 'sha');
    if (pr && SHA.test(pr))
        return pr;
    const after = field(ev, 'after');
    return after && SHA.test(after) && !ZERO.test(after) ? after : '';
}
function fromEvent(p, headInput) {
    if (p.platform === 'github')
        return fromGitHub(p, headInput);
    if (p.platform === 'gitlab')
        return fromGitLab(p, headInput);
    return null;
}
function fromGitHub(p, headInput) {
    const ev = (0,json/* isObject */.Gv)(p.event) ? p.event : undefined;
    switch (p.eventName) {
        case 'push': {
            const after = sha(field(ev, 'after'), 'after');
            const before = sha(field(ev, 'before'), 'before');
            if (!after)
                throw new errors/* UserError */.yo('', 'the push event has no "after" commit: cannot pick the range (give base and head, or scan-mode history)');
            if (ZERO.test(after))
                return { kind: 'none', why: 'the push deleted the branch' };
            const head = headInput || after;
            const defaultBranch = field(ev, 'repository', 'default_branch');
            const ref = field(ev, 'ref') ?? '';
            if (!before || ZERO.test(before)) {
                if (defaultBranch && ref !== `refs/heads/${defaultBranch}`) {
                    return { kind: 'range', baseRef: defaultBranch, head, why: `a new branch: its commits not on ${defaultBranch}`, fallbackHistory: true };
                }
                return { kind: 'history', head, all: false, why: 'the first push of the default branch' };
            }
            if (before === after)
                return { kind: 'none', why: 'the push moved nothing (before = after)' };
            const plan = { kind: 'range', base: before, head, why: 'the pushed commits (before..after)' };
            if (defaultBranch && ref !== `refs/heads/${defaultBranch}`)
                plan.baseRef = defaultBranch;
            // a force-push to the default branch whose old head is gone: nothing to diff against but the history
            else if ((0,json/* isObject */.Gv)(ev) && ev['forced'] === true)
                plan.fallbackHistory = true;
            return plan;
        }
        case 'pull_request':
        case 'pull_request_target':
        case 'pull_request_review':
        case 'pull_request_review_comment': {
            const base = sha(field(ev, 'pull_request', 'base', 'sha'), 'pull_request.base.sha');
            const head = sha(field(ev, 'pull_request', 'head', 'sha'), 'pull_request.head.sha');
            if (!base || !head)
                throw new errors/* UserError */.yo('', `the ${p.eventName} event has no pull_request.base.sha / head.sha: cannot pick the range`);
            const plan = { kind: 'range', base, head: headInput || head, why: `the pull request's commits (base..head)` };
            const num = (0,json/* isObject */.Gv)(ev) && (0,json/* isObject */.Gv)(ev['pull_request']) ? ev['pull_request']['number'] : undefined;
            // the head of a fork's pull request is not in the base repository's branches: its pull ref is
            if (typeof num === 'number' && Number.isInteger(num) && num > 0 && !headInput)
                plan.headRef = `refs/pull/${num}/head`;
            if (p.eventName === 'pull_request_target')
                plan.why = "the pull request's commits, read as git objects (pull_request_target: never checked out)";
            return plan;
        }
        case 'merge_group': {
            const base = sha(field(ev, 'merge_group', 'base_sha'), 'merge_group.base_sha');
            const head = sha(field(ev, 'merge_group', 'head_sha'), 'merge_group.head_sha');
            if (!base || !head)
                throw new errors/* UserError */.yo('', 'the merge_group event has no base_sha / head_sha: cannot pick the range');
            return { kind: 'range', base, head: headInput || head, why: "the merge queue group's commits" };
        }
        default:
            return null;
    }
}
function fromGitLab(p, headInput) {
    const head = headInput || p.env('CI_COMMIT_SHA') || 'HEAD';
    const mrBase = p.env('CI_MERGE_REQUEST_DIFF_BASE_SHA');
    if (mrBase && !ZERO.test(mrBase))
        return { kind: 'range', base: sha(mrBase, 'CI_MERGE_REQUEST_DIFF_BASE_SHA') ?? mrBase, head, why: "the merge request's commits" };
    const source = p.env('CI_PIPELINE_SOURCE') ?? '';
    if (source === 'schedule' || source === 'web' || source === 'api' || source === 'trigger')
        return null;
    const before = p.env('CI_COMMIT_BEFORE_SHA');
    const branch = p.env('CI_COMMIT_BRANCH');
    const defaultBranch = p.env('CI_DEFAULT_BRANCH');
    if (before && !ZERO.test(before))
        return { kind: 'range', base: sha(before, 'CI_COMMIT_BEFORE_SHA') ?? before, head, why: 'the pushed commits (CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA)' };
    if (branch && defaultBranch && branch !== defaultBranch) {
        return { kind: 'range', baseRef: defaultBranch, head, why: `a new branch: its commits not on ${defaultBranch}`, fallbackHistory: true };
    }
    return null;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/scanner/redact.ts
const REDACTED_MARK = '***';
/** Secrets shorter than this show no prefix at all. */
const PREFIX_MIN_LENGTH = 16;
const PREFIX_LENGTH = 4;
/** A path-only rule's finding has no secret; its match is this and the path, shown as is. */
const PATH_MATCH_PREFIX = 'file detected: ';
function redactSecret(secret) {
    if (secret.length < PREFIX_MIN_LENGTH)
        return REDACTED_MARK;
    // whole characters: never half of a surrogate pair (an emoji would become U+FFFD in a summary)
    return `${[...secret.slice(0, PREFIX_LENGTH * 2)].slice(0, PREFIX_LENGTH).join('')}${REDACTED_MARK}`;
}
/**
 * The match with every occurrence of the secret redacted (and nothing else of it shown if the match
 * is the secret). A regex finding without a secret (its secretGroup matched nothing) is redacted
 * as a whole: the match is all it has.
 */
function redact_redactMatch(match, secret) {
    if (!secret)
        return match === '' || match.startsWith(PATH_MATCH_PREFIX) ? match : redactSecret(match);
    const red = redactSecret(secret);
    let out = match.split(secret).join(red);
    // a match that overlaps the secret only partly (multi-line secrets): cut each long line of the secret
    for (const line of secret.split(/\r?\n/))
        if (line.length >= 8 && out.includes(line))
            out = out.split(line).join(REDACTED_MARK);
    return out;
}
/** Text printed for a finding anywhere outside the raw report: never the secret. */
function safeText(text, finding) {
    let out = text;
    for (const v of [finding.match, finding.secret])
        if (v && v.length >= 4)
            out = out.split(v).join(REDACTED_MARK);
    return out;
}
/**
 * gitleaks' --redact=N for report files: N percent of the secret hidden, the first (100-N) percent
 * of its characters kept followed by "..." (rounded half to even, as gitleaks); 100 or more gives
 * "REDACTED", 0 the secret in full. Logs, annotations and summaries never use this: they always
 * show redactSecret().
 */
function redactPercent(secret, percent) {
    const p = Math.min(100, Math.max(0, Math.floor(percent)));
    if (p >= 100)
        return 'REDACTED';
    const chars = [...secret];
    if (chars.length === 0)
        return secret;
    const exact = (chars.length * (100 - p)) / 100;
    const floor = Math.floor(exact);
    const keep = exact - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(exact);
    return chars.slice(0, keep).join('') + '...';
}
/** The match (or line) with every occurrence of the secret replaced by redactPercent() (no secret: the whole text, as redactMatch). */
function redactMatchPercent(text, secret, percent) {
    if (!secret)
        return text === '' || text.startsWith(PATH_MATCH_PREFIX) ? text : redactPercent(text, percent);
    return text.split(secret).join(redactPercent(secret, percent));
}

;// CONCATENATED MODULE: ./src/scanner/ignore.ts
/**
 * What the user told us to ignore: `.gitleaksignore` fingerprints (commit:file:rule:line, or
 * file:rule:line, which also matches that line in every commit, as gitleaks does), and a
 * baseline (a previous gitleaks JSON report: findings already in it do not fail the step).
 *
 * Content-keyed entries survive a rebase: `file:rule:ps1-<hash>`, where the hash is
 * HMAC-SHA256 of the secret under a key derived from the rule id and a fixed constant
 * (contentHash below), truncated to 128 bits. No commit and no line: it still matches after a
 * rebase, a squash or a line move; a different secret on the same line has another hash and
 * is not hidden (gitleaks#2239). The key is public, so the hash protects only secrets too long
 * to guess (the ones rules find); it is never the secret itself.
 */





/** The documented derivation: key = SHA-256("pipeline-secrets/ignore/v1\0" + rule id). */
const CONTENT_KEY_VERSION = 'ps1';
function contentHash(ruleId, secret) {
    const key = (0,external_node_crypto_.createHash)('sha256').update(`pipeline-secrets/ignore/v1\0${ruleId}`).digest();
    return `${CONTENT_KEY_VERSION}-${(0,external_node_crypto_.createHmac)('sha256', key).update(secret, 'utf8').digest('hex').slice(0, 32)}`;
}
/** The content-keyed .gitleaksignore entry of a finding: file:rule:ps1-<hash>. */
function contentKey(f) {
    return `${f.path}:${f.ruleId}:${contentHash(f.ruleId, f.secret)}`;
}
class IgnoreList {
    path;
    entries = new Set();
    used = new Set();
    constructor(text = '', path = '') {
        this.path = path;
        for (const raw of text.split(/\r?\n/)) {
            const line = raw.trim();
            if (line && !line.startsWith('#'))
                this.entries.add(line);
        }
    }
    static fromFile(path) {
        return (0,external_node_fs_.existsSync)(path) ? new IgnoreList((0,external_node_fs_.readFileSync)(path, 'utf8'), path) : new IgnoreList('', path);
    }
    get size() {
        return this.entries.size;
    }
    has(f) {
        for (const k of [f.fingerprint, `${f.path}:${f.ruleId}:${f.startLine}`, contentKey(f)]) {
            if (this.entries.has(k)) {
                this.used.add(k);
                return true;
            }
        }
        return false;
    }
    /** Entries that matched no finding of this scan (stale after a fix, or for commits outside the range). */
    unused() {
        return [...this.entries].filter((e) => !this.used.has(e));
    }
    /** Appends content-keyed entries for these findings (those not already listed); returns the new entries. */
    append(findings, note) {
        const add = [...new Set(findings.map(contentKey))].filter((k) => !this.entries.has(k));
        if (!add.length || !this.path)
            return [];
        const before = (0,external_node_fs_.existsSync)(this.path) ? (0,external_node_fs_.readFileSync)(this.path, 'utf8') : '';
        const sep = before && !before.endsWith('\n') ? '\n' : '';
        (0,external_node_fs_.appendFileSync)(this.path, `${sep}# ${note}\n${add.join('\n')}\n`);
        for (const k of add) {
            this.entries.add(k);
            this.used.add(k);
        }
        return add;
    }
    /** Removes the unused entries from the file (comments and used entries stay); returns them. */
    prune() {
        const stale = new Set(this.unused());
        if (!stale.size || !this.path || !(0,external_node_fs_.existsSync)(this.path))
            return [];
        const text = (0,external_node_fs_.readFileSync)(this.path, 'utf8');
        const kept = text.split(/\r?\n/).filter((l) => !stale.has(l.trim()));
        (0,external_node_fs_.writeFileSync)(this.path, kept.join('\n'));
        for (const k of stale)
            this.entries.delete(k);
        return [...stale];
    }
}
function s(o, k) {
    const v = o[k];
    return typeof v === 'string' ? v : '';
}
function n(o, k) {
    const v = o[k];
    return typeof v === 'number' ? v : -1;
}
/**
 * gitleaks compares every field but the fingerprint; reports (ours, or gitleaks --redact) may
 * hold the secret redacted, so the secret matches raw, as we redact it, or as "REDACTED".
 */
class Baseline {
    byKey = new Map();
    /** content keys (IgnoreKey of our reports, or computed from an unredacted gitleaks report) */
    keys = new Set();
    size;
    constructor(text, source) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            throw new errors/* UserError */.yo('baseline', `${source} is not a JSON report (expected gitleaks' JSON array of findings)`);
        }
        let list;
        try {
            list = (0,json/* arr */.QL)(parsed, source);
        }
        catch {
            throw new errors/* UserError */.yo('baseline', `${source} is not a gitleaks JSON report (expected an array of findings)`);
        }
        list.forEach((raw, i) => {
            if (!(0,json/* isObject */.Gv)(raw) || typeof raw['RuleID'] !== 'string')
                throw new errors/* UserError */.yo('baseline', `${source}: entry ${i} is not a gitleaks finding (no RuleID)`);
            const e = {
                rule: s(raw, 'RuleID'),
                file: s(raw, 'File'),
                startLine: n(raw, 'StartLine'),
                endLine: n(raw, 'EndLine'),
                startColumn: n(raw, 'StartColumn'),
                endColumn: n(raw, 'EndColumn'),
                commit: s(raw, 'Commit'),
                secret: s(raw, 'Secret'),
                match: s(raw, 'Match'),
                ignoreKey: s(raw, 'IgnoreKey'),
            };
            if (e.ignoreKey)
                this.keys.add(e.ignoreKey);
            else if (e.secret && e.secret !== 'REDACTED' && !e.secret.endsWith('***'))
                this.keys.add(contentKey({ path: e.file, ruleId: e.rule, secret: e.secret }));
            const key = `${e.rule}\0${e.file}\0${e.startLine}`;
            const bucket = this.byKey.get(key) ?? [];
            bucket.push(e);
            this.byKey.set(key, bucket);
        });
        this.size = list.length;
    }
    static fromFile(path) {
        if (!(0,external_node_fs_.existsSync)(path))
            throw new errors/* UserError */.yo('baseline', `the baseline report ${path} does not exist`);
        return new Baseline((0,external_node_fs_.readFileSync)(path, 'utf8'), path);
    }
    has(f) {
        if (this.keys.size && this.keys.has(contentKey(f)))
            return true;
        const bucket = this.byKey.get(`${f.ruleId}\0${f.path}\0${f.startLine}`);
        if (!bucket)
            return false;
        const sha = f.commit?.sha ?? '';
        return bucket.some((b) => b.endLine === f.endLine &&
            b.startColumn === f.startColumn &&
            b.endColumn === f.endColumn &&
            b.commit === sha &&
            (b.secret === f.secret || b.secret === redactSecret(f.secret) || b.secret === 'REDACTED' || b.match === redact_redactMatch(f.match, f.secret)));
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/scanner/sources/diff.ts
/**
 * A streaming parser of `git log -p -U0` / `git diff -U0` output. Feed it line by line; it
 * returns one fragment per file per commit holding the added lines (joined by \n) and their
 * line numbers in the new file, taken from the hunk headers. Commit headers are framed by
 * markers carrying a per-run nonce, so a crafted commit message cannot fake the framing.
 */

function commitFormat() {
    const nonce = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const start = `\x01PS-BEGIN-${nonce}`;
    const end = `\x01PS-END-${nonce}`;
    return { format: `${start}%H%x00%an%x00%ae%x00%aI%x00%B${end}`, start, end };
}
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** Unquotes a C-style quoted git path ("b/a\tb" or "b/caf\303\251"). */
function unquoteGitPath(raw) {
    if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2)
        return raw;
    const body = raw.slice(1, -1);
    const bytes = [];
    const esc = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i] ?? '';
        if (c !== '\\') {
            for (const b of Buffer.from(c, 'utf8'))
                bytes.push(b);
            continue;
        }
        const n = body[i + 1] ?? '';
        if (/[0-7]/.test(n)) {
            bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(esc[n] ?? n.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
function newPath(line) {
    const raw = line.slice(4).replace(/\t$/, '');
    if (raw === '/dev/null')
        return null;
    const p = unquoteGitPath(raw);
    return p.startsWith('b/') ? p.slice(2) : p;
}
/** gitleaks writes commit dates in UTC, RFC 3339, whole seconds. */
function utcDate(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
class DiffParser {
    fmt;
    opts;
    commit;
    header = null;
    state = 'none';
    path = null;
    lines = [];
    numbers = [];
    bytes = 0;
    oversize = false;
    next = 0;
    constructor(fmt, opts) {
        this.fmt = fmt;
        this.opts = opts;
    }
    /** Feeds one line; returns a finished fragment when this line closed one. */
    push(line) {
        if (this.header) {
            if (line.endsWith(this.fmt?.end ?? '\0')) {
                this.header.push(line.slice(0, -(this.fmt?.end.length ?? 0)));
                this.startCommit(this.header.join('\n'));
                this.header = null;
            }
            else
                this.header.push(line);
            return null;
        }
        if (this.fmt && line.startsWith(this.fmt.start)) {
            const done = this.flush();
            const rest = line.slice(this.fmt.start.length);
            if (rest.endsWith(this.fmt.end))
                this.startCommit(rest.slice(0, -this.fmt.end.length));
            else
                this.header = [rest];
            this.state = 'none';
            return done;
        }
        if (line.startsWith('diff --git ')) {
            const done = this.flush();
            this.state = 'header';
            this.path = null;
            return done;
        }
        if (this.state === 'header') {
            if (line.startsWith('+++ '))
                this.path = newPath(line);
            else if (line.startsWith('Binary files ')) {
                const m = / and (.+) differ$/.exec(line);
                const p = m?.[1] && m[1] !== '/dev/null' ? newPath(`+++ ${m[1]}`) : null;
                if (p && this.opts.binaries)
                    this.opts.binaries.push(this.commit ? { path: p, commit: this.commit } : { path: p });
                else if (p)
                    this.opts.skipped.push(this.skip(p, 'binary file'));
            }
            else {
                const h = HUNK.exec(line);
                if (h) {
                    this.state = 'hunk';
                    this.next = Number(h[1]);
                }
            }
            return null;
        }
        if (this.state === 'hunk') {
            const c = line.charCodeAt(0);
            if (c === 43 /* + */) {
                if (this.path !== null)
                    this.add(line.slice(1));
                this.next++;
            }
            else if (c === 32 /* space */)
                this.next++;
            else if (line.startsWith('@@')) {
                const h = HUNK.exec(line);
                if (h)
                    this.next = Number(h[1]);
            }
        }
        return null;
    }
    /** Ends the stream; returns the last fragment, if any. */
    end() {
        return this.flush();
    }
    startCommit(text) {
        const [sha = '', author = '', email = '', date = '', ...msg] = text.split('\0');
        this.commit = { sha: sha.replace(/^\n+/, ''), author, email, date: utcDate(date), message: msg.join('\0').replace(/\n+$/, '') };
        this.opts.stats.commits++;
    }
    add(text) {
        if (this.oversize)
            return;
        this.bytes += text.length + 1;
        if (this.opts.maxBytes > 0 && this.bytes > this.opts.maxBytes) {
            this.oversize = true;
            this.lines = [];
            this.numbers = [];
            return;
        }
        this.lines.push(text);
        this.numbers.push(this.next);
    }
    skip(path, reason) {
        return { path: this.commit ? `${this.commit.sha.slice(0, 12)}:${path}` : path, reason };
    }
    flush() {
        let out = null;
        if (this.path !== null && this.oversize) {
            this.opts.skipped.push(this.skip(this.path, `added more than ${Math.round(this.opts.maxBytes / 1048576)} MB in one change; raise max-target-megabytes to scan it`));
        }
        else if (this.path !== null && this.lines.length) {
            out = { text: this.lines.join('\n'), path: this.path, lineNumbers: this.numbers };
            if (this.commit)
                out.commit = this.commit;
            this.opts.stats.files++;
            this.opts.stats.bytes += this.bytes;
        }
        this.lines = [];
        this.numbers = [];
        this.bytes = 0;
        this.oversize = false;
        this.path = null;
        this.state = 'none';
        return out;
    }
}

// EXTERNAL MODULE: ./src/archive/index.ts + 6 modules
var archive = __webpack_require__(5382);
;// CONCATENATED MODULE: ./src/scanner/archive/walk.ts
/**
 * The scanner's view of archives: src/archive reads them (zip, tar, gzip, tar.gz/tgz, nested
 * up to a depth, streamed, never written to disk); this walk collects each member whole (up to
 * its cap) for the rules and names it `outer.zip!inner/path`, as gitleaks does. Refusals
 * (bombs, oversized members, `../` names, damaged data) are Skipped notes and cost no other member.
 */

const DEFAULT_LIMITS = { maxDepth: 2, maxEntryBytes: 10 * 1048576, maxTotalBytes: 256 * 1048576, maxRatio: 200 };
/** What `b` is, from its first bytes. */
function archiveKind(b) {
    return (0,archive/* sniffArchive */.tx)(b);
}
/** Why a member path may not be named (absolute, `../`, NUL), or null. */
const unsafePath = (/* unused pure expression or super */ null && (unsafeName));
/** Every regular member of `data` (itself an archive), depth-first, nested archives opened while depth allows. */
async function* walkArchive(data, name, limits, skipped) {
    for await (const m of (0,archive/* readArchive */.bL)(data, name, { ...limits, refuseUnsafeNames: true, gzipNames: 'inner' }, skipped)) {
        if (m.unopened) {
            if (m.unopened.why === 'too deep')
                skipped.push({ path: m.path, reason: `archive nested deeper than max-archive-depth ${limits.maxDepth}: not opened` });
            continue;
        }
        const bytes = await m.read();
        if (bytes)
            yield { path: m.path, data: bytes };
    }
}

;// CONCATENATED MODULE: ./src/scanner/sources/archive.ts
/**
 * Archives as fragments: the text members of an archive found in a tree or a commit, named
 * `outer.zip!inner/path`. Binary members are passed over silently (as binary files in a
 * tree are not findings); what the walk refuses (bombs, oversized, `../`) is a Skipped note.
 */

const SNIFF = 8000;
function binary(b) {
    const n = Math.min(b.length, SNIFF);
    for (let i = 0; i < n; i++)
        if (b[i] === 0)
            return true;
    return false;
}
/** True when the options open archives and `buf` is one. */
function opensArchive(buf, opts) {
    return (opts.archive?.maxDepth ?? 0) > 0 && archiveKind(buf) !== null;
}
async function* archiveFragments(buf, path, opts, commit) {
    if (!opts.archive)
        return;
    for await (const m of walkArchive(buf, path, opts.archive, opts.skipped)) {
        if (binary(m.data))
            continue;
        opts.stats.files++;
        opts.stats.bytes += m.data.length;
        const f = { text: m.data.toString('utf8'), path: m.path };
        if (commit)
            f.commit = commit;
        yield f;
    }
}

;// CONCATENATED MODULE: ./src/scanner/sources/tree.ts
/**
 * A directory tree as fragments. Skips .git, binary files (a NUL byte in the first 8000
 * bytes, as git decides), files over the size cap, unreadable files and symlinks that point
 * out of the tree; each skip is reported. Invalid UTF-8 is decoded with replacement
 * characters, so the rest of the file is still scanned.
 */



/** Names that may be archives: read even when their path is allowed, when archives are opened. */
const ARCHIVE_NAME = /\.(?:zip|jar|war|ear|apk|aar|nupkg|whl|egg|tar|tgz|gz|crx|xpi|vsix)$/i;
const tree_SNIFF = 8000;
const SKIP_DIRS = new Set(['.git']);
function isBinary(buf) {
    return buf.subarray(0, tree_SNIFF).indexOf(0) !== -1;
}
function toSlash(p) {
    return external_node_path_.sep === '/' ? p : p.split(external_node_path_.sep).join('/');
}
function inside(root, target) {
    const rel = (0,external_node_path_.relative)(root, target);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(external_node_path_.sep) && !/^[A-Za-z]:/.test(rel));
}
function errCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}
/** Walks `root` depth-first in a stable (sorted) order. A single file as root is scanned as itself. Async: archives are read as streams. */
async function* walkTree(root, opts) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const st = (0,external_node_fs_.statSync)(root);
    if (st.isFile()) {
        const frag = readOne(root, root.split(/[\\/]/).pop() ?? root, opts);
        if (frag)
            yield* frag;
        return;
    }
    const stack = [''];
    while (stack.length) {
        const relDir = stack.pop() ?? '';
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, relDir), { withFileTypes: true });
        }
        catch (err) {
            opts.skipped.push({ path: relDir || '.', reason: `directory not readable (${errCode(err)})` });
            continue;
        }
        entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
        const subdirs = [];
        const files = [];
        for (const e of entries) {
            const rel = relDir ? `${relDir}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (!SKIP_DIRS.has(e.name))
                    subdirs.push(rel);
            }
            else if (e.isFile()) {
                files.push({ rel });
            }
            else if (e.isSymbolicLink()) {
                let target;
                try {
                    target = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(root, rel));
                }
                catch {
                    opts.skipped.push({ path: rel, reason: 'symlink with a missing target' });
                    continue;
                }
                if (!inside(realRoot, target)) {
                    opts.skipped.push({ path: rel, reason: 'symlink pointing out of the scanned tree' });
                }
                // a link inside the tree is not followed: its target is scanned where it is
            }
        }
        files.reverse();
        const opensArchives = (opts.archive?.maxDepth ?? 0) > 0;
        for (const f of files) {
            if (opts.skipPath?.(toSlash(f.rel)) && !(opensArchives && ARCHIVE_NAME.test(f.rel)))
                continue;
            const frag = readOne((0,external_node_path_.join)(realRoot, f.rel), f.rel, opts);
            if (frag)
                yield* frag;
        }
        for (const d of subdirs)
            stack.push(d);
    }
}
/** One file: its size checked on the open descriptor (no separate stat), then read whole. */
function readFile(abs, rel, opts) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(abs, 'r');
    }
    catch (err) {
        opts.skipped.push({ path: rel, reason: `not readable (${errCode(err)})` });
        return null;
    }
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (opts.maxBytes > 0 && size > opts.maxBytes) {
            opts.skipped.push({ path: rel, reason: `larger than ${formatMb(opts.maxBytes)} (${formatMb(size)}); raise max-target-megabytes to scan it` });
            return null;
        }
        return (0,external_node_fs_.readFileSync)(fd);
    }
    catch (err) {
        opts.skipped.push({ path: rel, reason: `not readable (${errCode(err)})` });
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** A text file as a fragment, an archive as its members' fragments, or null (skipped, with a note). */
function readOne(abs, rel, opts) {
    const buf = readFile(abs, rel, opts);
    if (!buf)
        return null;
    if (opensArchive(buf, opts))
        return archiveFragments(buf, toSlash(rel), opts);
    if (isBinary(buf)) {
        opts.skipped.push({ path: rel, reason: 'binary file' });
        return null;
    }
    opts.stats.bytes += buf.length;
    opts.stats.files++;
    return [{ text: buf.toString('utf8'), path: toSlash(rel) }];
}
function formatMb(bytes) {
    const mb = bytes / (1024 * 1024);
    return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/scanner/sources/lines.ts
/** Splits a byte stream into lines (\n, a trailing \r kept off), decoding UTF-8 across chunk edges. */

async function* splitLines(stream) {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of stream) {
        const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
        let start = 0;
        let nl = text.indexOf('\n');
        if (nl < 0) {
            rest += text;
            continue;
        }
        let first = true;
        while (nl >= 0) {
            let line = first ? rest + text.slice(start, nl) : text.slice(start, nl);
            first = false;
            if (line.endsWith('\r'))
                line = line.slice(0, -1);
            yield line;
            start = nl + 1;
            nl = text.indexOf('\n', start);
        }
        rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest !== '')
        yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
/**
 * The same lines, as one array per chunk of the stream: one await per chunk instead of one per
 * line (a history of 100k lines spends most of its time in per-line async iteration otherwise).
 */
async function* splitLineBatches(stream) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let rest = '';
    for await (const chunk of stream) {
        const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
        const last = text.lastIndexOf('\n');
        if (last < 0) {
            rest = text;
            continue;
        }
        const lines = text.slice(0, last).split('\n');
        for (let i = 0; i < lines.length; i++) {
            const l = lines[i];
            if (l.endsWith('\r'))
                lines[i] = l.slice(0, -1);
        }
        rest = text.slice(last + 1);
        yield lines;
    }
    rest += decoder.end();
    if (rest !== '')
        yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

;// CONCATENATED MODULE: ./src/scanner/sources/git.ts
/**
 * Git as a source: `git log -p -U0` over a range or the whole history and `git diff --cached`
 * for staged changes, streamed line by line into the diff parser so a long history never
 * sits in memory. Arguments are revisions and fixed flags only (never file content or
 * secrets). Any git failure is an error: the scan never passes on a git error.
 */







/** Flags that neutralise user configuration which would change the diff's shape. */
const DIFF_FLAGS = ['-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'log.showSignature=false', '-c', 'color.ui=never'];
class GitError extends errors/* UserError */.yo {
    constructor(message) {
        super('', message);
    }
}
/** Runs git, capturing output (for plumbing commands with small output). */
function git(cwd, args) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', [...CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
}
/** git, failing with git's own first error line when it exits non-zero. */
async function gitOk(cwd, args, what) {
    const r = await git(cwd, args);
    if (r.code !== 0)
        throw new GitError(`${what} failed: ${firstError(r.stderr) || `git exited with ${r.code}`}`);
    return r.stdout;
}
/** git's first error line, without the credentials of a remote URL (GitLab's origin is https://gitlab-ci-token:TOKEN@host/…). */
function firstError(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
    return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@'"]*@/gi, '$1***@').slice(0, 300);
}
/** git's output lines, a chunk's worth at a time. */
async function* streamGit(cwd, args, what) {
    const child = (0,external_node_child_process_.spawn)('git', [...CONFIG, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
        if (stderr.length < 8192)
            stderr += d.toString('utf8');
    });
    const closed = new Promise((resolve, reject) => {
        child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
    });
    let finished = false;
    try {
        yield* splitLineBatches(child.stdout);
        finished = true;
    }
    finally {
        if (!finished)
            child.kill();
    }
    const code = await closed;
    if (code !== 0)
        throw new GitError(`${what} failed: ${firstError(stderr) || `git exited with ${code}`}`);
}
/** Names worth reading back as blobs: archives by their usual extensions (a blob read per binary file would cost). */
const git_ARCHIVE_NAME = /\.(zip|jar|war|ear|apk|aar|nupkg|whl|egg|tar|tgz|gz|tar\.gz|crx|xpi|vsix)$/i;
/** A blob's bytes (`rev:path`, or `:path` for the index), or null with a skip note. */
function readBlob(cwd, spec, maxBytes) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', [...CONFIG, 'cat-file', 'blob', spec], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
        const out = [];
        let size = 0;
        let over = false;
        child.stdout.on('data', (d) => {
            size += d.length;
            if (maxBytes > 0 && size > maxBytes) {
                over = true;
                child.kill();
            }
            else
                out.push(d);
        });
        child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
        child.on('close', (code) => resolve(over || code !== 0 ? null : Buffer.concat(out)));
    });
}
async function* binaryChange(cwd, b, opts) {
    const shown = b.commit ? `${b.commit.sha.slice(0, 12)}:${b.path}` : b.path;
    if (!opts.archive || opts.archive.maxDepth <= 0 || !git_ARCHIVE_NAME.test(b.path)) {
        opts.skipped.push({ path: shown, reason: git_ARCHIVE_NAME.test(b.path) ? 'archive: set max-archive-depth to scan inside it' : 'binary file' });
        return;
    }
    const buf = await readBlob(cwd, `${b.commit?.sha ?? ''}:${b.path}`, opts.maxBytes);
    if (!buf) {
        opts.skipped.push({ path: shown, reason: `archive larger than ${formatMb(opts.maxBytes)} or unreadable; raise max-target-megabytes to scan it` });
        return;
    }
    if (!archiveKind(buf)) {
        opts.skipped.push({ path: shown, reason: 'binary file' });
        return;
    }
    yield* archiveFragments(buf, b.path, opts, b.commit);
}
async function* git_parse(cwd, batches, parser, opts, binaries) {
    for await (const lines of batches) {
        for (const line of lines) {
            const f = parser.push(line);
            if (f)
                yield f;
            while (binaries.length) {
                const b = binaries.shift();
                if (b)
                    yield* binaryChange(cwd, b, opts);
            }
        }
    }
    const last = parser.end();
    if (last)
        yield last;
    for (const b of binaries.splice(0))
        yield* binaryChange(cwd, b, opts);
}
/**
 * The commits of `revisions` (e.g. ['base..head'] or ['HEAD']), or of every ref, or of the
 * user's log options, newest first, each commit once, each file's added lines as a fragment.
 * `paths` limits the scan to those paths. Our diff flags come after the user's options, so the
 * shape of the output stays ours (git takes the last of a repeated option).
 */
function gitLogFragments(cwd, revisions, opts, paths = [], sel = {}) {
    const fmt = commitFormat();
    const fixed = [...DIFF_FLAGS, '--no-show-signature', `--format=${fmt.format}`];
    const args = sel.logOpts
        ? ['log', ...sel.logOpts, ...fixed, '--', ...paths]
        : ['log', ...fixed, ...(sel.all ? ['--full-history', '--all'] : []), '--end-of-options', ...revisions, '--', ...paths];
    const what = sel.logOpts ? `git log ${sel.logOpts.join(' ')}` : sel.all ? 'git log --all' : `git log ${revisions.join(' ')}`;
    const binaries = [];
    return git_parse(cwd, streamGit(cwd, args, what), new DiffParser(fmt, { ...opts, binaries }), opts, binaries);
}
/**
 * Long options that would write a file, run or read something else, or change the shape of the
 * patch the parser reads (a family by its prefix: --stat=…, --word-diff-regex=…, --name-only).
 * The diff flags we append after the user's options override the rest (format, colour, prefixes).
 */
const REFUSED_LONG = /^--(output|stat|numstat|shortstat|dirstat|summary|compact-summary|raw|check|no-patch|word-diff|color-words|graph|line-prefix|cumulative|follow|walk-reflogs|reflog|stdin|ext-diff|textconv|exec|upload-pack|open-files-in-pager|cc|combined|dense-combined|remerge-diff|diff-merges|binary|null|reverse-diff|)(?![a-z])|^--(name-|patch-with-)/;
/** Short options: one letter, or a letter with its value (-n5, -S<text>, -U3); -s, -R, -g, -z, -c, -L, -O and bundles (-sp) are refused. */
const ALLOWED_SHORT = /^-(\d+|[ipmuWEFP]|[nlU]\d*|[SG].+|[MCB][\d/%]*)$/;
/**
 * gitleaks' --log-opts split as gitleaks splits it (on whitespace) and checked: each option
 * goes to `git log` as it is, so one that writes a file (--output) or changes the patch format
 * is refused, naming the option (never echoing the rest).
 */
function logOptions(raw) {
    const parts = raw.split(/\s+/).filter(Boolean);
    if (!parts.length)
        return undefined;
    if (parts.length > 64 || raw.length > 4096)
        throw new errors/* UserError */.yo('log-opts', 'too long (at most 64 options)');
    for (const p of parts) {
        if (!p.startsWith('-'))
            continue;
        if (p.startsWith('--') ? REFUSED_LONG.test(p) : !ALLOWED_SHORT.test(p))
            throw new errors/* UserError */.yo('log-opts', `${p.replace(/=.*$/s, '').slice(0, 40)} is not supported here (it would redirect or reshape the patch output)`);
    }
    return parts;
}
/** The staged changes (what `git commit` would record): for pre-commit hooks. */
function stagedFragments(cwd, opts, paths = []) {
    const args = ['diff', '--cached', ...DIFF_FLAGS.filter((f) => f !== '-p'), '--', ...paths];
    const binaries = [];
    return git_parse(cwd, streamGit(cwd, args, 'git diff --cached'), new DiffParser(null, { ...opts, binaries }), opts, binaries);
}

// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
;// CONCATENATED MODULE: ./src/scanner/reports/context.ts
function commitUrl(ctx, sha) {
    if (!ctx.serverUrl || !ctx.repository || !sha)
        return '';
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/commit/${sha}`;
}
function fileUrl(ctx, sha, path, line) {
    if (!ctx.serverUrl || !ctx.repository || !sha)
        return '';
    const p = path.split('/').map(encodeURIComponent).join('/');
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/blob/${sha}/${p}#L${line}`;
}

;// CONCATENATED MODULE: ./src/scanner/reports/required.ts
/**
 * A composite rule's required parts ([[rules.required]]) as reports show them: rule and place,
 * never the part's secret (gitleaks prints them only in its verbose log, secrets included).
 */
function requiredParts(f) {
    return f.requiredFindings ?? [];
}
/** `aws-secret-key at 4:9, aws-region at 5:1`, or '' for a finding without required parts. */
function requiredText(f) {
    return requiredParts(f)
        .map((r) => `${r.ruleId} at ${r.startLine}:${r.startColumn}`)
        .join(', ');
}
function gitleaksRequired(f) {
    return requiredParts(f).map((r) => ({ RuleID: r.ruleId, StartLine: r.startLine, EndLine: r.endLine, StartColumn: r.startColumn, EndColumn: r.endColumn }));
}

// EXTERNAL MODULE: ./src/core/forms.ts
var core_forms = __webpack_require__(1720);
;// CONCATENATED MODULE: ./src/scanner/reports/redaction.ts
/**
 * Redaction is a property of the report writers, not of each field they copy.
 *
 * One scan-wide redactor knows every secret the scan found (each finding's secret, its required
 * parts' secrets, the whole match of a regex finding whose secret group matched nothing, and
 * each long line of a multi-line secret). Every writer goes through two steps:
 *
 * 1. showFindings(): the findings become ShownFindings, which carry no raw secret or match at
 *    all (a writer cannot print what it does not have); every free-text field (commit message,
 *    author, email, description, rule id, tags, the path where prose repeats it) has every
 *    secret of the scan redacted, and the match and the commit message also the finding's own
 *    secrets however short (as before).
 * 2. a final pass over what the writer built, before it is serialised: every string of a
 *    JSON-shaped report (scrubDeep: a new field is covered without anyone remembering it),
 *    every CSV cell and XML value before escaping, the whole text of the text report, summary,
 *    annotations and review comments. Done on values, not on the serialised string, so a
 *    secret's JSON-, XML- or CSV-escaped form needs no separate search and no replacement can
 *    land inside an escape sequence (`\n` + `1234567…`, `&amp;…`) and break the document.
 *
 * Paths: a path is a locator. The fields that name the file for a tool (gitleaks' File,
 * SymlinkFile, Fingerprint, IgnoreKey and Link, SARIF's artifact uri and fingerprint, GitLab's
 * location.file, JUnit's file attribute, an annotation's file, a review comment's path) keep the
 * real path, so .gitleaksignore, baselines, code scanning and annotations keep working; a secret
 * that is also a file name is in the repository's file list anyway. Everywhere a report repeats
 * the path in prose (SARIF and GitLab messages, JUnit test names, text and log lines, the
 * summary, annotation messages) it is redacted like any other text.
 *
 * Length floor: a secret shorter than SCAN_WIDE_MIN characters (a line of a multi-line secret:
 * LINE_MIN) is redacted in every text of the findings of its own commit (outside git, its own
 * file) when it is at least MIN_SECRET_LENGTH long, and in its own finding's match and commit
 * message whatever its length; scan-wide it would blank ordinary words, numbers and hashes in
 * every other finding.
 *
 * Cost: one index over all secrets per report run (a 32-bit rolling hash of each secret's first
 * SCAN_WIDE_MIN characters behind a bit table, then Maps by length and by prefix), so scrubbing
 * a text is linear in its length whatever the number of secrets, also when thousands share a
 * prefix; repeated texts (one commit's message on each of its findings, the same field in every
 * format) are cached.
 */


/** Shortest secret redacted in every field of every finding. */
const SCAN_WIDE_MIN = 6;
/** Shortest line of a multi-line secret redacted on its own (shorter lines are "-----", "==", …). */
const LINE_MIN = 8;
const redaction_FULL = { kind: 'full' };
const RAW = { kind: 'raw' };
/** JSON, CSV and JUnit: --redact=N when given, else full unless redaction is off. */
function gitleaksShown(ctx) {
    if (ctx.redactPercent !== undefined)
        return { kind: 'percent', percent: Math.min(100, Math.max(0, Math.floor(ctx.redactPercent))) };
    return ctx.redact ? redaction_FULL : RAW;
}
/** SARIF, GitLab and the text report: full unless redaction is off (a percentage does not apply). */
function fullShown(ctx) {
    return ctx.redact ? redaction_FULL : RAW;
}
const B = 0x01000193;
const K = SCAN_WIDE_MIN;
let BK1 = 1;
for (let i = 0; i < K - 1; i++)
    BK1 = Math.imul(BK1, B);
function hashAt(text, i) {
    let h = 0;
    for (let j = 0; j < K; j++)
        h = (Math.imul(h, B) + text.charCodeAt(i + j)) | 0;
    return h;
}
/** Entries at least this long are looked up by their first LONG characters, shorter ones by their whole text. */
const LONG = 64;
/**
 * A set of texts found by one pass: leftmost, then longest. Where the bit table says a text may
 * start, one Map lookup per distinct short length and one for the long texts decide: never a
 * walk over every secret sharing a prefix (all PEM keys start "-----BEGIN", all AWS key ids "AKIA").
 */
class Index {
    /** a bit per hash prefix that starts some entry, sized for ~3% of the bits set; built on first use */
    table;
    shift = 32;
    buckets = new Map();
    byText = new Map();
    add(e) {
        if (e.text.length < K)
            return;
        const had = this.byText.get(e.text);
        // a whole secret wins over the same text as a line of another one
        if (had && (had.kind === 'whole' || e.kind !== 'whole'))
            return;
        this.byText.set(e.text, e);
        const h = hashAt(e.text, 0);
        this.table = undefined;
        let b = this.buckets.get(h);
        if (!b)
            this.buckets.set(h, (b = { lens: [], short: new Map(), long: new Map() }));
        const len = e.text.length;
        if (len >= LONG) {
            const key = e.text.slice(0, LONG);
            const list = (b.long.get(key) ?? []).filter((x) => x !== had);
            list.push(e);
            list.sort((x, y) => y.text.length - x.text.length);
            b.long.set(key, list);
            return;
        }
        let m = b.short.get(len);
        if (!m) {
            b.short.set(len, (m = new Map()));
            b.lens.push(len);
            b.lens.sort((x, y) => y - x);
        }
        m.set(e.text, e);
    }
    get size() {
        return this.byText.size;
    }
    build() {
        const bits = Math.max(10, Math.min(24, Math.ceil(Math.log2(this.buckets.size * 32 + 1))));
        const table = new Uint32Array(2 ** (bits - 5));
        this.shift = 32 - bits;
        for (const h of this.buckets.keys()) {
            const x = h >>> this.shift;
            table[x >>> 5] = (table[x >>> 5] ?? 0) | (1 << (x & 31));
        }
        return (this.table = table);
    }
    /** The bit table and its shift, for the scan loop's inlined test (no call where nothing can start). */
    filter() {
        const table = this.table ?? this.build();
        return { table, shift: this.shift };
    }
    /** The longest entry starting at i, given the rolling hash h of text[i, i+K) (the bit table said maybe). */
    at(text, i, h) {
        const b = this.buckets.get(h);
        if (!b)
            return undefined;
        const n = text.length;
        if (b.long.size && i + LONG <= n) {
            const list = b.long.get(text.slice(i, i + LONG));
            if (list)
                for (const e of list)
                    if (text.startsWith(e.text, i))
                        return e;
        }
        for (const len of b.lens) {
            if (i + len > n)
                continue;
            const e = b.short.get(len)?.get(text.slice(i, i + len));
            if (e)
                return e;
        }
        return undefined;
    }
}
/** The JSON string form of a secret without its quotes (a secret with `"`, `\` or controls), when it differs. */
function jsonInner(s) {
    return JSON.stringify(s).slice(1, -1);
}
function scopeOf(f) {
    return f.commit?.sha ? `commit ${f.commit.sha}` : `file ${f.path}`;
}
/** What a finding's secret is for redaction: its secret; else a non-path match (the match is all it has); else nothing. */
function secretOf(f) {
    if (f.secret)
        return f.secret;
    return f.match && !f.match.startsWith(PATH_MATCH_PREFIX) ? f.match : '';
}
function linesOf(secret) {
    return /[\r\n]/.test(secret) ? secret.split(/\r?\n|\r/).filter((l) => l.length >= LINE_MIN) : [];
}
class ScanRedactor {
    index = new Index();
    wholes = new Set();
    keeps = new Map();
    cache = new Map();
    shortByScope = new Map();
    /** Every secret of these findings (and of their required parts). */
    static fromFindings(findings) {
        const r = new ScanRedactor();
        for (const f of findings)
            r.addFinding(f);
        return r;
    }
    addFinding(f) {
        for (const s of [secretOf(f), ...(f.requiredFindings ?? []).map(secretOf)]) {
            this.addSecret(s);
            // too short to redact scan-wide, long enough to mask: redacted in every text of the
            // findings of its own commit (outside git, its own file): every secret of that commit
            if (s.trim().length >= core_forms/* MIN_SECRET_LENGTH */.vb && s.length < SCAN_WIDE_MIN) {
                const key = scopeOf(f);
                const list = this.shortByScope.get(key) ?? [];
                if (!list.includes(s))
                    list.push(s);
                this.shortByScope.set(key, list);
            }
        }
    }
    /** The short secrets found in `f`'s commit (or file), to redact in its texts besides the scan-wide ones. */
    shortSecretsOf(f) {
        return this.shortByScope.get(scopeOf(f)) ?? [];
    }
    addSecret(secret) {
        if (!secret)
            return;
        this.cache.clear();
        this.keeps.clear();
        if (secret.length >= SCAN_WIDE_MIN)
            this.wholes.add(secret);
        this.index.add({ text: secret, secret, kind: 'whole' });
        const esc = jsonInner(secret);
        if (esc !== secret)
            this.index.add({ text: esc, secret, kind: 'whole' });
        for (const line of linesOf(secret))
            this.index.add({ text: line, secret, kind: 'line' });
    }
    /** Distinct texts searched for. */
    get size() {
        return this.index.size;
    }
    /** true when `text` still holds a secret of the scan (tests and assertions). */
    holds(text) {
        return this.scan(text, redaction_FULL, [], undefined) !== text;
    }
    /**
     * `text` with every secret of the scan shown as `how` says; `own` adds a finding's own
     * secrets, redacted whatever their length. Raw: `text` unchanged.
     */
    scrub(text, how, own = []) {
        if (how.kind === 'raw' || !text)
            return text;
        let extra;
        for (const s of own) {
            // the common case: the finding's own secret is in the index already, nothing to add
            if (!s || (this.index.byText.has(s) && !/[\r\n]/.test(s)))
                continue;
            for (const p of [{ text: s, secret: s, kind: 'whole' }, ...linesOf(s).map((l) => ({ text: l, secret: s, kind: 'line' }))]) {
                if (!this.index.byText.has(p.text) && !extra?.some((x) => x.text === p.text))
                    (extra ??= []).push(p);
            }
        }
        if (!extra && text.length < K)
            return text;
        const keep = how.kind === 'percent' ? this.keepIndex(how.percent) : undefined;
        if (extra)
            return this.scan(text, how, extra, keep);
        const key = how.kind === 'percent' ? `p${how.percent}` : how.kind;
        let memo = this.cache.get(key);
        if (!memo)
            this.cache.set(key, (memo = new Map()));
        const hit = memo.get(text);
        if (hit !== undefined)
            return hit;
        const out = this.scan(text, how, [], keep);
        memo.set(text, out);
        return out;
    }
    /**
     * --redact=N: each secret's shown form (its first characters and "...") is left as it is
     * when a pass meets it again, so a second pass (the final one) does not cut it further, nor
     * the whole lines of a multi-line secret that the shown form keeps.
     */
    keepIndex(percent) {
        let idx = this.keeps.get(percent);
        if (!idx) {
            idx = new Index();
            for (const s of this.wholes) {
                const shown = redactPercent(s, percent);
                if (shown !== s)
                    idx.add({ text: shown, secret: s, kind: 'keep' });
            }
            this.keeps.set(percent, idx);
        }
        return idx;
    }
    /**
     * One pass: at each position the longest text that starts there; overlapping finds merge into
     * one region, shown as its first find is and nothing more of it (two secrets that overlap,
     * "foo-abcd" and "abcdEFGH…", must not leave the second one's tail raw).
     */
    scan(text, how, extra, keep) {
        const n = text.length;
        const indexed = this.index.size > 0 || (keep?.size ?? 0) > 0;
        if (!extra.length && (!indexed || n < K))
            return text;
        let out = '';
        let last = 0;
        let first;
        let start = 0;
        let end = 0;
        let h = n >= K ? hashAt(text, 0) : 0;
        const { table, shift } = this.index.filter();
        const kf = keep?.filter();
        for (let i = 0; i < n; i++) {
            let best;
            if (indexed && i + K <= n) {
                const x = h >>> shift;
                if ((table[x >>> 5] ?? 0) & (1 << (x & 31)))
                    best = this.index.at(text, i, h);
                if (keep && kf) {
                    const y = h >>> kf.shift;
                    const k = (kf.table[y >>> 5] ?? 0) & (1 << (y & 31)) ? keep.at(text, i, h) : undefined;
                    if (k && (!best || k.text.length > best.text.length))
                        best = k;
                }
                // roll the hash to the window at i + 1 (int32 all along: the loop stays in integer code)
                if (i + K < n)
                    h = (Math.imul((h - Math.imul(text.charCodeAt(i), BK1)) | 0, B) + text.charCodeAt(i + K)) | 0;
            }
            for (let j = 0; j < extra.length; j++) {
                const e = extra[j];
                if (e && (!best || e.text.length > best.text.length) && text.startsWith(e.text, i))
                    best = e;
            }
            if (!best)
                continue;
            if (first && i < end) {
                end = Math.max(end, i + best.text.length);
                continue;
            }
            if (first) {
                out += text.slice(last, start) + replacement(first, how);
                last = end;
            }
            first = best;
            start = i;
            end = i + best.text.length;
        }
        if (!first)
            return text;
        return out + text.slice(last, start) + replacement(first, how) + text.slice(end);
    }
}
function replacement(e, how) {
    if (e.kind === 'keep' || how.kind === 'raw')
        return e.text;
    if (how.kind === 'percent')
        return redactPercent(e.kind === 'line' ? e.text : e.secret, how.percent);
    return e.kind === 'line' ? REDACTED_MARK : redactSecret(e.secret);
}
/** The context's scan-wide redactor, or one built from these findings (a writer called on its own). */
function redaction_redactorFor(findings, ctx) {
    return ctx?.redactor ?? ScanRedactor.fromFindings(findings);
}
/** Step 1 of every writer: the findings without raw secrets, every free text redacted. */
function redaction_showFindings(findings, how, red, verified) {
    return findings.map((f) => {
        const own = [secretOf(f), ...(f.requiredFindings ?? []).map(secretOf), ...red.shortSecretsOf(f)].filter(Boolean);
        const text = (s) => red.scrub(s, how, own);
        const secret = how.kind === 'raw' ? f.secret : how.kind === 'percent' ? redactPercent(f.secret, how.percent) : redactSecret(f.secret);
        const c = f.commit;
        const v = verified?.get(f);
        return {
            ruleId: text(f.ruleId),
            description: text(f.description),
            path: text(f.path),
            rawPath: f.path,
            rawSymlinkFile: f.symlinkFile ?? '',
            startLine: f.startLine,
            endLine: f.endLine,
            startColumn: f.startColumn,
            endColumn: f.endColumn,
            secret,
            match: red.scrub(f.match, how, own),
            hasSecret: f.secret !== '',
            hasMatch: f.secret !== '' || f.match !== '',
            entropy: f.entropy,
            tags: f.tags.map(text),
            ...(c ? { commit: { sha: c.sha, author: text(c.author), email: text(c.email), date: text(c.date), message: red.scrub(c.message, how, own) } } : {}),
            fingerprint: f.fingerprint,
            requiredFindings: (f.requiredFindings ?? []).map((q) => ({
                ruleId: text(q.ruleId),
                startLine: q.startLine,
                endLine: q.endLine,
                startColumn: q.startColumn,
                endColumn: q.endColumn,
            })),
            ...(v ? { verified: v } : {}),
        };
    });
}
/**
 * Step 2 for JSON-shaped reports: every string in `value` (at any depth) scrubbed, except the
 * values of the locator keys in `keep`. Returns a copy; keys and order are kept.
 */
function scrubDeep(value, red, how, keep) {
    if (how.kind === 'raw')
        return value;
    const walk = (v) => {
        if (typeof v === 'string')
            return red.scrub(v, how);
        if (Array.isArray(v))
            return v.map(walk);
        if (v !== null && typeof v === 'object') {
            const out = {};
            for (const [k, x] of Object.entries(v))
                out[k] = keep.has(k) ? x : walk(x);
            return out;
        }
        return v;
    };
    return walk(value);
}

;// CONCATENATED MODULE: ./src/scanner/reports/json.ts




/** The gitleaks JSON fields that locate the finding for tools (.gitleaksignore, baselines, links): never redacted. */
const GITLEAKS_LOCATORS = new Set(['File', 'SymlinkFile', 'Commit', 'Link', 'Fingerprint', 'IgnoreKey']);
function toGitleaks(f, ignoreKey, ctx) {
    const c = f.commit;
    return {
        RuleID: f.ruleId,
        Description: f.description,
        StartLine: f.startLine,
        EndLine: f.endLine,
        StartColumn: f.startColumn,
        EndColumn: f.endColumn,
        Match: f.match,
        Secret: f.secret,
        File: f.rawPath,
        SymlinkFile: f.rawSymlinkFile,
        Commit: c?.sha ?? '',
        Link: c ? fileUrl(ctx, c.sha, f.rawPath, f.startLine) : '',
        Entropy: Math.round(f.entropy * 1e6) / 1e6,
        Author: c?.author ?? '',
        Email: c?.email ?? '',
        Date: c?.date ?? '',
        Message: c?.message ?? '',
        Tags: [...f.tags],
        Fingerprint: f.fingerprint,
        IgnoreKey: ignoreKey,
        ...(f.requiredFindings.length ? { RequiredFindings: gitleaksRequired(f) } : {}),
        ...(f.verified ? { Verification: f.verified } : {}),
    };
}
/**
 * The findings as gitleaks JSON entries (the JSON report, each CSV row, each JUnit failure body):
 * shown (no raw secret), then every field but the locators scrubbed once more.
 */
function gitleaksEntries(findings, ctx) {
    const how = gitleaksShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    // the content key hashes the raw secret: computed here, from the finding, never from what is shown
    return redaction_showFindings(findings, how, red, ctx.verified).map((f, i) => scrubDeep(toGitleaks(f, findings[i] ? contentKey(findings[i]) : '', ctx), red, how, GITLEAKS_LOCATORS));
}
function gitleaksJson(findings, ctx) {
    return `${JSON.stringify(gitleaksEntries(findings, ctx), null, 1)}\n`;
}

;// CONCATENATED MODULE: ./src/scanner/reports/sarif.ts


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** SARIF keys that locate a result or name the tool: never redacted (a secret in a file name stays in the uri). */
const SARIF_LOCATORS = new Set(['$schema', 'uri', 'uriBaseId', 'informationUri', 'fingerprint', 'commitSha']);
function uri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function sarifReport(findings, ctx) {
    // SARIF is fully redacted whatever redact's percentage (it goes to code scanning and artifacts)
    const how = fullShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    const shown = redaction_showFindings(findings, how, red);
    return `${JSON.stringify(scrubDeep(sarifLog(shown, ctx), red, how, SARIF_LOCATORS), null, 1)}\n`;
}
function sarifLog(findings, ctx) {
    const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
    const index = new Map(ruleIds.map((id, i) => [id, i]));
    const rules = ruleIds.map((id) => {
        const f = findings.find((x) => x.ruleId === id);
        return {
            id,
            name: id.replace(/(^|[-_])(\w)/g, (_m, _s, c) => c.toUpperCase()),
            // the leak guard's findings carry their secret's label in the description: the rule entry stays generic
            shortDescription: {
                text: id === 'injected-secret' ? 'A secret this job injected (fetch-secrets, vault-login, oidc-assume-role) is in a file it built' : f?.description || id,
            },
            fullDescription: {
                text: `${id === 'injected-secret' ? 'A secret this job injected is in a file it built' : f?.description || id}. A secret committed to a repository must be revoked and rotated: removing it from the code does not remove it from the history.`,
            },
            defaultConfiguration: { level: 'error' },
            properties: { tags: [...new Set(['security', 'secret', ...(f?.tags ?? [])])], precision: 'high', 'security-severity': '9.0' },
        };
    });
    const results = findings.map((f) => {
        const c = f.commit;
        const partial = {};
        if (c) {
            partial['commitSha'] = c.sha;
            partial['email'] = c.email;
            partial['author'] = c.author;
            partial['date'] = c.date;
            partial['commitMessage'] = c.message;
        }
        const required = requiredText(f);
        const related = requiredParts(f).map((r, i) => ({
            id: i + 1,
            physicalLocation: {
                artifactLocation: { uri: uri(f.rawPath), uriBaseId: '%SRCROOT%' },
                region: {
                    startLine: Math.max(1, r.startLine),
                    startColumn: Math.max(1, r.startColumn),
                    endLine: Math.max(1, r.endLine, r.startLine),
                    endColumn: Math.max(1, r.endColumn),
                },
            },
            message: { text: `required by ${f.ruleId}: ${r.ruleId}` },
        }));
        return {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? 0,
            level: 'error',
            message: {
                text: f.hasMatch
                    ? `${f.ruleId} has detected a secret in ${f.path}${c ? ` (commit ${c.sha.slice(0, 12)})` : ''}${required ? `, with ${required}` : ''}.`
                    : `${f.ruleId}: ${f.description} (${f.path}:${f.startLine}).`,
            },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: uri(f.rawPath), uriBaseId: '%SRCROOT%' },
                        region: {
                            startLine: Math.max(1, f.startLine),
                            startColumn: Math.max(1, f.startColumn),
                            endLine: Math.max(1, f.endLine, f.startLine),
                            endColumn: Math.max(1, f.endColumn),
                            snippet: { text: f.match },
                        },
                    },
                },
            ],
            ...(related.length ? { relatedLocations: related } : {}),
            partialFingerprints: partial,
            properties: { fingerprint: f.fingerprint, tags: [...new Set(f.tags)] },
        };
    });
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: ctx.toolName, semanticVersion: ctx.toolVersion, version: ctx.toolVersion, informationUri: ctx.informationUri, rules } },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the scanned repository or directory.' } } },
                invocations: [
                    {
                        executionSuccessful: true,
                        startTimeUtc: ctx.started.toISOString(),
                        endTimeUtc: ctx.finished.toISOString(),
                        toolExecutionNotifications: ctx.skipped.slice(0, 100).map((s) => ({ level: 'note', message: { text: `skipped ${s.path}: ${s.reason}` } })),
                    },
                ],
                results,
            },
        ],
    };
    return log;
}

;// CONCATENATED MODULE: ./src/scanner/reports/gitlab.ts
/** The GitLab secret detection report (schema 15.2.1): artifacts:reports:secret_detection. */



const GITLAB_SCHEMA_VERSION = '15.2.1';
/** GitLab wants a commit for every location; a tree scan has none. */
const NO_COMMIT = '0000000';
/** keys that locate a finding or name the schema and tool: never redacted (a secret in a file name stays in location.file) */
const GITLAB_LOCATORS = new Set(['id', 'file', 'sha', 'schema', 'url']);
function gitlabTime(d) {
    return d.toISOString().slice(0, 19);
}
/** A stable UUID (v5-shaped) from the fingerprint, so the same finding keeps its id. */
function findingUuid(fingerprint) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(`pipeline-secrets:${fingerprint}`).digest();
    h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
    h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
function gitlabReport(findings, ctx) {
    const vendor = { name: 'pipeline-secrets' };
    const tool = { id: 'pipeline-secrets', name: ctx.toolName, version: ctx.toolVersion, vendor };
    // fully redacted whatever redact's percentage
    const how = fullShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    const report = {
        version: GITLAB_SCHEMA_VERSION,
        schema: `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`,
        scan: {
            analyzer: { ...tool, url: ctx.informationUri },
            scanner: { ...tool, url: ctx.informationUri },
            type: 'secret_detection',
            status: 'success',
            start_time: gitlabTime(ctx.started),
            end_time: gitlabTime(ctx.finished),
            messages: ctx.skipped.slice(0, 100).map((s) => ({ level: 'info', value: `skipped ${s.path}: ${s.reason}` })),
        },
        vulnerabilities: redaction_showFindings(findings, how, red).map((f) => {
            const c = f.commit;
            const required = requiredText(f);
            return {
                id: findingUuid(f.fingerprint),
                name: (f.description || f.ruleId).slice(0, 255),
                description: `${f.description || f.ruleId} found in ${f.path}:${f.startLine}${c ? ` (commit ${c.sha.slice(0, 12)})` : ''}${required ? `, with ${required}` : ''}: ${f.match}`.slice(0, 100000),
                severity: 'Critical',
                solution: 'Revoke and rotate this secret, then remove it from the code. Removing it from the code alone does not remove it from the history.',
                identifiers: [{ type: 'gitleaks_rule_id', name: `Gitleaks rule ID ${f.ruleId}`, value: f.ruleId }],
                location: {
                    file: f.rawPath,
                    commit: c ? { sha: c.sha, author: c.author, date: c.date, message: c.message } : { sha: NO_COMMIT },
                    start_line: f.startLine,
                    end_line: f.endLine,
                },
            };
        }),
    };
    return `${JSON.stringify(scrubDeep(report, red, how, GITLAB_LOCATORS), null, 1)}\n`;
}

;// CONCATENATED MODULE: ./src/scanner/reports/text.ts
/** The plain text report: one line per finding, `file:line: rule: redacted [commit]`. */



function line(f) {
    const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)}, ${f.commit.author})` : '';
    const required = requiredText(f);
    return `${f.path}:${f.startLine}:${f.startColumn}: ${f.ruleId}: ${f.secret}${commit}${required ? ` [required: ${required}]` : ''}`;
}
/**
 * A finding's line for the log (redacted: prefix***, every secret of the scan out of the path,
 * author and rule), or raw for a report file when redaction is off. `red`: the scan's redactor
 * (default: one built from this finding).
 */
function textLine(f, redact = true, red = redaction_redactorFor([f])) {
    const how = redact ? redaction_FULL : RAW;
    const [shown] = redaction_showFindings([f], how, red);
    return shown ? red.scrub(line(shown), how) : '';
}
function textReport(findings, ctx) {
    const how = fullShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    // the whole text goes through the redactor once more: it has no escaping to get wrong
    return red.scrub(redaction_showFindings(findings, how, red)
        .map((f) => `${line(f)}${how.kind === 'raw' ? `\n    ${f.match}` : ''}\n`)
        .join(''), how);
}
/** The redacted match, for logs. */
function shownMatch(f) {
    return redactMatch(f.match, f.secret);
}

;// CONCATENATED MODULE: ./src/scanner/reports/csv.ts


const CSV_COLUMNS = [
    'RuleID',
    'Commit',
    'File',
    'SymlinkFile',
    'Secret',
    'Match',
    'StartLine',
    'EndLine',
    'StartColumn',
    'EndColumn',
    'Author',
    'Message',
    'Date',
    'Email',
    'Fingerprint',
    'Tags',
];
/** A CSV field, quoted when it holds a comma, a quote, CR/LF or starts with a space (Go's rule). */
function csvField(v) {
    if (v === '')
        return v;
    if (v === '\\.' || /[",\r\n]/.test(v) || v.startsWith(' ') || v.startsWith('\t'))
        return `"${v.replace(/"/g, '""')}"`;
    return v;
}
function csvReport(findings, ctx) {
    const verified = ctx.verified && ctx.verified.size > 0;
    const head = [...CSV_COLUMNS, ...(verified ? ['Verification'] : [])];
    const rows = [head.join(',')];
    const how = gitleaksShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    // every cell but the locators goes through the redactor once more, whatever column is added later
    const cell = (v, i) => csvField(GITLEAKS_LOCATORS.has(head[i] ?? '') ? v : red.scrub(v, how));
    for (const g of gitleaksEntries(findings, { ...ctx, redactor: red })) {
        const cells = [
            g.RuleID,
            g.Commit,
            g.File,
            g.SymlinkFile,
            g.Secret,
            g.Match,
            String(g.StartLine),
            String(g.EndLine),
            String(g.StartColumn),
            String(g.EndColumn),
            g.Author,
            g.Message,
            g.Date,
            g.Email,
            g.Fingerprint,
            g.Tags.join(' '),
        ];
        if (verified)
            cells.push(g.Verification ?? '');
        rows.push(cells.map(cell).join(','));
    }
    return `${rows.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/scanner/reports/junit.ts


function xmlEscape(s) {
    // XML 1.0 cannot carry most control characters at all, even escaped
    return s
        .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?')
        .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}
function testName(f) {
    return `${f.ruleId} has detected a secret in file ${f.path}, line ${f.startLine}${f.commit ? `, at commit ${f.commit.sha}` : ''}.`;
}
function junitReport(findings, ctx) {
    const how = gitleaksShown(ctx);
    const red = redaction_redactorFor(findings, ctx);
    // every attribute value is scrubbed again before it is escaped (only file is a locator); the
    // failure body is a gitleaks JSON entry, scrubbed field by field (never as serialised text)
    const attrs = (pairs) => pairs.map(([k, v]) => `${k}="${xmlEscape(k === 'file' ? v : red.scrub(v, how))}"`).join(' ');
    const seconds = Math.max(0, (ctx.finished.getTime() - ctx.started.getTime()) / 1000).toFixed(3);
    const out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites>',
        `\t<testsuite failures="${findings.length}" name="gitleaks" tests="${findings.length}" time="${seconds}">`,
    ];
    const shown = redaction_showFindings(findings, how, red);
    const entries = gitleaksEntries(findings, { ...ctx, redactor: red });
    shown.forEach((f, i) => {
        const name = testName(f);
        const kind = f.description || f.ruleId;
        out.push(`\t\t<testcase ${attrs([
            ['classname', kind],
            ['file', f.rawPath],
            ['name', name],
        ])} time="">`);
        out.push(`\t\t\t<failure ${attrs([
            ['message', name],
            ['type', kind],
        ])}>${xmlEscape(JSON.stringify(entries[i], null, 1))}</failure>`);
        out.push('\t\t</testcase>');
    });
    out.push('\t</testsuite>', '</testsuites>');
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/scanner/reports/index.ts
/** Every report format by name, and where each one is written. */










const FORMATS = ['json', 'sarif', 'gitlab', 'text', 'csv', 'junit'];
const DEFAULT_NAME = {
    json: 'gitleaks-report.json',
    sarif: 'gitleaks-report.sarif',
    gitlab: 'gl-secret-detection-report.json',
    text: 'gitleaks-report.txt',
    csv: 'gitleaks-report.csv',
    junit: 'gitleaks-report.xml',
};
const SUFFIX = { json: '.json', sarif: '.sarif', gitlab: '.gitlab.json', text: '.txt', csv: '.csv', junit: '.xml' };
function parseFormats(raw, input) {
    const out = [];
    for (const part of raw
        .split(/[\s,]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)) {
        const f = part === 'gitleaks' ? 'json' : part === 'secret-detection' ? 'gitlab' : part;
        if (!FORMATS.includes(f))
            throw new errors/* UserError */.yo(input, `unknown report format "${part.slice(0, 30)}": expected json, sarif, gitlab, text, csv or junit`);
        if (!out.includes(f))
            out.push(f);
    }
    return out;
}
function formatFromPath(path) {
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (ext === '.sarif')
        return 'sarif';
    if (ext === '.txt' || ext === '.text')
        return 'text';
    if (ext === '.csv')
        return 'csv';
    if (ext === '.xml')
        return 'junit';
    if (/gl-secret-detection|\.gitlab\.json$/i.test(path))
        return 'gitlab';
    return 'json';
}
/** Where each format goes: one format and a path → that path; several → the path with each format's suffix. '-' is stdout. */
function reportTargets(formats, path) {
    if (!path)
        return formats.map((format) => ({ format, path: DEFAULT_NAME[format] }));
    if (formats.length === 1 || path === '-')
        return formats.map((format) => ({ format, path }));
    const stem = path.replace(/\.(json|sarif|txt|csv|xml)$/i, '');
    return formats.map((format) => ({ format, path: `${stem}${SUFFIX[format]}` }));
}
function render(format, findings, ctx) {
    switch (format) {
        case 'json':
            return gitleaksJson(findings, ctx);
        case 'sarif':
            return sarifReport(findings, ctx);
        case 'gitlab':
            return gitlabReport(findings, ctx);
        case 'text':
            return textReport(findings, ctx);
        case 'csv':
            return csvReport(findings, ctx);
        case 'junit':
            return junitReport(findings, ctx);
    }
}
/** Writes a report file (0600 when it holds raw secrets because the user turned redaction off). */
async function writeReport(path, content, redacted) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    if (redacted)
        (0,external_node_fs_.writeFileSync)(path, content);
    else
        await (0,files/* writeSecretFile */.AK)(path, content);
}

;// CONCATENATED MODULE: ./src/scanner/reports/review-comments.ts
/**
 * Pull request review comments on the findings' lines (comment: true): the text of each
 * comment, always fully redacted, and its marker, so a re-run does not post it twice. Posting
 * is the platform's (src/platform/github/review-comments.ts, behind the runner's forge).
 */


function marker(f) {
    return `<!-- pipeline-secrets:${(0,external_node_crypto_.createHash)('sha256').update(f.fingerprint).digest('hex').slice(0, 24)} -->`;
}
/** A review comment's text: always fully redacted (`red`: the scan's redactor; default: one from this finding). */
function commentBody(raw, notify = [], red = redaction_redactorFor([raw])) {
    const [f] = redaction_showFindings([raw], redaction_FULL, red);
    if (!f)
        return '';
    const commit = f.commit ? ` (added in ${f.commit.sha.slice(0, 12)})` : '';
    const cc = notify.length ? `\n\nCC ${notify.map((u) => `@${u.replace(/^@/, '')}`).join(' ')}` : '';
    return (red.scrub(`:rotating_light: **Leaked secret** \`${f.ruleId}\`: \`${f.secret}\`${commit}.\n\nRevoke and rotate it first: it stays in the git history even after you delete this line. If it is a false positive, add the fingerprint from the report to \`.gitleaksignore\`.${cc}\n\n`, redaction_FULL) + marker(raw));
}
/**
 * The comments for these findings, in their order (the platform posts at most its maximum,
 * skipping those whose marker is already on the pull request and repeated keys). Bodies are
 * built on demand: a scan with thousands of findings posts at most a few dozen.
 */
function reviewComments(findings, notify = [], redactor) {
    const red = redactor ?? redaction_redactorFor(findings);
    return findings.map((f) => {
        let body;
        return {
            path: f.path,
            line: f.startLine,
            get body() {
                body ??= commentBody(f, notify, red);
                return body;
            },
            marker: marker(f),
            key: `${f.path}:${f.startLine}:${f.ruleId}`,
        };
    });
}
/** A GitHub user or org/team to mention; anything else is refused (it goes into a comment). */
function parseNotify(raw) {
    const out = [];
    for (const part of raw
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const name = part.replace(/^@/, '');
        if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/.test(name))
            return [];
        out.push(name);
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/http.ts + 1 modules
var core_http = __webpack_require__(3871);
;// CONCATENATED MODULE: ./src/scanner/verify/check.ts

const USER_AGENT = 'pipeline-secrets-verify/1.0 (+https://github.com/pipeline-secrets/pipeline-secrets)';
function check_parse(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return null;
    }
}
function unknown(status) {
    return { verdict: 'unknown', why: status ? `HTTP ${status}` : 'no answer' };
}
async function checkKey(http, provider, base, key) {
    const common = { 'User-Agent': USER_AGENT };
    switch (provider) {
        case 'github': {
            const r = await http.send(`${base}/user`, {
                headers: { ...common, Authorization: `Bearer ${key}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
                retry: false,
            });
            if (r.status === 200)
                return { verdict: 'live', why: 'GET /user answered 200' };
            if (r.status === 401)
                return { verdict: 'revoked', why: 'GET /user answered 401 Bad credentials' };
            const b = check_parse(r.body);
            if (r.status === 403 && (0,json/* isObject */.Gv)(b) && typeof b['message'] === 'string' && /not accessible by integration/i.test(b['message']))
                return { verdict: 'live', why: 'an app installation token (403 not accessible by integration)' };
            return unknown(r.status);
        }
        case 'gitlab': {
            const r = await http.send(`${base}/api/v4/user`, { headers: { ...common, 'PRIVATE-TOKEN': key }, retry: false });
            if (r.status === 200)
                return { verdict: 'live', why: 'GET /api/v4/user answered 200' };
            if (r.status === 401)
                return { verdict: 'revoked', why: 'GET /api/v4/user answered 401' };
            const b = check_parse(r.body);
            if (r.status === 403 && (0,json/* isObject */.Gv)(b) && b['error'] === 'insufficient_scope')
                return { verdict: 'live', why: 'live, without the read_user scope (403 insufficient_scope)' };
            return unknown(r.status);
        }
        case 'slack': {
            const r = await http.send(`${base}/api/auth.test`, {
                method: 'POST',
                headers: { ...common, Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-www-form-urlencoded' },
                body: '',
                retry: false,
            });
            const b = check_parse(r.body);
            if (r.status !== 200 || !(0,json/* isObject */.Gv)(b))
                return unknown(r.status);
            if (b['ok'] === true)
                return { verdict: 'live', why: 'auth.test ok' };
            const err = typeof b['error'] === 'string' ? b['error'] : '';
            if (['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'].includes(err))
                return { verdict: 'revoked', why: `auth.test ${err}` };
            return { verdict: 'unknown', why: `auth.test ${err.replace(/[^a-z_]/g, '').slice(0, 40) || 'not ok'}` };
        }
        case 'stripe': {
            const r = await http.send(`${base}/v1/account`, { headers: { ...common, Authorization: `Bearer ${key}` }, retry: false });
            if (r.status === 200)
                return { verdict: 'live', why: 'GET /v1/account answered 200' };
            if (r.status === 403)
                return { verdict: 'live', why: 'a restricted key (403 on /v1/account)' };
            if (r.status === 401)
                return { verdict: 'revoked', why: 'GET /v1/account answered 401' };
            return unknown(r.status);
        }
        case 'openai': {
            const r = await http.send(`${base}/v1/models`, { headers: { ...common, Authorization: `Bearer ${key}` }, retry: false });
            if (r.status === 200)
                return { verdict: 'live', why: 'GET /v1/models answered 200' };
            if (r.status === 401)
                return { verdict: 'revoked', why: 'GET /v1/models answered 401' };
            const b = check_parse(r.body);
            const e = (0,json/* isObject */.Gv)(b) && (0,json/* isObject */.Gv)(b['error']) ? b['error'] : {};
            if (r.status === 429 && e['code'] === 'insufficient_quota')
                return { verdict: 'live', why: 'live but without quota (429 insufficient_quota)' };
            return unknown(r.status);
        }
    }
}

// EXTERNAL MODULE: ./src/core/sdk-http-handler.ts
var sdk_http_handler = __webpack_require__(8425);
;// CONCATENATED MODULE: ./src/scanner/verify/aws.ts

function errName(err) {
    if (typeof err !== 'object' || err === null)
        return '';
    const e = err;
    return typeof e.name === 'string' ? e.name : typeof e.Code === 'string' ? e.Code : '';
}
function errStatus(err) {
    const m = typeof err === 'object' && err !== null ? err.$metadata : undefined;
    return typeof m?.httpStatusCode === 'number' ? m.httpStatusCode : 0;
}
async function checkAws(http, endpoint, accessKeyId, secretAccessKey) {
    const { STSClient, GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const client = new STSClient({
        region: 'us-east-1',
        endpoint,
        maxAttempts: 1,
        requestHandler: new sdk_http_handler/* CoreHttpHandler */.A(http),
        credentials: { accessKeyId, secretAccessKey },
        customUserAgent: 'pipeline-secrets-verify/1.0',
    });
    try {
        await client.send(new GetCallerIdentityCommand({}));
        return { verdict: 'live', why: 'GetCallerIdentity succeeded' };
    }
    catch (err) {
        const name = errName(err);
        if (name === 'InvalidClientTokenId')
            return { verdict: 'revoked', why: 'GetCallerIdentity: InvalidClientTokenId' };
        if (name === 'ExpiredToken')
            return { verdict: 'revoked', why: 'GetCallerIdentity: ExpiredToken' };
        if (name === 'SignatureDoesNotMatch')
            return { verdict: 'unknown', why: 'the key id exists but the secret found with it does not match (SignatureDoesNotMatch)' };
        const s = errStatus(err);
        return { verdict: 'unknown', why: name ? `GetCallerIdentity: ${name.replace(/[^A-Za-z]/g, '').slice(0, 40)}` : s ? `HTTP ${s}` : 'no answer' };
    }
}

;// CONCATENATED MODULE: ./src/scanner/verify/providers.ts
/**
 * Which findings can be verified, against which identity endpoint (wire-facts-stores §12), and
 * how the user points a provider elsewhere (`verify-endpoints: github=https://ghes/api/v3`).
 */

const PROVIDERS = ['github', 'gitlab', 'slack', 'stripe', 'openai', 'aws'];
/** Base URLs: GitHub's API root (GHES: https://HOST/api/v3), GitLab's host, and so on. */
const DEFAULT_ENDPOINTS = {
    github: 'https://api.github.com',
    gitlab: 'https://gitlab.com',
    slack: 'https://slack.com',
    stripe: 'https://api.stripe.com',
    openai: 'https://api.openai.com',
    aws: 'https://sts.amazonaws.com',
};
const BY_RULE = [
    [/^github-(pat|fine-grained-pat|oauth|app-token)$/, 'github'],
    [/^gitlab-(pat|pat-routable)$/, 'gitlab'],
    [/^slack-(bot|user|app|legacy-bot|legacy|legacy-workspace)-token$|^slack-legacy-token$/, 'slack'],
    [/^stripe-access-token$/, 'stripe'],
    [/^openai-api-key$/, 'openai'],
    [/^aws-access-token$/, 'aws'],
];
function providerOf(ruleId) {
    for (const [re, p] of BY_RULE)
        if (re.test(ruleId))
            return p;
    return null;
}
function parseEndpoints(raw) {
    const out = { ...DEFAULT_ENDPOINTS };
    for (const part of raw
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const eq = part.indexOf('=');
        const name = part.slice(0, eq).toLowerCase();
        const url = part.slice(eq + 1).replace(/\/+$/, '');
        if (eq < 1 || !PROVIDERS.includes(name))
            throw new errors/* UserError */.yo('verify-endpoints', `expected provider=URL with provider one of ${PROVIDERS.join(', ')}, got "${part.slice(0, 40)}"`);
        let u;
        try {
            u = new URL(url);
        }
        catch {
            throw new errors/* UserError */.yo('verify-endpoints', `${name}: "${url.slice(0, 60)}" is not a URL`);
        }
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            throw new errors/* UserError */.yo('verify-endpoints', `${name}: expected an http(s) URL`);
        if (u.username || u.password || u.search)
            throw new errors/* UserError */.yo('verify-endpoints', `${name}: the URL may not carry credentials or a query`);
        out[name] = url;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/scanner/verify/index.ts
/**
 * verify: true — each finding of a supported provider checked against that provider's identity
 * endpoint, at most `concurrency` at a time, each bounded by the HTTP layer's timeout. AWS
 * access key ids are paired with the nearest AWS secret key finding of the same file and
 * commit. Findings of other rules are not checked (absent from the result).
 */





function awsSecretFor(f, all) {
    let best;
    for (const o of all) {
        if (o.ruleId !== 'aws-secret-access-key' || o.path !== f.path || (o.commit?.sha ?? '') !== (f.commit?.sha ?? ''))
            continue;
        if (!best || Math.abs(o.startLine - f.startLine) < Math.abs(best.startLine - f.startLine))
            best = o;
    }
    return best;
}
async function verifyFindings(findings, all, o) {
    const http = new core_http/* HttpClient */.Qq({ service: 'verification', timeoutMs: o.timeoutMs, ...(o.proxy ? { proxy: o.proxy } : {}), ...(o.tls ? { tls: o.tls } : {}) });
    const results = new Map();
    let unpaired = 0;
    // the same key found in many commits is checked once
    const byKey = new Map();
    const jobs = [];
    for (const f of findings) {
        const provider = providerOf(f.ruleId);
        if (!provider)
            continue;
        let key = `${provider}\0${f.secret}`;
        let run;
        if (provider === 'aws') {
            const pair = awsSecretFor(f, all);
            if (!pair) {
                unpaired++;
                results.set(f, { provider, verdict: 'unknown', why: 'no AWS secret access key found next to the key id' });
                continue;
            }
            key += `\0${pair.secret}`;
            run = () => {
                o.onSecret?.(f.secret);
                o.onSecret?.(pair.secret);
                return checkAws(http, o.endpoints.aws, f.secret, pair.secret);
            };
        }
        else {
            run = () => {
                o.onSecret?.(f.secret);
                return checkKey(http, provider, o.endpoints[provider], f.secret);
            };
        }
        jobs.push(async () => {
            let p = byKey.get(key);
            if (!p) {
                p = run().catch(() => ({ verdict: 'unknown', why: 'no answer (network error or timeout)' }));
                byKey.set(key, p);
            }
            results.set(f, { provider, ...(await p) });
        });
    }
    let next = 0;
    const worker = async () => {
        while (next < jobs.length) {
            const job = jobs[next++];
            if (job)
                await job();
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, jobs.length)) }, worker));
    }
    finally {
        await http.close();
    }
    return { results, unpaired };
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/config.ts
/**
 * The gitleaks-scan inputs and the job variables that stand in for them (gitleaks-action's
 * GITLEAKS_* block, GITHUB_TOKEN, BASE_REF), read into one typed Config: the only code of the
 * action that reads an input or a variable. Every bad value is a UserError naming the input (or
 * the variable) it came from. Inputs are read in the order the action always read them, so the
 * first error a run reports is the same.
 */











/** gitleaks/gitleaks-action v2/v3 reads these instead of inputs. */
const GITLEAKS_ACTION_ENV = [
    'GITLEAKS_CONFIG',
    'GITLEAKS_ENABLE_SUMMARY',
    'GITLEAKS_ENABLE_UPLOAD_ARTIFACT',
    'GITLEAKS_ENABLE_COMMENTS',
    'GITLEAKS_NOTIFY_USER_LIST',
    'GITLEAKS_LICENSE',
    'GITLEAKS_VERSION',
];
function envBool(r, name) {
    const v = r.env(name);
    if (v === undefined || v.trim() === '')
        return undefined;
    return (0,parse/* parseBool */.q6)(v, name, false);
}
/** An input wins when given; else gitleaks-action's variable; else gitleaks-action's default in a drop-in, ours otherwise. */
function pick(r, input, envName, dropIn, dropInDefault, ours) {
    const raw = r.input(input).trim();
    if (raw)
        return (0,parse/* parseBool */.q6)(raw, input, ours);
    return envBool(r, envName) ?? (dropIn ? dropInDefault : ours);
}
function archiveLimits(r, maxMb) {
    const depth = (0,parse/* parseIntIn */.yt)(r.input('max-archive-depth'), 'max-archive-depth', 0, 0, 16);
    if (!depth)
        return undefined;
    const entry = maxMb > 0 ? maxMb * 1048576 : DEFAULT_LIMITS.maxEntryBytes * 10;
    return { ...DEFAULT_LIMITS, maxDepth: depth, maxEntryBytes: entry, maxTotalBytes: Math.max(DEFAULT_LIMITS.maxTotalBytes, entry) };
}
function parseFailOn(raw, verifying) {
    const v = raw.trim().toLowerCase() || 'any';
    if (v !== 'any' && v !== 'live')
        throw new errors/* UserError */.yo('fail-on', `expected any or live, got "${raw.trim().slice(0, 20)}"`);
    if (v === 'live' && !verifying)
        throw new errors/* UserError */.yo('fail-on', 'fail-on: live needs verify: true (only verified findings can be live)');
    return v;
}
/** history, staged, stdin, range (the CLI's choices) and scan-mode, base, head. */
function readSource(r, base) {
    const history = (0,parse/* parseBool */.q6)(r.input('history'), 'history', false);
    const staged = (0,parse/* parseBool */.q6)(r.input('staged'), 'staged', false);
    const stdin = (0,parse/* parseBool */.q6)(r.input('stdin'), 'stdin', false);
    const range = r.input('range').trim();
    if (r.input('scan-mode').trim().toLowerCase() === 'none')
        return { kind: 'none' };
    if ([history, staged, stdin, range !== ''].filter(Boolean).length > 1)
        throw new errors/* UserError */.yo('range', 'choose one of --history, --range, --staged and --stdin');
    let mode = parseMode(r.input('scan-mode'));
    let head = r.input('head');
    if (stdin)
        return { kind: 'stdin' };
    if (staged)
        return { kind: 'staged' };
    const logOpts = logOptions(r.input('log-opts'));
    if (logOpts) {
        // gitleaks' --log-opts picks the commits itself: a range or another mode would contradict it
        if (range || base.trim() || r.input('head').trim() || (mode !== 'auto' && mode !== 'history'))
            throw new errors/* UserError */.yo('log-opts', 'log-opts picks the commits itself: give it alone (with --history or scan-mode history/auto), without range, base, head or another scan-mode');
        return { kind: 'log', logOpts };
    }
    if (history)
        mode = 'history';
    if (range) {
        const m = /^(.*?)\.\.(\.?)(.*)$/.exec(range);
        if (!m || !m[1] || m[2])
            throw new errors/* UserError */.yo('range', 'expected A..B (or A.. for A..HEAD)');
        base = m[1];
        head = m[3] || 'HEAD';
        mode = 'diff';
    }
    return { kind: 'plan', mode, base, head };
}
/** config, else GITLEAKS_CONFIG (a path), else GITLEAKS_CONFIG_TOML (the TOML itself). */
function readRules(r, workspace) {
    const given = r.input('config').trim() || r.env('GITLEAKS_CONFIG') || '';
    if (given) {
        const p = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(workspace, given);
        if (!(0,external_node_fs_.existsSync)(p))
            throw new errors/* UserError */.yo('config', `the config file ${given} does not exist`);
        return { configPath: p, from: given };
    }
    const inline = r.env('GITLEAKS_CONFIG_TOML');
    if (inline)
        return { configText: inline, from: 'GITLEAKS_CONFIG_TOML' };
    return undefined;
}
function readConfig(r) {
    const workspace = r.workspace();
    // gitleaks-action's environment (a drop-in keeps its env: block where the runner passes one on)
    const present = GITLEAKS_ACTION_ENV.filter((n) => (r.env(n) ?? '') !== '');
    const dropIn = r.dropInEnv && present.length > 0;
    if (dropIn)
        r.info(`gitleaks-action environment found (${present.join(', ')}): honoured; inputs win where both are set`);
    if (r.env('GITLEAKS_LICENSE'))
        r.info('GITLEAKS_LICENSE is set but not needed: pipeline-secrets needs no licence key (you can remove it, and fork pull requests work without it)');
    if (r.env('GITLEAKS_VERSION'))
        r.info('GITLEAKS_VERSION is set but not needed: the scanner is bundled, nothing is downloaded');
    const notifyRaw = r.input('notify').trim() || (r.env('GITLEAKS_NOTIFY_USER_LIST') ?? '').trim();
    const notify = notifyRaw ? parseNotify(notifyRaw) : [];
    if (notifyRaw && !notify.length)
        throw new errors/* UserError */.yo(r.input('notify').trim() ? 'notify' : 'GITLEAKS_NOTIFY_USER_LIST', 'expected GitHub user names (@octocat) or teams (@org/team), separated by commas');
    const token = r.input('github-token').trim() || (r.env('GITHUB_TOKEN') ?? '').trim();
    if (token)
        r.secret(token, 'github-token');
    const comment = pick(r, 'comment', 'GITLEAKS_ENABLE_COMMENTS', dropIn, true, false);
    const commentExplicit = r.input('comment').trim() !== '' && (0,parse/* parseBool */.q6)(r.input('comment'), 'comment', false);
    const summary = pick(r, 'summary', 'GITLEAKS_ENABLE_SUMMARY', dropIn, true, true);
    const uploadArtifact = pick(r, 'upload-artifact', 'GITLEAKS_ENABLE_UPLOAD_ARTIFACT', dropIn, true, false);
    const base = r.input('base').trim() || (r.env('BASE_REF') ?? '').trim();
    const failOnFindings = (0,parse/* parseBool */.q6)(r.input('fail-on-findings'), 'fail-on-findings', true);
    const redactRaw = r.input('redact').trim();
    const redactPercent = /^\d+$/.test(redactRaw) ? (0,parse/* parseIntIn */.yt)(redactRaw, 'redact', 100, 0, 100) : undefined;
    // a percentage keeps SARIF and GitLab fully redacted; the files are 0600 unless nothing of a secret remains
    const redact = redactPercent !== undefined ? true : (0,parse/* parseBool */.q6)(redactRaw, 'redact', true);
    const filesRedacted = redactPercent !== undefined ? redactPercent >= 100 : redact;
    const maxTargetMegabytes = (0,parse/* parseIntIn */.yt)(r.input('max-target-megabytes'), 'max-target-megabytes', 10, 0, 100000);
    const archive = archiveLimits(r, maxTargetMegabytes);
    const writeIgnore = (0,parse/* parseBool */.q6)(r.input('write-ignore'), 'write-ignore', false);
    const pruneIgnores = (0,parse/* parseBool */.q6)(r.input('prune-ignores'), 'prune-ignores', false);
    const wantVerify = (0,parse/* parseBool */.q6)(r.input('verify'), 'verify', false);
    const failOn = parseFailOn(r.input('fail-on'), wantVerify);
    const uploadSarif = (0,parse/* parseBool */.q6)(r.input('upload-sarif'), 'upload-sarif', false);
    const formatInput = r.input('report-format').trim() || r.input('format').trim();
    const reportPath = r.input('report-path').trim() || r.input('report').trim();
    let formats = parseFormats(formatInput, r.input('report-format').trim() ? 'report-format' : 'format');
    if (!formats.length)
        formats = reportPath && reportPath !== '-' ? [formatFromPath(reportPath)] : [...r.reports.formats];
    const dir = (0,external_node_path_.resolve)(workspace, r.input('path').trim() || '.');
    if (!(0,external_node_fs_.existsSync)(dir))
        throw new errors/* UserError */.yo('path', `${r.input('path').trim()} does not exist`);
    const baselinePath = r.input('baseline').trim();
    const baseline = baselinePath ? Baseline.fromFile((0,external_node_path_.resolve)(workspace, baselinePath)) : undefined;
    const injected = (0,parse/* parseBool */.q6)(r.input('injected'), 'injected', false);
    const noRules = r.input('scan-mode').trim().toLowerCase() === 'none';
    if (noRules && !injected)
        throw new errors/* UserError */.yo('scan-mode', 'scan-mode: none runs no rule scan: it is for injected: true alone');
    const source = readSource(r, base);
    const rules = readRules(r, workspace);
    const maxDecodeDepth = (0,parse/* parseIntIn */.yt)(r.input('max-decode-depth'), 'max-decode-depth', 5, 0, 16);
    const enableRules = (0,parse/* parseList */.E1)(r.input('enable-rule'));
    const ignoreGitleaksAllow = (0,parse/* parseBool */.q6)(r.input('ignore-gitleaks-allow'), 'ignore-gitleaks-allow', false);
    const verify = wantVerify
        ? { endpoints: parseEndpoints(r.input('verify-endpoints')), timeoutMs: (0,parse/* parseIntIn */.yt)(r.input('verify-timeout'), 'verify-timeout', 10, 1, 300) * 1000 }
        : undefined;
    return {
        workspace,
        dropIn,
        comment,
        commentExplicit,
        summary,
        uploadArtifact,
        notify,
        token,
        failOnFindings,
        redact,
        ...(redactPercent !== undefined ? { redactPercent } : {}),
        redactRaw,
        filesRedacted,
        maxTargetMegabytes,
        ...(archive ? { archive } : {}),
        writeIgnore,
        pruneIgnores,
        ...(verify ? { verify } : {}),
        failOn,
        uploadSarif,
        formats,
        reportPath,
        dir,
        pathDisplay: r.input('path').trim() || '.',
        ...(baseline ? { baseline } : {}),
        injected,
        noRules,
        source,
        ...(rules ? { rules } : {}),
        maxDecodeDepth,
        enableRules,
        ignoreGitleaksAllow,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/kernels/re2-class.ts
const MAX_CP = 0x10ffff;
const MAX_BMP = 0xffff;
const WORD = [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122],
];
const POSIX = {
    alnum: [
        [48, 57],
        [65, 90],
        [97, 122],
    ],
    alpha: [
        [65, 90],
        [97, 122],
    ],
    ascii: [[0, 127]],
    blank: [
        [9, 9],
        [32, 32],
    ],
    cntrl: [
        [0, 31],
        [127, 127],
    ],
    digit: [[48, 57]],
    graph: [[33, 126]],
    lower: [[97, 122]],
    print: [[32, 126]],
    punct: [
        [33, 47],
        [58, 64],
        [91, 96],
        [123, 126],
    ],
    space: [
        [9, 13],
        [32, 32],
    ],
    upper: [[65, 90]],
    word: WORD,
    xdigit: [
        [48, 57],
        [65, 70],
        [97, 102],
    ],
};
/** RE2's \d, \s (no \v) and \w: ASCII only. */
const PERL = {
    d: [[48, 57]],
    s: [
        [9, 10],
        [12, 13],
        [32, 32],
    ],
    w: WORD,
};
function normalize(ranges) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const [lo, hi] of sorted) {
        const last = out[out.length - 1];
        if (last && lo <= last[1] + 1)
            last[1] = Math.max(last[1], hi);
        else
            out.push([lo, hi]);
    }
    return out;
}
function negate(ranges, max) {
    const out = [];
    let next = 0;
    for (const [lo, hi] of normalize(ranges)) {
        if (lo > next)
            out.push([next, Math.min(lo - 1, max)]);
        next = hi + 1;
    }
    if (next <= max)
        out.push([next, max]);
    return out.filter(([lo, hi]) => lo <= hi && lo <= max);
}
function contains(ranges, cp) {
    return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
}
function hasLetters(ranges) {
    return ranges.some(([lo, hi]) => (lo <= 122 && hi >= 65) || (hi > 127 && foldsOf(Math.max(lo, 128)).length > 0));
}
/** The other-case forms of one code point (RE2 folds k/K/KELVIN SIGN and s/S/LONG S too). */
function foldsOf(cp) {
    const ch = String.fromCodePoint(cp);
    const out = new Set();
    for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
        const c = v.codePointAt(0);
        if (c !== undefined && String.fromCodePoint(c) === v && c !== cp)
            out.add(c);
    }
    if (cp === 0x6b || cp === 0x4b)
        out.add(0x212a);
    if (cp === 0x212a) {
        out.add(0x6b);
        out.add(0x4b);
    }
    if (cp === 0x73 || cp === 0x53)
        out.add(0x17f);
    if (cp === 0x17f) {
        out.add(0x73);
        out.add(0x53);
    }
    return [...out];
}
/** Adds the case variants of every letter in the set (ASCII by range, others per code point). */
function foldRanges(ranges) {
    const out = [...ranges];
    for (const [lo, hi] of ranges) {
        const uLo = Math.max(lo, 65), uHi = Math.min(hi, 90);
        if (uLo <= uHi)
            out.push([uLo + 32, uHi + 32]);
        const lLo = Math.max(lo, 97), lHi = Math.min(hi, 122);
        if (lLo <= lHi)
            out.push([lLo - 32, lHi - 32]);
        for (const c of [0x6b, 0x73, 0x4b, 0x53])
            if (lo <= c && c <= hi)
                for (const f of foldsOf(c))
                    out.push([f, f]);
        const start = Math.max(lo, 128);
        if (hi >= start && hi - start < 2048) {
            for (let c = start; c <= hi; c++)
                for (const f of foldsOf(c))
                    out.push([f, f]);
        }
    }
    return normalize(out);
}
const CLASS_SPECIAL = new Set([0x5c, 0x5d, 0x5b, 0x5e, 0x2d]);
/** One code point as it may appear inside a JavaScript class (valid with and without u). */
function classChar(cp) {
    if (CLASS_SPECIAL.has(cp))
        return '\\' + String.fromCharCode(cp);
    return plainChar(cp);
}
/** One code point outside a class, escaped where JavaScript gives it a meaning. */
function literalChar(cp) {
    if (cp === 0x2d)
        return '-';
    if (cp < 128 && '\\^$.|?*+()[]{}/'.includes(String.fromCharCode(cp)))
        return '\\' + String.fromCharCode(cp);
    return plainChar(cp);
}
function plainChar(cp) {
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))
        return String.fromCharCode(cp);
    if (cp >= 0x20 && cp < 0x7f && !'\\^$.|?*+()[]{}/-'.includes(String.fromCharCode(cp)))
        return String.fromCharCode(cp);
    if (cp < 0x100)
        return '\\x' + cp.toString(16).padStart(2, '0');
    if (cp <= MAX_BMP)
        return '\\u' + cp.toString(16).padStart(4, '0');
    return `\\u{${cp.toString(16)}}`;
}
/** Emits a JavaScript class; `extra` holds verbatim items such as \p{L}. */
function emitClass(ranges, negated, extra) {
    let body = '';
    for (const [lo, hi] of normalize(ranges)) {
        if (lo === hi)
            body += classChar(lo);
        else if (hi === lo + 1)
            body += classChar(lo) + classChar(hi);
        else
            body += `${classChar(lo)}-${classChar(hi)}`;
    }
    body += extra.join('');
    if (!body)
        return negated ? '[\\s\\S]' : '[]';
    return `[${negated ? '^' : ''}${body}]`;
}

;// CONCATENATED MODULE: ./src/kernels/re2.ts
/**
 * Go RE2 syntax -> JavaScript RegExp source with the same meaning.
 *
 * Handled: (?flags) at the start and mid-pattern (scoped to the enclosing group, as RE2 does),
 * (?flags:...) groups, i/m/s/U flags, \A \z, POSIX classes, \Q...\E, (?P<name>...), \pL and
 * \p{Greek}, \x{...}, octal, RE2's ASCII \s, '.' that matches \r, '{' read literally where it is
 * no repetition. Case-insensitive parts of a pattern whose case sensitivity changes midway become
 * explicit case classes (Node 20 has no scoped modifiers). Constructs RE2 rejects (lookaround,
 * backreferences, possessive or nested repetition) throw Re2Error, which callers turn into a
 * UserError naming the rule.
 */

class Re2Error extends Error {
    name = 'Re2Error';
}
const CATEGORIES = new Set('L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '));
const REPEAT = /\{(\d+)(?:(,)(\d*))?\}/y;
const MAX_REPEAT = 1000;
class Parser {
    re;
    expand;
    unicode;
    pos = 0;
    groups = 0;
    catastrophic = false;
    spansLines = false;
    needU = false;
    ciLetters = 0;
    csLetters = 0;
    constructor(re, expand, unicode) {
        this.re = re;
        this.expand = expand;
        this.unicode = unicode;
    }
    fail(msg) {
        throw new Re2Error(`${msg} at offset ${this.pos}`);
    }
    parse() {
        const p = this.alternation({ i: false, m: false, s: false, U: false });
        if (this.pos < this.re.length)
            this.fail('unexpected )');
        return p.src;
    }
    alternation(flags) {
        const branches = [this.sequence(flags)];
        while (this.re[this.pos] === '|') {
            this.pos++;
            branches.push(this.sequence(flags));
        }
        if (branches.length === 1 && branches[0])
            return branches[0];
        return {
            src: branches.map((b) => b.src).join('|'),
            nl: branches.some((b) => b.nl),
            unb: branches.some((b) => b.unb),
            atom: false,
            risky: branches.some((b) => b.risky),
        };
    }
    sequence(flags) {
        const parts = [];
        while (this.pos < this.re.length) {
            const c = this.re[this.pos];
            if (c === '|' || c === ')')
                break;
            const atom = this.atom(flags, parts);
            if (atom === null) {
                if (this.isQuantifier())
                    this.fail('missing argument to repetition operator');
                continue;
            }
            parts.push(this.quantified(atom, flags));
        }
        const risky = parts.length > 0 && parts.every((p) => p.quant) && parts.some((p) => p.unb);
        return {
            src: parts.map((p) => p.src).join(''),
            nl: parts.some((p) => p.nl),
            unb: parts.some((p) => p.unb),
            atom: parts.length === 1 && !!parts[0]?.atom,
            risky,
        };
    }
    isQuantifier() {
        const c = this.re[this.pos];
        if (c === '*' || c === '+' || c === '?')
            return true;
        if (c !== '{')
            return false;
        REPEAT.lastIndex = this.pos;
        return REPEAT.test(this.re);
    }
    quantified(atom, flags) {
        if (!this.isQuantifier())
            return atom;
        const c = this.re[this.pos] ?? '';
        let min = 0, max = Infinity, q = c;
        if (c === '{') {
            REPEAT.lastIndex = this.pos;
            const m = REPEAT.exec(this.re);
            if (!m)
                this.fail('bad repetition');
            min = Number(m[1]);
            max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
            if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT) || max < min)
                this.fail('invalid repeat count');
            q = m[0];
            this.pos += m[0].length;
        }
        else {
            this.pos++;
            if (c === '+')
                min = 1;
            if (c === '?')
                max = 1;
        }
        let lazy = false;
        if (this.re[this.pos] === '?') {
            lazy = true;
            this.pos++;
        }
        if (flags.U)
            lazy = !lazy;
        if (this.isQuantifier())
            this.fail(this.re[this.pos] === '+' ? 'possessive quantifiers are not supported (RE2 rejects them too)' : 'invalid nested repetition operator');
        const wide = max === Infinity || max > 16;
        if (atom.risky && wide)
            this.catastrophic = true;
        if (atom.nl && wide)
            this.spansLines = true;
        const base = atom.atom ? atom.src : `(?:${atom.src})`;
        return { src: base + q + (lazy ? '?' : ''), nl: atom.nl, unb: atom.unb || max === Infinity, atom: false, quant: true };
    }
    atom(flags, parts) {
        const c = this.re[this.pos] ?? '';
        switch (c) {
            case '(':
                return this.group(flags);
            case '[':
                return this.charClass(flags);
            case '.':
                this.pos++;
                return flags.s ? { src: '[\\s\\S]', nl: true, unb: false, atom: true } : { src: '[^\\n]', nl: false, unb: false, atom: true };
            case '^':
                this.pos++;
                return { src: flags.m ? '(?:^|(?<=\\n))' : '^', nl: false, unb: false, atom: false };
            case '$':
                this.pos++;
                return { src: flags.m ? '(?:$|(?=\\n))' : '$', nl: false, unb: false, atom: false };
            case '\\':
                return this.escape(flags, parts);
            case '*':
            case '+':
            case '?':
                return this.fail('missing argument to repetition operator');
            default: {
                if (c === '{' && this.isQuantifier())
                    this.fail('missing argument to repetition operator');
                const cp = this.re.codePointAt(this.pos) ?? 0;
                this.pos += cp > MAX_BMP ? 2 : 1;
                return this.literal(cp, flags);
            }
        }
    }
    literal(cp, flags) {
        if (cp > MAX_BMP)
            this.needU = true;
        const folds = foldsOf(cp);
        if (folds.length === 0)
            return { src: literalChar(cp), nl: cp === 10, unb: false, atom: true };
        if (!flags.i) {
            this.csLetters++;
            return { src: literalChar(cp), nl: false, unb: false, atom: true };
        }
        this.ciLetters++;
        if (!this.expand)
            return { src: literalChar(cp), nl: false, unb: false, atom: true };
        if (folds.some((f) => f > MAX_BMP))
            this.needU = true;
        return { src: emitClass([[cp, cp], ...folds.map((f) => [f, f])], false, []), nl: false, unb: false, atom: true };
    }
    group(flags) {
        const re = this.re;
        this.pos++;
        if (re[this.pos] !== '?')
            return this.capture(flags);
        const rest = re.slice(this.pos + 1);
        const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
        if (named) {
            this.pos += 1 + named[0].length;
            return this.capture(flags);
        }
        if (/^P?</.test(rest) && !/^<[=!]/.test(rest))
            this.fail('invalid named capture');
        const fl = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
        if (!fl || (fl[2] === '' && fl[1] === '') || fl[0] === ')') {
            this.fail('lookaround, atomic groups, backreferences and other (? forms are not RE2 syntax');
        }
        const inner = { ...flags };
        for (const f of fl[1] ?? '')
            inner[f] = true;
        for (const f of fl[2] ?? '')
            inner[f] = false;
        this.pos += 1 + fl[0].length;
        if (fl[3] === ')') {
            Object.assign(flags, inner);
            return null;
        }
        const body = this.alternation(inner);
        this.close();
        return { src: `(?:${body.src})`, nl: body.nl, unb: body.unb, atom: true, risky: !!body.risky };
    }
    capture(flags) {
        this.groups++;
        const body = this.alternation({ ...flags });
        this.close();
        return { src: `(${body.src})`, nl: body.nl, unb: body.unb, atom: true, risky: !!body.risky };
    }
    close() {
        if (this.re[this.pos] !== ')')
            this.fail('missing closing )');
        this.pos++;
    }
    escape(flags, parts) {
        const c = this.re[this.pos + 1];
        if (c === undefined)
            this.fail('trailing backslash at end of expression');
        const simple = {
            A: { src: '^', nl: false, unb: false, atom: false },
            z: { src: '$', nl: false, unb: false, atom: false },
            b: { src: '\\b', nl: false, unb: false, atom: false },
            B: { src: '\\B', nl: false, unb: false, atom: false },
            d: { src: '\\d', nl: false, unb: false, atom: true },
            D: { src: '\\D', nl: true, unb: false, atom: true },
            w: { src: '\\w', nl: false, unb: false, atom: true },
            W: { src: '\\W', nl: true, unb: false, atom: true },
            s: { src: '[\\t\\n\\f\\r ]', nl: true, unb: false, atom: true },
            S: { src: '[^\\t\\n\\f\\r ]', nl: false, unb: false, atom: true },
        };
        const hit = simple[c];
        if (hit) {
            this.pos += 2;
            return hit;
        }
        if (c === 'p' || c === 'P') {
            const tok = this.property();
            this.countPropertyCase(flags);
            return { src: tok, nl: tok.startsWith('\\P') || tok === '[\\s\\S]', unb: false, atom: true };
        }
        if (c === 'Q') {
            const end = this.re.indexOf('\\E', this.pos + 2);
            const text = this.re.slice(this.pos + 2, end < 0 ? undefined : end);
            this.pos = end < 0 ? this.re.length : end + 2;
            const cps = [...text].map((ch) => ch.codePointAt(0) ?? 0);
            if (cps.length === 0)
                return null;
            for (const cp of cps.slice(0, -1))
                parts.push(this.literal(cp, flags));
            return this.literal(cps[cps.length - 1] ?? 0, flags);
        }
        return this.literal(this.escapedChar(), flags);
    }
    countPropertyCase(flags) {
        if (flags.i)
            this.ciLetters++;
        else
            this.csLetters++;
    }
    /** \pL, \p{Greek}, \PL, \p{^Greek} at pos -> a JavaScript property escape (needs the u flag). */
    property() {
        const neg0 = this.re[this.pos + 1] === 'P';
        let name;
        if (this.re[this.pos + 2] === '{') {
            const end = this.re.indexOf('}', this.pos + 3);
            if (end < 0)
                this.fail('invalid character class range');
            name = this.re.slice(this.pos + 3, end);
            this.pos = end + 1;
        }
        else {
            name = this.re[this.pos + 2] ?? '';
            this.pos += 3;
        }
        let neg = neg0;
        if (name.startsWith('^')) {
            neg = !neg;
            name = name.slice(1);
        }
        if (name === 'Any')
            return neg ? '[]' : '[\\s\\S]';
        const body = CATEGORIES.has(name) ? name : `Script=${name}`;
        try {
            new RegExp(`\\p{${body}}`, 'u');
        }
        catch {
            this.fail(`invalid character class range \\p{${name}}`);
        }
        this.needU = true;
        return `\\${neg ? 'P' : 'p'}{${body}}`;
    }
    /** A single escaped character at pos (the backslash); advances past it. */
    escapedChar() {
        const re = this.re;
        const c = re[this.pos + 1] ?? '';
        const codes = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
        const code = codes[c];
        if (code !== undefined) {
            this.pos += 2;
            return code;
        }
        if (c === 'x') {
            const braced = /^\{([0-9A-Fa-f]+)\}/.exec(re.slice(this.pos + 2));
            if (braced) {
                const cp = parseInt(braced[1] ?? '', 16);
                if (cp > MAX_CP)
                    this.fail('invalid escape sequence');
                this.pos += 2 + braced[0].length;
                return cp;
            }
            const two = /^[0-9A-Fa-f]{2}/.exec(re.slice(this.pos + 2));
            if (!two)
                this.fail('invalid escape sequence \\x');
            this.pos += 4;
            return parseInt(two[0], 16);
        }
        if (/[0-7]/.test(c)) {
            const oct = /^[0-7]{1,3}/.exec(re.slice(this.pos + 1))?.[0] ?? '';
            if (c !== '0' && oct.length === 1)
                this.fail('backreferences are not supported (RE2 rejects them)');
            this.pos += 1 + oct.length;
            return parseInt(oct, 8);
        }
        const cp = re.codePointAt(this.pos + 1) ?? 0;
        if (cp < 128 && !/[A-Za-z0-9]/.test(c)) {
            this.pos += 2;
            return cp;
        }
        this.fail(c === 'C' ? '\\C (any byte) is not supported' : `invalid escape sequence \\${c}`);
    }
    charClass(flags) {
        const re = this.re;
        this.pos++;
        let negated = false;
        if (re[this.pos] === '^') {
            negated = true;
            this.pos++;
        }
        const ranges = [];
        const extra = [];
        const max = this.unicode ? MAX_CP : MAX_BMP;
        let first = true;
        while (first || re[this.pos] !== ']') {
            if (this.pos >= re.length)
                this.fail('missing closing ]');
            first = false;
            if (re.startsWith('[:', this.pos)) {
                const m = /^\[:(\^?)([a-z]+):\]/.exec(re.slice(this.pos));
                const set = m ? POSIX[m[2] ?? ''] : undefined;
                if (!m || !set)
                    this.fail('invalid character class range');
                ranges.push(...(m[1] ? negate(set, max) : set));
                this.pos += m[0].length;
                continue;
            }
            if (re[this.pos] === '\\') {
                const c = re[this.pos + 1] ?? '';
                const perl = PERL[c.toLowerCase()];
                if (perl && 'dswDSW'.includes(c)) {
                    ranges.push(...(c === c.toUpperCase() ? negate(perl, max) : perl));
                    this.pos += 2;
                    continue;
                }
                if (c === 'p' || c === 'P') {
                    extra.push(this.property());
                    this.countPropertyCase(flags);
                    continue;
                }
            }
            const lo = this.classChar();
            let hi = lo;
            if (re[this.pos] === '-' && re[this.pos + 1] !== ']' && this.pos + 1 < re.length) {
                this.pos++;
                hi = this.classChar();
                if (hi < lo)
                    this.fail('invalid character class range');
            }
            ranges.push([lo, hi]);
        }
        this.pos++;
        if (ranges.some(([, hi]) => hi > MAX_BMP))
            this.needU = true;
        let set = ranges;
        if (hasLetters(ranges)) {
            if (flags.i) {
                this.ciLetters++;
                if (this.expand)
                    set = foldRanges(ranges);
            }
            else
                this.csLetters++;
        }
        if (set.some(([, hi]) => hi > MAX_BMP))
            this.needU = true;
        const nl = negated ? !contains(set, 10) : contains(set, 10);
        return { src: emitClass(set, negated, extra), nl, unb: false, atom: true };
    }
    classChar() {
        if (this.re[this.pos] === '\\')
            return this.escapedChar();
        const cp = this.re.codePointAt(this.pos) ?? 0;
        this.pos += cp > MAX_BMP ? 2 : 1;
        return cp;
    }
}
const cache = new Map();
/** Translates one RE2 pattern; throws Re2Error with RE2's reason. */
function translateRe2(pattern) {
    const hit = cache.get(pattern);
    if (hit)
        return hit;
    let p = new Parser(pattern, false, false);
    let source = p.parse();
    const mixed = p.ciLetters > 0 && p.csLetters > 0;
    if (mixed || p.needU) {
        p = new Parser(pattern, mixed, p.needU);
        source = p.parse();
        if (p.needU && !p.unicode) {
            p = new Parser(pattern, mixed, true);
            source = p.parse();
        }
    }
    const flags = (!mixed && p.ciLetters > 0 ? 'i' : '') + (p.unicode ? 'u' : '');
    try {
        new RegExp(source, flags);
    }
    catch (e) {
        throw new Re2Error(`cannot be expressed in JavaScript (${e.message.replace(/^Invalid regular expression: /, '').slice(0, 120)})`);
    }
    const out = { source, flags, groups: p.groups, catastrophic: p.catastrophic, spansLines: p.spansLines };
    cache.set(pattern, out);
    return out;
}
/** A compiled RegExp for an RE2 pattern, with extra JavaScript flags (g, d, y). */
function compileRe2(pattern, extraFlags = '') {
    const info = translateRe2(pattern);
    return { re: new RegExp(info.source, info.flags + extraFlags), info };
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./src/scanner/config/parse.ts
/**
 * gitleaks TOML -> ConfigSpec. Keys are matched case-insensitively, as gitleaks' viper does
 * (secretGroup, secretgroup and SecretGroup are one key); unknown keys are ignored, as there.
 * Every type error names the rule and the field; values never appear in messages.
 */


class ConfigError extends Error {
    name = 'ConfigError';
}
function get(o, key) {
    if (key in o)
        return o[key];
    const lower = key.toLowerCase();
    for (const k of Object.keys(o))
        if (k.toLowerCase() === lower)
            return o[k];
    return undefined;
}
function optString(o, key, where) {
    const v = get(o, key);
    if (v === undefined)
        return undefined;
    if (typeof v !== 'string')
        throw new ConfigError(`${where}: field "${key}": expected a string, got ${(0,json/* kind */.fM)(v)}`);
    return v;
}
function optNumber(o, key, where, integer) {
    const v = get(o, key);
    if (v === undefined)
        return undefined;
    const n = typeof v === 'bigint' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
        throw new ConfigError(`${where}: field "${key}": expected a number, got ${(0,json/* kind */.fM)(v)}`);
    if (integer && (!Number.isInteger(n) || n < 0))
        throw new ConfigError(`${where}: field "${key}": expected a whole number >= 0`);
    return n;
}
function optBool(o, key, where) {
    const v = get(o, key);
    if (v === undefined)
        return undefined;
    if (typeof v !== 'boolean')
        throw new ConfigError(`${where}: field "${key}": expected true or false, got ${(0,json/* kind */.fM)(v)}`);
    return v;
}
function strList(o, key, where) {
    const v = get(o, key);
    if (v === undefined)
        return [];
    if (!Array.isArray(v))
        throw new ConfigError(`${where}: field "${key}": expected a list of strings, got ${(0,json/* kind */.fM)(v)}`);
    return v.map((x, i) => {
        if (typeof x !== 'string')
            throw new ConfigError(`${where}: field "${key}[${i}]": expected a string, got ${(0,json/* kind */.fM)(x)}`);
        return x;
    });
}
function tables(o, key, where) {
    const v = get(o, key);
    if (v === undefined)
        return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((x, i) => {
        if (!(0,json/* isObject */.Gv)(x))
            throw new ConfigError(`${where}: "${key}[${i}]": expected a table, got ${(0,json/* kind */.fM)(x)}`);
        return x;
    });
}
function allowlist(o, where, global) {
    const cond = (optString(o, 'condition', where) ?? '').toUpperCase();
    let condition;
    if (cond === 'AND' || cond === '&&')
        condition = 'AND';
    else if (cond === '' || cond === 'OR' || cond === '||')
        condition = 'OR';
    else
        throw new ConfigError(`${where}: field "condition": unknown allowlist condition (expected AND or OR)`);
    const target = optString(o, 'regexTarget', where) ?? 'secret';
    if (!['', 'secret', 'match', 'line'].includes(target)) {
        throw new ConfigError(`${where}: field "regexTarget": unknown target (expected secret, match or line)`);
    }
    const spec = {
        description: optString(o, 'description', where) ?? '',
        condition,
        commits: strList(o, 'commits', where).map((c) => c.trim().toLowerCase()),
        paths: strList(o, 'paths', where),
        regexTarget: (target || 'secret'),
        regexes: strList(o, 'regexes', where),
        stopwords: strList(o, 'stopwords', where).map((s) => s.toLowerCase()),
        targetRules: global ? strList(o, 'targetRules', where) : [],
        where,
    };
    if (!spec.commits.length && !spec.paths.length && !spec.regexes.length && !spec.stopwords.length) {
        throw new ConfigError(`${where}: must contain at least one check for: commits, paths, regexes, or stopwords`);
    }
    return spec;
}
function allowlists(o, where, global) {
    const old = tables(o, 'allowlist', where);
    const lists = tables(o, 'allowlists', where);
    const oldName = global ? '[allowlist]' : '[rules.allowlist]';
    const newName = global ? '[[allowlists]]' : '[[rules.allowlists]]';
    if (old.length && lists.length)
        throw new ConfigError(`${where}: ${oldName} is deprecated, it cannot be used alongside ${newName}`);
    const name = old.length ? (global ? 'allowlist' : 'allowlist') : 'allowlists';
    return [...old, ...lists].map((a, i) => allowlist(a, `${where ? where + ' ' : ''}${name}[${i}]`, global));
}
function required(o, where) {
    return tables(o, 'required', where).map((r, i) => {
        const w = `${where} required[${i}]`;
        const id = optString(r, 'id', w) ?? '';
        if (!id.trim())
            throw new ConfigError(`${w}: field "id": rule ID is empty`);
        const spec = { id };
        const lines = optNumber(r, 'withinLines', w, true);
        const cols = optNumber(r, 'withinColumns', w, true);
        if (lines !== undefined)
            spec.withinLines = lines;
        if (cols !== undefined)
            spec.withinColumns = cols;
        return spec;
    });
}
function rule(o, index) {
    const rawId = get(o, 'id');
    const id = typeof rawId === 'string' ? rawId : '';
    const where = id ? `rule "${id}"` : `rules[${index}]`;
    if (rawId !== undefined && typeof rawId !== 'string')
        throw new ConfigError(`${where}: field "id": expected a string, got ${(0,json/* kind */.fM)(rawId)}`);
    const spec = {
        id,
        description: optString(o, 'description', where) ?? '',
        secretGroup: optNumber(o, 'secretGroup', where, true) ?? 0,
        entropy: optNumber(o, 'entropy', where, false) ?? 0,
        keywords: strList(o, 'keywords', where).map((k) => k.toLowerCase()),
        tags: strList(o, 'tags', where),
        allowlists: allowlists(o, where, false),
        required: required(o, where),
        skipReport: optBool(o, 'skipReport', where) ?? false,
    };
    const regex = optString(o, 'regex', where);
    const path = optString(o, 'path', where);
    if (regex)
        spec.regex = regex;
    if (path)
        spec.path = path;
    return spec;
}
/** Parses one config file's text; `source` names it in errors (a path or "the default config"). */
function parseConfig(text, source) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (e) {
        const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'unreadable';
        throw new ConfigError(`${source}: not valid TOML: ${msg}`);
    }
    try {
        const ext = get(doc, 'extend');
        if (ext !== undefined && !(0,json/* isObject */.Gv)(ext))
            throw new ConfigError(`[extend]: expected a table, got ${(0,json/* kind */.fM)(ext)}`);
        const e = ext ?? {};
        return {
            title: optString(doc, 'title', 'config') ?? '',
            description: optString(doc, 'description', 'config') ?? '',
            extend: {
                useDefault: optBool(e, 'useDefault', '[extend]') ?? false,
                path: optString(e, 'path', '[extend]') ?? '',
                url: optString(e, 'url', '[extend]') ?? '',
                disabledRules: strList(e, 'disabledRules', '[extend]'),
            },
            rules: tables(doc, 'rules', 'config').map((r, i) => rule(r, i)),
            allowlists: allowlists(doc, '', true),
        };
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw new ConfigError(`${source}: ${e.message}`);
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/scanner/config/allowlist.ts
/**
 * Compiled allowlists and gitleaks' two checks: commit/path before a rule runs on a fragment,
 * and regex/stopword (plus, with condition AND, everything set) for each candidate finding.
 */


function compileList(patterns, where, field) {
    return patterns.map((p, i) => {
        try {
            return compileRe2(p).re;
        }
        catch (e) {
            if (e instanceof Re2Error)
                throw new ConfigError(`${where}: field "${field}[${i}]": ${e.message}`);
            throw e;
        }
    });
}
function compileAllowlist(a, where) {
    const at = a.where ? `${where ? where + ' ' : ''}${a.where.replace(/^rule "[^"]*" /, '')}` : where;
    return {
        and: a.condition === 'AND',
        commits: new Set(a.commits),
        paths: compileList(a.paths, at, 'paths'),
        regexTarget: a.regexTarget,
        regexes: compileList(a.regexes, at, 'regexes'),
        stopwords: a.stopwords,
    };
}
function anyMatch(res, s) {
    if (s === '')
        return false;
    for (const re of res)
        if (re.test(s))
            return true;
    return false;
}
function commitAllowed(a, sha) {
    return sha !== '' && a.commits.has(sha.toLowerCase());
}
/** True when a fragment (its commit or path) is allowed before any rule runs on it. */
function commitOrPathAllowed(lists, path, sha) {
    if (path === '' && sha === '')
        return false;
    for (const a of lists) {
        const commit = commitAllowed(a, sha);
        const pathOk = anyMatch(a.paths, path);
        if (a.and) {
            if (a.regexes.length || a.stopwords.length)
                continue;
            const checks = [];
            if (a.commits.size)
                checks.push(commit);
            if (a.paths.length)
                checks.push(pathOk);
            if (checks.every(Boolean))
                return true;
        }
        else if (commit || pathOk)
            return true;
    }
    return false;
}
function containsStopword(a, secret) {
    if (secret === '' || a.stopwords.length === 0)
        return false;
    const s = secret.toLowerCase();
    return a.stopwords.some((w) => s.includes(w));
}
/** True when a candidate finding is allowed by one of the lists. */
function findingAllowed(lists, c) {
    for (const a of lists) {
        const target = a.regexTarget === 'match' ? c.match : a.regexTarget === 'line' ? c.line : c.secret;
        const regexOk = anyMatch(a.regexes, target);
        const stop = containsStopword(a, c.secret);
        if (a.and) {
            const checks = [];
            if (a.commits.size)
                checks.push(commitAllowed(a, c.sha));
            if (a.paths.length)
                checks.push(anyMatch(a.paths, c.path));
            if (a.regexes.length)
                checks.push(regexOk);
            if (a.stopwords.length)
                checks.push(stop);
            if (checks.every(Boolean))
                return true;
        }
        else if (regexOk || stop)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/scanner/config/compile.ts
/** RuleSpec -> CompiledRule: RE2 regexes translated, secretGroup checked, allowlists compiled. */



function regex(pattern, where, field, extra) {
    try {
        return compileRe2(pattern, extra);
    }
    catch (e) {
        if (e instanceof Re2Error)
            throw new ConfigError(`${where}: field "${field}": ${e.message}`);
        throw e;
    }
}
function compileRule(r, source) {
    const where = `${source}: rule "${r.id}"`;
    const main = r.regex ? regex(r.regex, where, 'regex', 'g') : null;
    const path = r.path ? regex(r.path, where, 'path', '').re : null;
    if (main && r.secretGroup > main.info.groups) {
        throw new ConfigError(`${where}: field "secretGroup": group ${r.secretGroup} does not exist, the regex has ${main.info.groups} capture group(s)`);
    }
    const allowlists = r.allowlists.map((a) => compileAllowlist(a, where));
    return {
        id: r.id,
        description: r.description,
        re: main ? main.re : null,
        path,
        secretGroup: r.secretGroup,
        entropy: r.entropy,
        keywords: [...new Set(r.keywords.map((k) => k.toLowerCase()))],
        tags: r.tags,
        allowlists,
        required: r.required,
        skipReport: r.skipReport,
        spansLines: main ? main.info.spansLines : false,
        disabledReason: main?.info.catastrophic
            ? `rule "${r.id}" not run: its regex nests unbounded repetition (like (a+)+), which can take exponential time in JavaScript; rewrite it`
            : '',
    };
}
function compileGlobalAllowlists(lists, source) {
    return lists.map((a) => compileAllowlist(a, source));
}

;// CONCATENATED MODULE: ./src/scanner/config/load.ts
/**
 * Resolves [extend] the way gitleaks 8.x does: useDefault or path (not both), at most two levels
 * deep, disabledRules dropped from the extended config, rules with the same id merged (the
 * extending config's description, entropy, secretGroup, regex and path win when set; tags,
 * keywords and allowlists are appended), global allowlists appended.
 */



const MAX_EXTEND_DEPTH = 2;
function readExtended(path, from) {
    const candidates = (0,external_node_path_.isAbsolute)(path) ? [path] : [...(from ? [(0,external_node_path_.resolve)((0,external_node_path_.dirname)(from), path)] : []), (0,external_node_path_.resolve)(path)];
    for (const c of candidates) {
        if ((0,external_node_fs_.existsSync)(c)) {
            try {
                return { text: (0,external_node_fs_.readFileSync)(c, 'utf8'), path: c };
            }
            catch {
                throw new ConfigError(`[extend] path "${path}": cannot be read`);
            }
        }
    }
    throw new ConfigError(`[extend] path "${path}": no such file${from ? ` (looked next to ${from} and in the working directory)` : ''}`);
}
function mergeRule(base, cur) {
    const out = {
        ...base,
        description: cur.description || base.description,
        entropy: cur.entropy || base.entropy,
        secretGroup: cur.secretGroup || base.secretGroup,
        tags: [...base.tags, ...cur.tags],
        keywords: [...base.keywords, ...cur.keywords],
        allowlists: [...base.allowlists, ...cur.allowlists],
        required: [...base.required, ...cur.required],
        skipReport: cur.skipReport || base.skipReport,
    };
    if (cur.regex)
        out.regex = cur.regex;
    if (cur.path)
        out.path = cur.path;
    return out;
}
function translate(spec, input, source, depth, warnings) {
    const rules = new Map();
    spec.rules.forEach((r, i) => {
        if (!r.id.trim())
            throw new ConfigError(`${source.name}: rules[${i}]: field "id": rule id is missing or empty`);
        rules.set(r.id, r);
    });
    const level = {
        rules,
        allowlists: spec.allowlists.filter((a) => a.targetRules.length === 0),
        targeted: spec.allowlists.filter((a) => a.targetRules.length > 0),
    };
    if (depth >= MAX_EXTEND_DEPTH)
        return level;
    const ext = spec.extend;
    if (ext.path && ext.useDefault)
        throw new ConfigError(`${source.name}: [extend]: path and useDefault cannot both be set`);
    if (ext.url)
        throw new ConfigError(`${source.name}: [extend] url is not supported: download the file and use [extend] path`);
    let base;
    let baseName = '';
    if (ext.useDefault) {
        baseName = 'the default config';
        base = translate(parseConfig(input.defaultText, baseName), input, { name: baseName }, depth + 1, warnings);
    }
    else if (ext.path) {
        const file = readExtended(ext.path, source.path);
        baseName = file.path;
        base = translate(parseConfig(file.text, file.path), input, { path: file.path, name: file.path }, depth + 1, warnings);
    }
    if (!base)
        return level;
    const disabled = new Set(ext.disabledRules);
    for (const id of disabled)
        if (!base.rules.has(id))
            warnings.push(`[extend] disabledRules: rule "${id}" is not in ${baseName}`);
    for (const [id, baseRule] of base.rules) {
        if (disabled.has(id))
            continue;
        const cur = rules.get(id);
        rules.set(id, cur ? mergeRule(baseRule, cur) : baseRule);
    }
    level.allowlists.push(...base.allowlists);
    level.targeted.push(...base.targeted);
    return level;
}
/** Loads a config with its extends; throws ConfigError naming the file, rule and field. */
function loadConfig(input) {
    const warnings = [];
    const name = input.path ?? 'config';
    const top = translate(parseConfig(input.text, name), input, { ...(input.path ? { path: input.path } : {}), name }, 0, warnings);
    for (const a of top.targeted) {
        for (const id of a.targetRules) {
            const r = top.rules.get(id);
            if (!r)
                throw new ConfigError(`${name}: ${a.where || '[[allowlists]]'}: field "targetRules": rule "${id}" does not exist`);
            top.rules.set(id, { ...r, allowlists: [...r.allowlists, a] });
        }
    }
    const rules = [...top.rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of rules) {
        if (!r.regex && !r.path)
            throw new ConfigError(`${name}: rule "${r.id}": both "regex" and "path" are empty, this rule would have no effect`);
        for (const q of r.required) {
            if (!top.rules.has(q.id))
                throw new ConfigError(`${name}: rule "${r.id}": required rule "${q.id}" does not exist`);
        }
    }
    return { rules, allowlists: top.allowlists, warnings };
}

;// CONCATENATED MODULE: ./src/kernels/simd/runs-wasm.ts
// Generated by scripts/wasm.mjs from runs.wat: do not edit.
const RUNS_WASM = 'AGFzbQEAAAABEAJgAn9/AX9gBX9/f39/AX8DAwIAAQUDAQABBgYBfwFBAAsHGQMGbWVtb3J5AgAFY2FycnkDAARydW5zAAEKhgQC' +
    'vgEBBH8gAUUEQEEBDwsgAEEBSARAQQEPCyAAQQFrLQAAQSVGBEBBAQ8LIAEgAC0AAGotAIACBEBBAQ8LIAEgAC0AAGosAAAhAiAB' +
    'IAAtAAFqLAAAIQMgASAALQACaiwAACEEIAEgAC0AA2osAAAhBSACIANyIAQgBXJyQQBIBEBBAA8LIAJBAnQgA0EEdnJBCWtB9gBJ' +
    'IANBD3FBBHQgBEECdnJBCWtB9gBJcSAEQQNxQQZ0IAVyQQlrQfYASXELwwICBX8Le0Eg/Q8hDEHhAP0PIQ1BGv0PIQ5BMP0PIQ9B' +
    'Cv0PIRBB3wD9DyERQSv9DyESQS39DyETQS/9DyEUAkADQCAFIABPDQEgBf0ABAAhCiAKIAz9UCAN/XEgDv0mIAogD/1xIBD9Jv1Q' +
    'IAogEf0jIAogEv0j/VAgCiAT/SMgCiAU/SP9UP1Q/VAhCyAL/WQhBiAGQf//A0YEQCACQRBqIQIFIAZB//8Dc2ghByACIAdqQRBP' +
    'BEAgBSACayAEEAAEQCABIAhBA3RqIQkgCSAFIAJrNgIAIAkgBSAHajYCBCAIQQFqIQgLCyAGQRB0QX9zZyECCyAFQRBqIQUMAAsL' +
    'IANBAEcgAkEQT3EEQCAAIAJrIAQQAARAIAEgCEEDdGohCSAJIAAgAms2AgAgCSAANgIEIAhBAWohCAsLIAIkACAICw==';

;// CONCATENATED MODULE: ./src/kernels/simd/runs.ts
/**
 * Long runs of base64/hex characters, found 16 bytes at a time by a WebAssembly SIMD kernel
 * (runs.wat): the decoder's first step, which otherwise reads the text one character at a time.
 * The text is written into the kernel's memory one byte per UTF-16 unit (latin1), in chunks;
 * a character above U+00FF may land on a run byte there, so the runs found are a superset that
 * the caller checks against the text itself (every real run lies inside one of them).
 * Without WebAssembly SIMD (or when it fails to load) longRuns returns null and the caller scans.
 */

/** text characters per chunk (a multiple of 16) */
const CHUNK = 1 << 22;
/** room for the pairs of one chunk: runs of 16 are at least 17 apart, 8 bytes each */
const OUT = CHUNK;
const OUT_BYTES = (Math.ceil(CHUNK / 17) + 2) * 8;
/** the filter's tables: base64 value of each byte (-1: none; + and - are 62, / and _ 63), then 1 for a hex digit */
const TBL = OUT + OUT_BYTES;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let kernel;
/** WebAssembly memory is little-endian; the pairs are read through an Int32Array (platform order) */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function load() {
    if (!LITTLE_ENDIAN)
        return null;
    try {
        const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(RUNS_WASM, 'base64')), {});
        const { memory, carry, runs } = instance.exports;
        if (!(memory instanceof WebAssembly.Memory) || !(carry instanceof WebAssembly.Global) || typeof runs !== 'function')
            return null;
        const need = Math.ceil((TBL + 512) / 65536);
        if (memory.buffer.byteLength < need * 65536)
            memory.grow(need - memory.buffer.byteLength / 65536);
        const call = runs;
        const view = Buffer.from(memory.buffer);
        view.fill(0xff, TBL, TBL + 256);
        for (let i = 0; i < 64; i++)
            view[TBL + B64.charCodeAt(i)] = i;
        view[TBL + 45] = 62;
        view[TBL + 95] = 63;
        view.fill(0, TBL + 256, TBL + 512);
        for (const c of '0123456789abcdefABCDEF')
            view[TBL + 256 + c.charCodeAt(0)] = 1;
        return { view, pairs: new Int32Array(memory.buffer, OUT, OUT_BYTES / 4), carry, runs: call };
    }
    catch {
        return null;
    }
}
/**
 * Every maximal run of 16 or more [A-Za-z0-9_/+-] characters of the text as [start0, end0,
 * start1, end1, ...], ascending; runs may hold characters above U+00FF (see above). With
 * `onlyCandidates` (for a text of one-byte characters only) just the runs that could hold a
 * hex or base64 match (runs.wat says which). Null: no WebAssembly SIMD here. For a text of one
 * chunk the answer is a view of the kernel's memory, valid until the next call.
 */
function longRuns(text, onlyCandidates = false) {
    if (kernel === undefined)
        kernel = load();
    const k = kernel;
    if (!k)
        return null;
    if (text.length <= CHUNK) {
        const padded = (text.length + 15) & ~15;
        k.view.write(text, 0, text.length, 'latin1');
        if (padded > text.length)
            k.view.fill(0, text.length, padded);
        return k.pairs.subarray(0, 2 * k.runs(padded, OUT, 0, 1, onlyCandidates ? TBL : 0));
    }
    const out = [];
    let cur = 0;
    for (let base = 0; base < text.length; base += CHUNK) {
        const len = Math.min(CHUNK, text.length - base);
        const padded = (len + 15) & ~15;
        k.view.write(base === 0 && len === text.length ? text : text.slice(base, base + len), 0, len, 'latin1');
        if (padded > len)
            k.view.fill(0, len, padded);
        const last = base + len >= text.length;
        const n = k.runs(padded, OUT, cur, last ? 1 : 0, onlyCandidates ? TBL : 0);
        cur = k.carry.value;
        const pairs = k.pairs;
        for (let i = 0; i < 2 * n; i++)
            out.push(pairs[i] + base);
    }
    return Int32Array.from(out);
}

;// CONCATENATED MODULE: ./src/kernels/decode.ts
/**
 * Decoding of encoded segments, as gitleaks 8.x does it (max-decode-depth): percent, hex and
 * base64 segments of a text are decoded in place, pass after pass; rules then run on the decoded
 * text and a finding counts only where it touches a decoded segment. Each segment remembers its
 * span in the original text, so a finding is placed on the encoded span and tagged
 * `decoded:<kind>` and `decode-depth:<pass>`.
 *
 * The segment grammar is gitleaks' leftmost-first alternation
 *   (%[0-9A-Fa-f]{2})+  |  [0-9A-Fa-f]{32,}  |  [\w/+-]{16,}={0,3}
 * found without a regular expression: percent runs by indexOf('%'); every other match lies in a
 * run of at least 16 [\w/+-] characters. A WebAssembly SIMD kernel finds those runs 16
 * characters at a time (simd/runs.ts); where it does not load, the scan looks at every 16th
 * character, as a run of 16 always covers one (~5x faster than the regex, which retries inside
 * every shorter word, and ~3x slower than the kernel). A segment is kept when it decodes to
 * printable ASCII (tab to ~); base64 needs one of 0-9+/-_ and hex a digit (gitleaks' cheap tests),
 * and decoding stops at the first unprintable byte.
 */

const PERCENT = 1;
const HEX = 2;
const BASE64 = 4;
const NAMES = [
    [PERCENT, 'percent'],
    [HEX, 'hex'],
    [BASE64, 'base64'],
];
/** a touching neighbour of higher precedence is decoded first (gitleaks: percent > hex > base64) */
const PRECEDENCE = new Uint8Array([0, 3, 2, 0, 1]);
/** Character classes: 1 = [\w/+-] (a run character), 2 = also likely in base64 (0-9 + / - _), 4 = hex digit, 8 = decimal digit. */
const CLS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    let v = 0;
    if (/[A-Za-z0-9_/+-]/.test(ch))
        v |= 1;
    if (/[0-9+/_-]/.test(ch))
        v |= 2;
    if (/[0-9A-Fa-f]/.test(ch))
        v |= 4;
    if (/[0-9]/.test(ch))
        v |= 8;
    CLS[c] = v;
}
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STD_VAL = new Int8Array(128).fill(-1);
const URL_VAL = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
    STD_VAL[STD.charCodeAt(i)] = i;
    URL_VAL[decode_URL.charCodeAt(i)] = i;
}
const HEXV = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
    HEXV['0123456789abcdef'.charCodeAt(i)] = i;
    HEXV['0123456789ABCDEF'.charCodeAt(i)] = i;
}
function cls(text, i) {
    return CLS[text.charCodeAt(i)] ?? 0;
}
function printable(b) {
    return b >= 0x09 && b <= 0x7e;
}
/** Matches of one pass, in reusable buffers (a pass is synchronous): start, end, kind. */
let MS = new Int32Array(1024);
let ME = new Int32Array(1024);
let MK = new Uint8Array(1024);
let count = 0;
function add(start, end, kind) {
    if (count === MS.length) {
        const grow = (a, b) => {
            b.set(a);
            return b;
        };
        MS = grow(MS, new Int32Array(count * 2));
        ME = grow(ME, new Int32Array(count * 2));
        MK = grow(MK, new Uint8Array(count * 2));
    }
    MS[count] = start;
    ME[count] = end;
    MK[count] = kind;
    count++;
}
/** Base64 values with + and - as 62, / and _ as 63: the first group decodes alike in both alphabets. */
const B64_ANY = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
    B64_ANY[STD.charCodeAt(i)] = i;
B64_ANY[45] = 62;
B64_ANY[95] = 63;
/** The first four characters at s decode to three printable bytes. */
function printableGroup(t, s) {
    const a = B64_ANY[t.charCodeAt(s)] ?? -1, b = B64_ANY[t.charCodeAt(s + 1)] ?? -1;
    const c = B64_ANY[t.charCodeAt(s + 2)] ?? -1, d = B64_ANY[t.charCodeAt(s + 3)] ?? -1;
    if ((a | b | c | d) < 0)
        return false;
    return printable((a << 2) | (b >> 4)) && printable(((b & 15) << 4) | (c >> 2)) && printable(((c & 3) << 6) | d);
}
/** Percent runs (%XX)+ of a text: [start0, end0, start1, end1, ...]. */
function percentRuns(text) {
    const out = [];
    const n = text.length;
    for (let i = text.indexOf('%'); i >= 0 && i + 2 < n;) {
        let j = i;
        while (text.charCodeAt(j) === 37 && (CLS[text.charCodeAt(j + 1)] ?? 0) & 4 && (CLS[text.charCodeAt(j + 2)] ?? 0) & 4)
            j += 3;
        if (j > i) {
            out.push(i, j);
            i = text.indexOf('%', j);
        }
        else
            i = text.indexOf('%', i + 1);
    }
    return out;
}
/** Below this length the character scan costs less than handing the text to the kernel. */
const SIMD_MIN = 256;
/** a character the kernel does not see as itself (V8 answers at once for a one-byte string) */
const WIDE = /[^\x00-\xff]/;
/**
 * gitleaks' encoded-segment matches, in order, into MS/ME/MK; returns how many. `simd`: find the
 * runs with the WebAssembly kernel where it loads (false: the character scan, for tests).
 */
function findMatches(text, simd = true) {
    count = 0;
    const pct = text.includes('%') ? percentRuns(text) : [];
    const k = { i: 0 };
    const n = text.length;
    const table = CLS;
    // one-byte characters only: the kernel's runs are the text's, and it drops those that cannot match
    const narrow = simd && n >= SIMD_MIN && !WIDE.test(text);
    const runs = simd && n >= SIMD_MIN ? longRuns(text, narrow) : null;
    if (runs && narrow) {
        for (let r = 0; r < runs.length; r += 2)
            onRun(text, runs[r], runs[r + 1], -1, pct, k);
    }
    else if (runs) {
        // each run as the text has it: a character above U+00FF that the kernel saw as a run byte splits it
        for (let r = 0; r < runs.length; r += 2) {
            const e = runs[r + 1];
            let start = runs[r];
            let or = 0;
            for (let j = start; j <= e; j++) {
                const c = j < e ? table[text.charCodeAt(j)] : 0;
                if (c & 1) {
                    or |= c;
                    continue;
                }
                if (j - start >= 16)
                    onRun(text, start, j, or, pct, k);
                start = j + 1;
                or = 0;
            }
        }
    }
    else {
        // runs of [\w/+-]: every run of 16 or more covers a position 16k+15
        for (let i = 15; i < n; i += 16) {
            let c = table[text.charCodeAt(i)];
            if ((c & 1) === 0)
                continue;
            let or = c;
            let s = i;
            while (s > 0 && (c = table[text.charCodeAt(s - 1)]) & 1) {
                or |= c;
                s--;
            }
            let e = i + 1;
            while (e < n && (c = table[text.charCodeAt(e)]) & 1) {
                or |= c;
                e++;
            }
            i = e - 1 > i ? e - 1 : i;
            if (e - s >= 16)
                onRun(text, s, e, or, pct, k);
        }
    }
    while (k.i < pct.length) {
        add(pct[k.i], pct[k.i + 1], PERCENT);
        k.i += 2;
    }
    return count;
}
/** The run [s, e) holds one of 0-9+/-_ (class bit 2); `or`: its characters' classes, or -1 when not known yet. */
function likely(text, s, e, or) {
    if (or >= 0)
        return (or & 2) !== 0;
    for (let j = s; j < e; j++)
        if (CLS[text.charCodeAt(j)] & 2)
            return true;
    return false;
}
/** The hex and base64 matches of one maximal run [s, e) of 16 or more run characters (`or`: their classes, or -1). */
function onRun(text, s, e, or, pct, k) {
    const table = CLS;
    const n = text.length;
    // a percent escape just before the run took its first two characters
    if (s > 0 && text.charCodeAt(s - 1) === 37 && table[text.charCodeAt(s)] & 4 && table[text.charCodeAt(s + 1)] & 4)
        s += 2;
    while (k.i < pct.length && pct[k.i] < s) {
        add(pct[k.i], pct[k.i + 1], PERCENT);
        k.i += 2;
    }
    while (e - s >= 16) {
        let h = s;
        while (h < e && table[text.charCodeAt(h)] & 4)
            h++;
        if (h - s >= 32) {
            add(s, h, HEX);
            s = h;
            or = -1;
            continue;
        }
        let end = e;
        while (end < n && end - e < 3 && text.charCodeAt(end) === 61)
            end++;
        // not decodable (no 0-9+/-_, as gitleaks requires, or a first group that is not printable
        // ASCII in either alphabet): as the lowest precedence it delays no neighbour, so drop it here
        if (printableGroup(text, s) && likely(text, s, e, or))
            add(s, end, BASE64);
        break;
    }
}
/** gitleaks' encoded-segment matches (for tests). */
function encodedMatches(text, simd = true) {
    const n = findMatches(text, simd);
    const out = [];
    for (let i = 0; i < n; i++)
        out.push({ start: MS[i] ?? 0, end: ME[i] ?? 0, kind: MK[i] ?? 0 });
    return out;
}
function percentAt(t, s, e) {
    let out = '';
    for (let i = s; i + 2 < e; i += 3) {
        const b = ((HEXV[t.charCodeAt(i + 1)] ?? 0) << 4) | (HEXV[t.charCodeAt(i + 2)] ?? 0);
        if (!printable(b))
            return '';
        out += String.fromCharCode(b);
    }
    return out;
}
function hexAt(t, s, e) {
    if ((e - s) % 2 !== 0)
        return '';
    let digit = false;
    for (let i = s; i < e && !digit; i++)
        digit = (cls(t, i) & 8) !== 0;
    if (!digit)
        return '';
    let out = '';
    for (let i = s; i < e; i += 2) {
        const b = ((HEXV[t.charCodeAt(i)] ?? 0) << 4) | (HEXV[t.charCodeAt(i + 1)] ?? 0);
        if (!printable(b))
            return '';
        out += String.fromCharCode(b);
    }
    return out;
}
/** Base64 (standard with padding, or raw URL-safe) of printable ASCII, else '' (findMatches checked the likely characters). */
function base64At(t, s, e) {
    return b64(t, s, e, STD_VAL, true) ?? b64(t, s, e, URL_VAL, false) ?? '';
}
function b64(t, s, e, table, padded) {
    let body = e;
    while (body > s && t.charCodeAt(body - 1) === 61)
        body--;
    if (padded) {
        if ((e - s) % 4 !== 0 || e - body > 2)
            return null;
    }
    else if (body !== e || (e - s) % 4 === 1)
        return null;
    let out = '';
    let acc = 0, bits = 0;
    for (let i = s; i < body; i++) {
        const x = table[t.charCodeAt(i)] ?? -1;
        if (x < 0)
            return null;
        acc = ((acc << 6) | x) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            const b = (acc >> bits) & 0xff;
            if (!printable(b))
                return null;
            out += String.fromCharCode(b);
        }
    }
    return out;
}
function decodeAt(t, s, e, kind) {
    return kind === PERCENT ? percentAt(t, s, e) : kind === HEX ? hexAt(t, s, e) : base64At(t, s, e);
}
/** Per fragment: decodes pass after pass, remembering decoded values (as gitleaks' decodedMap). */
class Decoder {
    cache = new Map();
    /** The next pass over `prev` (the original text is a pass of depth 0), or null when nothing decodes. */
    next(prev) {
        const data = prev.text;
        const n = findMatches(data);
        if (n === 0)
            return null;
        const segments = [];
        const parts = [];
        let from = 0;
        let shift = 0;
        for (let i = 0; i < n; i++) {
            if (skip(i, n))
                continue;
            const ms = MS[i] ?? 0, me = ME[i] ?? 0, kind = MK[i] ?? 0;
            let dec;
            if (prev.depth === 0)
                dec = decodeAt(data, ms, me, kind);
            else {
                // later passes see the undecodable matches again: remember them
                const enc = data.slice(ms, me);
                const hit = this.cache.get(enc);
                dec = hit ?? decodeAt(data, ms, me, kind);
                if (hit === undefined)
                    this.cache.set(enc, dec);
            }
            if (dec === '')
                continue;
            const seg = { encStart: ms, encEnd: me, decStart: ms + shift, decEnd: ms + shift + dec.length, origStart: ms, origEnd: me, kinds: kind };
            if (prev.prev) {
                const o = toOriginal(prev, ms, me);
                seg.origStart = o[0];
                seg.origEnd = o[1];
                for (const p of prev.segments)
                    if (overlaps(p.decStart, p.decEnd, ms, me))
                        seg.kinds |= p.kinds;
            }
            shift += dec.length - (me - ms);
            parts.push(data.slice(from, ms), dec);
            from = me;
            segments.push(seg);
        }
        if (segments.length === 0)
            return null;
        parts.push(data.slice(from));
        return { text: parts.join(''), segments, depth: prev.depth + 1, prev };
    }
}
/** A touching neighbour of higher precedence is decoded first; this one waits for the next pass. */
function skip(i, n) {
    const mine = PRECEDENCE[MK[i] ?? 0] ?? 0;
    if (i > 0 && ME[i - 1] === MS[i] && (PRECEDENCE[MK[i - 1] ?? 0] ?? 0) > mine)
        return true;
    if (i + 1 < n && ME[i] === MS[i + 1] && (PRECEDENCE[MK[i + 1] ?? 0] ?? 0) > mine)
        return true;
    return false;
}
/** gitleaks' inclusive overlap: touching spans overlap. */
function overlaps(s1, e1, s2, e2) {
    return s2 <= e1 && e2 >= s1;
}
/** A span of a pass's text mapped to the original text (segments map to their whole encoded span). */
function toOriginal(pass, start, end) {
    if (!pass.prev)
        return [start, end];
    let lo = Infinity, hi = -Infinity;
    for (const s of pass.segments) {
        if (s.decStart > end)
            break;
        if (overlaps(s.decStart, s.decEnd, start, end)) {
            lo = Math.min(lo, s.origStart);
            hi = Math.max(hi, s.origEnd);
        }
    }
    const a = toPrev(pass, start, false);
    const b = toPrev(pass, end, true);
    const [pa, pb] = toOriginal(pass.prev, Math.min(a, b), Math.max(a, b));
    return [Math.min(lo, pa), Math.max(hi, pb)];
}
/** A position of a pass's text in the previous pass's text (inside a segment: its encoded start or end). */
function toPrev(pass, x, isEnd) {
    let shift = 0;
    for (const s of pass.segments) {
        if (x < s.decStart || (isEnd && x === s.decStart))
            break;
        if (x < s.decEnd || (isEnd && x === s.decEnd))
            return isEnd ? s.encEnd : s.encStart;
        shift = s.decEnd - s.encEnd;
    }
    return x - shift;
}
/** The segments of a pass that a span of its text touches. */
function touching(pass, start, end) {
    const out = [];
    for (const s of pass.segments) {
        if (s.decStart > end)
            break;
        if (overlaps(s.decStart, s.decEnd, start, end))
            out.push(s);
    }
    return out;
}
/** gitleaks' tags for a finding in decoded text: decoded:<kind>... and decode-depth:<pass>. */
function decodeTags(segments, depth) {
    let kinds = 0;
    for (const s of segments)
        kinds |= s.kinds;
    return [...NAMES.filter(([k]) => kinds & k).map(([, name]) => `decoded:${name}`), `decode-depth:${depth}`];
}

;// CONCATENATED MODULE: ./src/scanner/entropy.ts
/**
 * Shannon entropy exactly as gitleaks computes it: symbol counts over code points, divided by
 * the UTF-8 byte length (identical to the textbook formula for ASCII secrets).
 */
function shannonEntropy(data) {
    if (data === '')
        return 0;
    const counts = new Map();
    let bytes = 0;
    for (let i = 0; i < data.length; i++) {
        let cp = data.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < data.length) {
            const lo = data.charCodeAt(i + 1);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                i++;
            }
        }
        bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        counts.set(cp, (counts.get(cp) ?? 0) + 1);
    }
    let entropy = 0;
    for (const n of counts.values()) {
        const freq = n / bytes;
        entropy -= freq * Math.log2(freq);
    }
    return entropy;
}

;// CONCATENATED MODULE: ./src/kernels/simd/grams-wasm.ts
// Generated by scripts/wasm.mjs from grams.wat: do not edit.
const GRAMS_WASM = 'AGFzbQEAAAABCQFgBH9/f38BfwMCAQAFAwEAAQYGAX8BQQALBxoDBm1lbW9yeQIABWNhcnJ5AwAFZ3JhbXMAAAqLAQGIAQEHfyAA' +
    'IQQgACABaiEFIANBCHYhByADQf8BcSEIAkADQCAEIAVPDQEgBC0AAC0AACEJIAdBCnQgCEEFdHMgCXNB//8BcSEKIAIgBkECdGog' +
    'BCAAazYCACAGIApBAXQvAYACQQBHaiEGIAghByAJIQggBEEBaiEEDAALCyAHQQh0IAhyJAAgBgs=';

;// CONCATENATED MODULE: ./src/kernels/simd/grams.ts
/**
 * The keyword prefilter's pass in WebAssembly (grams.wat): the rolling 3-character gram over the
 * text written one byte per UTF-16 unit (latin1), in chunks, with the prefilter's gram table in
 * the kernel's memory. It answers the offsets whose gram is in the table; a character above
 * U+00FF may make a gram there that the text does not have, so the caller recomputes each gram
 * from the text (every real one is among those answered). One instance per table.
 */


/** text characters per chunk */
const grams_CHUNK = 1 << 20;
const TABLES = 256 + 2 * 32768;
const IN = TABLES;
/** every character may be an answer: 4 bytes each */
const grams_OUT = IN + grams_CHUNK;
const END = grams_OUT + 4 * grams_CHUNK;
let compiled;
function wasmModule() {
    if (compiled === undefined) {
        try {
            compiled = new WebAssembly.Module(Buffer.from(GRAMS_WASM, 'base64'));
        }
        catch {
            compiled = null;
        }
    }
    return compiled;
}
class GramKernel {
    view;
    offsets;
    carry;
    run;
    constructor(view, offsets, carry, run) {
        this.view = view;
        this.offsets = offsets;
        this.carry = carry;
        this.run = run;
    }
    /** A kernel for this fold table (256 entries) and gram table (32768 entries), or null without WebAssembly. */
    static create(fold, slots) {
        const mod = wasmModule();
        // the offsets are read through an Int32Array (platform order) from little-endian memory
        if (!mod || !LITTLE_ENDIAN || fold.length < 256 || slots.length !== 32768)
            return null;
        try {
            const { memory, carry, grams } = new WebAssembly.Instance(mod, {}).exports;
            if (!(memory instanceof WebAssembly.Memory) || !(carry instanceof WebAssembly.Global) || typeof grams !== 'function')
                return null;
            const pages = Math.ceil(END / 65536);
            if (memory.buffer.byteLength < pages * 65536)
                memory.grow(pages - memory.buffer.byteLength / 65536);
            const view = Buffer.from(memory.buffer);
            view.set(fold.subarray(0, 256), 0);
            const dv = new DataView(memory.buffer);
            for (let i = 0; i < 32768; i++)
                dv.setUint16(256 + 2 * i, slots[i] ?? 0, true);
            const run = grams;
            return new GramKernel(view, new Int32Array(memory.buffer, grams_OUT, grams_CHUNK), carry, run);
        }
        catch {
            return null;
        }
    }
    /**
     * Offsets of the characters whose gram (of the latin1 bytes) is in the table, ascending. For a
     * text of one chunk the answer is a view of the kernel's memory, valid until the next call.
     */
    positions(text) {
        if (text.length <= grams_CHUNK) {
            this.view.write(text, IN, text.length, 'latin1');
            return this.offsets.subarray(0, this.run(IN, text.length, grams_OUT, 0));
        }
        const parts = [];
        let total = 0;
        let prev = 0;
        for (let base = 0; base < text.length; base += grams_CHUNK) {
            const len = Math.min(grams_CHUNK, text.length - base);
            this.view.write(text.slice(base, base + len), IN, len, 'latin1');
            const got = this.offsets.slice(0, this.run(IN, len, grams_OUT, prev));
            prev = this.carry.value;
            for (let i = 0; i < got.length; i++)
                got[i] = got[i] + base;
            parts.push(got);
            total += got.length;
        }
        const out = new Int32Array(total);
        let at = 0;
        for (const p of parts) {
            out.set(p, at);
            at += p.length;
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/kernels/keywords.ts
/**
 * The keyword prefilter: one pass over the text finds every keyword position (ASCII letters
 * folded, as gitleaks lowercases the fragment); each rule's regex then runs only in windows
 * around its keywords' lines. Windows are capped so that a huge single-line (minified, hostile)
 * file is verified in bounded pieces.
 *
 * The pass is a rolling 3-character gram over the folded text and one table lookup per
 * character: each keyword is represented by its rarest 3-gram (by the frequency of its characters
 * in source code), so a lookup rarely hits; a hit verifies the whole keyword in place. Keywords
 * of one or two characters fill every gram ending in them. A regular expression alternation of
 * ~300 keywords costs a trie walk at every position (~60-85 MB/s); this loop runs at ~300+ MB/s.
 */

const GRAM_BITS = 15;
const GRAM_MASK = (1 << GRAM_BITS) - 1;
/** Below this length the loop costs less than handing the text to the kernel. */
const keywords_SIMD_MIN = 256;
/** ASCII folded to lowercase; everything outside ASCII (and NUL) to 0, which no keyword holds. */
const FOLD = new Uint8Array(65536);
for (let c = 1; c < 128; c++)
    FOLD[c] = c >= 65 && c <= 90 ? c | 32 : c;
/**
 * A hash of three folded characters (collisions only cost a verification). Rolling form:
 * g = ((g << 5) ^ c) & GRAM_MASK keeps exactly the last three characters.
 */
function gramOf(a, b, c) {
    return ((a << 10) ^ (b << 5) ^ c) & GRAM_MASK;
}
/** Approximate frequency (per mille) of lowercase characters in source trees; others ~0.5. */
const COMMON = ' eatnrisocpdlmu,\nfg"h./b;y*():vx=k\\{}w-_q>0|[]`<j1@\'z2?3&4$8';
const PER_MILLE = [
    163, 82, 65, 60, 47, 45, 45, 44, 44, 35, 25, 23, 23, 20, 20, 20, 19, 13, 12, 12, 12, 11, 11, 10, 10, 10, 8, 8, 8, 7, 7, 6, 6, 5, 5, 5, 5, 5, 5, 5, 4, 3, 3, 3,
    3, 2, 2, 2, 2, 2, 2, 2, 1.5, 1.3, 1.3, 1.3, 1.2, 1, 1, 1, 1,
];
const FREQ = new Map([...COMMON].map((c, i) => [c, PER_MILLE[i] ?? 1]));
function freq(c) {
    return FREQ.get(c) ?? 0.5;
}
class Prefilter {
    /** gram -> 1 + index into lists (0: no keyword has this gram) */
    slots = new Uint16Array(1 << GRAM_BITS);
    lists = [];
    /** keywords the gram table cannot hold (non-ASCII): one case-insensitive regex */
    fallback = null;
    fallbackRules = new Map();
    empty;
    /** the pass in WebAssembly (null: not here); made on the first long text */
    kernel;
    constructor(ruleKeywords) {
        const rulesOf = new Map();
        ruleKeywords.forEach((kws, i) => {
            for (const k0 of kws) {
                const k = k0.toLowerCase();
                if (!k)
                    continue;
                const list = rulesOf.get(k);
                if (!list)
                    rulesOf.set(k, [i]);
                else if (list[list.length - 1] !== i)
                    list.push(i);
            }
        });
        const byGram = new Map();
        const add = (gram, c) => {
            const list = byGram.get(gram);
            if (list)
                list.push(c);
            else
                byGram.set(gram, [c]);
        };
        const odd = [];
        for (const [kw, rules] of rulesOf) {
            if ([...kw].some((c) => {
                const cp = c.codePointAt(0) ?? 0;
                return cp === 0 || cp > 127 || FOLD[cp] !== cp;
            })) {
                odd.push(kw);
                this.fallbackRules.set(kw, rules);
                continue;
            }
            if (kw.length >= 3) {
                let best = 0, score = Infinity;
                for (let o = 0; o + 3 <= kw.length; o++) {
                    const sc = freq(kw[o] ?? '') * freq(kw[o + 1] ?? '') * freq(kw[o + 2] ?? '');
                    if (sc < score) {
                        score = sc;
                        best = o;
                    }
                }
                add(gramOf(kw.charCodeAt(best), kw.charCodeAt(best + 1), kw.charCodeAt(best + 2)), { kw, back: best + 2, rules });
            }
            else {
                // every gram ending in the keyword's one or two characters
                const c = { kw, back: kw.length - 1, rules };
                const grams = new Set();
                for (let a = 0; a < 128; a++) {
                    if (kw.length === 2)
                        grams.add(gramOf(a, kw.charCodeAt(0), kw.charCodeAt(1)));
                    else
                        for (let b = 0; b < 128; b++)
                            grams.add(gramOf(a, b, kw.charCodeAt(0)));
                }
                for (const g of grams)
                    add(g, c);
            }
        }
        // grams with the same candidates share one list
        const shared = new Map();
        for (const [gram, list] of byGram) {
            const key = list.map((c) => `${c.back}:${c.kw}`).join('\0');
            let idx = shared.get(key);
            if (idx === undefined) {
                if (this.lists.length >= 0xfffe) {
                    for (const c of list) {
                        odd.push(c.kw);
                        this.fallbackRules.set(c.kw, [...c.rules]);
                    }
                    continue;
                }
                idx = this.lists.length;
                this.lists.push(list);
                shared.set(key, idx);
            }
            this.slots[gram] = idx + 1;
        }
        if (odd.length)
            this.fallback = new RegExp([...new Set(odd)].map(escapeRe).join('|'), 'gi');
        this.empty = rulesOf.size === 0;
    }
    /** The keywords whose gram ends at i. */
    verify(text, i, slot, out) {
        for (const cand of this.lists[slot - 1] ?? []) {
            const s = i - cand.back;
            if (s >= 0 && s + cand.kw.length <= text.length && matchesAt(text, s, cand.kw))
                record(out, cand.rules, s);
        }
    }
    /**
     * Rule index -> offsets of its keywords in the text (ascending). `simd`: a text of 256
     * characters or more goes through the WebAssembly pass where it loads (false: this loop, for tests).
     */
    hits(text, simd = true) {
        const out = new Map();
        if (this.empty)
            return out;
        const slots = this.slots;
        const n = text.length;
        if (simd && n >= keywords_SIMD_MIN && this.kernel === undefined)
            this.kernel = GramKernel.create(FOLD, slots);
        if (simd && n >= keywords_SIMD_MIN && this.kernel) {
            // the kernel's grams are of latin1 bytes: each is recomputed from the text itself
            for (const i of this.kernel.positions(text)) {
                const g = gramOf(i >= 2 ? FOLD[text.charCodeAt(i - 2)] : 0, i >= 1 ? FOLD[text.charCodeAt(i - 1)] : 0, FOLD[text.charCodeAt(i)]);
                if (slots[g] !== 0)
                    this.verify(text, i, slots[g], out);
            }
        }
        else {
            let g = 0;
            for (let i = 0; i < n; i++) {
                g = ((g << 5) ^ FOLD[text.charCodeAt(i)]) & GRAM_MASK;
                if (slots[g] !== 0)
                    this.verify(text, i, slots[g], out);
            }
        }
        let sorted = true;
        if (this.fallback) {
            const re = this.fallback;
            re.lastIndex = 0;
            for (let m = re.exec(text); m; m = re.exec(text)) {
                const rules = this.fallbackRules.get(m[0].toLowerCase());
                if (rules) {
                    record(out, rules, m.index);
                    sorted = false;
                }
                re.lastIndex = m.index + 1;
            }
        }
        // a longer keyword found later may start before a shorter one found earlier
        for (const list of out.values()) {
            if (!sorted) {
                list.sort((x, y) => x - y);
                continue;
            }
            for (let k = 1; k < list.length; k++) {
                if ((list[k] ?? 0) < (list[k - 1] ?? 0)) {
                    list.sort((x, y) => x - y);
                    break;
                }
            }
        }
        return out;
    }
}
function escapeRe(s) {
    return s.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => '\\' + c);
}
/** The folded text at `s` equals the (lowercase ASCII) keyword. */
function matchesAt(text, s, kw) {
    for (let j = 0; j < kw.length; j++) {
        if (FOLD[text.charCodeAt(s + j)] !== kw.charCodeAt(j))
            return false;
    }
    return true;
}
function record(out, rules, pos) {
    for (const r of rules) {
        const list = out.get(r);
        if (!list)
            out.set(r, [pos]);
        else if (list[list.length - 1] !== pos)
            list.push(pos);
    }
}
/** Offsets of every newline in the text (ascending). */
function newlineIndex(text) {
    const nl = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        nl.push(i);
    return nl;
}
/** Index of the first newline at or after pos (nl.length when none): the 0-based line of pos. */
function lineOf(nl, pos) {
    let lo = 0, hi = nl.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((nl[mid] ?? 0) < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Merged, bounded windows around keyword hits (ascending, may overlap slightly). */
function windowsAround(text, nl, hits, o) {
    const spans = [];
    let capped = false;
    const half = Math.max(256, Math.floor(o.maxLine / 2));
    for (const h of hits) {
        const li = lineOf(nl, h);
        const lineStart = li === 0 ? 0 : (nl[li - 1] ?? -1) + 1;
        const lineEnd = li < nl.length ? (nl[li] ?? text.length) : text.length;
        let s, e;
        if (lineEnd - lineStart > o.maxLine) {
            capped = true;
            s = Math.max(lineStart, h - half);
            e = Math.min(lineEnd, h + half);
        }
        else {
            const bi = li - o.before - 1;
            s = bi < 0 ? 0 : (nl[bi] ?? 0); // from the newline before the first context line
            const ai = li + o.after;
            e = ai < nl.length ? (nl[ai] ?? text.length) + 1 : text.length;
            s = Math.max(s, h - Math.max(half, o.maxLine));
            e = Math.min(e, h + Math.max(half, o.maxLine));
        }
        const last = spans[spans.length - 1];
        if (last && s <= last[1] && e - last[0] <= o.maxWindow)
            last[1] = Math.max(last[1], e);
        else if (last && e <= last[1])
            continue;
        else
            spans.push([s, e]);
    }
    return { spans, capped };
}
/** The whole text cut into bounded pieces at newlines (for rules without keywords). */
function chunks(text, o) {
    const spans = [];
    let capped = false;
    const overlap = Math.min(1024, Math.floor(o.maxLine / 4));
    let start = 0;
    while (start < text.length) {
        let end = Math.min(text.length, start + o.maxWindow);
        if (end < text.length) {
            const nl = text.lastIndexOf('\n', end);
            if (nl > start)
                end = nl + 1;
            else {
                // one line longer than the window: verify it in overlapping pieces of maxLine
                capped = true;
                end = Math.min(text.length, start + o.maxLine);
                spans.push([start, end]);
                start = end >= text.length ? end : end - overlap;
                continue;
            }
        }
        const from = start > 0 ? start - 1 : 0;
        spans.push([from, end]);
        start = end;
    }
    return { spans, capped };
}

;// CONCATENATED MODULE: ./src/scanner/detect.ts
/**
 * One rule over one piece of text: its regex in bounded windows around its keyword hits (or over
 * the whole text in bounded chunks), each match trimmed of newlines, secret = secretGroup or the
 * first non-empty group, entropy above the rule's, no `gitleaks:allow` on its line, and neither
 * the global nor the rule allowlists allowing it. Positions are offsets in the given text; the
 * engine turns them into findings (lines and columns of the original fragment).
 */



const ALLOW_SIGNATURE = 'gitleaks:allow';
const SPAN_REACH = 131_072;
const MAX_WINDOW = 262_144;
/** A text to run rules on, with its newline index built only when a window needs it. */
class Text {
    text;
    nl = null;
    constructor(text) {
        this.text = text;
    }
    newlines() {
        if (!this.nl)
            this.nl = newlineIndex(this.text);
        return this.nl;
    }
}
class RuleRunner {
    global;
    maxLine;
    ignoreAllow;
    onCapped;
    constructor(global, maxLine, ignoreAllow, onCapped) {
        this.global = global;
        this.maxLine = maxLine;
        this.ignoreAllow = ignoreAllow;
        this.onCapped = onCapped;
    }
    /** The rule's matches in `t` (hits: its keyword offsets; undefined: everywhere). */
    run(t, rule, hits, where) {
        const re = rule.re;
        if (!re)
            return [];
        const text = t.text;
        const o = {
            before: 2,
            after: rule.spansLines ? 2000 : 10,
            maxLine: rule.spansLines ? Math.max(this.maxLine, SPAN_REACH) : this.maxLine,
            maxWindow: MAX_WINDOW,
        };
        const win = hits ? windowsAround(text, t.newlines(), hits, o) : chunks(text, { ...o, maxLine: this.maxLine });
        if (win.capped)
            this.onCapped(where.path);
        const out = [];
        const seen = new Set();
        for (const [ws, we] of win.spans) {
            const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
            re.lastIndex = 0;
            for (let m = re.exec(sub); m; m = re.exec(sub)) {
                const raw = m[0];
                if (raw === '') {
                    re.lastIndex++;
                    continue;
                }
                let lead = 0, trail = 0;
                while (lead < raw.length && raw.charCodeAt(lead) === 10)
                    lead++;
                while (trail < raw.length - lead && raw.charCodeAt(raw.length - 1 - trail) === 10)
                    trail++;
                const match = raw.slice(lead, raw.length - trail);
                if (match === '')
                    continue;
                const start = ws + m.index + lead;
                if (seen.has(start))
                    continue;
                seen.add(start);
                const c = this.candidate(text, rule, m, match, start, where);
                if (c)
                    out.push(c);
            }
        }
        return out;
    }
    candidate(text, rule, m, match, start, where) {
        let secret = match;
        if (m.length >= 2) {
            if (rule.secretGroup > 0)
                secret = m[rule.secretGroup] ?? '';
            else {
                for (let g = 1; g < m.length; g++) {
                    const s = m[g];
                    if (s) {
                        secret = s;
                        break;
                    }
                }
            }
        }
        const entropy = shannonEntropy(secret);
        if (rule.entropy !== 0 && entropy <= rule.entropy)
            return null;
        const end = start + match.length;
        const line = lineAround(text, start, end, this.maxLine);
        if (!this.ignoreAllow && line.includes(ALLOW_SIGNATURE))
            return null;
        const c = { secret, match, line, path: where.path, sha: where.sha };
        if (findingAllowed(this.global, c) || findingAllowed(rule.allowlists, c))
            return null;
        return { start, end, match, secret, entropy };
    }
}
/** The full line(s) holding [start, end), bounded for huge lines. */
function lineAround(text, start, end, maxLine) {
    const lo = Math.max(0, start - maxLine);
    let ls = start;
    while (ls > lo && text.charCodeAt(ls - 1) !== 10)
        ls--;
    const hi = Math.min(text.length, end + maxLine);
    let le = end;
    while (le < hi && text.charCodeAt(le) !== 10)
        le++;
    return text.slice(ls, le);
}

;// CONCATENATED MODULE: ./src/scanner/locate.ts


/** Positions of the original fragment as lines and columns. */
class Located {
    f;
    t;
    constructor(f) {
        this.f = f;
        this.t = new Text(f.text);
    }
    /** 0-based line index of a text offset */
    lineIndex(off) {
        return lineOf(this.t.newlines(), off);
    }
    lineStart(idx) {
        return idx === 0 ? 0 : (this.t.newlines()[idx - 1] ?? -1) + 1;
    }
    lineNumber(idx) {
        return this.f.lineNumbers?.[idx] ?? idx + 1;
    }
    get text() {
        return this.t;
    }
}
/** The lines around each decoded segment (2 before, 2 after, bounded), merged. */
function regions(pass, maxLine) {
    const text = pass.text;
    const out = [];
    for (const s of pass.segments) {
        let a = s.decStart;
        const lo = Math.max(0, s.decStart - maxLine);
        for (let k = 0; k < 3 && a > lo; k++) {
            const nl = text.lastIndexOf('\n', a - 1);
            a = nl < lo ? lo : nl;
        }
        let b = s.decEnd;
        const hi = Math.min(text.length, s.decEnd + maxLine);
        for (let k = 0; k < 3 && b < hi; k++) {
            const nl = text.indexOf('\n', b + 1);
            b = nl < 0 || nl > hi ? hi : nl;
        }
        const last = out[out.length - 1];
        if (last && a <= last[1])
            last[1] = Math.max(last[1], b);
        else
            out.push([a, b]);
    }
    return out;
}
function fingerprint(f, ruleId, line) {
    return f.commit ? `${f.commit.sha}:${f.path}:${ruleId}:${line}` : `${f.path}:${ruleId}:${line}`;
}
/** gitleaks' filter(): a generic finding yields to a specific rule's finding on the same line holding its secret. */
function dropGenericDuplicates(findings) {
    if (findings.length < 2)
        return findings;
    return findings.filter((f) => {
        if (!f.ruleId.toLowerCase().includes('generic'))
            return true;
        return !findings.some((o) => o.startLine === f.startLine &&
            (o.commit?.sha ?? '') === (f.commit?.sha ?? '') &&
            o.ruleId !== f.ruleId &&
            o.secret.includes(f.secret) &&
            !o.ruleId.toLowerCase().includes('generic'));
    });
}
function sortFindings(findings) {
    return findings.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/scanner/rules/build.ts
/** What may follow a token: quote, space, separator, escaped newline or the end. */
const build_END = String.raw `(?:[\x60'"\s;,)\]}>|&]|\\[nrt]|$)`;
/** The assignment operators of code and config files (=, :, :=, =>, ||, ?=, ...). */
const ASSIGN = String.raw `(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}`;
/**
 * The characters a token body can hold beyond letters and digits: every punctuation character
 * named in one of its character classes (`\w` adds `_`). Literal separators outside classes
 * (`sk-`, `dt0c01.`) are not part of the alphabet: they only occur at fixed places.
 */
function tokenExtras(body) {
    const extra = new Set();
    let cls = null; // the punctuation of the class being read
    let separator = false; // the class holds a space or a quote: it separates a key from the token
    let start = 0;
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '\\') {
            const n = body[i + 1] ?? '';
            i++;
            if (n === 'w') {
                if (cls)
                    cls.push('_');
                else
                    extra.add('_');
            }
            else if (cls && n === 's')
                separator = true;
            else if (cls && !/[A-Za-z0-9]/.test(n))
                cls.push(n);
            continue;
        }
        if (!cls) {
            if (c === '[') {
                cls = [];
                separator = false;
                start = i + 1;
                if (body[i + 1] === '^')
                    throw new Error(`token body with a negated class: ${body.slice(0, 30)}`);
            }
            continue;
        }
        if (c === ']') {
            if (!separator)
                for (const x of cls)
                    extra.add(x);
            cls = null;
        }
        else if (c === "'" || c === '"' || c === ' ')
            separator = true;
        else if (/[A-Za-z0-9]/.test(c))
            continue;
        else if (c !== '-' || i === start || body[i + 1] === ']')
            cls.push(c); // a '-' between two characters is a range
    }
    return [...extra].sort().join('');
}
/**
 * Where a token's own format ends it: the next character is not one its alphabet could continue
 * with (letters, digits and the body's punctuation), or the end. A token glued inside a longer
 * run of its alphabet does not match; one followed by `@ : . / % # =` (URL userinfo, a sentence's
 * end, a presigned URL) does, unless that character belongs to the alphabet. The boundary
 * character is consumed outside the secret group (RE2 has no lookahead).
 */
function tokenEnd(body) {
    const esc = tokenExtras(body).replace(/[\\\]^-]/g, (c) => `\\${c}`);
    return String.raw `(?:[^A-Za-z0-9${esc}]|$)`;
}
/** A token recognisable by its own prefix: \b(body) then the end its alphabet gives it. */
function token(id, description, body, keywords, sample, entropy = 0) {
    return { id, description, regex: String.raw `\b(${body})${tokenEnd(body)}`, keywords, entropy, ...(sample ? { sample } : {}) };
}
/** A value assigned to a key naming the provider: (?i)NAME...= "value". */
function assigned(id, description, names, value, keywords, sample, entropy = 0) {
    return { id, description, regex: String.raw `(?i)(?:${names})${ASSIGN}(${value})${build_END}`, keywords, entropy, ...(sample ? { sample } : {}) };
}
const CH = {
    AN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    LN: 'abcdefghijklmnopqrstuvwxyz0123456789',
    UN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    HEX: '0123456789abcdef',
    B64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    URL: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    L: 'abcdefghijklmnopqrstuvwxyz',
    D: '0123456789',
};
const sample = (s, kv) => ({ prefix: s[0], chars: s[1], len: s[2], ...(s[3] ? { suffix: s[3] } : {}), ...(kv ? { kv } : {}) });
/** Compact token rule: id, description, body, keywords, sample, entropy. */
function tk(id, description, body, keywords, s, entropy = 0) {
    return token(id, description, body, keywords, sample(s), entropy);
}
/** Compact assignment rule; the sample is assigned to `key` (default: the first keyword). */
function kv(id, description, names, value, keywords, s, entropy = 0, key) {
    return assigned(id, description, names, value, keywords, sample(s, key ?? `${keywords[0] ?? 'x'}_key`), entropy);
}
function str(s) {
    return JSON.stringify(s);
}
function lit(s) {
    if (s.includes("'''"))
        throw new Error(`rule text cannot hold ''' : ${s.slice(0, 30)}`);
    return `'''${s}'''`;
}
function toToml(defs) {
    return defs.map((d) => {
        const lines = ['[[rules]]', `id = ${str(d.id)}`, `description = ${str(d.description)}`];
        if (d.regex)
            lines.push(`regex = ${lit(d.regex)}`);
        if (d.path)
            lines.push(`path = ${lit(d.path)}`);
        if (d.secretGroup)
            lines.push(`secretGroup = ${d.secretGroup}`);
        if (d.entropy)
            lines.push(`entropy = ${d.entropy}`);
        lines.push(`keywords = [${d.keywords.map((k) => str(k.toLowerCase())).join(', ')}]`);
        if (d.tags?.length)
            lines.push(`tags = [${d.tags.map(str).join(', ')}]`);
        if (d.allow?.length || d.stopwords?.length) {
            lines.push('[[rules.allowlists]]');
            if (d.allow?.length)
                lines.push(`regexes = [${d.allow.map(lit).join(', ')}]`);
            if (d.stopwords?.length)
                lines.push(`stopwords = [${d.stopwords.map(str).join(', ')}]`);
        }
        return lines.join('\n') + '\n';
    }).join('\n');
}

;// CONCATENATED MODULE: ./src/scanner/rules/ai.ts
/** AI APIs: OpenAI, Anthropic, Hugging Face, Cohere, Groq, Replicate, Perplexity, Private AI, ... */

const { AN, LN, URL: ai_URL, L } = CH;
const AI_RULES = [
    tk('openai-api-key', 'OpenAI API key (project, service account, admin or legacy)', String.raw `sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-proj-[A-Za-z0-9_-]{100,200}`, ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'], ['sk-proj-', ai_URL, 156], 3),
    tk('anthropic-api-key', 'Anthropic API key', String.raw `sk-ant-api03-[a-zA-Z0-9_-]{93}AA`, ['sk-ant-api03'], ['sk-ant-api03-', ai_URL, 93, 'AA'], 3),
    tk('anthropic-admin-api-key', 'Anthropic admin API key', String.raw `sk-ant-admin01-[a-zA-Z0-9_-]{93}AA`, ['sk-ant-admin01'], ['sk-ant-admin01-', ai_URL, 93, 'AA'], 3),
    tk('huggingface-access-token', 'Hugging Face user access token', 'hf_[a-zA-Z]{34}', ['hf_'], ['hf_', CH.L + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 34], 2),
    tk('huggingface-organization-api-token', 'Hugging Face organization API token', 'api_org_[a-zA-Z]{34}', ['api_org_'], ['api_org_', L + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 34], 2),
    kv('cohere-api-token', 'Cohere API key', 'cohere|CO_API_KEY', '[a-zA-Z0-9]{40}', ['cohere', 'co_api_key'], ['', AN, 40], 4, 'COHERE_API_KEY'),
    tk('groq-api-key', 'Groq API key', 'gsk_[a-zA-Z0-9]{52}', ['gsk_'], ['gsk_', AN, 52], 3.5),
    tk('replicate-api-token', 'Replicate API token', 'r8_[a-zA-Z0-9]{37}', ['r8_'], ['r8_', AN, 37], 3.5),
    tk('perplexity-api-key', 'Perplexity API key', 'pplx-[a-zA-Z0-9]{48}', ['pplx-'], ['pplx-', AN, 48], 3.5),
    tk('xai-api-key', 'xAI (Grok) API key', 'xai-[a-zA-Z0-9]{80}', ['xai-'], ['xai-', AN, 80], 3.5),
    kv('mistral-api-key', 'Mistral AI API key', 'mistral', '[a-zA-Z0-9]{32}', ['mistral'], ['', AN, 32], 3.5, 'MISTRAL_API_KEY'),
    kv('privateai-api-token', 'Private AI API key', 'private[_-]?ai', '[a-z0-9]{32}', ['privateai', 'private_ai', 'private-ai'], ['', LN, 32], 3, 'PRIVATE_AI_KEY'),
    tk('langsmith-api-key', 'LangSmith API key', 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}', ['lsv2_'], ['lsv2_pt_', CH.HEX, 32, '_0a1b2c3d4e'], 3),
];
const AI_TOML = toToml(AI_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/cloud.ts
/** Cloud providers: AWS, GCP, Azure, Alibaba, DigitalOcean, Heroku, Fly.io, Cloudflare, ... */

const U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const cloud_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const cloud_AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const cloud_HEX = '0123456789abcdef';
const CLOUD_RULES = [
    {
        ...token('aws-access-token', 'AWS access key ID (long-term AKIA, temporary ASIA and other IAM prefixes)', String.raw `(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`, ['akia', 'asia', 'abia', 'acca', 'a3t'], { prefix: 'AKIA', chars: U, len: 16 }, 3),
        allow: [String.raw `.+EXAMPLE$`],
    },
    assigned('aws-secret-access-key', 'AWS secret access key assigned next to an AWS key name', String.raw `aws.{0,20}?(?:secret|private)|secret.?access.?key`, String.raw `[A-Za-z0-9/+]{40}`, ['aws', 'secret_access', 'secretaccess', 'secret-access'], { prefix: '', chars: cloud_B64, len: 40, kv: 'aws_secret_access_key' }, 4),
    token('aws-amazon-bedrock-api-key-long-lived', 'Amazon Bedrock long-term API key', String.raw `ABSK[A-Za-z0-9+/]{109,269}={0,2}`, ['absk'], { prefix: 'ABSK', chars: cloud_B64, len: 132 }, 3),
    token('gcp-api-key', 'Google Cloud / Firebase API key', String.raw `AIza[\w-]{35}`, ['aiza'], { prefix: 'AIza', chars: cloud_AN, len: 35 }, 3),
    {
        id: 'gcp-service-account', description: 'Google Cloud service account key file (JSON with a private key id)',
        regex: String.raw `"type"\s*:\s*"service_account"[\s\S]{0,400}?"private_key_id"\s*:\s*"([a-f0-9]{40})"`,
        keywords: ['service_account'], entropy: 3, sample: { prefix: '', chars: cloud_HEX, len: 40, kv: 'gcp-json' },
    },
    {
        id: 'azure-ad-client-secret', description: 'Microsoft Entra ID (Azure AD) application client secret',
        regex: String.raw `(?:^|[\\'"\x60\s>=:(,)/])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)`,
        keywords: ['q~'], entropy: 3, sample: { prefix: 'a1b8Q~', chars: cloud_AN, len: 34 },
    },
    {
        id: 'azure-storage-account-key', description: 'Azure Storage account key in a connection string or assignment',
        regex: String.raw `(?i)(?:AccountKey=|(?:azure|storage)[\w.-]{0,30}?key[\w.-]{0,10}[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3})([A-Za-z0-9+/]{86}==)`,
        keywords: ['accountkey', 'azure', 'storage'], entropy: 4, sample: { prefix: '', chars: cloud_B64, len: 86, suffix: '==', kv: 'DefaultEndpointsProtocol=https;AccountName=demo;AccountKey' },
    },
    {
        id: 'azure-sas-token', description: 'Azure shared access signature (a URL query with sv= and sig=)',
        regex: String.raw `(?i)\bsv=\d{4}-\d{2}-\d{2}&[^\s'"<>]{0,400}?\bsig=([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})`,
        keywords: ['sig='], entropy: 3.5, sample: { prefix: '', chars: cloud_AN, len: 43, suffix: '%3D', kv: 'sas' },
    },
    assigned('azure-devops-pat', 'Azure DevOps personal access token', String.raw `azure.?devops|\bado.?pat|azdo|\bvsts`, String.raw `[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}`, ['azure', 'devops', 'ado', 'azdo', 'vsts'], { prefix: '', chars: 'abcdefghijklmnopqrstuvwxyz234567', len: 52, kv: 'AZURE_DEVOPS_PAT' }, 3),
    token('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', String.raw `LTAI[a-zA-Z0-9]{20}`, ['ltai'], { prefix: 'LTAI', chars: cloud_AN, len: 20 }, 2),
    assigned('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', 'alibaba|aliyun', '[a-z0-9]{30}', ['alibaba', 'aliyun'], { prefix: '', chars: 'abcdefghijklmnopqrstuvwxyz0123456789', len: 30, kv: 'alibaba_secret' }, 2),
    token('digitalocean-pat', 'DigitalOcean personal access token', 'dop_v1_[a-f0-9]{64}', ['dop_v1_'], { prefix: 'dop_v1_', chars: cloud_HEX, len: 64 }, 3),
    token('digitalocean-access-token', 'DigitalOcean OAuth access token', 'doo_v1_[a-f0-9]{64}', ['doo_v1_'], { prefix: 'doo_v1_', chars: cloud_HEX, len: 64 }, 3),
    token('digitalocean-refresh-token', 'DigitalOcean OAuth refresh token', 'dor_v1_[a-f0-9]{64}', ['dor_v1_'], { prefix: 'dor_v1_', chars: cloud_HEX, len: 64 }, 3),
    assigned('heroku-api-key', 'Heroku API key (UUID) assigned to a Heroku key name', 'heroku', String.raw `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`, ['heroku'], { prefix: '', chars: cloud_HEX, len: 8, suffix: '-4a2b-8c3d-9e4f-0a1b2c3d4e5f', kv: 'HEROKU_API_KEY' }, 2),
    token('heroku-api-key-v2', 'Heroku platform API key (HRKU- prefix)', 'HRKU-AA[0-9a-zA-Z_-]{58}', ['hrku-aa'], { prefix: 'HRKU-AA', chars: cloud_AN, len: 58 }, 4),
    token('flyio-access-token', 'Fly.io access token', String.raw `fo1_[\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,}={0,3}|fm2_[a-zA-Z0-9+/]{100,}={0,3}`, ['fo1_', 'fm1', 'fm2_'], { prefix: 'fo1_', chars: cloud_AN, len: 43 }, 4),
    assigned('cloudflare-api-key', 'Cloudflare API token', 'cloudflare|\\bcf_api', '[a-z0-9_-]{40}', ['cloudflare', 'cf_api'], { prefix: '', chars: cloud_AN, len: 40, kv: 'CLOUDFLARE_API_TOKEN' }, 2),
    assigned('cloudflare-global-api-key', 'Cloudflare global API key', 'cloudflare', '[a-f0-9]{37}', ['cloudflare'], { prefix: '', chars: cloud_HEX, len: 37, kv: 'cloudflare_global_key' }, 2),
    token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}', ['v1.0-'], { prefix: 'v1.0-f3a91c07d2e4b658a0c2e4f6-', chars: cloud_HEX, len: 146 }, 2),
    token('scalingo-api-token', 'Scalingo API token', String.raw `tk-us-[\w-]{48}`, ['tk-us-'], { prefix: 'tk-us-', chars: cloud_AN, len: 48 }, 2),
    token('ibm-cloud-api-key', 'IBM Cloud API key assigned to an IBM key name', String.raw `(?i:ibm[\w.-]{0,20}(?:api|key)[\w.-]{0,10})[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3}[A-Za-z0-9_-]{44}`, ['ibm'], { prefix: 'IBMCLOUD_API_KEY=', chars: cloud_AN, len: 44 }, 3),
    assigned('linode-api-token', 'Linode (Akamai) API token', 'linode', '[a-f0-9]{64}', ['linode'], { prefix: '', chars: cloud_HEX, len: 64, kv: 'LINODE_TOKEN' }, 3),
    assigned('vultr-api-key', 'Vultr API key', 'vultr', '[A-Z0-9]{36}', ['vultr'], { prefix: '', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', len: 36, kv: 'VULTR_API_KEY' }, 3),
    assigned('hetzner-api-token', 'Hetzner Cloud API token', 'hetzner|\\bhcloud', '[A-Za-z0-9]{64}', ['hetzner', 'hcloud'], { prefix: '', chars: cloud_AN, len: 64, kv: 'HCLOUD_TOKEN' }, 3),
];
const CLOUD_TOML = toToml(CLOUD_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/generic.ts
/**
 * generic-api-key: a key-like name assigned a high-entropy value. Tuned against gitleaks' top
 * complaint (false positives): identifiers, placeholders, file paths, lock/hash values, words.
 */

const STOPWORDS = [
    'example', 'sample', 'dummy', 'placeholder', 'changeme', 'your_', 'your-', 'yourkey', 'redacted', 'xxxxxx',
    '000000', 'aaaaaa', 'abcdef', 'abcdefgh', '123456', 'qwerty', 'lorem', 'ipsum', 'test-key', 'testkey', 'fake',
    'mock', 'insert', 'replace', 'todo', 'fixme', 'undefined', 'process.env', 'os.environ', 'getenv', 'config.',
    'secrets.', 'vault:', 'arn:aws', 'localhost', 'http://', 'https://', 'file://', '.com', '.json', '.yaml',
    '.yml', '.xml', '.txt', '.pem', '.crt', '.key', 'sha256', 'sha512', 'sha1-', 'integrity', 'node_modules',
];
const GENERIC_RULES = [
    {
        id: 'generic-api-key', description: 'Generic secret: a key, token, password or credential name assigned a high-entropy value',
        regex: String.raw `(?i)(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|pwd|secret|token)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\x60'"\s;]|\\[nr]|$)`,
        entropy: 3.5, keywords: ['access', 'api', 'auth', 'key', 'credential', 'creds', 'passwd', 'password', 'pwd', 'secret', 'token'],
        sample: { prefix: '', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', len: 32, kv: 'api_secret' },
        allow: [String.raw `^[a-zA-Z_.-]+$`, String.raw `^\d+(?:\.\d+)*$`, String.raw `^[a-f0-9]{40}$`],
        stopwords: STOPWORDS,
    },
];
const GENERIC_EXTRA_TOML = String.raw `
[[rules.allowlists]]
description = "names that look like secrets but are not: ids, lengths, public keys, file paths, form fields"
regexTarget = "match"
regexes = [
  '''(?i)(?:access(?:ibility|or)|access[_.-]?(?:id|level|log|mode|type)|random[_.-]?access|api[_.-]?(?:id|name|version|url|base|host|path)|rapid|capital|author|(?:credentials?[_.-]?(?:id|type|provider|file|path))|withCredentials|(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|partition|sort|schema|sequence|shortcut|hash|cache|storage|row|table|i18n|translation|react|unique)[_.-]?key|key[_.-]?(?:alias|board|code|frame|id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|storetype|word|up|down|left|right|path|file|type|prefix|usage|spec)|keys?[_.-]?vault[_.-]?(?:id|name|url)|key(?:store|tab)[_.-]?(?:file|path|type)|(?:secret)[_.-]?(?:length|name|size|ref|key[_.-]?ref|id|arn|path)|UserSecretsId|csrf[_.-]?token|token[_.-]?(?:endpoint|ur[il]|type|expir\w*|length|name|path|file)|public[_.-]?token|password[_.-]?(?:field|label|hint|policy|length|reset\w*|confirm\w*|placeholder|regex|pattern|strength|input)|auth[_.-]?(?:type|method|mode|provider|url|uri|endpoint|domain|header|scheme))''',
]
[[rules.allowlists]]
regexTarget = "line"
regexes = [
  '''--mount=type=secret,''',
  '''\bimport[ \t]+\{[ \t\w,]+\}[ \t]+from[ \t]+['"][^'"]+['"]''',
  '''"integrity":\s*"sha\d+-''',
]
[[rules.allowlists]]
description = "the resource part of a Secrets Manager ARN (…:secret:NAME-AbCdEf): a name, not a value"
regexTarget = "match"
regexes = [
  '''^(?i:secret):[\w/+=.@-]+-[A-Za-z0-9]{6}(?:[\x60'"\s;]|\\[nr])?$''',
]
`;
/** The generic rule, with its extra allowlists appended inside its [[rules]] table. */
const GENERIC_TOML = toToml(GENERIC_RULES) + GENERIC_EXTRA_TOML;

;// CONCATENATED MODULE: ./src/scanner/rules/global.ts
/** Global allowlist of the default rules: placeholders, template references, lock files, media. */
const GLOBAL_TOML = String.raw `
[[allowlists]]
description = "placeholders and template references, never secrets"
regexes = [
  '''(?i)^(?:true|false|null|none|nil|undefined)$''',
  '''^(?i:a+|b+|c+|d+|e+|f+|g+|h+|i+|j+|k+|l+|m+|n+|o+|p+|q+|r+|s+|t+|u+|v+|w+|x+|y+|z+|\*+|\.+|0+|1+|x+)$''',
  '''^\$(?:\d+|\{\d+\})$''',
  '''^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$''',
  '''^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}$''',
  '''^\{\{[ \t]*[\w ().|'"-]+[ \t]*\}\}$''',
  '''^\$\{\{[ \t]*(?:env|github|secrets|vars|inputs|steps|needs|matrix)(?:\.[A-Za-z][\w-]*)+[\w "'&./=|-]*[ \t]*\}\}$''',
  '''^\$\[\[[ \t]*inputs\.[\w-]+[ \t]*\]\]$''',
  '''^%(?:[A-Z_]+|[a-z_]+)%$''',
  '''^%[+\-# 0]?[bcdeEfFgGoOpqstTUvxX]$''',
  '''^\{\d{0,2}\}$''',
  '''^@(?:[A-Z_]+|[a-z_]+)@$''',
  '''^<[A-Za-z_][\w -]*>$''',
  '''^/(?:bin|etc|home|opt|tmp|usr|var|Users)/[\w ./-]+$''',
]
stopwords = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789abcdef",
]

[[allowlists]]
description = "binary media, lock files and vendored dependencies"
paths = [
  '''(?i)\.(?:bmp|gif|jpe?g|png|svg|tiff?|ico|webp)$''',
  '''(?i)\.(?:eot|[ot]tf|woff2?)$''',
  '''(?i)\.(?:docx?|xlsx?|pdf|bin|socket|vsidx|v2|suo|wsuo|dll|pdb|exe|gltf|zip|gz|tgz|jar|class)$''',
  '''(?:^|/)go\.(?:mod|sum|work(?:\.sum)?)$''',
  '''(?:^|/)vendor/modules\.txt$''',
  '''(?:^|/)node_modules(?:/.*)?$''',
  '''(?:^|/)(?:deno\.lock|npm-shrinkwrap\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|Cargo\.lock|composer\.lock|Gemfile\.lock|Pipfile\.lock|poetry\.lock|uv\.lock)$''',
  '''(?:^|/)(?:gradlew(?:\.bat)?|gradle\.lockfile|mvnw(?:\.cmd)?)$''',
  '''(?:^|/)\.mvn/wrapper/MavenWrapperDownloader\.java$''',
  '''(?:^|/)bower_components(?:/.*)?$''',
  '''(?i)(?:^|/)(?:v?env|virtualenv|\.venv)/lib(?:64)?(?:/.*)?$''',
  '''(?i)(?:^|/)[a-z0-9_.]+-[0-9.]+\.dist-info(?:/.+)?$''',
  '''(?:^|/)vendor/(?:bundle|ruby)(?:/.*)?$''',
  '''verification-metadata\.xml$''',
]
`;

;// CONCATENATED MODULE: ./src/scanner/rules/keys.ts
/** Keys and structured credentials: PEM private keys, PKCS#12 files, age, JWTs, database URLs, curl, Kubernetes secrets. */

const { AN: keys_AN, B64: keys_B64, URL: keys_URL } = CH;
const KEY_RULES = [
    {
        id: 'private-key', description: 'Private key (PEM: RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP)',
        regex: String.raw `(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----`,
        keywords: ['-----begin'], sample: { prefix: '', chars: keys_B64, len: 64, kv: 'pem' },
    },
    { id: 'pkcs12-file', description: 'PKCS#12 file (usually a private key with its certificate)', path: String.raw `(?i)(?:^|/)[^/]+\.p(?:12|fx)$`, keywords: [] },
    {
        id: 'age-secret-key', description: 'age encryption secret key',
        regex: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', keywords: ['age-secret-key-1'],
        sample: { prefix: 'AGE-SECRET-KEY-1', chars: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', len: 58 },
    },
    {
        id: 'jwt', description: 'JSON Web Token',
        regex: String.raw `\b(ey[a-zA-Z0-9]{17,}\.ey[a-zA-Z0-9/\\_-]{17,}\.(?:[a-zA-Z0-9/\\_-]{10,}={0,2})?)(?:[^A-Za-z0-9/\\_=-]|$)`,
        keywords: ['ey'], entropy: 3, sample: { prefix: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ', chars: keys_URL, len: 30, suffix: '.abcdefghijKLMNOPQRST0123456789', kv: '' },
    },
    {
        id: 'jwt-base64', description: 'Base64-encoded JSON Web Token',
        regex: String.raw `\bZXlK(?:aGJHY2lPaU|aGNIVWlPaU|aGNIWWlPaU|aGRXUWlPaU|aU5qUWlP|amNtbDBJanBi|amRIa2lPaU|bGNHc2lPbn|bGJtTWlPaU|cWEzVWlPaU|cWQyc2lPb|cGMzTWlPaU|cGRpSTZJ|cmFXUWlP|clpYbGZiM0J6SWpwY|cmRIa2lPaUp|dWIyNWpaU0k2|d01tTWlP|d01uTWlPaU|d2NIUWlPaU|emRXSWlPaU|emRuUWlP|MFlXY2lPaU|MGVYQWlPaUp|MWNtd2l|MWMyVWlPaUp|MlpYSWlPaU|MlpYSnphVzl1SWpv|NElqb2|NE5XTWlP|NE5YUWlPaU|NE5YUWpVekkxTmlJNkl|NE5YVWlPaU|NmFYQWlPaU)[a-zA-Z0-9/\\_+\-\r\n]{40,}={0,2}`,
        keywords: ['zxlk'], entropy: 2, sample: { prefix: 'ZXlKaGJHY2lPaU', chars: keys_AN, len: 60 },
    },
    {
        id: 'database-url-password', description: 'Database or broker URL with a password (PostgreSQL, MySQL, MongoDB, Redis, AMQP, MSSQL, ...)',
        regex: String.raw `(?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|jdbc:[a-z]+)://[^\s:@/'"\x60]{1,128}:([^\s@/'"\x60]{3,128})@[\w.-]+`,
        keywords: ['://'], entropy: 2.5, sample: { prefix: '', chars: keys_AN, len: 20, kv: 'dburl' },
        allow: [String.raw `^(?:\$\{?[A-Za-z_][\w]*\}?|\{\{[^}]*\}\}|<[^>]+>|\*+|x+|password|passw0rd|pass|secret|changeme|example|test|postgres|root|admin|guest)$`],
    },
    {
        id: 'curl-auth-header', description: 'Authorization header with a token in a curl command',
        regex: String.raw `\bcurl\b[^\n]*?[ \t](?:-H|--header)(?:=|[ \t]{0,5})["'](?i:Authorization:[ \t]{0,5}(?:Basic[ \t]([a-z0-9+/]{8,}={0,3})|(?:Bearer|(?:Api-)?Token)[ \t]([\w=~@.+/-]{8,}))|(?:X-(?:[a-z]+-)?)?(?:Api-?)?(?:Key|Token):[ \t]{0,5}([\w=~@.+/-]{8,}))["']`,
        keywords: ['curl'], entropy: 2.75, sample: { prefix: '', chars: keys_AN, len: 32, kv: 'curl-h' },
    },
    {
        id: 'curl-auth-user', description: 'Credentials passed to curl with -u / --user',
        regex: String.raw `\bcurl\b[^\n]*?[ \t](?:-u|--user)(?:=|[ \t]{0,5})("[^":\n]{3,}:[^"\n]{3,}"|'[^':\n]{3,}:[^'\n]{3,}'|[\w$@.-]+:[\w$\x7b\x7d@.-]{3,})(?:\s|$)`,
        keywords: ['curl'], entropy: 2, sample: { prefix: '', chars: keys_AN, len: 20, kv: 'curl-u' },
        allow: [String.raw `[^:]+:(?:change(?:it|me)|pass(?:word)?|pwd|test|token|\*+|x+)['"]?$`, String.raw `:['"]?\$(?:\d|\w+|\{[^}]+\})['"]?$`, String.raw `<[^>]+>`],
    },
    {
        id: 'kubernetes-secret-yaml', description: 'Kubernetes Secret manifest with data values', path: String.raw `(?i)\.ya?ml$`,
        regex: String.raw `(?i)\bkind:[ \t]*["']?secret["']?[ \t]*\n(?:[^\n]*\n){0,20}?[ \t]*(?:data|stringData):[ \t]*\n[ \t]+[\w.-]+:[ \t]*["']?([a-z0-9+/]{16,}={0,3})["']?`,
        keywords: ['secret'], entropy: 3, sample: { prefix: '', chars: keys_B64, len: 40, kv: 'k8s' },
    },
];
const KEY_TOML = toToml(KEY_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/messaging.ts
/** Messaging, email and social: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, Mailchimp, Teams, ... */

const { AN: messaging_AN, LN: messaging_LN, HEX: messaging_HEX, URL: messaging_URL, D } = CH;
const UUID = String.raw `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const MESSAGING_RULES = [
    tk('slack-bot-token', 'Slack bot token', 'xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*', ['xoxb'], ['xoxb-1234567890-1234567890123-', messaging_AN, 24], 3),
    tk('slack-user-token', 'Slack user token', 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', ['xoxp-', 'xoxe-'], ['xoxp-1234567890-1234567890-1234567890-', messaging_AN, 32], 2),
    tk('slack-app-token', 'Slack app-level token', '(?i)xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+', ['xapp'], ['xapp-1-A0123ABCDEF-1234567890123-', messaging_HEX, 64], 2),
    tk('slack-config-access-token', 'Slack configuration access token', '(?i)xoxe\\.xox[bp]-\\d-[A-Z0-9]{163,166}', ['xoxe.xoxb-', 'xoxe.xoxp-'], ['xoxe.xoxp-1-', messaging_AN, 164], 2),
    tk('slack-config-refresh-token', 'Slack configuration refresh token', '(?i)xoxe-\\d-[A-Z0-9]{146}', ['xoxe-'], ['xoxe-1-', messaging_AN, 146], 2),
    tk('slack-legacy-bot-token', 'Slack legacy bot token', 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}', ['xoxb'], ['xoxb-12345678-', messaging_AN, 24], 2),
    tk('slack-legacy-token', 'Slack legacy token', 'xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]+', ['xoxo', 'xoxs'], ['xoxs-1234-5678-9012-', messaging_HEX, 64], 2),
    tk('slack-legacy-workspace-token', 'Slack legacy workspace token', 'xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}', ['xoxa', 'xoxr'], ['xoxa-2-', messaging_AN, 40], 2),
    { id: 'slack-webhook-url', description: 'Slack incoming webhook or workflow trigger URL', regex: String.raw `(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}`, keywords: ['hooks.slack.com'], sample: { prefix: 'https://hooks.slack.com/services/T01234567/B01234567/', chars: messaging_AN, len: 24 } },
    kv('discord-api-token', 'Discord API key', 'discord', '[a-f0-9]{64}', ['discord'], ['', messaging_HEX, 64], 3),
    kv('discord-client-id', 'Discord client ID', 'discord', '[0-9]{18}', ['discord'], ['', D, 18], 2),
    kv('discord-client-secret', 'Discord client secret', 'discord', '[a-z0-9=_-]{32}', ['discord'], ['', messaging_LN, 32], 2),
    { ...tk('discord-bot-token', 'Discord bot token', String.raw `[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`, ['discord', 'bot '], ['MTA', messaging_AN, 23, '.GaBcDe.q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h'], 4), sample: { prefix: 'MTA', chars: messaging_AN, len: 23, suffix: '.GaBcDe.q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h', kv: 'DISCORD_BOT_TOKEN' } },
    { id: 'discord-webhook-url', description: 'Discord webhook URL', regex: String.raw `https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}`, keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], sample: { prefix: 'https://discord.com/api/webhooks/123456789012345678/', chars: messaging_URL, len: 68 } },
    kv('telegram-bot-api-token', 'Telegram bot token', 'telegr', '[0-9]{5,16}:A[a-zA-Z0-9_-]{34}', ['telegr'], ['123456789:A', messaging_AN, 34], 0, 'TELEGRAM_BOT_TOKEN'),
    tk('twilio-api-key', 'Twilio API key SID', 'SK[0-9a-fA-F]{32}', ['sk'], ['SK', messaging_HEX, 32], 3),
    kv('twilio-auth-token', 'Twilio auth token', 'twilio', '[a-f0-9]{32}', ['twilio'], ['', messaging_HEX, 32], 3, 'TWILIO_AUTH_TOKEN'),
    tk('sendgrid-api-token', 'SendGrid API key', String.raw `SG\.[a-zA-Z0-9=_.-]{66}`, ['sg.'], ['SG.', messaging_AN, 66], 2),
    tk('sendinblue-api-token', 'Brevo (Sendinblue) API key', 'xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16}', ['xkeysib-'], ['xkeysib-', messaging_HEX, 64, '-AbCdEfGh12345678'], 2),
    kv('mailgun-private-api-token', 'Mailgun private API key', 'mailgun', 'key-[a-f0-9]{32}', ['mailgun'], ['key-', messaging_HEX, 32], 0),
    kv('mailgun-pub-key', 'Mailgun public validation key', 'mailgun', 'pubkey-[a-f0-9]{32}', ['mailgun'], ['pubkey-', messaging_HEX, 32], 0),
    kv('mailgun-signing-key', 'Mailgun webhook signing key', 'mailgun', '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}', ['mailgun'], ['', messaging_HEX, 32, '-0a1b2c3d-4e5f6a7b'], 0),
    kv('mailchimp-api-key', 'Mailchimp API key', String.raw `MailchimpSDK\.initialize|mailchimp`, String.raw `[a-f0-9]{32}-us\d\d`, ['mailchimp'], ['', messaging_HEX, 32, '-us21'], 0),
    kv('mandrill-api-key', 'Mandrill (Mailchimp transactional) API key', 'mandrill', '[A-Za-z0-9_-]{22}', ['mandrill'], ['', messaging_AN, 22], 3),
    tk('postmark-server-token', 'Postmark server token assigned to a Postmark key name', String.raw `(?i:postmark[\w.-]{0,20})[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3}` + UUID, ['postmark'], ['POSTMARK_SERVER_TOKEN=', messaging_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
    kv('mattermost-access-token', 'Mattermost access token', 'mattermost', '[a-z0-9]{26}', ['mattermost'], ['', messaging_LN, 26], 3),
    kv('messagebird-api-token', 'MessageBird API key', 'message[_-]?bird', '[a-z0-9]{25}', ['messagebird', 'message-bird', 'message_bird'], ['', messaging_LN, 25], 3),
    kv('messagebird-client-id', 'MessageBird client ID', 'message[_-]?bird', UUID, ['messagebird', 'message-bird', 'message_bird'], ['', messaging_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
    { id: 'microsoft-teams-webhook', description: 'Microsoft Teams incoming webhook URL', regex: String.raw `https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}@[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}`, keywords: ['webhook.office.com', 'webhookb2', 'incomingwebhook'], sample: { prefix: 'https://contoso.webhook.office.com/webhookb2/0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f@0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f/IncomingWebhook/', chars: messaging_HEX, len: 32, suffix: '/0a1b2c3d-4a2b-8c3d-9e4f-0a1b2c3d4e5f' } },
    kv('intercom-api-key', 'Intercom access token', 'intercom', '[a-z0-9=_-]{60}', ['intercom'], ['', messaging_LN, 60], 3),
    kv('sendbird-access-id', 'Sendbird application ID', 'sendbird', UUID, ['sendbird'], ['', messaging_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
    kv('sendbird-access-token', 'Sendbird API token', 'sendbird', '[a-f0-9]{40}', ['sendbird'], ['', messaging_HEX, 40], 3),
    kv('twitch-api-token', 'Twitch API token', 'twitch', '[a-z0-9]{30}', ['twitch'], ['', messaging_LN, 30], 3),
    kv('twitter-api-key', 'Twitter (X) API key', 'twitter', '[a-z0-9]{25}', ['twitter'], ['', messaging_LN, 25], 3),
    kv('twitter-api-secret', 'Twitter (X) API secret', 'twitter', '[a-z0-9]{50}', ['twitter'], ['', messaging_LN, 50], 3),
    kv('twitter-access-token', 'Twitter (X) access token', 'twitter', '[0-9]{15,25}-[a-zA-Z0-9]{20,40}', ['twitter'], ['1234567890123456789-', messaging_AN, 30], 3),
    kv('twitter-access-secret', 'Twitter (X) access token secret', 'twitter', '[a-z0-9]{45}', ['twitter'], ['', messaging_LN, 45], 3),
    kv('twitter-bearer-token', 'Twitter (X) bearer token', 'twitter', 'A{22}[a-zA-Z0-9%]{80,100}', ['twitter'], ['AAAAAAAAAAAAAAAAAAAAAA', messaging_AN, 90], 0),
    tk('facebook-page-access-token', 'Facebook page access token', 'EAA[MC][a-zA-Z0-9]{100,}', ['eaam', 'eaac'], ['EAAM', messaging_AN, 120], 4),
    kv('facebook-secret', 'Facebook app secret', 'facebook', '[a-f0-9]{32}', ['facebook'], ['', messaging_HEX, 32], 3),
    kv('facebook-access-token', 'Facebook app access token (app id|secret)', 'facebook', String.raw `\d{15,16}(?:\||%7C)[0-9a-z_-]{27,40}`, ['facebook'], ['123456789012345|', messaging_LN, 32], 3),
    kv('linkedin-client-id', 'LinkedIn client ID', 'linked[_-]?in', '[a-z0-9]{14}', ['linkedin', 'linked_in', 'linked-in'], ['', messaging_LN, 14], 2),
    kv('linkedin-client-secret', 'LinkedIn client secret', 'linked[_-]?in', '[a-z0-9]{16}', ['linkedin', 'linked_in', 'linked-in'], ['', messaging_LN, 16], 2),
];
const MESSAGING_TOML = toToml(MESSAGING_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/payment.ts
/** Payments, commerce and finance: Stripe, Square, PayPal/Braintree, Shopify, Plaid, exchanges, shipping. */

const { AN: payment_AN, LN: payment_LN, HEX: payment_HEX, URL: payment_URL, UN, D: payment_D } = CH;
const payment_UUID = String.raw `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const uuid = () => ['', payment_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'];
const PAYMENT_RULES = [
    tk('stripe-access-token', 'Stripe secret or restricted API key', '(?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99}', ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'], ['sk_live_', payment_AN, 24], 2),
    tk('stripe-webhook-secret', 'Stripe webhook signing secret', 'whsec_[a-zA-Z0-9]{32,64}', ['whsec_'], ['whsec_', payment_AN, 32], 3),
    tk('square-access-token', 'Square access token', String.raw `(?:EAAA|sq0atp-)[\w-]{22,60}`, ['sq0atp-', 'eaaa'], ['EAAA', payment_URL, 60], 2),
    tk('square-secret', 'Square OAuth application secret', String.raw `sq0csp-[\w-]{43}`, ['sq0csp-'], ['sq0csp-', payment_URL, 43], 2),
    tk('paypal-braintree-access-token', 'PayPal / Braintree access token', String.raw `access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`, ['access_token$'], ['access_token$production$abcdefgh12345678$', payment_HEX, 32], 3),
    kv('paypal-client-secret', 'PayPal REST client secret', 'paypal', '[A-Za-z0-9_-]{80}', ['paypal'], ['E', payment_URL, 79], 3.5, 'PAYPAL_CLIENT_SECRET'),
    tk('adyen-api-key', 'Adyen API key', String.raw `AQE[A-Za-z0-9]{2}[A-Za-z0-9+/=_-]{100,250}`, ['aqe'], ['AQEab', payment_AN, 120], 4),
    tk('shopify-access-token', 'Shopify access token', 'shpat_[a-fA-F0-9]{32}', ['shpat_'], ['shpat_', payment_HEX, 32], 2),
    tk('shopify-custom-access-token', 'Shopify custom app access token', 'shpca_[a-fA-F0-9]{32}', ['shpca_'], ['shpca_', payment_HEX, 32], 2),
    tk('shopify-private-app-access-token', 'Shopify private app access token', 'shppa_[a-fA-F0-9]{32}', ['shppa_'], ['shppa_', payment_HEX, 32], 2),
    tk('shopify-shared-secret', 'Shopify app shared secret', 'shpss_[a-fA-F0-9]{32}', ['shpss_'], ['shpss_', payment_HEX, 32], 2),
    tk('flutterwave-secret-key', 'Flutterwave secret key', 'FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X', ['flwseck'], ['FLWSECK_TEST-', 'abcdef0123456789', 32, '-X'], 2),
    tk('flutterwave-public-key', 'Flutterwave public key', 'FLWPUBK(?:_TEST)?-[a-hA-H0-9]{32}-X', ['flwpubk'], ['FLWPUBK_TEST-', 'abcdef0123456789', 32, '-X'], 2),
    tk('flutterwave-encryption-key', 'Flutterwave encryption key', 'FLWSECK_TEST-[a-hA-H0-9]{12}', ['flwseck_test'], ['FLWSECK_TEST-', 'abcdef0123456789', 12], 2),
    kv('gocardless-api-token', 'GoCardless access token', 'gocardless', 'live_[A-Za-z0-9_=-]{40}', ['gocardless'], ['live_', payment_URL, 40], 3),
    kv('plaid-api-token', 'Plaid access token', 'plaid', `access-(?:sandbox|development|production)-${payment_UUID}`, ['plaid'], ['access-production-', payment_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
    kv('plaid-client-id', 'Plaid client ID', 'plaid', '[a-z0-9]{24}', ['plaid'], ['', payment_LN, 24], 3.5),
    kv('plaid-secret-key', 'Plaid secret', 'plaid', '[a-z0-9]{30}', ['plaid'], ['', payment_LN, 30], 3.5),
    kv('coinbase-access-token', 'Coinbase API secret', 'coinbase', '[a-z0-9_-]{64}', ['coinbase'], ['', payment_LN, 64], 3),
    kv('kraken-access-token', 'Kraken API private key', 'kraken', '[a-z0-9/=_+-]{80,90}', ['kraken'], ['', payment_LN, 86], 3),
    kv('kucoin-access-token', 'KuCoin API key', 'kucoin', '[a-f0-9]{24}', ['kucoin'], ['', payment_HEX, 24], 3),
    kv('kucoin-secret-key', 'KuCoin API secret', 'kucoin', payment_UUID, ['kucoin'], uuid(), 0),
    kv('bittrex-access-key', 'Bittrex API key', 'bittrex', '[a-z0-9]{32}', ['bittrex'], ['', payment_LN, 32], 3),
    kv('bittrex-secret-key', 'Bittrex API secret', 'bittrex', '[a-z0-9]{32}', ['bittrex'], ['', payment_LN, 32], 3),
    kv('finicity-api-token', 'Finicity API token', 'finicity', '[a-f0-9]{32}', ['finicity'], ['', payment_HEX, 32], 3),
    kv('finicity-client-secret', 'Finicity client secret', 'finicity', '[a-z0-9]{20}', ['finicity'], ['', payment_LN, 20], 3),
    kv('finnhub-access-token', 'Finnhub API key', 'finnhub', '[a-z0-9]{20}', ['finnhub'], ['', payment_LN, 20], 3),
    tk('shippo-api-token', 'Shippo API token', 'shippo_(?:live|test)_[a-fA-F0-9]{40}', ['shippo_'], ['shippo_live_', payment_HEX, 40], 2),
    tk('easypost-api-token', 'EasyPost production API key', 'EZAK[a-zA-Z0-9]{54}', ['ezak'], ['EZAK', payment_AN, 54], 2),
    tk('easypost-test-api-token', 'EasyPost test API key', 'EZTK[a-zA-Z0-9]{54}', ['eztk'], ['EZTK', payment_AN, 54], 2),
    tk('duffel-api-token', 'Duffel API token', 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}', ['duffel_'], ['duffel_live_', payment_URL, 43], 2),
    kv('lob-api-key', 'Lob API key', 'lob', '(?:live|test)_[a-f0-9]{35}', ['lob'], ['live_', payment_HEX, 35], 2, 'LOB_API_KEY'),
    kv('lob-pub-api-key', 'Lob publishable API key', 'lob', '(?:test|live)_pub_[a-f0-9]{31}', ['lob'], ['live_pub_', payment_HEX, 31], 2, 'LOB_PUB_KEY'),
    kv('etsy-access-token', 'Etsy API key', 'etsy', '[a-z0-9]{24}', ['etsy'], ['', payment_LN, 24], 3),
    kv('squarespace-access-token', 'Squarespace API key', 'squarespace', payment_UUID, ['squarespace'], uuid(), 0),
    kv('freshbooks-access-token', 'FreshBooks access token', 'freshbooks', '[a-z0-9]{64}', ['freshbooks'], ['', payment_LN, 64], 3),
    {
        id: 'freemius-secret-key', description: 'Freemius secret key in PHP', path: String.raw `(?i)\.php$`,
        regex: String.raw `(?i)["']secret_key["']\s*=>\s*["'](sk_[\S]{29})["']`, keywords: ['secret_key'], sample: { prefix: 'sk_', chars: payment_AN, len: 29, kv: 'freemius' },
    },
    kv('sidekiq-secret', 'Sidekiq Pro / Enterprise credentials', 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM|BUNDLE_GEMS__CONTRIBSYS__COM', '[a-f0-9]{8}:[a-f0-9]{8}', ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'], ['', payment_HEX, 8, ':0a1b2c3d'], 0, 'BUNDLE_GEMS__CONTRIBSYS__COM'),
    {
        id: 'sidekiq-sensitive-url', description: 'Sidekiq Pro / Enterprise gem source URL with credentials',
        regex: String.raw `(?i)\bhttps?://([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?:[/#?:]|$)`,
        keywords: ['gems.contribsys.com', 'enterprise.contribsys.com'], sample: { prefix: '', chars: payment_HEX, len: 8, suffix: ':0a1b2c3d', kv: 'sidekiq-url' },
    },
];
void payment_D;
void UN;
const PAYMENT_TOML = toToml(PAYMENT_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/saas.ts
/** SaaS and developer platforms (the long tail), mostly keys assigned to a provider-named setting. */

const { AN: saas_AN, LN: saas_LN, HEX: saas_HEX, URL: saas_URL, UN: saas_UN, D: saas_D } = CH;
const saas_UUID = String.raw `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const U8 = '-4a2b-8c3d-9e4f-0a1b2c3d4e5f';
const SAAS_RULES = [
    kv('adafruit-api-key', 'Adafruit IO key', 'adafruit', '[a-z0-9_-]{32}', ['adafruit'], ['aio_', saas_LN, 28], 3),
    kv('adobe-client-id', 'Adobe OAuth client ID', 'adobe', '[a-f0-9]{32}', ['adobe'], ['', saas_HEX, 32], 2),
    tk('adobe-client-secret', 'Adobe client secret', 'p8e-[a-zA-Z0-9]{32}', ['p8e-'], ['p8e-', saas_AN, 32], 2),
    kv('airtable-api-key', 'Airtable API key (legacy)', 'airtable', '[a-z0-9]{17}', ['airtable'], ['key', saas_LN, 14], 2),
    tk('airtable-personal-access-token', 'Airtable personal access token', String.raw `pat[a-zA-Z0-9]{14}\.[a-f0-9]{64}`, ['pat'], ['patAbCdEf12345678.', saas_HEX, 64], 3),
    kv('algolia-api-key', 'Algolia API key', 'algolia', '[a-z0-9]{32}', ['algolia'], ['', saas_LN, 32], 3),
    kv('asana-client-id', 'Asana client ID', 'asana', '[0-9]{16}', ['asana'], ['', saas_D, 16], 2),
    kv('asana-client-secret', 'Asana client secret', 'asana', '[a-z0-9]{32}', ['asana'], ['', saas_LN, 32], 3),
    tk('asana-personal-access-token', 'Asana personal access token', String.raw `[12]/[0-9]{16}:[a-f0-9]{32}`, ['1/', '2/'], ['1/1234567890123456:', saas_HEX, 32], 3),
    tk('authress-service-client-access-key', 'Authress service client access key', String.raw `(?:sc|ext|scauth|authress)_[a-zA-Z0-9]{5,30}\.[a-zA-Z0-9]{4,6}\.acc[_-][a-zA-Z0-9-]{10,32}\.[a-zA-Z0-9+/_=-]{30,120}`, ['sc_', 'ext_', 'scauth_', 'authress_'], ['authress_abcde12345.abcd.acc_abcdefghij12.', saas_AN, 40], 2),
    kv('beamer-api-token', 'Beamer API key', 'beamer', 'b_[a-z0-9=_-]{44}', ['beamer'], ['b_', saas_LN, 44], 3),
    kv('cisco-meraki-api-key', 'Cisco Meraki API key', '[Mm]eraki|MERAKI', '[0-9a-f]{40}', ['meraki'], ['', saas_HEX, 40], 3, 'MERAKI_API_KEY'),
    tk('clickhouse-cloud-api-secret-key', 'ClickHouse Cloud API secret', '4b1d[A-Za-z0-9]{38}', ['4b1d'], ['4b1d', saas_AN, 38], 3),
    kv('confluent-access-token', 'Confluent Cloud API key', 'confluent', '[a-z0-9]{16}', ['confluent'], ['', saas_LN, 16], 3),
    kv('confluent-secret-key', 'Confluent Cloud API secret', 'confluent', '[a-z0-9]{64}', ['confluent'], ['', saas_LN, 64], 3),
    kv('contentful-delivery-api-token', 'Contentful delivery API token', 'contentful', '[a-z0-9=_-]{43}', ['contentful'], ['', saas_LN, 43], 3),
    tk('databricks-api-token', 'Databricks personal access token', String.raw `dapi[a-f0-9]{32}(?:-\d)?`, ['dapi'], ['dapi', saas_HEX, 32], 3),
    kv('datadog-access-token', 'Datadog API or application key', 'datadog|\\bdd_(?:api|app)', '[a-z0-9]{32}|[a-z0-9]{40}', ['datadog', 'dd_api', 'dd_app'], ['', saas_LN, 40], 3, 'DATADOG_APP_KEY'),
    kv('defined-networking-api-token', 'Defined Networking API token', 'dnkey', 'dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}', ['dnkey'], ['dnkey-q7w3e9r1t5y8u2i6o4p0a3s7d1-', saas_LN, 52], 3),
    kv('dropbox-api-token', 'Dropbox API secret', 'dropbox', '[a-z0-9]{15}', ['dropbox'], ['', saas_LN, 15], 3),
    kv('dropbox-long-lived-api-token', 'Dropbox long-lived access token', 'dropbox', '[a-z0-9]{11}AAAAAAAAAA[a-z0-9=_-]{43}', ['dropbox'], ['abcdefghijk', 'A', 10, 'q7w3e9r1t5y8u2i6o4p0a3s7d1f5g9h2j6k4l8z0x3c'], 0),
    kv('dropbox-short-lived-api-token', 'Dropbox short-lived access token', 'dropbox', String.raw `sl\.[a-z0-9=_-]{135,1000}`, ['dropbox'], ['sl.', saas_LN, 140], 3),
    tk('dynatrace-api-token', 'Dynatrace API token', String.raw `dt0c01\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{64}`, ['dt0c01.'], ['dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.', saas_AN, 64], 4),
    kv('fastly-api-token', 'Fastly API token', 'fastly', '[a-z0-9=_-]{32}', ['fastly'], ['', saas_LN, 32], 3),
    kv('flickr-access-token', 'Flickr API key', 'flickr', '[a-z0-9]{32}', ['flickr'], ['', saas_LN, 32], 3),
    tk('frameio-api-token', 'Frame.io API token', 'fio-u-[a-zA-Z0-9_=-]{64}', ['fio-u-'], ['fio-u-', saas_URL, 64], 3),
    kv('hubspot-api-key', 'HubSpot API key', 'hubspot', String.raw `[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}|pat-(?:na|eu)1-` + saas_UUID, ['hubspot'], ['', saas_HEX, 8, U8], 0),
    tk('intra42-client-secret', '42 Intra client secret', 's-s4t2(?:ud|af)-[a-f0-9]{64}', ['s-s4t2ud-', 's-s4t2af-'], ['s-s4t2ud-', saas_HEX, 64], 3),
    kv('launchdarkly-access-token', 'LaunchDarkly access token', 'launchdarkly', '(?:api|sdk|mob)-' + saas_UUID + '|[a-z0-9=_-]{40}', ['launchdarkly'], ['api-', saas_HEX, 8, U8], 0),
    kv('mapbox-api-token', 'Mapbox secret access token', 'mapbox', String.raw `(?:pk|sk)\.[a-z0-9]{60}\.[a-z0-9_-]{22}`, ['mapbox'], ['sk.', saas_LN, 60, '.abcdefghijklmnopqrstuv'], 3),
    tk('maxmind-license-key', 'MaxMind license key', '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk', ['_mmk'], ['AbC123_', saas_AN, 29, '_mmk'], 4),
    kv('netlify-access-token', 'Netlify access token', 'netlify', '(?:nfp_)?[a-z0-9=_-]{40,46}', ['netlify'], ['nfp_', saas_LN, 40], 3),
    kv('new-relic-user-api-key', 'New Relic user API key', 'new-relic|newrelic|new_relic', 'NRAK-[a-z0-9]{27}', ['nrak'], ['NRAK-', saas_UN, 27], 3, 'NEW_RELIC_API_KEY'),
    kv('new-relic-user-api-id', 'New Relic user API ID', 'new-relic|newrelic|new_relic', '[a-z0-9]{64}', ['new-relic', 'newrelic', 'new_relic'], ['', saas_LN, 64], 3, 'NEWRELIC_API_ID'),
    kv('new-relic-browser-api-token', 'New Relic browser ingest token', 'new-relic|newrelic|new_relic', 'NRJS-[a-f0-9]{19}', ['nrjs-'], ['NRJS-', saas_HEX, 19], 3, 'NEW_RELIC_BROWSER_KEY'),
    kv('new-relic-insert-key', 'New Relic insights insert key', 'new-relic|newrelic|new_relic', 'NRII-[a-z0-9-]{32}', ['nrii-'], ['NRII-', saas_UN, 32], 3, 'NEW_RELIC_INSERT_KEY'),
    tk('new-relic-license-key', 'New Relic ingest license key', '[a-f0-9]{36}NRAL', ['nral'], ['', saas_HEX, 36, 'NRAL'], 3),
    kv('nytimes-access-token', 'New York Times API key', 'nytimes|new-york-times|newyorktimes', '[a-z0-9=_-]{32}', ['nytimes', 'new-york-times', 'newyorktimes'], ['', saas_LN, 32], 3),
    kv('okta-access-token', 'Okta API token', '[Oo]kta|OKTA', String.raw `00[\w=-]{40}`, ['okta'], ['00', saas_AN, 40], 4, 'OKTA_API_TOKEN'),
    tk('planetscale-api-token', 'PlanetScale service token', String.raw `pscale_tkn_[\w=.-]{32,64}`, ['pscale_tkn_'], ['pscale_tkn_', saas_AN, 43], 3),
    tk('planetscale-oauth-token', 'PlanetScale OAuth token', String.raw `pscale_oauth_[\w=.-]{32,64}`, ['pscale_oauth_'], ['pscale_oauth_', saas_AN, 43], 3),
    tk('planetscale-password', 'PlanetScale database password', String.raw `pscale_pw_[\w=.-]{32,64}`, ['pscale_pw_'], ['pscale_pw_', saas_AN, 43], 3),
    kv('rapidapi-access-token', 'RapidAPI key', 'rapidapi', '[a-z0-9_-]{50}', ['rapidapi'], ['', saas_LN, 50], 3),
    kv('sentry-access-token', 'Sentry auth token (old format)', 'sentry', '[a-f0-9]{64}', ['sentry'], ['', saas_HEX, 64], 3),
    tk('sentry-user-token', 'Sentry user auth token', 'sntryu_[a-f0-9]{64}', ['sntryu_'], ['sntryu_', saas_HEX, 64], 3.5),
    tk('sentry-org-token', 'Sentry organization auth token', String.raw `sntrys_eyJpYXQiO[a-zA-Z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[a-zA-Z0-9+/]{10,200}={0,2}_[a-zA-Z0-9+/]{43}`, ['sntrys_eyjpyxqio'], ['sntrys_eyJpYXQiOjE3MDAwMDAwMDAsInVybCI6ImV4YW1wbGUiLCJyZWdpb25fdXJsIjoiaHR0cHM6Ly91cyJ9_', saas_AN, 43], 4.5),
    kv('sumologic-access-id', 'Sumo Logic access ID', '[Ss]umo|SUMO', 'su[a-zA-Z0-9]{12}', ['sumo'], ['su', saas_AN, 12], 3, 'SUMO_ACCESS_ID'),
    kv('sumologic-access-token', 'Sumo Logic access key', '[Ss]umo|SUMO', '[a-z0-9]{64}', ['sumo'], ['', saas_LN, 64], 3, 'SUMO_ACCESS_KEY'),
    kv('typeform-api-token', 'Typeform personal token', 'typeform', String.raw `tfp_[a-z0-9_.=-]{59}`, ['tfp_'], ['tfp_', saas_LN, 59], 3, 'TYPEFORM_TOKEN'),
    kv('yandex-access-token', 'Yandex OAuth token', 'yandex', String.raw `t1\.[A-Z0-9a-z_-]+={0,2}\.[A-Z0-9a-z_-]{86}={0,2}`, ['yandex'], ['t1.9euelZqSyJe.', saas_URL, 86], 3),
    kv('yandex-api-key', 'Yandex Cloud API key', 'yandex', 'AQVN[A-Za-z0-9_-]{35,38}', ['yandex'], ['AQVN', saas_URL, 36], 3),
    kv('yandex-aws-access-token', 'Yandex Cloud static access key', 'yandex', 'YC[a-zA-Z0-9_-]{38}', ['yandex'], ['YC', saas_URL, 38], 3),
    kv('zendesk-secret-key', 'Zendesk API token', 'zendesk', '[a-z0-9]{40}', ['zendesk'], ['', saas_LN, 40], 3),
    kv('launchdarkly-sdk-key', 'LaunchDarkly SDK key', 'launchdarkly|\\bld_sdk', 'sdk-' + saas_UUID, ['launchdarkly', 'ld_sdk'], ['sdk-', saas_HEX, 8, U8], 0, 'LD_SDK_KEY'),
];
const SAAS_TOML = toToml(SAAS_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/vcs.ts
/** Source hosting and CI/CD: GitHub, GitLab, Bitbucket, Atlassian, CI systems, artifact registries. */

const { AN: vcs_AN, LN: vcs_LN, HEX: vcs_HEX, URL: vcs_URL, UN: vcs_UN } = CH;
const VCS_RULES = [
    tk('github-pat', 'GitHub personal access token (classic)', 'ghp_[0-9a-zA-Z]{36}', ['ghp_'], ['ghp_', vcs_AN, 36], 3),
    tk('github-oauth', 'GitHub OAuth access token', 'gho_[0-9a-zA-Z]{36}', ['gho_'], ['gho_', vcs_AN, 36], 3),
    tk('github-app-token', 'GitHub App user-to-server or installation token', '(?:ghu|ghs)_[0-9a-zA-Z]{36}', ['ghu_', 'ghs_'], ['ghs_', vcs_AN, 36], 3),
    tk('github-refresh-token', 'GitHub refresh token', 'ghr_[0-9a-zA-Z]{36}', ['ghr_'], ['ghr_', vcs_AN, 36], 3),
    tk('github-fine-grained-pat', 'GitHub fine-grained personal access token', String.raw `github_pat_\w{82}`, ['github_pat_'], ['github_pat_', vcs_AN, 82], 3),
    tk('gitlab-pat', 'GitLab personal, project or group access token', String.raw `glpat-[\w-]{20}`, ['glpat-'], ['glpat-', vcs_AN, 20], 3),
    tk('gitlab-pat-routable', 'GitLab routable personal access token', String.raw `glpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, ['glpat-'], ['glpat-', vcs_AN, 40, '.01abcdefg'], 4),
    tk('gitlab-ptt', 'GitLab pipeline trigger token', 'glptt-[0-9a-f]{40}', ['glptt-'], ['glptt-', vcs_HEX, 40], 3),
    tk('gitlab-rrt', 'GitLab runner registration token (legacy)', String.raw `GR1348941[\w-]{20}`, ['gr1348941'], ['GR1348941', vcs_AN, 20], 3),
    tk('gitlab-runner-authentication-token', 'GitLab runner authentication token', 'glrt-[0-9a-zA-Z_-]{20}', ['glrt-'], ['glrt-', vcs_AN, 20], 3),
    tk('gitlab-runner-authentication-token-routable', 'GitLab routable runner authentication token', String.raw `glrt-t\d_[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, ['glrt-'], ['glrt-t1_', vcs_AN, 40, '.01abcdefg'], 4),
    tk('gitlab-deploy-token', 'GitLab deploy token', 'gldt-[0-9a-zA-Z_-]{20}', ['gldt-'], ['gldt-', vcs_AN, 20], 3),
    tk('gitlab-feature-flag-client-token', 'GitLab feature flag client token', 'glffct-[0-9a-zA-Z_-]{20}', ['glffct-'], ['glffct-', vcs_AN, 20], 3),
    tk('gitlab-feed-token', 'GitLab feed token', 'glft-[0-9a-zA-Z_-]{20}', ['glft-'], ['glft-', vcs_AN, 20], 3),
    tk('gitlab-incoming-mail-token', 'GitLab incoming mail token', 'glimt-[0-9a-zA-Z_-]{25}', ['glimt-'], ['glimt-', vcs_AN, 25], 3),
    tk('gitlab-kubernetes-agent-token', 'GitLab agent for Kubernetes token', 'glagent-[0-9a-zA-Z_-]{50}', ['glagent-'], ['glagent-', vcs_AN, 50], 3),
    tk('gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'gloas-[0-9a-zA-Z_-]{64}', ['gloas-'], ['gloas-', vcs_AN, 64], 3),
    tk('gitlab-scim-token', 'GitLab SCIM OAuth token', 'glsoat-[0-9a-zA-Z_-]{20}', ['glsoat-'], ['glsoat-', vcs_AN, 20], 3),
    tk('gitlab-cicd-job-token', 'GitLab CI/CD job token', 'glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}', ['glcbt-'], ['glcbt-64_', vcs_AN, 20], 3),
    { id: 'gitlab-session-cookie', description: 'GitLab session cookie', regex: '_gitlab_session=([0-9a-z]{32})', keywords: ['_gitlab_session='], entropy: 3, sample: { prefix: '_gitlab_session=', chars: vcs_LN, len: 32 } },
    kv('bitbucket-client-id', 'Bitbucket OAuth consumer key', 'bitbucket', '[a-z0-9]{32}', ['bitbucket'], ['', vcs_LN, 32], 3, 'BITBUCKET_CLIENT_ID'),
    kv('bitbucket-client-secret', 'Bitbucket OAuth consumer secret', 'bitbucket', '[a-z0-9=_-]{64}', ['bitbucket'], ['', vcs_LN, 64], 3, 'BITBUCKET_CLIENT_SECRET'),
    tk('bitbucket-app-password', 'Bitbucket app password / API token (ATBB / ATCTT prefix)', '(?:ATBB|ATCTT3xFfGN0)[A-Za-z0-9_=-]{32,}', ['atbb', 'atctt3xffgn0'], ['ATBB', vcs_AN, 32], 3),
    {
        id: 'atlassian-api-token', description: 'Atlassian (Jira, Confluence) API token',
        regex: String.raw `(?i:(?:atlassian|confluence|jira)[\w.-]{0,20}[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5})([a-zA-Z0-9]{24})(?:[\x60'"\s;]|\\[nr]|$)|\b(ATATT3[A-Za-z0-9_=-]{186})(?:[^A-Za-z0-9_=-]|$)`,
        keywords: ['atlassian', 'confluence', 'jira', 'atatt3'], entropy: 3.5, sample: { prefix: 'ATATT3', chars: vcs_AN, len: 186 },
    },
    kv('gitter-access-token', 'Gitter access token', 'gitter', '[a-z0-9_-]{40}', ['gitter'], ['', vcs_LN, 40], 3),
    tk('sourcegraph-access-token', 'Sourcegraph access token', 'sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}', ['sgp_'], ['sgp_local_', vcs_HEX, 40], 3),
    kv('travisci-access-token', 'Travis CI access token', 'travis', '[a-z0-9]{22}', ['travis'], ['', vcs_LN, 22], 3),
    kv('droneci-access-token', 'Drone CI access token', 'drone', '[a-z0-9]{32}', ['drone'], ['', vcs_LN, 32], 3, 'DRONE_TOKEN'),
    tk('circleci-personal-token', 'CircleCI personal API token', 'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}', ['ccipat_'], ['CCIPAT_f3a91c07d2e4b658QWERTY_', vcs_HEX, 40], 3),
    kv('circleci-api-token', 'CircleCI API token assigned to a CircleCI key name', 'circle.?ci', '[a-f0-9]{40}', ['circle'], ['', vcs_HEX, 40], 3, 'CIRCLECI_TOKEN'),
    tk('buildkite-agent-token', 'Buildkite API access token', 'bkua_[a-f0-9]{40}', ['bkua_'], ['bkua_', vcs_HEX, 40], 3),
    kv('codecov-access-token', 'Codecov upload or API token', 'codecov', String.raw `[a-z0-9]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`, ['codecov'], ['', vcs_LN, 32], 3),
    tk('harness-api-key', 'Harness personal or service account token', String.raw `(?:pat|sat)\.[a-zA-Z0-9_-]{22}\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{20}`, ['pat.', 'sat.'], ['pat.f3a91c07d2e4b658QWERTY.', vcs_AN, 24, '.ABCDEFGHIJ0123456789'], 3),
    tk('octopus-deploy-api-key', 'Octopus Deploy API key', 'API-[A-Z0-9]{26}', ['api-'], ['API-', vcs_UN, 26], 3),
    kv('snyk-api-token', 'Snyk API token', String.raw `snyk[_.-]?(?:(?:api|oauth)[_.-]?)?(?:key|token)`, String.raw `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`, ['snyk'], ['', vcs_HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0, 'SNYK_TOKEN'),
    kv('sonar-api-token', 'SonarQube / SonarCloud token', String.raw `sonar[_.-]?(?:login|token)`, String.raw `(?:sq[pau]_)?[a-z0-9=_-]{40}`, ['sonar'], ['squ_', vcs_HEX, 40], 3, 'SONAR_TOKEN'),
    kv('jfrog-api-key', 'JFrog Artifactory API key', 'jfrog|artifactory|bintray|xray', '[a-z0-9]{73}', ['jfrog', 'artifactory', 'bintray', 'xray'], ['AKC', vcs_LN, 70], 3),
    kv('jfrog-identity-token', 'JFrog identity / reference token', 'jfrog|artifactory|bintray|xray', '[a-z0-9]{64}', ['jfrog', 'artifactory', 'bintray', 'xray'], ['', vcs_LN, 64], 3),
    tk('infracost-api-token', 'Infracost API token', 'ico-[a-zA-Z0-9]{32}', ['ico-'], ['ico-', vcs_AN, 32], 3),
    tk('pulumi-api-token', 'Pulumi access token', 'pul-[a-f0-9]{40}', ['pul-'], ['pul-', vcs_HEX, 40], 3),
    tk('prefect-api-token', 'Prefect API key', 'pnu_[a-zA-Z0-9]{36}', ['pnu_'], ['pnu_', vcs_AN, 36], 3),
    tk('hashicorp-tf-api-token', 'Terraform Cloud / Enterprise API token', String.raw `[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}`, ['atlasv1'], ['abcdefGHIJ1234.atlasv1.', vcs_AN, 66], 3.5),
    {
        id: 'hashicorp-tf-password', description: 'Password assigned in Terraform / HCL', path: String.raw `(?i)\.(?:tf|hcl)$`,
        regex: String.raw `(?i)[\w.-]{0,50}?(?:administrator_login_password|password)[ \t\w.-]{0,20}[\s'"]{0,3}=[\s]{0,5}("[a-z0-9=_-]{8,64}")(?:[\x60'"\s;]|\\[nr]|$)`,
        keywords: ['administrator_login_password', 'password'], entropy: 2, sample: { prefix: '"', chars: vcs_LN, len: 16, suffix: '"', kv: 'tf-password' },
    },
    {
        // the legacy `s.` form keeps the closing list: `s.` + 24 letters is also a minified method call, `s.abc…(`
        id: 'vault-service-token', description: 'HashiCorp Vault service token',
        regex: String.raw `\b(s\.[A-Za-z0-9]{24})${build_END}|\b(hvs\.[\w-]{90,120})${tokenEnd(String.raw `[\w-]`)}`,
        keywords: ['hvs.', 's.'], entropy: 3.5, sample: { prefix: 'hvs.', chars: vcs_URL, len: 95 },
    },
    tk('vault-batch-token', 'HashiCorp Vault batch token', String.raw `hvb\.[\w-]{138,300}`, ['hvb.'], ['hvb.', vcs_URL, 140], 4),
    tk('doppler-api-token', 'Doppler token (personal, service, CLI, SCIM, audit)', String.raw `dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9_-]{40,44}`, ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], ['dp.pt.', vcs_AN, 43], 3),
    tk('1password-service-account-token', '1Password service account token', String.raw `ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}`, ['ops_'], ['ops_eyJ', CH.B64, 260], 4),
    tk('1password-secret-key', '1Password account secret key', String.raw `A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}`, ['a3-'], ['A3-ABC123-DEF456GHJ12-', vcs_UN, 5, '-KLM34-NPQ56'], 3),
    tk('npm-access-token', 'npm access token', 'npm_[A-Za-z0-9]{36}', ['npm_'], ['npm_', vcs_AN, 36], 2),
    tk('pypi-upload-token', 'PyPI upload token', String.raw `pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`, ['pypi-ageichlwas5vcmc'], ['pypi-AgEIcHlwaS5vcmc', vcs_URL, 70], 3),
    tk('rubygems-api-token', 'RubyGems API key', 'rubygems_[a-f0-9]{48}', ['rubygems_'], ['rubygems_', vcs_HEX, 48], 2),
    tk('nuget-api-key', 'NuGet.org API key', 'oy2[a-z0-9]{43}', ['oy2'], ['oy2', vcs_LN, 43], 3),
    {
        id: 'nuget-config-password', description: 'Password in a NuGet.config package source', path: String.raw `(?i)nuget\.config$`,
        regex: String.raw `(?i)<add key="(?:ClearText)?Password"\s*value="(.{8,})"\s*/>`, keywords: ['<add key='], entropy: 1,
        sample: { prefix: '', chars: vcs_AN, len: 16, kv: 'nuget' }, allow: [String.raw `^%\S.*%$`],
    },
    tk('clojars-api-token', 'Clojars deploy token', 'CLOJARS_[a-z0-9]{60}', ['clojars_'], ['CLOJARS_', vcs_LN, 60], 2),
    tk('openshift-user-token', 'OpenShift user token', String.raw `sha256~[\w-]{43}`, ['sha256~'], ['sha256~', vcs_URL, 43], 3.5),
    tk('settlemint-application-access-token', 'SettleMint application access token', 'sm_aat_[a-zA-Z0-9]{16}', ['sm_aat'], ['sm_aat_', vcs_AN, 16], 3),
    tk('settlemint-personal-access-token', 'SettleMint personal access token', 'sm_pat_[a-zA-Z0-9]{16}', ['sm_pat'], ['sm_pat_', vcs_AN, 16], 3),
    tk('settlemint-service-access-token', 'SettleMint service access token', 'sm_sat_[a-zA-Z0-9]{16}', ['sm_sat'], ['sm_sat_', vcs_AN, 16], 3),
    tk('readme-api-token', 'ReadMe API key', 'rdme_[a-z0-9]{70}', ['rdme_'], ['rdme_', vcs_LN, 70], 2),
    tk('postman-api-token', 'Postman API key', 'PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}', ['pmak-'], ['PMAK-f3a91c07d2e4b658a0c2e4f6-', vcs_HEX, 34], 3),
    tk('linear-api-key', 'Linear API key', 'lin_api_[A-Za-z0-9]{40}', ['lin_api_'], ['lin_api_', vcs_AN, 40], 2),
    kv('linear-client-secret', 'Linear OAuth client secret', 'linear', '[a-f0-9]{32}', ['linear'], ['', vcs_HEX, 32], 2),
    tk('notion-api-token', 'Notion integration token', String.raw `ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}`, ['ntn_', 'secret_'], ['ntn_12345678901', vcs_AN, 35], 3.5),
    tk('grafana-api-key', 'Grafana API key (legacy)', String.raw `eyJrIjoi[A-Za-z0-9]{70,400}={0,3}`, ['eyjrijoi'], ['eyJrIjoi', vcs_AN, 80], 3),
    tk('grafana-cloud-api-token', 'Grafana Cloud access policy token', String.raw `glc_[A-Za-z0-9+/]{32,400}={0,3}`, ['glc_'], ['glc_', vcs_AN, 48], 3),
    tk('grafana-service-account-token', 'Grafana service account token', 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', ['glsa_'], ['glsa_', vcs_AN, 32, '_0a1b2c3d'], 3),
];
const VCS_TOML = toToml(VCS_RULES);

;// CONCATENATED MODULE: ./src/scanner/rules/index.ts









const DEFAULT_CONFIG_TOML = [
    'title = "pipeline-secrets default rules"\n',
    GLOBAL_TOML,
    CLOUD_TOML,
    VCS_TOML,
    PAYMENT_TOML,
    MESSAGING_TOML,
    AI_TOML,
    KEY_TOML,
    SAAS_TOML,
    GENERIC_TOML,
].join('\n');
/** The structured definitions behind the TOML (tests synthesise samples from them). */
const DEFAULT_RULE_DEFS = [
    ...CLOUD_RULES, ...VCS_RULES, ...PAYMENT_RULES, ...MESSAGING_RULES, ...AI_RULES, ...KEY_RULES, ...SAAS_RULES, ...GENERIC_RULES,
];

;// CONCATENATED MODULE: ./src/scanner/engine.ts
/**
 * The scanner engine: gitleaks 8.x detection semantics over Fragments.
 *
 * Per fragment: global commit/path allowlists; one keyword pass (kernels/keywords.ts); for each rule whose
 * keywords hit (or that has none) its rule commit/path allowlists and path regex, then its regex in
 * bounded windows (detect.ts). Composite rules keep a finding only when each [[rules.required]]
 * rule matched nearby, and report those parts with it; generic-* findings give way to a specific
 * rule's finding on the same line. Then, up to max-decode-depth passes, percent/hex/base64
 * segments are decoded (kernels/decode.ts) and the rules run again around them: a finding must touch a
 * decoded segment, is placed on the encoded span and tagged with how it was decoded. Lines and
 * columns are 1-based (columns of the match, as gitleaks reports them; path-only findings have
 * line 0).
 */













/** gitleaks' default --max-decode-depth */
const DEFAULT_DECODE_DEPTH = 5;
const MAX_DECODE_DEPTH = 16;
const PATH_CACHE_MAX = 50_000;
class Engine {
    rules;
    global;
    warnings;
    maxLine;
    ignoreAllow;
    decodeDepth;
    skipped = [];
    ruleIds;
    prefilter;
    /** rules without keywords: they run on every fragment */
    always;
    byId;
    runner;
    enabled;
    globalCommits;
    pathCache = new Map();
    constructor(rules, global, warnings, maxLine, ignoreAllow, decodeDepth, enable) {
        this.rules = rules;
        this.global = global;
        this.warnings = warnings;
        this.maxLine = maxLine;
        this.ignoreAllow = ignoreAllow;
        this.decodeDepth = decodeDepth;
        this.byId = new Map(rules.map((r) => [r.id, r]));
        this.enabled = enable.length ? new Set(enable) : null;
        const on = (r) => !this.enabled || this.enabled.has(r.id);
        this.prefilter = new Prefilter(rules.map((r) => (on(r) ? r.keywords : [])));
        this.always = rules.flatMap((r, i) => (r.keywords.length === 0 && on(r) ? [i] : []));
        this.ruleIds = rules.filter(on).map((r) => r.id);
        this.runner = new RuleRunner(global, maxLine, ignoreAllow, (p) => this.noteCapped(p));
        this.globalCommits = global.some((a) => a.commits.size > 0);
        for (const r of rules)
            if (r.disabledReason && on(r))
                this.skipped.push({ path: '', reason: r.disabledReason });
    }
    get ruleCount() {
        return this.ruleIds.length;
    }
    isPathAllowed(path) {
        return path !== '' && this.fragmentAllowed(path, '');
    }
    fragmentAllowed(path, sha) {
        if (this.globalCommits)
            return commitOrPathAllowed(this.global, path, sha);
        let v = this.pathCache.get(path);
        if (v === undefined) {
            v = commitOrPathAllowed(this.global, path, '');
            if (this.pathCache.size >= PATH_CACHE_MAX)
                this.pathCache.clear();
            this.pathCache.set(path, v);
        }
        return v;
    }
    scan(fragment) {
        if (fragment.text === '' && fragment.path === '')
            return [];
        if (this.fragmentAllowed(fragment.path, fragment.commit?.sha ?? ''))
            return [];
        const loc = new Located(fragment);
        const out = [];
        const hits = this.prefilter.hits(fragment.text);
        if (hits.size || this.always.length)
            this.runRules(loc, { t: loc.text, base: 0, pass: null }, hits, out);
        if (this.decodeDepth > 0 && fragment.text.length >= 3)
            this.decoded(loc, out);
        return out.length ? sortFindings(dropGenericDuplicates(out)) : out;
    }
    runRules(loc, v, hits, out) {
        const order = hits.size === 0 ? this.always : [...this.always, ...hits.keys()].sort((a, b) => a - b);
        for (const i of order) {
            const rule = this.rules[i];
            if (!rule || rule.disabledReason || rule.skipReport)
                continue;
            let found = this.detect(loc, v, rule, hits.get(i));
            if (rule.required.length && found.length)
                found = this.withRequired(loc, v, rule, found);
            for (const f of found) {
                if (v.pass && out.some((o) => o.ruleId === f.ruleId && o.startLine === f.startLine && o.startColumn === f.startColumn && o.secret === f.secret))
                    continue;
                out.push(f);
            }
        }
    }
    /** Decoding passes: the rules run again around each pass's decoded segments. */
    decoded(loc, out) {
        const decoder = new Decoder();
        let pass = { text: loc.f.text, segments: [], depth: 0, prev: null };
        for (let d = 1; d <= this.decodeDepth; d++) {
            const next = decoder.next(pass);
            if (!next)
                return;
            pass = next;
            for (const [a, b] of regions(pass, this.maxLine)) {
                const sub = a === 0 && b === pass.text.length ? pass.text : pass.text.slice(a, b);
                const hits = this.prefilter.hits(sub);
                if (hits.size || this.always.length)
                    this.runRules(loc, { t: new Text(sub), base: a, pass }, hits, out);
            }
        }
    }
    detect(loc, v, rule, hits) {
        const f = loc.f;
        const sha = f.commit?.sha ?? '';
        if (commitOrPathAllowed(rule.allowlists, f.path, sha))
            return [];
        if (rule.path) {
            if (!rule.re)
                return !v.pass && rule.path.test(f.path) ? [this.pathFinding(rule, f)] : [];
            if (!rule.path.test(f.path))
                return [];
        }
        const out = [];
        for (const m of this.runner.run(v.t, rule, hits, { path: f.path, sha })) {
            const finding = this.finding(loc, v, rule, m);
            if (finding)
                out.push(finding);
        }
        return out;
    }
    /** A match of a view as a finding of the original fragment (in a decoded pass: only if it touches a decoded segment). */
    finding(loc, v, rule, m) {
        const f = loc.f;
        let start = m.start + v.base;
        let end = m.end + v.base;
        let tags = rule.tags;
        if (v.pass) {
            const segs = touching(v.pass, start, end);
            if (segs.length === 0)
                return null;
            [start, end] = toOriginal(v.pass, start, end);
            tags = [...rule.tags, ...decodeTags(segs, v.pass.depth)];
            if (!this.ignoreAllow && lineAround(f.text, start, end, this.maxLine).includes(ALLOW_SIGNATURE))
                return null;
        }
        const si = loc.lineIndex(start);
        const ei = loc.lineIndex(Math.max(start, end - 1));
        const startLine = loc.lineNumber(si);
        const finding = {
            ruleId: rule.id,
            description: rule.description,
            path: f.path,
            startLine,
            endLine: loc.lineNumber(ei),
            startColumn: start - loc.lineStart(si) + 1,
            endColumn: end - loc.lineStart(ei),
            match: m.match,
            secret: m.secret,
            entropy: m.entropy,
            tags,
            fingerprint: fingerprint(f, rule.id, startLine),
        };
        if (f.commit)
            finding.commit = f.commit;
        if (f.symlinkFile)
            finding.symlinkFile = f.symlinkFile;
        return finding;
    }
    pathFinding(rule, f) {
        const finding = {
            ruleId: rule.id,
            description: rule.description,
            path: f.path,
            startLine: 0,
            endLine: 0,
            startColumn: 0,
            endColumn: 0,
            match: `${PATH_MATCH_PREFIX}${f.path}`,
            secret: '',
            entropy: 0,
            tags: rule.tags,
            fingerprint: fingerprint(f, rule.id, 0),
        };
        if (f.commit)
            finding.commit = f.commit;
        if (f.symlinkFile)
            finding.symlinkFile = f.symlinkFile;
        return finding;
    }
    /**
     * Composite rules (gitleaks 8.28+): a primary finding stands only when every required rule has
     * a finding within its withinLines/withinColumns (anywhere in the fragment when neither is set);
     * it carries all those findings. Required rules run regardless of their keywords, and must be
     * enabled (with --enable-rule) to count.
     */
    withRequired(loc, v, rule, primaries) {
        const found = new Map();
        for (const q of rule.required) {
            if (found.has(q.id))
                continue;
            const r = this.byId.get(q.id);
            found.set(q.id, r && (!this.enabled || this.enabled.has(r.id)) ? this.detect(loc, v, r, undefined) : []);
        }
        const out = [];
        for (const p of primaries) {
            const parts = [];
            const seen = new Set();
            for (const q of rule.required) {
                if (seen.has(q.id))
                    continue;
                seen.add(q.id);
                for (const x of found.get(q.id) ?? [])
                    if (near(p, x, q))
                        parts.push(requiredPart(x));
            }
            if (rule.required.every((q) => parts.some((x) => x.ruleId === q.id)))
                out.push({ ...p, requiredFindings: parts });
        }
        return out;
    }
    noteCapped(path) {
        const reason = `a line longer than ${this.maxLine} characters was verified only around keyword hits`;
        const last = this.skipped[this.skipped.length - 1];
        if (last && last.path === path && last.reason === reason)
            return;
        this.skipped.push({ path, reason });
    }
}
function near(p, x, q) {
    if (q.withinLines !== undefined && Math.abs(p.startLine - x.startLine) > q.withinLines)
        return false;
    if (q.withinColumns !== undefined && Math.abs(p.startColumn - x.startColumn) > q.withinColumns)
        return false;
    return true;
}
function requiredPart(x) {
    return { ruleId: x.ruleId, startLine: x.startLine, endLine: x.endLine, startColumn: x.startColumn, endColumn: x.endColumn, match: x.match, secret: x.secret };
}
/** Loads and compiles a config; throws UserError naming the file, rule and field on a bad one. */
async function createScanner(opts) {
    const input = opts.configPath ?? 'config';
    let text = opts.configText;
    if (text === undefined && opts.configPath !== undefined) {
        try {
            text = await (0,promises_.readFile)(opts.configPath, 'utf8');
        }
        catch {
            throw new errors/* UserError */.yo(input, `config file "${opts.configPath}" cannot be read`);
        }
    }
    if (text === undefined) {
        if (opts.useDefault === false)
            throw new errors/* UserError */.yo(input, 'no config given and the default rules are turned off');
        text = DEFAULT_CONFIG_TOML;
    }
    try {
        const cfg = loadConfig({ text, ...(opts.configPath ? { path: opts.configPath } : {}), defaultText: DEFAULT_CONFIG_TOML });
        const source = opts.configPath ?? (opts.configText === undefined ? 'the default config' : 'config');
        const rules = cfg.rules.map((r) => compileRule(r, source));
        const global = compileGlobalAllowlists(cfg.allowlists, source);
        const maxLine = Math.max(1024, opts.maxLineLength ?? 10_000);
        const depth = opts.maxDecodeDepth ?? DEFAULT_DECODE_DEPTH;
        if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DECODE_DEPTH)
            throw new errors/* UserError */.yo('max-decode-depth', `expected a whole number from 0 to ${MAX_DECODE_DEPTH}`);
        const enable = [...new Set((opts.enableRules ?? []).map((id) => id.trim()).filter(Boolean))];
        const known = new Set(rules.map((r) => r.id));
        for (const id of enable)
            if (!known.has(id))
                throw new errors/* UserError */.yo('enable-rule', `rule "${id}" is not in ${source}`);
        return new Engine(rules, global, cfg.warnings, maxLine, opts.ignoreGitleaksAllow ?? false, depth, enable);
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw new errors/* UserError */.yo(input, e.message);
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/scanner/sources/stdin.ts

async function* stdinFragments(stream, name, opts) {
    const parts = [];
    let size = 0;
    for await (const chunk of stream) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        size += b.length;
        if (opts.maxBytes > 0 && size > opts.maxBytes) {
            opts.skipped.push({ path: name, reason: `standard input larger than ${formatMb(opts.maxBytes)}; raise max-target-megabytes to scan it` });
            return;
        }
        parts.push(b);
    }
    const buf = Buffer.concat(parts);
    if (isBinary(buf)) {
        opts.skipped.push({ path: name, reason: 'binary input' });
        return;
    }
    opts.stats.files++;
    opts.stats.bytes += buf.length;
    yield { text: buf.toString('utf8'), path: name };
}

;// CONCATENATED MODULE: ./src/scanner/sources/stats.ts
function newStats() {
    return { files: 0, bytes: 0, commits: 0 };
}

;// CONCATENATED MODULE: ./src/scanner/run.ts




const TOOL_NAME = 'pipeline-secrets';
const TOOL_VERSION = '1.0.0';
const TOOL_URI = 'https://github.com/pipeline-secrets/pipeline-secrets';
function fragments(source, opts) {
    switch (source.kind) {
        case 'tree':
            return walkTree(source.root, opts);
        case 'git':
            return gitLogFragments(source.cwd, source.revisions, opts, source.paths, {
                ...(source.all ? { all: true } : {}),
                ...(source.logOpts ? { logOpts: source.logOpts } : {}),
            });
        case 'staged':
            return stagedFragments(source.cwd, opts, source.paths);
        case 'stdin':
            return stdinFragments(source.stream, source.name, opts);
    }
}
async function runScan(o) {
    const t0 = performance.now();
    const skipped = [];
    const stats = newStats();
    const findings = [];
    const suppressed = [];
    let ignored = 0;
    let baselined = 0;
    const engineSkippedBefore = o.scanner.skipped?.length ?? 0;
    const scanner = o.scanner;
    const skipPath = scanner.isPathAllowed ? (p) => scanner.isPathAllowed?.(p) ?? false : undefined;
    for await (const frag of fragments(o.source, {
        maxBytes: o.maxBytes,
        skipped,
        stats,
        ...(o.archive ? { archive: o.archive } : {}),
        ...(skipPath ? { skipPath } : {}),
    })) {
        for (const f of o.scanner.scan(frag)) {
            if (o.ignore?.has(f)) {
                ignored++;
                suppressed.push(f);
            }
            else if (o.baseline?.has(f)) {
                baselined++;
                suppressed.push(f);
            }
            else
                findings.push(f);
        }
    }
    const engineSkipped = o.scanner.skipped?.slice(engineSkippedBefore) ?? [];
    return { findings, suppressed, ignored, baselined, skipped: [...skipped, ...engineSkipped], stats, seconds: (performance.now() - t0) / 1000 };
}
/** Control characters of untrusted text (paths, commit messages) shown as '?' in logs, so nothing can forge a runner command. */
function run_printable(text) {
    return text.replace(/[\x00-\x1f\x7f]/g, '?');
}

;// CONCATENATED MODULE: ./src/scanner/reports/summary.ts



const SUMMARY_ROWS = 300;
/** Markdown-safe cell: no pipes, no newlines, no HTML, no backticks (we wrap in code). */
function cell(text) {
    return escapeCell(text);
}
function escapeCell(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
function escapeCode(text) {
    return `\`${text
        .replace(/`/g, "'")
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')}\``;
}
/** The summary, always fully redacted: the findings shown, then the whole markdown scrubbed once more. */
function summaryMarkdown(s, ctx) {
    const red = redaction_redactorFor(s.findings, ctx);
    return red.scrub(markdown(s, ctx, red), redaction_FULL);
}
function markdown(s, ctx, red) {
    // every text is scrubbed before markdown escapes it (an escaped secret would slip past the final pass)
    const cell = (t) => escapeCell(red.scrub(t, redaction_FULL));
    const code = (t) => escapeCode(red.scrub(t, redaction_FULL));
    const n = s.findings.length;
    const out = [];
    out.push(`## ${n ? `:x: ${n} leaked secret${n === 1 ? '' : 's'} found` : ':white_check_mark: No leaked secrets'}`);
    out.push('');
    const mb = (s.bytes / 1048576).toFixed(1);
    const what = [
        `${ctx.target}`,
        s.commits ? `${s.commits} commit${s.commits === 1 ? '' : 's'}` : '',
        `${s.files} file${s.files === 1 ? '' : 's'}${s.commits ? ' changes' : ''}`,
        `${mb} MB`,
        `${s.ruleCount} rules`,
        `${s.seconds.toFixed(1)} s`,
    ].filter(Boolean);
    out.push(`Scanned ${red.scrub(what.join(', '), redaction_FULL)}.`);
    if (s.ignored)
        out.push(`${s.ignored} finding${s.ignored === 1 ? '' : 's'} ignored by .gitleaksignore.`);
    if (s.baselined)
        out.push(`${s.baselined} finding${s.baselined === 1 ? '' : 's'} already in the baseline.`);
    for (const note of s.notes)
        out.push(`- ${cell(note)}`);
    const v = ctx.verified && ctx.verified.size ? ctx.verified : undefined;
    if (n) {
        out.push('', `| rule | location | commit | secret |${v ? ' verified |' : ''}`, `| --- | --- | --- | --- |${v ? ' --- |' : ''}`);
        for (const f of redaction_showFindings(s.findings.slice(0, SUMMARY_ROWS), redaction_FULL, red, v)) {
            const sha = f.commit?.sha ?? '';
            const where = `${f.path}:${f.startLine}`;
            // no link when the path holds a secret: the summary is prose, and a URL would carry the path percent-encoded
            const link = sha && f.path === f.rawPath ? fileUrl(ctx, sha, f.rawPath, f.startLine) : '';
            const loc = link ? `[${cell(where)}](${link})` : code(where);
            const curl = commitUrl(ctx, sha);
            const commit = sha ? (curl ? `[${sha.slice(0, 7)}](${curl})` : code(sha.slice(0, 7))) : '';
            const status = v ? ` ${f.verified === 'live' ? ':red_circle: live' : (f.verified ?? 'not checked')} |` : '';
            const required = requiredText(f);
            out.push(`| ${cell(f.ruleId)}${required ? ` (with ${cell(required)})` : ''} | ${loc} | ${commit} | ${f.hasSecret ? code(f.secret) : cell(f.description)} |${status}`);
        }
        if (n > SUMMARY_ROWS)
            out.push('', `…and ${n - SUMMARY_ROWS} more: see the report files.`);
        out.push('', '**What to do:** revoke and rotate each secret first (it is in the history even after you delete it), then remove it from the code. A false positive can be ignored by adding its fingerprint to `.gitleaksignore` (see the JSON report) or with a `gitleaks:allow` comment on the line.');
    }
    if (s.skipped.length) {
        out.push('', `<details><summary>${s.skipped.length} skipped</summary>`, '');
        for (const k of s.skipped.slice(0, 50))
            out.push(`- ${code(k.path)}: ${cell(k.reason)}`);
        if (s.skipped.length > 50)
            out.push(`- …and ${s.skipped.length - 50} more`);
        out.push('', '</details>');
    }
    if (s.reports.length)
        out.push('', `Reports: ${s.reports.map(code).join(', ')}`);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/scanner/sources/git-repo.ts
/**
 * Making sure the commits a scan needs are in the checkout. CI checkouts are shallow
 * (actions/checkout fetches one commit; GitLab 20 or 50): a range scanned there would stop at
 * the shallow boundary and pass silently. So: fetch missing commits by SHA, deepen until the
 * range reaches its merge base, unshallow as a last resort, and fail closed when git cannot.
 */



const FETCH = ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet'];
const DEEPEN_STEPS = [50, 250, 1000];
async function resolveCommit(cwd, rev) {
    const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : null;
}
async function isShallow(cwd) {
    return (await gitOk(cwd, ['rev-parse', '--is-shallow-repository'], 'git rev-parse')).trim() === 'true';
}
async function repoRoot(cwd) {
    const r = await git(cwd, ['rev-parse', '--show-toplevel']);
    if (r.code !== 0)
        throw new GitError(`${cwd} is not a git repository (${firstError(r.stderr)}); use scan-mode tree to scan files`);
    return r.stdout.trim();
}
async function remote(cwd) {
    const r = await git(cwd, ['remote']);
    const names = r.stdout
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    return names.includes('origin') ? 'origin' : (names[0] ?? '');
}
async function shallowCommits(cwd) {
    const p = (await gitOk(cwd, ['rev-parse', '--git-path', 'shallow'], 'git rev-parse')).trim();
    const abs = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(cwd, p);
    if (!(0,external_node_fs_.existsSync)(abs))
        return new Set();
    return new Set((0,external_node_fs_.readFileSync)(abs, 'utf8')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean));
}
async function fetch(cwd, args) {
    const r = await git(cwd, [...FETCH, ...args]);
    return r.code === 0 ? null : firstError(r.stderr) || `git fetch exited with ${r.code}`;
}
/** Makes `rev` (a SHA) present, fetching it from the remote if needed. Returns the error, or null. */
async function ensureCommit(cwd, rev, notes) {
    if (await resolveCommit(cwd, rev))
        return null;
    const origin = await remote(cwd);
    if (!origin)
        return 'the repository has no remote to fetch it from';
    const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
    const err = await fetch(cwd, [...depth, origin, rev]);
    if (err)
        return err;
    if (!(await resolveCommit(cwd, rev)))
        return 'git fetch did not bring it';
    notes.push(`fetched commit ${rev.slice(0, 12)} from ${origin}`);
    return null;
}
/** Fetches branch `name` of the remote; returns its commit, or null with the error in notes. */
async function fetchBranch(cwd, name, notes) {
    const origin = await remote(cwd);
    if (!origin)
        return { error: 'the repository has no remote' };
    const tracking = `refs/remotes/${origin}/${name}`;
    const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
    const err = await fetch(cwd, [...depth, origin, `+refs/heads/${name}:${tracking}`]);
    if (err) {
        const local = await resolveCommit(cwd, tracking);
        return local ? { sha: local } : { error: err };
    }
    const sha = await resolveCommit(cwd, tracking);
    if (!sha)
        return { error: 'git fetch did not bring it' };
    notes.push(`fetched branch ${name} from ${origin}`);
    return { sha };
}
/** True when base..head is whole: no commit of it is a shallow boundary and the merge base exists. */
async function rangeComplete(cwd, base, head) {
    if (!(await isShallow(cwd)))
        return true;
    const shallow = await shallowCommits(cwd);
    const list = await gitOk(cwd, ['rev-list', `${base}..${head}`], 'git rev-list');
    for (const c of list.split('\n'))
        if (c && shallow.has(c.trim()))
            return false;
    const mb = await git(cwd, ['merge-base', base, head]);
    return mb.code === 0 && mb.stdout.trim() !== '';
}
async function deepenUntil(cwd, done, notes, what) {
    if (await done())
        return;
    const origin = await remote(cwd);
    if (!origin)
        throw new GitError(`the checkout is shallow and ${what} is incomplete, and there is no remote to fetch from: check out with fetch-depth: 0`);
    for (const n of DEEPEN_STEPS) {
        const err = await fetch(cwd, [`--deepen=${n}`, origin]);
        if (err)
            throw new GitError(`the checkout is shallow and deepening it failed: ${err}. Check out with fetch-depth: 0`);
        notes.push(`the checkout is shallow: deepened it by ${n} commits`);
        if (await done())
            return;
    }
    const err = await fetch(cwd, ['--unshallow', origin]);
    if (err)
        throw new GitError(`the checkout is shallow and fetching the full history failed: ${err}. Check out with fetch-depth: 0`);
    notes.push('the checkout is shallow: fetched the full history');
    if (!(await done()))
        throw new GitError(`${what} is still incomplete after fetching the full history: refusing to scan part of it`);
}
/** Fetches a pull request's head ref into refs/remotes/<remote>/pull/N/head (objects only: nothing is checked out). */
async function fetchHeadRef(cwd, ref, notes) {
    if (!/^refs\/pull\/\d+\/head$/.test(ref))
        return 'not a pull request ref';
    const origin = await remote(cwd);
    if (!origin)
        return 'the repository has no remote to fetch it from';
    const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
    const local = `refs/remotes/${origin}/${ref.slice('refs/'.length)}`;
    const err = await fetch(cwd, [...depth, origin, `+${ref}:${local}`]);
    if (err)
        return err;
    notes.push(`fetched the pull request head ${ref} from ${origin} (as git objects; nothing checked out)`);
    return null;
}
/** Makes base..head scannable (or fails closed). Without a usable base, returns no base (scan the history of head). */
async function prepareRange(cwd, req, allowHistory) {
    const notes = [];
    if (req.headRef && !(await resolveCommit(cwd, req.head))) {
        const refErr = await fetchHeadRef(cwd, req.headRef, notes);
        if (refErr)
            notes.push(`the pull request ref ${req.headRef} could not be fetched (${refErr}): fetching the head commit by SHA`);
    }
    const headErr = await ensureCommit(cwd, req.head, notes);
    if (headErr)
        throw new GitError(`the head commit ${git_repo_short(req.head)} is not in the checkout and could not be fetched: ${headErr}`);
    const head = (await resolveCommit(cwd, req.head)) ?? req.head;
    let base;
    if (req.base) {
        const err = await ensureCommit(cwd, req.base, notes);
        if (!err)
            base = (await resolveCommit(cwd, req.base)) ?? req.base;
        else if (req.baseRef)
            notes.push(`the base commit ${git_repo_short(req.base)} is unreachable (${err}; a force-push?): scanning the commits not on ${req.baseRef}, from their merge base with it`);
        else if (allowHistory)
            notes.push(`the base commit ${git_repo_short(req.base)} is unreachable (${err}; a force-push?): scanning the whole history of ${git_repo_short(head)}`);
        else
            throw new GitError(`the base commit ${git_repo_short(req.base)} is not in the checkout and could not be fetched: ${err}`);
    }
    if (!base && req.baseRef) {
        const r = await fetchBranch(cwd, req.baseRef, notes);
        if (r.sha)
            base = r.sha;
        else if (allowHistory)
            notes.push(`branch ${req.baseRef} could not be fetched (${r.error ?? ''}): scanning the whole history of ${git_repo_short(head)}`);
        else
            throw new GitError(`branch ${req.baseRef} could not be fetched: ${r.error ?? ''}`);
    }
    if (base) {
        const b = base;
        await deepenUntil(cwd, () => rangeComplete(cwd, b, head), notes, `the range ${git_repo_short(b)}..${git_repo_short(head)}`);
        return { base, head, notes };
    }
    await prepareHistory(cwd, notes);
    return { head, notes };
}
/** The whole history needs a complete clone. */
async function prepareHistory(cwd, notes) {
    if (!(await isShallow(cwd)))
        return;
    const origin = await remote(cwd);
    const err = origin ? await fetch(cwd, ['--unshallow', origin]) : 'the repository has no remote';
    if (err)
        throw new GitError(`the checkout is shallow and the full history could not be fetched: ${err}. Check out with fetch-depth: 0`);
    notes.push('the checkout is shallow: fetched the full history');
    if (await isShallow(cwd))
        throw new GitError('the checkout is still shallow after fetching the full history: refusing to scan part of it');
}
function git_repo_short(rev) {
    return /^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 12) : rev;
}

;// CONCATENATED MODULE: ./src/scanner/sources/plan.ts


async function sourceFor(plan, dir) {
    if (plan.kind === 'tree')
        return { source: { kind: 'tree', root: dir }, root: dir, target: `the files under ${dir === '.' ? 'the workspace' : dir}`, notes: [] };
    const root = await repoRoot(dir);
    if (plan.kind === 'none')
        return { source: null, root, target: 'nothing', notes: [`nothing to scan: ${plan.why}`] };
    if (plan.kind === 'history') {
        const notes = [];
        await prepareHistory(root, notes);
        if (plan.all) {
            // every ref, each commit once (git log --all walks the union): a side branch or a tag HEAD does not reach is scanned too
            if (!(await resolveCommit(root, 'HEAD')))
                throw new GitError('cannot scan the history: the repository has no commits');
            return { source: { kind: 'git', cwd: root, revisions: [], all: true }, root, target: 'the history of every ref', notes };
        }
        const head = await resolveCommit(root, plan.head);
        if (!head)
            throw new GitError(`cannot scan the history of ${plan.head}: no such commit in the checkout`);
        return { source: { kind: 'git', cwd: root, revisions: [head] }, root, target: `the history of ${plan_short(head)}`, notes };
    }
    const req = { head: plan.head };
    if (plan.base)
        req.base = plan.base;
    if (plan.baseRef)
        req.baseRef = plan.baseRef;
    if (plan.headRef)
        req.headRef = plan.headRef;
    const p = await prepareRange(root, req, plan.fallbackHistory === true);
    if (p.base && p.base === p.head) {
        return { source: null, root, target: 'nothing', notes: [...p.notes, `nothing to scan: base and head are the same commit (${plan_short(p.head)})`] };
    }
    if (!p.base)
        return { source: { kind: 'git', cwd: root, revisions: [p.head] }, root, target: `the history of ${plan_short(p.head)}`, notes: p.notes };
    return {
        source: { kind: 'git', cwd: root, revisions: [`${p.base}..${p.head}`] },
        root,
        target: `commits ${plan_short(p.base)}..${plan_short(p.head)} (${plan.why})`,
        notes: p.notes,
    };
}
/** gitleaks' --log-opts: exactly `git log <log-opts>` (no --all added), over a complete clone. */
async function sourceForLogOpts(logOpts, dir) {
    const root = await repoRoot(dir);
    const notes = [];
    await prepareHistory(root, notes);
    return { source: { kind: 'git', cwd: root, revisions: [], logOpts }, root, target: `git log ${logOpts.join(' ')}`, notes };
}
function plan_short(rev) {
    return /^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 12) : rev;
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/source.ts
/**
 * What gitleaks-scan scans and with which rules: the Config's source choice planned against the
 * run's event (src/scanner/range.ts) and made present (fetching commits), and the rules looked up
 * in the scanned root when no config was given.
 */






/** gitleaks' own config names, looked up in the scanned root. */
const CONFIG_NAMES = ['.gitleaks.toml', '.github/.gitleaks.toml', 'gitleaks.toml'];
async function chooseSource(r, cfg) {
    const dir = cfg.dir;
    const s = cfg.source;
    if (s.kind === 'none')
        return { source: null, root: dir, target: 'nothing (scan-mode: none)', notes: [] };
    if (s.kind === 'stdin') {
        const stream = r.stdin?.();
        if (!stream)
            throw new errors/* UserError */.yo('stdin', 'this runner has no standard input to scan');
        return { source: { kind: 'stdin', stream, name: 'stdin' }, root: dir, target: 'standard input', notes: [] };
    }
    if (s.kind === 'staged') {
        const root = await repoRoot(dir);
        return { source: { kind: 'staged', cwd: root }, root, target: 'the staged changes', notes: [] };
    }
    if (s.kind === 'log') {
        r.info(`scan: git log ${s.logOpts.join(' ')} (log-opts)`);
        return sourceForLogOpts(s.logOpts, dir);
    }
    const ctx = r.context();
    const plan = planScan({ platform: ctx.platform, eventName: ctx.eventName, event: ctx.event, env: (n) => r.env(n), mode: s.mode, base: s.base, head: s.head });
    r.info(`scan: ${plan.kind === 'tree' ? 'the files' : plan.kind === 'none' ? 'nothing' : plan.kind === 'history' ? (plan.all ? 'the whole history (every ref)' : `the history of ${plan.head}`) : 'a commit range'} (${plan.why})`);
    return sourceFor(plan, dir);
}
function rules(cfg, root) {
    if (cfg.rules)
        return { opts: 'configPath' in cfg.rules ? { configPath: cfg.rules.configPath } : { configText: cfg.rules.configText }, from: cfg.rules.from };
    const name = CONFIG_NAMES.find((n) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, n)));
    return name ? { opts: { configPath: (0,external_node_path_.join)(root, name) }, from: name } : { opts: { useDefault: true }, from: 'the built-in rules' };
}
/** The scanner's options: the Config's rules, else a gitleaks config in the scanned root, else the built-in rules. */
function scannerOptions(cfg, root) {
    const { opts, from } = rules(cfg, root);
    opts.maxDecodeDepth = cfg.maxDecodeDepth;
    if (cfg.enableRules.length)
        opts.enableRules = cfg.enableRules;
    if (cfg.ignoreGitleaksAllow)
        opts.ignoreGitleaksAllow = true;
    return { opts, from };
}
/** A scan that saw everything (a tree, a whole history): only then can an ignore entry be called stale. log-opts may pick any part: never complete. */
function complete(source) {
    return source?.kind === 'tree' || (source?.kind === 'git' && !source.logOpts && !source.revisions.some((x) => x.includes('..')));
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/delivery.ts
/**
 * Where the findings go beyond the reports: pull request review comments and code scanning
 * (through the runner's forge, GitHub only) and the redacted SARIF as an artifact. Each is a
 * by-product: a missing permission or a failed upload is a note or a warning, never a failure.
 * Each returns notes for the summary.
 */




/** PR review comments, or a note when they cannot be posted (fork PRs get a read-only token). */
async function comment(r, cfg, findings, redactor) {
    const pr = r.forge?.pullRequest();
    if (!r.forge || !pr) {
        if (cfg.commentExplicit)
            r.info('comment: not a pull request event, so no review comments (the annotations and the summary have the findings)');
        return [];
    }
    if (r.context().eventName === 'pull_request' && pr.fork) {
        const note = 'review comments skipped: a pull request from a fork gets a read-only token; the findings are in the annotations and this summary';
        r.annotate('notice', note);
        return [note];
    }
    if (!cfg.token) {
        if (cfg.commentExplicit)
            throw new errors/* UserError */.yo('github-token', 'comment: true needs a token (github-token: ${{ github.token }}) with pull-requests: write');
        const note = 'review comments skipped: no token (set GITHUB_TOKEN or github-token); the findings are in the annotations and this summary';
        r.info(note);
        return [note];
    }
    const res = await r.forge.reviewComments(cfg.token, pr, reviewComments(findings, cfg.notify, redactor));
    if (res.denied) {
        const note = 'review comments skipped: the token may not comment on this pull request (needs permissions: pull-requests: write; fork pull requests never get it); the findings are in the annotations and this summary';
        r.annotate('notice', note);
        return [note];
    }
    if (res.error) {
        r.warning(`review comments: ${res.error}; the findings are in the annotations and the job summary`);
        return [`review comments failed: ${res.error}`];
    }
    r.info(`review comments: ${res.posted} posted, ${res.existing} already there${res.outsideDiff ? `, ${res.outsideDiff} on lines outside the diff` : ''}${cfg.notify.length ? ` (notifying ${cfg.notify.map((u) => `@${u}`).join(' ')})` : ''}`);
    return [];
}
/** upload-sarif: true. A missing permission is a note, never a failure. */
async function sendToCodeScanning(r, cfg, sarif) {
    if (!r.forge)
        return ['upload-sarif: only on GitHub; skipped'];
    if (!cfg.token)
        return ['upload-sarif skipped: no token (github-token or GITHUB_TOKEN)'];
    const res = await r.forge.uploadSarif(cfg.token, sarif);
    if (res.ok) {
        r.info(`upload-sarif: sent to code scanning${res.id ? ` (id ${res.id})` : ''}`);
        return [];
    }
    const note = `upload-sarif skipped: ${res.why}`;
    if (res.denied)
        r.annotate('notice', note);
    else
        r.warning(note);
    return [note];
}
const ARTIFACT_NAME = 'gitleaks-results.sarif';
/** the file inside the artifact: gitleaks-action's name, so downstream jobs read the same path */
const ARTIFACT_FILE = 'results.sarif';
/**
 * GITLEAKS_ENABLE_UPLOAD_ARTIFACT / upload-artifact: the redacted SARIF is written (output
 * artifact-path, for actions/upload-artifact) and, where the runner has an artifact service,
 * uploaded as the artifact gitleaks-results.sarif like gitleaks-action does (outputs
 * artifact-id, artifact-url). The artifact is a by-product: a failed upload is a warning and
 * never changes the scan's verdict.
 */
async function artifact(r, sarif) {
    const dir = (0,external_node_path_.join)(r.tempDir(), 'gitleaks-artifact');
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const path = (0,external_node_path_.join)(dir, ARTIFACT_FILE);
    (0,external_node_fs_.writeFileSync)(path, sarif, { mode: 0o600 });
    r.output('artifact-path', path);
    if (!r.uploadArtifact) {
        // in a CI job the output is how a later step finds the file; the runner says how to keep it
        r.info(`upload-artifact: the redacted SARIF is at ${path}${r.jobScoped ? ' (output artifact-path)' : ''}${r.artifactHint ? `; ${r.artifactHint}` : ''}`);
        return [];
    }
    try {
        const res = await r.uploadArtifact(ARTIFACT_NAME, path);
        if (res.id !== undefined)
            r.output('artifact-id', String(res.id));
        if (res.url)
            r.output('artifact-url', res.url);
        const size = res.size !== undefined ? `, ${res.size} bytes` : '';
        r.info(`upload-artifact: uploaded the redacted SARIF as the artifact ${ARTIFACT_NAME}${res.id !== undefined ? ` (id ${res.id}${size})` : ''}${res.url ? `: ${res.url}` : ''}`);
        return [`The redacted SARIF is the artifact ${res.url ? `[${ARTIFACT_NAME}](${res.url})` : ARTIFACT_NAME}.`];
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        r.warning(`upload-artifact: the artifact ${ARTIFACT_NAME} was not uploaded: ${why}. The scan result stands; the redacted SARIF is at ${path} (output artifact-path) for actions/upload-artifact`);
        return [`artifact ${ARTIFACT_NAME} not uploaded: ${why}`];
    }
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/verify.ts

async function verify(r, opts, findings, all) {
    const out = await verifyFindings(findings, all, {
        endpoints: opts.endpoints,
        timeoutMs: opts.timeoutMs,
        concurrency: 4,
        proxy: r.proxy(),
        onSecret: (v) => {
            try {
                r.masker.register(v, 'a found key being verified');
            }
            catch {
                /* too short to mask: it is never printed anyway (reports redact it) */
            }
        },
    });
    const statuses = new Map();
    const counts = { live: 0, revoked: 0, unknown: 0 };
    for (const [f, res] of out.results) {
        statuses.set(f, res.verdict);
        counts[res.verdict]++;
        r.info(`verify: ${f.ruleId} at ${f.path}:${f.startLine}: ${res.verdict} (${res.provider}: ${res.why})`);
    }
    const unchecked = findings.length - out.results.size;
    const notes = [
        `verified ${out.results.size} finding${out.results.size === 1 ? '' : 's'}: ${counts.live} live, ${counts.revoked} revoked, ${counts.unknown} unknown${unchecked ? `; ${unchecked} of rules without an identity check` : ''}`,
    ];
    r.info(notes[0] ?? '');
    return { statuses, live: counts.live, notes };
}

// EXTERNAL MODULE: ./src/guard/search.ts + 2 modules
var search = __webpack_require__(61);
;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/injected.ts
/**
 * injected: true, the leak guard inside gitleaks-scan. The guard's findings (src/guard/search.ts)
 * in the scanner's Finding shape, so they go through the same reports, annotations and summary as
 * rule findings. The guard never holds the value: `match` and `secret` are empty, so no report can
 * print it, whatever its redaction setting.
 */


const INJECTED_RULE_ID = 'injected-secret';
function describeGuardFinding(f) {
    return `a secret this job injected (${f.label}) is in this file${f.form === 'value' ? '' : ` (${f.form})`}`;
}
function toFindings(found) {
    return found.map((f) => ({
        ruleId: INJECTED_RULE_ID,
        description: describeGuardFinding(f),
        path: f.path,
        startLine: f.line,
        endLine: f.line,
        startColumn: f.column,
        endColumn: f.column,
        match: '',
        secret: '',
        entropy: 0,
        tags: ['injected', f.form],
        fingerprint: `${f.path}:${INJECTED_RULE_ID}:${f.line}`,
    }));
}
/**
 * The record in `recordDir` (the runner's tempDir()) searched over `targets`, as scanner
 * Findings. Nothing recorded: no findings and secrets 0. A record with unreadable lines and no
 * finding throws (searchRecorded): the guard cannot vouch for it.
 */
async function injectedFindings(recordDir, targets, opts = {}) {
    const res = await (0,search/* searchRecorded */.xo)(recordDir, targets, opts);
    return { findings: toFindings(res.findings), skipped: res.skipped, secrets: res.secrets, bytes: res.bytes, files: res.files, seconds: res.seconds };
}
/**
 * injected: true: search `dir` (.git skipped, archives opened) for the values the credential
 * actions of this job recorded in its temp dir. Findings name the file, line and secret
 * label; they never hold the value (the guard never had it).
 */
async function injectedSearch(r, dir, workspace, maxDepth) {
    const recordDir = r.tempDir();
    const rel = (0,external_node_path_.relative)(workspace, dir).split('\\').join('/');
    const display = rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? dir : rel;
    const res = await injectedFindings(recordDir, [{ path: dir, display }], { maxDepth, skipPaths: [recordDir] });
    if (!res.secrets) {
        const note = 'injected: no secret was recorded in this job, so there was nothing to search for (fetch-secrets, vault-login and oidc-assume-role record what they inject: run them earlier in the same job)';
        r.info(note);
        return { findings: [], skipped: res.skipped, notes: [note], files: 0, bytes: 0 };
    }
    const n = res.findings.length;
    const note = `injected: searched ${display} (${res.files} file${res.files === 1 ? '' : 's'}, ${(res.bytes / 1048576).toFixed(1)} MB) for ${res.secrets} secret${res.secrets === 1 ? '' : 's'} this job injected in ${res.seconds.toFixed(2)} s: ${n ? `${n} found` : 'none found'}`;
    r.info(note);
    return { findings: res.findings, skipped: res.skipped, notes: [note], files: res.files, bytes: res.bytes };
}
/** The log line of an injected finding: file, line and which secret (never a value: there is none). */
function injectedLine(f) {
    return f.ruleId === INJECTED_RULE_ID ? `${f.path}:${f.startLine}: ${INJECTED_RULE_ID}: ${f.description}` : undefined;
}

;// CONCATENATED MODULE: ./src/scanner/reports/annotations.ts


const ANNOTATION_LIMIT = 10;
function message(f) {
    const commit = f.commit ? ` in commit ${f.commit.sha.slice(0, 12)} by ${f.commit.author}` : '';
    const required = requiredText(f);
    return `${f.description || f.ruleId} (${f.ruleId}): secret ${f.secret}${commit}${required ? `, with ${required}` : ''}. Revoke and rotate it, then remove it from the code.`;
}
/** A finding's annotation text: always fully redacted (`red`: the scan's redactor; default: one from this finding). */
function findingMessage(f, red = redactorFor([f])) {
    const [shown] = showFindings([f], FULL, red);
    return shown ? red.scrub(message(shown), FULL) : '';
}
/** Annotations carry the real path as their file (GitHub places them by it); every text is redacted. */
function findingAnnotations(findings, limit = ANNOTATION_LIMIT, red = redaction_redactorFor(findings)) {
    const out = redaction_showFindings(findings.slice(0, limit), redaction_FULL, red).map((f) => {
        const a = {
            level: 'error',
            title: red.scrub(`Leaked secret: ${f.ruleId}`, redaction_FULL),
            message: red.scrub(message(f), redaction_FULL),
            file: f.rawPath,
            line: f.startLine,
        };
        if (f.endLine !== f.startLine)
            a.endLine = f.endLine;
        else {
            a.col = f.startColumn;
            a.endColumn = f.endColumn;
        }
        return a;
    });
    if (findings.length > limit) {
        out.push({
            level: 'notice',
            title: 'More leaked secrets',
            message: `${findings.length - limit} more finding${findings.length - limit === 1 ? '' : 's'} not annotated (GitHub shows ${limit} per step): see the job summary and the reports.`,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/reports.ts
/**
 * The findings shown: report files (0600 unless fully redacted), a report printed for a person
 * at a terminal (the local CLI) or sent to the job log (always fully redacted), the findings'
 * log lines and annotations. One redactor (the ReportContext's) covers every one of them.
 */






async function writeReports(r, cfg, findings, ctx) {
    const written = [];
    let toLog = false;
    const logCtx = { ...ctx, redact: true };
    delete logCtx.redactPercent;
    const terminal = r.reports.terminal;
    for (const t of reportTargets(cfg.formats, cfg.reportPath)) {
        if (t.path === '-' || (!cfg.reportPath && terminal)) {
            // a report to a CI job's log is a log: always fully redacted, whatever redact says
            if (terminal)
                terminal(render(t.format, findings, ctx));
            else
                for (const line of render(t.format, findings, logCtx).split('\n'))
                    if (line)
                        r.info(run_printable(line));
            toLog = true;
            continue;
        }
        const content = render(t.format, findings, ctx);
        const abs = (0,external_node_path_.isAbsolute)(t.path) ? t.path : (0,external_node_path_.resolve)(cfg.reportPath ? cfg.workspace : r.reports.dir(), t.path);
        await writeReport(abs, content, cfg.filesRedacted);
        written.push({ format: t.format, path: abs });
        r.info(`${t.format} report: ${abs}`);
    }
    if (!cfg.filesRedacted && written.length)
        r.warning(`redact is ${cfg.redactRaw}: the report files hold ${cfg.redactPercent !== undefined ? 'part of each secret' : 'the secrets in full'} (written 0600); do not upload them as artifacts`);
    return { written, toLog };
}
/**
 * One log line per finding (the first 1000; not again when the report went to a terminal) and
 * the annotations where the runner has them. Every text goes through the scan's redactor.
 */
function logFindings(r, findings, redactor, statuses, toLog) {
    if (!toLog || !r.reports.terminal) {
        for (const f of findings.slice(0, 1000)) {
            const v = statuses?.get(f);
            r.info(run_printable(`${injectedLine(f) ?? textLine(f, true, redactor)}${v ? ` [${v}]` : ''}`));
        }
    }
    if (r.annotations !== 'none') {
        for (const a of findingAnnotations(findings, undefined, redactor)) {
            const { level, message, ...props } = a;
            r.annotate(level, run_printable(message), props);
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/run.ts
/**
 * gitleaks-scan: scan the event's commits (or the history, a tree, staged changes, stdin) with
 * gitleaks-format rules; annotate, summarise, write reports, fail the step on findings. From a
 * Config and the runner's capabilities (annotations, summary, reports, forge): it never asks
 * which CI it is on. Glue only: the scan lives in src/scanner.
 */













async function run(cfg, r) {
    const started = new Date();
    const chosen = await chooseSource(r, cfg);
    if (cfg.pruneIgnores && !complete(chosen.source))
        throw new errors/* UserError */.yo('prune-ignores', 'needs a scan of the whole history or a tree (a commit range cannot tell a stale entry from one for commits outside it)');
    for (const note of chosen.notes)
        r.info(note);
    const { opts, from } = scannerOptions(cfg, chosen.root);
    const scanner = cfg.noRules ? { ruleCount: 0 } : await createScanner(opts);
    if (!cfg.noRules)
        r.info(`rules: ${scanner.ruleCount} from ${from}`);
    const ignore = IgnoreList.fromFile((0,external_node_path_.join)(chosen.root, '.gitleaksignore'));
    if (ignore.size)
        r.info(`.gitleaksignore: ${ignore.size} entr${ignore.size === 1 ? 'y' : 'ies'}`);
    const { baseline, archive } = cfg;
    if (baseline)
        r.info(`baseline: ${baseline.size} known finding${baseline.size === 1 ? '' : 's'}`);
    if (archive)
        r.info(`archives: opened ${archive.maxDepth} level${archive.maxDepth === 1 ? '' : 's'} deep`);
    const source = chosen.source;
    const result = source && 'scan' in scanner
        ? await runScan({
            scanner,
            source,
            maxBytes: cfg.maxTargetMegabytes * 1024 * 1024,
            ignore,
            ...(archive ? { archive } : {}),
            ...(baseline ? { baseline } : {}),
        })
        : { findings: [], suppressed: [], ignored: 0, baselined: 0, skipped: [], stats: { files: 0, bytes: 0, commits: 0 }, seconds: 0 };
    const { stats } = result;
    let findings = result.findings;
    let ignored = result.ignored;
    r.info(`scanned ${chosen.target}: ${stats.commits ? `${stats.commits} commits, ` : ''}${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MB in ${result.seconds.toFixed(2)} s`);
    if (result.skipped.length) {
        r.info(`skipped ${result.skipped.length}:`);
        for (const s of result.skipped.slice(0, 20))
            r.info(`  ${run_printable(s.path)}: ${run_printable(s.reason)}`);
        if (result.skipped.length > 20)
            r.info(`  ...and ${result.skipped.length - 20} more (listed in the summary)`);
    }
    const notes = [...chosen.notes];
    // .gitleaksignore upkeep
    if (cfg.writeIgnore && findings.length) {
        const added = ignore.append(findings, `added by pipeline-secrets --write-ignore on ${started.toISOString().slice(0, 10)}: review, then commit`);
        r.info(`write-ignore: ${added.length} entr${added.length === 1 ? 'y' : 'ies'} appended to ${run_printable(ignore.path)}; these ${findings.length} finding${findings.length === 1 ? '' : 's'} now count as ignored`);
        notes.push(`write-ignore: ${added.length} content-keyed entr${added.length === 1 ? 'y' : 'ies'} appended to .gitleaksignore`);
        ignored += findings.length;
        findings = [];
    }
    let stale = [];
    if (complete(source) && ignore.size) {
        stale = cfg.pruneIgnores ? ignore.prune() : ignore.unused();
        if (stale.length) {
            r.info(`.gitleaksignore: ${stale.length} entr${stale.length === 1 ? 'y matches' : 'ies match'} nothing any more${cfg.pruneIgnores ? ': removed (prune-ignores)' : ' (remove them with prune-ignores)'}:`);
            for (const e of stale.slice(0, 50))
                r.info(`  ${run_printable(e)}`);
            notes.push(`${stale.length} stale .gitleaksignore entr${stale.length === 1 ? 'y' : 'ies'}${cfg.pruneIgnores ? ' removed' : ' (prune-ignores removes them)'}: ${stale.slice(0, 20).join(', ')}${stale.length > 20 ? ', …' : ''}`);
        }
    }
    const verification = cfg.verify && findings.length ? await verify(r, cfg.verify, findings, result.findings) : undefined;
    if (verification)
        notes.push(...verification.notes);
    // the leak guard: its findings join the rule findings in every report; they always fail the step
    const injected = cfg.injected ? await injectedSearch(r, cfg.dir, cfg.workspace, archive?.maxDepth ?? 4) : undefined;
    if (injected) {
        findings = [...findings, ...injected.findings];
        notes.push(...injected.notes);
    }
    const skipped = injected ? [...result.skipped, ...injected.skipped] : result.skipped;
    const target = injected ? `${cfg.noRules ? '' : `${chosen.target} and `}the files under ${cfg.pathDisplay} (injected secrets)` : chosen.target;
    // one redactor for every report, log line, annotation and comment: every secret this scan found
    // (ignored, baselined and write-ignore'd findings too: another finding's commit message can name them)
    const redactor = ScanRedactor.fromFindings([...result.findings, ...result.suppressed, ...(injected?.findings ?? [])]);
    const ctx = {
        toolName: TOOL_NAME,
        toolVersion: TOOL_VERSION,
        informationUri: TOOL_URI,
        started,
        finished: new Date(),
        serverUrl: r.context().serverUrl,
        repository: r.context().repository,
        redact: cfg.redact,
        ...(cfg.redactPercent !== undefined ? { redactPercent: cfg.redactPercent } : {}),
        target,
        skipped,
        ...(verification ? { verified: verification.statuses } : {}),
        redactor,
    };
    const { written, toLog } = await writeReports(r, cfg, findings, ctx);
    // the artifact and code scanning always get a redacted SARIF
    const sarifFor = () => render('sarif', findings, { ...ctx, redact: true });
    if (cfg.uploadArtifact)
        notes.push(...(await artifact(r, sarifFor())));
    if (cfg.uploadSarif)
        notes.push(...(await sendToCodeScanning(r, cfg, sarifFor())));
    if (findings.length)
        logFindings(r, findings, redactor, verification?.statuses, toLog);
    if (cfg.comment && findings.length)
        notes.push(...(await comment(r, cfg, findings, redactor)));
    if (r.hasSummary && cfg.summary) {
        await r.summary(summaryMarkdown({
            findings,
            ignored,
            baselined: result.baselined,
            skipped,
            ruleCount: scanner.ruleCount,
            bytes: stats.bytes + (injected?.bytes ?? 0),
            files: stats.files + (injected?.files ?? 0),
            commits: stats.commits,
            seconds: result.seconds,
            notes,
            reports: written.map((w) => w.path),
        }, ctx));
    }
    r.output('findings', String(findings.length));
    r.output('skipped', String(skipped.length));
    if (verification)
        r.output('live', String(verification.live));
    if (stale.length)
        r.output('stale-ignores', String(stale.length));
    if (written[0])
        r.output('report-path', written[0].path);
    for (const w of written)
        r.output(`${w.format}-path`, w.path);
    const failing = cfg.failOn === 'live' ? findings.filter((f) => verification?.statuses.get(f) === 'live' || injected?.findings.includes(f)) : findings;
    if (findings.length) {
        const n = findings.length;
        const msg = `${n} finding${n === 1 ? '' : 's'}: leaked secret${n === 1 ? '' : 's'} in ${target}`;
        if (cfg.failOnFindings && failing.length) {
            const live = cfg.failOn === 'live' ? ` (${failing.length} verified live)` : '';
            throw new errors/* StepFailed */.an(`${msg}${live} (see the ${r.annotations === 'native' && r.hasSummary ? 'annotations and the job summary' : 'report'})`);
        }
        r.warning(`${msg}; ${cfg.failOnFindings ? 'none verified live and fail-on is live' : 'fail-on-findings is false'}, so the step passes`);
    }
    else {
        r.info(`no leaks found${ignored ? ` (${ignored} ignored)` : ''}${result.baselined ? ` (${result.baselined} in the baseline)` : ''}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/spec.ts
const gitleaksScanSpec = {
    name: 'gitleaks-scan',
    summary: 'scan commits, history or files for leaked secrets with gitleaks-format rules; fail on findings',
    positional: 'path',
    inputs: [
        { name: 'config', description: 'gitleaks TOML config; default: .gitleaks.toml, .github/.gitleaks.toml or gitleaks.toml in the repository, else the built-in rules', default: '' },
        { name: 'scan-mode', description: 'auto (the event\'s commits; the whole history on schedule/workflow_dispatch; files when local), diff, history (every ref, as gitleaks\' git log --all), tree, or none (no rule scan: injected: true alone)', default: 'auto' },
        { name: 'base', description: 'scan the commits base..head instead of the event\'s range', default: '' },
        { name: 'head', description: 'the last commit to scan (default: the event\'s head, else HEAD); in history mode, scan only the history of this commit instead of every ref', default: '' },
        { name: 'log-opts', description: 'gitleaks --log-opts: scan exactly git log <log-opts> (e.g. HEAD for the history of HEAD alone, or main..feature); no --all is added. Options that redirect or reshape the patch (--output, --stat, …) are refused', default: '' },
        { name: 'path', description: 'the directory to scan (tree mode) or the repository (git modes), relative to the workspace; also where injected: true searches (.git skipped)', default: '.' },
        { name: 'baseline', description: 'a previous gitleaks JSON report: findings already in it do not fail the step', default: '' },
        { name: 'fail-on-findings', description: 'fail the step when there are findings', default: 'true' },
        { name: 'report-format', description: 'json, sarif, gitlab, csv, junit, text (several: comma separated). Default: sarif and json on GitHub, gitlab on GitLab, text to stdout locally', default: '' },
        { name: 'report-path', description: 'where to write the report (several formats: each gets its own suffix); default: the runner temp dir on GitHub, the project dir on GitLab, stdout locally', default: '' },
        { name: 'redact', description: 'redact secrets in report files: true, false, or a percentage N as gitleaks --redact=N (N percent of each secret hidden in the JSON, CSV and JUnit reports; SARIF and GitLab stay fully redacted). Logs, annotations and the summary are always redacted', default: 'true' },
        { name: 'comment', description: 'post a review comment on each finding\'s line of the pull request (needs pull-requests: write; fork PRs fall back to annotations). Unset: GITLEAKS_ENABLE_COMMENTS, else false', default: 'false' },
        { name: 'notify', description: 'GitHub users or teams (@octocat,@org/team) mentioned in the review comments (GITLEAKS_NOTIFY_USER_LIST)', default: '' },
        { name: 'summary', description: 'write the job summary. Unset: GITLEAKS_ENABLE_SUMMARY, else true', default: 'true' },
        { name: 'upload-artifact', description: 'upload the redacted SARIF as the workflow artifact gitleaks-results.sarif on GitHub (outputs artifact-id, artifact-url) and write it to a file (output artifact-path). Unset: GITLEAKS_ENABLE_UPLOAD_ARTIFACT, else false', default: 'false' },
        { name: 'upload-sarif', description: 'send the SARIF to GitHub code scanning (needs security-events: write; skipped with a note where not permitted)', default: 'false' },
        { name: 'github-token', description: 'token for pull request comments and upload-sarif (default: GITHUB_TOKEN from the environment)', default: '' },
        { name: 'max-target-megabytes', description: 'skip files (and single-commit file changes) larger than this many MB; 0: no limit', default: '10' },
        { name: 'max-decode-depth', description: 'decode base64, hex and percent-encoded segments this many times and scan what they hide (gitleaks\' default 5; 0 turns decoding off)', default: '5' },
        { name: 'enable-rule', description: 'scan with only these rule ids (comma or newline separated), like gitleaks --enable-rule', default: '' },
        { name: 'ignore-gitleaks-allow', description: 'report findings on lines marked gitleaks:allow too, like gitleaks --ignore-gitleaks-allow', default: 'false' },
        { name: 'max-archive-depth', description: 'open zip, tar, tar.gz/tgz and gz files (in trees and commits) this many levels deep; 0: archives are binary files (gitleaks\' default)', default: '0' },
        { name: 'write-ignore', description: 'append a content-keyed .gitleaksignore entry (file:rule:hash, survives rebases) for each current finding; they then count as ignored', default: 'false' },
        { name: 'prune-ignores', description: 'remove .gitleaksignore entries that match nothing any more (needs a whole-history or tree scan)', default: 'false' },
        { name: 'verify', description: 'check findings of GitHub, GitLab, AWS, Slack, Stripe and OpenAI keys against the provider\'s identity endpoint: live, revoked or unknown', default: 'false' },
        { name: 'verify-endpoints', description: 'base URL overrides for verify: github=https://HOST/api/v3,gitlab=https://HOST,aws=…,slack=…,stripe=…,openai=…', default: '' },
        { name: 'verify-timeout', description: 'seconds per verification request', default: '10' },
        { name: 'injected', description: 'also search path (.git skipped, archives opened) for the values fetch-secrets, vault-login and oidc-assume-role injected earlier in this job (the leak guard); findings name the file, line and secret, never the value, and fail the step even with fail-on: live', default: 'false' },
        { name: 'fail-on', description: 'any: every finding fails the step; live: only findings verified live (needs verify: true)', default: 'any' },
        { name: 'history', description: 'CLI: scan the whole git history, every ref as gitleaks does (same as scan-mode history); --log-opts HEAD for the history of HEAD alone', default: 'false' },
        { name: 'range', description: 'CLI: scan the commits of a git range A..B', default: '' },
        { name: 'staged', description: 'CLI: scan the staged changes (a pre-commit hook)', default: 'false' },
        { name: 'stdin', description: 'CLI: scan standard input', default: 'false' },
        { name: 'report', description: 'CLI: same as report-path', default: '' },
        { name: 'format', description: 'CLI: same as report-format', default: '' },
    ],
};

;// CONCATENATED MODULE: ./src/actions/gitleaks-scan/index.ts



const gitleaksScan = {
    name: 'gitleaks-scan',
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


/***/ })

};
