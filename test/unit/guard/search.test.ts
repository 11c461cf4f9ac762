import { describe, expect, it } from '@jest/globals';
import { itWithTools } from '../../runner/os.js';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE, RECORD_FILE, readRecord, recordSecret, type GuardRecord } from '../../../src/guard/record.js';
import { findingLine, searchPaths } from '../../../src/guard/search.js';
import { injectedFindings, toFindings } from '../../../src/actions/gitleaks-scan/injected.js';
import { dockerSave, gzip, tar, zip } from '../../e2e/guard-fixtures.js';

function recordOf(values: Record<string, string>): { record: GuardRecord; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ps-guard-s-'));
  for (const [label, v] of Object.entries(values)) recordSecret(dir, v, label);
  const record = readRecord(dir);
  if (!record) throw new Error('no record');
  return { record, dir };
}

describe('guard search over files and archives', () => {
  it('opens tar, tgz, zip (stored and deflated), nested archives and docker save layers; skips .git', async () => {
    const v = {
      A: 'alpha-secret-value-0001',
      B: 'bravo-secret-value-0002',
      C: 'charlie-secret-value-03',
      D: 'delta-secret-value-00004',
      E: 'echo-secret-value-000005',
    };
    const { record } = recordOf(v);
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-tree-'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'config'), v.A);
    writeFileSync(join(root, 'plain.js'), `x\n${v.A}`);
    writeFileSync(join(root, 'site.tar'), tar({ 'a/b.txt': `1\n2\n${v.B}`, [`${'deep/'.repeat(30)}long.txt`]: v.C }));
    writeFileSync(join(root, 'site.tgz'), gzip(tar({ 'c.txt': v.C })));
    writeFileSync(join(root, 'app.jar'), zip({ 'META-INF/x.properties': `k=${v.D}`, 'inner.zip': zip({ 'y.txt': v.E }, false) }));
    writeFileSync(join(root, 'image.tar'), dockerSave([{ 'app/config.json': `{"k":"${v.E}"}` }, { 'etc/creds': `\n\n${v.B}` }]));
    writeFileSync(join(root, 'notgz.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    const res = await searchPaths(record, [{ path: root, display: 'out' }]);
    const lines = res.findings.map(findingLine);
    expect(lines).toContain('out/plain.js:2: secret A found');
    expect(lines).toContain('out/site.tar!a/b.txt:3: secret B found');
    expect(lines).toContain(`out/site.tar!${'deep/'.repeat(30)}long.txt:1: secret C found`);
    expect(lines).toContain('out/site.tgz!c.txt:1: secret C found');
    expect(lines).toContain('out/app.jar!META-INF/x.properties:1: secret D found');
    expect(lines).toContain('out/app.jar!inner.zip!y.txt:1: secret E found');
    expect(lines.some((l) => /^out\/image\.tar!blobs\/sha256\/[0-9a-f]{64}!app\/config\.json:1: secret E found$/.test(l))).toBe(true);
    expect(lines.some((l) => /^out\/image\.tar!blobs\/sha256\/[0-9a-f]{64}!etc\/creds:3: secret B found$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('.git'))).toBe(false);
    expect(res.skipped.map((s) => s.path)).toContain('out/notgz.gz');
    for (const l of lines) for (const s of Object.values(v)) expect(l).not.toContain(s);
    const findings = toFindings(res.findings);
    expect(findings[0]).toMatchObject({ ruleId: 'injected-secret', secret: '', match: '' });
  });

  it('injectedFindings: the one call for gitleaks-scan (scanner Finding shape, nothing recorded: nothing found)', async () => {
    const { dir } = recordOf({ API_TOKEN: 'tok_1234567890abcdefghij' });
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-inj-'));
    writeFileSync(join(root, 'a.js'), 'x\ny="tok_1234567890abcdefghij"');
    const res = await injectedFindings(dir, [{ path: root, display: '.' }]);
    expect(res.secrets).toBe(1);
    expect(res.findings).toEqual([
      expect.objectContaining({
        ruleId: 'injected-secret',
        path: 'a.js',
        startLine: 2,
        startColumn: 4,
        secret: '',
        match: '',
        fingerprint: 'a.js:injected-secret:2',
      }),
    ]);
    expect(JSON.stringify(res)).not.toContain('tok_1234567890abcdefghij');
    const none = await injectedFindings(mkdtempSync(join(tmpdir(), 'ps-guard-none-')), [{ path: root, display: '.' }]);
    expect(none).toMatchObject({ findings: [], secrets: 0 });
  });

  it('injectedFindings fails closed on a record it cannot fully read: lines damaged or under another key, or the key gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-closed-'));
    writeFileSync(join(root, 'clean.js'), 'nothing to see here');
    // a readable record, clean tree: no findings, one secret searched for
    const { dir } = recordOf({ API_TOKEN: 'tok_closed_1234567890abcd' });
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).resolves.toMatchObject({ findings: [], secrets: 1 });
    // one damaged line beside readable ones: no pass
    appendFileSync(join(dir, RECORD_FILE), '{"k":"0000000000000000","h":"truncat\n');
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).rejects.toThrow(/1 unreadable line/);
    // a finding still wins: gitleaks-scan gets its findings
    writeFileSync(join(root, 'leak.js'), 'k="tok_closed_1234567890abcd"');
    expect((await injectedFindings(dir, [{ path: root, display: '.' }])).findings).toHaveLength(1);
    rmSync(join(root, 'leak.js'));
    // the key gone but the record left: nothing can be searched for, never "nothing recorded"
    rmSync(join(dir, KEY_FILE));
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).rejects.toThrow(/unreadable/);
  });

  it("never enters the job's temp dir (the record and secret files live there)", async () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-ws-'));
    const temp = join(root, '_temp', 'pipeline-secrets');
    mkdirSync(temp, { recursive: true });
    recordSecret(temp, 'tok_abcdefghij0123456789', 'API_TOKEN');
    writeFileSync(join(temp, 'api-token'), 'tok_abcdefghij0123456789');
    writeFileSync(join(root, 'app.js'), 'tok_abcdefghij0123456789');
    const record = readRecord(temp);
    if (!record) throw new Error('no record');
    const res = await searchPaths(record, [{ path: root, display: '.' }], { skipPaths: [temp] });
    expect(res.findings.map(findingLine)).toEqual(['app.js:1: secret API_TOKEN found']);
    expect(res.skipped).toEqual([{ path: '_temp/pipeline-secrets', reason: expect.stringContaining('temp dir') }]);
  });

  it('archives nested past the depth limit are searched as raw bytes and reported', async () => {
    const { record } = recordOf({ A: 'alpha-secret-value-0001' });
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-depth-'));
    writeFileSync(join(root, 'n.tar'), tar({ 'm.tar': tar({ 'x.txt': 'alpha-secret-value-0001' }) }));
    const res = await searchPaths(record, [{ path: root, display: '.' }], { maxDepth: 1 });
    expect(res.findings.map(findingLine)).toEqual(['n.tar!m.tar:1: secret A found']);
    expect(res.skipped[0]?.reason).toMatch(/deeper than 1/);
  });

  itWithTools(
    'tar',
    'gzip',
    'zip',
  )('reads archives written by the real tar, gzip and zip tools, a secret split across stream chunks, and a damaged member costs no other', async () => {
    const v = { A: 'alpha-secret-value-0001', B: 'bravo-secret-value-0002', C: 'charlie-secret-value-03' };
    const { record } = recordOf(v);
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-tools-'));
    const src = join(root, 'src');
    mkdirSync(join(src, 'cfg'), { recursive: true });
    // the secret sits across the 64 kB boundary of the gunzip and inflate chunks
    writeFileSync(join(src, 'cfg', 'app.env'), `${'x'.repeat(65530)}${v.A}\n`);
    writeFileSync(join(src, 'b.txt'), `${v.B}\n`);
    const run = (cmd: string, args: string[]): Buffer => execFileSync(cmd, args, { cwd: src, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = join(root, 'out');
    mkdirSync(out);
    run('tar', ['-czf', join(out, 'site.tgz'), 'cfg', 'b.txt']);
    run('zip', ['-q', '-r', join(out, 'app.zip'), 'cfg', 'b.txt']);
    writeFileSync(join(out, 'b.txt.gz'), run('gzip', ['-c', 'b.txt']));
    const broken = zip({ 'bad.txt': 'bad bad bad bad', 'ok.txt': v.C });
    broken.fill(0xff, 30 + 7, 30 + 12);
    writeFileSync(join(out, 'broken.zip'), broken);
    const res = await searchPaths(record, [{ path: out, display: 'out' }]);
    expect(res.findings.map(findingLine).sort()).toEqual([
      'out/app.zip!b.txt:1: secret B found',
      'out/app.zip!cfg/app.env:1: secret A found',
      'out/b.txt.gz:1: secret B found',
      'out/broken.zip!ok.txt:1: secret C found',
      'out/site.tgz!b.txt:1: secret B found',
      'out/site.tgz!cfg/app.env:1: secret A found',
    ]);
    expect(res.skipped).toEqual([{ path: 'out/broken.zip!bad.txt', reason: expect.stringMatching(/damaged|could not be read/) }]);
  });
});
