/**
 * gitleaks' JUnit report: one test suite "gitleaks", one failing test case per finding whose
 * failure body is the finding as gitleaks JSON (redacted unless redaction is off). CI systems
 * (GitLab's junit report, Jenkins, Azure DevOps) show each leak as a failed test.
 */
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { toGitleaks } from './json.js';

export function xmlEscape(s: string): string {
  // XML 1.0 cannot carry most control characters at all, even escaped
  return s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function testName(f: Finding): string {
  return `${f.ruleId} has detected a secret in file ${f.path}, line ${f.startLine}${f.commit ? `, at commit ${f.commit.sha}` : ''}.`;
}

export function junitReport(findings: readonly Finding[], ctx: ReportContext): string {
  const seconds = Math.max(0, (ctx.finished.getTime() - ctx.started.getTime()) / 1000).toFixed(3);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', `\t<testsuite failures="${findings.length}" name="gitleaks" tests="${findings.length}" time="${seconds}">`];
  for (const f of findings) {
    const name = xmlEscape(testName(f));
    const body = { ...toGitleaks(f, ctx), ...(ctx.verified?.get(f) ? { Verification: ctx.verified.get(f) } : {}) };
    out.push(`\t\t<testcase classname="${xmlEscape(f.description || f.ruleId)}" file="${xmlEscape(f.path)}" name="${name}" time="">`);
    out.push(`\t\t\t<failure message="${name}" type="${xmlEscape(f.description || f.ruleId)}">${xmlEscape(JSON.stringify(body, null, 1))}</failure>`);
    out.push('\t\t</testcase>');
  }
  out.push('\t</testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
