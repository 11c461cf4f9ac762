/**
 * The vault-login action: main reads the config (every input checked, secrets masked) and logs
 * in; post revokes the token it created. vault-action's camelCase input names are resolved for
 * both (the spec's aliases).
 */
import type { Action } from '../../platform/runner.js';
import { withInputAliases } from '../aliases.js';
import { readConfig } from './config.js';
import { post } from './post.js';
import { run } from './run.js';
import { vaultLoginSpec } from './spec.js';

export { vaultLoginSpec };

export const vaultLogin: Action = withInputAliases(
  {
    name: 'vault-login',
    async main(r) {
      await run(readConfig(r), r);
    },
    post,
  },
  vaultLoginSpec.inputs,
);
