/** The rotate-check action: main reads the config (every input checked first) and runs the checks; no post step. */
import type { Action } from '../../platform/runner.js';
import { readConfig } from './config.js';
import { run } from './run.js';

export { rotateCheckSpec } from './spec.js';

export const rotateCheck: Action = {
  name: 'rotate-check',
  async main(r) {
    await run(readConfig(r), r);
  },
};
