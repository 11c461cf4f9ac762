/**
 * Streaming redaction of a child process's output (`pipeline-secrets exec`).
 * Works on bytes (latin1 view of the raw output) so a secret split across chunks, or a
 * multi-byte character split across chunks, is handled the same way. Text is released as
 * soon as it cannot be the start of a secret: at most the longest form minus one byte is
 * held back, and only while it could still grow into a secret.
 */
import { StringDecoder } from 'node:string_decoder';
import { REDACTED, escapeRegExp, secretForms } from './core/mask.js';

/** The byte forms (latin1 strings) of every form core/mask.ts derives for each value. */
export function byteForms(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) for (const f of secretForms(v)) out.add(Buffer.from(f, 'utf8').toString('latin1'));
  return [...out];
}

export class StreamRedactor {
  private pending = '';
  private readonly forms: readonly string[];
  private readonly maxLen: number;
  private readonly pattern: RegExp | null;
  private readonly firstBytes: ReadonlySet<string>;
  private readonly decoder = new StringDecoder('utf8');

  /** `forms` from byteForms(); `emit` receives redacted UTF-8 text. */
  constructor(forms: readonly string[], private readonly emit: (text: string) => void) {
    this.forms = [...new Set(forms.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
    this.maxLen = this.forms[0]?.length ?? 0;
    this.pattern = this.forms.length ? new RegExp(this.forms.map(escapeRegExp).join('|'), 'g') : null;
    this.firstBytes = new Set(this.forms.map((f) => f.charAt(0)));
  }

  write(chunk: Uint8Array): void {
    this.process(this.pending + Buffer.from(chunk).toString('latin1'), false);
  }

  /** End of the stream: releases what was held back. */
  end(): void {
    this.process(this.pending, true);
    const rest = this.decoder.end();
    if (rest) this.emit(rest);
  }

  private process(buf: string, final: boolean): void {
    let out = '';
    let pos = 0;
    // A match starting before `cut` is decided: every form starting there fits in `buf`.
    const cut = final ? buf.length : Math.max(0, buf.length - this.maxLen + 1);
    let held = buf.length;
    if (this.pattern) {
      this.pattern.lastIndex = 0;
      for (const m of buf.matchAll(this.pattern)) {
        if (m.index >= cut) {
          held = m.index;
          break;
        }
        out += buf.slice(pos, m.index) + REDACTED;
        pos = m.index + m[0].length;
      }
    }
    if (final) {
      out += buf.slice(pos);
      this.pending = '';
    } else {
      for (let i = Math.max(pos, cut); i < held; i++) {
        if (this.firstBytes.has(buf.charAt(i)) && this.couldStart(buf, i)) {
          held = i;
          break;
        }
      }
      if (held < pos) held = pos;
      out += buf.slice(pos, held);
      this.pending = buf.slice(held);
    }
    if (out) {
      const text = this.decoder.write(Buffer.from(out, 'latin1'));
      if (text) this.emit(text);
    }
  }

  /** Could a secret start at `i` once more output arrives? */
  private couldStart(buf: string, i: number): boolean {
    const tail = buf.slice(i);
    return this.forms.some((f) => f.length >= tail.length && f.startsWith(tail));
  }
}
