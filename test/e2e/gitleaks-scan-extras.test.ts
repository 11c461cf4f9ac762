/**
 * gitleaks-scan, part two, through dist/: archives in trees and commits (nested, bombs, ../),
 * csv and junit reports, content-keyed ignores that survive a squash (the CLI's --write-ignore
 * and --prune-ignores), and verified findings against loopback identity endpoints.
 */
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepRun } from '../runner/github.js';
import { runCli } from '../runner/cli.js';
import { commit, fakeSecret, fakeToken, git, newRepo, readIf, scanStep as scan, testConfig, tmp, write } from './scan-helpers.js';
import { gz, makeTar, makeZip } from './scan-archives.js';
import { VerifyServer } from '../servers/verify.js';

const files = (run: StepRun) =>
  run.annotations
    .filter((a) => a.level === 'error' && a.props['file'])
    .map((a) => a.props['file'])
    .sort();

function assertRedacted(run: StepRun, secrets: readonly string[]): void {
  expect(run.leaks).toEqual([]);
  const texts = [
    run.stdout,
    run.stderr,
    run.summary,
    ...['sarif-path', 'json-path', 'csv-path', 'junit-path', 'gitlab-path'].map((k) => readIf(run.outputs[k])),
  ];
  for (const s of secrets) for (const t of texts) expect(t.includes(s)).toBe(false);
}

describe('archives', () => {
  it('finds secrets inside zip, tar.gz and a nested zip in a tree, names them outer!inner, and skips a bomb and a ../ member without losing anything else', async () => {
    const root = tmp('arch-tree');
    const [a, b, c, d] = [fakeSecret(), fakeSecret(), fakeSecret(), fakeSecret()];
    write(root, '.gitleaks.toml', testConfig());
    write(
      root,
      'bundle.zip',
      makeZip([
        { name: 'conf/app.env', data: `X=1\nK=${a}\n` },
        { name: 'img.bin', data: Buffer.from([0, 1, 2, 3]) },
      ]),
    );
    write(
      root,
      'release.tar.gz',
      gz(
        makeTar([
          { name: 'README', data: 'hi\n' },
          { name: 'lib/inner.zip', data: makeZip([{ name: 'k.txt', data: `${b}\n` }]) },
        ]),
      ),
    );
    write(
      root,
      'evil.zip',
      makeZip([
        { name: 'bomb.txt', data: Buffer.alloc(6 * 1048576, 0x41) },
        { name: '../../escape.txt', data: `${d}\n` },
        { name: 'ok.txt', data: `${c}\n` },
      ]),
    );
    write(root, 'notes.txt.gz', gz(`plain\n${a}\n`));
    const run = await scan(root, 'workflow_dispatch', {}, [a, b, c, d], { 'scan-mode': 'tree', 'max-archive-depth': '2', 'max-target-megabytes': '5' });
    expect(run.code).toBe(1);
    expect(files(run)).toEqual(['bundle.zip!conf/app.env', 'evil.zip!ok.txt', 'notes.txt.gz!notes.txt', 'release.tar.gz!lib/inner.zip!k.txt']);
    expect(run.stdout).toMatch(/evil\.zip!bomb\.txt: .*(cap|ratio)/);
    expect(run.stdout).toMatch(/evil\.zip!\.\.\/\.\.\/escape\.txt: member with a \.\.\/ path/);
    const json = JSON.parse(readFileSync(run.outputs['json-path'] ?? '', 'utf8')) as { File: string; StartLine: number }[];
    expect(json.find((f) => f.File === 'bundle.zip!conf/app.env')?.StartLine).toBe(2);
    assertRedacted(run, [a, b, c, d]);
    // gitleaks' default (0): archives stay closed
    const closed = await scan(root, 'workflow_dispatch', {}, [a, b, c, d], { 'scan-mode': 'tree' });
    expect(files(closed)).toEqual([]);
  });

  it('opens an archive added in a commit, with the commit on the finding', async () => {
    const { root, first } = newRepo('arch-commit');
    const s = fakeSecret();
    const c = commit(root, 'ship a package', { 'dist/pkg.zip': makeZip([{ name: 'cfg/secrets.txt', data: `a\nb\n${s}\n` }]) as unknown as string });
    const run = await scan(root, 'push', { ref: 'refs/heads/main', before: first, after: c, repository: { default_branch: 'main' } }, [s], {
      'max-archive-depth': '1',
    });
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(run.outputs['json-path'] ?? '', 'utf8')) as { File: string; Commit: string; StartLine: number; Fingerprint: string }[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      File: 'dist/pkg.zip!cfg/secrets.txt',
      Commit: c,
      StartLine: 3,
      Fingerprint: `${c}:dist/pkg.zip!cfg/secrets.txt:test-live-token:3`,
    });
    const closed = await scan(root, 'push', { ref: 'refs/heads/main', before: first, after: c, repository: { default_branch: 'main' } }, [s]);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain('archive: set max-archive-depth to scan inside it');
    assertRedacted(run, [s]);
  });
});

describe('csv and junit reports', () => {
  it('writes both beside each other, redacted, with their outputs', async () => {
    const root = tmp('csvjunit');
    const s = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'a, b.txt', `${s}\n`);
    const run = await scan(root, 'workflow_dispatch', {}, [s], {
      'scan-mode': 'tree',
      'report-format': 'csv,junit',
      'report-path': join(root, 'out', 'leaks'),
    });
    expect(run.code).toBe(1);
    const csv = readFileSync(run.outputs['csv-path'] ?? '', 'utf8');
    expect(run.outputs['csv-path']).toBe(join(root, 'out', 'leaks.csv'));
    expect(csv.split('\n')[1]).toMatch(/^test-live-token,,"a, b\.txt",,/);
    const xml = readFileSync(run.outputs['junit-path'] ?? '', 'utf8');
    expect(run.outputs['junit-path']).toBe(join(root, 'out', 'leaks.xml'));
    expect(xml).toContain('<testsuite failures="1" name="gitleaks" tests="1"');
    assertRedacted(run, [s]);
  });
});

describe('ignores that survive a rebase (CLI)', () => {
  const env = { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' };

  it('--write-ignore appends content-keyed entries that still match after a squash and a line move, do not hide a new secret on the same line, and --prune-ignores removes stale ones', async () => {
    const { root, first } = newRepo('cli-ignore');
    const s = fakeSecret();
    commit(root, 'fixture', { 'fixtures/key.txt': `header\n${s}\n` });
    commit(root, 'more', { 'b.txt': 'b\n' });
    const w = await runCli(['scan', '--history', '--write-ignore', root], { env, secrets: [s] });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('write-ignore: 1 entry appended');
    const ignoreFile = join(root, '.gitleaksignore');
    const text = readFileSync(ignoreFile, 'utf8');
    expect(text).toMatch(/^fixtures\/key\.txt:test-live-token:ps1-[0-9a-f]{32}$/m);
    expect(text.includes(s)).toBe(false);
    expect(w.leaks).toEqual([]);
    // squash everything into one commit and move the line: commit and line changed, the entry still matches
    git(root, 'reset', '-q', '--soft', first);
    writeFileSync(join(root, 'fixtures', 'key.txt'), `header\nmoved down\n\n${s}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'squashed');
    const after = await runCli(['scan', '--history', root], { env, secrets: [s] });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('no leaks found (1 ignored)');
    // a different secret on the same line is not hidden (gitleaks#2239)
    const other = fakeSecret();
    commit(root, 'swap', { 'fixtures/key.txt': `header\nmoved down\n\n${other}\n` });
    const swapped = await runCli(['scan', '--history', root], { env, secrets: [s, other] });
    expect(swapped.code).toBe(1);
    expect(swapped.stdout).toContain('fixtures/key.txt:4:');
    // a stale entry is listed, and --prune-ignores removes it (comments and live entries stay)
    writeFileSync(ignoreFile, `${readFileSync(ignoreFile, 'utf8')}gone.txt:test-live-token:ps1-${'0'.repeat(32)}\n`);
    const listed = await runCli(['scan', '--history', '--summary-file', join(root, 'summary.md'), root], { env, secrets: [s, other] });
    expect(listed.stderr).toMatch(/1 entry matches nothing any more/);
    expect(readFileSync(join(root, 'summary.md'), 'utf8')).toContain(`gone.txt:test-live-token:ps1-${'0'.repeat(32)}`);
    const pruned = await runCli(['scan', '--history', '--prune-ignores', '--fail-on-findings=false', root], { env, secrets: [s, other] });
    expect(pruned.code).toBe(0);
    const left = readFileSync(ignoreFile, 'utf8');
    expect(left).not.toContain('gone.txt');
    expect(left).toMatch(/^fixtures\/key\.txt:test-live-token:ps1-/m);
    expect(left).toMatch(/^# added by pipeline-secrets --write-ignore/m);
    const range = await runCli(['scan', '--range', `${first}..HEAD`, '--prune-ignores', root], { env });
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/whole history or a tree.*input "prune-ignores"/);
  }, 60000);
});

describe('verify: true', () => {
  const P = {
    gh: ['gh', 'p_'],
    gl: ['gl', 'pat-'],
    slack: ['xo', 'xb-'],
    stripe: ['sk', '_live_'],
    openai: ['sk', '-proj-'],
    akia: ['AK', 'IA'],
  };
  const config =
    [
      ['github-pat', `${P.gh.join('')}[A-Za-z0-9]{36}`, P.gh.join('')],
      ['gitlab-pat', `${P.gl.join('')}[A-Za-z0-9]{20}`, P.gl.join('')],
      ['slack-bot-token', `${P.slack.join('')}[A-Za-z0-9]{30}`, P.slack.join('')],
      ['stripe-access-token', `${P.stripe.join('')}[A-Za-z0-9]{24}`, P.stripe.join('')],
      ['openai-api-key', `${P.openai.join('')}[A-Za-z0-9]{40}`, P.openai.join('')],
      ['aws-access-token', `${P.akia.join('')}[A-Z2-7]{16}`, P.akia.join('').toLowerCase()],
    ]
      .map(([id, re, kw]) => `[[rules]]\nid = "${id}"\nregex = '''${re}'''\nkeywords = ["${kw}"]\n`)
      .join('\n') +
    `\n[[rules]]\nid = "aws-secret-access-key"\nregex = '''aws_secret_access_key\\s*=\\s*([A-Za-z0-9/+]{40})'''\nsecretGroup = 1\nkeywords = ["aws_secret_access_key"]\n`;

  it("marks each finding live, revoked or unknown at the provider's identity endpoint; reports carry it; fail-on: live fails only on live keys", async () => {
    const server = await new VerifyServer().start();
    try {
      const k = {
        ghLive: fakeToken(P.gh, 36),
        ghDead: fakeToken(P.gh, 36),
        gl: fakeToken(P.gl, 20),
        slack: fakeToken(P.slack, 30),
        stripe: fakeToken(P.stripe, 24),
        openai: fakeToken(P.openai, 40),
        akid: fakeToken(P.akia, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
        awsSecret: fakeToken([], 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'),
      };
      server.live.github.add(k.ghLive);
      server.live.gitlab.add(k.gl);
      server.live.stripe.add(k.stripe);
      server.live.aws.set(k.akid, k.awsSecret);
      const root = tmp('verify');
      write(root, '.gitleaks.toml', config);
      write(root, 'gh.env', `LIVE=${k.ghLive}\nDEAD=${k.ghDead}\n`);
      write(root, 'gl.env', `T=${k.gl}\n`);
      write(root, 'slack.env', `S=${k.slack}\n`);
      write(root, 'stripe.env', `S=${k.stripe}\n`);
      write(root, 'openai.env', `O=${k.openai}\n`);
      write(root, 'aws/credentials', `[default]\naws_access_key_id = ${k.akid}\naws_secret_access_key = ${k.awsSecret}\n`);
      const secrets = Object.values(k);
      const inputs = { 'scan-mode': 'tree', verify: 'true', 'verify-endpoints': server.endpoints(), 'report-format': 'json,csv' };
      const run = await scan(root, 'workflow_dispatch', {}, secrets, inputs);
      expect(run.code).toBe(1);
      const json = JSON.parse(readFileSync(run.outputs['json-path'] ?? '', 'utf8')) as {
        RuleID: string;
        File: string;
        StartLine: number;
        Verification?: string;
      }[];
      const v = Object.fromEntries(json.map((f) => [`${f.File}:${f.StartLine}`, f.Verification ?? 'none']));
      expect(v).toEqual({
        'gh.env:1': 'live',
        'gh.env:2': 'revoked',
        'gl.env:1': 'live',
        'slack.env:1': 'revoked',
        'stripe.env:1': 'live',
        'openai.env:1': 'revoked',
        'aws/credentials:2': 'live',
        'aws/credentials:3': 'none',
      });
      expect(run.outputs['live']).toBe('4');
      expect(run.summary).toContain('| verified |');
      expect(run.summary).toContain(':red_circle: live');
      expect(readFileSync(run.outputs['csv-path'] ?? '', 'utf8').split('\n')[0]).toMatch(/,Verification$/);
      expect(server.log.map((c) => `${c.provider} ${c.path}`).sort()).toEqual([
        'aws /',
        'github /user',
        'github /user',
        'gitlab /api/v4/user',
        'openai /v1/models',
        'slack /api/auth.test',
        'stripe /v1/account',
      ]);
      expect(server.log.every((c) => c.userAgent.includes('pipeline-secrets'))).toBe(true);
      assertRedacted(run, secrets);

      // fail-on: live — only revoked keys left: passes with a warning; a provider outage is unknown, never revoked
      const deadRoot = tmp('verify-dead');
      write(deadRoot, '.gitleaks.toml', config);
      write(deadRoot, 'gh.env', `DEAD=${k.ghDead}\n`);
      const dead = await scan(deadRoot, 'workflow_dispatch', {}, [k.ghDead], { ...inputs, 'fail-on': 'live' }, { node: 'current' });
      expect(dead.code).toBe(0);
      expect(dead.annotations.some((a) => a.level === 'warning' && /none verified live and fail-on is live/.test(a.message))).toBe(true);
      const liveRun = await scan(root, 'workflow_dispatch', {}, secrets, { ...inputs, 'fail-on': 'live' });
      expect(liveRun.code).toBe(1);
      expect(liveRun.stdout).toContain('(4 verified live)');
      server.down = true;
      const down = await scan(deadRoot, 'workflow_dispatch', {}, [k.ghDead], inputs);
      const dj = JSON.parse(readFileSync(down.outputs['json-path'] ?? '', 'utf8')) as { Verification?: string }[];
      expect(dj[0]?.Verification).toBe('unknown');
      const bad = await scan(deadRoot, 'workflow_dispatch', {}, [], { 'scan-mode': 'tree', 'fail-on': 'live' });
      expect(bad.stdout).toMatch(/fail-on: live needs verify: true/);
    } finally {
      await server.stop();
    }
  }, 60000);
});

describe('composite rules in the reports', () => {
  const config = `
[[rules]]
id = "client-id"
regex = '''cid_([0-9a-f]{16})'''
keywords = ["cid_"]
skipReport = true

[[rules]]
id = "client-secret"
regex = '''csec_([0-9a-f]{32})'''
keywords = ["csec_"]
[[rules.required]]
id = "client-id"
withinLines = 2
`;
  it("shows where each required part is (SARIF relatedLocations, JSON RequiredFindings, summary, annotation, GitLab) and never the part's secret", async () => {
    const root = tmp('composite');
    const hex = (n: number): string => randomBytes(n / 2).toString('hex');
    const id = `cid_${hex(16)}`;
    const sec = `csec_${hex(32)}`;
    write(root, '.gitleaks.toml', config);
    write(root, 'app.env', `a=1\nCLIENT_ID=${id}\nCLIENT_SECRET=${sec}\n`);
    const run = await scan(root, 'workflow_dispatch', {}, [id, sec, id.slice(4), sec.slice(5)], {
      'scan-mode': 'tree',
      'report-format': 'json,sarif,gitlab,junit',
    });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readIf(run.outputs['sarif-path'])) as {
      runs: {
        results: {
          ruleId: string;
          message: { text: string };
          relatedLocations?: { physicalLocation: { region: { startLine: number; startColumn: number } }; message: { text: string } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((r) => r.ruleId)).toEqual(['client-secret']);
    expect(results[0]?.relatedLocations).toEqual([expect.objectContaining({ id: 1, message: { text: 'required by client-secret: client-id' } })]);
    expect(results[0]?.relatedLocations?.[0]?.physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 11 });
    expect(results[0]?.message.text).toContain('with client-id at 2:11');
    const json = JSON.parse(readIf(run.outputs['json-path'])) as { RuleID: string; RequiredFindings?: unknown }[];
    expect(json.map((f) => f.RuleID)).toEqual(['client-secret']);
    expect(json[0]?.RequiredFindings).toEqual([{ RuleID: 'client-id', StartLine: 2, EndLine: 2, StartColumn: 11, EndColumn: 30 }]);
    expect(readIf(run.outputs['gitlab-path'])).toContain('with client-id at 2:11');
    expect(run.summary).toContain('client-secret (with client-id at 2:11)');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toContain('with client-id at 2:11');
    assertRedacted(run, [id.slice(4), sec.slice(5)]);
  });
});

describe('ignore-gitleaks-allow', () => {
  it('reports a finding on a line marked gitleaks:allow only when asked (an audit of what the comments hide)', async () => {
    const root = tmp('allow');
    const s = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'app.env', `KEY=${s} # gitleaks:allow\n`);
    const quiet = await scan(root, 'workflow_dispatch', {}, [s], { 'scan-mode': 'tree' });
    expect(quiet.code).toBe(0);
    const audit = await scan(root, 'workflow_dispatch', {}, [s], { 'scan-mode': 'tree', 'ignore-gitleaks-allow': 'true' });
    expect(audit.code).toBe(1);
    expect(files(audit)).toEqual(['app.env']);
    assertRedacted(audit, [s]);
    const bad = await scan(root, 'workflow_dispatch', {}, [s], { 'scan-mode': 'tree', 'ignore-gitleaks-allow': 'sometimes' });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/ignore-gitleaks-allow/);
  });
});

describe('redaction beyond the Match', () => {
  it('a commit message that names the secret is redacted in every report file (json, sarif, gitlab, csv, junit), and a redact: 50 JSON shows half of it', async () => {
    const { root, first } = newRepo('msg-secret');
    const s = fakeSecret();
    const c = commit(root, `add the token ${s} for now`, { 'app.env': `A=1\nTOKEN=${s}\n` });
    const event = { ref: 'refs/heads/main', before: first, after: c, repository: { default_branch: 'main' } };
    const run = await scan(root, 'push', event, [s], { 'report-format': 'json,sarif,gitlab,csv,junit' });
    expect(run.code).toBe(1);
    const json = JSON.parse(readIf(run.outputs['json-path'])) as { Message: string }[];
    expect(json[0]?.Message).toBe(`add the token ${s.slice(0, 4)}*** for now`);
    const sarif = JSON.parse(readIf(run.outputs['sarif-path'])) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    expect(sarif.runs[0]?.results[0]?.partialFingerprints['commitMessage']).toBe(`add the token ${s.slice(0, 4)}*** for now`);
    expect(readIf(run.outputs['gitlab-path'])).toContain(`add the token ${s.slice(0, 4)}*** for now`);
    assertRedacted(run, [s]);
    const half = await scan(root, 'push', event, [s], { 'report-format': 'json,sarif', redact: '50' });
    expect(half.code).toBe(1);
    const hj = JSON.parse(readIf(half.outputs['json-path'])) as { Message: string; Secret: string }[];
    expect(hj[0]?.Message).toBe(`add the token ${hj[0]?.Secret ?? '?'} for now`);
    expect(hj[0]?.Secret).toBe(`${s.slice(0, s.length / 2)}...`);
    // SARIF stays fully redacted, the message too
    expect(readIf(half.outputs['sarif-path'])).toContain(`add the token ${s.slice(0, 4)}*** for now`);
    expect(half.leaks).toEqual([]);
    expect(readIf(half.outputs['sarif-path']).includes(s.slice(0, s.length / 2))).toBe(false);
  });

  it('a report sent to the job log (report-path: -) is redacted even with redact: false; the report file keeps the raw secret', async () => {
    const root = tmp('log-report');
    const s = fakeSecret();
    write(root, '.gitleaks.toml', testConfig());
    write(root, 'app.env', `TOKEN=${s}\n`);
    const run = await scan(root, 'workflow_dispatch', {}, [s], { 'scan-mode': 'tree', 'report-format': 'text', 'report-path': '-', redact: 'false' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`app.env:1:7: test-live-token: ${s.slice(0, 4)}***`);
    expect(run.leaks).toEqual([]);
    expect(run.stdout.includes(s)).toBe(false);
    const out = join(root, 'raw.json');
    const file = await scan(root, 'workflow_dispatch', {}, [], { 'scan-mode': 'tree', 'report-path': out, redact: 'false' });
    expect(file.code).toBe(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { Secret: string }[])[0]?.Secret).toBe(s);
    expect(file.stdout.includes(s)).toBe(false);
  });
});
