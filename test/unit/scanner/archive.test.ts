/** The archive walker (zip, tar, gzip, nesting, bombs, ../ members) and the content-keyed ignores, CSV and JUnit reports. */
import { describe, expect, it } from '@jest/globals';
import { deflateRawSync } from 'node:zlib';
import { walkArchive, archiveKind, DEFAULT_LIMITS, type ArchiveLimits } from '../../../src/scanner/archive/index.js';
import { contentKey, contentHash, IgnoreList, Baseline } from '../../../src/scanner/ignore.js';
import { csvField, csvReport } from '../../../src/scanner/reports/csv.js';
import { junitReport } from '../../../src/scanner/reports/junit.js';
import { gitleaksJson } from '../../../src/scanner/reports/json.js';
import type { ReportContext } from '../../../src/scanner/reports/context.js';
import type { Finding, Skipped } from '../../../src/scanner/types.js';
import { makeTar, makeZip, gz } from '../../e2e/scan-archives.js';

const limits: ArchiveLimits = { ...DEFAULT_LIMITS, maxDepth: 3 };

async function walk(buf: Buffer, name: string, l: ArchiveLimits = limits): Promise<{ members: Record<string, string>; skipped: Skipped[] }> {
  const skipped: Skipped[] = [];
  const members: Record<string, string> = {};
  for await (const m of walkArchive(buf, name, l, skipped)) members[m.path] = m.data.toString('utf8');
  return { members, skipped };
}

describe('archive walker', () => {
  it('reads zip (stored and deflated), tar with a pax long name, gz and tar.gz, naming members outer!inner', async () => {
    const long = `${'d/'.repeat(60)}deep.txt`;
    expect(
      (
        await walk(
          makeZip([
            { name: 'a.txt', data: 'alpha' },
            { name: 'dir/b.txt', data: 'beta', store: true },
            { name: 'dir/', data: '' },
          ]),
          'x.zip',
        )
      ).members,
    ).toEqual({ 'x.zip!a.txt': 'alpha', 'x.zip!dir/b.txt': 'beta' });
    expect(
      (
        await walk(
          makeTar([
            { name: 'c.txt', data: 'gamma' },
            { name: long, data: 'long' },
          ]),
          't.tar',
        )
      ).members,
    ).toEqual({ 't.tar!c.txt': 'gamma', [`t.tar!${long}`]: 'long' });
    expect((await walk(gz('plain'), 'notes.txt.gz')).members).toEqual({ 'notes.txt.gz!notes.txt': 'plain' });
    expect((await walk(gz(makeTar([{ name: './e.txt', data: 'eps' }])), 'r.tgz')).members).toEqual({ 'r.tgz!e.txt': 'eps' });
    expect(archiveKind(Buffer.from('just text, no archive'))).toBeNull();
  });

  it('opens nested archives up to max depth and notes the deeper ones', async () => {
    const inner = makeZip([{ name: 'in.txt', data: 'inner' }]);
    const outer = makeZip([
      { name: 'lib/inner.zip', data: inner },
      { name: 'top.txt', data: 'top' },
    ]);
    expect((await walk(outer, 'o.zip')).members).toEqual({ 'o.zip!lib/inner.zip!in.txt': 'inner', 'o.zip!top.txt': 'top' });
    const one = await walk(outer, 'o.zip', { ...limits, maxDepth: 1 });
    expect(one.members).toEqual({ 'o.zip!top.txt': 'top' });
    expect(one.skipped[0]).toMatchObject({ path: 'o.zip!lib/inner.zip', reason: expect.stringMatching(/nested deeper than max-archive-depth 1/) });
  });

  it('skips a zip bomb, an oversized member, a member lying about its size and ../ or absolute paths, keeping every other member', async () => {
    const bomb = Buffer.alloc(12 * 1048576, 0x41);
    const zip = makeZip([
      { name: 'bomb.txt', data: bomb },
      { name: '../escape.txt', data: 'x' },
      { name: '/etc/abs.txt', data: 'x' },
      { name: 'liar.txt', data: Buffer.alloc(3 * 1048576, 0x42), declaredSize: 10 },
      { name: 'ok.txt', data: 'fine' },
    ]);
    const { members, skipped } = await walk(zip, 'evil.zip', { ...limits, maxEntryBytes: 2 * 1048576 });
    expect(members).toEqual({ 'evil.zip!ok.txt': 'fine' });
    const reasons = Object.fromEntries(skipped.map((s) => [s.path, s.reason]));
    expect(reasons['evil.zip!bomb.txt']).toMatch(/over the 2\.0 MB cap|ratio/);
    expect(reasons['evil.zip!../escape.txt']).toMatch(/\.\.\/ path/);
    expect(reasons['evil.zip!/etc/abs.txt']).toMatch(/absolute path/);
    expect(reasons['evil.zip!liar.txt']).toMatch(/cap|bomb/);
    const ratio = await walk(
      makeZip([
        { name: 'r.txt', data: Buffer.alloc(5 * 1048576, 0x43) },
        { name: 'b.txt', data: 'b' },
      ]),
      'r.zip',
    );
    expect(ratio.skipped[0]?.reason).toMatch(/ratio over 200:1/);
    expect(ratio.members).toEqual({ 'r.zip!b.txt': 'b' });
    const gzBomb = await walk(gz(Buffer.alloc(20 * 1048576)), 'big.gz', { ...limits, maxEntryBytes: 1048576 });
    expect(gzBomb.skipped[0]?.reason).toMatch(/gzip bomb/);
  });

  it('reports a damaged tar or zip and keeps what came before', async () => {
    const tar = makeTar([
      { name: 'a.txt', data: 'a' },
      { name: 'b.txt', data: 'b' },
    ]);
    tar[512 * 2 + 10] = 0x7a; // corrupt the second header
    const t = await walk(tar, 'bad.tar');
    expect(t.members).toEqual({ 'bad.tar!a.txt': 'a' });
    expect(t.skipped[0]?.reason).toMatch(/damaged/);
    const z = makeZip([{ name: 'a.txt', data: 'a' }]);
    expect((await walk(z.subarray(0, z.length - 30), 'cut.zip')).skipped[0]?.reason).toMatch(/not a readable zip|damaged/);
    expect(deflateRawSync(Buffer.from('x')).length).toBeGreaterThan(0);
  });
});

const f = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'test-live-token',
  description: 'Test live token',
  path: 'cfg/app.env',
  startLine: 3,
  endLine: 3,
  startColumn: 5,
  endColumn: 20,
  match: `KEY=${'s'.repeat(20)}`,
  secret: 's'.repeat(20),
  entropy: 1,
  tags: ['a', 'b'],
  fingerprint: 'cfg/app.env:test-live-token:3',
  ...over,
});

const ctx: ReportContext = {
  toolName: 't',
  toolVersion: '1',
  informationUri: 'u',
  started: new Date(0),
  finished: new Date(1500),
  serverUrl: '',
  repository: '',
  redact: true,
  target: 'x',
  skipped: [],
};

describe('content-keyed ignore entries', () => {
  it('are file:rule:ps1-<128-bit HMAC>, never contain the secret, and depend on rule and secret only', () => {
    const k = contentKey(f());
    expect(k).toMatch(/^cfg\/app\.env:test-live-token:ps1-[0-9a-f]{32}$/);
    expect(k.includes('s'.repeat(8))).toBe(false);
    expect(contentKey(f({ startLine: 99, commit: { sha: 'b'.repeat(40), author: '', email: '', date: '', message: '' } }))).toBe(k);
    expect(contentKey(f({ secret: 't'.repeat(20) }))).not.toBe(k);
    expect(contentHash('other-rule', 's'.repeat(20))).not.toBe(contentHash('test-live-token', 's'.repeat(20)));
  });

  it('match after a line move or rebase, do not hide another secret on the same line, and report unused entries', () => {
    const list = new IgnoreList(`# reviewed\n${contentKey(f())}\nold.txt:rule:1\n`);
    expect(list.has(f({ startLine: 40, fingerprint: 'newsha:cfg/app.env:test-live-token:40' }))).toBe(true);
    expect(list.has(f({ secret: 'u'.repeat(20), match: `KEY=${'u'.repeat(20)}` }))).toBe(false);
    expect(list.unused()).toEqual(['old.txt:rule:1']);
  });

  it('baselines match on the same key (IgnoreKey of our JSON report)', () => {
    const report = gitleaksJson([f()], ctx);
    expect(report).toContain('"IgnoreKey"');
    const b = new Baseline(report, 'baseline.json');
    expect(b.has(f({ startLine: 8, endLine: 8, fingerprint: 'x' }))).toBe(true);
    expect(b.has(f({ secret: 'v'.repeat(20), startLine: 8 }))).toBe(false);
  });
});

describe('csv and junit reports', () => {
  it("csv has gitleaks' columns, quotes like Go's encoding/csv and redacts", () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('plain')).toBe('plain');
    const out = csvReport([f({ commit: { sha: 'c'.repeat(40), author: 'A, B', email: 'e@x', date: 'd', message: 'line1\nline2' } })], ctx);
    const [head, row] = out.split('\n');
    expect(head).toBe('RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags');
    expect(row).toContain(`test-live-token,${'c'.repeat(40)},cfg/app.env,,ssss***,KEY=ssss***,3,3,5,20,"A, B","line1`);
    expect(out.includes('s'.repeat(20))).toBe(false);
    expect(out).toMatch(/,a b\n$/);
  });

  it('junit has one failing test case per finding in a "gitleaks" suite, escaped and redacted', () => {
    const out = junitReport([f({ path: 'a<b>&"c".txt' }), f()], ctx);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites>\n\t<testsuite failures="2" name="gitleaks" tests="2" time="1.500">/);
    expect(out.match(/<testcase /g)).toHaveLength(2);
    expect(out.match(/<failure /g)).toHaveLength(2);
    expect(out).toContain('file="a&lt;b&gt;&amp;&quot;c&quot;.txt"');
    expect(out).toContain('name="test-live-token has detected a secret in file cfg/app.env, line 3."');
    expect(out.includes('s'.repeat(20))).toBe(false);
  });
});

describe('archive walker budget', () => {
  it('stops after members that lie about their size have cost the whole unpacked budget', async () => {
    const big = Buffer.alloc(2 * 1048576, 0x44);
    const liars = Array.from({ length: 40 }, (_, i) => ({ name: `l${i}.txt`, data: big, declaredSize: 10 }));
    const skipped: Skipped[] = [];
    const members = [];
    for await (const m of walkArchive(makeZip(liars), 'liars.zip', { ...limits, maxEntryBytes: 1048576, maxTotalBytes: 8 * 1048576 }, skipped)) members.push(m);
    expect(members).toHaveLength(0);
    expect(skipped.length).toBeLessThanOrEqual(9);
  });
});
