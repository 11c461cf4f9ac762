import { runGitHubAction } from '../platform/github/entry.js';
import { guardHooks } from '../guard/hooks.js';
import { oidcAssumeRole } from '../actions/oidc-assume-role/index.js';

await runGitHubAction(oidcAssumeRole, { hooks: guardHooks });
