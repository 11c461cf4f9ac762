import { runGitHubAction } from '../platform/github/entry.js';
import { guardHooks } from '../guard/hooks.js';
import { fetchSecrets } from '../actions/fetch-secrets/index.js';

await runGitHubAction(fetchSecrets, { hooks: guardHooks });
