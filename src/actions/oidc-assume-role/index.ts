/**
 * The oidc-assume-role action: main reads the config (masking the key inputs first) and runs;
 * post takes back the profile files and variables main handed to the job.
 */
import type { Action } from '../../platform/runner.js';
import { readConfig } from './config.js';
import { cleanUp } from './post.js';
import { run } from './run.js';

export { oidcAssumeRoleSpec } from './spec.js';

export const oidcAssumeRole: Action = {
  name: 'oidc-assume-role',

  async main(r) {
    await run(readConfig(r), r);
  },

  async post(r) {
    await cleanUp(r);
  },
};
