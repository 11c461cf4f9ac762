/**
 * The keyword prefilter's pass in WebAssembly (grams.wat): the rolling 3-character gram over the
 * text written one byte per UTF-16 unit (latin1), in chunks, with the prefilter's gram table in
 * the kernel's memory. It answers the offsets whose gram is in the table; a character above
 * U+00FF may make a gram there that the text does not have, so the caller recomputes each gram
 * from the text (every real one is among those answered). One instance per table.
 */
import { GRAMS_WASM } from './grams-wasm.js';
import { LITTLE_ENDIAN } from './runs.js';

/** text characters per chunk */
const CHUNK = 1 << 20;
const TABLES = 256 + 2 * 32768;
const IN = TABLES;
/** every character may be an answer: 4 bytes each */
const OUT = IN + CHUNK;
const END = OUT + 4 * CHUNK;

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(GRAMS_WASM, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export class GramKernel {
  private constructor(
    private readonly view: Buffer,
    private readonly offsets: Int32Array,
    private readonly carry: WebAssembly.Global,
    private readonly run: (input: number, n: number, out: number, prev: number) => number,
  ) {}

  /** A kernel for this fold table (256 entries) and gram table (32768 entries), or null without WebAssembly. */
  static create(fold: Uint8Array, slots: Uint16Array): GramKernel | null {
    const mod = wasmModule();
    // the offsets are read through an Int32Array (platform order) from little-endian memory
    if (!mod || !LITTLE_ENDIAN || fold.length < 256 || slots.length !== 32768) return null;
    try {
      const { memory, carry, grams } = new WebAssembly.Instance(mod, {}).exports;
      if (!(memory instanceof WebAssembly.Memory) || !(carry instanceof WebAssembly.Global) || typeof grams !== 'function') return null;
      const pages = Math.ceil(END / 65536);
      if (memory.buffer.byteLength < pages * 65536) memory.grow(pages - memory.buffer.byteLength / 65536);
      const view = Buffer.from(memory.buffer);
      view.set(fold.subarray(0, 256), 0);
      const dv = new DataView(memory.buffer);
      for (let i = 0; i < 32768; i++) dv.setUint16(256 + 2 * i, slots[i] ?? 0, true);
      const run = grams as (input: number, n: number, out: number, prev: number) => number;
      return new GramKernel(view, new Int32Array(memory.buffer, OUT, CHUNK), carry, run);
    } catch {
      return null;
    }
  }

  /**
   * Offsets of the characters whose gram (of the latin1 bytes) is in the table, ascending. For a
   * text of one chunk the answer is a view of the kernel's memory, valid until the next call.
   */
  positions(text: string): Int32Array {
    if (text.length <= CHUNK) {
      this.view.write(text, IN, text.length, 'latin1');
      return this.offsets.subarray(0, this.run(IN, text.length, OUT, 0));
    }
    const parts: Int32Array[] = [];
    let total = 0;
    let prev = 0;
    for (let base = 0; base < text.length; base += CHUNK) {
      const len = Math.min(CHUNK, text.length - base);
      this.view.write(text.slice(base, base + len), IN, len, 'latin1');
      const got = this.offsets.slice(0, this.run(IN, len, OUT, prev));
      prev = this.carry.value as number;
      for (let i = 0; i < got.length; i++) got[i] = (got[i] as number) + base;
      parts.push(got);
      total += got.length;
    }
    const out = new Int32Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
