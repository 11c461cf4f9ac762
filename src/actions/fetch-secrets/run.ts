/**
 * fetch-secrets' main step from a Config: Vault (logged in to only when there are Vault
 * entries) and the cloud stores are read in parallel; nothing is injected unless every entry of
 * both succeeded. Then every value is masked, every file written (0600, all or none), and only
 * then env vars and outputs set. Leases and a token this step created are saved for the post
 * step before anything can fail. The store layer (stores/index.ts and, through it, each store's
 * module and SDK) is imported only when a store entry is present.
 */
import { RemoteError, UserError, describeError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import { checkCollisions, type Named, storeSource } from '../../secrets/collisions.js';
import { decodeItems } from '../../secrets/encoding.js';
import { SECRETS_INPUT } from '../../secrets/grammar.js';
import { inject, summaryMarkdown } from '../../secrets/inject.js';
import type { Item } from '../../secrets/item.js';
import { byLine, selectValues } from '../../secrets/select.js';
import type { Store } from '../../secrets/store.js';
import type { StoreContext } from '../../stores/context.js';
import type { StoreKind, StoreSelector } from '../../stores/selector.js';
import { shortLived, withDeadline } from '../../vault/deadline.js';
import { type SecretSource, fetchAll, groupFetches, perEntry } from '../../vault/fetch.js';
import { type LoginOptions, type LoginOutcome, login } from '../../vault/login.js';
import type { Selector } from '../../vault/selector.js';
import { vaultSource } from '../../vault/store.js';
import { loginCaps } from '../shared/vault-config.js';
import { type Config, STATE } from './config.js';

/** A Vault login as run() uses it: the token's facts, the reads, and the connection to close. */
export type VaultSession = Pick<LoginOutcome, 'token' | 'created' | 'method' | 'ttl' | 'connection'> & {
  source: SecretSource;
  close(): Promise<void>;
};

/** Where the values come from: Vault and the cloud stores over the network, unless a test hands in its own. */
export interface Sources {
  /** logs in to Vault */
  vault(opts: LoginOptions, r: Runner): Promise<VaultSession>;
  /** a cloud store's client; undefined: its module, loaded on demand */
  loadStore?: (kind: StoreKind, ctx: StoreContext) => Promise<Store<StoreSelector>>;
}

async function networkVault(opts: LoginOptions, r: Runner): Promise<VaultSession> {
  const l = await login(opts, loginCaps(r));
  return {
    token: l.token,
    created: l.created,
    method: l.method,
    ttl: l.ttl,
    connection: l.connection,
    source: vaultSource(l.client, (m) => r.debug(m)),
    close: () => l.client.close(),
  };
}

const NETWORK: Sources = { vault: networkVault };

interface VaultOutcome {
  items: Item[];
  skipped: string[];
  requests: number;
  leases: number;
  /** export-token / output-token, called once everything else was injected */
  publishToken: () => void;
}

const NO_VAULT: VaultOutcome = { items: [], skipped: [], requests: 0, leases: 0, publishToken: () => undefined };

interface StoreOutcome {
  items: Item[];
  skipped: string[];
  /** distinct ids read */
  reads: number;
}

/** export-token / output-token (vault-action's exportToken, outputToken: the vault_token output). */
function exportToken(r: Runner, session: VaultSession, c: Config): void {
  if (c.outputToken) r.output('vault_token', session.token);
  if (!c.exportToken) return;
  r.exportEnv('VAULT_ADDR', session.connection.url);
  r.exportEnv('VAULT_TOKEN', session.token);
  if (session.connection.namespace) r.exportEnv('VAULT_NAMESPACE', session.connection.namespace);
  if (shortLived(session.ttl))
    r.warning(`The exported Vault token expires in ${session.ttl}s, likely before the job ends: raise the role's token_ttl.`, {
      title: 'Short-lived Vault token',
    });
}

/** Dynamic secrets whose lease ends within 10 minutes: the job likely outlives them. */
function warnShortLeases(r: Runner, items: readonly Item[]): void {
  const short = items.filter((i) => i.leaseTtl !== undefined && shortLived(i.leaseTtl));
  if (!short.length) return;
  const names = [...new Set(short.map((i) => `${i.name} (${i.leaseTtl ?? 0}s)`))].join(', ');
  r.warning(
    `These credentials expire within 10 minutes, likely before the job ends: ${names}. Raise the role's default_ttl, or fetch them in the step that uses them.`,
    { title: 'Short-lived credentials' },
  );
}

/**
 * Logs in (unless a token is given), reads every Vault entry; leases and the token are saved for
 * the post step before anything can fail. The token is exported only after every value was
 * injected (publishToken), so a failing entry leaves nothing behind.
 */
async function fromVault(r: Runner, selectors: readonly Selector[], loginOpts: LoginOptions, c: Config, sources: Sources): Promise<VaultOutcome> {
  const session = await sources.vault(loginOpts, r);
  try {
    if (session.created) {
      r.secret(session.token, 'the Vault token');
      if (c.revoke) {
        r.saveState(STATE.token, session.token);
        r.info(`Logged in to Vault with ${session.method}; the token is revoked when the job ends.`);
      }
    }
    const fetches = groupFetches(selectors);
    const started = Date.now();
    const result = await fetchAll(session.source, fetches, { concurrency: c.concurrency, ignoreNotFound: c.ignoreNotFound });
    r.debug(`fetched ${fetches.length} Vault path(s) in ${Date.now() - started} ms (concurrency ${c.concurrency})`);

    // Leases are saved before anything else can fail, so the post step revokes them all.
    const leases = result.fetched.flatMap((f) => (f.leaseId ? [f.leaseId] : []));
    if (leases.length) {
      if (c.revokeLeases) {
        r.saveState(STATE.leases, JSON.stringify(leases));
        if (session.created && !c.revoke) r.saveState(STATE.leaseToken, session.token);
      } else r.info(`revoke-leases is false: ${leases.length} lease(s) stay valid until their TTL ends.`);
    }
    if (result.error) throw result.error;
    const selected = selectValues(perEntry(result.fetched), { ignoreNotFound: c.ignoreNotFound, outputs: c.outputs });
    warnShortLeases(r, selected.items);
    return {
      items: decodeItems(selected.items, c.encoding),
      skipped: [...result.skipped.map((e) => e.message), ...selected.skipped],
      requests: fetches.length,
      leases: leases.length,
      publishToken: () => exportToken(r, session, c),
    };
  } finally {
    await session.close();
  }
}

/**
 * Reads every store entry (the store layer loaded now, on demand) and returns the items ready to
 * inject. Nothing is returned unless every entry succeeded.
 */
async function fromStores(stores: readonly StoreSelector[], ctx: StoreContext, c: Config, sources: Sources): Promise<StoreOutcome> {
  const { fetchStoreSecrets } = await import('../../stores/index.js');
  const res = await fetchStoreSecrets(stores, ctx, {
    ignoreNotFound: c.ignoreNotFound,
    outputs: c.outputs,
    ...(sources.loadStore ? { load: sources.loadStore } : {}),
  });
  const reads = new Set(stores.map((s) => `${s.store}:${s.id}:${s.versionId ?? ''}:${s.versionStage ?? ''}`)).size;
  return { items: res.items, skipped: res.skipped, reads };
}

/** Fails on a store item and a Vault item with one env (or output) name, naming both lines. */
function checkAcross(storeItems: readonly Item[], vaultItems: readonly Item[], outputs: boolean): void {
  if (!storeItems.length || !vaultItems.length) return;
  const named = (i: Item, out: boolean): Named => ({
    name: out ? i.outputName : i.name,
    line: i.line,
    text: i.text,
    ...(i.pick === 'expand' && i.sink === 'env' ? { key: i.key } : {}),
  });
  checkCollisions(storeItems, storeSource, { taken: vaultItems.map((i) => named(i, false)) });
  if (outputs) checkCollisions(storeItems, storeSource, { outputs: true, taken: vaultItems.map((i) => named(i, true)) });
}

/** Both sources' failures as one error (nothing is injected). */
function bothFailed(errors: readonly unknown[]): unknown {
  if (errors.length === 1) return errors[0];
  const text = `Vault and the cloud stores both failed, nothing was injected:\n${errors.map((e) => `- ${describeError(e)}`).join('\n')}`;
  if (errors.every((e) => e instanceof UserError)) return new UserError(SECRETS_INPUT, text);
  return new RemoteError(text, { service: 'fetch-secrets', status: 0, retryable: false });
}

export async function run(c: Config, r: Runner, sources: Sources = NETWORK): Promise<void> {
  const { exportEnv, outputs } = c;
  // Vault (only when there are Vault entries: no login otherwise) and the cloud stores, in parallel.
  const started = Date.now();
  const loginOpts = c.login;
  const storeCtx = c.storeContext;
  const [vault, stores] = await Promise.allSettled([
    c.vault.length && loginOpts
      ? withDeadline(
          c.timeoutS,
          () => [...c.pending],
          () => fromVault(r, c.vault, loginOpts, c, sources),
        )
      : Promise.resolve(NO_VAULT),
    c.stores.length && storeCtx ? fromStores(c.stores, storeCtx, c, sources) : Promise.resolve({ items: [], skipped: [], reads: 0 }),
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
  if (outputs && done.length && !r.maskedOutputsLeaveJob) {
    r.warning(
      'Secret step outputs are masked, and GitHub drops masked outputs passed to another job (actions/runner#1061): use them in this job, and run fetch-secrets again in any job that needs the values.',
      { title: 'Masked outputs stay in this job' },
    );
  }
  await r.summary(summaryMarkdown(done, { exportEnv, outputs, requests: v.requests, storeReads: s.reads, ms, skipped }));
}
