/**
 * What to scan, decided from the CI event (pure: no git, no I/O). The action then makes sure
 * the commits are present (sources/git-repo.ts) and fails closed when they cannot be.
 *
 * GitHub: push (before..after; a new branch against the default branch), pull_request and
 * pull_request_target (base.sha..head.sha, every commit, computed by git, so no API page
 * limit), merge_group (base_sha..head_sha), anything else the whole history. GitLab: the
 * merge request's diff base, else CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA. Local: the tree.
 */
import { UserError } from '../core/errors.js';
import { isObject, type JsonObject } from '../core/json.js';

export type ScanMode = 'auto' | 'diff' | 'history' | 'tree';

export type ScanPlan =
  | { kind: 'tree'; why: string }
  /** `all`: every ref (as gitleaks' `git log --all`), else the history of `head` alone */
  | { kind: 'history'; head: string; all: boolean; why: string }
  /** base..head; `baseRef` (a branch name) is fetched and used as base when `base` is absent */
  | { kind: 'range'; base?: string; baseRef?: string; head: string; why: string; fallbackHistory?: boolean; headRef?: string }
  | { kind: 'none'; why: string };

export interface PlanInput {
  platform: 'github' | 'gitlab' | 'local';
  eventName: string;
  event: unknown;
  env: (name: string) => string | undefined;
  mode: ScanMode;
  base: string;
  head: string;
}

const ZERO = /^0+$/;
const SHA = /^[0-9a-f]{7,64}$/i;

export function parseMode(raw: string): ScanMode {
  const v = raw.trim().toLowerCase() || 'auto';
  if (v === 'auto' || v === 'diff' || v === 'history' || v === 'tree') return v;
  throw new UserError('scan-mode', `expected auto, diff, history or tree, got "${raw.trim().slice(0, 40)}"`);
}

function field(o: JsonObject | undefined, ...path: string[]): string | undefined {
  let cur: unknown = o;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return typeof cur === 'string' && cur !== '' ? cur : undefined;
}

function sha(v: string | undefined, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (!SHA.test(v)) throw new UserError('', `the event's ${what} is not a commit SHA`);
  return v;
}

/** A revision from an input: it becomes a git argument, so it may not look like an option. */
function revInput(raw: string, input: string): string {
  const v = raw.trim();
  if (v.startsWith('-') || /[\s\0]/.test(v)) throw new UserError(input, 'expected a commit SHA, branch or tag name');
  return v;
}

export function planScan(p: PlanInput): ScanPlan {
  if (p.mode === 'tree') return { kind: 'tree', why: 'scan-mode tree' };
  const head = revInput(p.head, 'head');
  const base = revInput(p.base, 'base');
  // the whole history is every ref, as gitleaks scans it; a head given names the one history wanted
  if (p.mode === 'history') return { kind: 'history', head: head || 'HEAD', all: !head, why: 'scan-mode history' };
  if (base) {
    const plan: ScanPlan = { kind: 'range', base, head: head || fromEventHead(p) || 'HEAD', why: 'the base input' };
    // a branch name (BASE_REF: main) is fetched when it is not in the checkout
    if (!SHA.test(base)) plan.baseRef = base.replace(/^refs\/heads\//, '').replace(/^origin\//, '');
    return plan;
  }
  const auto = fromEvent(p, head);
  if (auto) return auto;
  if (p.mode === 'diff') {
    throw new UserError(
      'base',
      `scan-mode diff needs a range, and the ${p.eventName || 'local'} event has none: give base (and head), or use scan-mode history`,
    );
  }
  if (p.platform === 'local') return { kind: 'tree', why: 'a local run' };
  return { kind: 'history', head: head || 'HEAD', all: !head, why: `the ${p.eventName || 'unknown'} event has no range` };
}

/** The event's head commit, for a base given by input (BASE_REF) on an event with a range. */
function fromEventHead(p: PlanInput): string {
  if (p.platform !== 'github' || !isObject(p.event)) return '';
  const ev = p.event;
  const pr = field(ev, 'pull_request', 'head', 'sha');
  if (pr && SHA.test(pr)) return pr;
  const after = field(ev, 'after');
  return after && SHA.test(after) && !ZERO.test(after) ? after : '';
}

function fromEvent(p: PlanInput, headInput: string): ScanPlan | null {
  if (p.platform === 'github') return fromGitHub(p, headInput);
  if (p.platform === 'gitlab') return fromGitLab(p, headInput);
  return null;
}

function fromGitHub(p: PlanInput, headInput: string): ScanPlan | null {
  const ev = isObject(p.event) ? p.event : undefined;
  switch (p.eventName) {
    case 'push': {
      const after = sha(field(ev, 'after'), 'after');
      const before = sha(field(ev, 'before'), 'before');
      if (!after) throw new UserError('', 'the push event has no "after" commit: cannot pick the range (give base and head, or scan-mode history)');
      if (ZERO.test(after)) return { kind: 'none', why: 'the push deleted the branch' };
      const head = headInput || after;
      const defaultBranch = field(ev, 'repository', 'default_branch');
      const ref = field(ev, 'ref') ?? '';
      if (!before || ZERO.test(before)) {
        if (defaultBranch && ref !== `refs/heads/${defaultBranch}`) {
          return { kind: 'range', baseRef: defaultBranch, head, why: `a new branch: its commits not on ${defaultBranch}`, fallbackHistory: true };
        }
        return { kind: 'history', head, all: false, why: 'the first push of the default branch' };
      }
      if (before === after) return { kind: 'none', why: 'the push moved nothing (before = after)' };
      const plan: ScanPlan = { kind: 'range', base: before, head, why: 'the pushed commits (before..after)' };
      if (defaultBranch && ref !== `refs/heads/${defaultBranch}`) plan.baseRef = defaultBranch;
      // a force-push to the default branch whose old head is gone: nothing to diff against but the history
      else if (isObject(ev) && ev['forced'] === true) plan.fallbackHistory = true;
      return plan;
    }
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
    case 'pull_request_review_comment': {
      const base = sha(field(ev, 'pull_request', 'base', 'sha'), 'pull_request.base.sha');
      const head = sha(field(ev, 'pull_request', 'head', 'sha'), 'pull_request.head.sha');
      if (!base || !head) throw new UserError('', `the ${p.eventName} event has no pull_request.base.sha / head.sha: cannot pick the range`);
      const plan: ScanPlan = { kind: 'range', base, head: headInput || head, why: `the pull request's commits (base..head)` };
      const num = isObject(ev) && isObject(ev['pull_request']) ? ev['pull_request']['number'] : undefined;
      // the head of a fork's pull request is not in the base repository's branches: its pull ref is
      if (typeof num === 'number' && Number.isInteger(num) && num > 0 && !headInput) plan.headRef = `refs/pull/${num}/head`;
      if (p.eventName === 'pull_request_target') plan.why = "the pull request's commits, read as git objects (pull_request_target: never checked out)";
      return plan;
    }
    case 'merge_group': {
      const base = sha(field(ev, 'merge_group', 'base_sha'), 'merge_group.base_sha');
      const head = sha(field(ev, 'merge_group', 'head_sha'), 'merge_group.head_sha');
      if (!base || !head) throw new UserError('', 'the merge_group event has no base_sha / head_sha: cannot pick the range');
      return { kind: 'range', base, head: headInput || head, why: "the merge queue group's commits" };
    }
    default:
      return null;
  }
}

function fromGitLab(p: PlanInput, headInput: string): ScanPlan | null {
  const head = headInput || p.env('CI_COMMIT_SHA') || 'HEAD';
  const mrBase = p.env('CI_MERGE_REQUEST_DIFF_BASE_SHA');
  if (mrBase && !ZERO.test(mrBase))
    return { kind: 'range', base: sha(mrBase, 'CI_MERGE_REQUEST_DIFF_BASE_SHA') ?? mrBase, head, why: "the merge request's commits" };
  const source = p.env('CI_PIPELINE_SOURCE') ?? '';
  if (source === 'schedule' || source === 'web' || source === 'api' || source === 'trigger') return null;
  const before = p.env('CI_COMMIT_BEFORE_SHA');
  const branch = p.env('CI_COMMIT_BRANCH');
  const defaultBranch = p.env('CI_DEFAULT_BRANCH');
  if (before && !ZERO.test(before))
    return { kind: 'range', base: sha(before, 'CI_COMMIT_BEFORE_SHA') ?? before, head, why: 'the pushed commits (CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA)' };
  if (branch && defaultBranch && branch !== defaultBranch) {
    return { kind: 'range', baseRef: defaultBranch, head, why: `a new branch: its commits not on ${defaultBranch}`, fallbackHistory: true };
  }
  return null;
}
