/** vault-login: not built yet (placeholder so the registry and build are whole). */
import { UserError } from '../core/errors.js';
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const vaultLoginSpec: ActionSpec = { name: 'vault-login', summary: 'not available yet', inputs: [] };

export const vaultLogin: Action = {
  name: 'vault-login',
  async main() {
    throw new UserError('', 'vault-login is not available yet');
  },
};
