/**
 * The three error classes of the suite. A UserError is the user's to fix: it names the
 * input (or file, selector line) and what to do. A RemoteError is a service's answer
 * or a network failure: it carries the status, the service's code and whether a retry
 * could help. A StepFailed fails the step without an error trace (findings, overdue
 * credentials). None ever carries a secret: messages are built from names, paths,
 * statuses and the service's own error strings (which never echo tokens).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    /** the input, flag or file the user should look at ('' when none applies) */
    readonly input: string,
    message: string,
  ) {
    super(input ? `${message} (input "${input}")` : message);
  }
}

export interface RemoteErrorInit {
  service: string;
  status: number;
  code?: string;
  retryable: boolean;
  /** the service's own messages, e.g. Vault's errors[] */
  details?: readonly string[];
  /** a sentence telling the user what to change */
  hint?: string;
}

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly service: string;
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly details: readonly string[];
  readonly hint: string;
  constructor(message: string, init: RemoteErrorInit) {
    const parts = [message];
    if (init.details && init.details.length) parts.push(`${init.service} said: ${init.details.join('; ')}`);
    if (init.hint) parts.push(init.hint);
    super(parts.join('. ').replace(/\.\./g, '.'));
    this.service = init.service;
    this.status = init.status;
    this.code = init.code ?? '';
    this.retryable = init.retryable;
    this.details = init.details ?? [];
    this.hint = init.hint ?? '';
  }
}

/** Thrown by an action to fail the step without an error trace (e.g. findings). */
export class StepFailed extends Error {
  override readonly name = 'StepFailed';
}

/** A message safe to print for any thrown value (the caller still redacts it). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
