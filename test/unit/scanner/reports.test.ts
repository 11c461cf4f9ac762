import { describe, expect, it } from '@jest/globals';
import { redactMatch, redactSecret } from '../../../src/scanner/redact.js';
import { Baseline, IgnoreList } from '../../../src/scanner/ignore.js';
import { findingAnnotations } from '../../../src/scanner/reports/annotations.js';
import { cell } from '../../../src/scanner/reports/summary.js';
import { reportTargets, parseFormats } from '../../../src/scanner/reports/index.js';
import type { Finding } from '../../../src/scanner/types.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'r',
    description: 'd',
    path: 'p.txt',
    startLine: 3,
    endLine: 3,
    startColumn: 5,
    endColumn: 20,
    match: 'key = abcdefghijklmnopqrst',
    secret: 'abcdefghijklmnopqrst',
    entropy: 4,
    tags: [],
    fingerprint: 'p.txt:r:3',
    ...over,
  };
}

describe('redaction, ignore, baseline, annotations', () => {
  it('shows at most a 4-character prefix, none for short secrets', () => {
    expect(redactSecret('abcdefghijklmnopqrst')).toBe('abcd***');
    expect(redactSecret('short-secret')).toBe('***');
    expect(redactMatch('key = abcdefghijklmnopqrst;', 'abcdefghijklmnopqrst')).toBe('key = abcd***;');
  });

  it('.gitleaksignore matches the full fingerprint or file:rule:line', () => {
    const ig = new IgnoreList(`# comment\n${'c'.repeat(40)}:p.txt:r:3\nq.txt:r:1\n`);
    expect(ig.has(finding({ fingerprint: `${'c'.repeat(40)}:p.txt:r:3` }))).toBe(true);
    expect(ig.has(finding({ path: 'q.txt', startLine: 1, fingerprint: `${'d'.repeat(40)}:q.txt:r:1` }))).toBe(true);
    expect(ig.has(finding())).toBe(false);
  });

  it('a baseline matches raw, our redaction or gitleaks REDACTED; errors name the input', () => {
    const entry = { RuleID: 'r', File: 'p.txt', StartLine: 3, EndLine: 3, StartColumn: 5, EndColumn: 20, Commit: '', Secret: 'abcd***', Match: '' };
    expect(new Baseline(JSON.stringify([entry]), 'b.json').has(finding())).toBe(true);
    expect(new Baseline(JSON.stringify([{ ...entry, Secret: 'REDACTED' }]), 'b.json').has(finding())).toBe(true);
    expect(new Baseline(JSON.stringify([{ ...entry, StartColumn: 6 }]), 'b.json').has(finding())).toBe(false);
    expect(() => new Baseline('{"not":"a list"}', 'b.json')).toThrow(/input "baseline"/);
  });

  it('annotates 10 findings and adds one notice for the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => finding({ startLine: i + 1 }));
    const a = findingAnnotations(many);
    expect(a.filter((x) => x.level === 'error')).toHaveLength(10);
    expect(a[10]?.message).toMatch(/^3 more findings/);
    expect(JSON.stringify(a)).not.toContain('abcdefghijklmnopqrst');
  });

  it('summary cells cannot break the table; report targets and formats', () => {
    expect(cell('a|b\nc<script>')).toBe('a\\|b c&lt;script&gt;');
    expect(reportTargets(['sarif', 'json'], 'out/report.json')).toEqual([
      { format: 'sarif', path: 'out/report.sarif' },
      { format: 'json', path: 'out/report.json' },
    ]);
    expect(reportTargets(['gitlab'], '')).toEqual([{ format: 'gitlab', path: 'gl-secret-detection-report.json' }]);
    expect(parseFormats('SARIF, gitleaks', 'report-format')).toEqual(['sarif', 'json']);
    expect(parseFormats('csv,junit', 'report-format')).toEqual(['csv', 'junit']);
    expect(() => parseFormats('html', 'report-format')).toThrow(/input "report-format"/);
  });
});
