import { runGitHubAction } from '../platform/github/entry.js';
import { guardHooks } from '../guard/hooks.js';
import { rotateCheck } from '../actions/rotate-check/index.js';

await runGitHubAction(rotateCheck, { hooks: guardHooks });
