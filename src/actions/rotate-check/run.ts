/**
 * rotate-check's run: report and enforce secret age, lease TTL and certificate expiry against a
 * policy, from a RotateConfig. The checks live in rotation/; this gathers their items, reports
 * them (summary, annotations, JSON report, outputs, the issue through the runner's forge) and
 * fails the step on overdue items unless warn-only.
 */
import { CoreHttpHandler } from '../../core/sdk-http-handler.js';
import { HttpClient } from '../../core/http.js';
import { StepFailed } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import { checkCertificateFiles, findCertificateFiles } from '../../rotation/certs.js';
import type { Item } from '../../rotation/item.js';
import { annotations, countItems, issueBody, jsonReport, summaryMarkdown, writeJsonReport } from '../../rotation/report.js';
import { probeEndpoint } from '../../rotation/tls.js';
import type { RotateConfig } from './config.js';
import { checkVault } from './vault.js';

async function certificateItems(r: Runner, cfg: RotateConfig): Promise<Item[]> {
  if (!cfg.certificates.length) return [];
  const found = findCertificateFiles(cfg.certificates, r.workspace());
  for (const p of found.unmatched) r.info(`certificates: no file matches ${p}`);
  r.info(`certificates: ${found.files.length} file(s) to check`);
  return checkCertificateFiles(found.files, r.workspace(), cfg.nowMs, cfg.policy);
}

async function endpointItems(r: Runner, cfg: RotateConfig): Promise<Item[]> {
  const out: Item[] = [];
  const queue = [...cfg.endpoints];
  const probe = { timeoutMs: cfg.timeoutMs, proxy: r.proxy(), ...(cfg.endpointsCa ? { ca: cfg.endpointsCa } : {}) };
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let ep = queue.shift(); ep; ep = queue.shift()) {
        const item = await probeEndpoint(ep, cfg.nowMs, cfg.policy, probe);
        if (item) out.push(item);
      }
    }),
  );
  return out;
}

async function awsItems(r: Runner, cfg: RotateConfig): Promise<Item[]> {
  if (!cfg.aws) return [];
  // the SDK over core/http.ts: HTTPS_PROXY / NO_PROXY honoured; the SDK retries (throttling, 5xx)
  const handler = new CoreHttpHandler(new HttpClient({ service: 'AWS IAM', proxy: r.proxy(), timeoutMs: cfg.timeoutMs * 3 }));
  // loaded only when asked: the IAM client is most of this bundle's weight
  const { checkAccessKeys } = await import('../../rotation/aws.js');
  const res = await checkAccessKeys({ ...cfg.aws, maxAttempts: 3, requestHandler: handler }, cfg.nowMs, cfg.policy, (m) => r.info(m));
  r.info(`aws: ${res.users} IAM user(s), ${res.items.length} active key(s) reported, ${res.inactive} inactive key(s) ignored`);
  return res.items;
}

async function syncIssue(r: Runner, cfg: RotateConfig, items: readonly Item[], nowIso: string): Promise<void> {
  if (!cfg.issue || !r.forge) return;
  const ctx = r.context();
  const runUrl = ctx.runId ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}` : '';
  const due = items.some((i) => i.status !== 'ok');
  // the issue is not masked by the runner: what it says goes through our masker first
  const res = await r.forge.syncIssue(cfg.issue.token, {
    title: cfg.issue.title,
    labels: cfg.issue.labels,
    due,
    body: r.masker.redact(issueBody(items, nowIso, runUrl)),
  });
  r.info(res.action === 'none' ? 'issue: nothing due and no open issue' : `issue #${res.number ?? 0} ${res.action}`);
  r.output('issue-number', res.number === undefined ? '' : String(res.number));
}

export async function run(cfg: RotateConfig, r: Runner): Promise<void> {
  const nowIso = new Date(cfg.nowMs).toISOString();
  const items: Item[] = [
    ...(await certificateItems(r, cfg)),
    ...(await endpointItems(r, cfg)),
    ...(cfg.vault ? await checkVault(r, cfg) : []),
    ...(await awsItems(r, cfg)),
  ];
  const counts = countItems(items);
  await r.summary(summaryMarkdown(items, nowIso, cfg.warnOnly));
  for (const a of annotations(items)) r.annotate(a.level, a.message, a.props);
  writeJsonReport(cfg.reportPath, jsonReport(items, nowIso), (t) => r.masker.redact(t));
  r.output('overdue', String(counts.overdue));
  r.output('expiring', String(counts.expiring));
  r.output('report-path', cfg.reportPath);
  r.info(`rotate-check: ${items.length} checked, ${counts.overdue} overdue, ${counts.expiring} expiring; report at ${cfg.reportPath}`);
  await syncIssue(r, cfg, items, nowIso);
  if (counts.overdue && !cfg.warnOnly) {
    throw new StepFailed(`${counts.overdue} credential(s) past their limit (see the step summary); set warn-only: true to report without failing`);
  }
}
