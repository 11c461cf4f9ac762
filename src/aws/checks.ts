/**
 * The checks made before anything is exported, at parse time and again at run time (a role
 * name resolved against the caller's account): the region against the role's partition, the
 * account against allowed-account-ids. Each error names the input it is about.
 */
import { UserError } from '../core/errors.js';
import { parseList } from '../core/parse.js';
import { REGION_SHAPE, REGIONS, partitionOf, type Partition } from './regions.js';

export function checkRegion(raw: string, input: string, partition: Partition | undefined, endpointGiven: boolean): string {
  const region = raw.trim();
  if (!REGION_SHAPE.test(region)) throw new UserError(input, `"${region.slice(0, 40)}" is not an AWS region name (e.g. us-east-1, eu-west-1)`);
  const p = partitionOf(region);
  if (!p) {
    if (endpointGiven) return region;
    throw new UserError(
      input,
      `"${region}" is not a known region of ${partition ?? 'any partition'}${partition ? ` (${REGIONS[partition].join(', ')})` : ''}; for a region newer than this action, also set sts-endpoint`,
    );
  }
  if (partition && p !== partition) {
    throw new UserError(
      input,
      `region "${region}" belongs to partition ${p}, but the role ARN is in ${partition}; use a region of ${partition} (${REGIONS[partition].join(', ')})`,
    );
  }
  return region;
}

const ACCOUNT = /^\d{12}$/;

/** allowed-account-ids: comma (or line) separated 12-digit account ids. */
export function parseAccounts(raw: string): string[] {
  const ids = parseList(raw);
  for (const id of ids) if (!ACCOUNT.test(id)) throw new UserError('allowed-account-ids', `"${id.slice(0, 40)}" is not a 12-digit AWS account id`);
  return ids;
}

/** Refuses an account not in allowed-account-ids (before anything is exported). */
export function checkAccount(account: string, allowed: readonly string[], what: string): void {
  if (allowed.length && !allowed.includes(account)) {
    throw new UserError(
      'allowed-account-ids',
      `${what} is in account ${account}, which is not in allowed-account-ids (${allowed.join(', ')}): nothing was exported`,
    );
  }
}
