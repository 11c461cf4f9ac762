/**
 * The one parse of fetch-secrets' entries. Each entry of `secrets` is a cloud store line (it
 * starts with a store prefix: stores/selector.ts) or a Vault line (vault/selector.ts); both sides
 * share the line grammar of secrets/grammar.ts. `secret-ids` adds Secrets Manager entries
 * (secret-ids.ts) and `pki` Vault PKI bundles (pki-input.ts). Every entry is parsed once, and
 * every error names its input and line.
 */
import { UserError } from '../../core/errors.js';
import { parseBool } from '../../core/parse.js';
import { type Entry, SECRETS_INPUT, splitEntries } from '../../secrets/grammar.js';
import { parseStoreLine, type StoreSelector } from '../../stores/selector.js';
import { type Selector, checkStaticNames, parseSelector } from '../../vault/selector.js';
import { parsePkiInput } from './pki-input.js';
import { parseAwsSmCompat } from './secret-ids.js';

export interface PlanInputs {
  secrets: string;
  pki: string;
  'secret-ids': string;
  'parse-json-secrets': string;
  'name-transformation': string;
}

export interface Plan {
  /** the Vault lines, then the pki input's bundles */
  vault: Selector[];
  /** the cloud store lines, then the secret-ids entries */
  stores: StoreSelector[];
}

export function planSecrets(inputs: PlanInputs): Plan {
  const pki = parsePkiInput(inputs.pki);
  if (pki.length > 0 && !inputs.secrets.trim() && !inputs['secret-ids'].trim()) return { vault: pki, stores: [] };
  const stores: StoreSelector[] = [];
  const vaultEntries: Entry[] = [];
  // the store lines are parsed first, then secret-ids, then the Vault lines: with several bad
  // entries, the one reported is the one it always was
  for (const e of splitEntries(inputs.secrets)) {
    const s = parseStoreLine(e.text, e.line);
    if (s) stores.push(s);
    else vaultEntries.push(e);
  }
  if (inputs['secret-ids'].trim()) {
    stores.push(
      ...parseAwsSmCompat({
        'secret-ids': inputs['secret-ids'],
        'parse-json-secrets': inputs['parse-json-secrets'],
        'name-transformation': inputs['name-transformation'],
      }).selectors,
    );
  } else {
    // validated even when unused, so a typo fails fast
    parseBool(inputs['parse-json-secrets'], 'parse-json-secrets', false);
  }
  if (!vaultEntries.length && !stores.length) {
    throw new UserError(
      SECRETS_INPUT,
      'no selector given: write one per line, e.g. "secret/data/ci/app api_key | API_KEY" or "aws-sm:prod/db password | DB_PASSWORD" (or give secret-ids)',
    );
  }
  const vault = vaultEntries.map((e) => parseSelector(e.line, e.text));
  checkStaticNames(vault);
  return { vault: [...vault, ...pki], stores };
}
