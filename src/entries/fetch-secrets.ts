import { runGitHubAction } from '../platform/entry.js';
import { fetchSecrets } from '../actions/fetch-secrets.js';

await runGitHubAction(fetchSecrets);
