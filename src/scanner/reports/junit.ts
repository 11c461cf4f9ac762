/**
 * gitleaks' JUnit report: one test suite "gitleaks", one failing test case per finding whose
 * failure body is the finding as gitleaks JSON (redacted unless redaction is off). CI systems
 * (GitLab's junit report, Jenkins, Azure DevOps) show each leak as a failed test.
 */
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { gitleaksEntries } from './json.js';
import { gitleaksShown, redactorFor, showFindings, type ShownFinding } from './redaction.js';

export function xmlEscape(s: string): string {
  // XML 1.0 cannot carry most control characters at all, even escaped
  return s
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function testName(f: ShownFinding): string {
  return `${f.ruleId} has detected a secret in file ${f.path}, line ${f.startLine}${f.commit ? `, at commit ${f.commit.sha}` : ''}.`;
}

export function junitReport(findings: readonly Finding[], ctx: ReportContext): string {
  const how = gitleaksShown(ctx);
  const red = redactorFor(findings, ctx);
  // every attribute value is scrubbed again before it is escaped (only file is a locator); the
  // failure body is a gitleaks JSON entry, scrubbed field by field (never as serialised text)
  const attrs = (pairs: readonly (readonly [string, string])[]): string =>
    pairs.map(([k, v]) => `${k}="${xmlEscape(k === 'file' ? v : red.scrub(v, how))}"`).join(' ');
  const seconds = Math.max(0, (ctx.finished.getTime() - ctx.started.getTime()) / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites>',
    `\t<testsuite failures="${findings.length}" name="gitleaks" tests="${findings.length}" time="${seconds}">`,
  ];
  const shown = showFindings(findings, how, red);
  const entries = gitleaksEntries(findings, { ...ctx, redactor: red });
  shown.forEach((f, i) => {
    const name = testName(f);
    const kind = f.description || f.ruleId;
    out.push(
      `\t\t<testcase ${attrs([
        ['classname', kind],
        ['file', f.rawPath],
        ['name', name],
      ])} time="">`,
    );
    out.push(
      `\t\t\t<failure ${attrs([
        ['message', name],
        ['type', kind],
      ])}>${xmlEscape(JSON.stringify(entries[i], null, 1))}</failure>`,
    );
    out.push('\t\t</testcase>');
  });
  out.push('\t</testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
