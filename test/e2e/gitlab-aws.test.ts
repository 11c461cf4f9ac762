/**
 * The oidc-assume-role component in a local GitLab pipeline (gitlab-ci-local, shell executor)
 * against the STS imitation: the job's ID token variable (id_tokens AWS_ID_TOKEN) is what STS
 * verifies, the credentials reach the script through its environment (or a 0600 profile that
 * after_script removes), `exec` redacts them, and the pipeline output holds no secret.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OidcIssuer } from '../servers/oidc.js';
import { StsServer } from '../servers/sts.js';
import { componentProject, describePipeline, jobLog, runPipeline, PROJECT_PATH, type Project } from '../gitlab/project.js';

const ROLE = 'arn:aws:iam::123456789012:role/gitlab-deploy';
let issuer: OidcIssuer;
let sts: StsServer;

beforeAll(async () => {
  issuer = await new OidcIssuer().start();
  sts = await new StsServer().start();
  sts.addProvider(issuer.url, ['sts.amazonaws.com']);
  sts.addRole({ arn: ROLE, webIdentity: { issuer: issuer.url, sub: [`project_path:${PROJECT_PATH}:ref_type:branch:ref:*`], aud: ['sts.amazonaws.com'] } });
});
afterAll(async () => {
  await sts.stop();
  await issuer.stop();
});
beforeEach(() => sts.reset());

let project: Project | undefined;
afterEach(() => {
  project?.cleanup();
  project = undefined;
});

const token = (aud = 'sts.amazonaws.com'): Promise<string> =>
  issuer.gitlabToken(aud, { project_path: PROJECT_PATH, sub: `project_path:${PROJECT_PATH}:ref_type:branch:ref:main` });
const secrets = (): string[] => [...issuer.issued, ...sts.secretsIssued()];

describePipeline('oidc-assume-role component', () => {
  it("runs the project's own pipeline: the job's ID token becomes AWS credentials in the script's env, redacted by exec", async () => {
    project = componentProject();
    const run = await runPipeline(project, {
      jobs: ['test-oidc-assume-role'],
      variables: {
        AWS_ROLE_ARN: ROLE,
        AWS_ID_TOKEN: await token(),
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL_STS: sts.url,
        PIPELINE_SECRETS_RETRY_BASE_MS: '5',
      },
    });
    const log = jobLog(run, 'test-oidc-assume-role');
    expect(run.output).toMatch(/PASS\s+test-oidc-assume-role/);
    expect(sts.calls('AssumeRoleWithWebIdentity')).toBe(1);
    expect(log).toContain('key *** secret *** token *** region eu-west-1');
    expect(secrets().length).toBeGreaterThan(3);
    expect(secrets().filter((s) => run.output.includes(s))).toEqual([]);
    const tmp = join(project.dir, '.tmp');
    expect(existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('pipeline-secrets-')) : []).toEqual([]);
  });

  it('honours the id_tokens variable: a token for another audience is refused by STS and the job fails', async () => {
    project = componentProject();
    const run = await runPipeline(project, {
      jobs: ['test-oidc-assume-role'],
      variables: {
        AWS_ROLE_ARN: ROLE,
        AWS_ID_TOKEN: await token('https://elsewhere.example'),
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL_STS: sts.url,
        PIPELINE_SECRETS_RETRY_BASE_MS: '5',
      },
      node: 'current',
    });
    expect(run.output).toMatch(/FAIL\s+test-oidc-assume-role/);
    expect(jobLog(run, 'test-oidc-assume-role')).toMatch(/aud|audience/i);
    expect(secrets().filter((s) => run.output.includes(s))).toEqual([]);
  });

  it('writes a 0600 profile (credentials_file) that the script uses and after_script removes', async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml': `include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/oidc-assume-role@$CI_COMMIT_SHA
    inputs:
      cli: $PIPELINE_SECRETS_CLI
      role_to_assume: ${ROLE}
      aws_region: us-east-1
      credentials_file: true
      aws_profile: deploy
deploy:
  extends: .oidc-assume-role
  script:
    - test -z "$AWS_SECRET_ACCESS_KEY"
    - test "$(stat -c %a "$AWS_SHARED_CREDENTIALS_FILE")" = 600
    - echo "profile $AWS_PROFILE"
    - $PIPELINE_SECRETS_CLI exec -- cat "$AWS_SHARED_CREDENTIALS_FILE"
`,
      },
    });
    const run = await runPipeline(project, { variables: { AWS_ID_TOKEN: await token(), AWS_ENDPOINT_URL_STS: sts.url } });
    const log = jobLog(run, 'deploy');
    expect(run.output).toMatch(/PASS\s+deploy/);
    expect(log).toContain('profile deploy');
    expect(log).toMatch(/Removed the AWS credentials and config files/);
    expect(secrets().filter((s) => run.output.includes(s))).toEqual([]);
  });

  it("refuses a role_duration_seconds that is not a number with GitLab's message", async () => {
    project = componentProject({
      files: {
        '.gitlab-ci.yml': `include:\n  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/oidc-assume-role@$CI_COMMIT_SHA\n    inputs:\n      role_to_assume: ${ROLE}\n      role_duration_seconds: an hour\njob:\n  extends: .oidc-assume-role\n  script:\n    - "true"\n`,
      },
    });
    const run = await runPipeline(project);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/`role_duration_seconds` input: provided value is not a number/);
  });
});
