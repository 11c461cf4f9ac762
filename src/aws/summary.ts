/** The step summary of oidc-assume-role: who, which account, until when, and the warnings. */
import type { RoleArn } from './arn.js';

export type SessionKind = 'web-identity' | 'assume-role' | 'keys';

export interface SummaryInput {
  /** the role assumed (none when long-lived keys were exported as they are) */
  role: RoleArn | undefined;
  /** the identity the exported credentials act as */
  arn: string;
  /** undefined for long-lived keys */
  expiration: Date | undefined;
  packedPolicySize?: number;
  kind: SessionKind;
  account: string;
  maskAccount: boolean;
  region: string;
  /** AssumeRole with session credentials: AWS caps the session at 1 hour */
  chained: boolean;
  sessionName: string;
  /** role-duration-seconds */
  requestedSeconds: number;
  /** the profile when credentials went to files */
  profile: string | undefined;
  /** what went where, e.g. "AWS_ACCESS_KEY_ID, ... (masked)" */
  exportedAs: string;
  tags: number;
  now?: number;
}

/** GitHub's default job timeout: a job may run this long unless it says otherwise. */
const DEFAULT_JOB_TIMEOUT_S = 6 * 3600;
/** STS rounds; a session more than this much shorter than asked for is worth a warning. */
const SLACK_S = 120;

/** Why the session is shorter than asked for, or undefined when it is not. */
export function shortfall(s: Pick<SummaryInput, 'expiration' | 'requestedSeconds' | 'chained' | 'now'>): string | undefined {
  if (!s.expiration) return undefined;
  const granted = Math.round((s.expiration.getTime() - (s.now ?? Date.now())) / 1000);
  if (granted >= s.requestedSeconds - SLACK_S) return undefined;
  const why = s.chained ? 'role chaining caps sessions at 1 hour' : 'STS granted less than role-duration-seconds';
  return `the credentials expire at ${s.expiration.toISOString()}, in ${fmt(granted)}, before the ${fmt(s.requestedSeconds)} asked for (${why})`;
}

export function sessionSummary(s: SummaryInput): string {
  const exp = s.expiration;
  const left = exp ? Math.round((exp.getTime() - (s.now ?? Date.now())) / 1000) : undefined;
  const how =
    s.kind === 'keys'
      ? 'long-lived keys exported as given'
      : s.kind === 'assume-role'
        ? `AssumeRole${s.chained ? ', chained' : ''}`
        : 'AssumeRoleWithWebIdentity';
  const rows: [string, string][] = [
    ['Role', s.role ? `\`${s.role.arn}\`` : 'none (aws-access-key-id given, no role-to-assume)'],
    ['Identity', s.maskAccount ? 'masked (mask-aws-account-id)' : `\`${s.arn}\``],
    ['Session', s.kind === 'keys' ? how : `\`${s.sessionName}\` (${how})`],
    ['Account', s.maskAccount ? 'masked (mask-aws-account-id)' : `\`${s.account}\``],
    ['Region', `\`${s.region}\``],
    ['Expires', exp && left !== undefined ? `${exp.toISOString()} (in ${fmt(left)}; output aws-expiration)` : 'never: long-lived IAM user keys'],
    ['Exported as', s.exportedAs],
  ];
  if (s.tags) rows.push(['Session tags', `${s.tags} (AssumeRole)`]);
  if (s.packedPolicySize !== undefined) rows.push(['Packed policy size', `${s.packedPolicySize}% of the limit`]);
  const out = ['### AWS credentials', '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''];
  const short = shortfall(s);
  if (s.chained) out.push('> [!WARNING]', '> Role chaining: AWS caps chained sessions at 1 hour, whatever role-duration-seconds or the role maximum says.', '');
  if (short && !s.chained)
    out.push('> [!WARNING]', `> Shorter than asked: ${short}. The role's maximum session duration may be lower than role-duration-seconds.`, '');
  if (s.kind === 'keys')
    out.push('> [!NOTE]', '> Long-lived IAM user keys do not expire: prefer OIDC (role-to-assume without keys), which needs no stored secret.', '');
  if (exp && left !== undefined && left < DEFAULT_JOB_TIMEOUT_S) {
    out.push(
      `> [!NOTE]`,
      `> Steps that run after ${exp.toISOString()} fail with ExpiredToken. If this job can run longer than ${fmt(left)}, raise \`role-duration-seconds\`${s.chained ? ' (not possible when chaining: run oidc-assume-role again later in the job)' : " (and the role's maximum session duration)"}, or run oidc-assume-role again before the long step.`,
      '',
    );
  }
  return out.join('\n');
}

export function fmt(seconds: number): string {
  if (seconds < 0) return 'already expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}
