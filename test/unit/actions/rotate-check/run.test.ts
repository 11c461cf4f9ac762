/**
 * rotate-check's run over a RotateConfig, without a runner process: certificate files in a temp
 * workspace, a recording runner. What it reports (outputs, JSON report, annotations), when it fails
 * the step, and that the issue is asked of the runner's forge and only there.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCert } from '../../../servers/certs.js';
import { StepFailed } from '../../../../src/core/errors.js';
import type { Forge, IssueSync, IssueSyncResult } from '../../../../src/platform/runner.js';
import type { RotateConfig } from '../../../../src/actions/rotate-check/config.js';
import { run } from '../../../../src/actions/rotate-check/run.js';
import { DEFAULT_LIMITS } from '../../../../src/rotation/policy.js';
import { RecordingRunner } from '../../helpers/recording-runner.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
let ws: string;

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'ps-rotate-run-'));
  const ca = await makeCert({ ca: true, cn: 'Run Test Root', notAfterDays: 3650 });
  writeFileSync(join(ws, 'valid.pem'), (await makeCert({ cn: 'valid.test', notAfterDays: 200 }, ca)).cert);
  writeFileSync(join(ws, 'expired.pem'), (await makeCert({ cn: 'expired.test', notBeforeDays: -60, notAfterDays: -3 }, ca)).cert);
});

function config(over: Partial<RotateConfig> = {}): RotateConfig {
  return {
    nowMs: Date.now(),
    policy: { defaults: DEFAULT_LIMITS, rules: [] },
    certificates: [],
    endpoints: [],
    timeoutMs: 2000,
    vaultPaths: [],
    leases: [],
    pkiMounts: [],
    checkToken: false,
    vault: false,
    warnOnly: false,
    reportPath: join(ws, `report-${Math.random().toString(36).slice(2)}.json`),
    ...over,
  };
}

class ForgeRunner extends RecordingRunner {
  readonly issues: { token: string; issue: IssueSync }[] = [];
  readonly forge: Forge = {
    pullRequest: () => undefined,
    reviewComments: () => Promise.reject(new Error('not in this test')),
    uploadSarif: () => Promise.reject(new Error('not in this test')),
    syncIssue: async (token: string, issue: IssueSync): Promise<IssueSyncResult> => {
      this.issues.push({ token, issue });
      return { action: 'created', number: 12 };
    },
  };
}

describe('rotate-check run', () => {
  it('nothing due: outputs and the JSON report, no failure', async () => {
    const r = new RecordingRunner(ws);
    const cfg = config({ certificates: ['valid.pem'] });
    await run(cfg, r);
    expect([r.outputs.get('overdue'), r.outputs.get('expiring'), r.outputs.get('report-path')]).toEqual(['0', '0', cfg.reportPath]);
    const report = JSON.parse(readFileSync(cfg.reportPath, 'utf8')) as { items: { name: string; status: string }[] };
    expect(report.items.map((i) => i.status)).toEqual(['ok']);
    expect(r.log).toContain('certificates: 1 file(s) to check');
  });

  it('an expired certificate fails the step with StepFailed, unless warn-only', async () => {
    const cfg = config({ certificates: ['*.pem'] });
    const err = await run(cfg, new RecordingRunner(ws)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailed);
    expect((err as Error).message).toMatch(/^1 credential\(s\) past their limit/);
    const r = new RecordingRunner(ws);
    await run({ ...cfg, warnOnly: true }, r);
    expect(r.outputs.get('overdue')).toBe('1');
    expect(r.log.some((l) => l.startsWith('error: ') && l.includes('expired.test'))).toBe(true);
  });

  it("the issue goes through the runner's forge with a redacted body; without a forge nothing is opened", async () => {
    const issue = { token: 'ghs_issue_token_0123456789', title: 'due', labels: ['sec'] };
    const r = new ForgeRunner(ws);
    r.masker.register('expired.test', 'a test value');
    await run(config({ certificates: ['*.pem'], warnOnly: true, issue, nowMs: NOW }), r);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.token).toBe(issue.token);
    expect(r.issues[0]?.issue).toMatchObject({ title: 'due', labels: ['sec'], due: true });
    expect(r.issues[0]?.issue.body).not.toContain('expired.test');
    expect(r.issues[0]?.issue.body).toContain('***');
    expect(r.outputs.get('issue-number')).toBe('12');
    const plain = new RecordingRunner(ws);
    await run(config({ certificates: ['*.pem'], warnOnly: true, issue }), plain);
    expect(plain.outputs.has('issue-number')).toBe(false);
  });
});
