/**
 * What a secret store hands back, and the interface each cloud store implements (Vault reads
 * its lines in vault/fetch.ts, grouped per path with leases, and gives the same Fetched). The
 * caller registers every value with the masker before it does anything else with it.
 */
import type { JsonObject } from '../core/json.js';
import type { Selection } from './select.js';

/** One secret as read for one entry. */
export interface Fetched<S extends Selection = Selection> {
  sel: S;
  /** Vault's key/value map, or a cloud store's value as stored (a string, JSON or not) */
  value: JsonObject | string;
  /** printable: the path read, or the store and id */
  source: string;
  /** the version read (a KV v2 number; a store's version id) */
  version?: number | string;
  /** a dynamic secret's lease */
  leaseTtl?: number;
  /** the secret's own name as the store reported it (aws-sm: ARN lookups and prefix matches) */
  name?: string;
}

/** A cloud secret store: reads the secret one entry names; close() ends its connections. */
export interface Store<S extends Selection = Selection> {
  fetch(sel: S): Promise<Fetched<S>[]>;
  close(): Promise<void>;
}
