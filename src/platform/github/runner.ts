/** The GitHub Actions runner, over @actions/core. */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { Masker } from '../../core/mask.js';
import { HttpClient } from '../../core/http.js';
import { fetchGitHubIdToken, MISSING_GITHUB_ID_TOKEN } from '../../core/idtoken.js';
import { UserError } from '../../core/errors.js';
import type { AnnotationLevel, AnnotationProps, Forge, ReportPlace, RunContext, Runner, RunnerHooks } from '../runner.js';
import { githubForge } from './forge.js';
import { envProxy } from '../proxy-env.js';
import { capSummary } from './summary-cap.js';
import { githubTempDir, privateDir } from '../temp-dir.js';
import { artifactUnavailable, artifactUrl, withoutQueries, type ArtifactUpload, type ArtifactUploader } from './artifact.js';

export class GitHubRunner implements Runner {
  readonly platform = 'github' as const;
  /** forms too short to redact safely are warned about once per secret */
  readonly masker = new Masker({ warn: (m) => this.warning(m) });
  readonly isPost: boolean;
  private readonly env_: NodeJS.ProcessEnv;
  /** only when the bundle brought the artifact client (src/platform/artifact-client.ts) */
  readonly uploadArtifact?: (name: string, file: string) => Promise<ArtifactUpload>;

  readonly annotations = 'native' as const;
  /** the step summary (GITHUB_STEP_SUMMARY) */
  readonly hasSummary = true;
  /** SARIF for code scanning and JSON, in the runner's temp dir (reports are artifacts, not workspace files) */
  readonly reports: ReportPlace = { formats: ['sarif', 'json'], dir: () => this.tempDir() };
  /** a workflow's env: block reaches the step: gitleaks-action's variables are honoured */
  readonly dropInEnv = true;
  /** GitHub drops masked outputs passed to another job (actions/runner#1061) */
  readonly maskedOutputsLeaveJob = false;
  /** RUNNER_TEMP is the job's and is wiped after it */
  readonly jobScoped = true;
  /** pull request review comments and code scanning (src/platform/github/) */
  readonly forge: Forge = githubForge(this);
  readonly hooks?: RunnerHooks;

  constructor(env: NodeJS.ProcessEnv = process.env, opts: { artifacts?: ArtifactUploader; hooks?: RunnerHooks } = {}) {
    this.env_ = env;
    this.isPost = (env['STATE_isPost'] ?? '') === 'true';
    const upload = opts.artifacts;
    if (upload) this.uploadArtifact = (name, file) => this.artifact(upload, name, file);
    if (opts.hooks) this.hooks = opts.hooks;
  }

  stdin(): AsyncIterable<Buffer | string> {
    return process.stdin;
  }

  /** main and post run the same bundle: the post step knows itself by this state */
  prepareMain(hasPost: boolean): void {
    if (hasPost) core.saveState('isPost', 'true');
  }

  input(name: string): string {
    return this.env_[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  }

  env(name: string): string | undefined {
    return this.env_[name];
  }

  secret(value: string, what: string): void {
    for (const form of this.masker.register(value, what)) core.setSecret(form);
    // the leak guard (hooks.secret): a keyed hash of each form, never the value;
    // only on a runner, whose RUNNER_TEMP is private to the job and wiped after it
    const record = this.hooks?.secret;
    if (!record || !this.env_['RUNNER_TEMP'] || this.env_['PIPELINE_SECRETS_GUARD'] === 'false') return;
    try {
      record(this.tempDir(), value, what);
    } catch (err) {
      this.warning(`the leak guard could not record ${what}: ${err instanceof Error ? err.message : 'error'}`);
    }
  }

  output(name: string, value: string): void {
    core.setOutput(name, value);
  }

  exportEnv(name: string, value: string): void {
    if (name === 'NODE_OPTIONS') throw new UserError('', 'NODE_OPTIONS cannot be exported: the GitHub runner blocks it');
    core.exportVariable(name, value);
  }

  debug(message: string): void {
    core.debug(this.masker.redact(message));
  }

  info(message: string): void {
    core.info(this.masker.redact(message));
  }

  warning(message: string, props?: AnnotationProps): void {
    this.annotate('warning', message, props);
  }

  annotate(level: AnnotationLevel, message: string, props: AnnotationProps = {}): void {
    const p: core.AnnotationProperties = {};
    if (props.title) p.title = this.masker.redact(props.title);
    if (props.file) p.file = props.file;
    if (props.line !== undefined) p.startLine = props.line;
    if (props.endLine !== undefined) p.endLine = props.endLine;
    if (props.col !== undefined) p.startColumn = props.col;
    if (props.endColumn !== undefined) p.endColumn = props.endColumn;
    const msg = this.masker.redact(message);
    if (level === 'error') core.error(msg, p);
    else if (level === 'warning') core.warning(msg, p);
    else core.notice(msg, p);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(this.masker.redact(title), fn);
  }

  async summary(markdown: string): Promise<void> {
    if (!this.env_['GITHUB_STEP_SUMMARY']) return;
    await core.summary.addRaw(capSummary(this.masker.redact(markdown)), true).write();
    core.summary.emptyBuffer();
  }

  setFailed(message: string): void {
    core.setFailed(this.masker.redact(message));
  }

  async idToken(audience: string): Promise<string> {
    const requestUrl = this.env_['ACTIONS_ID_TOKEN_REQUEST_URL'];
    const requestToken = this.env_['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
    if (!requestUrl || !requestToken) throw new UserError('', MISSING_GITHUB_ID_TOKEN);
    this.secret(requestToken, 'ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    const http = new HttpClient({ service: 'GitHub OIDC', proxy: this.proxy(), retryStatuses: [429, 500, 502, 503, 504] });
    try {
      const jwt = await fetchGitHubIdToken(http, { requestUrl, requestToken }, audience);
      this.secret(jwt, 'the OIDC token');
      return jwt;
    } finally {
      await http.close();
    }
  }

  saveState(name: string, value: string): void {
    core.saveState(name, value);
  }

  getState(name: string): string {
    return this.env_[`STATE_${name}`] ?? '';
  }

  tempDir(): string {
    return privateDir(githubTempDir(this.env_));
  }

  workspace(): string {
    return this.env_['GITHUB_WORKSPACE'] || process.cwd();
  }

  proxy() {
    return envProxy(this.env_);
  }

  private async artifact(upload: ArtifactUploader, name: string, file: string): Promise<ArtifactUpload> {
    const ctx = this.context();
    const why = artifactUnavailable((n) => this.env_[n], ctx.serverUrl);
    if (why) throw new Error(why);
    // masked, never recorded for the leak guard: it is the runner's, not a secret this job injected
    for (const form of this.masker.register(this.env_['ACTIONS_RUNTIME_TOKEN'] ?? '', 'ACTIONS_RUNTIME_TOKEN')) core.setSecret(form);
    let res: { id?: number; size?: number };
    try {
      res = await upload(name, file);
    } catch (err) {
      throw new Error(this.masker.redact(withoutQueries(err instanceof Error ? err.message : String(err))));
    }
    const url = artifactUrl(ctx.serverUrl, ctx.repository, ctx.runId, res.id);
    return { ...res, ...(url ? { url } : {}) };
  }

  context(): RunContext {
    const e = this.env_;
    let event: unknown = {};
    const path = e['GITHUB_EVENT_PATH'];
    if (path) {
      try {
        event = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        event = {};
      }
    }
    return {
      platform: 'github',
      repository: e['GITHUB_REPOSITORY'] ?? '',
      runId: e['GITHUB_RUN_ID'] ?? '',
      runAttempt: e['GITHUB_RUN_ATTEMPT'] ?? '1',
      job: e['GITHUB_JOB'] ?? '',
      sha: e['GITHUB_SHA'] ?? '',
      ref: e['GITHUB_REF'] ?? '',
      eventName: e['GITHUB_EVENT_NAME'] ?? '',
      event,
      serverUrl: e['GITHUB_SERVER_URL'] ?? 'https://github.com',
      apiUrl: e['GITHUB_API_URL'] ?? 'https://api.github.com',
      actor: e['GITHUB_ACTOR'] ?? '',
    };
  }
}
