/**
 * Report redaction cost: N findings, each with its own secret (all sharing one prefix, as one
 * provider's tokens do; every tenth a 1.7 KB PEM-like key), from commits whose messages name the
 * 20 secrets found before them; one scan-wide redactor, then every report format and the
 * summary. Prints the redactor's build time and the CPU time per format (wall time on a shared
 * machine includes waiting for a core), so growth with N shows whether the redaction stays
 * linear (it must not be findings x secrets).
 * Run: npm run bench -- report-redaction [N ...]   (default 1000 5000 20000)
 */
import { randomBytes } from 'node:crypto';
import { FORMATS, render } from '../src/scanner/reports/index.js';
import { summaryMarkdown } from '../src/scanner/reports/summary.js';
import { ScanRedactor } from '../src/scanner/reports/redaction.js';
import type { ReportContext } from '../src/scanner/reports/context.js';
import type { Finding } from '../src/scanner/types.js';

const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (n: number): string => {
  let s = '';
  for (const b of randomBytes(n)) s += A[b % A.length];
  return Buffer.from(s).toString(); // flat, as strings read from git are
};
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const n of sizes.length ? sizes : [1000, 5000, 20000]) {
  const pem = (): string =>
    `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${rand(48)}\n${Array.from({ length: 25 }, () => rand(64)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
  const secrets = Array.from({ length: n }, (_, i) => (i % 10 === 9 ? pem() : `tok_live_${rand(24)}`));
  const findings: Finding[] = secrets.map((secret, i) => ({
    ruleId: 'r',
    description: 'd',
    path: `src/f${i % 300}.ts`,
    startLine: i + 1,
    endLine: i + 1,
    startColumn: 1,
    endColumn: 9,
    match: `key = "${secret}"`,
    secret,
    entropy: 4,
    tags: [],
    fingerprint: `x:${i}`,
    commit: {
      sha: 'a'.repeat(40),
      author: 'Dev',
      email: 'd@x',
      date: 'd',
      message: `commit ${i}: ${'lorem ipsum dolor sit amet '.repeat(20)} ${secrets.slice(Math.max(0, i - 20), i).join(' ')}`,
    },
  }));
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = cpu();
  const redactor = ScanRedactor.fromFindings(findings);
  const build = cpu() - t;
  const ctx: ReportContext = {
    toolName: 't',
    toolVersion: '1',
    informationUri: 'u',
    started: new Date(),
    finished: new Date(),
    serverUrl: 'https://x',
    repository: 'o/r',
    redact: true,
    target: 'x',
    skipped: [],
    redactor,
  };
  const times: string[] = [];
  let bytes = 0;
  for (const f of FORMATS) {
    t = cpu();
    bytes += render(f, findings, ctx).length;
    times.push(`${f} ${(cpu() - t).toFixed(0)}`);
  }
  t = cpu();
  bytes += summaryMarkdown(
    { findings, ignored: 0, baselined: 0, skipped: [], ruleCount: 1, bytes: 0, files: 0, commits: 0, seconds: 0, notes: [], reports: [] },
    ctx,
  ).length;
  times.push(`summary ${(cpu() - t).toFixed(0)}`);
  console.log(`${n} findings: redactor ${build.toFixed(0)} ms; CPU ms per report: ${times.join(', ')}; ${(bytes / 1048576).toFixed(1)} MB written`);
}
