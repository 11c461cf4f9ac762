/** The gitleaks JSON report: an array of findings under gitleaks' own field names and order. */
import type { Finding } from '../types.js';
import { fileUrl, type ReportContext } from './context.js';
import { contentKey } from '../ignore.js';
import { gitleaksRequired, type GitleaksRequired } from './required.js';
import { gitleaksShown, redactorFor, scrubDeep, showFindings, type ShownFinding } from './redaction.js';

export interface GitleaksFinding {
  RuleID: string;
  Description: string;
  StartLine: number;
  EndLine: number;
  StartColumn: number;
  EndColumn: number;
  Match: string;
  Secret: string;
  File: string;
  SymlinkFile: string;
  Commit: string;
  Link: string;
  Entropy: number;
  Author: string;
  Email: string;
  Date: string;
  Message: string;
  Tags: string[];
  Fingerprint: string;
  /** ours, after gitleaks' fields: the content-keyed .gitleaksignore entry (survives rebases) */
  IgnoreKey: string;
  /** ours, only for a composite rule's finding: where its [[rules.required]] parts are (no secrets) */
  RequiredFindings?: GitleaksRequired[];
  /** ours, only with verify: true: live, revoked or unknown */
  Verification?: string;
}

/** The gitleaks JSON fields that locate the finding for tools (.gitleaksignore, baselines, links): never redacted. */
export const GITLEAKS_LOCATORS: ReadonlySet<string> = new Set(['File', 'SymlinkFile', 'Commit', 'Link', 'Fingerprint', 'IgnoreKey']);

function toGitleaks(f: ShownFinding, ignoreKey: string, ctx: ReportContext): GitleaksFinding {
  const c = f.commit;
  return {
    RuleID: f.ruleId,
    Description: f.description,
    StartLine: f.startLine,
    EndLine: f.endLine,
    StartColumn: f.startColumn,
    EndColumn: f.endColumn,
    Match: f.match,
    Secret: f.secret,
    File: f.rawPath,
    SymlinkFile: f.rawSymlinkFile,
    Commit: c?.sha ?? '',
    Link: c ? fileUrl(ctx, c.sha, f.rawPath, f.startLine) : '',
    Entropy: Math.round(f.entropy * 1e6) / 1e6,
    Author: c?.author ?? '',
    Email: c?.email ?? '',
    Date: c?.date ?? '',
    Message: c?.message ?? '',
    Tags: [...f.tags],
    Fingerprint: f.fingerprint,
    IgnoreKey: ignoreKey,
    ...(f.requiredFindings.length ? { RequiredFindings: gitleaksRequired(f) } : {}),
    ...(f.verified ? { Verification: f.verified } : {}),
  };
}

/**
 * The findings as gitleaks JSON entries (the JSON report, each CSV row, each JUnit failure body):
 * shown (no raw secret), then every field but the locators scrubbed once more.
 */
export function gitleaksEntries(findings: readonly Finding[], ctx: ReportContext): GitleaksFinding[] {
  const how = gitleaksShown(ctx);
  const red = redactorFor(findings, ctx);
  // the content key hashes the raw secret: computed here, from the finding, never from what is shown
  return showFindings(findings, how, red, ctx.verified).map((f, i) =>
    scrubDeep(toGitleaks(f, findings[i] ? contentKey(findings[i]) : '', ctx), red, how, GITLEAKS_LOCATORS),
  );
}

export function gitleaksJson(findings: readonly Finding[], ctx: ReportContext): string {
  return `${JSON.stringify(gitleaksEntries(findings, ctx), null, 1)}\n`;
}
