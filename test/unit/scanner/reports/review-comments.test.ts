import { describe, expect, it } from '@jest/globals';
import { commentBody, parseNotify, reviewComments } from '../../../../src/scanner/reports/review-comments.js';
import type { Finding } from '../../../../src/scanner/types.js';

const secret = ['tok', 'live', 'Zq8Xw3Rt7Yp2Lm5Nk9Vb'].join('_');
const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'generic-api-key',
  description: 'd',
  path: 'src/a.js',
  startLine: 4,
  endLine: 4,
  startColumn: 3,
  endColumn: 30,
  match: `token = "${secret}"`,
  secret,
  entropy: 4,
  tags: [],
  fingerprint: 'src/a.js:generic-api-key:4',
  ...over,
});

describe('review comments: what the platform posts', () => {
  it('one comment per finding, in order: path, line, a fully redacted body ending in its marker, a file:line:rule key', () => {
    const fs = [finding(), finding({ startLine: 9, fingerprint: 'src/a.js:generic-api-key:9' })];
    const cs = reviewComments(fs, ['octocat']);
    expect(cs.map((c) => [c.path, c.line, c.key])).toEqual([
      ['src/a.js', 4, 'src/a.js:4:generic-api-key'],
      ['src/a.js', 9, 'src/a.js:9:generic-api-key'],
    ]);
    for (const c of cs) {
      expect(c.marker).toMatch(/^<!-- pipeline-secrets:[0-9a-f]{24} -->$/);
      expect(c.body.endsWith(c.marker)).toBe(true);
      expect(c.body).toContain('CC @octocat');
      expect(c.body).not.toContain(secret);
    }
    expect(cs[0]?.marker).not.toBe(cs[1]?.marker);
    expect(cs[0]?.body).toBe(commentBody(fs[0] as Finding, ['octocat']));
  });

  it('notify: users and org/teams only', () => {
    expect(parseNotify('@octocat, acme/security')).toEqual(['octocat', 'acme/security']);
    expect(parseNotify('@octocat <script>')).toEqual([]);
  });
});
