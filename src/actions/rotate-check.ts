/** rotate-check: not built yet (placeholder so the registry and build are whole). */
import { UserError } from '../core/errors.js';
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const rotateCheckSpec: ActionSpec = { name: 'rotate-check', summary: 'not available yet', inputs: [] };

export const rotateCheck: Action = {
  name: 'rotate-check',
  async main() {
    throw new UserError('', 'rotate-check is not available yet');
  },
};
