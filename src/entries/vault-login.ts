import { runGitHubAction } from '../platform/entry.js';
import { vaultLogin } from '../actions/vault-login.js';

await runGitHubAction(vaultLogin);
