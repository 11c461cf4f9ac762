import { runAction } from '../run-action.js';
import type { Action, RunnerHooks } from '../runner.js';
import type { ArtifactUploader } from './artifact.js';
import { GitHubRunner } from './runner.js';

/** Entry point of a GitHub action bundle: main and post share one file. */
export async function runGitHubAction(action: Action, opts: { artifacts?: ArtifactUploader; hooks?: RunnerHooks } = {}): Promise<void> {
  const outcome = await runAction(action, new GitHubRunner(process.env, opts));
  // Open keep-alive sockets must not hold the step, but stdout must reach the runner first: a
  // pipe takes writes asynchronously once full, and exiting then drops the rest (add-mask
  // commands of a large secret among them). A write's callback runs once every earlier one is out.
  await Promise.all(
    [process.stdout, process.stderr].map(
      (s) =>
        new Promise<void>((resolve) => {
          setTimeout(resolve, 30_000).unref();
          s.write('', () => resolve());
        }),
    ),
  );
  process.exit(outcome === 'ok' ? 0 : 1);
}
