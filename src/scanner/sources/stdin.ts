/** Standard input as one fragment (bounded by the size cap; binary input is refused). */
import type { Fragment, Skipped } from '../types.js';
import { isBinary, formatMb } from './tree.js';
import type { SourceStats } from './stats.js';

export async function* stdinFragments(
  stream: AsyncIterable<Buffer | string>,
  name: string,
  opts: { maxBytes: number; skipped: Skipped[]; stats: SourceStats },
): AsyncGenerator<Fragment> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (opts.maxBytes > 0 && size > opts.maxBytes) {
      opts.skipped.push({ path: name, reason: `standard input larger than ${formatMb(opts.maxBytes)}; raise max-target-megabytes to scan it` });
      return;
    }
    parts.push(b);
  }
  const buf = Buffer.concat(parts);
  if (isBinary(buf)) {
    opts.skipped.push({ path: name, reason: 'binary input' });
    return;
  }
  opts.stats.files++;
  opts.stats.bytes += buf.length;
  yield { text: buf.toString('utf8'), path: name };
}
