/**
 * `pipeline-secrets scan` through dist/cli on a real repository: one commit adds an AWS key pair
 * and a GitHub token, and its message names the token and a secret .gitleaksignore hides. Every
 * report format, stdout and stderr must hold none of them (raw, JSON-, XML- or CSV-escaped),
 * in any finding's fields, not only in the fields of the finding that owns the secret.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../runner/cli.js';
import { expectOwnerOnly } from '../runner/os.js';
import { commit, fakeToken, git, tmp } from './scan-helpers.js';
import { validateGitLab, validateSarif } from './scan-schemas.js';

const env = { HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' };
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
const FORMATS = 'json,sarif,gitlab,csv,junit,text';

function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
  return [...new Set([secret, json, xml(secret), xml(json), secret.replace(/"/g, '""')])];
}

function leaks(texts: Record<string, string>, secrets: readonly string[]): string[] {
  const out: string[] = [];
  for (const [name, text] of Object.entries(texts))
    for (const s of secrets) if (forms(s).some((f) => text.includes(f))) out.push(`${name} holds ${s.slice(0, 4)}…`);
  return out;
}

function reports(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('scan reports redact every secret of the scan in every field', () => {
  const root = tmp('report-redaction');
  git(root, 'init', '-q', '-b', 'main', '.');
  commit(root, 'initial', { 'README.md': '# app\n' });
  // an old leak, already rotated and listed in .gitleaksignore
  const old = fakeToken(['gh', 'p_'], 36);
  commit(root, 'old config', { 'old.env': `GH=${old}\n` });
  const akid = fakeToken(['AK', 'IA'], 16, BASE32);
  const awsSecret = fakeToken([], 40, B64);
  const token = fakeToken(['gh', 'p_'], 36);
  const secrets = [akid, awsSecret, token, old];
  const sha = commit(root, `add deploy credentials; CI uses ${token} until ${old} is gone`, {
    'deploy/credentials': `[default]\naws_access_key_id = ${akid}\naws_secret_access_key = ${awsSecret}\n`,
    'deploy/gh.env': `GITHUB_TOKEN=${token}\n`,
  });

  beforeAll(async () => {
    // the old leak's fingerprint goes to .gitleaksignore: its finding is not reported, its secret still redacted
    const dir = tmp('report-redaction-ign');
    const probe = await runCli(['scan', '--history', root, '--format', 'json', '--report', join(dir, 'all.json')], { env, secrets });
    expect(probe.code).toBe(1);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { File: string; Fingerprint: string }[];
    const oldFp = all.find((f) => f.File === 'old.env')?.Fingerprint ?? '';
    expect(oldFp).toMatch(/:old\.env:/);
    writeFileSync(join(root, '.gitleaksignore'), `${oldFp}\n`);
  }, 60000);

  it('json, sarif, gitlab, csv, junit and text reports, stdout and stderr hold no secret; the message is redacted in every finding of the commit', async () => {
    const out = tmp('report-redaction-out');
    const run = await runCli(['scan', '--history', root, '--format', FORMATS, '--report', join(out, 'report')], { env, secrets });
    expect(run.code).toBe(1);
    expect(run.leaks).toEqual([]);
    const files = reports(out);
    expect(Object.keys(files).sort()).toEqual(['report.csv', 'report.gitlab.json', 'report.json', 'report.sarif', 'report.txt', 'report.xml']);
    expect(leaks({ ...files, stdout: run.stdout, stderr: run.stderr }, secrets)).toEqual([]);

    const json = JSON.parse(files['report.json'] ?? '') as { RuleID: string; File: string; Commit: string; Message: string; Secret: string }[];
    const ours = json.filter((f) => f.Commit === sha);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ours.map((f) => f.RuleID))).toEqual(new Set(['aws-access-token', 'aws-secret-access-key', 'github-pat']));
    for (const f of ours) expect(f.Message).toBe(`add deploy credentials; CI uses ${token.slice(0, 4)}*** until ${old.slice(0, 4)}*** is gone`);
    expect(json.some((f) => f.File === 'old.env')).toBe(false);
    expect(validateSarif(JSON.parse(files['report.sarif'] ?? '') as unknown)).toEqual([]);
    expect(validateGitLab(JSON.parse(files['report.gitlab.json'] ?? '') as unknown)).toEqual([]);
    expect(files['report.xml']?.match(/<failure /g)).toHaveLength(json.length);

    // the text report on stdout
    const text = await runCli(['scan', '--history', root], { env, secrets });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`deploy/gh.env:1:14: github-pat: ${token.slice(0, 4)}***`);
    expect(leaks({ stdout: text.stdout, stderr: text.stderr }, secrets)).toEqual([]);
  }, 120000);

  it('--redact=50 shows half of each secret in every gitleaks-shaped field (written 0600), the full secret nowhere', async () => {
    const out = tmp('report-redaction-half');
    const run = await runCli(['scan', '--history', root, '--redact=50', '--format', FORMATS, '--report', join(out, 'report')], { env, secrets });
    expect(run.code).toBe(1);
    expect(run.leaks).toEqual([]);
    const files = reports(out);
    expect(leaks({ ...files, stdout: run.stdout, stderr: run.stderr }, secrets)).toEqual([]);
    for (const f of Object.keys(files)) expectOwnerOnly(join(out, f));
    const json = JSON.parse(files['report.json'] ?? '') as { RuleID: string; Commit: string; Message: string; Secret: string }[];
    const half = (s: string): string => `${s.slice(0, s.length / 2)}...`;
    for (const f of json.filter((x) => x.Commit === sha)) expect(f.Message).toBe(`add deploy credentials; CI uses ${half(token)} until ${half(old)} is gone`);
    expect(json.find((f) => f.RuleID === 'github-pat')?.Secret).toBe(half(token));
    // SARIF stays fully redacted
    expect(files['report.sarif']).toContain(`CI uses ${token.slice(0, 4)}*** until ${old.slice(0, 4)}*** is gone`);
    expect(files['report.sarif']?.includes(half(token))).toBe(false);
  }, 120000);
});
