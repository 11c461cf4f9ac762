/**
 * vault-login's main: swaps the runner's OIDC token (or AppRole / Kubernetes JWT / a given token)
 * for a Vault token, masks it, hands it out (outputs, job env) and saves it for the post step's
 * revocation. The protocol lives in src/vault.
 */
import type { Runner } from '../../platform/runner.js';
import { shortLived, withDeadline } from '../../vault/deadline.js';
import { type LoginCaps, type LoginOptions, type LoginOutcome, login as vaultLogin } from '../../vault/login.js';
import { type Config, STATE } from './config.js';

/** What main needs of the runner. */
export type RunCaps = LoginCaps & Pick<Runner, 'saveState' | 'output' | 'exportEnv' | 'warning' | 'summary'>;

export function ttlText(seconds: number): string {
  if (seconds <= 0) return 'no expiry';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}

export async function run(cfg: Config, r: RunCaps, login: (o: LoginOptions, caps: LoginCaps) => Promise<LoginOutcome> = vaultLogin): Promise<void> {
  const { pending } = cfg.login.connection;
  const caps: LoginCaps = { idToken: (aud) => r.idToken(aud), secret: (v, what) => r.secret(v, what), debug: (m) => r.debug(m), info: (m) => r.info(m) };
  const outcome = await withDeadline(
    cfg.timeoutS,
    () => [...pending],
    () => login(cfg.login, caps),
  );
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
    if (cfg.outputToken) r.output('vault_token', token);
    r.output('accessor', outcome.accessor);
    r.output('expires-at', outcome.expiresAt ? outcome.expiresAt.toISOString() : '');
    if (cfg.exportToken) {
      r.exportEnv('VAULT_ADDR', connection.url);
      r.exportEnv('VAULT_TOKEN', token);
      if (connection.namespace) r.exportEnv('VAULT_NAMESPACE', connection.namespace);
    }
    const how =
      outcome.method === 'token' ? 'with the given token' : `with ${outcome.method} at auth/${outcome.mount}${outcome.role ? `, role "${outcome.role}"` : ''}`;
    r.info(
      `Logged in to Vault ${how}${connection.namespace ? ` (namespace ${connection.namespace})` : ''}: policies ${outcome.policies.join(', ') || '(none)'}, TTL ${ttlText(outcome.ttl)}.`,
    );
    r.info(
      willRevoke
        ? 'The token will be revoked when the job ends (post step).'
        : outcome.created
          ? 'revoke is false: the token stays valid until its TTL ends.'
          : 'The token was given, not created here: it will not be revoked.',
    );
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
    if (shortLived(outcome.ttl)) {
      warn = `The Vault token expires in ${ttlText(outcome.ttl)}, likely before the job ends: raise token_ttl${outcome.role ? ` of role "${outcome.role}"` : ''} (or log in again in the step that needs it).`;
      r.warning(warn, { title: 'Short-lived Vault token' });
    }
    await r.summary(
      `### Vault login\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n${warn ? `\n> [!WARNING]\n> ${warn}\n` : ''}`,
    );
  } finally {
    await client.close();
  }
}
