/**
 * What the user told us to ignore: `.gitleaksignore` fingerprints (commit:file:rule:line, or
 * file:rule:line, which also matches that line in every commit, as gitleaks does), and a
 * baseline (a previous gitleaks JSON report: findings already in it do not fail the step).
 *
 * Content-keyed entries survive a rebase: `file:rule:ps1-<hash>`, where the hash is
 * HMAC-SHA256 of the secret under a key derived from the rule id and a fixed constant
 * (contentHash below), truncated to 128 bits. No commit and no line: it still matches after a
 * rebase, a squash or a line move; a different secret on the same line has another hash and
 * is not hidden (gitleaks#2239). The key is public, so the hash protects only secrets too long
 * to guess (the ones rules find); it is never the secret itself.
 */
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { arr, isObject, type JsonObject } from '../core/json.js';
import { redactMatch, redactSecret } from './redact.js';
import type { Finding } from './types.js';

/** The documented derivation: key = SHA-256("pipeline-secrets/ignore/v1\0" + rule id). */
export const CONTENT_KEY_VERSION = 'ps1';

export function contentHash(ruleId: string, secret: string): string {
  const key = createHash('sha256').update(`pipeline-secrets/ignore/v1\0${ruleId}`).digest();
  return `${CONTENT_KEY_VERSION}-${createHmac('sha256', key).update(secret, 'utf8').digest('hex').slice(0, 32)}`;
}

/** The content-keyed .gitleaksignore entry of a finding: file:rule:ps1-<hash>. */
export function contentKey(f: Pick<Finding, 'path' | 'ruleId' | 'secret'>): string {
  return `${f.path}:${f.ruleId}:${contentHash(f.ruleId, f.secret)}`;
}

export class IgnoreList {
  readonly entries = new Set<string>();
  private readonly used = new Set<string>();

  constructor(
    text = '',
    readonly path = '',
  ) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line && !line.startsWith('#')) this.entries.add(line);
    }
  }

  static fromFile(path: string): IgnoreList {
    return existsSync(path) ? new IgnoreList(readFileSync(path, 'utf8'), path) : new IgnoreList('', path);
  }

  get size(): number {
    return this.entries.size;
  }

  has(f: Finding): boolean {
    for (const k of [f.fingerprint, `${f.path}:${f.ruleId}:${f.startLine}`, contentKey(f)]) {
      if (this.entries.has(k)) {
        this.used.add(k);
        return true;
      }
    }
    return false;
  }

  /** Entries that matched no finding of this scan (stale after a fix, or for commits outside the range). */
  unused(): string[] {
    return [...this.entries].filter((e) => !this.used.has(e));
  }

  /** Appends content-keyed entries for these findings (those not already listed); returns the new entries. */
  append(findings: readonly Finding[], note: string): string[] {
    const add = [...new Set(findings.map(contentKey))].filter((k) => !this.entries.has(k));
    if (!add.length || !this.path) return [];
    const before = existsSync(this.path) ? readFileSync(this.path, 'utf8') : '';
    const sep = before && !before.endsWith('\n') ? '\n' : '';
    appendFileSync(this.path, `${sep}# ${note}\n${add.join('\n')}\n`);
    for (const k of add) {
      this.entries.add(k);
      this.used.add(k);
    }
    return add;
  }

  /** Removes the unused entries from the file (comments and used entries stay); returns them. */
  prune(): string[] {
    const stale = new Set(this.unused());
    if (!stale.size || !this.path || !existsSync(this.path)) return [];
    const text = readFileSync(this.path, 'utf8');
    const kept = text.split(/\r?\n/).filter((l) => !stale.has(l.trim()));
    writeFileSync(this.path, kept.join('\n'));
    for (const k of stale) this.entries.delete(k);
    return [...stale];
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
  ignoreKey: string;
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
  /** content keys (IgnoreKey of our reports, or computed from an unredacted gitleaks report) */
  private readonly keys = new Set<string>();
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
        rule: s(raw, 'RuleID'),
        file: s(raw, 'File'),
        startLine: n(raw, 'StartLine'),
        endLine: n(raw, 'EndLine'),
        startColumn: n(raw, 'StartColumn'),
        endColumn: n(raw, 'EndColumn'),
        commit: s(raw, 'Commit'),
        secret: s(raw, 'Secret'),
        match: s(raw, 'Match'),
        ignoreKey: s(raw, 'IgnoreKey'),
      };
      if (e.ignoreKey) this.keys.add(e.ignoreKey);
      else if (e.secret && e.secret !== 'REDACTED' && !e.secret.endsWith('***')) this.keys.add(contentKey({ path: e.file, ruleId: e.rule, secret: e.secret }));
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
    if (this.keys.size && this.keys.has(contentKey(f))) return true;
    const bucket = this.byKey.get(`${f.ruleId}\0${f.path}\0${f.startLine}`);
    if (!bucket) return false;
    const sha = f.commit?.sha ?? '';
    return bucket.some(
      (b) =>
        b.endLine === f.endLine &&
        b.startColumn === f.startColumn &&
        b.endColumn === f.endColumn &&
        b.commit === sha &&
        (b.secret === f.secret || b.secret === redactSecret(f.secret) || b.secret === 'REDACTED' || b.match === redactMatch(f.match, f.secret)),
    );
  }
}
