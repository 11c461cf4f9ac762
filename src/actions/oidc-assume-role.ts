/** oidc-assume-role: not built yet (placeholder so the registry and build are whole). */
import { UserError } from '../core/errors.js';
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const oidcAssumeRoleSpec: ActionSpec = { name: 'oidc-assume-role', summary: 'not available yet', inputs: [] };

export const oidcAssumeRole: Action = {
  name: 'oidc-assume-role',
  async main() {
    throw new UserError('', 'oidc-assume-role is not available yet');
  },
};
