/** The one top-level handler of every action, for every platform (GitHub's bundle entry: github/entry.ts). */
import { UserError, RemoteError, StepFailed, describeError } from '../core/errors.js';
import { PayloadError } from '../core/json.js';
import type { Action, Runner } from './runner.js';

export type Outcome = 'ok' | 'failed' | 'usage';

export function formatError(err: unknown): string {
  if (err instanceof UserError || err instanceof RemoteError || err instanceof StepFailed) return err.message;
  if (err instanceof PayloadError) return `unexpected response: ${err.message}`;
  return `internal error: ${describeError(err)}`;
}

export async function runAction(action: Action, r: Runner): Promise<Outcome> {
  try {
    if (r.isPost) {
      try {
        if (action.post) await action.post(r);
      } finally {
        guardRelease(r);
      }
    } else {
      r.prepareMain?.(action.post !== undefined);
      try {
        await action.main(r);
      } finally {
        guardAcquire(action, r);
      }
    }
    return 'ok';
  } catch (err) {
    r.setFailed(formatError(err));
    if (!(err instanceof UserError || err instanceof RemoteError || err instanceof StepFailed) && err instanceof Error && err.stack) {
      r.debug(err.stack);
    }
    return err instanceof UserError ? 'usage' : 'failed';
  }
}

const GUARD_STATE = 'guardRef';

/**
 * The leak guard's record (handed in as r.hooks) lives until the last post step of the job: an
 * action that recorded secrets and has a post step takes a reference; its post step releases it.
 * Only where the temp dir is the job's: a workstation's outlives any one run.
 */
function guardAcquire(action: Action, r: Runner): void {
  const afterMain = r.hooks?.afterMain;
  if (!action.post || !r.jobScoped || !afterMain) return;
  try {
    const ref = afterMain(r.tempDir());
    if (ref) r.saveState(GUARD_STATE, ref);
  } catch (err) {
    r.warning(`the leak guard could not count this step: ${err instanceof Error ? err.message : 'error'}`);
  }
}

function guardRelease(r: Runner): void {
  const afterPost = r.hooks?.afterPost;
  if (!afterPost) return;
  const id = r.getState(GUARD_STATE);
  if (!id) return;
  try {
    if (afterPost(r.tempDir(), id)) r.debug('leak guard: the last post step removed the record');
  } catch (err) {
    r.warning(`the leak guard could not remove its record: ${err instanceof Error ? err.message : 'error'}`);
  }
}
