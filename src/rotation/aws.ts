/**
 * AWS IAM access keys: every user the credentials can list, their Active keys (inactive
 * keys do not count), each key's age against the max age, and keys never used. Reads only
 * metadata (ListUsers, ListAccessKeys, GetAccessKeyLastUsed); the secret keys are never
 * returned by these calls.
 */
import {
  type AccessKeyMetadata,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  type IAMClientConfig,
  ListAccessKeysCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { type Item, DAY, ageLimitText, ageStatus, human, worst } from './item.js';
import { type Policy, resolve } from './policy.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface IamOptions {
  credentials: AwsCredentials;
  region: string;
  /** a custom IAM endpoint (tests, GovCloud, proxies) */
  endpoint?: string;
  maxAttempts: number;
  /** the transport (the suite's proxy-aware HTTP layer); the SDK default when absent */
  requestHandler?: IAMClientConfig['requestHandler'];
}

export interface IamResult {
  items: Item[];
  users: number;
  inactive: number;
}

function awsReason(err: unknown): string {
  const name = err instanceof Error ? err.name : 'Error';
  const msg = err instanceof Error ? (err.message.split('\n')[0]?.slice(0, 160) ?? '') : '';
  return msg && msg !== name ? `${name}: ${msg}` : name;
}

const PERMS = 'the role needs iam:ListUsers, iam:ListAccessKeys and iam:GetAccessKeyLastUsed';

export async function checkAccessKeys(o: IamOptions, nowMs: number, policy: Policy, info: (m: string) => void): Promise<IamResult> {
  const client = new IAMClient({
    region: o.region,
    credentials: o.credentials,
    maxAttempts: o.maxAttempts,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(o.requestHandler ? { requestHandler: o.requestHandler } : {}),
  });
  const items: Item[] = [];
  let inactive = 0;
  const users: string[] = [];
  try {
    try {
      let marker: string | undefined;
      do {
        const page = await client.send(new ListUsersCommand(marker ? { Marker: marker } : {}));
        for (const u of page.Users ?? []) if (u.UserName) users.push(u.UserName);
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
    } catch (err) {
      items.push({ kind: 'aws-key', name: 'iam:ListUsers', status: 'fail', limit: '-', detail: `cannot list IAM users (${awsReason(err)}); ${PERMS}` });
      return { items, users: 0, inactive };
    }
    for (const user of users) {
      let keys: AccessKeyMetadata[];
      try {
        keys = [];
        let marker: string | undefined;
        do {
          const page = await client.send(new ListAccessKeysCommand({ UserName: user, ...(marker ? { Marker: marker } : {}) }));
          keys.push(...(page.AccessKeyMetadata ?? []));
          marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
      } catch (err) {
        items.push({ kind: 'aws-key', name: `${user}/*`, status: 'fail', limit: '-', detail: `cannot list the access keys (${awsReason(err)}); ${PERMS}` });
        continue;
      }
      for (const k of keys) {
        if (k.Status !== 'Active') {
          inactive++;
          continue;
        }
        const id = k.AccessKeyId ?? '(unknown key id)';
        const name = `${user}/${id}`;
        const lim = resolve(policy, 'aws-key', name);
        if (lim.ignore) continue;
        const created = k.CreateDate?.getTime();
        if (created === undefined) {
          items.push({ kind: 'aws-key', name, status: 'fail', limit: ageLimitText(lim), detail: 'IAM gave no creation date' });
          continue;
        }
        const ageSec = Math.floor((nowMs - created) / 1000);
        let status = ageStatus(ageSec, lim);
        let detail: string;
        let used: Date | undefined;
        let service = '';
        try {
          const lu = (await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }))).AccessKeyLastUsed;
          used = lu?.LastUsedDate;
          service = lu?.ServiceName && lu.ServiceName !== 'N/A' ? lu.ServiceName : '';
        } catch (err) {
          info(`could not read when ${name} was last used (${awsReason(err)})`);
        }
        if (used) detail = `last used ${human(Math.floor((nowMs - used.getTime()) / 1000))} ago${service ? ` (${service})` : ''}`;
        else {
          detail = 'never used';
          if (ageSec >= lim.unusedGraceSec) {
            status = worst(status, 'warn');
            detail = `never used in ${Math.floor(ageSec / DAY)} days: delete it`;
          }
        }
        if (status === 'fail') detail = `older than ${human(lim.maxAgeSec)}: rotate it; ${detail}`;
        items.push({ kind: 'aws-key', name, status, ageSec, limit: ageLimitText(lim), detail, created: new Date(created).toISOString() });
      }
    }
  } finally {
    client.destroy();
  }
  return { items, users: users.length, inactive };
}
