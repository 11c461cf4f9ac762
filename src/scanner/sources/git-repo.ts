/**
 * Making sure the commits a scan needs are in the checkout. CI checkouts are shallow
 * (actions/checkout fetches one commit; GitLab 20 or 50): a range scanned there would stop at
 * the shallow boundary and pass silently. So: fetch missing commits by SHA, deepen until the
 * range reaches its merge base, unshallow as a last resort, and fail closed when git cannot.
 */
import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { git, gitOk, firstError, GitError } from './git.js';

export interface Prepared {
  base?: string;
  head: string;
  /** what was fetched, for the log */
  notes: string[];
}

const FETCH = ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet'];
const DEEPEN_STEPS = [50, 250, 1000];

export async function resolveCommit(cwd: string, rev: string): Promise<string | null> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await gitOk(cwd, ['rev-parse', '--is-shallow-repository'], 'git rev-parse')).trim() === 'true';
}

export async function repoRoot(cwd: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (r.code !== 0) throw new GitError(`${cwd} is not a git repository (${firstError(r.stderr)}); use scan-mode tree to scan files`);
  return r.stdout.trim();
}

async function remote(cwd: string): Promise<string> {
  const r = await git(cwd, ['remote']);
  const names = r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.includes('origin') ? 'origin' : (names[0] ?? '');
}

async function shallowCommits(cwd: string): Promise<Set<string>> {
  const p = (await gitOk(cwd, ['rev-parse', '--git-path', 'shallow'], 'git rev-parse')).trim();
  const abs = isAbsolute(p) ? p : join(cwd, p);
  if (!existsSync(abs)) return new Set();
  return new Set(
    readFileSync(abs, 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

async function fetch(cwd: string, args: readonly string[]): Promise<string | null> {
  const r = await git(cwd, [...FETCH, ...args]);
  return r.code === 0 ? null : firstError(r.stderr) || `git fetch exited with ${r.code}`;
}

/** Makes `rev` (a SHA) present, fetching it from the remote if needed. Returns the error, or null. */
async function ensureCommit(cwd: string, rev: string, notes: string[]): Promise<string | null> {
  if (await resolveCommit(cwd, rev)) return null;
  const origin = await remote(cwd);
  if (!origin) return 'the repository has no remote to fetch it from';
  const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
  const err = await fetch(cwd, [...depth, origin, rev]);
  if (err) return err;
  if (!(await resolveCommit(cwd, rev))) return 'git fetch did not bring it';
  notes.push(`fetched commit ${rev.slice(0, 12)} from ${origin}`);
  return null;
}

/** Fetches branch `name` of the remote; returns its commit, or null with the error in notes. */
async function fetchBranch(cwd: string, name: string, notes: string[]): Promise<{ sha?: string; error?: string }> {
  const origin = await remote(cwd);
  if (!origin) return { error: 'the repository has no remote' };
  const tracking = `refs/remotes/${origin}/${name}`;
  const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
  const err = await fetch(cwd, [...depth, origin, `+refs/heads/${name}:${tracking}`]);
  if (err) {
    const local = await resolveCommit(cwd, tracking);
    return local ? { sha: local } : { error: err };
  }
  const sha = await resolveCommit(cwd, tracking);
  if (!sha) return { error: 'git fetch did not bring it' };
  notes.push(`fetched branch ${name} from ${origin}`);
  return { sha };
}

/** True when base..head is whole: no commit of it is a shallow boundary and the merge base exists. */
async function rangeComplete(cwd: string, base: string, head: string): Promise<boolean> {
  if (!(await isShallow(cwd))) return true;
  const shallow = await shallowCommits(cwd);
  const list = await gitOk(cwd, ['rev-list', `${base}..${head}`], 'git rev-list');
  for (const c of list.split('\n')) if (c && shallow.has(c.trim())) return false;
  const mb = await git(cwd, ['merge-base', base, head]);
  return mb.code === 0 && mb.stdout.trim() !== '';
}

async function deepenUntil(cwd: string, done: () => Promise<boolean>, notes: string[], what: string): Promise<void> {
  if (await done()) return;
  const origin = await remote(cwd);
  if (!origin) throw new GitError(`the checkout is shallow and ${what} is incomplete, and there is no remote to fetch from: check out with fetch-depth: 0`);
  for (const n of DEEPEN_STEPS) {
    const err = await fetch(cwd, [`--deepen=${n}`, origin]);
    if (err) throw new GitError(`the checkout is shallow and deepening it failed: ${err}. Check out with fetch-depth: 0`);
    notes.push(`the checkout is shallow: deepened it by ${n} commits`);
    if (await done()) return;
  }
  const err = await fetch(cwd, ['--unshallow', origin]);
  if (err) throw new GitError(`the checkout is shallow and fetching the full history failed: ${err}. Check out with fetch-depth: 0`);
  notes.push('the checkout is shallow: fetched the full history');
  if (!(await done())) throw new GitError(`${what} is still incomplete after fetching the full history: refusing to scan part of it`);
}

export interface RangeRequest {
  base?: string;
  baseRef?: string;
  head: string;
  /** a ref holding head on the remote (refs/pull/N/head), fetched when head is missing */
  headRef?: string;
}

/** Fetches a pull request's head ref into refs/remotes/<remote>/pull/N/head (objects only: nothing is checked out). */
async function fetchHeadRef(cwd: string, ref: string, notes: string[]): Promise<string | null> {
  if (!/^refs\/pull\/\d+\/head$/.test(ref)) return 'not a pull request ref';
  const origin = await remote(cwd);
  if (!origin) return 'the repository has no remote to fetch it from';
  const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
  const local = `refs/remotes/${origin}/${ref.slice('refs/'.length)}`;
  const err = await fetch(cwd, [...depth, origin, `+${ref}:${local}`]);
  if (err) return err;
  notes.push(`fetched the pull request head ${ref} from ${origin} (as git objects; nothing checked out)`);
  return null;
}

/** Makes base..head scannable (or fails closed). Without a usable base, returns no base (scan the history of head). */
export async function prepareRange(cwd: string, req: RangeRequest, allowHistory: boolean): Promise<Prepared> {
  const notes: string[] = [];
  if (req.headRef && !(await resolveCommit(cwd, req.head))) {
    const refErr = await fetchHeadRef(cwd, req.headRef, notes);
    if (refErr) notes.push(`the pull request ref ${req.headRef} could not be fetched (${refErr}): fetching the head commit by SHA`);
  }
  const headErr = await ensureCommit(cwd, req.head, notes);
  if (headErr) throw new GitError(`the head commit ${short(req.head)} is not in the checkout and could not be fetched: ${headErr}`);
  const head = (await resolveCommit(cwd, req.head)) ?? req.head;
  let base: string | undefined;
  if (req.base) {
    const err = await ensureCommit(cwd, req.base, notes);
    if (!err) base = (await resolveCommit(cwd, req.base)) ?? req.base;
    else if (req.baseRef)
      notes.push(
        `the base commit ${short(req.base)} is unreachable (${err}; a force-push?): scanning the commits not on ${req.baseRef}, from their merge base with it`,
      );
    else if (allowHistory)
      notes.push(`the base commit ${short(req.base)} is unreachable (${err}; a force-push?): scanning the whole history of ${short(head)}`);
    else throw new GitError(`the base commit ${short(req.base)} is not in the checkout and could not be fetched: ${err}`);
  }
  if (!base && req.baseRef) {
    const r = await fetchBranch(cwd, req.baseRef, notes);
    if (r.sha) base = r.sha;
    else if (allowHistory) notes.push(`branch ${req.baseRef} could not be fetched (${r.error ?? ''}): scanning the whole history of ${short(head)}`);
    else throw new GitError(`branch ${req.baseRef} could not be fetched: ${r.error ?? ''}`);
  }
  if (base) {
    const b = base;
    await deepenUntil(cwd, () => rangeComplete(cwd, b, head), notes, `the range ${short(b)}..${short(head)}`);
    return { base, head, notes };
  }
  await prepareHistory(cwd, notes);
  return { head, notes };
}

/** The whole history needs a complete clone. */
export async function prepareHistory(cwd: string, notes: string[]): Promise<void> {
  if (!(await isShallow(cwd))) return;
  const origin = await remote(cwd);
  const err = origin ? await fetch(cwd, ['--unshallow', origin]) : 'the repository has no remote';
  if (err) throw new GitError(`the checkout is shallow and the full history could not be fetched: ${err}. Check out with fetch-depth: 0`);
  notes.push('the checkout is shallow: fetched the full history');
  if (await isShallow(cwd)) throw new GitError('the checkout is still shallow after fetching the full history: refusing to scan part of it');
}

function short(rev: string): string {
  return /^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 12) : rev;
}
