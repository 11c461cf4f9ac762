import { describe, expect, it } from '@jest/globals';
import { parseRoleArn, parseRoleName, checkPolicyArn, accountOfArn } from '../../../src/aws/arn.js';
import { UserError } from '../../../src/core/errors.js';

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('role ARNs', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/deploy', 'aws', '', 'deploy'],
    ['arn:aws-cn:iam::123456789012:role/ci/x/deploy+1', 'aws-cn', 'ci/x/', 'deploy+1'],
    ['arn:aws-us-gov:iam::123456789012:role/a@b.c', 'aws-us-gov', '', 'a@b.c'],
  ])('parses %s', (arn, partition, path, name) => {
    expect(parseRoleArn(arn, 'role-to-assume')).toEqual({ arn, partition, account: '123456789012', path, name });
  });
  it.each([
    ['arn:aws:iam::1234:role/x', /12-digit/],
    ['arn:aws:iam:us-east-1:123456789012:role/x', /no region/],
    ['arn:aws:s3:::bucket', /service part is "s3"/],
    ['arn:aws:iam::123456789012:user/x', /not role/],
    ['arn:aws:sts::123456789012:assumed-role/x/s', /assumed-role/],
    ['arn:foo:iam::123456789012:role/x', /unknown partition/],
    ['arn:aws:iam::123456789012', /6 parts/],
    ['arn:aws:iam::123456789012:role/has space', /role name may only/],
  ])('rejects %s', (arn, why) => {
    const e = userError(() => parseRoleArn(arn, 'role-to-assume'));
    expect(e.message).toMatch(why);
    expect(e.input).toBe('role-to-assume');
  });
  it('role names, policy ARNs, caller ARNs', () => {
    expect(parseRoleName('ci/deploy')).toEqual({ path: 'ci/', name: 'deploy' });
    expect(parseRoleName('no spaces please')).toBeUndefined();
    expect(checkPolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess', 'p')).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(() => checkPolicyArn('ReadOnlyAccess', 'p')).toThrow(UserError);
    expect(accountOfArn('arn:aws-cn:sts::210987654321:assumed-role/r/s')).toEqual({ partition: 'aws-cn', account: '210987654321' });
  });
});
