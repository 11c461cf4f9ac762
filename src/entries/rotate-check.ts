import { runGitHubAction } from '../platform/github/entry.js';
import { guardHooks } from '../guard/hooks.js';
import { rotateCheck } from '../actions/rotate-check.js';

await runGitHubAction(rotateCheck, { hooks: guardHooks });
