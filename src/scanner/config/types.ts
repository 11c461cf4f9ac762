/** A gitleaks 8.x configuration as read from TOML, before regexes are compiled. */

export type RegexTarget = 'secret' | 'match' | 'line';

export interface AllowlistSpec {
  description: string;
  /** AND: every check that is set must hold; OR (default): any one */
  condition: 'OR' | 'AND';
  commits: string[];
  paths: string[];
  regexTarget: RegexTarget;
  regexes: string[];
  stopwords: string[];
  /** global [[allowlists]] only: apply to these rules instead of all */
  targetRules: string[];
  /** where it came from, for error messages: e.g. 'rule "x" allowlists[0]' */
  where: string;
}

export interface RequiredSpec {
  id: string;
  withinLines?: number;
  withinColumns?: number;
}

export interface RuleSpec {
  id: string;
  description: string;
  regex?: string;
  path?: string;
  secretGroup: number;
  entropy: number;
  keywords: string[];
  tags: string[];
  allowlists: AllowlistSpec[];
  required: RequiredSpec[];
  skipReport: boolean;
}

export interface ExtendSpec {
  useDefault: boolean;
  path: string;
  url: string;
  disabledRules: string[];
}

export interface ConfigSpec {
  title: string;
  description: string;
  extend: ExtendSpec;
  rules: RuleSpec[];
  allowlists: AllowlistSpec[];
}
