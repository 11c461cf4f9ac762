import { runGitHubAction } from '../platform/entry.js';
import { oidcAssumeRole } from '../actions/oidc-assume-role.js';

await runGitHubAction(oidcAssumeRole);
