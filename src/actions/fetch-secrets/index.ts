/**
 * The fetch-secrets action: main reads the config (every input checked, the entries parsed
 * once) and runs; post removes the files and revokes the leases and the token main left.
 * vault-action's camelCase input names are resolved for both (the spec's aliases).
 */
import type { Action } from '../../platform/runner.js';
import { withInputAliases } from '../aliases.js';
import { readConfig } from './config.js';
import { post } from './post.js';
import { run } from './run.js';
import { fetchSecretsSpec } from './spec.js';

export { fetchSecretsSpec };

export const fetchSecrets: Action = withInputAliases(
  {
    name: 'fetch-secrets',
    async main(r) {
      await run(readConfig(r), r);
    },
    post,
  },
  fetchSecretsSpec.inputs,
);
