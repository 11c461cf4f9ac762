/**
 * The inputs of oidc-assume-role: every input of aws-actions/configure-aws-credentials 6.2.3
 * under the same name and meaning (a workflow switches `uses:` and keeps its `with:` block),
 * plus credentials-file, ca-certificate and id-token-var. action.yml declares the same list.
 */
import type { ActionSpec } from '../spec.js';

export const oidcAssumeRoleSpec: ActionSpec = {
  name: 'oidc-assume-role',
  summary: "swap the runner's OIDC token for short-lived AWS credentials (STS), masked",
  inputs: [
    { name: 'role-to-assume', description: 'IAM role ARN to assume (arn:aws:iam::<account>:role/<name>); a bare role name works with aws-access-key-id or role-chaining (resolved in the caller\'s account). Without it, aws-access-key-id/aws-secret-access-key are exported as they are' },
    { name: 'aws-region', description: 'AWS region for the regional STS endpoint and AWS_REGION (default: AWS_REGION of the job)', default: '' },
    { name: 'role-session-name', description: 'STS session name (2-64 of letters, digits, +=,.@_-); default GitHubActions-<run id>-<attempt>, or GitLab-<project>-<pipeline>', default: '' },
    { name: 'role-duration-seconds', description: 'session length in seconds, 900 to 43200 (at most 3600 when role-chaining; the role maximum applies)', default: '3600' },
    { name: 'audience', description: 'audience (aud) of the OIDC token; must be a client ID of the IAM OIDC provider', default: 'sts.amazonaws.com' },
    { name: 'role-chaining', description: 'assume role-to-assume with the AWS credentials already in the environment (AssumeRole) instead of the OIDC token', default: 'false' },
    { name: 'role-external-id', description: 'external ID for the AssumeRole call (static keys or role-chaining)', default: '' },
    { name: 'role-skip-session-tagging', description: 'send no GitHub/GitLab session tags on AssumeRole (static keys, role-chaining); web identity never takes session tags', default: 'false' },
    { name: 'transitive-tag-keys', description: 'keys of session tags that pass on to later roles in a chain (one per line or comma separated); AssumeRole only', default: '' },
    { name: 'custom-tags', description: 'extra session tags as a JSON object, e.g. {"Team":"payments"}; AssumeRole only (web identity takes its tags from the token claims)', default: '' },
    { name: 'inline-session-policy', description: 'an IAM policy document (JSON) that further limits the session', default: '' },
    { name: 'managed-session-policies', description: 'managed policy ARNs (one per line, at most 10) that further limit the session', default: '' },
    { name: 'aws-access-key-id', description: 'IAM user access key ID: with role-to-assume, signs a plain AssumeRole; without, exported as is. Pass it from a secret', default: '' },
    { name: 'aws-secret-access-key', description: 'the secret access key going with aws-access-key-id. Pass it from a secret', default: '' },
    { name: 'aws-session-token', description: 'session token going with aws-access-key-id (temporary credentials)', default: '' },
    { name: 'web-identity-token-file', description: 'read the OIDC token from this file (re-read for each attempt) instead of the runner', default: '' },
    { name: 'force-skip-oidc', description: 'never ask the runner for an OIDC token even with id-token: write; assume the role with aws-access-key-id, web-identity-token-file or the credentials in the environment', default: 'false' },
    { name: 'use-existing-credentials', description: 'when the AWS credentials already in the environment are valid (GetCallerIdentity) and in allowed-account-ids, keep them and do nothing else', default: 'false' },
    { name: 'unset-current-credentials', description: 'ignore the AWS key variables already in the environment (they are replaced or cleared)', default: 'false' },
    { name: 'allowed-account-ids', description: 'comma separated account IDs; the step fails before exporting anything when the credentials are for another account', default: '' },
    { name: 'output-credentials', description: 'also set the credentials as masked step outputs (GitHub drops masked outputs between jobs)', default: 'false' },
    { name: 'output-env-credentials', description: 'export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_DEFAULT_REGION (and AWS_PROFILE with aws-profile); default true, or false when aws-profile is set', default: '' },
    { name: 'mask-aws-account-id', description: 'mask the AWS account ID in logs and outputs', default: 'false' },
    { name: 'aws-profile', description: 'write the credentials as this named profile into a 0600 credentials/config file pair in the runner temp dir (exported as AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE; later steps add their profiles to the same files); removed after the job', default: '' },
    { name: 'overwrite-aws-profile', description: 'replace aws-profile when it is already in the credentials file (otherwise that is an error)', default: 'false' },
    { name: 'credentials-file', description: 'write the profile (aws-profile, or "default") to 0600 files and export AWS_PROFILE instead of the key variables', default: 'false' },
    { name: 'retry-max-attempts', description: 'attempts for transient STS failures (Throttling, IDPCommunicationError, 5xx, network), each with a fresh OIDC token', default: '5' },
    { name: 'disable-retry', description: 'make one attempt only (same as retry-max-attempts: 1)', default: 'false' },
    { name: 'special-characters-workaround', description: 'assume the role again (up to 12 times) until the secret access key has no special characters; overrides disable-retry', default: 'false' },
    { name: 'action-timeout-s', description: 'fail the whole step after this many seconds (0: no bound), naming what was still pending; nothing is exported then', default: '0' },
    { name: 'sts-endpoint', description: 'STS endpoint URL for private (VPC), FIPS or test endpoints; default AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, else the regional endpoint', default: '' },
    { name: 'http-proxy', description: 'proxy URL for STS calls; overrides HTTPS_PROXY / HTTP_PROXY of the job', default: '' },
    { name: 'no-proxy', description: 'hosts that bypass the proxy (comma separated); overrides NO_PROXY of the job', default: '' },
    { name: 'ca-certificate', description: 'CA certificate(s) to trust for STS, PEM text or a file path (private endpoints, TLS-inspecting proxies); added to the system CAs', default: '' },
    { name: 'id-token-var', description: 'GitLab: the variable named under the job\'s id_tokens: that holds the token', default: '' },
  ],
};
