/**
 * fetch-secrets' configuration: every input read and checked (the entries parsed once, every
 * secret among the inputs registered) before any network call; every error names its input.
 */
import { UserError } from '../../core/errors.js';
import { parseBool, parseIntIn } from '../../core/parse.js';
import type { Runner } from '../../platform/runner.js';
import { ENCODING_INPUT, type SecretEncoding } from '../../secrets/encoding.js';
import { SECRETS_INPUT } from '../../secrets/grammar.js';
import type { StoreContext } from '../../stores/context.js';
import type { StoreSelector } from '../../stores/selector.js';
import type { LoginOptions } from '../../vault/login.js';
import type { Selector } from '../../vault/selector.js';
import { parseStepTimeout, readVaultLogin } from '../shared/vault-config.js';
import { storeContext } from './config-stores.js';
import { PKI_INPUT } from './pki-input.js';
import { planSecrets } from './plan.js';

export interface Config {
  /** the Vault lines and the pki input's bundles ([]: no Vault login) */
  vault: Selector[];
  /** the cloud store lines and the secret-ids entries ([]: the store layer is never loaded) */
  stores: StoreSelector[];
  exportEnv: boolean;
  outputs: boolean;
  ignoreNotFound: boolean;
  /** secret-encoding-type: Vault values are decoded before injection */
  encoding: SecretEncoding;
  exportToken: boolean;
  outputToken: boolean;
  /** the Vault part of the step, login included, in seconds */
  timeoutS: number;
  revokeLeases: boolean;
  /** revoke a token this step logged in with, in the post step */
  revoke: boolean;
  /** requests in flight at once, for Vault and for the stores */
  concurrency: number;
  /** the Vault login (a given token or a method), when there are Vault entries */
  login?: LoginOptions;
  /** the Vault calls in flight, named in a timeout's message */
  pending: Set<string>;
  /** what the stores are handed, when there are store entries */
  storeContext?: StoreContext;
}

/** State main leaves for post. */
export const STATE = {
  leases: 'fetchSecretsLeases',
  /** the token this step logged in with, to revoke */
  token: 'fetchSecretsToken',
  /** the token this step logged in with, kept (revoke: false) but needed to revoke the leases */
  leaseToken: 'fetchSecretsLeaseToken',
} as const;

/** secret-encoding-type: utf8 (as stored, the default), base64 or hex. */
export function parseEncoding(raw: string): SecretEncoding {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/^utf-8$/, 'utf8');
  if (v === '' || v === 'utf8') return 'utf8';
  if (v === 'base64' || v === 'hex') return v;
  throw new UserError(ENCODING_INPUT, `expected base64, hex or utf8, got "${v.slice(0, 20)}"`);
}

export function readConfig(r: Runner): Config {
  const plan = planSecrets({
    secrets: r.input(SECRETS_INPUT),
    pki: r.input(PKI_INPUT),
    'secret-ids': r.input('secret-ids'),
    'parse-json-secrets': r.input('parse-json-secrets'),
    'name-transformation': r.input('name-transformation'),
  });
  const exportEnv = parseBool(r.input('export-env'), 'export-env', true);
  const outputs = parseBool(r.input('outputs'), 'outputs', true);
  const ignoreNotFound = parseBool(r.input('ignore-not-found'), 'ignore-not-found', false);
  const encoding = parseEncoding(r.input('secret-encoding-type'));
  const exportToken = parseBool(r.input('export-token'), 'export-token', false);
  const outputToken = parseBool(r.input('output-token'), 'output-token', false);
  const timeoutS = parseStepTimeout(r.input('timeout'), 300);
  const pending = new Set<string>();
  const revokeLeases = parseBool(r.input('revoke-leases'), 'revoke-leases', true);
  const revoke = parseBool(r.input('revoke'), 'revoke', true);
  const concurrency = parseIntIn(r.input('concurrency'), 'concurrency', 8, 1, 64);
  const c: Config = {
    vault: plan.vault,
    stores: plan.stores,
    exportEnv,
    outputs,
    ignoreNotFound,
    encoding,
    exportToken,
    outputToken,
    timeoutS,
    revokeLeases,
    revoke,
    concurrency,
    pending,
  };
  if (plan.stores.length) c.storeContext = storeContext(r, plan.stores, concurrency);
  // the Vault inputs are read only when there is a Vault entry: a store-only step never needs them
  if (plan.vault.length) c.login = readVaultLogin(r, { useEnvToken: true, pending });
  return c;
}
