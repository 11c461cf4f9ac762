/**
 * fetch-secrets: Vault KV v1/v2, dynamic and PKI secrets into env vars, step outputs and
 * 0600 files, every value masked first; all fetched in parallel and validated before anything
 * is injected. The post step removes the files, revokes the leases and (when this step logged
 * in) the token. Lines with a store prefix (aws-sm:, aws-ssm:, gcp-sm:, azure-kv:) are read from
 * the cloud stores in parallel with Vault (./fetch-secrets-stores.ts); Vault is logged in to only
 * when Vault lines remain. Glue only: the protocol lives in src/vault and src/stores.
 */
import { RemoteError, UserError, describeError } from '../core/errors.js';
import { parseBool, parseIntIn } from '../core/parse.js';
import type { Action, Runner } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';
import { type LoginOutcome, login as vaultLogin, vaultClient } from '../vault/login.js';
import { checkToken, clientCaps, loginCaps, parseStepTimeout, readVaultConnection, readVaultLogin } from './shared/vault-config.js';
import { vaultActionLoginInputs, withVaultActionAliases } from './shared/vault-inputs.js';
import { withInputAliases } from './aliases.js';
import { PKI_INPUT, parsePkiInput } from './fetch-secrets/pki-input.js';
import { type SecretEncoding, decodeItems, parseEncoding } from '../secrets/encoding.js';
import { shortLived, withDeadline } from '../vault/deadline.js';
import { SECRETS_INPUT } from '../secrets/grammar.js';
import { parseSecretsInput, type Selector } from '../vault/selector.js';
import { fetchAll, groupFetches, perEntry } from '../vault/fetch.js';
import { vaultSource } from '../vault/store.js';
import { byLine, selectValues } from '../secrets/select.js';
import type { Item } from '../secrets/item.js';
import { FILES_STATE, inject, removeInjectedFiles, summaryMarkdown } from '../secrets/inject.js';
import { pool } from '../core/pool.js';
import { checkAcross, fetchFromStores, planSecrets, storeContext, storeInputs } from './fetch-secrets-stores.js';

export const fetchSecretsSpec: ActionSpec = {
  name: 'fetch-secrets',
  summary: 'read Vault KV v1/v2, dynamic and PKI secrets (and AWS Secrets Manager, SSM Parameter Store, GCP Secret Manager, Azure Key Vault) in parallel into masked env vars, step outputs or 0600 files; revoke leases when the job ends',
  inputs: [
    { name: 'secrets', description: 'one selector per line (";" also separates), vault-action syntax: "secret/data/ci/app api_key | API_KEY"; "path *" for every key; "a.b" for a nested field; "path?version=N"; "| file:NAME", "| dotenv:NAME", "| json:NAME" for files; "pki/issue/ROLE common_name=HOST ttl=1h | file:TLS" for a certificate; cloud stores with a prefix: "aws-sm:prod/db password | DB_PASSWORD", "aws-ssm:/app/token | TOKEN", "gcp-sm:projects/P/secrets/S | NAME", "azure-kv:https://VAULT.vault.azure.net/secrets/S | NAME"' },
    // vault-action's names (exportEnv, ignoreNotFound, secretEncodingType, exportToken) are aliases
    ...withVaultActionAliases([
      { name: 'export-env', description: 'export each value (or file path) as an environment variable for later steps', default: 'true' },
      { name: 'outputs', description: 'set each value (or file path) as a step output (masked outputs are not passed to other jobs)', default: 'true' },
      { name: 'ignore-not-found', description: 'skip a missing path or key with a warning instead of failing the step', default: 'false' },
      { name: 'pki', description: 'hashicorp/vault-action\'s PKI form, one per line or ";": pki/issue/ROLE {"common_name": "web.example.com", "ttl": "1h"} [| NAME]; sets ROLE_CERT, ROLE_KEY, ROLE_CA, ROLE_CA_CHAIN (outputs role_cert ...)', default: '' },
      { name: 'secret-encoding-type', description: 'decode each value of a Vault line before injecting it: base64 (or base64url), hex, or utf8 (as stored); bytes that are not text only go to a file: sink, byte for byte', default: 'utf8' },
      { name: 'export-token', description: 'export VAULT_ADDR and VAULT_TOKEN (and VAULT_NAMESPACE) for later steps of the job; a token this step logged in with is still revoked when the job ends (unless revoke is false)', default: 'false' },
    ]),
    { name: 'revoke-leases', description: 'revoke the leases of dynamic secrets (database, aws ...) in the post step', default: 'true' },
    { name: 'concurrency', description: 'at most this many Vault requests in flight (1-64), and as many cloud store requests', default: '8' },
    ...vaultActionLoginInputs,
    { name: 'revoke', description: 'when this step logged in itself (no token given), revoke that token in the post step', default: 'true' },
    ...storeInputs,
  ],
};

const LEASES_STATE = 'fetchSecretsLeases';
const TOKEN_STATE = 'fetchSecretsToken';
/** the token this step logged in with, kept (revoke: false) but needed to revoke the leases */
const LEASE_TOKEN_STATE = 'fetchSecretsLeaseToken';

interface VaultOutcome {
  items: Item[];
  skipped: string[];
  requests: number;
  leases: number;
  /** export-token / output-token, called once everything else was injected */
  publishToken: () => void;
}

const NO_VAULT: VaultOutcome = { items: [], skipped: [], requests: 0, leases: 0, publishToken: () => undefined };

interface VaultOptions {
  concurrency: number; ignoreNotFound: boolean; outputs: boolean; revoke: boolean; revokeLeases: boolean;
  exportToken: boolean; outputToken: boolean; encoding: SecretEncoding; pending: Set<string>;
}

/** export-token / output-token (vault-action's exportToken, outputToken: the vault_token output). */
function exportToken(r: Runner, login: LoginOutcome, o: VaultOptions): void {
  if (o.outputToken) r.output('vault_token', login.token);
  if (!o.exportToken) return;
  r.exportEnv('VAULT_ADDR', login.connection.url);
  r.exportEnv('VAULT_TOKEN', login.token);
  if (login.connection.namespace) r.exportEnv('VAULT_NAMESPACE', login.connection.namespace);
  if (shortLived(login.ttl)) r.warning(`The exported Vault token expires in ${login.ttl}s, likely before the job ends: raise the role's token_ttl.`, { title: 'Short-lived Vault token' });
}

/** Dynamic secrets whose lease ends within 10 minutes: the job likely outlives them. */
function warnShortLeases(r: Runner, items: readonly Item[]): void {
  const short = items.filter((i) => i.leaseTtl !== undefined && shortLived(i.leaseTtl));
  if (!short.length) return;
  const names = [...new Set(short.map((i) => `${i.name} (${i.leaseTtl ?? 0}s)`))].join(', ');
  r.warning(`These credentials expire within 10 minutes, likely before the job ends: ${names}. Raise the role's default_ttl, or fetch them in the step that uses them.`, { title: 'Short-lived credentials' });
}

/**
 * Logs in (unless a token is given), reads every Vault line; leases and the token are saved for
 * the post step before anything can fail. The token is exported only after every value was
 * injected (publishToken), so a failing selector leaves nothing behind.
 */
async function fromVault(r: Runner, selectors: readonly Selector[], o: VaultOptions): Promise<VaultOutcome> {
  const login = await vaultLogin(readVaultLogin(r, { useEnvToken: true, pending: o.pending }), loginCaps(r));
  const { client } = login;
  try {
    if (login.created) {
      r.secret(login.token, 'the Vault token');
      if (o.revoke) {
        r.saveState(TOKEN_STATE, login.token);
        r.info(`Logged in to Vault with ${login.method}; the token is revoked when the job ends.`);
      }
    }
    const fetches = groupFetches(selectors);
    const started = Date.now();
    const result = await fetchAll(vaultSource(client, (m) => r.debug(m)), fetches, { concurrency: o.concurrency, ignoreNotFound: o.ignoreNotFound });
    r.debug(`fetched ${fetches.length} Vault path(s) in ${Date.now() - started} ms (concurrency ${o.concurrency})`);

    // Leases are saved before anything else can fail, so the post step revokes them all.
    const leases = result.fetched.flatMap((f) => (f.leaseId ? [f.leaseId] : []));
    if (leases.length) {
      if (o.revokeLeases) {
        r.saveState(LEASES_STATE, JSON.stringify(leases));
        if (login.created && !o.revoke) r.saveState(LEASE_TOKEN_STATE, login.token);
      } else r.info(`revoke-leases is false: ${leases.length} lease(s) stay valid until their TTL ends.`);
    }
    if (result.error) throw result.error;
    const selected = selectValues(perEntry(result.fetched), { ignoreNotFound: o.ignoreNotFound, outputs: o.outputs });
    warnShortLeases(r, selected.items);
    return { items: decodeItems(selected.items, o.encoding), skipped: [...result.skipped.map((e) => e.message), ...selected.skipped], requests: fetches.length, leases: leases.length, publishToken: () => exportToken(r, login, o) };
  } finally {
    await client.close();
  }
}

/** Both sources' failures as one error (nothing is injected). */
function bothFailed(errors: readonly unknown[]): unknown {
  if (errors.length === 1) return errors[0];
  const text = `Vault and the cloud stores both failed, nothing was injected:\n${errors.map((e) => `- ${describeError(e)}`).join('\n')}`;
  if (errors.every((e) => e instanceof UserError)) return new UserError(SECRETS_INPUT, text);
  return new RemoteError(text, { service: 'fetch-secrets', status: 0, retryable: false });
}

async function main(r: Runner): Promise<void> {
  // Every input is checked before any network call.
  const pki = parsePkiInput(r.input(PKI_INPUT));
  const onlyPki = pki.length > 0 && !r.input(SECRETS_INPUT).trim() && !r.input('secret-ids').trim();
  const plan = onlyPki ? { vaultInput: '', vaultLines: 0, stores: [] } : await planSecrets(r);
  const selectors = [...(plan.vaultLines ? parseSecretsInput(plan.vaultInput) : []), ...pki];
  const exportEnv = parseBool(r.input('export-env'), 'export-env', true);
  const outputs = parseBool(r.input('outputs'), 'outputs', true);
  const ignoreNotFound = parseBool(r.input('ignore-not-found'), 'ignore-not-found', false);
  const encoding = parseEncoding(r.input('secret-encoding-type'));
  const exportTok = parseBool(r.input('export-token'), 'export-token', false);
  const outputToken = parseBool(r.input('output-token'), 'output-token', false);
  const timeout = parseStepTimeout(r.input('timeout'), 300);
  const pending = new Set<string>();
  const revokeLeases = parseBool(r.input('revoke-leases'), 'revoke-leases', true);
  const revoke = parseBool(r.input('revoke'), 'revoke', true);
  const concurrency = parseIntIn(r.input('concurrency'), 'concurrency', 8, 1, 64);
  const storeCtx = plan.stores.length ? storeContext(r, plan.stores, concurrency) : undefined;

  // Vault (only when there are Vault lines: no login otherwise) and the cloud stores, in parallel.
  const started = Date.now();
  const [vault, stores] = await Promise.allSettled([
    selectors.length
      ? withDeadline(timeout, () => [...pending], () => fromVault(r, selectors, { concurrency, ignoreNotFound, outputs, revoke, revokeLeases, exportToken: exportTok, outputToken, encoding, pending }))
      : Promise.resolve(NO_VAULT),
    storeCtx ? fetchFromStores(plan.stores, storeCtx, { ignoreNotFound, outputs }) : Promise.resolve({ items: [], skipped: [], reads: 0 }),
  ]);
  const ms = Date.now() - started;
  const errors = [vault, stores].flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (vault.status === 'rejected' || stores.status === 'rejected') throw bothFailed(errors);
  const v = vault.value;
  const s = stores.value;
  checkAcross(s.items, v.items, outputs);

  const skipped = [...v.skipped, ...s.skipped];
  for (const m of skipped) r.warning(`ignore-not-found: skipped ${m}`, { title: 'Secret not found' });
  const items = [...v.items, ...s.items].sort(byLine);
  const done = await inject(r, items, { exportEnv, outputs });
  v.publishToken();

  const files = done.filter((d) => d.file).length;
  const from = [v.requests ? `${v.requests} Vault path(s)` : '', s.reads ? `${s.reads} cloud store read(s)` : ''].filter(Boolean).join(' and ') || 'nothing';
  r.info(`Injected ${done.length} value(s) from ${from} in ${ms} ms${files ? `, ${files} as files` : ''}${v.leases ? `, ${v.leases} lease(s)` : ''}.`);
  if (outputs && done.length && r.platform === 'github') {
    r.warning('Secret step outputs are masked, and GitHub drops masked outputs passed to another job (actions/runner#1061): use them in this job, and run fetch-secrets again in any job that needs the values.', { title: 'Masked outputs stay in this job' });
  }
  await r.summary(summaryMarkdown(done, { exportEnv, outputs, requests: v.requests, storeReads: s.reads, ms, skipped }));
}

function parseLeases(raw: string): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

async function post(r: Runner): Promise<void> {
  const removed = await removeInjectedFiles(r.getState(FILES_STATE));
  if (removed.removed) r.info(`Removed ${removed.removed} secret file(s).`);
  for (const f of removed.failed) r.warning(`Could not remove the secret file ${f.path} (${f.code})`, { title: 'Secret file not removed' });

  const leases = parseLeases(r.getState(LEASES_STATE));
  const created = r.getState(TOKEN_STATE);
  if (!leases.length && !created) return;
  let token: string;
  try {
    token = created || r.getState(LEASE_TOKEN_STATE) || checkToken(r.input('token'), 'token') || checkToken(r.env('VAULT_TOKEN') ?? '', 'VAULT_TOKEN');
  } catch (err) {
    r.warning(`Could not revoke the leases: ${describeError(err)}`, { title: 'Leases not revoked' });
    return;
  }
  if (!token) {
    r.warning(`No Vault token in the post step: ${leases.length} lease(s) were not revoked and end with their TTL.`, { title: 'Leases not revoked' });
    return;
  }
  r.secret(token, 'the Vault token');
  let client;
  try {
    const conn = readVaultConnection(r);
    client = vaultClient({ ...conn, retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, clientCaps(r), token);
  } catch (err) {
    r.warning(`Could not revoke the leases: ${describeError(err)}`);
    return;
  }
  try {
    const results = await pool(leases, 8, (id) => client.revokeLease(id));
    let ok = 0;
    results.forEach((res, i) => {
      if (res.ok) ok++;
      else r.warning(`Could not revoke the lease ${leases[i] ?? ''}; it ends with its TTL: ${describeError(res.error)}`, { title: 'Lease not revoked' });
    });
    if (ok) r.info(`Revoked ${ok} lease(s) (sys/leases/revoke).`);
    if (created) {
      try {
        await client.revokeSelf();
        r.info('Revoked the Vault token this step logged in with.');
      } catch (err) {
        if (err instanceof RemoteError && err.code === 'invalid_token') r.info('The Vault token was already revoked or expired.');
        else r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${describeError(err)}`, { title: 'Vault token not revoked' });
      }
    }
  } finally {
    await client.close();
  }
}

export const fetchSecrets: Action = withInputAliases({ name: 'fetch-secrets', main, post }, fetchSecretsSpec.inputs);
