export const id = 255;
export const ids = [255];
export const modules = {

/***/ 6255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGuard: () => (/* binding */ runGuard)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/platform/temp-dir.ts
var temp_dir = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/guard/record.ts + 1 modules
var guard_record = __webpack_require__(1153);
// EXTERNAL MODULE: ./src/guard/search.ts + 2 modules
var search = __webpack_require__(61);
// EXTERNAL MODULE: ./src/actions/args.ts
var actions_args = __webpack_require__(3354);
;// CONCATENATED MODULE: ./src/actions/guard/args.ts
/** `pipeline-secrets guard`'s flags (its spec) and their parsing. */

const GUARD_HELP = [
    'pipeline-secrets guard: fail when a secret this job injected is in what it built',
    '',
    'Usage: pipeline-secrets guard [--temp-dir D] [--max-archive-depth N] [PATH...]',
    '',
    '  PATH                  files or directories to search (default: the workspace); .git is skipped;',
    '                        tar, tgz, zip and `docker save` tarballs are opened',
    '  --temp-dir D          where the record is (default: as the actions keep it: $PIPELINE_SECRETS_TEMP_DIR,',
    "                        $RUNNER_TEMP/pipeline-secrets on GitHub, the job's temp dir on GitLab)",
    '  --max-archive-depth N archives nested deeper are searched as raw bytes (default 4)',
    '',
    'Prints `file:line: secret LABEL found` for each finding, never the value. Exit 1 on findings,',
    '2 on bad usage or when lines of the record cannot be read (those secrets cannot be searched for).',
    'It fails closed (exit 2, naming each) on a PATH that does not exist or is not a file or directory,',
    'and on a directory it cannot list or a file it cannot read: it cannot vouch for what it did not read.',
    'FIFOs, sockets and devices inside a directory are skipped with a note; symlinks are not followed.',
].join('\n');
/** The arguments, or 'help' when --help comes first; bad usage throws a UsageError. */
function parseGuardArgs(args) {
    const out = { paths: [], depth: 4 };
    for (let i = 0; i < args.length; i++) {
        const a = args[i] ?? '';
        if (a === '--help' || a === '-h')
            return 'help';
        if (a === '--') {
            out.paths.push(...args.slice(i + 1));
            break;
        }
        const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        if (flag === '--temp-dir' || flag === '--max-archive-depth') {
            const v = inline ?? args[++i];
            if (v === undefined || v === '')
                throw new actions_args/* UsageError */.eb(`${flag} needs a value`);
            if (flag === '--temp-dir')
                out.tempDir = v;
            else {
                out.depth = Number(v);
                if (!Number.isInteger(out.depth) || out.depth < 0 || out.depth > 16)
                    throw new actions_args/* UsageError */.eb('--max-archive-depth must be a whole number from 0 to 16');
            }
            continue;
        }
        if (a.startsWith('--'))
            throw new actions_args/* UsageError */.eb(`unknown flag ${flag} (see pipeline-secrets guard --help)`);
        out.paths.push(a);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/actions/guard/run.ts
/**
 * `pipeline-secrets guard [PATH...]`: searches the paths (default: the workspace) for any
 * secret this job injected, by the record the credential actions left in the job's temp
 * dir. Prints `file:line: secret LABEL found` per finding on stdout (never a value: the
 * guard never has one) and a summary on stderr. Exit 0 clean, 1 findings, 2 usage, a
 * record with unreadable lines, or a path it cannot search (fail closed: a mistyped PATH,
 * a directory it cannot list or a file it cannot read is something it cannot vouch for).
 */





async function runGuard(args, io) {
    let a;
    try {
        a = parseGuardArgs(args);
    }
    catch (err) {
        io.err(`pipeline-secrets guard: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    if (a === 'help') {
        io.out(`${GUARD_HELP}\n`);
        return 0;
    }
    const { paths } = a;
    const ws = (0,temp_dir/* workspace */.Gl)(io.env);
    const targets = (paths.length ? paths : [ws]).map((p) => {
        const resolved = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(ws, p);
        // `out/` names a directory: resolve() would drop the slash, and with it the check that it is one
        const abs = /[\\/]$/.test(p) && !/[\\/]$/.test(resolved) ? `${resolved}${external_node_path_.sep}` : resolved;
        const rel = (0,external_node_path_.relative)(ws, abs);
        return { path: abs, display: paths.length ? p.replace(/\/+$/, '') || p : rel === '' ? '.' : rel };
    });
    // fail closed before anything else: a mistyped PATH must not turn the guard off
    const missing = targets.map((t) => ({ t, problem: (0,search/* targetProblem */.j_)(t.path) })).filter((m) => m.problem !== undefined);
    for (const m of missing)
        io.err(`guard: error: cannot search ${m.t.display}: ${m.problem}\n`);
    if (missing.length)
        return 2;
    // the record's directory, resolved as the runner that recorded it resolves runner.tempDir()
    const dir = (0,temp_dir/* jobTempDir */.z3)(io.env, a.tempDir);
    const record = (0,guard_record/* readRecord */.aE)(dir);
    if (record?.ignored) {
        // fail closed: an unreadable line is a secret the guard cannot search for
        io.err(`guard: ${record.ignored} line(s) of the record in ${dir} are not readable (damaged, or written under another key): the secrets they stand for cannot be searched for\n`);
        if (record.entries.length === 0)
            return 2;
    }
    if (!record || record.entries.length === 0) {
        io.err(`guard: no secret was recorded in ${dir}: nothing to search for (the credential actions record what they inject in this job's temp dir)\n`);
        return 0;
    }
    const res = await (0,search/* searchPaths */.z)(record, targets, { maxDepth: a.depth, skipPaths: [dir] });
    for (const f of res.findings)
        io.out(`${(0,search/* findingLine */.mC)(f)}\n`);
    const unreadable = new Set(res.unreadable);
    for (const s of res.skipped)
        if (!unreadable.has(s))
            io.err(`guard: skipped ${s.path}: ${s.reason}\n`);
    for (const u of res.unreadable)
        io.err(`guard: error: cannot search ${u.path}: ${u.reason}\n`);
    const mb = res.bytes / 1048576;
    const notSearched = res.unreadable.length ? `; ${res.unreadable.length} path(s) could not be searched (failing closed)` : '';
    io.err(`guard: searched ${res.files} file(s), ${mb.toFixed(1)} MB, for ${res.secrets} secret(s) in ${res.seconds.toFixed(2)} s: ${res.findings.length ? `${res.findings.length} finding(s)` : 'none found'}${notSearched}\n`);
    // a finding wins (exit 1); else what could not be searched fails closed (exit 2)
    return res.findings.length ? 1 : record.ignored || res.unreadable.length ? 2 : 0;
}


/***/ })

};
