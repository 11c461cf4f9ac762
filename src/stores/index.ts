/**
 * The store layer's interface, for fetch-secrets (and the CLI):
 *
 *   parseStoreLine(text, line)          a StoreSelector, or undefined for a line without a
 *                                       store prefix (a Vault line: the caller keeps it)
 *   fetchStoreSecrets(selectors, ctx)   every value, named, masked, collision-checked
 *
 * Contract: `ctx.secret(value, what)` is called for every token and every value the moment it
 * arrives, before anything else happens with it, and again for each item's value and JSON
 * leaves; the caller must not print or write anything it gets before this resolves. Nothing is
 * returned unless every selector succeeded (no half-success): failures are collected across
 * stores and thrown as one error that names each id. Reads run in parallel under
 * `ctx.concurrency`; each store module (and its SDK) is loaded only when a line needs it.
 */
import { setDefaultAutoSelectFamilyAttemptTimeout } from 'node:net';
import { RemoteError, UserError, describeError } from '../core/errors.js';
import { MIN_SECRET_LENGTH } from '../core/mask.js';
import { pool } from '../core/pool.js';
import { SECRETS_INPUT } from '../secrets/grammar.js';
import { FieldError } from '../secrets/fields.js';
import type { Item } from '../secrets/item.js';
import { byLine, itemsOf as select } from '../secrets/select.js';
import type { Fetched, Store } from '../secrets/store.js';
import { type Named, checkCollisions, storeSource } from '../secrets/collisions.js';
import type { StoreContext } from './context.js';
import { awsSecretName, type StoreKind, type StoreSelector } from './selector.js';

export { parseStoreLine, storePrefix, sourceOf } from './selector.js';
export type { StoreKind, StoreSelector } from './selector.js';
export type { StoreContext, AwsCredentials } from './context.js';

export const DEFAULT_CONCURRENCY = 8;

/** A selection failure; `notFound` when a key is missing (fetch-secrets' ignore-not-found). */
export class PickError extends UserError {
  constructor(
    message: string,
    readonly notFound: boolean,
  ) {
    super(SECRETS_INPUT, message);
  }
}

/** The items one fetched value gives for its selector; a field that is not there is a PickError. */
export function itemsOf(f: Fetched<StoreSelector>): Item[] {
  const { sel } = f;
  // as aws-secretsmanager-get-secrets: an ARN or a prefix match is named by the secret's own name, a name by itself
  const byOwnName = sel.prefix === true || sel.id.startsWith('arn:');
  const named = sel.pick.kind === 'aws-compat' ? { ...f, name: byOwnName ? (f.name ?? awsSecretName(sel.id)) : sel.id } : f;
  try {
    return select(named);
  } catch (err) {
    if (err instanceof FieldError) throw new PickError(err.message, err.notFound);
    throw err;
  }
}

async function loadStore(kind: StoreKind, ctx: StoreContext): Promise<Store<StoreSelector>> {
  switch (kind) {
    case 'aws-sm':
      return (await import('./aws-sm.js')).awsSmStore(ctx);
    case 'aws-ssm':
      return (await import('./aws-ssm.js')).awsSsmStore(ctx);
    case 'gcp-sm':
      return (await import('./gcp.js')).gcpStore(ctx);
    case 'azure-kv':
      return (await import('./azure.js')).azureStore(ctx);
  }
}

export interface FetchOptions {
  /** a missing secret or key is skipped (and reported in `skipped`) instead of failing */
  ignoreNotFound?: boolean;
  /** names the caller already sets (its Vault lines): a store item may not reuse one */
  taken?: readonly Named[];
  /** check step output names for collisions too */
  outputs?: boolean;
  /** loads a store's client (default: its module, imported on demand); tests hand in their own */
  load?: (kind: StoreKind, ctx: StoreContext) => Promise<Store<StoreSelector>>;
}

export interface StoreResult {
  items: Item[];
  /** not-found failures skipped under ignoreNotFound (messages name ids, never values) */
  skipped: string[];
}

/** True for "no such secret / parameter / key" failures. */
export function isNotFound(err: unknown): boolean {
  return (err instanceof RemoteError && err.code === 'NotFound') || (err instanceof PickError && err.notFound);
}

function fetchKey(s: StoreSelector): string {
  return JSON.stringify([s.store, s.id, s.versionId ?? '', s.versionStage ?? '', s.prefix === true]);
}

function failure(messages: readonly string[], errors: readonly unknown[]): Error {
  const unique = [...new Set(messages)];
  if (unique.length === 1 && errors[0] instanceof Error) return errors[0];
  const text = `${unique.length} secret reads failed, nothing was injected:\n${unique.map((m) => `- ${m}`).join('\n')}`;
  if (errors.every((e) => e instanceof UserError)) return new UserError(SECRETS_INPUT, text);
  return new RemoteError(text, { service: 'secret stores', status: 0, retryable: false });
}

/** Reads every selector's secret (once per distinct id), then names, masks and checks the items. */
export async function fetchStoreSecrets(selectors: readonly StoreSelector[], ctx: StoreContext, opts: FetchOptions = {}): Promise<StoreResult> {
  if (selectors.length === 0) return { items: [], skipped: [] };
  const ms = ctx.http?.autoSelectFamilyAttemptTimeoutMs;
  if (ms !== undefined) setDefaultAutoSelectFamilyAttemptTimeout(ms);

  const groups = new Map<string, StoreSelector[]>();
  for (const s of selectors) {
    const k = fetchKey(s);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const stores = new Map<StoreKind, Promise<Store<StoreSelector>>>();
  const storeFor = (kind: StoreKind): Promise<Store<StoreSelector>> => {
    let p = stores.get(kind);
    if (!p) {
      p = (opts.load ?? loadStore)(kind, ctx);
      stores.set(kind, p);
    }
    return p;
  };

  const fetched: { sels: StoreSelector[]; values: Fetched<StoreSelector>[] }[] = [];
  const skipped: string[] = [];
  const messages: string[] = [];
  const errors: unknown[] = [];
  const fail = (err: unknown): void => {
    if (opts.ignoreNotFound && isNotFound(err)) skipped.push(describeError(err));
    else {
      messages.push(describeError(err));
      errors.push(err);
    }
  };
  try {
    // modules load one after the other (their SDKs share dependencies), then reads run in parallel
    for (const kind of new Set(selectors.map((s) => s.store))) {
      try {
        await storeFor(kind);
      } catch {
        // reported by the first read of that store below
      }
    }
    await pool([...groups.values()], ctx.concurrency ?? DEFAULT_CONCURRENCY, async (sels) => {
      const first = sels[0] as StoreSelector;
      try {
        const store = await storeFor(first.store);
        fetched.push({ sels, values: await store.fetch(first) });
      } catch (err) {
        fail(err);
      }
    });
  } finally {
    for (const p of stores.values()) {
      try {
        await (await p).close();
      } catch {
        // a store that failed to start has nothing to close
      }
    }
  }
  if (errors.length) throw failure(messages, errors);

  const items: Item[] = [];
  for (const f of fetched) {
    for (const sel of f.sels) {
      for (const v of f.values) {
        try {
          items.push(...itemsOf({ ...v, sel }));
        } catch (err) {
          fail(err);
        }
      }
    }
  }
  if (errors.length) throw failure(messages, errors);
  items.sort(byLine);
  for (const i of items) {
    ctx.secret(i.value, `${i.name} (${i.source})`);
    for (const leaf of i.leaves) if (leaf.trim().length >= MIN_SECRET_LENGTH) ctx.secret(leaf, `a field of ${i.name}`);
  }
  checkCollisions(items, storeSource, { taken: opts.taken ?? [] });
  if (opts.outputs) checkCollisions(items, storeSource, { outputs: true });
  return { items, skipped };
}
