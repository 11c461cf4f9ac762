/** A Runner that records what an action hands to the job, for unit tests without a runner process. */
import { Masker } from '../../../src/core/mask.js';
import type { RunContext, Runner } from '../../../src/platform/runner.js';

export class RecordingRunner implements Runner {
  readonly platform = 'github' as const;
  readonly masker = new Masker();
  readonly isPost = false;
  // GitHub's capabilities (platform/runner.ts)
  readonly annotations = 'native' as const;
  readonly hasSummary = true;
  readonly reports = { formats: ['sarif', 'json'] as const, dir: (): string => this.dir };
  readonly dropInEnv = true;
  readonly maskedOutputsLeaveJob = false;
  readonly jobScoped = true;
  /** every value registered with secret(), in order */
  readonly secrets: string[] = [];
  readonly exported = new Map<string, string>();
  readonly outputs = new Map<string, string>();
  readonly state = new Map<string, string>();
  readonly log: string[] = [];
  /** values exported or set as outputs before they were registered as secrets */
  readonly unmasked: string[] = [];
  /** the inputs read, in order */
  readonly read: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly vars: Record<string, string> = {},
    private readonly inputs: Record<string, string> = {},
  ) {}

  input(name: string): string {
    this.read.push(name);
    return this.inputs[name] ?? '';
  }
  env(name: string): string | undefined {
    return this.vars[name];
  }
  secret(value: string): void {
    this.secrets.push(value);
  }
  private handed(value: string): void {
    if (!this.secrets.includes(value)) this.unmasked.push(value);
  }
  output(name: string, value: string): void {
    this.handed(value);
    this.outputs.set(name, value);
  }
  exportEnv(name: string, value: string): void {
    this.handed(value);
    this.exported.set(name, value);
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
  annotate(level: string, m: string): void {
    this.log.push(`${level}: ${m}`);
  }
  async group<T>(_title: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }
  async summary(m: string): Promise<void> {
    this.log.push(m);
  }
  setFailed(m: string): void {
    this.log.push(`failed: ${m}`);
  }
  async idToken(): Promise<string> {
    throw new Error('no OIDC token in this test');
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
  tempDir(): string {
    return this.dir;
  }
  workspace(): string {
    return this.dir;
  }
  proxy(): Record<string, never> {
    return {};
  }
  context(): RunContext {
    return {
      platform: 'github',
      repository: 'o/r',
      runId: '7',
      runAttempt: '1',
      actor: 'me',
      job: 'j',
      sha: 'abc',
      ref: 'refs/heads/main',
      eventName: 'push',
      event: {},
      serverUrl: '',
      apiUrl: '',
    };
  }
}
