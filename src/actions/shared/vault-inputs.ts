/**
 * The Vault inputs of the actions that talk to Vault. `connectionInputs` + `loginInputs` are the
 * core set (rotate-check shares them); `vaultActionLoginInputs` adds every login input of
 * hashicorp/vault-action 3.4.0 that we lacked, and attaches its camelCase names as aliases
 * (resolved by src/actions/aliases.ts), so a workflow that switches `uses:` keeps its `with:` block.
 */
import type { InputSpec } from '../spec.js';

export const DEFAULT_K8S_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export const connectionInputs: readonly InputSpec[] = [
  { name: 'url', description: 'Vault address, e.g. https://vault.example.com:8200 (default: the VAULT_ADDR environment variable)', default: '' },
  { name: 'namespace', description: 'Vault Enterprise / HCP namespace, e.g. admin/team-a (default: VAULT_NAMESPACE)', default: '' },
  { name: 'ca-certificate', description: 'CA certificate(s) to trust for Vault, in addition to the system store and NODE_EXTRA_CA_CERTS: PEM content, a path to a PEM file, or base64 of the PEM (as hashicorp/vault-action takes it)', default: '' },
  { name: 'client-certificate', description: 'client certificate for mutual TLS (and the cert auth method): PEM content, a file path, or base64 of the PEM', default: '' },
  { name: 'client-key', description: 'private key of client-certificate: PEM content, a file path, or base64 of the PEM (masked)', default: '' },
  { name: 'tls-skip-verify', description: 'do not verify Vault\'s TLS certificate (insecure: anyone on the network path can read the token; use ca-certificate instead)', default: 'false' },
  { name: 'retry-max-attempts', description: 'attempts for each Vault call that fails transiently (network errors, 412, 429, 5xx); a refused login (400/403) is never retried', default: '4' },
  { name: 'retry-initial-delay', description: 'first backoff between attempts; doubles each time, capped at 8s, with jitter (e.g. 500ms, 2s)', default: '500ms' },
];

export const loginInputs: readonly InputSpec[] = [
  ...connectionInputs,
  { name: 'method', description: 'how to log in: jwt (the runner\'s OIDC token, or a self-signed JWT with jwt-private-key), approle, token, kubernetes, github, userpass, ldap, cert, or any other auth method with auth-payload. A non-empty token input means no login.', default: 'jwt' },
  { name: 'path', description: 'auth mount the method is enabled at, without auth/ (default: the method name, e.g. jwt)', default: '' },
  { name: 'role', description: 'Vault role to log in with (jwt, kubernetes; the certificate role name for cert); optional for jwt when the mount has a default_role', default: '' },
  { name: 'audience', description: 'audience (aud) of the runner\'s OIDC token; must be one of the role\'s bound_audiences (default: the Vault URL\'s origin, e.g. https://vault.example.com:8200)', default: '' },
  { name: 'role-id', description: 'AppRole role_id (method approle)', default: '' },
  { name: 'secret-id', description: 'AppRole secret_id (method approle); pass it from a secret, it is masked', default: '' },
  { name: 'token', description: 'an existing Vault token to use instead of logging in (method token; default: VAULT_TOKEN)', default: '' },
  { name: 'kubernetes-token-path', description: 'service-account token file (method kubernetes)', default: DEFAULT_K8S_TOKEN_PATH },
];

/** Login inputs of hashicorp/vault-action we add for vault-login and fetch-secrets. */
export const extraLoginInputs: readonly InputSpec[] = [
  { name: 'github-token', description: 'GitHub personal access token with read:org for the github auth method (method github; masked). The job\'s GITHUB_TOKEN cannot log in there.', default: '' },
  { name: 'username', description: 'user name (methods userpass and ldap): POST auth/<path>/login/<username>', default: '' },
  { name: 'password', description: 'password of username (methods userpass and ldap; masked)', default: '' },
  { name: 'auth-payload', description: 'JSON body of the login for any other auth method (e.g. method: okta), POSTed to auth/<path>/login; every string in it is masked', default: '' },
  { name: 'jwt-private-key', description: 'method jwt without the runner\'s OIDC token: sign a JWT with this private key (PEM content, file path or base64 of the PEM, as vault-action takes it; RSA signs RS256, EC ES256/384/512, Ed25519 EdDSA)', default: '' },
  { name: 'jwt-key-password', description: 'password of an encrypted jwt-private-key (masked)', default: '' },
  { name: 'jwt-ttl', description: 'lifetime of the self-signed JWT in seconds (jwt-private-key)', default: '3600' },
  { name: 'extra-headers', description: 'extra HTTP headers for every Vault request, one "Name: value" per line (e.g. for a firewall in front of Vault); the values are masked and never logged', default: '' },
  { name: 'request-timeout', description: 'timeout of each Vault request attempt (connect, headers, body), e.g. 30s', default: '30s' },
];

/** hashicorp/vault-action's camelCase names, by our kebab-case input. */
export const VAULT_ACTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'role-id': ['roleId'], 'secret-id': ['secretId'], 'github-token': ['githubToken'], 'kubernetes-token-path': ['kubernetesTokenPath'],
  'auth-payload': ['authPayload'], 'extra-headers': ['extraHeaders'], 'ca-certificate': ['caCertificate'], 'client-certificate': ['clientCertificate'],
  'client-key': ['clientKey'], 'tls-skip-verify': ['tlsSkipVerify'], 'jwt-private-key': ['jwtPrivateKey'], 'jwt-key-password': ['jwtKeyPassword'],
  audience: ['jwtGithubAudience'], 'jwt-ttl': ['jwtTtl'], 'export-token': ['exportToken'], 'output-token': ['outputToken'],
  'export-env': ['exportEnv'], 'ignore-not-found': ['ignoreNotFound'], 'secret-encoding-type': ['secretEncodingType'],
};

/** Attaches the vault-action aliases to the inputs that have one. */
export function withVaultActionAliases(inputs: readonly InputSpec[]): InputSpec[] {
  return inputs.map((i) => {
    const aliases = VAULT_ACTION_ALIASES[i.name];
    if (!aliases) return i;
    const descr = `${i.description}${/\.$/.test(i.description) ? '' : '.'} hashicorp/vault-action name: ${aliases.join(', ')}`;
    return { ...i, description: descr, aliases };
  });
}

/** The whole-step timeout: vault-login and fetch-secrets (rotate-check has its own `timeout`). */
export const timeoutInput: InputSpec = {
  name: 'timeout',
  description: 'fail the step when it has not finished within this time (e.g. 90s, 5m; above zero, at most 6h), naming the Vault calls still pending',
  default: '5m',
};

/** `output-token`: the token as the masked `vault_token` output (vault-action's name). */
export const outputTokenInput: InputSpec = {
  name: 'output-token',
  description: 'also set the Vault token as the masked step output vault_token (hashicorp/vault-action\'s output name)',
  default: 'false',
};

/** Every login input of vault-login and fetch-secrets, vault-action aliases attached. */
export const vaultActionLoginInputs: readonly InputSpec[] = withVaultActionAliases([...loginInputs, ...extraLoginInputs, timeoutInput, outputTokenInput]);

