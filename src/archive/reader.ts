/**
 * One archive reader for the scanner and the leak guard: zip, tar, gzip (so tar.gz/tgz), and
 * archives inside archives up to maxDepth, each file and member sniffed by its first bytes.
 * gzip and tar are read as streams; zip from a Buffer (its directory is at its end). Nothing is
 * written to disk. Members come out one at a time, in archive order, named `outer!inner`, as
 * a stream of chunks or a Buffer; what is refused (caps, bombs, `../` names, encrypted or
 * damaged members) is a note, and the read goes on with the next member.
 */
import { createGunzip } from 'node:zlib';
import { type ArchiveMember, type ArchiveNote, mb, RATIO_FLOOR, ReadContext, type ReadLimits } from './context.js';
import { sniffArchive, SNIFF_BYTES } from './sniff.js';
import { ArchiveRefused, errorText, pump, Source } from './source.js';
import { tarMembers } from './tar.js';
import { zipMembers } from './zip.js';

function member(path: string, src: Source, unopened?: ArchiveMember['unopened']): ArchiveMember {
  const m: ArchiveMember = {
    path,
    chunks: () => src,
    read: async () => {
      try {
        return await src.collect(Infinity);
      } catch (err) {
        if (err instanceof ArchiveRefused) return null;
        throw err;
      }
    },
  };
  if (unopened) m.unopened = unopened;
  return m;
}

/** The name of a gzip's content (not a tar) as gitleaks gives it: `notes.txt.gz` holds `notes.txt`. */
function gzipInner(name: string): string {
  const base = name.split('!').pop()?.split('/').pop() ?? name;
  return base.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '') || 'data';
}

async function* gzipMembers(name: string, input: Source, layer: number, ctx: ReadContext): AsyncGenerator<ArchiveMember> {
  const gz = createGunzip({ chunkSize: 65536 });
  let packed = 0;
  let unpacked = 0;
  const feed = pump(input, gz, (n) => {
    packed += n;
  });
  const out = new Source(gz[Symbol.asyncIterator](), {
    count: (n) => {
      unpacked += n;
      if (unpacked > RATIO_FLOOR && unpacked > packed * ctx.maxRatio)
        throw ctx.refuse(name, `compression ratio over ${ctx.maxRatio}:1: not read (a gzip bomb?)`);
    },
    fail: (err) => ctx.note(name, `gzip data could not be read to the end (${errorText(err)})`),
  });
  try {
    let head: Buffer;
    try {
      head = await out.head(SNIFF_BYTES);
    } catch (err) {
      if (err instanceof ArchiveRefused) return;
      throw err;
    }
    if (sniffArchive(head) === 'tar') {
      // tar.gz / tgz: one archive, its members right under the outer name
      yield* tarMembers(name, out, layer, ctx, open(ctx));
      return;
    }
    const inner = ctx.gzipNames === 'same' ? name : `${name}!${gzipInner(name)}`;
    yield* open(ctx)(
      inner,
      ctx.counted(out, inner, `gzip data unpacks past ${mb(ctx.maxEntryBytes)}: not read (a gzip bomb or an oversized member)`),
      layer + 1,
    );
  } finally {
    feed.stop();
    gz.destroy();
    await feed.done;
  }
}

/** Sniffs what `src` holds: opens it at `layer` when it is an archive and the depth allows, else hands it over. */
function open(ctx: ReadContext) {
  const opener = async function* (path: string, src: Source, layer: number): AsyncGenerator<ArchiveMember> {
    let head: Buffer;
    try {
      head = await src.head(SNIFF_BYTES);
    } catch (err) {
      if (err instanceof ArchiveRefused) return;
      throw err;
    }
    const kind = sniffArchive(head);
    if (!kind) {
      yield member(path, src);
      return;
    }
    if (layer > ctx.maxDepth) {
      yield member(path, src, { kind, why: 'too deep' });
      return;
    }
    if (kind === 'gzip') yield* gzipMembers(path, src, layer, ctx);
    else if (kind === 'tar') yield* tarMembers(path, src, layer, ctx, opener);
    else yield* zipMembers(path, src, layer, ctx, opener);
  };
  return opener;
}

/**
 * The members of `input` (a file's bytes, whole or as chunks), named `name!member`. Each
 * member must be read (or passed over) before the next is asked for. Notes go to `notes`.
 * Not an archive: one member, `name` itself.
 */
export async function* readArchive(
  input: Buffer | AsyncIterable<Buffer>,
  name: string,
  limits: ReadLimits,
  notes: ArchiveNote[],
): AsyncGenerator<ArchiveMember> {
  const ctx = new ReadContext(limits, notes);
  try {
    yield* open(ctx)(name, Source.from(input), 1);
  } catch (err) {
    if (err instanceof ArchiveRefused) return;
    // a failure of ours or a library's that no layer expected: this archive ends here, the caller goes on
    ctx.note(name, `could not be read to the end (${errorText(err)})`);
  }
}
