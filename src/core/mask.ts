/**
 * The masker: every secret is registered here before it is used. It computes what must be
 * masked (core/forms.ts: the value, each line of a multi-line value, and the forms tools
 * write: base64, JSON and URL escapes as each language writes them ...) and redacts all of
 * them from any text the suite prints, also when an escape sequence or a NUL byte splits a
 * secret (kernels/form-matcher.ts). Platforms send the forms to the runner's own masker (GitHub
 * add-mask) and pass every line they print through redact() (GitLab and the CLI have no
 * runtime mask).
 */
import { UserError } from './errors.js';
import { droppedFormsWarning, formReport, forms, MIN_SECRET_LENGTH } from './forms.js';
import { FormMatcher, replaceRegions } from '../kernels/form-matcher.js';

export { MIN_SECRET_LENGTH } from './forms.js';
export const REDACTED = '***';
const REDACTED_BYTES = Buffer.from(REDACTED);

export interface MaskerOptions {
  /**
   * Told once per secret what cannot be redacted safely (a short line, the base64 form of a
   * short value inside longer base64 text). The message names the secret, never its value.
   */
  warn?: (message: string) => void;
}

export class Masker {
  private readonly forms = new Set<string>();
  private readonly matcher = new FormMatcher();
  private unindexed: string[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly opts: MaskerOptions = {}) {}

  /**
   * Registers a secret; returns the new forms to send to the runner's masker.
   * `what` names the secret for the error (an input, env name or path: never the value).
   */
  register(value: string, what: string): string[] {
    if (value.trim() === '') throw new UserError('', `the secret ${what} is empty: refusing to use it, since an empty value cannot be masked`);
    if (value.trim().length < MIN_SECRET_LENGTH) {
      throw new UserError(
        '',
        `the secret ${what} is shorter than ${MIN_SECRET_LENGTH} characters: refusing to use it, since a value that short cannot be masked safely`,
      );
    }
    const report = formReport(value);
    const added: string[] = [];
    for (const { text } of report.forms) {
      if (!this.forms.has(text)) {
        this.forms.add(text);
        added.push(text);
      }
    }
    for (const f of added) this.unindexed.push(f);
    const warning = droppedFormsWarning(report.dropped, what);
    if (warning && !this.warned.has(value)) {
      this.warned.add(value);
      this.opts.warn?.(warning);
    }
    return added;
  }

  has(value: string): boolean {
    return this.forms.has(value);
  }

  get size(): number {
    return this.forms.size;
  }

  /**
   * Replaces every registered form in `text` with ***: each occurrence, overlapping ones
   * merged, also where escape sequences or NUL bytes split it.
   */
  redact(text: string): string {
    if (this.forms.size === 0 || text === '') return text;
    if (this.unindexed.length) {
      this.matcher.add(this.unindexed.map((f) => Buffer.from(f, 'utf8')));
      this.unindexed = [];
    }
    const bytes = Buffer.from(text, 'utf8');
    const { regions } = this.matcher.scan(bytes, true);
    if (regions.length === 0) return text;
    return replaceRegions(bytes, regions, bytes.length, REDACTED_BYTES).toString('utf8');
  }
}

/** The texts of core/forms.ts forms(): what the masker matches for `value`. */
export function secretForms(value: string): string[] {
  return forms(value).map((f) => f.text);
}
