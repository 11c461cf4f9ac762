/**
 * A composite rule's required parts ([[rules.required]]) as reports show them: rule and place,
 * never the part's secret (gitleaks prints them only in its verbose log, secrets included).
 */

/** Where a required part is: what reports may show of it. */
export interface RequiredPlace {
  ruleId: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
}

export function requiredParts(f: { requiredFindings?: readonly RequiredPlace[] | undefined }): readonly RequiredPlace[] {
  return f.requiredFindings ?? [];
}

/** `aws-secret-key at 4:9, aws-region at 5:1`, or '' for a finding without required parts. */
export function requiredText(f: { requiredFindings?: readonly RequiredPlace[] | undefined }): string {
  return requiredParts(f)
    .map((r) => `${r.ruleId} at ${r.startLine}:${r.startColumn}`)
    .join(', ');
}

/** The gitleaks JSON entry's extra field (ours): where each required part is, without its secret. */
export interface GitleaksRequired {
  RuleID: string;
  StartLine: number;
  EndLine: number;
  StartColumn: number;
  EndColumn: number;
}

export function gitleaksRequired(f: { requiredFindings?: readonly RequiredPlace[] | undefined }): GitleaksRequired[] {
  return requiredParts(f).map((r) => ({ RuleID: r.ruleId, StartLine: r.startLine, EndLine: r.endLine, StartColumn: r.startColumn, EndColumn: r.endColumn }));
}
