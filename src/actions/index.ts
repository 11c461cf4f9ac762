/**
 * Every action, for the CLI, loaded when it is run: `pipeline-secrets scan` reads the scanner's
 * modules and not the AWS SDK (the bundle splits each import() into a chunk of its own).
 */
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';

export interface Registered {
  action: Action;
  spec: ActionSpec;
}

export const actions: Readonly<Record<string, () => Promise<Registered>>> = {
  'vault-login': async () => {
    const m = await import('./vault-login/index.js');
    return { action: m.vaultLogin, spec: m.vaultLoginSpec };
  },
  'fetch-secrets': async () => {
    const m = await import('./fetch-secrets/index.js');
    return { action: m.fetchSecrets, spec: m.fetchSecretsSpec };
  },
  'oidc-assume-role': async () => {
    const m = await import('./oidc-assume-role/index.js');
    return { action: m.oidcAssumeRole, spec: m.oidcAssumeRoleSpec };
  },
  'gitleaks-scan': async () => {
    const m = await import('./gitleaks-scan/index.js');
    return { action: m.gitleaksScan, spec: m.gitleaksScanSpec };
  },
  'rotate-check': async () => {
    const m = await import('./rotate-check/index.js');
    return { action: m.rotateCheck, spec: m.rotateCheckSpec };
  },
};

/** Short names the CLI also accepts. */
export const aliases: Readonly<Record<string, string>> = {
  scan: 'gitleaks-scan',
  login: 'vault-login',
  fetch: 'fetch-secrets',
  rotate: 'rotate-check',
  'assume-role': 'oidc-assume-role',
};

/** Every action, loaded one after another (for the usage text and the tests). */
export async function allActions(): Promise<Registered[]> {
  const out: Registered[] = [];
  for (const load of Object.values(actions)) out.push(await load());
  return out;
}
