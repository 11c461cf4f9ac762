export const id = 554;
export const ids = [554];
export const modules = {

/***/ 7554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oidcAssumeRole: () => (/* binding */ oidcAssumeRole),
  oidcAssumeRoleSpec: () => (/* reexport */ oidcAssumeRoleSpec)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/http.ts + 1 modules
var http = __webpack_require__(3871);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
;// CONCATENATED MODULE: ./src/aws/arn.ts
/** IAM role and policy ARNs: parsed and checked before any call. */

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const ROLE_NAME = /^((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}|aws):policy\/((?:[\w+=,.@-]+\/)*)[\w+=,.@-]{1,128}$/;
function parseRoleArn(raw, input) {
    const v = raw.trim();
    const m = ROLE_ARN.exec(v);
    if (m)
        return { arn: v, partition: m[1], account: m[2] ?? '', path: m[3] ?? '', name: m[4] ?? '' };
    if (v.startsWith('arn:')) {
        const parts = v.split(':');
        let why = 'expected arn:aws:iam::<12-digit account id>:role/<name>';
        if (parts.length < 6)
            why = `an ARN has 6 parts separated by ":"; this one has ${parts.length}`;
        else if (!['aws', 'aws-cn', 'aws-us-gov'].includes(parts[1] ?? ''))
            why = `unknown partition "${parts[1]}" (aws, aws-cn or aws-us-gov)`;
        else if (parts[2] === 'sts')
            why = 'this is an assumed-role (session) ARN from STS; give the IAM role ARN arn:<partition>:iam::<account>:role/<name>';
        else if (parts[2] !== 'iam')
            why = `the service part is "${parts[2]}", not "iam"`;
        else if (parts[3] !== '')
            why = 'IAM ARNs have no region: the fourth part must be empty (arn:aws:iam::<account>:role/<name>)';
        else if (!/^\d{12}$/.test(parts[4] ?? ''))
            why = `the account part "${parts[4]}" is not a 12-digit account id`;
        else if (!parts.slice(5).join(':').startsWith('role/'))
            why = `the resource "${parts.slice(5).join(':')}" is not role/<name>`;
        else
            why = 'the role name may only hold letters, digits and +=,.@_- (at most 64 characters)';
        throw new errors/* UserError */.yo(input, `"${v}" is not a valid IAM role ARN: ${why}`);
    }
    throw new errors/* UserError */.yo(input, `"${v}" is not an IAM role ARN`);
}
/** A bare role name (optionally with a path), or undefined when it is not one. */
function parseRoleName(raw) {
    const m = ROLE_NAME.exec(raw.trim());
    return m ? { path: m[1] ?? '', name: m[2] ?? '' } : undefined;
}
function roleArnFor(partition, account, role) {
    return { arn: `arn:${partition}:iam::${account}:role/${role.path}${role.name}`, partition, account, path: role.path, name: role.name };
}
function checkPolicyArn(raw, input) {
    const v = raw.trim();
    if (!POLICY_ARN.test(v))
        throw new errors/* UserError */.yo(input, `"${v}" is not a managed policy ARN (arn:aws:iam::<account or "aws">:policy/<name>)`);
    return v;
}
/** The account and partition of an STS caller ARN (arn:aws:sts::<acct>:assumed-role/...). */
function accountOfArn(arn) {
    const m = /^arn:(aws|aws-cn|aws-us-gov):(?:sts|iam)::(\d{12}):/.exec(arn);
    return m ? { partition: m[1], account: m[2] ?? '' } : undefined;
}

// EXTERNAL MODULE: ./src/aws/regions.ts
var regions = __webpack_require__(5974);
;// CONCATENATED MODULE: ./src/aws/checks.ts
/**
 * The checks made before anything is exported, at parse time and again at run time (a role
 * name resolved against the caller's account): the region against the role's partition, the
 * account against allowed-account-ids. Each error names the input it is about.
 */



function checkRegion(raw, input, partition, endpointGiven) {
    const region = raw.trim();
    if (!regions/* REGION_SHAPE */.jG.test(region))
        throw new errors/* UserError */.yo(input, `"${region.slice(0, 40)}" is not an AWS region name (e.g. us-east-1, eu-west-1)`);
    const p = (0,regions/* partitionOf */.iQ)(region);
    if (!p) {
        if (endpointGiven)
            return region;
        throw new errors/* UserError */.yo(input, `"${region}" is not a known region of ${partition ?? 'any partition'}${partition ? ` (${regions/* REGIONS */.ij[partition].join(', ')})` : ''}; for a region newer than this action, also set sts-endpoint`);
    }
    if (partition && p !== partition) {
        throw new errors/* UserError */.yo(input, `region "${region}" belongs to partition ${p}, but the role ARN is in ${partition}; use a region of ${partition} (${regions/* REGIONS */.ij[partition].join(', ')})`);
    }
    return region;
}
const ACCOUNT = /^\d{12}$/;
/** allowed-account-ids: comma (or line) separated 12-digit account ids. */
function parseAccounts(raw) {
    const ids = (0,parse/* parseList */.E1)(raw);
    for (const id of ids)
        if (!ACCOUNT.test(id))
            throw new errors/* UserError */.yo('allowed-account-ids', `"${id.slice(0, 40)}" is not a 12-digit AWS account id`);
    return ids;
}
/** Refuses an account not in allowed-account-ids (before anything is exported). */
function checkAccount(account, allowed, what) {
    if (allowed.length && !allowed.includes(account)) {
        throw new errors/* UserError */.yo('allowed-account-ids', `${what} is in account ${account}, which is not in allowed-account-ids (${allowed.join(', ')}): nothing was exported`);
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/files.ts
var core_files = __webpack_require__(9928);
;// CONCATENATED MODULE: ./src/aws/credentials-file.ts
/**
 * Named profiles (`aws-profile`, `credentials-file: true`): the shared credentials and config
 * files every AWS SDK and the CLI read through AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE.
 * The first step creates both 0600 in the runner's private temp dir; later steps (found through
 * those variables) add their profile to the same files, so several profiles live side by side
 * in one job. A profile that is already there is an error unless `overwrite-aws-profile`.
 * The post step deletes files it created and takes its profiles out of files it did not.
 */





/** configure-aws-credentials' rule: not empty, no whitespace, no brackets, no slashes. */
function checkProfileName(name, input) {
    if (!name || name.length > 128 || /[\s[\]/\\]/.test(name)) {
        throw new errors/* UserError */.yo(input, `"${name.slice(0, 64)}" is not a usable profile name (no whitespace, brackets or slashes; at most 128 characters)`);
    }
    return name;
}
/** INI sections in file order; comments and blank lines dropped (as the peer does). */
function parseIni(text) {
    const out = new Map();
    let current;
    for (const line of text.split(/\r?\n/)) {
        const t = line.trim();
        if (!t || t.startsWith('#') || t.startsWith(';'))
            continue;
        const section = /^\[([^\]]*)\]$/.exec(t);
        if (section) {
            const name = (section[1] ?? '').trim();
            current = out.get(name) ?? new Map();
            out.set(name, current);
            continue;
        }
        const eq = t.indexOf('=');
        if (current && eq > 0)
            current.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
    }
    return out;
}
function stringifyIni(ini) {
    const parts = [];
    for (const [name, kv] of ini)
        parts.push([`[${name}]`, ...[...kv].map(([k, v]) => `${k} = ${v}`)].join('\n'));
    return parts.length ? `${parts.join('\n\n')}\n` : '';
}
function credentialsSection(c) {
    const m = new Map([
        ['aws_access_key_id', c.accessKeyId],
        ['aws_secret_access_key', c.secretAccessKey],
    ]);
    if (c.sessionToken)
        m.set('aws_session_token', c.sessionToken);
    return m;
}
function configSectionName(profile) {
    return profile === 'default' ? 'default' : `profile ${profile}`;
}
function credentialsIni(profile, c) {
    return stringifyIni(new Map([[profile, credentialsSection(c)]]));
}
function configIni(profile, region) {
    return stringifyIni(new Map([[configSectionName(profile), new Map([['region', region]])]]));
}
async function readIfThere(path) {
    try {
        return await external_node_fs_.promises.readFile(path, 'utf8');
    }
    catch (err) {
        if (typeof err === 'object' && err && 'code' in err && err.code === 'ENOENT')
            return undefined;
        throw new errors/* UserError */.yo('aws-profile', `cannot read ${path} (${typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error'})`);
    }
}
/** Adds (or with `overwrite`, replaces) the profile in both files; creates them 0600 when missing. */
async function writeProfileFiles(w) {
    const id = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const credentialsFile = w.credentialsFile || (0,external_node_path_.join)(w.dir, `aws-credentials-${id}`);
    const configFile = w.configFile || (0,external_node_path_.join)(w.dir, `aws-config-${id}`);
    const oldCreds = await readIfThere(credentialsFile);
    const oldConf = await readIfThere(configFile);
    const creds = parseIni(oldCreds ?? '');
    const conf = parseIni(oldConf ?? '');
    const confName = configSectionName(w.profile);
    if (!w.overwrite && creds.has(w.profile)) {
        throw new errors/* UserError */.yo('aws-profile', `profile "${w.profile}" is already in ${credentialsFile}: set overwrite-aws-profile: true to replace it, or choose another aws-profile`);
    }
    creds.set(w.profile, credentialsSection(w.credentials));
    const section = w.overwrite ? new Map() : (conf.get(confName) ?? new Map());
    section.set('region', w.region);
    conf.set(confName, section);
    await (0,core_files/* writeSecretFile */.AK)(credentialsFile, stringifyIni(creds));
    await (0,core_files/* writeSecretFile */.AK)(configFile, stringifyIni(conf));
    const created = [...(oldCreds === undefined ? [credentialsFile] : []), ...(oldConf === undefined ? [configFile] : [])];
    return { credentialsFile, configFile, profile: w.profile, created };
}
/** Takes one profile out of both files (post step, files this job did not create). */
async function removeProfile(credentialsFile, configFile, profile) {
    for (const [file, name] of [
        [credentialsFile, profile],
        [configFile, configSectionName(profile)],
    ]) {
        const text = await readIfThere(file);
        if (text === undefined)
            continue;
        const ini = parseIni(text);
        if (!ini.delete(name))
            continue;
        await (0,core_files/* writeSecretFile */.AK)(file, stringifyIni(ini));
    }
}
/** The long-lived or session keys of a profile in a credentials file (role chaining from a profile). */
async function readProfileCredentials(file, profile) {
    const text = await readIfThere(file);
    if (text === undefined)
        return undefined;
    const s = parseIni(text).get(profile);
    const accessKeyId = s?.get('aws_access_key_id') ?? '';
    const secretAccessKey = s?.get('aws_secret_access_key') ?? '';
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    return { accessKeyId, secretAccessKey, sessionToken: s?.get('aws_session_token') ?? '' };
}

;// CONCATENATED MODULE: ./src/aws/session-name.ts
/** STS session names: the default one for the run, and any name made acceptable to STS. */
/** STS session names: 2..64 of [\w+=,.@-]. */
function sanitizeSessionName(raw) {
    let s = raw.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
    if (s.length > 64)
        s = s.slice(0, 64);
    if (s.length < 2)
        s = `${s}pipeline-secrets`.slice(0, 64);
    return s;
}
/** GitHubActions-<run>-<attempt>; GitLab-<project>-<pipeline>; pipeline-secrets-<user> locally. */
function defaultSessionName(run) {
    if (run.platform === 'github')
        return sanitizeSessionName(`GitHubActions-${run.runId || 'run'}-${run.runAttempt || '1'}`);
    if (run.platform === 'gitlab') {
        const suffix = `-${run.runId || 'pipeline'}`;
        const project = sanitizeSessionName(`GitLab-${run.repository || 'project'}`).slice(0, 64 - suffix.length);
        return sanitizeSessionName(`${project}${suffix}`);
    }
    return sanitizeSessionName(`pipeline-secrets-${run.actor || 'local'}`);
}

;// CONCATENATED MODULE: ./src/aws/tags.ts
/**
 * Session tags for AssumeRole (static keys, role chaining): the run's own tags (GitHub=Actions,
 * Repository, Workflow, Action, Actor, Commit, Branch as configure-aws-credentials sends them;
 * GitLab=CI, Project, Pipeline, Job, Ref, Commit, User on GitLab), `custom-tags` (a JSON object)
 * and `transitive-tag-keys`. AssumeRoleWithWebIdentity takes no tags: there they come from the
 * token's claims (https://aws.amazon.com/tags), so the action only logs a note.
 */


/** STS limits (API_Tag): 50 tags, keys 1..128, values 0..256 of letters, digits, spaces and _.:/=+-@. */
const MAX_TAGS = 50;
const KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
/** A value made acceptable to STS: other characters become `_`, cut at 256. */
function sanitizeTagValue(v) {
    return v.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
}
function runTags(run) {
    const pairs = run.platform === 'gitlab'
        ? [
            ['GitLab', 'CI'],
            ['Project', run.repository],
            ['Pipeline', run.runId],
            ['Job', run.job],
            ['Ref', run.ref],
            ['Commit', run.sha],
            ['User', run.actor],
        ]
        : [
            ['GitHub', 'Actions'],
            ['Repository', run.repository],
            ['Workflow', run.workflow],
            ['Action', run.action],
            ['Actor', run.actor],
            ['Commit', run.sha],
            ['Branch', run.ref],
        ];
    return pairs.filter(([k, v]) => k === 'GitHub' || k === 'GitLab' || v !== '').map(([Key, v]) => ({ Key, Value: sanitizeTagValue(v) }));
}
/** `custom-tags`: a JSON object of string (or number/boolean) values, e.g. {"Team":"payments"}. */
function parseCustomTags(raw, input = 'custom-tags') {
    const v = raw.trim();
    if (!v)
        return [];
    let parsed;
    try {
        parsed = JSON.parse(v);
    }
    catch {
        throw new errors/* UserError */.yo(input, 'custom-tags is not valid JSON: give an object such as {"Team":"payments","CostCenter":"42"}');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new errors/* UserError */.yo(input, 'custom-tags must be a JSON object of tag keys and values, e.g. {"Team":"payments"}');
    }
    const out = [];
    for (const [Key, value] of Object.entries(parsed)) {
        if (!KEY.test(Key))
            throw new errors/* UserError */.yo(input, `tag key "${Key.slice(0, 40)}" is not allowed: 1 to 128 letters, digits, spaces or _.:/=+-@`);
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            throw new errors/* UserError */.yo(input, `the value of tag "${Key}" must be a string, number or boolean`);
        }
        const Value = String(value);
        if (Value.length > 256 || sanitizeTagValue(Value) !== Value)
            throw new errors/* UserError */.yo(input, `the value of tag "${Key}" is not allowed: at most 256 letters, digits, spaces or _.:/=+-@`);
        out.push({ Key, Value });
    }
    return out;
}
/** The tags sent: the run's (unless skipped), then the custom ones (a custom key replaces a run tag of the same key). */
function sessionTags(run, custom) {
    const byKey = new Map();
    for (const t of [...run, ...custom])
        byKey.set(t.Key.toLowerCase(), t);
    const tags = [...byKey.values()];
    if (tags.length > MAX_TAGS)
        throw new errors/* UserError */.yo('custom-tags', `STS takes at most ${MAX_TAGS} session tags, this step would send ${tags.length}`);
    return tags;
}
/** `transitive-tag-keys`: each must be the key of a tag this step sends. */
function parseTransitiveKeys(raw, tags, input = 'transitive-tag-keys') {
    const keys = (0,parse/* parseList */.E1)(raw);
    const sent = new Set(tags.map((t) => t.Key.toLowerCase()));
    for (const k of keys) {
        if (!sent.has(k.toLowerCase())) {
            throw new errors/* UserError */.yo(input, `"${k.slice(0, 60)}" is not the key of a session tag this step sends (${tags.map((t) => t.Key).join(', ') || 'none: role-skip-session-tagging is set and custom-tags is empty'})`);
        }
    }
    return keys;
}

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/config.ts
/**
 * The oidc-assume-role inputs (every configure-aws-credentials 6.2.3 name, same meaning) and
 * the job variables that stand in for them, read into one typed AssumeRoleConfig: the only
 * code of the action that reads an input. Everything is checked before any call: a malformed
 * role ARN, a region outside the role's partition, a duration out of 900..43200 (or above 3600
 * when chaining), an account not in allowed-account-ids, bad tags are UserErrors naming the
 * input. Nothing is exported before.
 */








const DURATION_MIN = 900;
const DURATION_MAX = 43200;
const CHAINED_MAX = 3600;
function parseRole(raw) {
    if (!raw)
        return undefined;
    if (raw.startsWith('arn:'))
        return parseRoleArn(raw, 'role-to-assume');
    const named = parseRoleName(raw);
    if (!named)
        throw new errors/* UserError */.yo('role-to-assume', `"${raw.slice(0, 80)}" is neither an IAM role ARN nor a role name (letters, digits and +=,.@_- only)`);
    return named;
}
function parseSource(input, role, roleChaining, forceSkipOidc) {
    const accessKeyId = input('aws-access-key-id').trim();
    const secretAccessKey = input('aws-secret-access-key').trim();
    const sessionToken = input('aws-session-token').trim();
    if (accessKeyId) {
        if (!secretAccessKey)
            throw new errors/* UserError */.yo('aws-secret-access-key', 'aws-secret-access-key must be given with aws-access-key-id (is the secret empty or not available to this workflow?)');
        return { kind: 'keys', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    }
    if (secretAccessKey)
        throw new errors/* UserError */.yo('aws-access-key-id', 'aws-access-key-id must be given with aws-secret-access-key (is the secret empty or not available to this workflow?)');
    if (!role)
        throw new errors/* UserError */.yo('role-to-assume', 'role-to-assume is required (the IAM role ARN to assume, e.g. arn:aws:iam::123456789012:role/deploy), unless aws-access-key-id and aws-secret-access-key are given to export as they are');
    const tokenFile = input('web-identity-token-file').trim();
    if (tokenFile)
        return { kind: 'token-file', path: tokenFile };
    if (roleChaining || forceSkipOidc)
        return { kind: 'env' };
    return { kind: 'oidc' };
}
function retryBaseMs(env) {
    const v = Number(env('PIPELINE_SECRETS_RETRY_BASE_MS') ?? '');
    return Number.isFinite(v) && v >= 0 && v <= 60_000 && env('PIPELINE_SECRETS_RETRY_BASE_MS') ? v : 500;
}
/** The inputs given as callbacks (readConfig passes the runner's; tests pass maps). */
function parseInputs(input, env, run, tagRun) {
    const role = parseRole(input('role-to-assume').trim());
    const roleChaining = (0,parse/* parseBool */.q6)(input('role-chaining'), 'role-chaining', false);
    const forceSkipOidc = (0,parse/* parseBool */.q6)(input('force-skip-oidc'), 'force-skip-oidc', false);
    const source = parseSource(input, role, roleChaining, forceSkipOidc);
    if (role && role.arn === undefined && source.kind !== 'keys' && source.kind !== 'env') {
        const given = `${role.path}${role.name}`;
        throw new errors/* UserError */.yo('role-to-assume', `"${given}" is a role name, and without AWS credentials (aws-access-key-id, or role-chaining) its account is unknown: give the full ARN, arn:aws:iam::<account-id>:role/${given}`);
    }
    const endpoint = (input('sts-endpoint').trim() || env('AWS_ENDPOINT_URL_STS') || env('AWS_ENDPOINT_URL') || '').trim();
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
        throw new errors/* UserError */.yo('sts-endpoint', `"${endpoint.slice(0, 80)}" is not an http(s) URL`);
    const regionRaw = input('aws-region').trim() || env('AWS_REGION') || env('AWS_DEFAULT_REGION') || '';
    if (!regionRaw)
        throw new errors/* UserError */.yo('aws-region', 'aws-region is required (e.g. us-east-1): STS is called at the regional endpoint');
    const region = checkRegion(regionRaw, 'aws-region', role?.arn ? role.partition : undefined, !!endpoint);
    const durationSeconds = (0,parse/* parseIntIn */.yt)(input('role-duration-seconds'), 'role-duration-seconds', 3600, DURATION_MIN, DURATION_MAX);
    if (roleChaining && durationSeconds > CHAINED_MAX) {
        throw new errors/* UserError */.yo('role-duration-seconds', `role chaining limits sessions to ${CHAINED_MAX} seconds (1 hour), got ${durationSeconds}: AWS rejects longer chained sessions`);
    }
    const givenName = input('role-session-name').trim();
    if (givenName && !/^[\w+=,.@-]{2,64}$/.test(givenName)) {
        throw new errors/* UserError */.yo('role-session-name', `"${givenName.slice(0, 80)}" is not a valid session name: 2 to 64 characters of letters, digits and +=,.@_-`);
    }
    const inlinePolicy = input('inline-session-policy').trim();
    if (inlinePolicy) {
        try {
            JSON.parse(inlinePolicy);
        }
        catch {
            throw new errors/* UserError */.yo('inline-session-policy', 'inline-session-policy is not valid JSON (give an IAM policy document)');
        }
    }
    const managedPolicies = (0,parse/* parseList */.E1)(input('managed-session-policies')).map((a) => checkPolicyArn(a, 'managed-session-policies'));
    if (managedPolicies.length > 10)
        throw new errors/* UserError */.yo('managed-session-policies', `at most 10 managed session policies, got ${managedPolicies.length}`);
    const externalId = input('role-external-id').trim();
    if (externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId))
        throw new errors/* UserError */.yo('role-external-id', 'role-external-id must be 2 to 1224 characters of letters, digits and +=,.@:/_-');
    const specialCharsWorkaround = (0,parse/* parseBool */.q6)(input('special-characters-workaround'), 'special-characters-workaround', false);
    const disableRetry = (0,parse/* parseBool */.q6)(input('disable-retry'), 'disable-retry', false) && !specialCharsWorkaround;
    const maxAttempts = disableRetry ? 1 : (0,parse/* parseIntIn */.yt)(input('retry-max-attempts'), 'retry-max-attempts', 5, 1, 100);
    const audience = input('audience').trim() || 'sts.amazonaws.com';
    // the GitLab component passes its input default "default" (profile only with credentials_file);
    // on GitHub the default is '' and any aws-profile means a profile, as with the peer
    const rawProfile = input('aws-profile').trim();
    const awsProfile = rawProfile === 'default' && run.platform !== 'github' ? '' : rawProfile;
    const credentialsFile = (0,parse/* parseBool */.q6)(input('credentials-file'), 'credentials-file', false);
    const profile = checkProfileName(awsProfile || 'default', 'aws-profile');
    // the peer's rule: env variables by default, not when aws-profile is set (unless asked for);
    // credentials-file (ours) means the profile and AWS_PROFILE instead of the key variables
    const outputEnvRaw = input('output-env-credentials');
    const outputEnv = (0,parse/* parseBool */.q6)(outputEnvRaw, 'output-env-credentials', credentialsFile || !awsProfile);
    const profileMode = credentialsFile || !!awsProfile;
    const allowedAccounts = parseAccounts(input('allowed-account-ids'));
    if (role?.arn)
        checkAccount(role.account, allowedAccounts, `role-to-assume ${role.arn}`);
    const skipTags = (0,parse/* parseBool */.q6)(input('role-skip-session-tagging'), 'role-skip-session-tagging', false);
    const custom = parseCustomTags(input('custom-tags'));
    const tags = sessionTags(skipTags || !tagRun ? [] : runTags(tagRun), custom);
    const transitiveRaw = input('transitive-tag-keys');
    // web identity takes no tags (a note is logged): the keys are checked only where they are sent
    const transitiveTagKeys = source.kind === 'keys' || source.kind === 'env' ? parseTransitiveKeys(transitiveRaw, tags) : (0,parse/* parseList */.E1)(transitiveRaw);
    const httpProxy = input('http-proxy').trim() ? (0,http/* proxyUrl */.sd)(input('http-proxy'), 'http-proxy') : '';
    const noProxy = input('no-proxy').trim();
    const caCertificate = input('ca-certificate').trim();
    return {
        role,
        source,
        region,
        sessionName: givenName || defaultSessionName(run),
        durationSeconds,
        audience,
        roleChaining,
        ...(externalId ? { externalId } : {}),
        ...(inlinePolicy ? { inlinePolicy } : {}),
        managedPolicies,
        outputCredentials: (0,parse/* parseBool */.q6)(input('output-credentials'), 'output-credentials', false),
        maskAccountId: (0,parse/* parseBool */.q6)(input('mask-aws-account-id'), 'mask-aws-account-id', false),
        maxAttempts: specialCharsWorkaround ? Math.max(maxAttempts, 12) : maxAttempts,
        retryBaseMs: retryBaseMs(env),
        ...(source.kind === 'token-file' ? { webIdentityTokenFile: source.path } : {}),
        ...(endpoint ? { endpoint } : {}),
        profileMode,
        profile,
        overwriteProfile: (0,parse/* parseBool */.q6)(input('overwrite-aws-profile'), 'overwrite-aws-profile', false),
        outputEnv,
        exportKeys: profileMode ? outputEnvRaw.trim() !== '' && outputEnv : outputEnv,
        unsetCurrent: (0,parse/* parseBool */.q6)(input('unset-current-credentials'), 'unset-current-credentials', false),
        useExisting: (0,parse/* parseBool */.q6)(input('use-existing-credentials'), 'use-existing-credentials', false),
        allowedAccounts,
        timeoutSeconds: (0,parse/* parseIntIn */.yt)(input('action-timeout-s'), 'action-timeout-s', 0, 0, 86400),
        specialCharsWorkaround,
        tags,
        transitiveTagKeys,
        tagsAsked: custom.length > 0 || transitiveRaw.trim() !== '',
        proxy: { ...(httpProxy ? { httpProxy, httpsProxy: httpProxy } : {}), ...(noProxy ? { noProxy } : {}) },
        ...(caCertificate ? { caCertificate } : {}),
    };
}
/** The key inputs are secrets: masked before anything else is read. */
const KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];
/** What the GitHub / GitLab session tags say of the run. */
function tagRun(r) {
    const c = r.context();
    return {
        platform: c.platform,
        repository: c.repository,
        workflow: r.env('GITHUB_WORKFLOW') ?? '',
        action: r.env('GITHUB_ACTION') ?? '',
        actor: c.actor,
        sha: c.sha,
        ref: c.ref,
        runId: c.runId,
        job: c.job,
    };
}
/** Every input of the step (and the job variables standing in for them), masked and checked. */
function readConfig(r) {
    for (const n of KEY_INPUTS) {
        const v = r.input(n).trim();
        if (v)
            r.secret(v, `the ${n} input`);
    }
    return parseInputs((n) => r.input(n), (n) => r.env(n), r.context(), tagRun(r));
}

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/state.ts
/** What the main step leaves for the post step (in the runner's state): the files and variables to take back. */
/** the profile files: JSON of FilesState */
const FILES_STATE = 'awsFiles';
/** the variables exported with a value: a JSON array of names */
const ENV_STATE = 'awsEnv';

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/post.ts
/**
 * The post step: takes back what main handed to the job (the profile files or the profiles it
 * added to existing files, the env variables); skipped with AWS_SKIP_CLEANUP_STEP.
 */



function parseState(raw, fallback) {
    if (!raw)
        return fallback;
    try {
        return JSON.parse(raw);
    }
    catch {
        return fallback;
    }
}
async function cleanUp(r) {
    if ((r.env('AWS_SKIP_CLEANUP_STEP') ?? '').trim().toLowerCase() === 'true') {
        r.info('AWS_SKIP_CLEANUP_STEP is true: the AWS credentials files and variables are left in place');
        return;
    }
    const files = parseState(r.getState(FILES_STATE), {});
    const created = Array.isArray(files.created) ? files.created.filter((p) => typeof p === 'string') : [];
    for (const m of Array.isArray(files.merged) ? files.merged : []) {
        if (typeof m?.credentialsFile !== 'string' || typeof m.configFile !== 'string' || typeof m.profile !== 'string')
            continue;
        try {
            await removeProfile(m.credentialsFile, m.configFile, m.profile);
            r.info(`Removed profile ${m.profile} from ${m.credentialsFile}`);
        }
        catch (err) {
            r.warning(`could not remove profile ${m.profile} from ${m.credentialsFile} (${err instanceof Error ? err.message : 'error'})`);
        }
    }
    const failed = await (0,core_files/* removeFiles */.WS)(created);
    for (const f of failed)
        r.warning(`could not remove the AWS credentials file ${f.path} (${f.code})`);
    if (created.length && !failed.length)
        r.info(`Removed the AWS credentials and config files (${created.length})`);
    const vars = parseState(r.getState(ENV_STATE), []);
    if (Array.isArray(vars))
        for (const v of vars)
            if (typeof v === 'string' && /^AWS_[A-Z_]+$/.test(v))
                r.exportEnv(v, '');
}

;// CONCATENATED MODULE: ./src/aws/step-timeout.ts
/**
 * `action-timeout-s`: a bound on the whole step. The work runs against a timer; whatever is in
 * flight is told to the timer (`doing`), so the failure says what was still pending (the OIDC
 * token, an STS call and its attempt, a backoff). Once expired, `check()` stops the work before
 * it exports anything: a late STS answer never turns into half-exported credentials.
 */

class StepTimeout {
    seconds;
    input;
    pending = 'starting';
    expiredAt = 0;
    /** `seconds` 0 means no bound. */
    constructor(seconds, input = 'action-timeout-s') {
        this.seconds = seconds;
        this.input = input;
    }
    doing(what) {
        this.pending = what;
    }
    get expired() {
        return this.expiredAt > 0;
    }
    /** Throws the timeout error once the bound has passed (call before exporting). */
    check() {
        if (this.expired)
            throw this.error();
    }
    /** Milliseconds a single request may take: the whole bound at most. */
    capMs(ms) {
        return this.seconds > 0 ? Math.min(ms, this.seconds * 1000) : ms;
    }
    async run(fn) {
        if (this.seconds <= 0)
            return fn();
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => {
                this.expiredAt = Date.now();
                reject(this.error());
            }, this.seconds * 1000);
            timer.unref();
        });
        try {
            return await Promise.race([fn(), timeout]);
        }
        finally {
            clearTimeout(timer);
        }
    }
    error() {
        return new errors/* RemoteError */.Hi(`the step did not finish within ${this.input} (${this.seconds} s); still pending: ${this.pending}`, {
            service: 'oidc-assume-role',
            status: 0,
            code: 'StepTimeout',
            retryable: false,
            hint: `nothing was exported. Raise ${this.input}, or check the network path to the service named (proxy, private endpoint, firewall)`,
        });
    }
}

;// CONCATENATED MODULE: ./src/aws/token-file.ts
/** web-identity-token-file: the token read afresh for each attempt (a projected token rotates). */



async function readTokenFile(path, workspace) {
    const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path);
    let text;
    try {
        text = await external_node_fs_.promises.readFile(full, 'utf8');
    }
    catch (err) {
        const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
        throw new errors/* UserError */.yo('web-identity-token-file', `cannot read the token file ${full} (${code})`);
    }
    const token = text.trim();
    if (token.split('.').length !== 3)
        throw new errors/* UserError */.yo('web-identity-token-file', `${full} does not hold a JWT (expected three dot-separated parts)`);
    return token;
}

// EXTERNAL MODULE: ./src/actions/shared/pem.ts
var pem = __webpack_require__(487);
;// CONCATENATED MODULE: ./src/aws/summary.ts
/** GitHub's default job timeout: a job may run this long unless it says otherwise. */
const DEFAULT_JOB_TIMEOUT_S = 6 * 3600;
/** STS rounds; a session more than this much shorter than asked for is worth a warning. */
const SLACK_S = 120;
/** Why the session is shorter than asked for, or undefined when it is not. */
function shortfall(s) {
    if (!s.expiration)
        return undefined;
    const granted = Math.round((s.expiration.getTime() - (s.now ?? Date.now())) / 1000);
    if (granted >= s.requestedSeconds - SLACK_S)
        return undefined;
    const why = s.chained ? 'role chaining caps sessions at 1 hour' : 'STS granted less than role-duration-seconds';
    return `the credentials expire at ${s.expiration.toISOString()}, in ${fmt(granted)}, before the ${fmt(s.requestedSeconds)} asked for (${why})`;
}
function sessionSummary(s) {
    const exp = s.expiration;
    const left = exp ? Math.round((exp.getTime() - (s.now ?? Date.now())) / 1000) : undefined;
    const how = s.kind === 'keys'
        ? 'long-lived keys exported as given'
        : s.kind === 'assume-role'
            ? `AssumeRole${s.chained ? ', chained' : ''}`
            : 'AssumeRoleWithWebIdentity';
    const rows = [
        ['Role', s.role ? `\`${s.role.arn}\`` : 'none (aws-access-key-id given, no role-to-assume)'],
        ['Identity', s.maskAccount ? 'masked (mask-aws-account-id)' : `\`${s.arn}\``],
        ['Session', s.kind === 'keys' ? how : `\`${s.sessionName}\` (${how})`],
        ['Account', s.maskAccount ? 'masked (mask-aws-account-id)' : `\`${s.account}\``],
        ['Region', `\`${s.region}\``],
        ['Expires', exp && left !== undefined ? `${exp.toISOString()} (in ${fmt(left)}; output aws-expiration)` : 'never: long-lived IAM user keys'],
        ['Exported as', s.exportedAs],
    ];
    if (s.tags)
        rows.push(['Session tags', `${s.tags} (AssumeRole)`]);
    if (s.packedPolicySize !== undefined)
        rows.push(['Packed policy size', `${s.packedPolicySize}% of the limit`]);
    const out = ['### AWS credentials', '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''];
    const short = shortfall(s);
    if (s.chained)
        out.push('> [!WARNING]', '> Role chaining: AWS caps chained sessions at 1 hour, whatever role-duration-seconds or the role maximum says.', '');
    if (short && !s.chained)
        out.push('> [!WARNING]', `> Shorter than asked: ${short}. The role's maximum session duration may be lower than role-duration-seconds.`, '');
    if (s.kind === 'keys')
        out.push('> [!NOTE]', '> Long-lived IAM user keys do not expire: prefer OIDC (role-to-assume without keys), which needs no stored secret.', '');
    if (exp && left !== undefined && left < DEFAULT_JOB_TIMEOUT_S) {
        out.push(`> [!NOTE]`, `> Steps that run after ${exp.toISOString()} fail with ExpiredToken. If this job can run longer than ${fmt(left)}, raise \`role-duration-seconds\`${s.chained ? ' (not possible when chaining: run oidc-assume-role again later in the job)' : " (and the role's maximum session duration)"}, or run oidc-assume-role again before the long step.`, '');
    }
    return out.join('\n');
}
function fmt(seconds) {
    if (seconds < 0)
        return 'already expired';
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/publish.ts



const KEY_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
async function publish(r, cfg, got) {
    const arn = got.kind === 'assumed' ? got.result.assumedRoleArn : got.arn;
    if (cfg.maskAccountId) {
        r.secret(got.account, 'the AWS account id');
        r.secret(arn, 'the authenticated ARN');
    }
    if (got.kind === 'existing') {
        r.annotate('notice', `use-existing-credentials: the credentials already in the environment are valid (account ${cfg.maskAccountId ? 'masked' : got.account}); nothing new was fetched`);
        r.output('aws-account-id', got.account);
        r.output('authenticated-arn', got.arn);
        return;
    }
    const c = got.kind === 'keys' ? got.credentials : got.result.credentials;
    const expiration = got.kind === 'assumed' ? got.result.credentials.expiration : undefined;
    const exported = [];
    const exportVar = (name, value) => {
        r.exportEnv(name, value);
        if (value)
            exported.push(name);
    };
    let exportedAs;
    if (cfg.profileMode) {
        const credentialsFile = r.env('AWS_SHARED_CREDENTIALS_FILE') ?? '';
        const configFile = r.env('AWS_CONFIG_FILE') ?? '';
        const files = await writeProfileFiles({
            dir: r.tempDir(),
            ...(credentialsFile ? { credentialsFile } : {}),
            ...(configFile ? { configFile } : {}),
            profile: cfg.profile,
            region: cfg.region,
            credentials: c,
            overwrite: cfg.overwriteProfile,
        });
        const state = { created: files.created, merged: [] };
        if (!files.created.includes(files.credentialsFile))
            state.merged.push({ credentialsFile: files.credentialsFile, configFile: files.configFile, profile: files.profile });
        r.saveState(FILES_STATE, JSON.stringify(state));
        // where the files are is no secret, and tools cannot find them otherwise
        r.exportEnv('AWS_SHARED_CREDENTIALS_FILE', files.credentialsFile);
        r.exportEnv('AWS_CONFIG_FILE', files.configFile);
        if (cfg.outputEnv)
            exportVar('AWS_PROFILE', files.profile);
        exportedAs = `profile \`${files.profile}\` in private 0600 files (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE${cfg.outputEnv ? ', AWS_PROFILE' : ''}), removed after the job`;
        if (cfg.exportKeys) {
            exportKeys(c, exportVar, r);
            exportedAs += '; and AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (masked)';
        }
        else if (cfg.outputEnv) {
            // key variables win over profiles in every SDK: clear those of an earlier step
            for (const k of KEY_VARS)
                if (r.env(k))
                    r.exportEnv(k, '');
        }
    }
    else if (cfg.outputEnv) {
        exportKeys(c, exportVar, r);
        exportedAs = 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (masked)';
    }
    else {
        exportedAs = cfg.outputCredentials
            ? 'step outputs only (output-env-credentials: false)'
            : 'nowhere: output-env-credentials is false and neither aws-profile nor output-credentials is set';
    }
    if (cfg.outputEnv) {
        exportVar('AWS_REGION', cfg.region);
        exportVar('AWS_DEFAULT_REGION', cfg.region);
    }
    if (exported.length)
        r.saveState(ENV_STATE, JSON.stringify(exported));
    r.output('aws-account-id', got.account);
    r.output('authenticated-arn', arn);
    if (expiration)
        r.output('aws-expiration', expiration.toISOString());
    if (cfg.outputCredentials) {
        r.output('aws-access-key-id', c.accessKeyId);
        r.output('aws-secret-access-key', c.secretAccessKey);
        if (c.sessionToken)
            r.output('aws-session-token', c.sessionToken);
    }
    const chained = got.kind === 'assumed' && got.chained;
    const kind = got.kind === 'keys' ? 'keys' : got.web ? 'web-identity' : 'assume-role';
    const role = got.kind === 'assumed' ? got.role : undefined;
    if (expiration) {
        const minutes = Math.round((expiration.getTime() - Date.now()) / 60_000);
        r.info(`Assumed ${role?.arn ?? ''} as ${cfg.maskAccountId ? '(masked)' : arn}; the credentials expire at ${expiration.toISOString()} (in ${minutes} min)`);
    }
    else {
        r.info(`Exported the IAM user keys of ${cfg.maskAccountId ? '(masked)' : arn} as given; they do not expire`);
    }
    if (chained)
        r.warning(`role chaining: the session for ${role?.arn ?? ''} lasts at most 1 hour (expires ${expiration?.toISOString() ?? ''}); AWS does not allow longer chained sessions`);
    const short = shortfall({ expiration, requestedSeconds: cfg.durationSeconds, chained });
    if (short && !chained)
        r.warning(`shorter session than asked: ${short}`);
    await r.summary(sessionSummary({
        role,
        arn,
        expiration,
        ...(got.kind === 'assumed' && got.result.packedPolicySize !== undefined ? { packedPolicySize: got.result.packedPolicySize } : {}),
        kind,
        account: got.account,
        maskAccount: cfg.maskAccountId,
        region: cfg.region,
        chained,
        sessionName: cfg.sessionName,
        requestedSeconds: cfg.durationSeconds,
        profile: cfg.profileMode ? cfg.profile : undefined,
        exportedAs,
        tags: kind === 'assume-role' ? cfg.tags.length : 0,
    }));
}
function exportKeys(c, exportVar, r) {
    exportVar('AWS_ACCESS_KEY_ID', c.accessKeyId);
    exportVar('AWS_SECRET_ACCESS_KEY', c.secretAccessKey);
    // long-lived keys have no session token: clear the one of an earlier step
    if (c.sessionToken || r.env('AWS_SESSION_TOKEN'))
        exportVar('AWS_SESSION_TOKEN', c.sessionToken);
}

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/run.ts
/**
 * oidc-assume-role: the runner's OIDC token (or static keys, a token file, the credentials
 * already in the env) for short-lived AWS credentials, from an AssumeRoleConfig. Every
 * credential is masked the moment it is known; the account is checked against
 * allowed-account-ids and the step timeout before anything is exported; then publish.ts hands
 * out env variables and/or a 0600 profile that the post step removes. Protocol in src/aws.
 */








const SPECIAL_TRIES = 12;
function masked(r, c, where) {
    r.secret(c.accessKeyId, `${where} access key id`);
    r.secret(c.secretAccessKey, `${where} secret access key`);
    if (c.sessionToken)
        r.secret(c.sessionToken, `${where} session token`);
    return c;
}
/** The credentials already in the job: the key variables (unless unset-current-credentials), else AWS_PROFILE's profile. */
async function existingCredentials(r, cfg) {
    const accessKeyId = cfg.unsetCurrent ? '' : (r.env('AWS_ACCESS_KEY_ID') ?? '');
    const secretAccessKey = cfg.unsetCurrent ? '' : (r.env('AWS_SECRET_ACCESS_KEY') ?? '');
    if (accessKeyId && secretAccessKey) {
        const sessionToken = r.env('AWS_SESSION_TOKEN') ?? '';
        return masked(r, { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, "the environment's");
    }
    const file = r.env('AWS_SHARED_CREDENTIALS_FILE') || (r.env('HOME') ? `${r.env('HOME')}/.aws/credentials` : '');
    if (!file)
        return undefined;
    const p = await readProfileCredentials(file, r.env('AWS_PROFILE') || 'default');
    if (!p)
        return undefined;
    return masked(r, { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, ...(p.sessionToken ? { sessionToken: p.sessionToken } : {}) }, `profile ${r.env('AWS_PROFILE') || 'default'}'s`);
}
/** The credentials that sign AssumeRole / GetCallerIdentity: the key inputs, or those of the job. */
async function callerCredentials(r, cfg, input) {
    const s = cfg.source;
    if (s.kind === 'keys')
        return { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, ...(s.sessionToken ? { sessionToken: s.sessionToken } : {}) };
    const c = await existingCredentials(r, cfg);
    if (!c) {
        const why = cfg.unsetCurrent ? ' (unset-current-credentials ignores the key variables)' : '';
        throw new errors/* UserError */.yo(input, `no AWS credentials in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE in AWS_SHARED_CREDENTIALS_FILE)${why}: run a first oidc-assume-role step before this one, or give aws-access-key-id and aws-secret-access-key`);
    }
    return c;
}
async function resolveRole(cfg, sts, caller) {
    const role = cfg.role;
    if (!role || role.arn !== undefined)
        return role;
    if (!caller)
        throw new errors/* UserError */.yo('role-to-assume', `"${role.path}${role.name}" is a role name: give the full role ARN`);
    const me = await sts.getCallerIdentity(caller);
    const where = accountOfArn(me.arn);
    if (!where)
        throw new errors/* UserError */.yo('role-to-assume', `cannot tell the partition of the current identity; give the full role ARN instead of "${role.path}${role.name}"`);
    checkRegion(cfg.region, 'aws-region', where.partition, !!cfg.endpoint);
    const arn = roleArnFor(where.partition, me.account, role);
    checkAccount(arn.account, cfg.allowedAccounts, `role-to-assume ${arn.arn}`);
    return arn;
}
async function assumeOnce(r, cfg, sts, role, caller) {
    const session = {
        role,
        sessionName: cfg.sessionName,
        durationSeconds: cfg.durationSeconds,
        ...(cfg.inlinePolicy ? { policy: cfg.inlinePolicy } : {}),
        policyArns: cfg.managedPolicies,
    };
    if (caller) {
        return sts.assumeRole({
            ...session,
            credentials: caller,
            tags: cfg.tags,
            transitiveTagKeys: cfg.transitiveTagKeys,
            ...(cfg.externalId ? { externalId: cfg.externalId } : {}),
        });
    }
    const file = cfg.webIdentityTokenFile;
    const token = file
        ? async () => {
            const t = await readTokenFile(file, r.workspace());
            r.secret(t, 'web-identity-token-file');
            return t;
        }
        : () => r.idToken(cfg.audience);
    return sts.assumeRoleWithWebIdentity({ ...session, token, audience: cfg.audience, source: file ? 'file' : r.platform });
}
async function obtain(r, cfg, sts, hasSpecialCharacters) {
    if (cfg.useExisting) {
        const have = await existingCredentials(r, cfg);
        const me = have ? await sts.getCallerIdentity(have).catch(() => undefined) : undefined;
        if (me && (!cfg.allowedAccounts.length || cfg.allowedAccounts.includes(me.account)))
            return { kind: 'existing', account: me.account, arn: me.arn };
        r.annotate('notice', `use-existing-credentials: ${me ? `the credentials in the environment are for account ${me.account}, not in allowed-account-ids` : 'no valid credentials in the environment'}; assuming the role as usual`);
    }
    const usesCaller = cfg.source.kind === 'keys' || cfg.source.kind === 'env';
    const caller = usesCaller
        ? await callerCredentials(r, cfg, cfg.source.kind === 'keys' ? 'aws-access-key-id' : cfg.roleChaining ? 'role-chaining' : 'force-skip-oidc')
        : undefined;
    const role = await resolveRole(cfg, sts, caller);
    if (!role) {
        // long-lived keys exported as given: check they work, and for which account
        const keys = caller ?? { accessKeyId: '', secretAccessKey: '' };
        const me = await sts.getCallerIdentity(keys);
        checkAccount(me.account, cfg.allowedAccounts, `aws-access-key-id (${me.arn})`);
        return { kind: 'keys', credentials: { ...keys, sessionToken: keys.sessionToken ?? '' }, account: me.account, arn: me.arn };
    }
    if (!usesCaller && cfg.tagsAsked) {
        r.warning("custom-tags / transitive-tag-keys are ignored here: AssumeRoleWithWebIdentity takes no session tags (its tags come from the token's claims, https://aws.amazon.com/tags). They apply to AssumeRole only: static keys or role-chaining.");
    }
    if (cfg.source.kind === 'keys')
        r.info('Assuming the role with long-lived IAM user keys; OIDC (role-to-assume alone, permissions: id-token: write) needs no stored secret');
    const tries = cfg.specialCharsWorkaround ? SPECIAL_TRIES : 1;
    for (let i = 1;; i++) {
        const res = await assumeOnce(r, cfg, sts, role, caller);
        masked(r, res.credentials, 'the new');
        if (!cfg.specialCharsWorkaround || !hasSpecialCharacters(res.credentials)) {
            const account = accountOfArn(res.assumedRoleArn)?.account ?? role.account;
            checkAccount(account, cfg.allowedAccounts, `the assumed role ${res.assumedRoleArn}`);
            return { kind: 'assumed', role, result: res, account, chained: !!caller?.sessionToken || cfg.roleChaining, web: !caller };
        }
        if (i >= tries)
            throw new errors/* UserError */.yo('special-characters-workaround', `after ${tries} sessions the secret access key still had special characters; nothing was exported`);
        r.info(`special-characters-workaround: the secret access key has special characters; assuming the role again (${i + 1} of ${tries})`);
    }
}
/** Obtains the credentials the config asks for, checks them, and hands them to the job. */
async function run(cfg, r) {
    const timeout = new StepTimeout(cfg.timeoutSeconds);
    if (cfg.timeoutSeconds)
        r.info(`action-timeout-s: the step fails after ${cfg.timeoutSeconds} s`);
    const ca = cfg.caCertificate ? (0,pem/* readCa */.N)(cfg.caCertificate, r.workspace()) : undefined;
    const { Sts, hasSpecialCharacters } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695), __webpack_require__.e(973)]).then(__webpack_require__.bind(__webpack_require__, 6973));
    const sts = new Sts({
        region: cfg.region,
        ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
        proxy: { ...r.proxy(), ...cfg.proxy },
        ...(ca ? { tls: { ca } } : {}),
        timeoutMs: timeout.capMs(30_000),
        retry: {
            maxAttempts: cfg.maxAttempts,
            baseDelayMs: cfg.retryBaseMs,
            maxDelayMs: 10_000,
            ...(cfg.timeoutSeconds ? { deadlineMs: cfg.timeoutSeconds * 1000 } : {}),
        },
        onRetry: (code, attempt, delay) => r.info(`STS answered ${code}; retrying in ${delay} ms (attempt ${attempt + 1} of ${cfg.maxAttempts})`),
        onPending: (what) => timeout.doing(what),
    });
    let got;
    try {
        got = await timeout.run(() => obtain(r, cfg, sts, hasSpecialCharacters));
    }
    finally {
        // not awaited: after action-timeout-s a request may still be in flight
        sts.close().catch(() => undefined);
    }
    timeout.check();
    await publish(r, cfg, got);
}

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/spec.ts
const oidcAssumeRoleSpec = {
    name: 'oidc-assume-role',
    summary: "swap the runner's OIDC token for short-lived AWS credentials (STS), masked",
    inputs: [
        { name: 'role-to-assume', description: 'IAM role ARN to assume (arn:aws:iam::<account>:role/<name>); a bare role name works with aws-access-key-id or role-chaining (resolved in the caller\'s account). Without it, aws-access-key-id/aws-secret-access-key are exported as they are' },
        { name: 'aws-region', description: 'AWS region for the regional STS endpoint and AWS_REGION (default: AWS_REGION of the job)', default: '' },
        { name: 'role-session-name', description: 'STS session name (2-64 of letters, digits, +=,.@_-); default GitHubActions-<run id>-<attempt>, or GitLab-<project>-<pipeline>', default: '' },
        { name: 'role-duration-seconds', description: 'session length in seconds, 900 to 43200 (at most 3600 when role-chaining; the role maximum applies)', default: '3600' },
        { name: 'audience', description: 'audience (aud) of the OIDC token; must be a client ID of the IAM OIDC provider', default: 'sts.amazonaws.com' },
        { name: 'role-chaining', description: 'assume role-to-assume with the AWS credentials already in the environment (AssumeRole) instead of the OIDC token', default: 'false' },
        { name: 'role-external-id', description: 'external ID for the AssumeRole call (static keys or role-chaining)', default: '' },
        { name: 'role-skip-session-tagging', description: 'send no GitHub/GitLab session tags on AssumeRole (static keys, role-chaining); web identity never takes session tags', default: 'false' },
        { name: 'transitive-tag-keys', description: 'keys of session tags that pass on to later roles in a chain (one per line or comma separated); AssumeRole only', default: '' },
        { name: 'custom-tags', description: 'extra session tags as a JSON object, e.g. {"Team":"payments"}; AssumeRole only (web identity takes its tags from the token claims)', default: '' },
        { name: 'inline-session-policy', description: 'an IAM policy document (JSON) that further limits the session', default: '' },
        { name: 'managed-session-policies', description: 'managed policy ARNs (one per line, at most 10) that further limit the session', default: '' },
        { name: 'aws-access-key-id', description: 'IAM user access key ID: with role-to-assume, signs a plain AssumeRole; without, exported as is. Pass it from a secret', default: '' },
        { name: 'aws-secret-access-key', description: 'the secret access key going with aws-access-key-id. Pass it from a secret', default: '' },
        { name: 'aws-session-token', description: 'session token going with aws-access-key-id (temporary credentials)', default: '' },
        { name: 'web-identity-token-file', description: 'read the OIDC token from this file (re-read for each attempt) instead of the runner', default: '' },
        { name: 'force-skip-oidc', description: 'never ask the runner for an OIDC token even with id-token: write; assume the role with aws-access-key-id, web-identity-token-file or the credentials in the environment', default: 'false' },
        { name: 'use-existing-credentials', description: 'when the AWS credentials already in the environment are valid (GetCallerIdentity) and in allowed-account-ids, keep them and do nothing else', default: 'false' },
        { name: 'unset-current-credentials', description: 'ignore the AWS key variables already in the environment (they are replaced or cleared)', default: 'false' },
        { name: 'allowed-account-ids', description: 'comma separated account IDs; the step fails before exporting anything when the credentials are for another account', default: '' },
        { name: 'output-credentials', description: 'also set the credentials as masked step outputs (GitHub drops masked outputs between jobs)', default: 'false' },
        { name: 'output-env-credentials', description: 'export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_DEFAULT_REGION (and AWS_PROFILE with aws-profile); default true, or false when aws-profile is set', default: '' },
        { name: 'mask-aws-account-id', description: 'mask the AWS account ID in logs and outputs', default: 'false' },
        { name: 'aws-profile', description: 'write the credentials as this named profile into a 0600 credentials/config file pair in the runner temp dir (exported as AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE; later steps add their profiles to the same files); removed after the job', default: '' },
        { name: 'overwrite-aws-profile', description: 'replace aws-profile when it is already in the credentials file (otherwise that is an error)', default: 'false' },
        { name: 'credentials-file', description: 'write the profile (aws-profile, or "default") to 0600 files and export AWS_PROFILE instead of the key variables', default: 'false' },
        { name: 'retry-max-attempts', description: 'attempts for transient STS failures (Throttling, IDPCommunicationError, 5xx, network), each with a fresh OIDC token', default: '5' },
        { name: 'disable-retry', description: 'make one attempt only (same as retry-max-attempts: 1)', default: 'false' },
        { name: 'special-characters-workaround', description: 'assume the role again (up to 12 times) until the secret access key has no special characters; overrides disable-retry', default: 'false' },
        { name: 'action-timeout-s', description: 'fail the whole step after this many seconds (0: no bound), naming what was still pending; nothing is exported then', default: '0' },
        { name: 'sts-endpoint', description: 'STS endpoint URL for private (VPC), FIPS or test endpoints; default AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, else the regional endpoint', default: '' },
        { name: 'http-proxy', description: 'proxy URL for STS calls; overrides HTTPS_PROXY / HTTP_PROXY of the job', default: '' },
        { name: 'no-proxy', description: 'hosts that bypass the proxy (comma separated); overrides NO_PROXY of the job', default: '' },
        { name: 'ca-certificate', description: 'CA certificate(s) to trust for STS, PEM text or a file path (private endpoints, TLS-inspecting proxies); added to the system CAs', default: '' },
        { name: 'id-token-var', description: 'GitLab: the variable named under the job\'s id_tokens: that holds the token', default: '' },
    ],
};

;// CONCATENATED MODULE: ./src/actions/oidc-assume-role/index.ts




const oidcAssumeRole = {
    name: 'oidc-assume-role',
    async main(r) {
        await run(readConfig(r), r);
    },
    async post(r) {
        await cleanUp(r);
    },
};


/***/ }),

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

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iQ: () => (/* binding */ partitionOf),
/* harmony export */   ij: () => (/* binding */ REGIONS),
/* harmony export */   jG: () => (/* binding */ REGION_SHAPE),
/* harmony export */   u1: () => (/* binding */ stsEndpoint)
/* harmony export */ });
const REGIONS = {
    aws: [
        'us-east-1',
        'us-east-2',
        'us-west-1',
        'us-west-2',
        'af-south-1',
        'ap-east-1',
        'ap-east-2',
        'ap-south-1',
        'ap-south-2',
        'ap-northeast-1',
        'ap-northeast-2',
        'ap-northeast-3',
        'ap-southeast-1',
        'ap-southeast-2',
        'ap-southeast-3',
        'ap-southeast-4',
        'ap-southeast-5',
        'ap-southeast-6',
        'ap-southeast-7',
        'ca-central-1',
        'ca-west-1',
        'eu-central-1',
        'eu-central-2',
        'eu-west-1',
        'eu-west-2',
        'eu-west-3',
        'eu-south-1',
        'eu-south-2',
        'eu-north-1',
        'il-central-1',
        'me-south-1',
        'me-central-1',
        'mx-central-1',
        'sa-east-1',
    ],
    'aws-cn': ['cn-north-1', 'cn-northwest-1'],
    'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};
/** The shape every region name has (e.g. eu-west-1, us-gov-east-1). */
const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
function partitionOf(region) {
    for (const [p, list] of Object.entries(REGIONS))
        if (list.includes(region))
            return p;
    return undefined;
}
/** The regional STS endpoint the SDK would use (shown in messages only). */
function stsEndpoint(region) {
    return `https://sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}


/***/ })

};
