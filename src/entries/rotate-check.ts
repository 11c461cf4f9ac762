import { runGitHubAction } from '../platform/entry.js';
import { rotateCheck } from '../actions/rotate-check.js';

await runGitHubAction(rotateCheck);
