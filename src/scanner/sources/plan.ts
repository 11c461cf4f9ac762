/**
 * From a scan plan to a source: makes the commits present (fetching, deepening, failing
 * closed) and says what will be scanned. Kept apart from the action so the CLI and CI share it.
 */
import type { ScanPlan } from '../range.js';
import type { SourceSpec } from '../run.js';
import { prepareHistory, prepareRange, repoRoot, resolveCommit, type RangeRequest } from './git-repo.js';
import { GitError } from './git.js';

export interface ChosenSource {
  source: SourceSpec | null;
  /** the directory config, .gitleaksignore and paths are relative to */
  root: string;
  target: string;
  notes: string[];
}

export async function sourceFor(plan: ScanPlan, dir: string): Promise<ChosenSource> {
  if (plan.kind === 'tree')
    return { source: { kind: 'tree', root: dir }, root: dir, target: `the files under ${dir === '.' ? 'the workspace' : dir}`, notes: [] };
  const root = await repoRoot(dir);
  if (plan.kind === 'none') return { source: null, root, target: 'nothing', notes: [`nothing to scan: ${plan.why}`] };
  if (plan.kind === 'history') {
    const notes: string[] = [];
    await prepareHistory(root, notes);
    if (plan.all) {
      // every ref, each commit once (git log --all walks the union): a side branch or a tag HEAD does not reach is scanned too
      if (!(await resolveCommit(root, 'HEAD'))) throw new GitError('cannot scan the history: the repository has no commits');
      return { source: { kind: 'git', cwd: root, revisions: [], all: true }, root, target: 'the history of every ref', notes };
    }
    const head = await resolveCommit(root, plan.head);
    if (!head) throw new GitError(`cannot scan the history of ${plan.head}: no such commit in the checkout`);
    return { source: { kind: 'git', cwd: root, revisions: [head] }, root, target: `the history of ${short(head)}`, notes };
  }
  const req: RangeRequest = { head: plan.head };
  if (plan.base) req.base = plan.base;
  if (plan.baseRef) req.baseRef = plan.baseRef;
  if (plan.headRef) req.headRef = plan.headRef;
  const p = await prepareRange(root, req, plan.fallbackHistory === true);
  if (p.base && p.base === p.head) {
    return { source: null, root, target: 'nothing', notes: [...p.notes, `nothing to scan: base and head are the same commit (${short(p.head)})`] };
  }
  if (!p.base) return { source: { kind: 'git', cwd: root, revisions: [p.head] }, root, target: `the history of ${short(p.head)}`, notes: p.notes };
  return {
    source: { kind: 'git', cwd: root, revisions: [`${p.base}..${p.head}`] },
    root,
    target: `commits ${short(p.base)}..${short(p.head)} (${plan.why})`,
    notes: p.notes,
  };
}

/** gitleaks' --log-opts: exactly `git log <log-opts>` (no --all added), over a complete clone. */
export async function sourceForLogOpts(logOpts: readonly string[], dir: string): Promise<ChosenSource> {
  const root = await repoRoot(dir);
  const notes: string[] = [];
  await prepareHistory(root, notes);
  return { source: { kind: 'git', cwd: root, revisions: [], logOpts }, root, target: `git log ${logOpts.join(' ')}`, notes };
}

export function short(rev: string): string {
  return /^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 12) : rev;
}
