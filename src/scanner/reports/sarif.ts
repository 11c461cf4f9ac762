/** SARIF 2.1.0 for code scanning (upload it with github/codeql-action/upload-sarif). */
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { requiredParts, requiredText } from './required.js';
import { fullShown, redactorFor, scrubDeep, showFindings, type ShownFinding } from './redaction.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** SARIF keys that locate a result or name the tool: never redacted (a secret in a file name stays in the uri). */
export const SARIF_LOCATORS: ReadonlySet<string> = new Set(['$schema', 'uri', 'uriBaseId', 'informationUri', 'fingerprint', 'commitSha']);

function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function sarifReport(findings: readonly Finding[], ctx: ReportContext): string {
  // SARIF is fully redacted whatever redact's percentage (it goes to code scanning and artifacts)
  const how = fullShown(ctx);
  const red = redactorFor(findings, ctx);
  const shown = showFindings(findings, how, red);
  return `${JSON.stringify(scrubDeep(sarifLog(shown, ctx), red, how, SARIF_LOCATORS), null, 1)}\n`;
}

function sarifLog(findings: readonly ShownFinding[], ctx: ReportContext): object {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const f = findings.find((x) => x.ruleId === id);
    return {
      id,
      name: id.replace(/(^|[-_])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase()),
      // the leak guard's findings carry their secret's label in the description: the rule entry stays generic
      shortDescription: {
        text:
          id === 'injected-secret' ? 'A secret this job injected (fetch-secrets, vault-login, oidc-assume-role) is in a file it built' : f?.description || id,
      },
      fullDescription: {
        text: `${id === 'injected-secret' ? 'A secret this job injected is in a file it built' : f?.description || id}. A secret committed to a repository must be revoked and rotated: removing it from the code does not remove it from the history.`,
      },
      defaultConfiguration: { level: 'error' as const },
      properties: { tags: [...new Set(['security', 'secret', ...(f?.tags ?? [])])], precision: 'high', 'security-severity': '9.0' },
    };
  });
  const results = findings.map((f) => {
    const c = f.commit;
    const partial: Record<string, string> = {};
    if (c) {
      partial['commitSha'] = c.sha;
      partial['email'] = c.email;
      partial['author'] = c.author;
      partial['date'] = c.date;
      partial['commitMessage'] = c.message;
    }
    const required = requiredText(f);
    const related = requiredParts(f).map((r, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: { uri: uri(f.rawPath), uriBaseId: '%SRCROOT%' },
        region: {
          startLine: Math.max(1, r.startLine),
          startColumn: Math.max(1, r.startColumn),
          endLine: Math.max(1, r.endLine, r.startLine),
          endColumn: Math.max(1, r.endColumn),
        },
      },
      message: { text: `required by ${f.ruleId}: ${r.ruleId}` },
    }));
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: 'error' as const,
      message: {
        text: f.hasMatch
          ? `${f.ruleId} has detected a secret in ${f.path}${c ? ` (commit ${c.sha.slice(0, 12)})` : ''}${required ? `, with ${required}` : ''}.`
          : `${f.ruleId}: ${f.description} (${f.path}:${f.startLine}).`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(f.rawPath), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: Math.max(1, f.startLine),
              startColumn: Math.max(1, f.startColumn),
              endLine: Math.max(1, f.endLine, f.startLine),
              endColumn: Math.max(1, f.endColumn),
              snippet: { text: f.match },
            },
          },
        },
      ],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: partial,
      properties: { fingerprint: f.fingerprint, tags: [...new Set(f.tags)] },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: ctx.toolName, semanticVersion: ctx.toolVersion, version: ctx.toolVersion, informationUri: ctx.informationUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the scanned repository or directory.' } } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: ctx.started.toISOString(),
            endTimeUtc: ctx.finished.toISOString(),
            toolExecutionNotifications: ctx.skipped.slice(0, 100).map((s) => ({ level: 'note' as const, message: { text: `skipped ${s.path}: ${s.reason}` } })),
          },
        ],
        results,
      },
    ],
  };
  return log;
}
