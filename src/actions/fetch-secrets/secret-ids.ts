/**
 * Drop-in inputs of aws-actions/aws-secretsmanager-get-secrets (v2, node24 action.yml):
 *   secret-ids                          names, ARNs, `ALIAS,id` and `prefix*` (at least 3
 *                                       characters, then *), one per line; `,id` is a blank alias
 *   parse-json-secrets                  a JSON object secret becomes one variable per key,
 *                                       recursively, named SECRET_KEY_SUBKEY (alias or nothing
 *                                       in front for a blank alias)
 *   name-transformation                 uppercase (default) | lowercase | none
 *   auto-select-family-attempt-timeout  ms for the first address family (Happy Eyeballs), >= 10
 * Parsed into aws-sm StoreSelectors with the aws-compat pick, so the values take the same
 * path (masking, collisions, files) as every other store line.
 */
import { UserError } from '../../core/errors.js';
import { isEnvName, parseBool } from '../../core/parse.js';
import { splitEntries } from '../../secrets/grammar.js';
import { type NameCase, compatEnvName } from '../../secrets/names.js';
import type { StoreSelector } from '../../stores/selector.js';

export interface AwsSmCompatInputs {
  'secret-ids': string;
  'parse-json-secrets'?: string;
  'name-transformation'?: string;
  'auto-select-family-attempt-timeout'?: string;
}

export interface AwsSmCompat {
  selectors: StoreSelector[];
  /** for StoreContext.http.autoSelectFamilyAttemptTimeoutMs */
  autoSelectFamilyAttemptTimeoutMs?: number;
}

const PREFIX_RE = /^[a-zA-Z0-9/_+=.@-]{3,}\*$/;
const ID_RE = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;

export function parseNameCase(raw: string): NameCase {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'uppercase') return 'uppercase';
  if (v === 'lowercase' || v === 'none') return v;
  throw new UserError('name-transformation', `expected uppercase, lowercase or none, got "${raw.trim().slice(0, 40)}"`);
}

export function parseAwsSmCompat(inputs: AwsSmCompatInputs): AwsSmCompat {
  const parseJson = parseBool(inputs['parse-json-secrets'] ?? '', 'parse-json-secrets', false);
  const nameCase = parseNameCase(inputs['name-transformation'] ?? '');
  const out: AwsSmCompat = { selectors: [] };
  const rawTimeout = (inputs['auto-select-family-attempt-timeout'] ?? '').trim();
  if (rawTimeout) {
    if (!/^\d+$/.test(rawTimeout) || Number(rawTimeout) < 10) {
      throw new UserError('auto-select-family-attempt-timeout', `expected a whole number of milliseconds, 10 or more, got "${rawTimeout.slice(0, 20)}"`);
    }
    out.autoSelectFamilyAttemptTimeoutMs = Number(rawTimeout);
  }
  const seen = new Set<string>();
  for (const { line, text } of splitEntries(inputs['secret-ids'] ?? '', { oneByLine: true })) {
    if (seen.has(text)) continue;
    seen.add(text);
    const fail = (what: string) => new UserError('secret-ids', `line ${line} ("${text.slice(0, 120)}"): ${what}`);
    const parts = text.split(',');
    if (parts.length > 2) throw fail('expected "ALIAS,secret-id" with one comma');
    const alias = parts.length === 2 ? (parts[0] ?? '').trim() : undefined;
    const id = (parts.length === 2 ? (parts[1] ?? '') : text).trim();
    if (alias && (!isEnvName(alias) || compatEnvName(alias, nameCase) !== alias)) {
      const casing = nameCase === 'uppercase' ? 'upper-case ' : nameCase === 'lowercase' ? 'lower-case ' : '';
      throw fail(`the alias "${alias.slice(0, 60)}" is not a valid environment name: use ${casing}letters, digits and underscores, not starting with a digit`);
    }
    if (!id) throw fail('the secret id is empty');
    const prefix = id.includes('*');
    if (prefix && !PREFIX_RE.test(id)) throw fail('use a valid prefix search: at least 3 characters, then * at the end');
    if (!prefix && !ID_RE.test(id)) throw fail(`"${id.slice(0, 80)}" is not a secret name or ARN`);
    const sel: StoreSelector = {
      store: 'aws-sm',
      line,
      text,
      id: prefix ? id.slice(0, -1) : id,
      pick: { kind: 'aws-compat', parseJson, nameCase, ...(alias !== undefined ? { alias } : {}) },
      sink: 'env',
      name: alias ?? '',
      outputName: alias ?? '',
      named: alias !== undefined && alias !== '',
    };
    if (prefix) sel.prefix = true;
    out.selectors.push(sel);
  }
  if (out.selectors.length === 0) throw new UserError('secret-ids', 'give at least one secret name, ARN or prefix*, one per line');
  return out;
}
