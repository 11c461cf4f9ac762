/**
 * Compiled allowlists and gitleaks' two checks: commit/path before a rule runs on a fragment,
 * and regex/stopword (plus, with condition AND, everything set) for each candidate finding.
 */
import { compileRe2, Re2Error } from '../../kernels/re2.js';
import { ConfigError } from './parse.js';
import type { AllowlistSpec, RegexTarget } from './types.js';

export interface CompiledAllowlist {
  and: boolean;
  commits: ReadonlySet<string>;
  paths: readonly RegExp[];
  regexTarget: RegexTarget;
  regexes: readonly RegExp[];
  stopwords: readonly string[];
}

function compileList(patterns: readonly string[], where: string, field: string): RegExp[] {
  return patterns.map((p, i) => {
    try {
      return compileRe2(p).re;
    } catch (e) {
      if (e instanceof Re2Error) throw new ConfigError(`${where}: field "${field}[${i}]": ${e.message}`);
      throw e;
    }
  });
}

export function compileAllowlist(a: AllowlistSpec, where: string): CompiledAllowlist {
  const at = a.where ? `${where ? where + ' ' : ''}${a.where.replace(/^rule "[^"]*" /, '')}` : where;
  return {
    and: a.condition === 'AND',
    commits: new Set(a.commits),
    paths: compileList(a.paths, at, 'paths'),
    regexTarget: a.regexTarget,
    regexes: compileList(a.regexes, at, 'regexes'),
    stopwords: a.stopwords,
  };
}

function anyMatch(res: readonly RegExp[], s: string): boolean {
  if (s === '') return false;
  for (const re of res) if (re.test(s)) return true;
  return false;
}

function commitAllowed(a: CompiledAllowlist, sha: string): boolean {
  return sha !== '' && a.commits.has(sha.toLowerCase());
}

/** True when a fragment (its commit or path) is allowed before any rule runs on it. */
export function commitOrPathAllowed(lists: readonly CompiledAllowlist[], path: string, sha: string): boolean {
  if (path === '' && sha === '') return false;
  for (const a of lists) {
    const commit = commitAllowed(a, sha);
    const pathOk = anyMatch(a.paths, path);
    if (a.and) {
      if (a.regexes.length || a.stopwords.length) continue;
      const checks: boolean[] = [];
      if (a.commits.size) checks.push(commit);
      if (a.paths.length) checks.push(pathOk);
      if (checks.every(Boolean)) return true;
    } else if (commit || pathOk) return true;
  }
  return false;
}

export function containsStopword(a: CompiledAllowlist, secret: string): boolean {
  if (secret === '' || a.stopwords.length === 0) return false;
  const s = secret.toLowerCase();
  return a.stopwords.some((w) => s.includes(w));
}

export interface Candidate {
  secret: string;
  match: string;
  line: string;
  path: string;
  sha: string;
}

/** True when a candidate finding is allowed by one of the lists. */
export function findingAllowed(lists: readonly CompiledAllowlist[], c: Candidate): boolean {
  for (const a of lists) {
    const target = a.regexTarget === 'match' ? c.match : a.regexTarget === 'line' ? c.line : c.secret;
    const regexOk = anyMatch(a.regexes, target);
    const stop = containsStopword(a, c.secret);
    if (a.and) {
      const checks: boolean[] = [];
      if (a.commits.size) checks.push(commitAllowed(a, c.sha));
      if (a.paths.length) checks.push(anyMatch(a.paths, c.path));
      if (a.regexes.length) checks.push(regexOk);
      if (a.stopwords.length) checks.push(stop);
      if (checks.every(Boolean)) return true;
    } else if (regexOk || stop) return true;
  }
  return false;
}
