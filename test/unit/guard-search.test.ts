import { describe, expect, it } from '@jest/globals';
import { itWithTools } from '../runner/os.js';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { KEY_FILE, RECORD_FILE, readRecord, recordSecret, type GuardRecord } from '../../src/guard/record.js';
import { runGuard } from '../../src/guard/cli.js';
import { Matcher, type GuardFinding } from '../../src/guard/matcher.js';
import { findingLine, searchPaths } from '../../src/guard/search.js';
import { injectedFindings, toFindings } from '../../src/guard/report.js';
import { dockerSave, gzip, tar, zip } from '../e2e/guard-fixtures.js';

function recordOf(values: Record<string, string>): { record: GuardRecord; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ps-guard-s-'));
  for (const [label, v] of Object.entries(values)) recordSecret(dir, v, label);
  const record = readRecord(dir);
  if (!record) throw new Error('no record');
  return { record, dir };
}

/** Streams `text` through a matcher in chunks of the given sizes (cycled). */
function scan(record: GuardRecord, text: Buffer, sizes: number[] = [1 << 20]): GuardFinding[] {
  const out: GuardFinding[] = [];
  const s = new Matcher(record).stream('f', (f) => out.push(f));
  for (let off = 0, i = 0; off < text.length; i++) {
    const n = sizes[i % sizes.length] ?? 1;
    s.write(text.subarray(off, off + n));
    off += n;
  }
  s.end();
  return out;
}

const filler = (n: number): string => {
  let s = '';
  while (s.length < n) s += `const x${s.length} = call(${s.length % 97});\n`;
  return s.slice(0, n);
};

describe('guard matcher', () => {
  it('finds values of every length from the masking minimum up, at any offset, across chunk edges', () => {
    const values: Record<string, string> = {};
    for (const n of [4, 5, 6, 7, 8, 12, 14, 15, 16, 20, 30, 31, 40, 64, 200]) values[`LEN_${n}`] = randomBytes(n).toString('base64url').slice(0, n);
    const { record } = recordOf(values);
    for (const [label, v] of Object.entries(values)) {
      for (const pad of [0, 1, 3, 17, 100]) {
        const text = Buffer.from(`${filler(pad)}${v}\nafter`);
        for (const sizes of [[1 << 20], [1], [7, 3, 11], [v.length - 1 || 1]]) {
          const hits = scan(record, text, sizes).filter((f) => f.label === label && f.form === 'value');
          expect(hits.length).toBe(1);
          expect(hits[0]?.line).toBe(filler(pad).split('\n').length);
        }
      }
    }
  });

  it('reports line and byte column', () => {
    const { record } = recordOf({ API_KEY: 'sk_live_0123456789abcdefXYZ' });
    const f = scan(record, Buffer.from('line one\nline two\n  key = "sk_live_0123456789abcdefXYZ";\n'));
    expect(f).toEqual([{ path: 'f', line: 3, column: 10, label: 'API_KEY', form: 'value' }]);
  });

  it('finds base64 (inside a longer base64 text at any alignment), URL-encoded, JSON-escaped forms and lines', () => {
    const secret = 'p@ss/word+"quoted" & more=stuff';
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    const { record } = recordOf({ DB_PASSWORD: secret, TLS_KEY: pem });
    for (const pre of ['', 'a', 'ab']) {
      const blob = Buffer.from(`{"x":"${pre}","password":"${secret}"}`).toString('base64');
      const f = scan(record, Buffer.from(`config = "${blob}"`));
      expect(f.map((x) => [x.label, x.form])).toContainEqual(['DB_PASSWORD', 'base64']);
    }
    const url = scan(record, Buffer.from(`https://h/?p=${encodeURIComponent(secret)}`));
    expect(url.map((x) => x.form)).toContain('URL-encoded');
    const json = scan(record, Buffer.from(JSON.stringify({ p: secret })));
    expect(json.map((x) => x.form)).toContain('JSON-escaped');
    const line = scan(record, Buffer.from('x\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n'));
    expect(line).toEqual([expect.objectContaining({ label: 'TLS_KEY', line: 2, form: 'a line' })]);
    // PEM armour alone is no finding
    expect(scan(record, Buffer.from('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n'))).toEqual([]);
  });

  it('finds nothing in text that only resembles the values', () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 50; i++) values[`S${i}`] = randomBytes(12 + (i % 30)).toString('base64');
    const { record } = recordOf(values);
    const near = Object.values(values).map((v) => `${v.slice(0, -1)}${v.endsWith('A') ? 'B' : 'A'} ${v.slice(1)}`).join('\n');
    expect(scan(record, Buffer.concat([randomBytes(3 << 20), Buffer.from(near)]), [65536])).toEqual([]);
  });
});

describe('guard search over files and archives', () => {
  it('opens tar, tgz, zip (stored and deflated), nested archives and docker save layers; skips .git', async () => {
    const v = { A: 'alpha-secret-value-0001', B: 'bravo-secret-value-0002', C: 'charlie-secret-value-03', D: 'delta-secret-value-00004', E: 'echo-secret-value-000005' };
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
    expect(res.findings).toEqual([expect.objectContaining({ ruleId: 'injected-secret', path: 'a.js', startLine: 2, startColumn: 4, secret: '', match: '', fingerprint: 'a.js:injected-secret:2' })]);
    expect(JSON.stringify(res)).not.toContain('tok_1234567890abcdefghij');
    const none = await injectedFindings(mkdtempSync(join(tmpdir(), 'ps-guard-none-')), [{ path: root, display: '.' }]);
    expect(none).toMatchObject({ findings: [], secrets: 0 });
  });

  it('fails closed on a record it cannot fully read: lines damaged or under another key, or the key gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-guard-closed-'));
    writeFileSync(join(root, 'clean.js'), 'nothing to see here');
    const guard = async (dir: string): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await runGuard(['--temp-dir', dir, root], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
      return { code, out, err };
    };
    // a readable record, clean tree: 0
    const { dir } = recordOf({ API_TOKEN: 'tok_closed_1234567890abcd' });
    expect((await guard(dir)).code).toBe(0);
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).resolves.toMatchObject({ findings: [], secrets: 1 });
    // one damaged line beside readable ones: the search runs, and the result is 2, not a pass
    appendFileSync(join(dir, RECORD_FILE), '{"k":"0000000000000000","h":"truncat\n');
    const damaged = await guard(dir);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toMatch(/1 line\(s\) of the record .* are not readable/);
    expect(damaged.err).toMatch(/searched 1 file/);
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).rejects.toThrow(/1 unreadable line/);
    // a finding still wins: exit 1, and gitleaks-scan gets its findings
    writeFileSync(join(root, 'leak.js'), 'k="tok_closed_1234567890abcd"');
    expect((await guard(dir)).code).toBe(1);
    expect((await injectedFindings(dir, [{ path: root, display: '.' }])).findings).toHaveLength(1);
    rmSync(join(root, 'leak.js'));
    // the key gone but the record left: nothing can be searched for, never "nothing recorded"
    rmSync(join(dir, KEY_FILE));
    const keyless = await guard(dir);
    expect(keyless.code).toBe(2);
    expect(keyless.err).not.toMatch(/no secret was recorded/);
    await expect(injectedFindings(dir, [{ path: root, display: '.' }])).rejects.toThrow(/unreadable/);
    for (const t of [damaged, keyless]) expect(t.out + t.err).not.toContain('tok_closed_1234567890abcd');
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

  itWithTools('tar', 'gzip', 'zip')('reads archives written by the real tar, gzip and zip tools, a secret split across stream chunks, and a damaged member costs no other', async () => {
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
