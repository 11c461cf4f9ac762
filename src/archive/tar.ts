/**
 * tar as a stream, with tar-stream's extract: ustar, GNU (long names and links) and pax
 * (path, size) headers, v7 headers too. Regular files only; directories, links and devices
 * are passed over. A damaged header or an archive that ends inside a member ends the read with
 * a note; the members before it were handed over already.
 */
import { extract as tarExtract } from 'tar-stream';
import { type ArchiveMember, type Opener, type ReadContext, mb, unsafeName } from './context.js';
import { ArchiveRefused, errorText, pump, Source, type WritableLike } from './source.js';

type TarEntry = ReturnType<typeof tarExtract> extends AsyncIterable<infer E> ? E : never;

function tarReason(err: unknown): string {
  const m = errorText(err);
  if (/unexpected end of data/i.test(m)) return 'the tar archive ends inside a member';
  if (/invalid (tar )?header|unknown format|exceeds max size/i.test(m)) return 'a tar header is damaged: the rest of the archive was not read';
  return `the tar archive could not be read to the end (${m})`;
}

export async function* tarMembers(name: string, input: Source, layer: number, ctx: ReadContext, open: Opener): AsyncGenerator<ArchiveMember> {
  // v7 headers (no magic) are read too; tar-stream's own types do not list these two options
  const options = { allowUnknownFormat: true, filenameEncoding: 'utf8', highWaterMark: 65536 };
  const ex = tarExtract(options);
  const feed = pump(input, ex as unknown as WritableLike);
  const entries = ex[Symbol.asyncIterator]();
  let failed = false;
  const fail = (err: unknown): void => {
    if (failed || err instanceof ArchiveRefused) return;
    failed = true;
    ctx.note(name, tarReason(err));
  };
  try {
    for (;;) {
      let r: IteratorResult<TarEntry>;
      try {
        r = await entries.next();
      } catch (err) {
        fail(err);
        return;
      }
      if (r.done) return;
      const entry = r.value;
      const h = entry.header;
      const raw = new Source(entry[Symbol.asyncIterator](), { fail });
      try {
        if (h.type !== 'file' && h.type !== 'contiguous-file') continue;
        const inner = h.name.replace(/^(\.\/)+/, '');
        const path = `${name}!${inner}`;
        const bad = ctx.refuseUnsafeNames ? unsafeName(h.name) : null;
        if (bad) {
          ctx.note(path, `member with ${bad}: not read`);
          continue;
        }
        const size = h.size ?? 0;
        if (size > ctx.maxEntryBytes) {
          ctx.note(path, `${mb(size)}, over the ${mb(ctx.maxEntryBytes)} cap: not read`);
          continue;
        }
        yield* open(path, ctx.counted(raw, path, `${mb(size)}, over the ${mb(ctx.maxEntryBytes)} cap: not read`), layer + 1);
      } finally {
        if (!ctx.stopped) await raw.drain();
      }
      if (ctx.stopped || failed) return;
    }
  } finally {
    feed.stop();
    ex.destroy();
    await feed.done;
  }
}
