/** gitleaks-scan: not built yet (placeholder so the registry and build are whole). */
import { UserError } from '../core/errors.js';
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export const gitleaksScanSpec: ActionSpec = { name: 'gitleaks-scan', summary: 'not available yet', inputs: [] };

export const gitleaksScan: Action = {
  name: 'gitleaks-scan',
  async main() {
    throw new UserError('', 'gitleaks-scan is not available yet');
  },
};
