/**
 * The scanner engine: gitleaks 8.x detection semantics over Fragments.
 *
 * Per fragment: global commit/path allowlists; one keyword pass (keywords.ts); for each rule whose
 * keywords hit (or that has none) its rule commit/path allowlists and path regex, then its regex in
 * bounded windows; each match trimmed of newlines, secret = secretGroup or the first non-empty
 * group, entropy must exceed the rule's, `gitleaks:allow` on its lines skips it, then global and
 * rule allowlists (regexes on secret/match/line, stopwords, AND/OR). Composite rules keep a
 * finding only when each [[rules.required]] rule matched nearby; generic-* findings give way to a
 * specific rule's finding on the same line. Lines/columns are 1-based (columns of the match, as
 * gitleaks reports them; path-only findings have line 0).
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { commitOrPathAllowed, findingAllowed, type CompiledAllowlist } from './config/allowlist.js';
import { compileGlobalAllowlists, compileRule, type CompiledRule } from './config/compile.js';
import { loadConfig } from './config/load.js';
import { ConfigError } from './config/parse.js';
import { shannonEntropy } from './entropy.js';
import { Prefilter, chunks, newlineIndex, windowsAround, type WindowOptions, type Windows } from './keywords.js';
import { DEFAULT_CONFIG_TOML } from './rules/index.js';
import type { Finding, Fragment, Scanner, Skipped } from './types.js';

export { DEFAULT_CONFIG_TOML };

export interface ScannerOptions {
  /** a gitleaks TOML config's text (e.g. the user's .gitleaks.toml) */
  configText?: string;
  /** or a path to one (also the base for [extend] path) */
  configPath?: string;
  /** no config given: use the built-in default rules (default true) */
  useDefault?: boolean;
  /** lines longer than this are verified only in capped windows around keywords (default 10000) */
  maxLineLength?: number;
  /** unused by the engine; reports redact */
  redactLength?: number;
  ignoreGitleaksAllow?: boolean;
}

export interface LoadedScanner extends Scanner {
  ruleCount: number;
  /** what was skipped so far: capped long lines, rules that cannot run safely */
  skipped: Skipped[];
  /** non-fatal config notes (e.g. a disabled rule that does not exist) */
  warnings: string[];
  ruleIds: readonly string[];
}

const ALLOW_SIGNATURE = 'gitleaks:allow';
const SPAN_REACH = 131_072;
const MAX_WINDOW = 262_144;

class Located {
  private nl: number[] | null = null;
  constructor(readonly f: Fragment) {}
  /** newline offsets, computed once per fragment when first needed */
  newlines(): number[] {
    if (!this.nl) this.nl = newlineIndex(this.f.text);
    return this.nl;
  }
  /** 0-based line index of a text offset */
  lineIndex(off: number): number {
    const nl = this.newlines();
    let lo = 0, hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((nl[mid] ?? 0) < off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  lineStart(idx: number): number {
    return idx === 0 ? 0 : (this.nl?.[idx - 1] ?? -1) + 1;
  }
  lineNumber(idx: number): number {
    return this.f.lineNumbers?.[idx] ?? idx + 1;
  }
}

class Engine implements LoadedScanner {
  readonly skipped: Skipped[] = [];
  readonly ruleIds: readonly string[];
  private readonly prefilter: Prefilter;
  /** rules without keywords: they run on every fragment */
  private readonly always: readonly number[];
  private readonly byId: Map<string, CompiledRule>;

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly global: readonly CompiledAllowlist[],
    readonly warnings: string[],
    private readonly maxLine: number,
    private readonly ignoreAllow: boolean,
  ) {
    this.prefilter = new Prefilter(rules.map((r) => r.keywords));
    this.always = rules.flatMap((r, i) => (r.keywords.length === 0 ? [i] : []));
    this.ruleIds = rules.map((r) => r.id);
    this.byId = new Map(rules.map((r) => [r.id, r]));
    for (const r of rules) if (r.disabledReason) this.skipped.push({ path: '', reason: r.disabledReason });
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  scan(fragment: Fragment): Finding[] {
    const sha = fragment.commit?.sha ?? '';
    if (fragment.text === '' && fragment.path === '') return [];
    if (commitOrPathAllowed(this.global, fragment.path, sha)) return [];
    const hits = this.prefilter.hits(fragment.text);
    if (hits.size === 0 && this.always.length === 0) return [];
    const order = hits.size === 0 ? this.always : [...this.always, ...hits.keys()].sort((a, b) => a - b);
    const loc = new Located(fragment);
    const out: Finding[] = [];
    for (const i of order) {
      const rule = this.rules[i];
      if (!rule || rule.disabledReason || rule.skipReport) continue;
      let found = this.detect(loc, rule, hits.get(i));
      if (rule.required.length && found.length) found = this.withRequired(loc, rule, found);
      for (const f of found) out.push(f);
    }
    return out.length ? sortFindings(dropGenericDuplicates(out)) : out;
  }

  private windows(loc: Located, rule: CompiledRule, hits: readonly number[] | undefined): Windows {
    const text = loc.f.text;
    const o: WindowOptions = {
      before: 2,
      after: rule.spansLines ? 2000 : 10,
      maxLine: rule.spansLines ? Math.max(this.maxLine, SPAN_REACH) : this.maxLine,
      maxWindow: MAX_WINDOW,
    };
    return hits ? windowsAround(text, loc.newlines(), hits, o) : chunks(text, { ...o, maxLine: this.maxLine });
  }

  private detect(loc: Located, rule: CompiledRule, hits: readonly number[] | undefined): Finding[] {
    const f = loc.f;
    const sha = f.commit?.sha ?? '';
    if (commitOrPathAllowed(rule.allowlists, f.path, sha)) return [];
    if (rule.path) {
      if (!rule.re) return rule.path.test(f.path) ? [this.pathFinding(rule, f)] : [];
      if (!rule.path.test(f.path)) return [];
    }
    const re = rule.re;
    if (!re) return [];
    const text = f.text;
    const win = this.windows(loc, rule, hits);
    if (win.capped) this.noteCapped(f.path);
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const [ws, we] of win.spans) {
      const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
      re.lastIndex = 0;
      for (let m = re.exec(sub); m; m = re.exec(sub)) {
        const raw = m[0];
        if (raw === '') { re.lastIndex++; continue; }
        let lead = 0, trail = 0;
        while (lead < raw.length && raw.charCodeAt(lead) === 10) lead++;
        while (trail < raw.length - lead && raw.charCodeAt(raw.length - 1 - trail) === 10) trail++;
        const match = raw.slice(lead, raw.length - trail);
        if (match === '') continue;
        const start = ws + m.index + lead;
        const end = start + match.length;
        if (seen.has(start)) continue;
        seen.add(start);
        const finding = this.candidate(loc, rule, m, match, start, end);
        if (finding) out.push(finding);
      }
    }
    return out;
  }

  private candidate(loc: Located, rule: CompiledRule, m: RegExpExecArray, match: string, start: number, end: number): Finding | null {
    const f = loc.f;
    const text = f.text;
    let secret = match;
    if (m.length >= 2) {
      if (rule.secretGroup > 0) secret = m[rule.secretGroup] ?? '';
      else {
        for (let g = 1; g < m.length; g++) {
          const s = m[g];
          if (s) { secret = s; break; }
        }
      }
    }
    const entropy = shannonEntropy(secret);
    if (rule.entropy !== 0 && entropy <= rule.entropy) return null;
    // the full line(s) of the match, bounded for huge lines
    const lo = Math.max(0, start - this.maxLine);
    let ls = start;
    while (ls > lo && text.charCodeAt(ls - 1) !== 10) ls--;
    const hi = Math.min(text.length, end + this.maxLine);
    let le = end;
    while (le < hi && text.charCodeAt(le) !== 10) le++;
    const line = text.slice(ls, le);
    if (!this.ignoreAllow && line.includes(ALLOW_SIGNATURE)) return null;
    const c = { secret, match, line, path: f.path, sha: f.commit?.sha ?? '' };
    if (findingAllowed(this.global, c) || findingAllowed(rule.allowlists, c)) return null;
    const si = loc.lineIndex(start);
    const ei = loc.lineIndex(end - 1);
    const startLine = loc.lineNumber(si);
    const finding: Finding = {
      ruleId: rule.id,
      description: rule.description,
      path: f.path,
      startLine,
      endLine: loc.lineNumber(ei),
      startColumn: start - loc.lineStart(si) + 1,
      endColumn: end - loc.lineStart(ei),
      match,
      secret,
      entropy,
      tags: rule.tags,
      fingerprint: fingerprint(f, rule.id, startLine),
    };
    if (f.commit) finding.commit = f.commit;
    if (f.symlinkFile) finding.symlinkFile = f.symlinkFile;
    return finding;
  }

  private pathFinding(rule: CompiledRule, f: Fragment): Finding {
    const finding: Finding = {
      ruleId: rule.id,
      description: rule.description,
      path: f.path,
      startLine: 0,
      endLine: 0,
      startColumn: 0,
      endColumn: 0,
      match: `file detected: ${f.path}`,
      secret: '',
      entropy: 0,
      tags: rule.tags,
      fingerprint: fingerprint(f, rule.id, 0),
    };
    if (f.commit) finding.commit = f.commit;
    if (f.symlinkFile) finding.symlinkFile = f.symlinkFile;
    return finding;
  }

  /** Composite rules: keep a primary finding only when every required rule matched near it. */
  private withRequired(loc: Located, rule: CompiledRule, primaries: Finding[]): Finding[] {
    const found = new Map<string, Finding[]>();
    for (const q of rule.required) {
      const r = this.byId.get(q.id);
      if (r && !found.has(q.id)) found.set(q.id, this.detect(loc, r, undefined));
    }
    return primaries.filter((p) =>
      rule.required.every((q) =>
        (found.get(q.id) ?? []).some((x) => {
          if (q.withinLines !== undefined && Math.abs(p.startLine - x.startLine) > q.withinLines) return false;
          if (q.withinColumns !== undefined && Math.abs(p.startColumn - x.startColumn) > q.withinColumns) return false;
          return true;
        }),
      ),
    );
  }

  private noteCapped(path: string): void {
    const reason = `a line longer than ${this.maxLine} characters was verified only around keyword hits`;
    const last = this.skipped[this.skipped.length - 1];
    if (last && last.path === path && last.reason === reason) return;
    this.skipped.push({ path, reason });
  }
}

function fingerprint(f: Fragment, ruleId: string, line: number): string {
  return f.commit ? `${f.commit.sha}:${f.path}:${ruleId}:${line}` : `${f.path}:${ruleId}:${line}`;
}

/** gitleaks' filter(): a generic finding yields to a specific rule's finding on the same line holding its secret. */
function dropGenericDuplicates(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  return findings.filter((f) => {
    if (!f.ruleId.toLowerCase().includes('generic')) return true;
    return !findings.some((o) =>
      o.startLine === f.startLine && (o.commit?.sha ?? '') === (f.commit?.sha ?? '') && o.ruleId !== f.ruleId &&
      o.secret.includes(f.secret) && !o.ruleId.toLowerCase().includes('generic'));
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Loads and compiles a config; throws UserError naming the file, rule and field on a bad one. */
export async function createScanner(opts: ScannerOptions): Promise<LoadedScanner> {
  const input = opts.configPath ?? 'config';
  let text = opts.configText;
  if (text === undefined && opts.configPath !== undefined) {
    try {
      text = await readFile(opts.configPath, 'utf8');
    } catch {
      throw new UserError(input, `config file "${opts.configPath}" cannot be read`);
    }
  }
  if (text === undefined) {
    if (opts.useDefault === false) throw new UserError(input, 'no config given and the default rules are turned off');
    text = DEFAULT_CONFIG_TOML;
  }
  try {
    const cfg = loadConfig({ text, ...(opts.configPath ? { path: opts.configPath } : {}), defaultText: DEFAULT_CONFIG_TOML });
    const source = opts.configPath ?? (opts.configText === undefined ? 'the default config' : 'config');
    const rules = cfg.rules.map((r) => compileRule(r, source));
    const global = compileGlobalAllowlists(cfg.allowlists, source);
    const maxLine = Math.max(1024, opts.maxLineLength ?? 10_000);
    return new Engine(rules, global, cfg.warnings, maxLine, opts.ignoreGitleaksAllow ?? false);
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(input, e.message);
    throw e;
  }
}
