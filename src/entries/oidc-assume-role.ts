import { runGitHubAction } from '../platform/entry.js';
import { oidcAssumeRole } from '../actions/oidc-assume-role/index.js';

await runGitHubAction(oidcAssumeRole);
