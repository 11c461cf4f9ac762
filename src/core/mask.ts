/**
 * The masker: every secret is registered here before it is used. It computes what must be
 * masked (the value, each line of a multi-line value, and the derived forms our own code
 * may write: base64, JSON-escaped, URL-encoded) and redacts all of them from any text the
 * suite prints. Platforms send the forms to the runner's own masker (GitHub add-mask) and
 * pass every line they print through redact() (GitLab and the CLI have no runtime mask).
 */
import { UserError } from './errors.js';

/** Shorter values garble logs when masked and are guessable: refuse them. */
export const MIN_SECRET_LENGTH = 4;
export const REDACTED = '***';

export class Masker {
  private readonly forms = new Set<string>();
  private pattern: RegExp | null = null;

  /**
   * Registers a secret; returns the new forms to send to the runner's masker.
   * `what` names the secret for the error (an input, env name or path: never the value).
   */
  register(value: string, what: string): string[] {
    if (value.trim() === '') throw new UserError('', `the secret ${what} is empty: refusing to use it, since an empty value cannot be masked`);
    if (value.trim().length < MIN_SECRET_LENGTH) {
      throw new UserError('', `the secret ${what} is shorter than ${MIN_SECRET_LENGTH} characters: refusing to use it, since a value that short cannot be masked safely`);
    }
    const added: string[] = [];
    for (const form of secretForms(value)) {
      if (!this.forms.has(form)) {
        this.forms.add(form);
        added.push(form);
      }
    }
    if (added.length) this.pattern = null;
    return added;
  }

  has(value: string): boolean {
    return this.forms.has(value);
  }

  get size(): number {
    return this.forms.size;
  }

  /** Replaces every registered form in `text` with ***. */
  redact(text: string): string {
    if (this.forms.size === 0 || text === '') return text;
    if (!this.pattern) {
      const sorted = [...this.forms].sort((a, b) => b.length - a.length);
      this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    }
    return text.replace(this.pattern, REDACTED);
  }
}

/** The value, its lines (each of masking length), and derived encodings of each. */
export function secretForms(value: string): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    if (s.trim().length >= MIN_SECRET_LENGTH) out.add(s);
  };
  // a value read with stray spaces around it is printed without them too
  const bases = [value, value.trim()];
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      bases.push(line);
      bases.push(line.trim());
    }
  }
  for (const b of bases) {
    add(b);
    add(JSON.stringify(b).slice(1, -1));
    add(encodeURIComponent(b));
    if (b.trim().length >= MIN_SECRET_LENGTH) add(Buffer.from(b, 'utf8').toString('base64'));
  }
  return [...out];
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
