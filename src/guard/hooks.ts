/**
 * The guard's side of the runner's hooks (RunnerHooks in platform/runner.ts). The entries and the
 * CLI hand these to the platform, so the platform never imports the guard: it calls them where it
 * decides to (on a runner whose temp dir is the job's, unless PIPELINE_SECRETS_GUARD is false) and
 * warns when one throws. `dir` is the runner's private temp dir.
 */
import { recordSecret, recordedInto } from './record.js';
import { acquire, release } from './refs.js';

export const guardHooks = {
  /** records a keyed hash of each form of a secret, never the value (record.ts) */
  secret(dir: string, value: string, what: string): void {
    recordSecret(dir, value, what);
  },
  /**
   * After the main step of an action with a post step: when this process recorded into `dir`, a
   * reference that keeps the record until that post step (refs.ts); undefined otherwise.
   */
  afterMain(dir: string): string | undefined {
    return recordedInto(dir) ? acquire(dir) : undefined;
  },
  /** After the post step: releases its reference; true when it was the last and the record is gone. */
  afterPost(dir: string, ref: string): boolean {
    return release(dir, ref);
  },
};
