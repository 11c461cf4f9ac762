/**
 * Where findings are: offsets of a fragment as lines and columns, the regions of a decoded pass
 * worth running rules on, fingerprints, and gitleaks' final ordering and generic-rule filter.
 */
import type { Pass } from '../kernels/decode.js';
import { Text } from './detect.js';
import { lineOf } from '../kernels/keywords.js';
import type { Finding, Fragment } from './types.js';

/** Positions of the original fragment as lines and columns. */
export class Located {
  private readonly t: Text;
  constructor(readonly f: Fragment) {
    this.t = new Text(f.text);
  }
  /** 0-based line index of a text offset */
  lineIndex(off: number): number {
    return lineOf(this.t.newlines(), off);
  }
  lineStart(idx: number): number {
    return idx === 0 ? 0 : (this.t.newlines()[idx - 1] ?? -1) + 1;
  }
  lineNumber(idx: number): number {
    return this.f.lineNumbers?.[idx] ?? idx + 1;
  }
  get text(): Text {
    return this.t;
  }
}

/** The lines around each decoded segment (2 before, 2 after, bounded), merged. */
export function regions(pass: Pass, maxLine: number): [number, number][] {
  const text = pass.text;
  const out: [number, number][] = [];
  for (const s of pass.segments) {
    let a = s.decStart;
    const lo = Math.max(0, s.decStart - maxLine);
    for (let k = 0; k < 3 && a > lo; k++) {
      const nl = text.lastIndexOf('\n', a - 1);
      a = nl < lo ? lo : nl;
    }
    let b = s.decEnd;
    const hi = Math.min(text.length, s.decEnd + maxLine);
    for (let k = 0; k < 3 && b < hi; k++) {
      const nl = text.indexOf('\n', b + 1);
      b = nl < 0 || nl > hi ? hi : nl;
    }
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function fingerprint(f: Fragment, ruleId: string, line: number): string {
  return f.commit ? `${f.commit.sha}:${f.path}:${ruleId}:${line}` : `${f.path}:${ruleId}:${line}`;
}

/** gitleaks' filter(): a generic finding yields to a specific rule's finding on the same line holding its secret. */
export function dropGenericDuplicates(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  return findings.filter((f) => {
    if (!f.ruleId.toLowerCase().includes('generic')) return true;
    return !findings.some(
      (o) =>
        o.startLine === f.startLine &&
        (o.commit?.sha ?? '') === (f.commit?.sha ?? '') &&
        o.ruleId !== f.ruleId &&
        o.secret.includes(f.secret) &&
        !o.ruleId.toLowerCase().includes('generic'),
    );
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
