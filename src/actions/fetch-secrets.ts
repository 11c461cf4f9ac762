/** fetch-secrets: not built yet (placeholder so the registry and build are whole). */
import { UserError } from '../core/errors.js';
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const fetchSecretsSpec: ActionSpec = { name: 'fetch-secrets', summary: 'not available yet', inputs: [] };

export const fetchSecrets: Action = {
  name: 'fetch-secrets',
  async main() {
    throw new UserError('', 'fetch-secrets is not available yet');
  },
};
