import { runGitHubAction } from '../platform/github/entry.js';
import { guardHooks } from '../guard/hooks.js';
import { vaultLogin } from '../actions/vault-login/index.js';

await runGitHubAction(vaultLogin, { hooks: guardHooks });
