/**
 * The vault-login and fetch-secrets components in a local GitLab pipeline (gitlab-ci-local,
 * shell executor) against the Vault imitation: the job's ID token variable (id_tokens) is what
 * logs in, the credentials reach the user's script through its environment only, `exec`
 * redacts them, after_script revokes the token and leases and removes the files, and the
 * pipeline output holds no secret.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OidcIssuer } from '../servers/oidc.js';
import { VaultServer } from '../servers/vault.js';
import { componentProject, describePipeline, jobLog, runPipeline, PROJECT_PATH, type Project } from '../gitlab/project.js';

let issuer: OidcIssuer;
let vault: VaultServer;
let aud: string;
const dbPassword = `db-${randomBytes(12).toString('base64url')}`;
const apiKey = `key-${randomBytes(16).toString('hex')}`;
const tlsKey = ['-----BEGIN PRIVATE KEY-----', randomBytes(30).toString('base64'), randomBytes(30).toString('base64'), '-----END PRIVATE KEY-----'].join('\n');

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  vault = await new VaultServer().start();
  aud = vault.url;
  vault.jwtAuth('jwt', { jwksUrl: `${issuer.url}/.well-known/jwks`, boundIssuer: issuer.url });
  vault.jwtRole('jwt', 'gitlab-ci', {
    user_claim: 'sub',
    bound_claims_type: 'glob',
    token_policies: ['ci-read'],
    token_ttl: 900,
    bound_audiences: [aud],
    bound_claims: { project_path: PROJECT_PATH, ref_protected: 'true' },
  });
  vault.policy('ci-read', ['secret/data/ci/*', 'database/creds/app', { path: 'sys/leases/revoke', capabilities: ['update'] }]);
  vault.mount('secret', { type: 'kv', version: 2 });
  vault.kv2Put('secret', 'ci/app', { db_password: dbPassword, api_key: apiKey, tls_key: tlsKey });
  vault.mount('database', { type: 'database' });
  vault.databaseRole('database', 'app', { default_ttl: 3600 });
});

afterAll(async () => {
  await vault.stop();
  await issuer.stop();
});

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

/** Every credential in play: the JWTs, Vault tokens, the KV values, dynamic passwords. */
function credentials(): string[] {
  return [...issuer.issued, ...vault.tokens.keys(), dbPassword, apiKey, tlsKey];
}

function noTempLeft(p: Project): void {
  const tmp = join(p.dir, '.tmp');
  const left = existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('pipeline-secrets-')) : [];
  expect(left).toEqual([]);
}

describePipeline('vault-login component', () => {
  it("runs the project's own pipeline: logs in with the job's ID token, redacts it through exec, revokes it in after_script", async () => {
    project = componentProject();
    const jwt = await issuer.gitlabToken(aud, { project_path: PROJECT_PATH, sub: `project_path:${PROJECT_PATH}:ref_type:branch:ref:main` });
    const before = { logins: vault.counters.logins, revocations: vault.counters.revocations };
    const run = await runPipeline(project, {
      variables: { VAULT_ADDR: vault.url, VAULT_ROLE: 'gitlab-ci', VAULT_ID_TOKEN: jwt, PIPELINE_SECRETS_RETRY_DELAY: '1ms' },
      secrets: credentials(),
    });
    const log = jobLog(run, 'test-vault-login');
    expect(run.output).toMatch(/PASS\s+test-vault-login/);
    expect(log).toMatch(/Logged in to Vault with jwt at auth\/jwt, role "gitlab-ci"/);
    expect(log).toContain('the token is ***');
    expect(log).toMatch(/Revoked the Vault token/);
    expect(vault.counters.logins).toBe(before.logins + 1);
    expect(vault.counters.revocations).toBe(before.revocations + 1);
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    expect(credentials().filter((c) => run.output.includes(c))).toEqual([]);
    noTempLeft(project);
  });

  it('honours the id_tokens variable: a token for another audience is refused and the job fails, naming the audience', async () => {
    project = componentProject();
    const jwt = await issuer.gitlabToken('https://elsewhere.example', { project_path: PROJECT_PATH });
    const run = await runPipeline(project, {
      jobs: ['test-vault-login'],
      variables: { VAULT_ADDR: vault.url, VAULT_ROLE: 'gitlab-ci', VAULT_ID_TOKEN: jwt },
      secrets: credentials(),
    });
    const log = jobLog(run, 'test-vault-login');
    expect(run.output).toMatch(/FAIL\s+test-vault-login/);
    expect(log).toMatch(/aud/);
    expect(log).not.toContain('the token is');
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    expect(credentials().filter((c) => run.output.includes(c))).toEqual([]);
  });

  it('keeps the token out of a shell trace (set -x, as CI_DEBUG_TRACE turns on) while loading it', async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml': `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/vault-login@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      role: gitlab-ci
job:
  extends: .vault-login
  before_script:
    - set -x
    - !reference [.vault-login, before_script]
  script:
    - echo "traced after loading"
`,
      },
    });
    const jwt = await issuer.gitlabToken(aud, { project_path: PROJECT_PATH });
    const run = await runPipeline(project, { variables: { VAULT_ADDR: vault.url, VAULT_ID_TOKEN: jwt }, secrets: credentials() });
    expect(run.output).toMatch(/PASS\s+job/);
    expect(jobLog(run, 'job')).toMatch(/\+ echo 'traced after loading'|\+ echo "traced after loading"|traced after loading/);
    expect(vault.tokens.size).toBeGreaterThan(0);
    expect(credentials().filter((c) => run.output.includes(c))).toEqual([]);
  });

  it('approle: the secret_id is read by its variable name, so a shell trace (set -x) never prints it', async () => {
    const { roleId, secretId } = vault.approleRole('gl-deploy', { token_policies: ['ci-read'], token_ttl: 600 });
    project = componentProject({
      files: {
        '.gitlab-ci.yml': `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/vault-login@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      method: approle
      role_id: ${roleId}
job:
  extends: .vault-login
  before_script:
    - set -x
    - !reference [.vault-login, before_script]
  script:
    - echo "logged in"
`,
      },
    });
    const before = vault.counters.logins;
    const run = await runPipeline(project, { variables: { VAULT_ADDR: vault.url, VAULT_SECRET_ID: secretId }, secrets: [...credentials(), secretId] });
    expect(run.output).toMatch(/PASS\s+job/);
    expect(jobLog(run, 'job')).toMatch(/Logged in to Vault with approle/);
    expect(vault.counters.logins).toBe(before + 1);
    expect(run.leaks).toEqual([]);
    expect(run.output.includes(secretId)).toBe(false);
  });

  it("refuses a method outside the input's options with GitLab's message", async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml': `include:\n  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/vault-login@$CI_COMMIT_SHA\n    inputs:\n      method: ldap\njob:\n  extends: .vault-login\n  script:\n    - "true"\n`,
      },
    });
    const run = await runPipeline(project);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('`method` input: `ldap` cannot be used because it is not in the list of allowed options');
  });
});

describePipeline('fetch-secrets component', () => {
  it("runs the project's own pipeline: KV values, a dynamic secret and a file reach the script, exec redacts them, after_script revokes and deletes", async () => {
    project = componentProject();
    const jwt = await issuer.gitlabToken(aud, { project_path: PROJECT_PATH });
    const before = { leaseRevocations: vault.counters.leaseRevocations, revocations: vault.counters.revocations, leases: vault.counters.leasesIssued };
    const selectors = [
      'secret/data/ci/app db_password | SELFTEST_DB_PASSWORD',
      'secret/ci/app api_key | SELFTEST_API_KEY',
      'secret/data/ci/app tls_key | file:SELFTEST_TLS_FILE',
      'database/creds/app password | SELFTEST_DYNAMIC',
    ].join('\n');
    const run = await runPipeline(project, {
      jobs: ['test-fetch-secrets'],
      variables: { VAULT_ADDR: vault.url, VAULT_ROLE: 'gitlab-ci', VAULT_ID_TOKEN: jwt, SELFTEST_SECRETS: selectors },
      secrets: credentials(),
    });
    const log = jobLog(run, 'test-fetch-secrets');
    expect(run.output).toMatch(/PASS\s+test-fetch-secrets/);
    for (const name of ['SELFTEST_API_KEY', 'SELFTEST_DB_PASSWORD', 'SELFTEST_DYNAMIC', 'SELFTEST_TLS_FILE']) expect(log).toContain(`${name}=***`);
    expect(vault.counters.leasesIssued).toBe(before.leases + 1);
    expect(vault.counters.leaseRevocations).toBe(before.leaseRevocations + 1);
    expect(vault.counters.revocations).toBe(before.revocations + 1);
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    expect(credentials().filter((c) => run.output.includes(c))).toEqual([]);
    for (const line of tlsKey.split('\n')) expect(run.output).not.toContain(line);
    noTempLeft(project);
  });

  it('the leak guard as the last line of the script: fails the job when a fetched value is in a built file, naming the variable, printing no value; after_script still cleans up', async () => {
    const pipeline = (write: string): string => `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/fetch-secrets@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      role: gitlab-ci
      secrets: secret/data/ci/app api_key | API_KEY
      guard_paths: dist
build:
  extends: .fetch-secrets
  script:
    - mkdir -p dist
    - ${write}
    - !reference [.fetch-secrets-guard, script]
  artifacts:
    paths:
      - dist/
`;
    project = componentProject({ files: { '.gitlab-ci.yml': pipeline(`printf 'const k="%s";\\n' "$API_KEY" > dist/app.js`) } });
    const jwt = await issuer.gitlabToken(aud, { project_path: PROJECT_PATH });
    const run = await runPipeline(project, {
      variables: { VAULT_ADDR: vault.url, VAULT_ID_TOKEN: jwt, PIPELINE_SECRETS_RETRY_DELAY: '1ms' },
      secrets: credentials(),
    });
    const log = jobLog(run, 'build');
    expect(run.output).toMatch(/FAIL\s+build/);
    expect(run.code).not.toBe(0);
    expect(log).toMatch(/dist\/app\.js:1: secret [^\n]*API_KEY[^\n]* found/);
    expect(log).toMatch(/guard: searched 1 file\(s\).*1 finding\(s\)/);
    expect(run.leaks).toEqual([]);
    // the one file holding the value is the one the job wrote (the failed job kept no artifact)
    expect(run.fileLeaks).toEqual(['dist/app.js']);
    expect(credentials().filter((c) => run.output.includes(c))).toEqual([]);
    noTempLeft(project);

    // the same job building a clean file passes
    project.cleanup();
    project = componentProject({ files: { '.gitlab-ci.yml': pipeline(`echo 'const k = process.env.API_KEY;' > dist/app.js`) } });
    const clean = await runPipeline(project, {
      variables: { VAULT_ADDR: vault.url, VAULT_ID_TOKEN: await issuer.gitlabToken(aud, { project_path: PROJECT_PATH }), PIPELINE_SECRETS_RETRY_DELAY: '1ms' },
      secrets: credentials(),
      node: 'current',
    });
    expect(clean.output).toMatch(/PASS\s+build/);
    expect(jobLog(clean, 'build')).toMatch(/guard: searched 1 file\(s\).*none found/);
    expect(clean.leaks).toEqual([]);
    expect(clean.fileLeaks).toEqual([]);
  });

  it("refuses an include without the required secrets input with GitLab's message", async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml':
          'include:\n  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/fetch-secrets@$CI_COMMIT_SHA\n    inputs:\n      role: ci\njob:\n  extends: .fetch-secrets\n  script:\n    - "true"\n',
      },
    });
    const run = await runPipeline(project);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('`secrets` input: required value has not been provided');
  });
});
