/**
 * Who removes the record: a reference count in the record's directory. Each action whose
 * main step recorded a secret and that has a post step takes a reference; each such post
 * step releases its own; the release that leaves none deletes the key and the record.
 * GitHub runs post steps in reverse order, so that is the post step of the first such
 * action, after every main step (and every guard run) of the job.
 * The count is an append-only file of "+id" / "-id" lines (one write each, O_APPEND), so two
 * steps appending at once cannot lose an update. Actions without a post step take no
 * reference; if no action of the job has one, the record stays until the runner wipes its
 * temp dir at the end of the job (GitHub deletes RUNNER_TEMP after every job).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendSecretFileSync } from '../core/files.js';
import { removeRecord } from './record.js';

export const REFS_FILE = 'guard-refs';

/** Takes a reference; returns its id (to save as state for the post step). */
export function acquire(dir: string): string {
  const id = randomBytes(8).toString('hex');
  appendSecretFileSync(join(dir, REFS_FILE), `+${id}\n`);
  return id;
}

export function liveRefs(dir: string): string[] {
  let text = '';
  try {
    text = readFileSync(join(dir, REFS_FILE), 'utf8');
  } catch {
    return [];
  }
  const live = new Set<string>();
  const released = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('+')) live.add(line.slice(1));
    else if (line.startsWith('-')) released.add(line.slice(1));
  }
  return [...live].filter((id) => !released.has(id));
}

/** Releases a reference; when none is left, deletes the record. Returns true if it deleted it. */
export function release(dir: string, id: string): boolean {
  appendSecretFileSync(join(dir, REFS_FILE), `-${id}\n`);
  if (liveRefs(dir).length > 0) return false;
  removeRecord(dir);
  rmSync(join(dir, REFS_FILE), { force: true });
  return true;
}
