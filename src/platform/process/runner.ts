/**
 * The runner for a plain process: the CLI on a workstation (local) and GitLab CI jobs.
 * Neither has a runtime masker, so every line printed goes through our own redaction.
 * Logs go to stderr (stdout stays free for reports); exported variables go to a 0600
 * shell file that the caller sources (`--export-file`), or to a child process (`exec`).
 * State for the post step lives in a 0600 JSON file in the private temp dir. Both are
 * owner-only on Windows too (core/files.ts writeSecretFileSync: ACL set before any content).
 */
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { writeSecretFileSync } from '../../core/files.js';
import { join } from 'node:path';
import { Masker } from '../../core/mask.js';
import { HttpClient } from '../../core/http.js';
import { fetchGitHubIdToken, gitlabIdToken } from '../../core/idtoken.js';
import { UserError } from '../../core/errors.js';
import { isEnvName } from '../../core/parse.js';
import type { AnnotationLevel, AnnotationProps, ReportPlace, RunContext, Runner, RunnerHooks } from '../runner.js';
import { envProxy } from '../proxy-env.js';
import { privateDir, processTempDir } from '../temp-dir.js';

export interface ProcessRunnerOptions {
  action: string;
  inputs: ReadonlyMap<string, string>;
  env?: NodeJS.ProcessEnv;
  isPost?: boolean;
  /** where exported variables are written as `export NAME='value'` (0600) */
  envFile?: string;
  write?: (text: string) => void;
  /** where a report printed for a person goes (the local CLI; default: stdout) */
  out?: (text: string) => void;
  debug?: boolean;
  /** the guard's hooks (src/guard/hooks.ts), from the entry */
  hooks?: RunnerHooks;
}

export class ProcessRunner implements Runner {
  readonly platform: 'gitlab' | 'local';
  /** forms too short to redact safely are warned about once per secret */
  readonly masker = new Masker({ warn: (m) => this.warning(m) });
  readonly isPost: boolean;
  readonly outputs = new Map<string, string>();
  readonly exported = new Map<string, string>();
  failed = false;
  /** GitLab: `warning: file:line: ` log lines (the job log has no annotations); local: plain lines */
  readonly annotations: 'log' | 'none';
  /** a summary file was given (summary-file, PIPELINE_SECRETS_SUMMARY_FILE); else summary() prints to the log */
  readonly hasSummary: boolean;
  /** GitLab: its code quality report in the project dir; local: text, printed for the person at the terminal */
  readonly reports: ReportPlace;
  readonly artifactHint?: string;
  readonly dropInEnv = false;
  readonly maskedOutputsLeaveJob = true;
  /** a GitLab job's temp dir (CI_JOB_ID) is the job's; a workstation's is not */
  readonly jobScoped: boolean;
  readonly hooks?: RunnerHooks;
  protected readonly env_: NodeJS.ProcessEnv;
  private readonly opts: ProcessRunnerOptions;
  private readonly write: (text: string) => void;

  constructor(opts: ProcessRunnerOptions) {
    this.opts = opts;
    this.env_ = opts.env ?? process.env;
    this.platform = this.env_['GITLAB_CI'] === 'true' ? 'gitlab' : 'local';
    this.isPost = opts.isPost ?? false;
    this.write = opts.write ?? ((t) => process.stderr.write(t));
    const gitlab = this.platform === 'gitlab';
    this.annotations = gitlab ? 'log' : 'none';
    this.hasSummary = this.input('summary-file') !== '' || (this.env_['PIPELINE_SECRETS_SUMMARY_FILE'] ?? '') !== '';
    const out =
      opts.out ??
      ((t: string) => {
        process.stdout.write(t);
      });
    this.reports = gitlab ? { formats: ['gitlab'], dir: () => this.workspace() } : { formats: ['text'], dir: () => this.workspace(), terminal: out };
    if (gitlab) this.artifactHint = 'list it under artifacts: to keep it';
    this.jobScoped = gitlab;
    if (opts.hooks) this.hooks = opts.hooks;
  }

  /**
   * A flag, else INPUT_NAME-WITH-HYPHENS (GitHub's form), else INPUT_NAME_WITH_UNDERSCORES (the
   * only form a shell or a GitLab variable can set), else the variable PIPELINE_SECRETS_INPUT_VARS
   * names for it (`secret-id=VAULT_SECRET_ID ...`): the components pass a secret by its variable's
   * name, so a shell trace (CI_DEBUG_TRACE) never prints an assignment holding its value.
   */
  stdin(): AsyncIterable<Buffer | string> {
    return process.stdin;
  }

  input(name: string): string {
    const upper = name.replace(/ /g, '_').toUpperCase();
    return this.opts.inputs.get(name) ?? this.env_[`INPUT_${upper}`] ?? this.env_[`INPUT_${upper.replace(/-/g, '_')}`] ?? this.fromVar(name) ?? '';
  }

  private fromVar(name: string): string | undefined {
    for (const pair of (this.env_['PIPELINE_SECRETS_INPUT_VARS'] ?? '').split(/[\s,]+/)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && pair.slice(0, eq) === name) return this.env_[pair.slice(eq + 1)];
    }
    return undefined;
  }

  env(name: string): string | undefined {
    return this.exported.get(name) ?? this.env_[name];
  }

  secret(value: string, what: string): void {
    this.masker.register(value, what);
    // the leak guard (hooks.secret) records GitLab jobs only (a keyed hash of each form, never the value)
    const record = this.hooks?.secret;
    if (!record || this.platform !== 'gitlab' || this.env_['PIPELINE_SECRETS_GUARD'] === 'false') return;
    try {
      record(this.tempDir(), value, what);
    } catch (err) {
      this.warning(`the leak guard could not record ${what}: ${err instanceof Error ? err.message : 'error'}`);
    }
  }

  output(name: string, value: string): void {
    this.outputs.set(name, value);
    this.debug(`output ${name} = ${value}`);
  }

  exportEnv(name: string, value: string): void {
    if (!isEnvName(name)) throw new UserError('', `"${name}" is not a valid environment variable name`);
    this.exported.set(name, value);
    if (this.opts.envFile) this.writeEnvFile(this.opts.envFile);
  }

  private writeEnvFile(path: string): void {
    const lines = [...this.exported].map(([k, v]) => `export ${k}='${v.replace(/'/g, `'\\''`)}'\n`);
    writeSecretFileSync(path, lines.join(''));
  }

  private line(text: string): void {
    this.write(`${this.masker.redact(text)}\n`);
  }

  debug(message: string): void {
    if (this.opts.debug || this.env_['PIPELINE_SECRETS_DEBUG'] === '1' || this.env_['CI_DEBUG_TRACE'] === 'true') this.line(`debug: ${message}`);
  }

  info(message: string): void {
    this.line(message);
  }

  warning(message: string, props?: AnnotationProps): void {
    this.annotate('warning', message, props);
  }

  annotate(level: AnnotationLevel, message: string, props: AnnotationProps = {}): void {
    const where = props.file ? `${props.file}${props.line !== undefined ? `:${props.line}` : ''}${props.col !== undefined ? `:${props.col}` : ''}: ` : '';
    const title = props.title ? `${props.title}: ` : '';
    this.line(`${level}: ${where}${title}${message}`);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    if (this.platform !== 'gitlab') {
      this.line(`== ${title}`);
      return fn();
    }
    const id = `ps_${Math.random().toString(36).slice(2, 10)}`;
    const ts = Math.floor(Date.now() / 1000);
    this.write(`\x1b[0Ksection_start:${ts}:${id}[collapsed=true]\r\x1b[0K${this.masker.redact(title)}\n`);
    try {
      return await fn();
    } finally {
      this.write(`\x1b[0Ksection_end:${Math.floor(Date.now() / 1000)}:${id}\r\x1b[0K\n`);
    }
  }

  async summary(markdown: string): Promise<void> {
    const file = this.opts.inputs.get('summary-file') ?? this.env_['PIPELINE_SECRETS_SUMMARY_FILE'];
    if (file) writeFileSync(file, this.masker.redact(markdown), { flag: 'a' });
    else this.line(markdown);
  }

  setFailed(message: string): void {
    this.failed = true;
    this.line(`error: ${message}`);
  }

  async idToken(audience: string): Promise<string> {
    const e = this.env_;
    const varName = this.input('id-token-var') || e['PIPELINE_SECRETS_ID_TOKEN_VAR'] || 'PIPELINE_SECRETS_ID_TOKEN';
    let jwt: string;
    if (e[varName] || this.platform === 'gitlab') {
      jwt = gitlabIdToken(e[varName], varName);
    } else if (e['ACTIONS_ID_TOKEN_REQUEST_URL'] && e['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
      this.secret(e['ACTIONS_ID_TOKEN_REQUEST_TOKEN'], 'ACTIONS_ID_TOKEN_REQUEST_TOKEN');
      const http = new HttpClient({ service: 'GitHub OIDC', proxy: this.proxy() });
      try {
        jwt = await fetchGitHubIdToken(http, { requestUrl: e['ACTIONS_ID_TOKEN_REQUEST_URL'], requestToken: e['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] }, audience);
      } finally {
        await http.close();
      }
    } else {
      throw new UserError('id-token-var', `no OIDC token: set $${varName} to a JWT for audience "${audience}" (on GitLab, declare it under id_tokens:)`);
    }
    this.secret(jwt, 'the OIDC token');
    return jwt;
  }

  private statePath(): string {
    return join(this.tempDir(), `state-${this.opts.action}.json`);
  }

  private readState(): Record<string, string> {
    const p = this.statePath();
    if (!existsSync(p)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(p, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    } catch {
      return {};
    }
  }

  saveState(name: string, value: string): void {
    const state = this.readState();
    state[name] = value;
    writeSecretFileSync(this.statePath(), JSON.stringify(state));
  }

  getState(name: string): string {
    return this.readState()[name] ?? '';
  }

  /** The post step calls this when done, so state does not outlive the job. */
  clearState(): void {
    rmSync(this.statePath(), { force: true });
  }

  tempDir(): string {
    return privateDir(processTempDir(this.env_, this.opts.inputs.get('temp-dir')));
  }

  workspace(): string {
    return this.env_['CI_PROJECT_DIR'] || process.cwd();
  }

  proxy() {
    return envProxy(this.env_);
  }

  context(): RunContext {
    const e = this.env_;
    const server = e['CI_SERVER_URL'] ?? '';
    return {
      platform: this.platform,
      repository: e['CI_PROJECT_PATH'] ?? '',
      runId: e['CI_PIPELINE_ID'] ?? '',
      runAttempt: '1',
      job: e['CI_JOB_ID'] ?? '',
      sha: e['CI_COMMIT_SHA'] ?? '',
      ref: e['CI_COMMIT_REF_NAME'] ?? '',
      eventName: e['CI_PIPELINE_SOURCE'] ?? (this.platform === 'local' ? 'local' : ''),
      event: {},
      serverUrl: server,
      apiUrl: e['CI_API_V4_URL'] ?? '',
      actor: e['GITLAB_USER_LOGIN'] ?? e['USER'] ?? '',
    };
  }
}
