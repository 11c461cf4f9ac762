/** IAM role and policy ARNs: parsed and checked before any call. */
import { UserError } from '../core/errors.js';
import type { Partition } from './regions.js';

export interface RoleArn {
  arn: string;
  partition: Partition;
  account: string;
  /** the path between `role/` and the name, e.g. `ci/` ('' when none) */
  path: string;
  name: string;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const ROLE_NAME = /^((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}|aws):policy\/((?:[\w+=,.@-]+\/)*)[\w+=,.@-]{1,128}$/;

export function parseRoleArn(raw: string, input: string): RoleArn {
  const v = raw.trim();
  const m = ROLE_ARN.exec(v);
  if (m) return { arn: v, partition: m[1] as Partition, account: m[2] ?? '', path: m[3] ?? '', name: m[4] ?? '' };
  if (v.startsWith('arn:')) {
    const parts = v.split(':');
    let why = 'expected arn:aws:iam::<12-digit account id>:role/<name>';
    if (parts.length < 6) why = `an ARN has 6 parts separated by ":"; this one has ${parts.length}`;
    else if (!['aws', 'aws-cn', 'aws-us-gov'].includes(parts[1] ?? '')) why = `unknown partition "${parts[1]}" (aws, aws-cn or aws-us-gov)`;
    else if (parts[2] === 'sts') why = 'this is an assumed-role (session) ARN from STS; give the IAM role ARN arn:<partition>:iam::<account>:role/<name>';
    else if (parts[2] !== 'iam') why = `the service part is "${parts[2]}", not "iam"`;
    else if (parts[3] !== '') why = 'IAM ARNs have no region: the fourth part must be empty (arn:aws:iam::<account>:role/<name>)';
    else if (!/^\d{12}$/.test(parts[4] ?? '')) why = `the account part "${parts[4]}" is not a 12-digit account id`;
    else if (!parts.slice(5).join(':').startsWith('role/')) why = `the resource "${parts.slice(5).join(':')}" is not role/<name>`;
    else why = 'the role name may only hold letters, digits and +=,.@_- (at most 64 characters)';
    throw new UserError(input, `"${v}" is not a valid IAM role ARN: ${why}`);
  }
  throw new UserError(input, `"${v}" is not an IAM role ARN`);
}

/** A bare role name (optionally with a path), or undefined when it is not one. */
export function parseRoleName(raw: string): { path: string; name: string } | undefined {
  const m = ROLE_NAME.exec(raw.trim());
  return m ? { path: m[1] ?? '', name: m[2] ?? '' } : undefined;
}

export function roleArnFor(partition: Partition, account: string, role: { path: string; name: string }): RoleArn {
  return { arn: `arn:${partition}:iam::${account}:role/${role.path}${role.name}`, partition, account, path: role.path, name: role.name };
}

export function checkPolicyArn(raw: string, input: string): string {
  const v = raw.trim();
  if (!POLICY_ARN.test(v)) throw new UserError(input, `"${v}" is not a managed policy ARN (arn:aws:iam::<account or "aws">:policy/<name>)`);
  return v;
}

/** The account and partition of an STS caller ARN (arn:aws:sts::<acct>:assumed-role/...). */
export function accountOfArn(arn: string): { partition: Partition; account: string } | undefined {
  const m = /^arn:(aws|aws-cn|aws-us-gov):(?:sts|iam)::(\d{12}):/.exec(arn);
  return m ? { partition: m[1] as Partition, account: m[2] ?? '' } : undefined;
}
