/**
 * zip with yauzl, from a Buffer: a zip's directory is at its end, so the archive is held in
 * memory (up to maxZipBytes); each member's packed bytes come from yauzl and are inflated as a
 * stream (node:zlib). Names are decoded as yauzl
 * does (UTF-8 flag, Info-ZIP unicode path, else CP437) but checked here, so one bad name costs
 * that member only. Declared sizes are checked before a member is read (cap, ratio) and while
 * it is (a member that unpacks past its declared size is a bomb).
 */
import { createInflateRaw, type InflateRaw as Inflate } from 'node:zlib';
import yauzl from 'yauzl';
import { type ArchiveMember, type Opener, type ReadContext, mb, RATIO_FLOOR, unsafeName } from './context.js';
import { errorText, pump, Source } from './source.js';

function memberReason(err: unknown): string {
  const m = errorText(err);
  if (/local file header/i.test(m)) return 'its local header is damaged: not read';
  if (/overflows file bounds/i.test(m)) return 'the archive ends inside it: not read';
  if (/invalid (stored|distance|block|code)|incorrect|unexpected end/i.test(m)) return 'its deflate data is damaged: not read';
  return `could not be read (${m})`;
}

/** A zip held in memory, handed over whole: it could not be opened (a note says why). */
export function unreadable(path: string, buf: Buffer): ArchiveMember {
  return {
    path,
    unopened: { kind: 'zip', why: 'unreadable' },
    chunks: () => Source.from(buf),
    read: () => Promise.resolve(buf),
  };
}

export async function* zipMembers(name: string, input: Source, layer: number, ctx: ReadContext, open: Opener): AsyncGenerator<ArchiveMember> {
  const buf = await input.collect(ctx.maxZipBytes);
  if (!buf) {
    ctx.note(name, `zip larger than ${Math.round(ctx.maxZipBytes / 1048576)} MB: not opened`);
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
  } catch (err) {
    ctx.note(name, `not a readable zip (${errorText(err)})`);
    yield unreadable(name, buf);
    return;
  }
  const entries = zip.eachEntry();
  for (;;) {
    let r: IteratorResult<yauzl.Entry>;
    try {
      r = await entries.next();
    } catch (err) {
      ctx.note(name, `the zip central directory is damaged (${errorText(err)}): the rest of the archive was not read`);
      return;
    }
    if (r.done) return;
    const e = r.value;
    const inner = yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false);
    if (inner.endsWith('/')) continue;
    const path = `${name}!${inner}`;
    const bad = ctx.refuseUnsafeNames ? unsafeName(inner) : null;
    const size = e.uncompressedSize;
    const why = bad
      ? `member with ${bad}: not read`
      : (e.generalPurposeBitFlag & 1) !== 0
        ? 'encrypted member: not read'
        : e.compressionMethod !== 0 && e.compressionMethod !== 8
          ? `compression method ${e.compressionMethod} is not supported: not read`
          : size > ctx.maxEntryBytes
            ? `unpacks to ${mb(size)}, over the ${mb(ctx.maxEntryBytes)} cap: not read`
            : size > RATIO_FLOOR && size / Math.max(1, e.compressedSize) > ctx.maxRatio
              ? `compression ratio over ${ctx.maxRatio}:1: not read (a zip bomb?)`
              : null;
    if (why) {
      ctx.note(path, why);
      continue;
    }
    let stream: Awaited<ReturnType<typeof zip.openReadStreamPromise>>;
    try {
      // the packed bytes from yauzl; inflated here in 64 kB chunks (yauzl's own inflater uses 16 kB: ~30 % slower)
      stream = await zip.openReadStreamPromise(e, e.compressionMethod === 8 ? { decompress: false } : {});
    } catch (err) {
      ctx.note(path, memberReason(err));
      continue;
    }
    let inflater: Inflate | undefined;
    let feed: ReturnType<typeof pump> | undefined;
    if (e.compressionMethod === 8) {
      inflater = createInflateRaw({ chunkSize: 65536 });
      feed = pump(new Source(stream[Symbol.asyncIterator]()), inflater);
    }
    let got = 0;
    const raw = new Source((inflater ?? stream)[Symbol.asyncIterator](), {
      count: (n) => {
        got += n;
        if (got <= size) return;
        // inflating past the declared size: a bomb; it costs the cap, so many liars cannot burn CPU without end
        const stop = ctx.maxEntryBytes !== Infinity && ctx.charge(ctx.maxEntryBytes);
        throw ctx.refuse(
          path,
          `unpacks past its declared size: not read (a zip bomb?)${stop ? `; the archive passed ${mb(ctx.maxTotalBytes)} unpacked: the rest of it was not read` : ''}`,
        );
      },
      fail: (err) => ctx.note(path, memberReason(err)),
    });
    try {
      yield* open(path, ctx.counted(raw, path, `unpacks past the ${mb(ctx.maxEntryBytes)} cap: not read`), layer + 1);
    } finally {
      feed?.stop();
      inflater?.destroy();
      stream.destroy();
      await feed?.done;
    }
    if (ctx.stopped) return;
  }
}
