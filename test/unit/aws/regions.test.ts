import { describe, expect, it } from '@jest/globals';
import { checkRegion } from '../../../src/aws/checks.js';
import { partitionOf } from '../../../src/aws/regions.js';
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

describe('regions', () => {
  it('knows the partitions', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOf('xx-east-1')).toBeUndefined();
  });
  it('rejects a region of another partition, an unknown one, allows an unknown one with an endpoint', () => {
    expect(userError(() => checkRegion('us-east-1', 'aws-region', 'aws-cn', false)).message).toMatch(/partition aws.*role ARN is in aws-cn/);
    expect(userError(() => checkRegion('us-east-9', 'aws-region', 'aws', false)).message).toMatch(/sts-endpoint/);
    expect(checkRegion('us-east-9', 'aws-region', 'aws', true)).toBe('us-east-9');
    expect(userError(() => checkRegion('US-EAST-1', 'aws-region', undefined, true)).message).toMatch(/not an AWS region/);
  });
});
