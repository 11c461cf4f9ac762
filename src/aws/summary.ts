/** The step summary of oidc-assume-role: who, which account, until when, and the warnings. */
import type { RoleArn } from './arn.js';
import type { AssumeResult } from './sts.js';

export interface SummaryInput {
  role: RoleArn;
  result: AssumeResult;
  account: string;
  maskAccount: boolean;
  region: string;
  chained: boolean;
  sessionName: string;
  /** the profile when credentials went to files */
  profile: string | undefined;
  now?: number;
}

/** GitHub's default job timeout: a job may run this long unless it says otherwise. */
const DEFAULT_JOB_TIMEOUT_S = 6 * 3600;

export function sessionSummary(s: SummaryInput): string {
  const exp = s.result.credentials.expiration;
  const left = Math.round((exp.getTime() - (s.now ?? Date.now())) / 1000);
  const rows: [string, string][] = [
    ['Role', `\`${s.role.arn}\``],
    ['Session', `\`${s.sessionName}\` (${s.chained ? 'AssumeRole, chained' : 'AssumeRoleWithWebIdentity'})`],
    ['Account', s.maskAccount ? 'masked (mask-aws-account-id)' : `\`${s.account}\``],
    ['Region', `\`${s.region}\``],
    ['Expires', `${exp.toISOString()} (in ${fmt(left)})`],
    ['Exported as', s.profile ? `profile \`${s.profile}\` in private 0600 files (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE), removed after the job` : 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (masked)'],
  ];
  if (s.result.packedPolicySize !== undefined) rows.push(['Packed policy size', `${s.result.packedPolicySize}% of the limit`]);
  const out = ['### AWS credentials', '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''];
  if (s.chained) out.push('> [!WARNING]', '> Role chaining: AWS caps chained sessions at 1 hour, whatever role-duration-seconds or the role maximum says.', '');
  if (left < DEFAULT_JOB_TIMEOUT_S) {
    out.push(`> [!NOTE]`, `> Steps that run after ${exp.toISOString()} fail with ExpiredToken. If this job can run longer than ${fmt(left)}, raise \`role-duration-seconds\`${s.chained ? ' (not possible when chaining: run oidc-assume-role again later in the job)' : ' (and the role\'s maximum session duration)'}, or run oidc-assume-role again before the long step.`, '');
  }
  return out.join('\n');
}

function fmt(seconds: number): string {
  if (seconds < 0) return 'already expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}
