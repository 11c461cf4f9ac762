import { describe, expect, it } from '@jest/globals';
import { parseRoleArn } from '../../../src/aws/arn.js';
import { trustAdvice, conditionPrefix, subPattern } from '../../../src/aws/trust-advice.js';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

describe('trust advice', () => {
  const role = parseRoleArn(ROLE, 'role-to-assume');
  const claims = { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:o/r:environment:prod', aud: 'sts.amazonaws.com' };
  it('shows the claims, a matching statement and the causes that fit', () => {
    const text = trustAdvice({ code: 'AccessDenied', role, claims, audience: 'sts.amazonaws.com', source: 'github' });
    expect(text).toContain('sub: repo:o/r:environment:prod');
    expect(text).toContain('"token.actions.githubusercontent.com:sub": "repo:o/r:environment:prod"');
    expect(text).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
    expect(text).toContain('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com');
    expect(text).toContain('"repo:o/r:*"');
    expect(text).toMatch(/environment, so its sub ends in :environment/);
  });
  it('explains a missing provider for InvalidIdentityToken', () => {
    const text = trustAdvice({
      code: 'InvalidIdentityToken',
      role,
      claims: { ...claims, iss: 'https://gitlab.example.com', sub: 'project_path:g/p:ref_type:branch:ref:main' },
      audience: 'x',
      source: 'gitlab',
    });
    expect(text).toMatch(/no IAM OIDC identity provider for https:\/\/gitlab.example.com in account 123456789012/);
    expect(text).toContain('"gitlab.example.com:sub"');
  });
  it('helpers', () => {
    expect(conditionPrefix('https://ghes.example.com/_services/token/')).toBe('ghes.example.com/_services/token');
    expect(subPattern('repo:o@1/r@2:ref:refs/heads/main')).toBe('repo:o@1/r@2:*');
    expect(subPattern('project_path:g/p:ref_type:tag:ref:v1')).toBe('project_path:g/p:*');
    expect(subPattern('custom')).toBe('custom');
  });
});
