/**
 * The contract between the scanner's engine (rules, matching) and its sources (tree, git
 * range, stdin) and reports. Findings keep the raw secret in memory only: every report and
 * log line goes through redactSecret() or the masker.
 */

/** One piece of text to scan, with where it came from. */
export interface Fragment {
  /** the text; for a git diff, the added lines of one file in one commit joined by \n */
  text: string;
  /** path relative to the scan root, with / separators */
  path: string;
  /** file line number of each line of `text` (index 0 = first line); absent: line i+1 */
  lineNumbers?: readonly number[];
  commit?: CommitInfo;
  /** a symlink that pointed at this file */
  symlinkFile?: string;
}

export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 */
  date: string;
  message: string;
}

export interface Finding {
  ruleId: string;
  description: string;
  path: string;
  startLine: number;
  endLine: number;
  /** 1-based columns, gitleaks style */
  startColumn: number;
  endColumn: number;
  /** the whole regex match (raw, never printed as is) */
  match: string;
  /** the secret group (raw, never printed as is) */
  secret: string;
  entropy: number;
  tags: readonly string[];
  commit?: CommitInfo;
  symlinkFile?: string;
  /** gitleaks fingerprint: commit:path:rule:line, or path:rule:line for tree scans */
  fingerprint: string;
  /** a composite rule's finding ([[rules.required]]): the required rules' findings near it */
  requiredFindings?: RequiredFinding[];
}

/** A required rule's finding that satisfied a composite rule (raw secret: redact before printing). */
export interface RequiredFinding {
  ruleId: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  match: string;
  secret: string;
}

/** What sources hand to the engine and get back. */
export interface Scanner {
  scan(fragment: Fragment): Finding[];
}

/** A skipped file or line and why (binary, too large, line too long, symlink out of tree). */
export interface Skipped {
  path: string;
  reason: string;
}
