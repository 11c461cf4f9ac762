/**
 * Streaming redaction of a child process's output (`pipeline-secrets exec`).
 * Works on bytes, so a secret split across chunks, or a multi-byte character split across
 * chunks, is handled the same way; a secret split by terminal escape sequences or NUL bytes
 * is redacted whole (kernels/form-matcher.ts). Text is released as soon as it cannot be the
 * start of a secret: only a tail that could still grow into a form (or an escape sequence
 * not yet complete) is held back. The result is what Masker.redact() gives for the whole
 * output at once, however the output is split.
 */
import { StringDecoder } from 'node:string_decoder';
import { REDACTED } from '../../core/mask.js';
import { forms as formsOf } from '../../core/forms.js';
import { FormMatcher, replaceRegions } from '../../kernels/form-matcher.js';

const REDACTED_BYTES = Buffer.from(REDACTED);

/** The byte forms (latin1 strings of their UTF-8) of every form core/forms.ts gives each value. */
export function byteForms(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) for (const f of formsOf(v)) out.add(Buffer.from(f.text, 'utf8').toString('latin1'));
  return [...out];
}

/** stdout and stderr redactors built from one byteForms() array share one matcher */
const matchers = new WeakMap<readonly string[], FormMatcher>();

function matcherFor(forms: readonly string[]): FormMatcher {
  let m = matchers.get(forms);
  if (!m) {
    m = new FormMatcher(forms.map((f) => Buffer.from(f, 'latin1')));
    matchers.set(forms, m);
  }
  return m;
}

export class StreamRedactor {
  private pending: Buffer = Buffer.alloc(0);
  private readonly matcher: FormMatcher;
  private readonly decoder = new StringDecoder('utf8');

  /** `forms` from byteForms(); `emit` receives redacted UTF-8 text. */
  constructor(
    forms: readonly string[],
    private readonly emit: (text: string) => void,
  ) {
    this.matcher = matcherFor(forms);
  }

  write(chunk: Uint8Array): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    this.process(false);
  }

  /** End of the stream: releases what was held back. */
  end(): void {
    this.process(true);
    const rest = this.decoder.end();
    if (rest) this.emit(rest);
  }

  private process(final: boolean): void {
    const buf = this.pending;
    const { regions, hold } = this.matcher.scan(buf, final);
    const out = replaceRegions(buf, regions, hold, REDACTED_BYTES);
    // a copy, so a small held tail does not keep a large chunk alive
    this.pending = hold < buf.length ? Buffer.from(buf.subarray(hold)) : Buffer.alloc(0);
    if (out.length) {
      const text = this.decoder.write(out);
      if (text) this.emit(text);
    }
  }
}
