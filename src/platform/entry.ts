/** The one top-level handler of every action, for every platform. */
import { UserError, RemoteError, describeError } from '../core/errors.js';
import { PayloadError } from '../core/json.js';
import { GitHubRunner } from './github.js';
import type { Action, Runner } from './runner.js';

export type Outcome = 'ok' | 'failed' | 'usage';

/** Thrown by an action to fail the step without an error trace (e.g. findings). */
export class StepFailed extends Error {
  override readonly name = 'StepFailed';
}

export function formatError(err: unknown): string {
  if (err instanceof UserError || err instanceof RemoteError || err instanceof StepFailed) return err.message;
  if (err instanceof PayloadError) return `unexpected response: ${err.message}`;
  return `internal error: ${describeError(err)}`;
}

export async function runAction(action: Action, r: Runner): Promise<Outcome> {
  try {
    if (r.isPost) {
      if (action.post) await action.post(r);
    } else {
      if (action.post && r.platform === 'github') r.saveState('isPost', 'true');
      await action.main(r);
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

/** Entry point of a GitHub action bundle: main and post share one file. */
export async function runGitHubAction(action: Action): Promise<void> {
  const outcome = await runAction(action, new GitHubRunner());
  // Open keep-alive sockets must not hold the step: everything is written synchronously.
  process.exit(outcome === 'ok' ? 0 : 1);
}
