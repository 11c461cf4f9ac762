/**
 * hashicorp/vault-action's `pki` input: `PATH {JSON parameters} [| NAME]` entries, separated by
 * `;` or new lines, e.g. `pki/issue/web {"common_name": "web.example.com", "ttl": "1h"}`. Each
 * becomes a PKI issue selector whose values are named as vault-action names them: WEB_CERT,
 * WEB_KEY, WEB_CA (issuing CA), WEB_CA_CHAIN (and outputs web_cert ...). Errors name the entry.
 */
import { UserError } from '../../core/errors.js';
import { isObject } from '../../core/json.js';
import { isEnvName } from '../../core/parse.js';
import { normalizeName } from '../../secrets/names.js';
import { type Selector, hasBadSegment, trimPath } from '../../vault/selector.js';

export const PKI_INPUT = 'pki';

function fail(n: number, text: string, what: string): UserError {
  return new UserError(PKI_INPUT, `entry ${n} ("${text.slice(0, 120)}"): ${what}`);
}

/** Entries split on `;` outside the JSON braces, and on new lines. */
function entries(raw: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quote = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (quote) {
      if (ch === '\\') {
        cur += ch + (raw[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if ((ch === ';' || ch === '\n') && depth <= 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Parses the pki input into selectors; line numbers start after the secrets input's `lineBase`. */
export function parsePkiInput(raw: string, lineBase = 10_000): Selector[] {
  return entries(raw).map((text, i) => {
    const n = i + 1;
    const bar = text.lastIndexOf('|');
    const hasName = bar > text.lastIndexOf('}');
    const lhs = hasName ? text.slice(0, bar).trim() : text;
    const given = hasName ? text.slice(bar + 1).trim() : '';
    const sp = lhs.search(/\s/);
    const path = trimPath(sp < 0 ? lhs : lhs.slice(0, sp));
    const json = sp < 0 ? '' : lhs.slice(sp).trim();
    if (!/(^|\/)(issue|sign)\/[^/]+$/.test(path) || hasBadSegment(path)) {
      throw fail(n, text, 'expected a PKI issue path such as pki/issue/ROLE, then its JSON parameters');
    }
    let params: unknown = {};
    if (json) {
      try {
        params = JSON.parse(json);
      } catch {
        throw fail(n, text, 'the parameters are not valid JSON, e.g. {"common_name": "web.example.com", "ttl": "1h"}');
      }
    }
    if (!isObject(params)) throw fail(n, text, 'the parameters must be a JSON object');
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'string' ? v : JSON.stringify(v);
    if (given && !isEnvName(given)) throw fail(n, text, `"${given.slice(0, 40)}" is not a valid variable name`);
    const role = path.slice(path.lastIndexOf('/') + 1);
    const base = given || normalizeName(role);
    return {
      line: lineBase + n,
      text,
      path,
      params: flat,
      field: null,
      sink: 'env',
      name: base.toUpperCase(),
      outputName: base,
      named: given !== '',
      vaultActionPki: true,
    };
  });
}
