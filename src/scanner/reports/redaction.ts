/**
 * Redaction is a property of the report writers, not of each field they copy.
 *
 * One scan-wide redactor knows every secret the scan found (each finding's secret, its required
 * parts' secrets, the whole match of a regex finding whose secret group matched nothing, and
 * each long line of a multi-line secret). Every writer goes through two steps:
 *
 * 1. showFindings(): the findings become ShownFindings, which carry no raw secret or match at
 *    all (a writer cannot print what it does not have); every free-text field (commit message,
 *    author, email, description, rule id, tags, the path where prose repeats it) has every
 *    secret of the scan redacted, and the match and the commit message also the finding's own
 *    secrets however short (as before).
 * 2. a final pass over what the writer built, before it is serialised: every string of a
 *    JSON-shaped report (scrubDeep: a new field is covered without anyone remembering it),
 *    every CSV cell and XML value before escaping, the whole text of the text report, summary,
 *    annotations and review comments. Done on values, not on the serialised string, so a
 *    secret's JSON-, XML- or CSV-escaped form needs no separate search and no replacement can
 *    land inside an escape sequence (`\n` + `1234567…`, `&amp;…`) and break the document.
 *
 * Paths: a path is a locator. The fields that name the file for a tool (gitleaks' File,
 * SymlinkFile, Fingerprint, IgnoreKey and Link, SARIF's artifact uri and fingerprint, GitLab's
 * location.file, JUnit's file attribute, an annotation's file, a review comment's path) keep the
 * real path, so .gitleaksignore, baselines, code scanning and annotations keep working; a secret
 * that is also a file name is in the repository's file list anyway. Everywhere a report repeats
 * the path in prose (SARIF and GitLab messages, JUnit test names, text and log lines, the
 * summary, annotation messages) it is redacted like any other text.
 *
 * Length floor: a secret shorter than SCAN_WIDE_MIN characters (a line of a multi-line secret:
 * LINE_MIN) is redacted in every text of the findings of its own commit (outside git, its own
 * file) when it is at least MIN_SECRET_LENGTH long, and in its own finding's match and commit
 * message whatever its length; scan-wide it would blank ordinary words, numbers and hashes in
 * every other finding.
 *
 * Cost: one index over all secrets per report run (a 32-bit rolling hash of each secret's first
 * SCAN_WIDE_MIN characters behind a bit table, then Maps by length and by prefix), so scrubbing
 * a text is linear in its length whatever the number of secrets, also when thousands share a
 * prefix; repeated texts (one commit's message on each of its findings, the same field in every
 * format) are cached.
 */
import { MIN_SECRET_LENGTH } from '../../core/forms.js';
import { REDACTED_MARK, PATH_MATCH_PREFIX, redactPercent, redactSecret } from '../redact.js';
import type { Finding } from '../types.js';
import type { ReportContext, VerifyStatus } from './context.js';

/** Shortest secret redacted in every field of every finding. */
export const SCAN_WIDE_MIN = 6;
/** Shortest line of a multi-line secret redacted on its own (shorter lines are "-----", "==", …). */
export const LINE_MIN = 8;

/** How a report shows a secret: not at all (prefix***), gitleaks' --redact=N, or raw (redact: false). */
export type Shown = { kind: 'full' } | { kind: 'percent'; percent: number } | { kind: 'raw' };

export const FULL: Shown = { kind: 'full' };
export const RAW: Shown = { kind: 'raw' };

/** JSON, CSV and JUnit: --redact=N when given, else full unless redaction is off. */
export function gitleaksShown(ctx: Pick<ReportContext, 'redact' | 'redactPercent'>): Shown {
  if (ctx.redactPercent !== undefined) return { kind: 'percent', percent: Math.min(100, Math.max(0, Math.floor(ctx.redactPercent))) };
  return ctx.redact ? FULL : RAW;
}

/** SARIF, GitLab and the text report: full unless redaction is off (a percentage does not apply). */
export function fullShown(ctx: Pick<ReportContext, 'redact'>): Shown {
  return ctx.redact ? FULL : RAW;
}

type Kind = 'whole' | 'line' | 'keep';

interface Entry {
  text: string;
  /** the secret this text stands for (a line's whole secret for 'line') */
  secret: string;
  kind: Kind;
}

const B = 0x01000193;
const K = SCAN_WIDE_MIN;
let BK1 = 1;
for (let i = 0; i < K - 1; i++) BK1 = Math.imul(BK1, B);

function hashAt(text: string, i: number): number {
  let h = 0;
  for (let j = 0; j < K; j++) h = (Math.imul(h, B) + text.charCodeAt(i + j)) | 0;
  return h;
}

/** Entries at least this long are looked up by their first LONG characters, shorter ones by their whole text. */
const LONG = 64;

/** The entries whose first K characters share one hash. */
interface Bucket {
  /** lengths of the short entries, longest first */
  lens: number[];
  short: Map<number, Map<string, Entry>>;
  /** long entries by their first LONG characters, longest first */
  long: Map<string, Entry[]>;
}

/**
 * A set of texts found by one pass: leftmost, then longest. Where the bit table says a text may
 * start, one Map lookup per distinct short length and one for the long texts decide: never a
 * walk over every secret sharing a prefix (all PEM keys start "-----BEGIN", all AWS key ids "AKIA").
 */
class Index {
  /** a bit per hash prefix that starts some entry, sized for ~3% of the bits set; built on first use */
  private table: Uint32Array | undefined;
  private shift = 32;
  private readonly buckets = new Map<number, Bucket>();
  readonly byText = new Map<string, Entry>();

  add(e: Entry): void {
    if (e.text.length < K) return;
    const had = this.byText.get(e.text);
    // a whole secret wins over the same text as a line of another one
    if (had && (had.kind === 'whole' || e.kind !== 'whole')) return;
    this.byText.set(e.text, e);
    const h = hashAt(e.text, 0);
    this.table = undefined;
    let b = this.buckets.get(h);
    if (!b) this.buckets.set(h, (b = { lens: [], short: new Map(), long: new Map() }));
    const len = e.text.length;
    if (len >= LONG) {
      const key = e.text.slice(0, LONG);
      const list = (b.long.get(key) ?? []).filter((x) => x !== had);
      list.push(e);
      list.sort((x, y) => y.text.length - x.text.length);
      b.long.set(key, list);
      return;
    }
    let m = b.short.get(len);
    if (!m) {
      b.short.set(len, (m = new Map()));
      b.lens.push(len);
      b.lens.sort((x, y) => y - x);
    }
    m.set(e.text, e);
  }

  get size(): number {
    return this.byText.size;
  }

  private build(): Uint32Array {
    const bits = Math.max(10, Math.min(24, Math.ceil(Math.log2(this.buckets.size * 32 + 1))));
    const table = new Uint32Array(2 ** (bits - 5));
    this.shift = 32 - bits;
    for (const h of this.buckets.keys()) {
      const x = h >>> this.shift;
      table[x >>> 5] = (table[x >>> 5] ?? 0) | (1 << (x & 31));
    }
    return (this.table = table);
  }

  /** The bit table and its shift, for the scan loop's inlined test (no call where nothing can start). */
  filter(): { table: Uint32Array; shift: number } {
    const table = this.table ?? this.build();
    return { table, shift: this.shift };
  }

  /** The longest entry starting at i, given the rolling hash h of text[i, i+K) (the bit table said maybe). */
  at(text: string, i: number, h: number): Entry | undefined {
    const b = this.buckets.get(h);
    if (!b) return undefined;
    const n = text.length;
    if (b.long.size && i + LONG <= n) {
      const list = b.long.get(text.slice(i, i + LONG));
      if (list) for (const e of list) if (text.startsWith(e.text, i)) return e;
    }
    for (const len of b.lens) {
      if (i + len > n) continue;
      const e = b.short.get(len)?.get(text.slice(i, i + len));
      if (e) return e;
    }
    return undefined;
  }
}

/** The JSON string form of a secret without its quotes (a secret with `"`, `\` or controls), when it differs. */
function jsonInner(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

function scopeOf(f: Pick<Finding, 'commit' | 'path'>): string {
  return f.commit?.sha ? `commit ${f.commit.sha}` : `file ${f.path}`;
}

/** What a finding's secret is for redaction: its secret; else a non-path match (the match is all it has); else nothing. */
export function secretOf(f: { secret: string; match: string }): string {
  if (f.secret) return f.secret;
  return f.match && !f.match.startsWith(PATH_MATCH_PREFIX) ? f.match : '';
}

function linesOf(secret: string): string[] {
  return /[\r\n]/.test(secret) ? secret.split(/\r?\n|\r/).filter((l) => l.length >= LINE_MIN) : [];
}

export class ScanRedactor {
  private readonly index = new Index();
  private readonly wholes = new Set<string>();
  private readonly keeps = new Map<number, Index>();
  private readonly cache = new Map<string, Map<string, string>>();
  private readonly shortByScope = new Map<string, string[]>();

  /** Every secret of these findings (and of their required parts). */
  static fromFindings(findings: Iterable<Finding>): ScanRedactor {
    const r = new ScanRedactor();
    for (const f of findings) r.addFinding(f);
    return r;
  }

  addFinding(f: Finding): void {
    for (const s of [secretOf(f), ...(f.requiredFindings ?? []).map(secretOf)]) {
      this.addSecret(s);
      // too short to redact scan-wide, long enough to mask: redacted in every text of the
      // findings of its own commit (outside git, its own file): every secret of that commit
      if (s.trim().length >= MIN_SECRET_LENGTH && s.length < SCAN_WIDE_MIN) {
        const key = scopeOf(f);
        const list = this.shortByScope.get(key) ?? [];
        if (!list.includes(s)) list.push(s);
        this.shortByScope.set(key, list);
      }
    }
  }

  /** The short secrets found in `f`'s commit (or file), to redact in its texts besides the scan-wide ones. */
  shortSecretsOf(f: Pick<Finding, 'commit' | 'path'>): readonly string[] {
    return this.shortByScope.get(scopeOf(f)) ?? [];
  }

  addSecret(secret: string): void {
    if (!secret) return;
    this.cache.clear();
    this.keeps.clear();
    if (secret.length >= SCAN_WIDE_MIN) this.wholes.add(secret);
    this.index.add({ text: secret, secret, kind: 'whole' });
    const esc = jsonInner(secret);
    if (esc !== secret) this.index.add({ text: esc, secret, kind: 'whole' });
    for (const line of linesOf(secret)) this.index.add({ text: line, secret, kind: 'line' });
  }

  /** Distinct texts searched for. */
  get size(): number {
    return this.index.size;
  }

  /** true when `text` still holds a secret of the scan (tests and assertions). */
  holds(text: string): boolean {
    return this.scan(text, FULL, [], undefined) !== text;
  }

  /**
   * `text` with every secret of the scan shown as `how` says; `own` adds a finding's own
   * secrets, redacted whatever their length. Raw: `text` unchanged.
   */
  scrub(text: string, how: Shown, own: readonly string[] = []): string {
    if (how.kind === 'raw' || !text) return text;
    let extra: Entry[] | undefined;
    for (const s of own) {
      // the common case: the finding's own secret is in the index already, nothing to add
      if (!s || (this.index.byText.has(s) && !/[\r\n]/.test(s))) continue;
      for (const p of [{ text: s, secret: s, kind: 'whole' as const }, ...linesOf(s).map((l): Entry => ({ text: l, secret: s, kind: 'line' }))]) {
        if (!this.index.byText.has(p.text) && !extra?.some((x) => x.text === p.text)) (extra ??= []).push(p);
      }
    }
    if (!extra && text.length < K) return text;
    const keep = how.kind === 'percent' ? this.keepIndex(how.percent) : undefined;
    if (extra) return this.scan(text, how, extra, keep);
    const key = how.kind === 'percent' ? `p${how.percent}` : how.kind;
    let memo = this.cache.get(key);
    if (!memo) this.cache.set(key, (memo = new Map()));
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const out = this.scan(text, how, [], keep);
    memo.set(text, out);
    return out;
  }

  /**
   * --redact=N: each secret's shown form (its first characters and "...") is left as it is
   * when a pass meets it again, so a second pass (the final one) does not cut it further, nor
   * the whole lines of a multi-line secret that the shown form keeps.
   */
  private keepIndex(percent: number): Index {
    let idx = this.keeps.get(percent);
    if (!idx) {
      idx = new Index();
      for (const s of this.wholes) {
        const shown = redactPercent(s, percent);
        if (shown !== s) idx.add({ text: shown, secret: s, kind: 'keep' });
      }
      this.keeps.set(percent, idx);
    }
    return idx;
  }

  /**
   * One pass: at each position the longest text that starts there; overlapping finds merge into
   * one region, shown as its first find is and nothing more of it (two secrets that overlap,
   * "foo-abcd" and "abcdEFGH…", must not leave the second one's tail raw).
   */
  private scan(text: string, how: Shown, extra: readonly Entry[], keep: Index | undefined): string {
    const n = text.length;
    const indexed = this.index.size > 0 || (keep?.size ?? 0) > 0;
    if (!extra.length && (!indexed || n < K)) return text;
    let out = '';
    let last = 0;
    let first: Entry | undefined;
    let start = 0;
    let end = 0;
    let h = n >= K ? hashAt(text, 0) : 0;
    const { table, shift } = this.index.filter();
    const kf = keep?.filter();
    for (let i = 0; i < n; i++) {
      let best: Entry | undefined;
      if (indexed && i + K <= n) {
        const x = h >>> shift;
        if ((table[x >>> 5] ?? 0) & (1 << (x & 31))) best = this.index.at(text, i, h);
        if (keep && kf) {
          const y = h >>> kf.shift;
          const k = (kf.table[y >>> 5] ?? 0) & (1 << (y & 31)) ? keep.at(text, i, h) : undefined;
          if (k && (!best || k.text.length > best.text.length)) best = k;
        }
        // roll the hash to the window at i + 1 (int32 all along: the loop stays in integer code)
        if (i + K < n) h = (Math.imul((h - Math.imul(text.charCodeAt(i), BK1)) | 0, B) + text.charCodeAt(i + K)) | 0;
      }
      for (let j = 0; j < extra.length; j++) {
        const e = extra[j];
        if (e && (!best || e.text.length > best.text.length) && text.startsWith(e.text, i)) best = e;
      }
      if (!best) continue;
      if (first && i < end) {
        end = Math.max(end, i + best.text.length);
        continue;
      }
      if (first) {
        out += text.slice(last, start) + replacement(first, how);
        last = end;
      }
      first = best;
      start = i;
      end = i + best.text.length;
    }
    if (!first) return text;
    return out + text.slice(last, start) + replacement(first, how) + text.slice(end);
  }
}

function replacement(e: Entry, how: Shown): string {
  if (e.kind === 'keep' || how.kind === 'raw') return e.text;
  if (how.kind === 'percent') return redactPercent(e.kind === 'line' ? e.text : e.secret, how.percent);
  return e.kind === 'line' ? REDACTED_MARK : redactSecret(e.secret);
}

/** The context's scan-wide redactor, or one built from these findings (a writer called on its own). */
export function redactorFor(findings: readonly Finding[], ctx?: Pick<ReportContext, 'redactor'>): ScanRedactor {
  return ctx?.redactor ?? ScanRedactor.fromFindings(findings);
}

export interface ShownCommit {
  /** a locator: kept */
  sha: string;
  author: string;
  email: string;
  date: string;
  message: string;
}

/** A required part as reports show it: rule and place, never its secret. */
export interface ShownRequired {
  ruleId: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
}

/**
 * A finding as a report may show it. It has no raw secret or match: `secret` and `match` are
 * already redacted as the report's Shown says, every other text is redacted scan-wide. Only
 * the locators (rawPath, rawSymlinkFile, fingerprint, commit.sha) are as found.
 */
export interface ShownFinding {
  ruleId: string;
  description: string;
  /** the path for prose (redacted) */
  path: string;
  /** the path as a locator (File, uri, annotation file): as found */
  rawPath: string;
  rawSymlinkFile: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  /** the secret as shown: prefix***, gitleaks' N percent, or raw when redaction is off */
  secret: string;
  /** the match with its secrets shown as `secret` is */
  match: string;
  /** the finding had a secret */
  hasSecret: boolean;
  /** the finding had a secret or a match (not a path-only finding of the leak guard) */
  hasMatch: boolean;
  entropy: number;
  tags: string[];
  commit?: ShownCommit;
  fingerprint: string;
  requiredFindings: ShownRequired[];
  verified?: VerifyStatus;
}

/** Step 1 of every writer: the findings without raw secrets, every free text redacted. */
export function showFindings(findings: readonly Finding[], how: Shown, red: ScanRedactor, verified?: ReadonlyMap<Finding, VerifyStatus>): ShownFinding[] {
  return findings.map((f) => {
    const own = [secretOf(f), ...(f.requiredFindings ?? []).map(secretOf), ...red.shortSecretsOf(f)].filter(Boolean);
    const text = (s: string): string => red.scrub(s, how, own);
    const secret = how.kind === 'raw' ? f.secret : how.kind === 'percent' ? redactPercent(f.secret, how.percent) : redactSecret(f.secret);
    const c = f.commit;
    const v = verified?.get(f);
    return {
      ruleId: text(f.ruleId),
      description: text(f.description),
      path: text(f.path),
      rawPath: f.path,
      rawSymlinkFile: f.symlinkFile ?? '',
      startLine: f.startLine,
      endLine: f.endLine,
      startColumn: f.startColumn,
      endColumn: f.endColumn,
      secret,
      match: red.scrub(f.match, how, own),
      hasSecret: f.secret !== '',
      hasMatch: f.secret !== '' || f.match !== '',
      entropy: f.entropy,
      tags: f.tags.map(text),
      ...(c ? { commit: { sha: c.sha, author: text(c.author), email: text(c.email), date: text(c.date), message: red.scrub(c.message, how, own) } } : {}),
      fingerprint: f.fingerprint,
      requiredFindings: (f.requiredFindings ?? []).map((q) => ({
        ruleId: text(q.ruleId),
        startLine: q.startLine,
        endLine: q.endLine,
        startColumn: q.startColumn,
        endColumn: q.endColumn,
      })),
      ...(v ? { verified: v } : {}),
    };
  });
}

/**
 * Step 2 for JSON-shaped reports: every string in `value` (at any depth) scrubbed, except the
 * values of the locator keys in `keep`. Returns a copy; keys and order are kept.
 */
export function scrubDeep<T>(value: T, red: ScanRedactor, how: Shown, keep: ReadonlySet<string>): T {
  if (how.kind === 'raw') return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return red.scrub(v, how);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = keep.has(k) ? x : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
