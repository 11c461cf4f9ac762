/**
 * fetch-secrets' inputs: the one source action.yml, the GitLab component, --help and the docs
 * are checked against. The cloud store inputs are listed after Vault's.
 */
import type { ActionSpec, InputSpec } from '../spec.js';
import { vaultActionLoginInputs, withVaultActionAliases } from '../shared/vault-inputs.js';

/** The cloud stores' inputs (GCP and Azure identity, the AWS region, endpoints, the aws-secretsmanager-get-secrets drop-in). */
export const storeInputs: readonly InputSpec[] = [
  { name: 'aws-region', description: 'AWS region of aws-sm: and aws-ssm: lines (default: AWS_REGION or AWS_DEFAULT_REGION, as oidc-assume-role exports them); the credentials are the job\'s AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', default: '' },
  { name: 'workload_identity_provider', description: 'gcp-sm: lines: the Workload Identity Federation provider, projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (as in google-github-actions/auth)', default: '' },
  { name: 'service_account', description: 'gcp-sm: lines: the service account e-mail to impersonate after the token exchange (optional; as in google-github-actions/auth)', default: '' },
  { name: 'gcp-audience', description: 'gcp-sm: lines: the OIDC token\'s audience for GCP (google-github-actions/auth calls it audience; default https://iam.googleapis.com/<provider>). The audience input is Vault\'s', default: '' },
  { name: 'client-id', description: 'azure-kv: lines: client id of the app registration or managed identity holding the federated credential (as in azure/login)', default: '' },
  { name: 'tenant-id', description: 'azure-kv: lines: the Entra tenant id (as in azure/login)', default: '' },
  { name: 'azure-audience', description: 'azure-kv: lines: the OIDC token\'s audience for Entra (azure/login calls it audience; default api://AzureADTokenExchange)', default: '' },
  { name: 'gcp-endpoints', description: 'private (Private Service Connect) or test endpoints for GCP, "sts=URL", "iamcredentials=URL", "secretmanager=URL", one per line or comma-separated (default: the public googleapis.com hosts)', default: '' },
  { name: 'azure-endpoints', description: 'other endpoints for Azure, "authority=URL" (sovereign clouds, e.g. https://login.chinacloudapi.cn) and "keyvault=URL" ({vault} stands for the vault name; private or test endpoints), one per line or comma-separated', default: '' },
  { name: 'secret-ids', description: 'aws-actions/aws-secretsmanager-get-secrets drop-in: Secrets Manager names, ARNs, "ALIAS,id" and "prefix*", one per line', default: '' },
  { name: 'parse-json-secrets', description: 'secret-ids: a JSON secret becomes one variable per key, recursively, named SECRET_KEY (as aws-secretsmanager-get-secrets does)', default: 'false' },
  { name: 'name-transformation', description: 'secret-ids: variable names are uppercase, lowercase or none (kept as they are)', default: 'uppercase' },
  { name: 'auto-select-family-attempt-timeout', description: 'milliseconds to wait on the first address family before trying the other (Happy Eyeballs), 10 or more (default: Node\'s own)', default: '' },
];

export const fetchSecretsSpec: ActionSpec = {
  name: 'fetch-secrets',
  summary: 'read Vault KV v1/v2, dynamic and PKI secrets (and AWS Secrets Manager, SSM Parameter Store, GCP Secret Manager, Azure Key Vault) in parallel into masked env vars, step outputs or 0600 files; revoke leases when the job ends',
  inputs: [
    { name: 'secrets', description: 'one selector per line (";" also separates), vault-action syntax: "secret/data/ci/app api_key | API_KEY"; "path *" for every key; "a.b" for a nested field; "path?version=N"; "| file:NAME", "| dotenv:NAME", "| json:NAME" for files; "pki/issue/ROLE common_name=HOST ttl=1h | file:TLS" for a certificate; cloud stores with a prefix: "aws-sm:prod/db password | DB_PASSWORD", "aws-ssm:/app/token | TOKEN", "gcp-sm:projects/P/secrets/S | NAME", "azure-kv:https://VAULT.vault.azure.net/secrets/S | NAME"' },
    // vault-action's names (exportEnv, ignoreNotFound, secretEncodingType, exportToken) are aliases
    ...withVaultActionAliases([
      { name: 'export-env', description: 'export each value (or file path) as an environment variable for later steps', default: 'true' },
      { name: 'outputs', description: 'set each value (or file path) as a step output (masked outputs are not passed to other jobs)', default: 'true' },
      { name: 'ignore-not-found', description: 'skip a missing path or key with a warning instead of failing the step', default: 'false' },
      { name: 'pki', description: 'hashicorp/vault-action\'s PKI form, one per line or ";": pki/issue/ROLE {"common_name": "web.example.com", "ttl": "1h"} [| NAME]; sets ROLE_CERT, ROLE_KEY, ROLE_CA, ROLE_CA_CHAIN (outputs role_cert ...)', default: '' },
      { name: 'secret-encoding-type', description: 'decode each value of a Vault line before injecting it: base64 (or base64url), hex, or utf8 (as stored); bytes that are not text only go to a file: sink, byte for byte', default: 'utf8' },
      { name: 'export-token', description: 'export VAULT_ADDR and VAULT_TOKEN (and VAULT_NAMESPACE) for later steps of the job; a token this step logged in with is still revoked when the job ends (unless revoke is false)', default: 'false' },
    ]),
    { name: 'revoke-leases', description: 'revoke the leases of dynamic secrets (database, aws ...) in the post step', default: 'true' },
    { name: 'concurrency', description: 'at most this many Vault requests in flight (1-64), and as many cloud store requests', default: '8' },
    ...vaultActionLoginInputs,
    { name: 'revoke', description: 'when this step logged in itself (no token given), revoke that token in the post step', default: 'true' },
    ...storeInputs,
  ],
};
