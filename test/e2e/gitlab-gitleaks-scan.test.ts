/**
 * The gitleaks-scan component in a local GitLab pipeline (gitlab-ci-local, shell executor):
 * the project's own pipeline passes on itself; a merge request (or push) range with a leaked
 * token fails the job, writes gl-secret-detection-report.json (schema 15.2.1) and never
 * prints the token; bad inputs are refused with GitLab's message.
 */
import { afterEach, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { componentProject, describePipeline, jobLog, runPipeline, type Project } from '../gitlab/project.js';
import { validateGitLab } from './scan-schemas.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A GitHub classic token shape (a built-in rule), assembled at run time. */
function fakeToken(): string {
  let s = '';
  for (const b of randomBytes(36)) s += ALNUM[b % ALNUM.length];
  return ['gh', 'p_', s].join('');
}

const scanPipeline = (inputs: string): string => `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/gitleaks-scan@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
${inputs}`;

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

describePipeline('gitleaks-scan component', () => {
  it("runs the component project's own pipeline: the scan job passes on the project itself", async () => {
    project = componentProject();
    const run = await runPipeline(project);
    expect(run.output).toMatch(/PASS\s+gitleaks-scan/);
    expect(run.code).toBe(0);
    const report: unknown = JSON.parse(readFileSync(join(project.dir, 'gl-secret-detection-report.json'), 'utf8'));
    expect(validateGitLab(report)).toEqual([]);
  });

  it('scans the merge request range, fails the job on a leak, writes a valid report and never prints the token', async () => {
    const old = fakeToken();
    const leaked = fakeToken();
    project = componentProject({ files: { '.gitlab-ci.yml': scanPipeline(''), 'old.env': `TOKEN=${old}\n` } });
    const base = project.commit('before the merge request');
    project.write('src/config.js', `export const token = '${leaked}';\n`);
    project.commit('the merge request adds a token');
    const run = await runPipeline(project, {
      variables: { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_PIPELINE_SOURCE: 'merge_request_event' },
      secrets: [old, leaked],
    });
    const log = jobLog(run, 'gitleaks-scan');
    expect(log).toMatch(/the merge request's commits/);
    expect(run.output).toMatch(/FAIL\s+gitleaks-scan/);
    expect(run.code).not.toBe(0);
    expect(log).toMatch(/src\/config\.js/);
    expect(log).not.toMatch(/old\.env/); // before the merge request's base: not in the range
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    const path = join(project.dir, 'gl-secret-detection-report.json');
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(leaked);
    const report = JSON.parse(text) as { vulnerabilities: { location: { file: string } }[]; scan: { type: string } };
    expect(validateGitLab(report)).toEqual([]);
    expect(report.scan.type).toBe('secret_detection');
    expect(report.vulnerabilities.map((v) => v.location.file)).toEqual(['src/config.js']);
  });

  it('scans the pushed range (CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA); fail_on_findings false keeps the job green with the report', async () => {
    const leaked = fakeToken();
    project = componentProject({ files: { '.gitlab-ci.yml': scanPipeline('      fail_on_findings: false') } });
    const before = project.commit('before the push');
    project.write('deploy.sh', `export GH_TOKEN=${leaked}\n`);
    project.commit('pushed');
    const run = await runPipeline(project, { variables: { CI_COMMIT_BEFORE_SHA: before }, secrets: [leaked], node: 'current' });
    const log = jobLog(run, 'gitleaks-scan');
    expect(log).toMatch(/the pushed commits/);
    expect(log).toMatch(/1 finding/);
    expect(run.output).toMatch(/PASS\s+gitleaks-scan/);
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    const report = JSON.parse(readFileSync(join(project.dir, 'gl-secret-detection-report.json'), 'utf8')) as { vulnerabilities: unknown[] };
    expect(report.vulnerabilities).toHaveLength(1);
  });

  it('report_format gitlab,junit writes both reports; max_archive_depth opens a tarball in the tree; ignore_gitleaks_allow and max_decode_depth reach the scan; the junit file names the finding, not the token', async () => {
    const leaked = fakeToken();
    const allowed = fakeToken();
    const encoded = fakeToken();
    project = componentProject({
      files: {
        '.gitlab-ci.yml': scanPipeline(
          '      scan_mode: tree\n      path: pkg\n      report_format: gitlab,junit\n      max_archive_depth: 2\n      max_decode_depth: 0\n      ignore_gitleaks_allow: true\n      fail_on: any',
        ),
      },
    });
    const header = Buffer.alloc(512);
    const body = Buffer.from(`export GH_TOKEN=${leaked}\n`);
    header.write('deploy.env', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const tarball = Buffer.concat([header, body, Buffer.alloc(512 - (body.length % 512)), Buffer.alloc(1024)]);
    mkdirSync(join(project.dir, 'pkg'));
    writeFileSync(join(project.dir, 'pkg', 'bundle.tar'), tarball);
    writeFileSync(join(project.dir, 'pkg', 'notes.sh'), `export GH_TOKEN=${allowed} # gitleaks:allow\n`);
    writeFileSync(join(project.dir, 'pkg', 'encoded.txt'), `blob: ${Buffer.from(`GH_TOKEN=${encoded}`).toString('base64')}\n`);
    project.commit('a tarball holding a token');
    const run = await runPipeline(project, { secrets: [leaked, allowed, encoded] });
    expect(run.output).toMatch(/FAIL\s+gitleaks-scan/);
    expect(run.leaks).toEqual([]);
    expect(run.fileLeaks).toEqual([]);
    const gl = JSON.parse(readFileSync(join(project.dir, 'gl-secret-detection-report.json'), 'utf8')) as { vulnerabilities: { location: { file: string } }[] };
    expect(validateGitLab(gl)).toEqual([]);
    // notes.sh: found despite its gitleaks:allow; encoded.txt: not decoded (max_decode_depth 0)
    expect(gl.vulnerabilities.map((v) => v.location.file).sort()).toEqual([
      expect.stringMatching(/^(pkg\/)?bundle\.tar!deploy\.env$/),
      expect.stringMatching(/^(pkg\/)?notes\.sh$/),
    ]);
    const junit = readFileSync(join(project.dir, 'gitleaks-report.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites?[ >]/);
    expect(junit).toMatch(/<failure /);
    for (const t of [leaked, allowed, encoded]) expect(junit).not.toContain(t);
  });

  it("refuses an input outside its options with GitLab's message", async () => {
    project = componentProject({ files: { '.gitlab-ci.yml': scanPipeline('      scan_mode: sideways') } });
    const run = await runPipeline(project);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('`scan_mode` input: `sideways` cannot be used because it is not in the list of allowed options');
    const typed = componentProject({ files: { '.gitlab-ci.yml': scanPipeline('      max_target_megabytes: lots') } });
    try {
      const bad = await runPipeline(typed);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/`max_target_megabytes` input: provided value is not a number/);
    } finally {
      typed.cleanup();
    }
  });
});
