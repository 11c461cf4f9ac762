/** The GitLab secret detection report (schema 15.2.1): artifacts:reports:secret_detection. */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';
import { requiredText } from './required.js';
import { fullShown, redactorFor, scrubDeep, showFindings } from './redaction.js';

export const GITLAB_SCHEMA_VERSION = '15.2.1';
/** GitLab wants a commit for every location; a tree scan has none. */
export const NO_COMMIT = '0000000';
/** keys that locate a finding or name the schema and tool: never redacted (a secret in a file name stays in location.file) */
export const GITLAB_LOCATORS: ReadonlySet<string> = new Set(['id', 'file', 'sha', 'schema', 'url']);

function gitlabTime(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/** A stable UUID (v5-shaped) from the fingerprint, so the same finding keeps its id. */
export function findingUuid(fingerprint: string): string {
  const h = createHash('sha256').update(`pipeline-secrets:${fingerprint}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function gitlabReport(findings: readonly Finding[], ctx: ReportContext): string {
  const vendor = { name: 'pipeline-secrets' };
  const tool = { id: 'pipeline-secrets', name: ctx.toolName, version: ctx.toolVersion, vendor };
  // fully redacted whatever redact's percentage
  const how = fullShown(ctx);
  const red = redactorFor(findings, ctx);
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`,
    scan: {
      analyzer: { ...tool, url: ctx.informationUri },
      scanner: { ...tool, url: ctx.informationUri },
      type: 'secret_detection',
      status: 'success',
      start_time: gitlabTime(ctx.started),
      end_time: gitlabTime(ctx.finished),
      messages: ctx.skipped.slice(0, 100).map((s) => ({ level: 'info', value: `skipped ${s.path}: ${s.reason}` })),
    },
    vulnerabilities: showFindings(findings, how, red).map((f) => {
      const c = f.commit;
      const required = requiredText(f);
      return {
        id: findingUuid(f.fingerprint),
        name: (f.description || f.ruleId).slice(0, 255),
        description:
          `${f.description || f.ruleId} found in ${f.path}:${f.startLine}${c ? ` (commit ${c.sha.slice(0, 12)})` : ''}${required ? `, with ${required}` : ''}: ${f.match}`.slice(
            0,
            100000,
          ),
        severity: 'Critical',
        solution: 'Revoke and rotate this secret, then remove it from the code. Removing it from the code alone does not remove it from the history.',
        identifiers: [{ type: 'gitleaks_rule_id', name: `Gitleaks rule ID ${f.ruleId}`, value: f.ruleId }],
        location: {
          file: f.rawPath,
          commit: c ? { sha: c.sha, author: c.author, date: c.date, message: c.message } : { sha: NO_COMMIT },
          start_line: f.startLine,
          end_line: f.endLine,
        },
      };
    }),
  };
  return `${JSON.stringify(scrubDeep(report, red, how, GITLAB_LOCATORS), null, 1)}\n`;
}
