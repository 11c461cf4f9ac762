/**
 * The scanner engine: gitleaks 8.x detection semantics over Fragments.
 *
 * Per fragment: global commit/path allowlists; one keyword pass (kernels/keywords.ts); for each rule whose
 * keywords hit (or that has none) its rule commit/path allowlists and path regex, then its regex in
 * bounded windows (detect.ts). Composite rules keep a finding only when each [[rules.required]]
 * rule matched nearby, and report those parts with it; generic-* findings give way to a specific
 * rule's finding on the same line. Then, up to max-decode-depth passes, percent/hex/base64
 * segments are decoded (kernels/decode.ts) and the rules run again around them: a finding must touch a
 * decoded segment, is placed on the encoded span and tagged with how it was decoded. Lines and
 * columns are 1-based (columns of the match, as gitleaks reports them; path-only findings have
 * line 0).
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { commitOrPathAllowed, type CompiledAllowlist } from './config/allowlist.js';
import { compileGlobalAllowlists, compileRule, type CompiledRule } from './config/compile.js';
import { loadConfig } from './config/load.js';
import { ConfigError } from './config/parse.js';
import { Decoder, decodeTags, toOriginal, touching, type Pass } from '../kernels/decode.js';
import { ALLOW_SIGNATURE, lineAround, RuleRunner, Text, type RawMatch } from './detect.js';
import { dropGenericDuplicates, fingerprint, Located, regions, sortFindings } from './locate.js';
import { Prefilter } from '../kernels/keywords.js';
import { PATH_MATCH_PREFIX } from './redact.js';
import { DEFAULT_CONFIG_TOML } from './rules/index.js';
import type { Finding, Fragment, RequiredFinding, Scanner, Skipped } from './types.js';
import type { RequiredSpec } from './config/types.js';

export { DEFAULT_CONFIG_TOML };

/** gitleaks' default --max-decode-depth */
export const DEFAULT_DECODE_DEPTH = 5;
const MAX_DECODE_DEPTH = 16;

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
  /** decode percent, hex and base64 segments, pass after pass, up to this depth (default 5, as gitleaks; 0: off) */
  maxDecodeDepth?: number;
  /** run only these rule ids (gitleaks --enable-rule); an id the config lacks is an error */
  enableRules?: readonly string[];
}

export interface LoadedScanner extends Scanner {
  ruleCount: number;
  /** what was skipped so far: capped long lines, rules that cannot run safely */
  skipped: Skipped[];
  /** non-fatal config notes (e.g. a disabled rule that does not exist) */
  warnings: string[];
  ruleIds: readonly string[];
  /** true when the config allows this path outright (global path allowlists): it need not be read */
  isPathAllowed(path: string): boolean;
}

/** Where rules run: the original text (pass null) or a region of a decoded pass starting at `base`. */
interface View {
  t: Text;
  base: number;
  pass: Pass | null;
}

const PATH_CACHE_MAX = 50_000;

class Engine implements LoadedScanner {
  readonly skipped: Skipped[] = [];
  readonly ruleIds: readonly string[];
  private readonly prefilter: Prefilter;
  /** rules without keywords: they run on every fragment */
  private readonly always: readonly number[];
  private readonly byId: Map<string, CompiledRule>;
  private readonly runner: RuleRunner;
  private readonly enabled: ReadonlySet<string> | null;
  private readonly globalCommits: boolean;
  private readonly pathCache = new Map<string, boolean>();

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly global: readonly CompiledAllowlist[],
    readonly warnings: string[],
    private readonly maxLine: number,
    private readonly ignoreAllow: boolean,
    private readonly decodeDepth: number,
    enable: readonly string[],
  ) {
    this.byId = new Map(rules.map((r) => [r.id, r]));
    this.enabled = enable.length ? new Set(enable) : null;
    const on = (r: CompiledRule): boolean => !this.enabled || this.enabled.has(r.id);
    this.prefilter = new Prefilter(rules.map((r) => (on(r) ? r.keywords : [])));
    this.always = rules.flatMap((r, i) => (r.keywords.length === 0 && on(r) ? [i] : []));
    this.ruleIds = rules.filter(on).map((r) => r.id);
    this.runner = new RuleRunner(global, maxLine, ignoreAllow, (p) => this.noteCapped(p));
    this.globalCommits = global.some((a) => a.commits.size > 0);
    for (const r of rules) if (r.disabledReason && on(r)) this.skipped.push({ path: '', reason: r.disabledReason });
  }

  get ruleCount(): number {
    return this.ruleIds.length;
  }

  isPathAllowed(path: string): boolean {
    return path !== '' && this.fragmentAllowed(path, '');
  }

  private fragmentAllowed(path: string, sha: string): boolean {
    if (this.globalCommits) return commitOrPathAllowed(this.global, path, sha);
    let v = this.pathCache.get(path);
    if (v === undefined) {
      v = commitOrPathAllowed(this.global, path, '');
      if (this.pathCache.size >= PATH_CACHE_MAX) this.pathCache.clear();
      this.pathCache.set(path, v);
    }
    return v;
  }

  scan(fragment: Fragment): Finding[] {
    if (fragment.text === '' && fragment.path === '') return [];
    if (this.fragmentAllowed(fragment.path, fragment.commit?.sha ?? '')) return [];
    const loc = new Located(fragment);
    const out: Finding[] = [];
    const hits = this.prefilter.hits(fragment.text);
    if (hits.size || this.always.length) this.runRules(loc, { t: loc.text, base: 0, pass: null }, hits, out);
    if (this.decodeDepth > 0 && fragment.text.length >= 3) this.decoded(loc, out);
    return out.length ? sortFindings(dropGenericDuplicates(out)) : out;
  }

  private runRules(loc: Located, v: View, hits: Map<number, number[]>, out: Finding[]): void {
    const order = hits.size === 0 ? this.always : [...this.always, ...hits.keys()].sort((a, b) => a - b);
    for (const i of order) {
      const rule = this.rules[i];
      if (!rule || rule.disabledReason || rule.skipReport) continue;
      let found = this.detect(loc, v, rule, hits.get(i));
      if (rule.required.length && found.length) found = this.withRequired(loc, v, rule, found);
      for (const f of found) {
        if (v.pass && out.some((o) => o.ruleId === f.ruleId && o.startLine === f.startLine && o.startColumn === f.startColumn && o.secret === f.secret))
          continue;
        out.push(f);
      }
    }
  }

  /** Decoding passes: the rules run again around each pass's decoded segments. */
  private decoded(loc: Located, out: Finding[]): void {
    const decoder = new Decoder();
    let pass: Pass = { text: loc.f.text, segments: [], depth: 0, prev: null };
    for (let d = 1; d <= this.decodeDepth; d++) {
      const next = decoder.next(pass);
      if (!next) return;
      pass = next;
      for (const [a, b] of regions(pass, this.maxLine)) {
        const sub = a === 0 && b === pass.text.length ? pass.text : pass.text.slice(a, b);
        const hits = this.prefilter.hits(sub);
        if (hits.size || this.always.length) this.runRules(loc, { t: new Text(sub), base: a, pass }, hits, out);
      }
    }
  }

  private detect(loc: Located, v: View, rule: CompiledRule, hits: readonly number[] | undefined): Finding[] {
    const f = loc.f;
    const sha = f.commit?.sha ?? '';
    if (commitOrPathAllowed(rule.allowlists, f.path, sha)) return [];
    if (rule.path) {
      if (!rule.re) return !v.pass && rule.path.test(f.path) ? [this.pathFinding(rule, f)] : [];
      if (!rule.path.test(f.path)) return [];
    }
    const out: Finding[] = [];
    for (const m of this.runner.run(v.t, rule, hits, { path: f.path, sha })) {
      const finding = this.finding(loc, v, rule, m);
      if (finding) out.push(finding);
    }
    return out;
  }

  /** A match of a view as a finding of the original fragment (in a decoded pass: only if it touches a decoded segment). */
  private finding(loc: Located, v: View, rule: CompiledRule, m: RawMatch): Finding | null {
    const f = loc.f;
    let start = m.start + v.base;
    let end = m.end + v.base;
    let tags = rule.tags;
    if (v.pass) {
      const segs = touching(v.pass, start, end);
      if (segs.length === 0) return null;
      [start, end] = toOriginal(v.pass, start, end);
      tags = [...rule.tags, ...decodeTags(segs, v.pass.depth)];
      if (!this.ignoreAllow && lineAround(f.text, start, end, this.maxLine).includes(ALLOW_SIGNATURE)) return null;
    }
    const si = loc.lineIndex(start);
    const ei = loc.lineIndex(Math.max(start, end - 1));
    const startLine = loc.lineNumber(si);
    const finding: Finding = {
      ruleId: rule.id,
      description: rule.description,
      path: f.path,
      startLine,
      endLine: loc.lineNumber(ei),
      startColumn: start - loc.lineStart(si) + 1,
      endColumn: end - loc.lineStart(ei),
      match: m.match,
      secret: m.secret,
      entropy: m.entropy,
      tags,
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
      match: `${PATH_MATCH_PREFIX}${f.path}`,
      secret: '',
      entropy: 0,
      tags: rule.tags,
      fingerprint: fingerprint(f, rule.id, 0),
    };
    if (f.commit) finding.commit = f.commit;
    if (f.symlinkFile) finding.symlinkFile = f.symlinkFile;
    return finding;
  }

  /**
   * Composite rules (gitleaks 8.28+): a primary finding stands only when every required rule has
   * a finding within its withinLines/withinColumns (anywhere in the fragment when neither is set);
   * it carries all those findings. Required rules run regardless of their keywords, and must be
   * enabled (with --enable-rule) to count.
   */
  private withRequired(loc: Located, v: View, rule: CompiledRule, primaries: Finding[]): Finding[] {
    const found = new Map<string, Finding[]>();
    for (const q of rule.required) {
      if (found.has(q.id)) continue;
      const r = this.byId.get(q.id);
      found.set(q.id, r && (!this.enabled || this.enabled.has(r.id)) ? this.detect(loc, v, r, undefined) : []);
    }
    const out: Finding[] = [];
    for (const p of primaries) {
      const parts: RequiredFinding[] = [];
      const seen = new Set<string>();
      for (const q of rule.required) {
        if (seen.has(q.id)) continue;
        seen.add(q.id);
        for (const x of found.get(q.id) ?? []) if (near(p, x, q)) parts.push(requiredPart(x));
      }
      if (rule.required.every((q) => parts.some((x) => x.ruleId === q.id))) out.push({ ...p, requiredFindings: parts });
    }
    return out;
  }

  private noteCapped(path: string): void {
    const reason = `a line longer than ${this.maxLine} characters was verified only around keyword hits`;
    const last = this.skipped[this.skipped.length - 1];
    if (last && last.path === path && last.reason === reason) return;
    this.skipped.push({ path, reason });
  }
}

function near(p: Finding, x: Finding, q: RequiredSpec): boolean {
  if (q.withinLines !== undefined && Math.abs(p.startLine - x.startLine) > q.withinLines) return false;
  if (q.withinColumns !== undefined && Math.abs(p.startColumn - x.startColumn) > q.withinColumns) return false;
  return true;
}

function requiredPart(x: Finding): RequiredFinding {
  return { ruleId: x.ruleId, startLine: x.startLine, endLine: x.endLine, startColumn: x.startColumn, endColumn: x.endColumn, match: x.match, secret: x.secret };
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
    const depth = opts.maxDecodeDepth ?? DEFAULT_DECODE_DEPTH;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DECODE_DEPTH)
      throw new UserError('max-decode-depth', `expected a whole number from 0 to ${MAX_DECODE_DEPTH}`);
    const enable = [...new Set((opts.enableRules ?? []).map((id) => id.trim()).filter(Boolean))];
    const known = new Set(rules.map((r) => r.id));
    for (const id of enable) if (!known.has(id)) throw new UserError('enable-rule', `rule "${id}" is not in ${source}`);
    return new Engine(rules, global, cfg.warnings, maxLine, opts.ignoreGitleaksAllow ?? false, depth, enable);
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(input, e.message);
    throw e;
  }
}
