/**
 * vault-login's inputs: the Vault connection and login inputs (hashicorp/vault-action's names as
 * aliases), what it hands out, and vault-action's secret inputs, declared so a copied `with:`
 * block parses. action.yml, the GitLab component and --help are checked against this.
 */
import type { ActionSpec } from '../spec.js';
import { vaultActionLoginInputs, withVaultActionAliases } from '../shared/vault-inputs.js';

/** vault-action inputs about secrets: declared so a `with:` block copied from vault-action parses; vault-login fetches nothing. */
export const FETCH_ONLY = ['secrets', 'pki', 'exportEnv', 'ignoreNotFound', 'secretEncodingType'] as const;

export const vaultLoginSpec: ActionSpec = {
  name: 'vault-login',
  summary: 'log in to Vault (GitHub/GitLab OIDC, AppRole, Kubernetes or a token), export the token masked, revoke it when the job ends',
  inputs: [
    ...vaultActionLoginInputs,
    ...withVaultActionAliases([
      { name: 'export-token', description: 'export VAULT_ADDR, VAULT_TOKEN and VAULT_NAMESPACE into the job environment for later steps', default: 'true' },
    ]),
    { name: 'revoke', description: 'revoke the token in the post step (auth/token/revoke-self) when this step created it', default: 'true' },
    ...FETCH_ONLY.map((name) => ({
      name,
      description: `accepted so a with: block copied from hashicorp/vault-action (its ${name} input) parses: vault-login only logs in, so ${name === 'secrets' || name === 'pki' ? 'it fails when this is set: use fetch-secrets, which takes the same with: block' : 'it is ignored here (fetch-secrets uses it)'}`,
      default: '',
    })),
  ],
};
