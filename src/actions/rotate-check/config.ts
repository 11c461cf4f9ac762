/**
 * rotate-check's inputs, read and validated before anything is checked: every error names
 * its input (or the policy file's field). Secrets among them (the GitHub token, AWS keys)
 * are registered with the masker here, before any use.
 */
import { isAbsolute, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { parseBool, parseDuration, parseList } from '../../core/parse.js';
import type { Runner } from '../../platform/runner.js';
import { readVaultConnection } from '../shared/vault-config.js';
import { readPem } from '../shared/pem.js';
import type { AwsCredentials } from '../../rotation/aws.js';
import { type Policy, limitsFromInputs, loadPolicyFile } from '../../rotation/policy.js';
import { type Endpoint, parseEndpoint } from '../../rotation/tls.js';

export const NOW_ENV = 'PIPELINE_SECRETS_NOW';
export const DEFAULT_ISSUE_TITLE = 'pipeline-secrets: credentials due for rotation';

export interface RotateConfig {
  nowMs: number;
  policy: Policy;
  certificates: string[];
  endpoints: Endpoint[];
  endpointsCa?: string;
  timeoutMs: number;
  vaultPaths: string[];
  leases: string[];
  /** Vault PKI mounts whose issued certificates are checked */
  pkiMounts: string[];
  checkToken: boolean;
  /** Vault is needed (paths, leases or a url were given) */
  vault: boolean;
  aws?: { credentials: AwsCredentials; region: string; endpoint?: string };
  warnOnly: boolean;
  reportPath: string;
  issue?: { token: string; title: string; labels: string[] };
}

/** "Now": the injected clock (a test hook, ISO time in PIPELINE_SECRETS_NOW) or the real one. */
export function nowFrom(r: Runner): number {
  const raw = (r.env(NOW_ENV) ?? '').trim();
  if (!raw) return Date.now();
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new UserError('', `${NOW_ENV} is set but is not an ISO 8601 time such as 2026-01-31T00:00:00Z`);
  return t;
}

export function readConfig(r: Runner): RotateConfig {
  const ws = r.workspace();
  const nowMs = nowFrom(r);
  const base = limitsFromInputs({ maxAge: r.input('max-age'), warnBefore: r.input('warn-before'), failBefore: r.input('fail-before') });
  const policyPath = r.input('policy').trim();
  const policy: Policy = policyPath ? loadPolicyFile(policyPath, ws, base) : { defaults: base, rules: [] };
  const endpoints = parseList(r.input('endpoints')).map((e) => parseEndpoint(e));
  const timeout = r.input('timeout').trim();
  const timeoutMs = Math.round((timeout ? parseDuration(timeout, 'timeout') : 10) * 1000);
  if (timeoutMs < 100 || timeoutMs > 600_000) throw new UserError('timeout', 'expected a duration from 100ms to 10m');
  const vaultPaths = parseList(r.input('vault-paths'));
  const leases = parseList(r.input('leases'));
  const pkiMounts = parseList(r.input('vault-pki'));
  const checkToken = parseBool(r.input('check-token'), 'check-token', true);
  const cfg: RotateConfig = {
    nowMs,
    policy,
    certificates: parseList(r.input('certificates')),
    endpoints,
    timeoutMs,
    vaultPaths,
    leases,
    pkiMounts,
    checkToken,
    vault: vaultPaths.length > 0 || leases.length > 0 || pkiMounts.length > 0 || r.input('url').trim() !== '',
    warnOnly: parseBool(r.input('warn-only'), 'warn-only', false),
    reportPath: '',
  };
  if (cfg.vault) readVaultConnection(r); // Vault inputs are checked before anything runs
  const caRaw = r.input('endpoints-ca');
  if (caRaw.trim()) cfg.endpointsCa = readPem(caRaw, 'endpoints-ca', { dir: ws });
  const report = r.input('report-path').trim();
  cfg.reportPath = report ? (isAbsolute(report) ? report : join(ws, report)) : join(r.tempDir(), 'rotate-check-report.json');

  if (parseBool(r.input('aws-keys'), 'aws-keys', false)) {
    const id = r.env('AWS_ACCESS_KEY_ID') ?? '';
    const secret = r.env('AWS_SECRET_ACCESS_KEY') ?? '';
    if (!id || !secret) {
      throw new UserError(
        'aws-keys',
        'no AWS credentials in the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY): run oidc-assume-role first, or set aws-keys: false',
      );
    }
    r.secret(secret, 'AWS_SECRET_ACCESS_KEY');
    const session = r.env('AWS_SESSION_TOKEN') ?? '';
    if (session) r.secret(session, 'AWS_SESSION_TOKEN');
    const endpoint = r.input('iam-endpoint').trim();
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new UserError('iam-endpoint', 'expected a URL such as https://iam.amazonaws.com');
    cfg.aws = {
      credentials: { accessKeyId: id, secretAccessKey: secret, ...(session ? { sessionToken: session } : {}) },
      region: r.env('AWS_REGION') || r.env('AWS_DEFAULT_REGION') || 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
    };
  }
  if (parseBool(r.input('issue'), 'issue', false)) {
    const token = r.input('github-token').trim() || (r.env('GITHUB_TOKEN') ?? '').trim();
    if (!token) throw new UserError('github-token', 'issue: true needs a token with issues: write (the default is the job token)');
    r.secret(token, 'github-token');
    // the forge (GitHub's APIs) is the runner's: GitLab jobs and the CLI have none
    if (!r.forge) throw new UserError('issue', 'issues are opened on GitHub only; on GitLab use the JSON report (report-path) as an artifact');
    if (!r.context().repository) throw new UserError('issue', 'the repository is unknown (GITHUB_REPOSITORY): issues are only opened on GitHub');
    cfg.issue = { token, title: r.input('issue-title').trim() || DEFAULT_ISSUE_TITLE, labels: parseList(r.input('issue-labels')) };
  }
  return cfg;
}
