/**
 * verify: true: findings of keys with an identity endpoint (GitHub, GitLab, AWS, Slack, Stripe,
 * OpenAI) checked against the provider: live, revoked or unknown. A found key is registered with
 * the masker before it is sent anywhere.
 */
import type { Runner } from '../../platform/runner.js';
import type { VerifyStatus } from '../../scanner/reports/context.js';
import { verifyFindings, type Provider } from '../../scanner/verify/index.js';
import type { Finding } from '../../scanner/types.js';

export interface Verification {
  statuses: Map<Finding, VerifyStatus>;
  live: number;
  notes: string[];
}

export async function verify(
  r: Runner,
  opts: { endpoints: Record<Provider, string>; timeoutMs: number },
  findings: readonly Finding[],
  all: readonly Finding[],
): Promise<Verification> {
  const out = await verifyFindings(findings, all, {
    endpoints: opts.endpoints,
    timeoutMs: opts.timeoutMs,
    concurrency: 4,
    proxy: r.proxy(),
    onSecret: (v) => {
      try {
        r.masker.register(v, 'a found key being verified');
      } catch {
        /* too short to mask: it is never printed anyway (reports redact it) */
      }
    },
  });
  const statuses = new Map<Finding, VerifyStatus>();
  const counts = { live: 0, revoked: 0, unknown: 0 };
  for (const [f, res] of out.results) {
    statuses.set(f, res.verdict);
    counts[res.verdict]++;
    r.info(`verify: ${f.ruleId} at ${f.path}:${f.startLine}: ${res.verdict} (${res.provider}: ${res.why})`);
  }
  const unchecked = findings.length - out.results.size;
  const notes = [
    `verified ${out.results.size} finding${out.results.size === 1 ? '' : 's'}: ${counts.live} live, ${counts.revoked} revoked, ${counts.unknown} unknown${unchecked ? `; ${unchecked} of rules without an identity check` : ''}`,
  ];
  r.info(notes[0] ?? '');
  return { statuses, live: counts.live, notes };
}
