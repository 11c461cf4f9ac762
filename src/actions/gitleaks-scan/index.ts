/** The gitleaks-scan action: main reads the config and runs the scan; there is no post step. */
import type { Action } from '../../platform/runner.js';
import { readConfig } from './config.js';
import { run } from './run.js';

export { gitleaksScanSpec } from './spec.js';

export const gitleaksScan: Action = {
  name: 'gitleaks-scan',

  async main(r) {
    await run(readConfig(r), r);
  },
};
