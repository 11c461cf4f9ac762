/**
 * A Runner for gitleaks-scan's unit tests, one preset per capability set: GitHub-like (native
 * annotations, a step summary, SARIF and JSON in the temp dir, drop-in env, a forge), GitLab-like
 * (log annotations, no summary, the GitLab report in the workspace, an artifact hint) and local
 * (no annotations, a terminal the text report is printed to). It records what the action hands
 * to the job; no runner process, no network.
 */
import { Masker } from '../../../src/core/mask.js';
import type { ProxyOptions } from '../../../src/core/http.js';
import type {
  AnnotationLevel,
  AnnotationProps,
  Forge,
  PullRequest,
  ReportPlace,
  ReviewComment,
  ReviewCommentsResult,
  RunContext,
  Runner,
  SarifUploadResult,
} from '../../../src/platform/runner.js';

export type Preset = 'github' | 'gitlab' | 'local';

/** A forge that records what it is asked; its answers are the test's. */
export class FakeForge implements Forge {
  pr: PullRequest | undefined = undefined;
  readonly comments: { token: string; pr: PullRequest; comments: ReviewComment[] }[] = [];
  readonly sarifs: { token: string; sarif: string }[] = [];
  commentResult: ReviewCommentsResult = { posted: 0, existing: 0, outsideDiff: 0, denied: false };
  sarifResult: SarifUploadResult = { ok: true, id: 'sarif-1' };

  pullRequest(): PullRequest | undefined {
    return this.pr;
  }
  async reviewComments(token: string, pr: PullRequest, comments: readonly ReviewComment[]): Promise<ReviewCommentsResult> {
    // the bodies are read here, as the platform reads them before posting
    this.comments.push({ token, pr, comments: comments.map((c) => ({ path: c.path, line: c.line, body: c.body, marker: c.marker, key: c.key })) });
    return { ...this.commentResult, posted: this.commentResult.posted || comments.length };
  }
  async uploadSarif(token: string, sarif: string): Promise<SarifUploadResult> {
    this.sarifs.push({ token, sarif });
    return this.sarifResult;
  }
  async syncIssue(): Promise<never> {
    throw new Error('not used by gitleaks-scan');
  }
}

export interface FakeOptions {
  workspace: string;
  temp: string;
  inputs?: Record<string, string>;
  vars?: Record<string, string>;
  /** GitLab and local only: a summary file was given */
  summaryFile?: boolean;
  context?: Partial<RunContext>;
}

export class FakeRunner implements Runner {
  readonly platform: Preset;
  readonly masker = new Masker();
  readonly isPost = false;
  readonly annotations: 'native' | 'log' | 'none';
  readonly hasSummary: boolean;
  readonly reports: ReportPlace;
  readonly forge?: FakeForge;
  readonly artifactHint?: string;
  readonly dropInEnv: boolean;
  readonly maskedOutputsLeaveJob: boolean;
  readonly jobScoped: boolean;

  readonly secrets: string[] = [];
  readonly outputs = new Map<string, string>();
  readonly log: string[] = [];
  readonly annotated: { level: AnnotationLevel; message: string; props?: AnnotationProps }[] = [];
  readonly summaries: string[] = [];
  /** what the local preset's terminal got */
  readonly printed: string[] = [];
  /** every input read, in order */
  readonly read: string[] = [];

  constructor(
    preset: Preset,
    private readonly o: FakeOptions,
  ) {
    this.platform = preset;
    this.annotations = preset === 'github' ? 'native' : preset === 'gitlab' ? 'log' : 'none';
    this.hasSummary = preset === 'github' || o.summaryFile === true;
    this.dropInEnv = preset === 'github';
    this.maskedOutputsLeaveJob = preset !== 'github';
    this.jobScoped = preset !== 'local';
    if (preset === 'github') {
      this.reports = { formats: ['sarif', 'json'], dir: () => o.temp };
      this.forge = new FakeForge();
    } else if (preset === 'gitlab') {
      this.reports = { formats: ['gitlab'], dir: () => o.workspace };
      this.artifactHint = 'list it under artifacts: to keep it';
    } else {
      this.reports = { formats: ['text'], dir: () => o.workspace, terminal: (t) => this.printed.push(t) };
    }
  }

  input(name: string): string {
    this.read.push(name);
    return this.o.inputs?.[name] ?? '';
  }
  env(name: string): string | undefined {
    return this.o.vars?.[name];
  }
  secret(value: string): void {
    this.secrets.push(value);
  }
  output(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  exportEnv(): void {
    throw new Error('gitleaks-scan exports nothing');
  }
  debug(m: string): void {
    this.log.push(m);
  }
  info(m: string): void {
    this.log.push(m);
  }
  warning(m: string): void {
    this.log.push(`warning: ${m}`);
  }
  annotate(level: AnnotationLevel, message: string, props?: AnnotationProps): void {
    this.annotated.push({ level, message, ...(props ? { props } : {}) });
  }
  async group<T>(_title: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }
  async summary(m: string): Promise<void> {
    this.summaries.push(m);
  }
  setFailed(m: string): void {
    this.log.push(`failed: ${m}`);
  }
  async idToken(): Promise<string> {
    throw new Error('no OIDC token in this test');
  }
  saveState(): void {}
  getState(): string {
    return '';
  }
  tempDir(): string {
    return this.o.temp;
  }
  workspace(): string {
    return this.o.workspace;
  }
  proxy(): ProxyOptions {
    return {};
  }
  context(): RunContext {
    return {
      platform: this.platform,
      repository: 'acme/app',
      runId: '1',
      runAttempt: '1',
      job: 'scan',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      eventName: this.platform === 'local' ? 'local' : 'push',
      event: {},
      serverUrl: 'https://forge.example',
      apiUrl: 'https://api.forge.example',
      actor: 'dev',
      ...this.o.context,
    };
  }
}
