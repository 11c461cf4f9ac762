/**
 * Long runs of base64/hex characters, found 16 bytes at a time by a WebAssembly SIMD kernel
 * (runs.wat): the decoder's first step, which otherwise reads the text one character at a time.
 * The text is written into the kernel's memory one byte per UTF-16 unit (latin1), in chunks;
 * a character above U+00FF may land on a run byte there, so the runs found are a superset that
 * the caller checks against the text itself (every real run lies inside one of them).
 * Without WebAssembly SIMD (or when it fails to load) longRuns returns null and the caller scans.
 */
import { RUNS_WASM } from './runs-wasm.js';

/** text characters per chunk (a multiple of 16) */
const CHUNK = 1 << 22;
/** room for the pairs of one chunk: runs of 16 are at least 17 apart, 8 bytes each */
const OUT = CHUNK;
const OUT_BYTES = (Math.ceil(CHUNK / 17) + 2) * 8;
/** the filter's tables: base64 value of each byte (-1: none; + and - are 62, / and _ 63), then 1 for a hex digit */
const TBL = OUT + OUT_BYTES;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Kernel {
  view: Buffer;
  pairs: Int32Array;
  carry: WebAssembly.Global;
  runs: (n: number, out: number, cur: number, last: number, tbl: number) => number;
}

let kernel: Kernel | null | undefined;

/** WebAssembly memory is little-endian; the pairs are read through an Int32Array (platform order) */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function load(): Kernel | null {
  if (!LITTLE_ENDIAN) return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(RUNS_WASM, 'base64')), {});
    const { memory, carry, runs } = instance.exports;
    if (!(memory instanceof WebAssembly.Memory) || !(carry instanceof WebAssembly.Global) || typeof runs !== 'function') return null;
    const need = Math.ceil((TBL + 512) / 65536);
    if (memory.buffer.byteLength < need * 65536) memory.grow(need - memory.buffer.byteLength / 65536);
    const call = runs as (n: number, out: number, cur: number, last: number, tbl: number) => number;
    const view = Buffer.from(memory.buffer);
    view.fill(0xff, TBL, TBL + 256);
    for (let i = 0; i < 64; i++) view[TBL + B64.charCodeAt(i)] = i;
    view[TBL + 45] = 62;
    view[TBL + 95] = 63;
    view.fill(0, TBL + 256, TBL + 512);
    for (const c of '0123456789abcdefABCDEF') view[TBL + 256 + c.charCodeAt(0)] = 1;
    return { view, pairs: new Int32Array(memory.buffer, OUT, OUT_BYTES / 4), carry, runs: call };
  } catch {
    return null;
  }
}

/**
 * Every maximal run of 16 or more [A-Za-z0-9_/+-] characters of the text as [start0, end0,
 * start1, end1, ...], ascending; runs may hold characters above U+00FF (see above). With
 * `onlyCandidates` (for a text of one-byte characters only) just the runs that could hold a
 * hex or base64 match (runs.wat says which). Null: no WebAssembly SIMD here. For a text of one
 * chunk the answer is a view of the kernel's memory, valid until the next call.
 */
export function longRuns(text: string, onlyCandidates = false): Int32Array | null {
  if (kernel === undefined) kernel = load();
  const k = kernel;
  if (!k) return null;
  if (text.length <= CHUNK) {
    const padded = (text.length + 15) & ~15;
    k.view.write(text, 0, text.length, 'latin1');
    if (padded > text.length) k.view.fill(0, text.length, padded);
    return k.pairs.subarray(0, 2 * k.runs(padded, OUT, 0, 1, onlyCandidates ? TBL : 0));
  }
  const out: number[] = [];
  let cur = 0;
  for (let base = 0; base < text.length; base += CHUNK) {
    const len = Math.min(CHUNK, text.length - base);
    const padded = (len + 15) & ~15;
    k.view.write(base === 0 && len === text.length ? text : text.slice(base, base + len), 0, len, 'latin1');
    if (padded > len) k.view.fill(0, len, padded);
    const last = base + len >= text.length;
    const n = k.runs(padded, OUT, cur, last ? 1 : 0, onlyCandidates ? TBL : 0);
    cur = k.carry.value as number;
    const pairs = k.pairs;
    for (let i = 0; i < 2 * n; i++) out.push((pairs[i] as number) + base);
  }
  return Int32Array.from(out);
}
