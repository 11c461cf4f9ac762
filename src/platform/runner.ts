/**
 * The seam between the suite and a CI system. Only src/platform implements it and only
 * src/platform reads the process environment; actions receive a Runner and nothing else.
 */
import type { Masker } from '../core/mask.js';
import type { ProxyOptions } from '../core/http.js';
import type { AnnotationLevel, AnnotationProps } from '../core/annotation.js';

export type { AnnotationLevel, AnnotationProps };

/** What the run is: enough for session names, scan ranges and reports. */
export interface RunContext {
  platform: 'github' | 'gitlab' | 'local';
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
  sha: string;
  ref: string;
  eventName: string;
  /** the event payload (GitHub event.json), unknown until validated */
  event: unknown;
  serverUrl: string;
  apiUrl: string;
  actor: string;
}

/** A report format a runner shows natively (scanner's ReportFormat includes these strings). */
export type ReportKind = 'sarif' | 'json' | 'gitlab' | 'text';

/** Where reports go on this runner. */
export interface ReportPlace {
  /** the formats written when the user names none */
  readonly formats: readonly ReportKind[];
  /** the directory a report without an explicit path is written to */
  dir(): string;
  /** present where a person reads the output (the local CLI): prints a report as it is */
  readonly terminal?: (text: string) => void;
}

/** The pull request a run is for (from the event), enough to comment on it. */
export interface PullRequest {
  number: number;
  /** the head commit (the run's sha when the event does not say) */
  headSha: string;
  /** the head repository is not the base repository */
  fork: boolean;
}

/** One review comment on a line of a pull request; its body is already fully redacted. */
export interface ReviewComment {
  path: string;
  line: number;
  body: string;
  /** an HTML comment inside body that finds the comment again on a re-run (not posted twice) */
  marker: string;
  /** comments with the same key are posted once (e.g. path:line:rule) */
  key: string;
}

export interface ReviewCommentsResult {
  posted: number;
  existing: number;
  /** lines the forge refused because they are not part of the pull request's diff */
  outsideDiff: number;
  /** the token may not comment (fork pull request, read-only token) */
  denied: boolean;
  error?: string;
}

export type SarifUploadResult = { ok: true; id: string } | { ok: false; denied: boolean; why: string };

export interface IssueSync {
  /** the issue is found again by this exact title among the open issues */
  title: string;
  labels: readonly string[];
  /** something is due: open or update the issue; otherwise close it if open */
  due: boolean;
  /** already redacted by the caller */
  body: string;
}

export interface IssueSyncResult {
  action: 'created' | 'updated' | 'closed' | 'none';
  number?: number;
  url?: string;
}

/**
 * The forge's APIs behind the run (GitHub only): the repository, run and API URL come from the
 * runner; the token from the action's input. A missing permission is a result, not a throw.
 */
export interface Forge {
  /** the pull request of this run's event; undefined when the event is not a pull request */
  pullRequest(): PullRequest | undefined;
  reviewComments(token: string, pr: PullRequest, comments: readonly ReviewComment[], opts?: { max?: number }): Promise<ReviewCommentsResult>;
  /** the SARIF log to code scanning, for the run's commit and ref */
  uploadSarif(token: string, sarif: string): Promise<SarifUploadResult>;
  syncIssue(token: string, issue: IssueSync): Promise<IssueSyncResult>;
}

/**
 * What the platform is handed so that it never imports the guard (src/guard/hooks.ts). `dir` is
 * the runner's private temp dir. The platform keeps its conditions (which runners record, the
 * PIPELINE_SECRETS_GUARD switch, job-scoped temp dirs only) and its warnings when a hook throws.
 */
export interface RunnerHooks {
  /** a secret was registered: record it */
  secret?(dir: string, value: string, what: string): void;
  /** an action with a post step finished its main step: a reference for its post step, if any */
  afterMain?(dir: string): string | undefined;
  /** the post step of the main step that got `ref` finished: true when that was the last one */
  afterPost?(dir: string, ref: string): boolean;
}

export interface Runner {
  readonly platform: 'github' | 'gitlab' | 'local';
  readonly masker: Masker;
  /** true when this process runs the post (cleanup) step */
  readonly isPost: boolean;
  /** before the main step: whatever the runner needs to know isPost in the post step (GitHub: state) */
  prepareMain?(hasPost: boolean): void;

  /** native: the run's annotations; log: `level: file:line:` log lines; none: plain log lines */
  readonly annotations: 'native' | 'log' | 'none';
  /** summary() reaches a summary (GitHub's step summary, or a summary file given to the runner) */
  readonly hasSummary: boolean;
  readonly reports: ReportPlace;
  /** the forge's APIs (GitHub only) */
  readonly forge?: Forge;
  /** how to keep a file the action wrote, where there is no artifact upload (GitLab) */
  readonly artifactHint?: string;
  /** drop-in environment variables (a workflow's env: block, e.g. gitleaks-action's) are honoured */
  readonly dropInEnv: boolean;
  /** masked step outputs reach other jobs (GitHub drops them: actions/runner#1061) */
  readonly maskedOutputsLeaveJob: boolean;
  /** tempDir() belongs to this one CI job (and is wiped with it): not so on a workstation */
  readonly jobScoped: boolean;
  /** the guard's hooks, as the entry handed them in */
  readonly hooks?: RunnerHooks;

  /** the input's raw value, '' when not given (names are the kebab-case input names) */
  input(name: string): string;
  /** a variable of the job's environment */
  env(name: string): string | undefined;
  /** registers a secret with our masker and the runner's; call before any use of the value */
  secret(value: string, what: string): void;
  output(name: string, value: string): void;
  exportEnv(name: string, value: string): void;

  debug(message: string): void;
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  annotate(level: AnnotationLevel, message: string, props?: AnnotationProps): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  summary(markdown: string): Promise<void>;
  setFailed(message: string): void;

  /** the CI's OIDC identity token for an audience */
  idToken(audience: string): Promise<string>;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** a private (0700) directory for this job's files */
  tempDir(): string;
  /** the checked-out repository */
  workspace(): string;
  proxy(): ProxyOptions;
  context(): RunContext;
  /**
   * Uploads one file as a workflow artifact (GitHub's results service). Only runners with an
   * artifact service implement it; throws an Error saying why when the upload cannot be done.
   */
  uploadArtifact?(name: string, file: string): Promise<{ id?: number; size?: number; url?: string }>;
  /** the process's standard input, where a command may read it (the CLI's `scan --stdin`) */
  stdin?(): AsyncIterable<Buffer | string>;
}

/** One action: its main step and, when it cleans up, its post step. */
export interface Action {
  name: string;
  main(r: Runner): Promise<void>;
  post?(r: Runner): Promise<void>;
}
