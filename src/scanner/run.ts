/**
 * One scan, action-neutral: a source's fragments through the engine, then .gitleaksignore
 * and the baseline. Reports and the runner are the caller's business.
 */
import type { Finding, Fragment, Scanner, Skipped } from './types.js';
import { walkTree } from './sources/tree.js';
import { gitLogFragments, stagedFragments } from './sources/git.js';
import { stdinFragments } from './sources/stdin.js';
import { newStats, type SourceStats } from './sources/stats.js';
import type { Baseline, IgnoreList } from './ignore.js';
import type { ArchiveLimits } from './archive/walk.js';

export const TOOL_NAME = 'pipeline-secrets';
export const TOOL_VERSION = '1.0.0';
export const TOOL_URI = 'https://github.com/pipeline-secrets/pipeline-secrets';

export type SourceSpec =
  | { kind: 'tree'; root: string }
  | { kind: 'git'; cwd: string; revisions: readonly string[]; paths?: readonly string[]; all?: boolean; logOpts?: readonly string[] }
  | { kind: 'staged'; cwd: string; paths?: readonly string[] }
  | { kind: 'stdin'; stream: AsyncIterable<Buffer | string>; name: string };

export interface RunOptions {
  /** isPathAllowed: paths allowed outright by the config are not read (tree scans) */
  scanner: Scanner & { skipped?: readonly Skipped[]; isPathAllowed?: (path: string) => boolean };
  source: SourceSpec;
  /** size cap per file (tree) or per file change (git); 0: none */
  maxBytes: number;
  /** open archives (zip, tar, gzip) up to archive.maxDepth; absent: archives are binary files */
  archive?: ArchiveLimits;
  ignore?: IgnoreList;
  baseline?: Baseline;
}

export interface RunResult {
  /** findings that count (not ignored, not in the baseline) */
  findings: Finding[];
  /** the ignored and baselined findings: not reported, but their secrets are redacted from every report */
  suppressed: Finding[];
  ignored: number;
  baselined: number;
  skipped: Skipped[];
  stats: SourceStats;
  seconds: number;
}

export function fragments(
  source: SourceSpec,
  opts: { maxBytes: number; skipped: Skipped[]; stats: SourceStats; archive?: ArchiveLimits; skipPath?: (path: string) => boolean },
): Iterable<Fragment> | AsyncIterable<Fragment> {
  switch (source.kind) {
    case 'tree':
      return walkTree(source.root, opts);
    case 'git':
      return gitLogFragments(source.cwd, source.revisions, opts, source.paths, {
        ...(source.all ? { all: true } : {}),
        ...(source.logOpts ? { logOpts: source.logOpts } : {}),
      });
    case 'staged':
      return stagedFragments(source.cwd, opts, source.paths);
    case 'stdin':
      return stdinFragments(source.stream, source.name, opts);
  }
}

export async function runScan(o: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const skipped: Skipped[] = [];
  const stats = newStats();
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  let ignored = 0;
  let baselined = 0;
  const engineSkippedBefore = o.scanner.skipped?.length ?? 0;
  const scanner = o.scanner;
  const skipPath = scanner.isPathAllowed ? (p: string): boolean => scanner.isPathAllowed?.(p) ?? false : undefined;
  for await (const frag of fragments(o.source, {
    maxBytes: o.maxBytes,
    skipped,
    stats,
    ...(o.archive ? { archive: o.archive } : {}),
    ...(skipPath ? { skipPath } : {}),
  })) {
    for (const f of o.scanner.scan(frag)) {
      if (o.ignore?.has(f)) {
        ignored++;
        suppressed.push(f);
      } else if (o.baseline?.has(f)) {
        baselined++;
        suppressed.push(f);
      } else findings.push(f);
    }
  }
  const engineSkipped = o.scanner.skipped?.slice(engineSkippedBefore) ?? [];
  return { findings, suppressed, ignored, baselined, skipped: [...skipped, ...engineSkipped], stats, seconds: (performance.now() - t0) / 1000 };
}

/** Control characters of untrusted text (paths, commit messages) shown as '?' in logs, so nothing can forge a runner command. */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}
