import { describe, expect, it } from '@jest/globals';
import { ageStatus, expiryStatus, human } from '../../../src/rotation/item.js';
import { DEFAULT_LIMITS } from '../../../src/rotation/policy.js';
import { kvItem } from '../../../src/rotation/vault.js';
import { annotations, countItems, summaryMarkdown } from '../../../src/rotation/report.js';
import { bypassProxy, parseEndpoint } from '../../../src/rotation/tls.js';
import type { Item } from '../../../src/rotation/item.js';

const DAY = 86_400;
const NOW = Date.UTC(2026, 5, 1);
const policy = { defaults: DEFAULT_LIMITS, rules: [] };
const ago = (days: number) => new Date(NOW - days * DAY * 1000).toISOString();

describe('status rules', () => {
  it('age: fail past max, warn within warn-before of it', () => {
    const l = { maxAgeSec: 90 * DAY, warnBeforeSec: 30 * DAY };
    expect(ageStatus(59 * DAY, l)).toBe('ok');
    expect(ageStatus(61 * DAY, l)).toBe('warn');
    expect(ageStatus(91 * DAY, l)).toBe('fail');
  });
  it('expiry: fail when expired or within fail-before, warn within warn-before', () => {
    const l = { warnBeforeSec: 30 * DAY, failBeforeSec: 14 * DAY };
    expect(expiryStatus(31 * DAY, l)).toBe('ok');
    expect(expiryStatus(20 * DAY, l)).toBe('warn');
    expect(expiryStatus(10 * DAY, l)).toBe('fail');
    expect(expiryStatus(-1, l)).toBe('fail');
  });
  it('humanises durations', () => {
    expect([human(92 * DAY), human(5 * 3600), human(-120), human(30)]).toEqual(['92d', '5h', '-2m', '30s']);
  });
});

describe('KV v2 metadata', () => {
  const meta = (extra: Record<string, unknown>) => ({
    current_version: 2,
    oldest_version: 1,
    created_time: ago(200),
    updated_time: ago(10),
    custom_metadata: null,
    versions: { '1': { created_time: ago(200), deletion_time: '', destroyed: false }, '2': { created_time: ago(10), deletion_time: '', destroyed: false } },
    ...extra,
  });
  it('ages the current version, not the secret', () => {
    const it = kvItem('secret/a', meta({}), NOW, policy);
    expect(it).toMatchObject({ status: 'warn', ageSec: 10 * DAY, detail: expect.stringMatching(/1 older version still readable, replaced 10d ago/) });
  });
  it('ignores destroyed and deleted older versions', () => {
    const m = meta({
      versions: {
        '1': { created_time: ago(200), deletion_time: ago(5), destroyed: false },
        '2': { created_time: ago(10), deletion_time: '', destroyed: false },
      },
    });
    expect(kvItem('secret/a', m, NOW, policy)?.status).toBe('ok');
  });
  it('takes the shorter of the policy and rotation_period; reads expires_at and owner', () => {
    const it = kvItem(
      'secret/a',
      meta({
        versions: { '2': { created_time: ago(10), deletion_time: '', destroyed: false } },
        custom_metadata: { rotation_period: '7d', owner: 'team-x', expires_at: new Date(NOW + 100 * DAY * 1000).toISOString() },
      }),
      NOW,
      policy,
    );
    expect(it).toMatchObject({ status: 'fail', owner: 'team-x', leftSec: 100 * DAY, limit: expect.stringContaining('max age 7d') });
  });
  it('flags a bad rotation_period without failing', () => {
    const it = kvItem(
      'secret/a',
      meta({ versions: { '2': { created_time: ago(1), deletion_time: '', destroyed: false } }, custom_metadata: { rotation_period: 'monthly' } }),
      NOW,
      policy,
    );
    expect(it).toMatchObject({ status: 'warn', detail: expect.stringContaining('rotation_period is not a duration') });
  });
  it('names the field of bad metadata', () => {
    expect(() => kvItem('secret/a', { current_version: 'x' }, NOW, policy)).toThrow('secret/a metadata.current_version: expected a number');
  });
});

describe('reports', () => {
  const items: Item[] = Array.from({ length: 12 }, (_, i) => ({
    kind: 'certificate' as const,
    name: `c${i}.pem`,
    status: 'fail' as const,
    leftSec: -DAY,
    limit: 'warn 30d / fail 14d',
    detail: 'expired',
  }));
  items.push({ kind: 'vault-kv', name: 'secret/a|b', status: 'warn', ageSec: 70 * DAY, limit: 'max age 90d', detail: 'x', owner: 'o' });
  it('counts and caps annotations at 10 per level with an overflow line', () => {
    expect(countItems(items)).toEqual({ overdue: 12, expiring: 1, ok: 0 });
    const a = annotations(items);
    expect(a.filter((x) => x.level === 'error')).toHaveLength(10);
    expect(a.filter((x) => x.level === 'error')[9]?.message).toMatch(/^3 more overdue items/);
    expect(a.find((x) => x.level === 'error')?.props.file).toBe('c0.pem');
  });
  it('escapes table cells', () => {
    const md = summaryMarkdown(items, '2026-06-01T00:00:00.000Z', false);
    expect(md).toContain('`secret/a\\|b`');
    expect(md).toContain('expired 1d ago');
    expect(md).toContain('age 70d');
  });
});

describe('endpoints', () => {
  it.each([
    ['vault.example.com:8200', 'vault.example.com', 8200],
    ['example.com', 'example.com', 443],
    ['https://example.com/path', 'example.com', 443],
    ['[::1]:8443', '::1', 8443],
  ])('parses %s', (raw, host, port) => {
    expect(parseEndpoint(raw)).toMatchObject({ host, port });
  });
  it('rejects bad ones naming the input', () => {
    expect(() => parseEndpoint('a:b:c')).toThrow('(input "endpoints")');
    expect(() => parseEndpoint('host:70000')).toThrow('(input "endpoints")');
  });
  it('honours NO_PROXY', () => {
    expect(bypassProxy('vault.internal.example', 443, 'example.com,.internal.example')).toBe(true);
    expect(bypassProxy('api.example.org', 443, 'example.com')).toBe(false);
    expect(bypassProxy('a.example.com', 8443, 'example.com:443')).toBe(false);
    expect(bypassProxy('x', 1, '*')).toBe(true);
  });
});
