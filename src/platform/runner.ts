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

export interface Runner {
  readonly platform: 'github' | 'gitlab' | 'local';
  readonly masker: Masker;
  /** true when this process runs the post (cleanup) step */
  readonly isPost: boolean;

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
}

/** One action: its main step and, when it cleans up, its post step. */
export interface Action {
  name: string;
  main(r: Runner): Promise<void>;
  post?(r: Runner): Promise<void>;
}
