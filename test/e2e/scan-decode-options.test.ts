/** The CLI's decode and rule-selection options reach the engine: max-decode-depth and enable-rule. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../runner/cli.js';
import { fakeSecret, testConfig, tmp } from './scan-helpers.js';
import { expectOwnerOnly } from '../runner/os.js';

describe('scan: max-decode-depth, enable-rule and redact=N', () => {
  const dir = tmp('decode');
  const secret = fakeSecret();
  const config = join(dir, 'rules.toml');
  writeFileSync(config, testConfig(['[[rules]]', 'id = "other-rule"', "regex = '''zz-never-[0-9]{40}'''", 'keywords = ["zz-never-"]'].join('\n')));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ blob: Buffer.from(`token=${secret}`).toString('base64') }));
  const scan = (...flags: string[]) => runCli(['scan', dir, '--config', config, ...flags], { secrets: [secret] });

  it('finds a base64-encoded secret by default, tagged as decoded, and not with decoding off', async () => {
    const on = await scan('--format', 'json', '--report', '-');
    expect(on.leaks).toEqual([]);
    expect(on.code).toBe(1);
    const findings = JSON.parse(on.stdout) as { RuleID: string; File: string; Tags: string[] }[];
    expect(findings.map((f) => [f.RuleID, f.File])).toEqual([['test-live-token', 'settings.json']]);
    expect(findings[0]?.Tags.join(' ')).toContain('decoded:base64');
    const off = await scan('--max-decode-depth', '0');
    expect([off.code, off.leaks]).toEqual([0, []]);
  });

  it('scans only the enabled rules, and names an unknown one', async () => {
    const other = await scan('--enable-rule', 'other-rule');
    expect([other.code, other.leaks]).toEqual([0, []]);
    const unknown = await scan('--enable-rule', 'no-such-rule');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/enable-rule/);
  });

  it('redact=N hides N percent of each secret in the JSON report only, written 0600; logs stay redacted', async () => {
    const report = join(dir, 'report.json');
    const plain = await scan('--redact=50', '--format', 'json', '--report', report);
    expect(plain.leaks).toEqual([]);
    const found = JSON.parse(readFileSync(report, 'utf8')) as { Secret: string; Match: string }[];
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.Secret).toBe(`${secret.slice(0, secret.length / 2)}...`);
      expect(f.Match).not.toContain(secret);
    }
    expectOwnerOnly(report);
    expect(plain.stderr).toMatch(/part of each secret/);
    const bad = await scan('--redact=150');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/redact/);
  });
});
