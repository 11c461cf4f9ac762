/** Every action, for the CLI. */
import type { Action } from '../platform/runner.js';
import type { ActionSpec } from './spec.js';
import { vaultLogin, vaultLoginSpec } from './vault-login.js';
import { fetchSecrets, fetchSecretsSpec } from './fetch-secrets.js';
import { oidcAssumeRole, oidcAssumeRoleSpec } from './oidc-assume-role.js';
import { gitleaksScan, gitleaksScanSpec } from './gitleaks-scan.js';
import { rotateCheck, rotateCheckSpec } from './rotate-check.js';

export interface Registered {
  action: Action;
  spec: ActionSpec;
}

export const actions: Readonly<Record<string, Registered>> = {
  'vault-login': { action: vaultLogin, spec: vaultLoginSpec },
  'fetch-secrets': { action: fetchSecrets, spec: fetchSecretsSpec },
  'oidc-assume-role': { action: oidcAssumeRole, spec: oidcAssumeRoleSpec },
  'gitleaks-scan': { action: gitleaksScan, spec: gitleaksScanSpec },
  'rotate-check': { action: rotateCheck, spec: rotateCheckSpec },
};

/** Short names the CLI also accepts. */
export const aliases: Readonly<Record<string, string>> = { scan: 'gitleaks-scan', login: 'vault-login', fetch: 'fetch-secrets', rotate: 'rotate-check', 'assume-role': 'oidc-assume-role' };
