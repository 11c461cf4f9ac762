/** Splits a byte stream into lines (\n, a trailing \r kept off), decoding UTF-8 across chunk edges. */
import { StringDecoder } from 'node:string_decoder';

export async function* splitLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl < 0) {
      rest += text;
      continue;
    }
    let first = true;
    while (nl >= 0) {
      let line = first ? rest + text.slice(start, nl) : text.slice(start, nl);
      first = false;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      yield line;
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * The same lines, as one array per chunk of the stream: one await per chunk instead of one per
 * line (a history of 100k lines spends most of its time in per-line async iteration otherwise).
 */
export async function* splitLineBatches(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      rest = text;
      continue;
    }
    const lines = text.slice(0, last).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
    }
    rest = text.slice(last + 1);
    yield lines;
  }
  rest += decoder.end();
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}
