import { describe, expect, it } from '@jest/globals';
import { defaultSessionName, sanitizeSessionName, type RunInfo } from '../../../src/aws/session-name.js';

const gh: RunInfo = { platform: 'github', repository: 'o/r', runId: '99', runAttempt: '2', actor: 'me' };

describe('session names', () => {
  it('derives them from the run', () => {
    expect(defaultSessionName(gh)).toBe('GitHubActions-99-2');
    expect(defaultSessionName({ platform: 'gitlab', repository: 'grp/sub grp/proj', runId: '123', runAttempt: '1', actor: '' })).toBe(
      'GitLab-grp-sub-grp-proj-123',
    );
    const long = defaultSessionName({ platform: 'gitlab', repository: 'a'.repeat(100), runId: '9876543210', runAttempt: '1', actor: '' });
    expect(long).toHaveLength(64);
    expect(long.endsWith('-9876543210')).toBe(true);
    expect(defaultSessionName({ platform: 'local', repository: '', runId: '', runAttempt: '', actor: 'Ann Lee' })).toBe('pipeline-secrets-Ann-Lee');
  });
  it('sanitizes to the STS alphabet and length', () => {
    for (const raw of ['x', 'ü', 'a b/c:d', 'z'.repeat(80)]) {
      const s = sanitizeSessionName(raw);
      expect(s).toMatch(/^[\w+=,.@-]{2,64}$/);
    }
  });
});
