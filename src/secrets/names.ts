/**
 * Variable names derived from key names. normalizeName and envName follow hashicorp/vault-action
 * so existing workflows keep their names; they name Vault and cloud store values alike.
 */

/**
 * Name normalisation, exactly as hashicorp/vault-action 3.x does it so existing workflows keep
 * their names: the first `.` becomes `__`, dashes are dropped, and any other character outside
 * [A-Za-z0-9_] is dropped (`db.password` -> DB__PASSWORD, `api-key` -> APIKEY). A name that would
 * start with a digit gets a `_` in front, since no shell accepts it. Deterministic; collisions are
 * reported by the caller. `| NAME` on a line picks any name.
 */
export function normalizeName(key: string): string {
  const n = key
    .replace('.', '__')
    .replace(/-/g, '')
    .replace(/[^A-Za-z0-9_]/g, '');
  return /^[0-9]/.test(n) ? `_${n}` : n;
}

export function envName(key: string): string {
  return normalizeName(key).toUpperCase();
}

/** How env names are cased in the aws-secretsmanager-get-secrets compatibility mode. */
export type NameCase = 'uppercase' | 'lowercase' | 'none';

/** aws-secretsmanager-get-secrets' transformToValidEnvName, with its name-transformation. */
export function compatEnvName(name: string, nameCase: NameCase): string {
  const n = (/^[0-9]/.test(name) ? `_${name}` : name).replace(/[^a-zA-Z0-9_]/g, '_');
  return nameCase === 'uppercase' ? n.toUpperCase() : nameCase === 'lowercase' ? n.toLowerCase() : n;
}
