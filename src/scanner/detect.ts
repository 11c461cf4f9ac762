/**
 * One rule over one piece of text: its regex in bounded windows around its keyword hits (or over
 * the whole text in bounded chunks), each match trimmed of newlines, secret = secretGroup or the
 * first non-empty group, entropy above the rule's, no `gitleaks:allow` on its line, and neither
 * the global nor the rule allowlists allowing it. Positions are offsets in the given text; the
 * engine turns them into findings (lines and columns of the original fragment).
 */
import { findingAllowed, type CompiledAllowlist } from './config/allowlist.js';
import type { CompiledRule } from './config/compile.js';
import { shannonEntropy } from './entropy.js';
import { chunks, newlineIndex, windowsAround, type WindowOptions } from '../kernels/keywords.js';

export const ALLOW_SIGNATURE = 'gitleaks:allow';
const SPAN_REACH = 131_072;
const MAX_WINDOW = 262_144;

/** A text to run rules on, with its newline index built only when a window needs it. */
export class Text {
  private nl: number[] | null = null;
  constructor(readonly text: string) {}
  newlines(): number[] {
    if (!this.nl) this.nl = newlineIndex(this.text);
    return this.nl;
  }
}

export interface RawMatch {
  /** offsets in the text, newlines trimmed */
  start: number;
  end: number;
  match: string;
  secret: string;
  entropy: number;
}

export interface Where {
  path: string;
  sha: string;
}

export class RuleRunner {
  constructor(
    private readonly global: readonly CompiledAllowlist[],
    readonly maxLine: number,
    private readonly ignoreAllow: boolean,
    private readonly onCapped: (path: string) => void,
  ) {}

  /** The rule's matches in `t` (hits: its keyword offsets; undefined: everywhere). */
  run(t: Text, rule: CompiledRule, hits: readonly number[] | undefined, where: Where): RawMatch[] {
    const re = rule.re;
    if (!re) return [];
    const text = t.text;
    const o: WindowOptions = {
      before: 2,
      after: rule.spansLines ? 2000 : 10,
      maxLine: rule.spansLines ? Math.max(this.maxLine, SPAN_REACH) : this.maxLine,
      maxWindow: MAX_WINDOW,
    };
    const win = hits ? windowsAround(text, t.newlines(), hits, o) : chunks(text, { ...o, maxLine: this.maxLine });
    if (win.capped) this.onCapped(where.path);
    const out: RawMatch[] = [];
    const seen = new Set<number>();
    for (const [ws, we] of win.spans) {
      const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
      re.lastIndex = 0;
      for (let m = re.exec(sub); m; m = re.exec(sub)) {
        const raw = m[0];
        if (raw === '') {
          re.lastIndex++;
          continue;
        }
        let lead = 0,
          trail = 0;
        while (lead < raw.length && raw.charCodeAt(lead) === 10) lead++;
        while (trail < raw.length - lead && raw.charCodeAt(raw.length - 1 - trail) === 10) trail++;
        const match = raw.slice(lead, raw.length - trail);
        if (match === '') continue;
        const start = ws + m.index + lead;
        if (seen.has(start)) continue;
        seen.add(start);
        const c = this.candidate(text, rule, m, match, start, where);
        if (c) out.push(c);
      }
    }
    return out;
  }

  private candidate(text: string, rule: CompiledRule, m: RegExpExecArray, match: string, start: number, where: Where): RawMatch | null {
    let secret = match;
    if (m.length >= 2) {
      if (rule.secretGroup > 0) secret = m[rule.secretGroup] ?? '';
      else {
        for (let g = 1; g < m.length; g++) {
          const s = m[g];
          if (s) {
            secret = s;
            break;
          }
        }
      }
    }
    const entropy = shannonEntropy(secret);
    if (rule.entropy !== 0 && entropy <= rule.entropy) return null;
    const end = start + match.length;
    const line = lineAround(text, start, end, this.maxLine);
    if (!this.ignoreAllow && line.includes(ALLOW_SIGNATURE)) return null;
    const c = { secret, match, line, path: where.path, sha: where.sha };
    if (findingAllowed(this.global, c) || findingAllowed(rule.allowlists, c)) return null;
    return { start, end, match, secret, entropy };
  }
}

/** The full line(s) holding [start, end), bounded for huge lines. */
export function lineAround(text: string, start: number, end: number, maxLine: number): string {
  const lo = Math.max(0, start - maxLine);
  let ls = start;
  while (ls > lo && text.charCodeAt(ls - 1) !== 10) ls--;
  const hi = Math.min(text.length, end + maxLine);
  let le = end;
  while (le < hi && text.charCodeAt(le) !== 10) le++;
  return text.slice(ls, le);
}
