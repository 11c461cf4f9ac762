/**
 * What the user told us to ignore: `.gitleaksignore` fingerprints (commit:file:rule:line, or
 * file:rule:line, which also matches that line in every commit, as gitleaks does), and a
 * baseline (a previous gitleaks JSON report: findings already in it do not fail the step).
 */
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { arr, isObject, type JsonObject } from '../core/json.js';
import { redactMatch, redactSecret } from './redact.js';
import type { Finding } from './types.js';

export class IgnoreList {
  readonly entries = new Set<string>();

  constructor(text = '') {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line && !line.startsWith('#')) this.entries.add(line);
    }
  }

  static fromFile(path: string): IgnoreList {
    return existsSync(path) ? new IgnoreList(readFileSync(path, 'utf8')) : new IgnoreList();
  }

  get size(): number {
    return this.entries.size;
  }

  has(f: Finding): boolean {
    if (this.entries.has(f.fingerprint)) return true;
    return this.entries.has(`${f.path}:${f.ruleId}:${f.startLine}`);
  }
}

interface BaselineEntry {
  rule: string;
  file: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  commit: string;
  secret: string;
  match: string;
}

function s(o: JsonObject, k: string): string {
  const v = o[k];
  return typeof v === 'string' ? v : '';
}

function n(o: JsonObject, k: string): number {
  const v = o[k];
  return typeof v === 'number' ? v : -1;
}

/**
 * gitleaks compares every field but the fingerprint; reports (ours, or gitleaks --redact) may
 * hold the secret redacted, so the secret matches raw, as we redact it, or as "REDACTED".
 */
export class Baseline {
  private readonly byKey = new Map<string, BaselineEntry[]>();
  readonly size: number;

  constructor(text: string, source: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UserError('baseline', `${source} is not a JSON report (expected gitleaks' JSON array of findings)`);
    }
    let list: readonly unknown[];
    try {
      list = arr(parsed, source);
    } catch {
      throw new UserError('baseline', `${source} is not a gitleaks JSON report (expected an array of findings)`);
    }
    list.forEach((raw, i) => {
      if (!isObject(raw) || typeof raw['RuleID'] !== 'string') throw new UserError('baseline', `${source}: entry ${i} is not a gitleaks finding (no RuleID)`);
      const e: BaselineEntry = {
        rule: s(raw, 'RuleID'), file: s(raw, 'File'), startLine: n(raw, 'StartLine'), endLine: n(raw, 'EndLine'),
        startColumn: n(raw, 'StartColumn'), endColumn: n(raw, 'EndColumn'), commit: s(raw, 'Commit'), secret: s(raw, 'Secret'), match: s(raw, 'Match'),
      };
      const key = `${e.rule}\0${e.file}\0${e.startLine}`;
      const bucket = this.byKey.get(key) ?? [];
      bucket.push(e);
      this.byKey.set(key, bucket);
    });
    this.size = list.length;
  }

  static fromFile(path: string): Baseline {
    if (!existsSync(path)) throw new UserError('baseline', `the baseline report ${path} does not exist`);
    return new Baseline(readFileSync(path, 'utf8'), path);
  }

  has(f: Finding): boolean {
    const bucket = this.byKey.get(`${f.ruleId}\0${f.path}\0${f.startLine}`);
    if (!bucket) return false;
    const sha = f.commit?.sha ?? '';
    return bucket.some((b) =>
      b.endLine === f.endLine && b.startColumn === f.startColumn && b.endColumn === f.endColumn && b.commit === sha &&
      (b.secret === f.secret || b.secret === redactSecret(f.secret) || b.secret === 'REDACTED' || b.match === redactMatch(f.match, f.secret)));
  }
}
