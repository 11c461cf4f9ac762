/** The gitleaks JSON report: an array of findings under gitleaks' own field names and order. */
import { redactPercent, redactSecret } from '../redact.js';
import type { Finding } from '../types.js';
import { fileUrl, shownText, type ReportContext } from './context.js';
import { contentKey } from '../ignore.js';
import { gitleaksRequired, type GitleaksRequired } from './required.js';

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

export function toGitleaks(f: Finding, ctx: ReportContext): GitleaksFinding {
  const c = f.commit;
  return {
    RuleID: f.ruleId,
    Description: f.description,
    StartLine: f.startLine,
    EndLine: f.endLine,
    StartColumn: f.startColumn,
    EndColumn: f.endColumn,
    Match: shownText(f.match, f, ctx),
    Secret: ctx.redactPercent !== undefined ? redactPercent(f.secret, ctx.redactPercent) : ctx.redact ? redactSecret(f.secret) : f.secret,
    File: f.path,
    SymlinkFile: f.symlinkFile ?? '',
    Commit: c?.sha ?? '',
    Link: c ? fileUrl(ctx, c.sha, f.path, f.startLine) : '',
    Entropy: Math.round(f.entropy * 1e6) / 1e6,
    Author: c?.author ?? '',
    Email: c?.email ?? '',
    Date: c?.date ?? '',
    Message: shownText(c?.message ?? '', f, ctx),
    Tags: [...f.tags],
    Fingerprint: f.fingerprint,
    IgnoreKey: contentKey(f),
    ...(f.requiredFindings?.length ? { RequiredFindings: gitleaksRequired(f) } : {}),
  };
}

export function gitleaksJson(findings: readonly Finding[], ctx: ReportContext): string {
  return `${JSON.stringify(findings.map((f) => {
    const g = toGitleaks(f, ctx);
    const v = ctx.verified?.get(f);
    if (v) g.Verification = v;
    return g;
  }), null, 1)}\n`;
}
