/**
 * `action-timeout-s`: a bound on the whole step. The work runs against a timer; whatever is in
 * flight is told to the timer (`doing`), so the failure says what was still pending (the OIDC
 * token, an STS call and its attempt, a backoff). Once expired, `check()` stops the work before
 * it exports anything: a late STS answer never turns into half-exported credentials.
 */
import { RemoteError } from '../core/errors.js';

export class StepTimeout {
  private pending = 'starting';
  private expiredAt = 0;

  /** `seconds` 0 means no bound. */
  constructor(
    readonly seconds: number,
    private readonly input = 'action-timeout-s',
  ) {}

  doing(what: string): void {
    this.pending = what;
  }

  get expired(): boolean {
    return this.expiredAt > 0;
  }

  /** Throws the timeout error once the bound has passed (call before exporting). */
  check(): void {
    if (this.expired) throw this.error();
  }

  /** Milliseconds a single request may take: the whole bound at most. */
  capMs(ms: number): number {
    return this.seconds > 0 ? Math.min(ms, this.seconds * 1000) : ms;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.seconds <= 0) return fn();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.expiredAt = Date.now();
        reject(this.error());
      }, this.seconds * 1000);
      timer.unref();
    });
    try {
      return await Promise.race([fn(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private error(): RemoteError {
    return new RemoteError(`the step did not finish within ${this.input} (${this.seconds} s); still pending: ${this.pending}`, {
      service: 'oidc-assume-role',
      status: 0,
      code: 'StepTimeout',
      retryable: false,
      hint: `nothing was exported. Raise ${this.input}, or check the network path to the service named (proxy, private endpoint, firewall)`,
    });
  }
}
