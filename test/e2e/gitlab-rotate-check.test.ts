/**
 * The rotate-check component in a local GitLab pipeline (gitlab-ci-local, shell executor):
 * a certificate in the project that expires within fail_before fails the job, the JSON report
 * is kept (artifacts: when: always), a healthy one passes; bad inputs get GitLab's message.
 */
import { afterEach, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCert } from '../servers/certs.js';
import { componentProject, describePipeline, jobLog, runPipeline, type Project } from '../gitlab/project.js';

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

describePipeline('rotate-check component', () => {
  it("runs the project's own pipeline: a certificate expiring in 5 days fails the job and the report is kept", async () => {
    const soon = await makeCert({ cn: 'soon.example.com', notAfterDays: 5 });
    const later = await makeCert({ cn: 'later.example.com', notAfterDays: 400 });
    project = componentProject({ files: { 'certs/soon.pem': soon.cert, 'certs/later.pem': later.cert } });
    const run = await runPipeline(project, { jobs: ['rotate-check'], variables: { SELFTEST_CERTIFICATES: 'certs/*.pem' }, secrets: [soon.key, later.key] });
    const log = jobLog(run, 'rotate-check');
    expect(run.output).toMatch(/FAIL\s+rotate-check/);
    expect(log).toMatch(/soon\.example\.com/);
    const report = join(project.dir, 'rotate-check-report.json');
    expect(existsSync(report)).toBe(true);
    const text = readFileSync(report, 'utf8');
    expect(text).toMatch(/soon\.example\.com/);
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
  });

  it('passes when every certificate is far from expiry', async () => {
    const later = await makeCert({ cn: 'later.example.com', notAfterDays: 400 });
    project = componentProject({ files: { 'certs/later.pem': later.cert } });
    const run = await runPipeline(project, { jobs: ['rotate-check'], variables: { SELFTEST_CERTIFICATES: 'certs/*.pem' }, node: 'current' });
    expect(run.output).toMatch(/PASS\s+rotate-check/);
  });

  it("refuses a method outside the input's options with GitLab's message", async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml': 'include:\n  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/rotate-check@$CI_COMMIT_SHA\n    inputs:\n      method: userpass\n',
      },
    });
    const run = await runPipeline(project);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('`method` input: `userpass` cannot be used because it is not in the list of allowed options');
  });
});
