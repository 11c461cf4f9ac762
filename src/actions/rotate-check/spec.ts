/** rotate-check's inputs: the limits, what to check (Vault, certificates, endpoints, AWS keys), the issue and the report; then the Vault connection and login inputs. */
import type { ActionSpec, InputSpec } from '../spec.js';
import { loginInputs } from '../shared/vault-inputs.js';

/** the Vault connection and login inputs (shared with vault-login, without vault-action's aliases) */
export const vaultInputs: readonly InputSpec[] = loginInputs;

export const rotateCheckSpec: ActionSpec = {
  name: 'rotate-check',
  summary: 'Report and enforce secret age, lease TTL and certificate expiry against a policy',
  inputs: [
    { name: 'max-age', description: 'Maximum age of a secret, access key or token before it is overdue (e.g. 90d)', default: '90d' },
    { name: 'warn-before', description: 'Warn this long before a limit is reached (e.g. 30d)', default: '30d' },
    { name: 'fail-before', description: 'Fail when a certificate or lease expires within this window (e.g. 14d)', default: '14d' },
    { name: 'policy', description: 'A YAML or JSON policy file mapping path globs to their own limits', default: '' },
    { name: 'vault-paths', description: 'Vault KV v2 paths or prefixes to check (mount/path; a trailing / walks the folder), one per line', default: '' },
    { name: 'check-token', description: 'Check the TTL, age and renewability of the Vault token in use (when Vault is configured)', default: 'true' },
    { name: 'vault-pki', description: 'Vault PKI mounts whose issued certificates are checked (newest per common name), one per line', default: '' },
    { name: 'leases', description: 'Vault lease ids to check, one per line', default: '' },
    { name: 'certificates', description: 'Globs of PEM certificate files under the workspace, e.g. **/*.pem (none by default)', default: '' },
    { name: 'endpoints', description: 'Live TLS endpoints to probe, host:port, one per line', default: '' },
    { name: 'endpoints-ca', description: 'A CA (PEM content or file) trusted for the endpoints besides the system store', default: '' },
    { name: 'timeout', description: 'Connection timeout of each endpoint probe', default: '10s' },
    { name: 'aws-keys', description: 'Check the IAM users\' access keys the AWS credentials in the environment can list', default: 'false' },
    { name: 'iam-endpoint', description: 'A custom IAM endpoint URL (tests, partitions, VPC endpoints)', default: '' },
    { name: 'issue', description: 'Open or update one GitHub issue listing what is due; close it when all is green', default: 'false' },
    { name: 'issue-title', description: 'Title of the issue (the issue is found again by this exact title)', default: 'pipeline-secrets: credentials due for rotation' },
    { name: 'issue-labels', description: 'Labels for a new issue, comma separated', default: '' },
    { name: 'github-token', description: 'Token for the issue (needs issues: write); the job token by default', default: '' },
    { name: 'warn-only', description: 'Report overdue items without failing the step', default: 'false' },
    { name: 'report-path', description: 'Where to write the JSON report (default: the runner temp directory)', default: '' },
    ...vaultInputs,
  ],
};
