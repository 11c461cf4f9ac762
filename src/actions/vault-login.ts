/**
 * vault-login: swaps the runner's OIDC token (or AppRole / Kubernetes JWT / a given token)
 * for a Vault token, masks it, hands it out (outputs, job env) and revokes it in the post step.
 * Glue only: the protocol lives in src/vault.
 */
import { RemoteError, UserError, describeError } from '../core/errors.js';
import { parseBool } from '../core/parse.js';
import type { Action, Runner } from '../platform/runner.js';
import { withInputAliases } from './aliases.js';
import type { ActionSpec } from './spec.js';
import { login as vaultLoginWith, vaultClient } from '../vault/login.js';
import { vaultActionLoginInputs, withVaultActionAliases } from './shared/vault-inputs.js';
import { clientCaps, loginCaps, parseStepTimeout, readVaultConnection, readVaultLogin } from './shared/vault-config.js';
import { shortLived, withDeadline } from '../vault/deadline.js';

/** vault-action inputs about secrets: declared so a `with:` block copied from vault-action parses; vault-login fetches nothing. */
const FETCH_ONLY = ['secrets', 'pki', 'exportEnv', 'ignoreNotFound', 'secretEncodingType'] as const;

export const vaultLoginSpec: ActionSpec = {
  name: 'vault-login',
  summary: 'log in to Vault (GitHub/GitLab OIDC, AppRole, Kubernetes or a token), export the token masked, revoke it when the job ends',
  inputs: [
    ...vaultActionLoginInputs,
    ...withVaultActionAliases([
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

function ttlText(seconds: number): string {
  if (seconds <= 0) return 'no expiry';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}

async function main(r: Runner): Promise<void> {
  for (const name of ['secrets', 'pki'] as const) {
    if (r.input(name).trim()) throw new UserError(name, 'vault-login only logs in: read secrets with fetch-secrets (uses: .../actions/fetch-secrets@v1), which takes the same with: block, or after this step with VAULT_TOKEN');
  }
  const exportToken = parseBool(r.input('export-token'), 'export-token', true);
  const outputToken = parseBool(r.input('output-token'), 'output-token', false);
  const revoke = parseBool(r.input('revoke'), 'revoke', true);
  const timeout = parseStepTimeout(r.input('timeout'), 300);
  const pending = new Set<string>();
  const login = await withDeadline(timeout, () => [...pending], () => vaultLoginWith(readVaultLogin(r, { pending }), loginCaps(r)));
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
    if (outputToken) r.output('vault_token', token);
    r.output('accessor', login.accessor);
    r.output('expires-at', login.expiresAt ? login.expiresAt.toISOString() : '');
    if (exportToken) {
      r.exportEnv('VAULT_ADDR', connection.url);
      r.exportEnv('VAULT_TOKEN', token);
      if (connection.namespace) r.exportEnv('VAULT_NAMESPACE', connection.namespace);
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
    if (shortLived(login.ttl)) {
      warn = `The Vault token expires in ${ttlText(login.ttl)}, likely before the job ends: raise token_ttl${login.role ? ` of role "${login.role}"` : ''} (or log in again in the step that needs it).`;
      r.warning(warn, { title: 'Short-lived Vault token' });
    }
    await r.summary(`### Vault login\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n${warn ? `\n> [!WARNING]\n> ${warn}\n` : ''}`);
  } finally {
    await client.close();
  }
}

async function post(r: Runner): Promise<void> {
  const token = r.getState('token');
  if (!token) {
    r.info('No Vault token to revoke (none was created, or revoke is false).');
    return;
  }
  r.secret(token, 'the Vault token');
  let client;
  try {
    const conn = readVaultConnection(r);
    client = vaultClient({ ...conn, url: r.getState('url') || conn.url, namespace: r.getState('namespace'), retry: { ...conn.retry, maxAttempts: Math.min(conn.retry.maxAttempts, 3) } }, clientCaps(r), token);
  } catch (err) {
    r.warning(`Could not revoke the Vault token: ${describeError(err)}`);
    return;
  }
  try {
    await client.revokeSelf();
    r.info('Revoked the Vault token (auth/token/revoke-self).');
  } catch (err) {
    if (err instanceof RemoteError && err.code === 'invalid_token') r.info('The Vault token was already revoked or expired.');
    else r.warning(`Could not revoke the Vault token; it stays valid until its TTL ends: ${describeError(err)}`, { title: 'Vault token not revoked' });
  } finally {
    await client.close();
  }
}

export const vaultLogin: Action = withInputAliases({ name: 'vault-login', main, post }, vaultLoginSpec.inputs);
