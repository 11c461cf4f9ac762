export const id = 61;
export const ids = [61];
export const modules = {

/***/ 5382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vh: () => (/* reexport */ ArchiveRefused),
  bL: () => (/* reexport */ readArchive),
  tx: () => (/* reexport */ sniffArchive)
});

// UNUSED EXPORTS: SNIFF_BYTES, mb, tarHeaderOk, unsafeName

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/archive/source.ts
/**
 * A pull stream of chunks with a look-ahead (the first bytes are sniffed, then read again),
 * a per-chunk counting hook (caps, bombs) and a failure hook (a library's error becomes a note
 * once, then ArchiveRefused). Every layer of an archive is a Source over the layer below.
 */
class ArchiveRefused extends Error {
}
const DONE = { value: undefined, done: true };
/** An error's message (errors from node's internals may come from another realm: no instanceof). */
function errorText(err) {
    if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string')
        return err.message;
    return String(err);
}
class Source {
    below;
    hooks;
    back;
    ended = false;
    constructor(below, hooks = {}) {
        this.below = below;
        this.hooks = hooks;
    }
    static from(input) {
        if (!Buffer.isBuffer(input))
            return new Source(input[Symbol.asyncIterator]());
        const s = new Source(null);
        if (input.length)
            s.back = input;
        return s;
    }
    async next() {
        const b = this.back;
        if (b) {
            this.back = undefined;
            return { value: b, done: false };
        }
        if (this.ended || !this.below)
            return DONE;
        let r;
        try {
            r = await this.below.next();
        }
        catch (err) {
            this.ended = true;
            if (err instanceof ArchiveRefused)
                throw err;
            this.hooks.fail?.(err);
            throw new ArchiveRefused(errorText(err));
        }
        if (r.done) {
            this.ended = true;
            return DONE;
        }
        const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        if (this.hooks.count) {
            try {
                this.hooks.count(chunk.length);
            }
            catch (err) {
                this.ended = true;
                throw err;
            }
        }
        return { value: chunk, done: false };
    }
    /** The first `n` bytes (fewer at the end), left in place to be read again. */
    async head(n) {
        const parts = [];
        let len = 0;
        while (len < n) {
            const r = await this.next();
            if (r.done)
                break;
            parts.push(r.value);
            len += r.value.length;
        }
        const h = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, len);
        if (h.length)
            this.back = h;
        return h;
    }
    /** Everything, or null once it passes `max` bytes (the rest is left unread). */
    async collect(max) {
        const parts = [];
        let len = 0;
        for (;;) {
            const r = await this.next();
            if (r.done)
                break;
            len += r.value.length;
            if (len > max)
                return null;
            parts.push(r.value);
        }
        return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, len);
    }
    /** Reads to the end, discarding; a failure below ends it quietly (it was noted where it happened). */
    async drain() {
        try {
            while (!(await this.next()).done)
                ;
        }
        catch {
            // noted by the failing layer
        }
    }
    [Symbol.asyncIterator]() {
        return this;
    }
}
function writable(w) {
    return new Promise((resolve) => {
        const done = () => {
            for (const ev of ['drain', 'close', 'error'])
                w.removeListener(ev, done);
            resolve();
        };
        for (const ev of ['drain', 'close', 'error'])
            w.once(ev, done);
    });
}
/**
 * Feeds `src` into `w` with back-pressure, in the background; never rejects (a failure
 * destroys `w` with it, so the reader of `w` sees it). `stop()` ends it after the current chunk.
 */
function pump(src, w, onBytes) {
    let stopped = false;
    const done = (async () => {
        try {
            for (;;) {
                const r = await src.next();
                if (r.done || stopped || w.destroyed)
                    break;
                onBytes?.(r.value.length);
                if (!w.write(r.value)) {
                    if (w.destroyed)
                        break;
                    await writable(w);
                }
            }
            if (!stopped && !w.destroyed)
                w.end();
        }
        catch (err) {
            if (!w.destroyed)
                w.destroy(err instanceof Error ? err : new Error(String(err)));
        }
    })();
    return {
        done,
        stop: () => {
            stopped = true;
        },
    };
}

;// CONCATENATED MODULE: ./src/archive/context.ts
/** The limits of one read, its notes and its running total, shared by every layer of one outer archive. */

/** Past this many unpacked bytes the compression ratio is checked. */
const RATIO_FLOOR = 1048576;
class ReadContext {
    notes;
    maxDepth;
    maxEntryBytes;
    maxTotalBytes;
    maxRatio;
    maxZipBytes;
    refuseUnsafeNames;
    gzipNames;
    /** unpacked bytes read so far from members of this outer archive */
    total = 0;
    /** the total passed its cap: every layer stops */
    stopped = false;
    constructor(limits, notes) {
        this.notes = notes;
        this.maxDepth = limits.maxDepth;
        this.maxEntryBytes = limits.maxEntryBytes ?? Infinity;
        this.maxTotalBytes = limits.maxTotalBytes ?? Infinity;
        this.maxRatio = limits.maxRatio ?? Infinity;
        this.maxZipBytes = limits.maxZipBytes ?? Infinity;
        this.refuseUnsafeNames = limits.refuseUnsafeNames ?? true;
        this.gzipNames = limits.gzipNames ?? 'inner';
    }
    note(path, reason) {
        this.notes.push({ path, reason });
    }
    /** Notes the reason and returns the error that stops the member (throw it). */
    refuse(path, reason) {
        this.note(path, reason);
        return new ArchiveRefused(reason);
    }
    /** A member's bytes, counted against its cap and the outer archive's total. */
    counted(src, path, capReason) {
        if (this.maxEntryBytes === Infinity && this.maxTotalBytes === Infinity)
            return src;
        let n = 0;
        return new Source(src, {
            count: (bytes) => {
                n += bytes;
                this.total += bytes;
                if (n > this.maxEntryBytes)
                    throw this.refuse(path, capReason);
                if (this.total > this.maxTotalBytes) {
                    this.stopped = true;
                    throw this.refuse(path, `the archive unpacks to more than ${mb(this.maxTotalBytes)}: the rest of it was not read`);
                }
            },
        });
    }
    /** Charges a refused member's cost to the total (a member lying about its size costs its cap). */
    charge(bytes) {
        this.total += bytes;
        if (this.total > this.maxTotalBytes)
            this.stopped = true;
        return this.stopped;
    }
}
function mb(n) {
    return `${(n / 1048576).toFixed(n >= 10 * 1048576 ? 0 : 1)} MB`;
}
/** Why a member name is refused: absolute, with a `..` segment, a drive letter or a NUL; null when it is safe to name. */
function unsafeName(p) {
    const s = p.replace(/\\/g, '/');
    if (s.startsWith('/') || /^[A-Za-z]:/.test(s))
        return 'an absolute path';
    if (s.split('/').includes('..'))
        return 'a ../ path';
    if (s.includes('\0'))
        return 'a NUL in its name';
    return null;
}

;// CONCATENATED MODULE: ./src/archive/sniff.ts
/** How many leading bytes sniffArchive wants (a tar header). */
const SNIFF_BYTES = 512;
function octal(b, off, len) {
    let end = off;
    while (end < off + len && b[end] === 0x20)
        end++;
    let v = 0;
    let digits = 0;
    for (let i = end; i < off + len; i++) {
        const c = b[i] ?? 0;
        if (c < 0x30 || c > 0x37)
            break;
        v = v * 8 + (c - 0x30);
        digits++;
    }
    return digits ? v : -1;
}
/** True when `h` starts with a tar header whose checksum adds up (signed or unsigned sum, as tar allows). */
function tarHeaderOk(h) {
    if (h.length < SNIFF_BYTES)
        return false;
    const want = octal(h, 148, 8);
    if (want < 0)
        return false;
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < SNIFF_BYTES; i++) {
        const c = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
        unsigned += c;
        signed += c > 127 ? c - 256 : c;
    }
    if (want !== unsigned && want !== signed)
        return false;
    const magic = h.toString('latin1', 257, 262);
    // ustar (POSIX) and GNU share the magic; a v7 header has none, but must name its member
    return magic === 'ustar' || (h[0] !== 0 && h[257] === 0);
}
function sniffArchive(head) {
    if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8)
        return 'gzip';
    if (head.length >= 22 && head[0] === 0x50 && head[1] === 0x4b) {
        const sig = head.readUInt32LE(0);
        if (sig === 0x04034b50 || sig === 0x06054b50)
            return 'zip';
    }
    if (tarHeaderOk(head))
        return 'tar';
    return null;
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/archive/tar.ts
/**
 * tar as a stream, with tar-stream's extract: ustar, GNU (long names and links) and pax
 * (path, size) headers, v7 headers too. Regular files only; directories, links and devices
 * are passed over. A damaged header or an archive that ends inside a member ends the read with
 * a note; the members before it were handed over already.
 */



function tarReason(err) {
    const m = errorText(err);
    if (/unexpected end of data/i.test(m))
        return 'the tar archive ends inside a member';
    if (/invalid (tar )?header|unknown format|exceeds max size/i.test(m))
        return 'a tar header is damaged: the rest of the archive was not read';
    return `the tar archive could not be read to the end (${m})`;
}
async function* tarMembers(name, input, layer, ctx, open) {
    // v7 headers (no magic) are read too; tar-stream's own types do not list these two options
    const options = { allowUnknownFormat: true, filenameEncoding: 'utf8', highWaterMark: 65536 };
    const ex = (0,tar_stream.extract)(options);
    const feed = pump(input, ex);
    const entries = ex[Symbol.asyncIterator]();
    let failed = false;
    const fail = (err) => {
        if (failed || err instanceof ArchiveRefused)
            return;
        failed = true;
        ctx.note(name, tarReason(err));
    };
    try {
        for (;;) {
            let r;
            try {
                r = await entries.next();
            }
            catch (err) {
                fail(err);
                return;
            }
            if (r.done)
                return;
            const entry = r.value;
            const h = entry.header;
            const raw = new Source(entry[Symbol.asyncIterator](), { fail });
            try {
                if (h.type !== 'file' && h.type !== 'contiguous-file')
                    continue;
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
            }
            finally {
                if (!ctx.stopped)
                    await raw.drain();
            }
            if (ctx.stopped || failed)
                return;
        }
    }
    finally {
        feed.stop();
        ex.destroy();
        await feed.done;
    }
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
;// CONCATENATED MODULE: ./src/archive/zip.ts
/**
 * zip with yauzl, from a Buffer: a zip's directory is at its end, so the archive is held in
 * memory (up to maxZipBytes); each member's packed bytes come from yauzl and are inflated as a
 * stream (node:zlib). Names are decoded as yauzl
 * does (UTF-8 flag, Info-ZIP unicode path, else CP437) but checked here, so one bad name costs
 * that member only. Declared sizes are checked before a member is read (cap, ratio) and while
 * it is (a member that unpacks past its declared size is a bomb).
 */




function memberReason(err) {
    const m = errorText(err);
    if (/local file header/i.test(m))
        return 'its local header is damaged: not read';
    if (/overflows file bounds/i.test(m))
        return 'the archive ends inside it: not read';
    if (/invalid (stored|distance|block|code)|incorrect|unexpected end/i.test(m))
        return 'its deflate data is damaged: not read';
    return `could not be read (${m})`;
}
/** A zip held in memory, handed over whole: it could not be opened (a note says why). */
function unreadable(path, buf) {
    return {
        path,
        unopened: { kind: 'zip', why: 'unreadable' },
        chunks: () => Source.from(buf),
        read: () => Promise.resolve(buf),
    };
}
async function* zipMembers(name, input, layer, ctx, open) {
    const buf = await input.collect(ctx.maxZipBytes);
    if (!buf) {
        ctx.note(name, `zip larger than ${Math.round(ctx.maxZipBytes / 1048576)} MB: not opened`);
        return;
    }
    let zip;
    try {
        zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
    }
    catch (err) {
        ctx.note(name, `not a readable zip (${errorText(err)})`);
        yield unreadable(name, buf);
        return;
    }
    const entries = zip.eachEntry();
    for (;;) {
        let r;
        try {
            r = await entries.next();
        }
        catch (err) {
            ctx.note(name, `the zip central directory is damaged (${errorText(err)}): the rest of the archive was not read`);
            return;
        }
        if (r.done)
            return;
        const e = r.value;
        const inner = yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false);
        if (inner.endsWith('/'))
            continue;
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
        let stream;
        try {
            // the packed bytes from yauzl; inflated here in 64 kB chunks (yauzl's own inflater uses 16 kB: ~30 % slower)
            stream = await zip.openReadStreamPromise(e, e.compressionMethod === 8 ? { decompress: false } : {});
        }
        catch (err) {
            ctx.note(path, memberReason(err));
            continue;
        }
        let inflater;
        let feed;
        if (e.compressionMethod === 8) {
            inflater = (0,external_node_zlib_.createInflateRaw)({ chunkSize: 65536 });
            feed = pump(new Source(stream[Symbol.asyncIterator]()), inflater);
        }
        let got = 0;
        const raw = new Source((inflater ?? stream)[Symbol.asyncIterator](), {
            count: (n) => {
                got += n;
                if (got <= size)
                    return;
                // inflating past the declared size: a bomb; it costs the cap, so many liars cannot burn CPU without end
                const stop = ctx.maxEntryBytes !== Infinity && ctx.charge(ctx.maxEntryBytes);
                throw ctx.refuse(path, `unpacks past its declared size: not read (a zip bomb?)${stop ? `; the archive passed ${mb(ctx.maxTotalBytes)} unpacked: the rest of it was not read` : ''}`);
            },
            fail: (err) => ctx.note(path, memberReason(err)),
        });
        try {
            yield* open(path, ctx.counted(raw, path, `unpacks past the ${mb(ctx.maxEntryBytes)} cap: not read`), layer + 1);
        }
        finally {
            feed?.stop();
            inflater?.destroy();
            stream.destroy();
            await feed?.done;
        }
        if (ctx.stopped)
            return;
    }
}

;// CONCATENATED MODULE: ./src/archive/reader.ts
/**
 * One archive reader for the scanner and the leak guard: zip, tar, gzip (so tar.gz/tgz), and
 * archives inside archives up to maxDepth, each file and member sniffed by its first bytes.
 * gzip and tar are read as streams; zip from a Buffer (its directory is at its end). Nothing is
 * written to disk. Members come out one at a time, in archive order, named `outer!inner`, as
 * a stream of chunks or a Buffer; what is refused (caps, bombs, `../` names, encrypted or
 * damaged members) is a note, and the read goes on with the next member.
 */






function member(path, src, unopened) {
    const m = {
        path,
        chunks: () => src,
        read: async () => {
            try {
                return await src.collect(Infinity);
            }
            catch (err) {
                if (err instanceof ArchiveRefused)
                    return null;
                throw err;
            }
        },
    };
    if (unopened)
        m.unopened = unopened;
    return m;
}
/** The name of a gzip's content (not a tar) as gitleaks gives it: `notes.txt.gz` holds `notes.txt`. */
function gzipInner(name) {
    const base = name.split('!').pop()?.split('/').pop() ?? name;
    return base.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '') || 'data';
}
async function* gzipMembers(name, input, layer, ctx) {
    const gz = (0,external_node_zlib_.createGunzip)({ chunkSize: 65536 });
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
        let head;
        try {
            head = await out.head(SNIFF_BYTES);
        }
        catch (err) {
            if (err instanceof ArchiveRefused)
                return;
            throw err;
        }
        if (sniffArchive(head) === 'tar') {
            // tar.gz / tgz: one archive, its members right under the outer name
            yield* tarMembers(name, out, layer, ctx, reader_open(ctx));
            return;
        }
        const inner = ctx.gzipNames === 'same' ? name : `${name}!${gzipInner(name)}`;
        yield* reader_open(ctx)(inner, ctx.counted(out, inner, `gzip data unpacks past ${mb(ctx.maxEntryBytes)}: not read (a gzip bomb or an oversized member)`), layer + 1);
    }
    finally {
        feed.stop();
        gz.destroy();
        await feed.done;
    }
}
/** Sniffs what `src` holds: opens it at `layer` when it is an archive and the depth allows, else hands it over. */
function reader_open(ctx) {
    const opener = async function* (path, src, layer) {
        let head;
        try {
            head = await src.head(SNIFF_BYTES);
        }
        catch (err) {
            if (err instanceof ArchiveRefused)
                return;
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
        if (kind === 'gzip')
            yield* gzipMembers(path, src, layer, ctx);
        else if (kind === 'tar')
            yield* tarMembers(path, src, layer, ctx, opener);
        else
            yield* zipMembers(path, src, layer, ctx, opener);
    };
    return opener;
}
/**
 * The members of `input` (a file's bytes, whole or as chunks), named `name!member`. Each
 * member must be read (or passed over) before the next is asked for. Notes go to `notes`.
 * Not an archive: one member, `name` itself.
 */
async function* readArchive(input, name, limits, notes) {
    const ctx = new ReadContext(limits, notes);
    try {
        yield* reader_open(ctx)(name, Source.from(input), 1);
    }
    catch (err) {
        if (err instanceof ArchiveRefused)
            return;
        // a failure of ours or a library's that no layer expected: this archive ends here, the caller goes on
        ctx.note(name, `could not be read to the end (${errorText(err)})`);
    }
}

;// CONCATENATED MODULE: ./src/archive/index.ts
/** One archive reader (zip, tar, gzip, nested), shared by the scanner and the leak guard. */






/***/ }),

/***/ 61:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mC: () => (/* binding */ findingLine),
  z: () => (/* binding */ searchPaths),
  xo: () => (/* binding */ searchRecorded),
  j_: () => (/* binding */ targetProblem)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/kernels/guard-hash.ts
var guard_hash = __webpack_require__(5212);
;// CONCATENATED MODULE: ./src/kernels/guard-matcher.ts
/**
 * The hot loop of the guard. Forms are grouped by window size (16 bytes, or 8 / 4 for
 * short forms); each form recorded the hash of its window at offsets 0 .. K-1. A group
 * samples the text every `step` bytes (the smallest K in the group): any occurrence of a
 * form covers one sampled position at an offset below K, whose window hash is then in the
 * table. A bit table rejects almost every sample in a few instructions; a hit is checked
 * against the exact 32-bit hash, then the form's first window at the implied start, then
 * confirmed by the HMAC of the whole form. Windows are hashed as 32-bit words and all groups
 * share one pass over aligned 16-byte blocks, so 16 bytes cost four loads, seven multiplies
 * and at most seven bit-table probes; no secret value is ever needed.
 * Bytes stream through in chunks; enough bytes are carried over that a value split across
 * two chunks is found, once. Lines are counted only where needed.
 * The forms are whatever the caller hashed (the guard's record entries): the matcher needs their
 * hashes and a label, and hands the whole form back with each hit.
 */



function buildGroup(window, entries) {
    const step = entries.reduce((m, e) => Math.min(m, e.windows.length), Infinity);
    const keys = entries.length * step;
    const log2 = Math.min(20, Math.max(14, Math.ceil(Math.log2(Math.max(1, keys) * 64))));
    const bits = new Int32Array((1 << log2) >>> 5);
    const shift = 32 - log2;
    const table = new Map();
    for (const entry of entries) {
        for (let offset = 0; offset < step; offset++) {
            const h = entry.windows[offset] ?? 0;
            const idx = h >>> shift;
            bits[idx >>> 5] = (bits[idx >>> 5] ?? 0) | (1 << (idx & 31));
            // keyed by 30 bits, so the key stays a small integer (no heap number per lookup)
            const list = table.get(h >>> 2) ?? [];
            list.push({ hash: h, offset, entry });
            table.set(h >>> 2, list);
        }
    }
    return { window, step, minLength: entries.reduce((m, e) => Math.min(m, e.length), Infinity), bits, shift, table };
}
class Matcher {
    keys;
    groups = [];
    /** groups sampled in the fused pass (window = step = 4, 8 or 16) */
    fused4;
    fused8;
    fused16;
    /** groups sampled on their own (4-byte windows of forms shorter than 7 bytes) */
    slow = [];
    maxLength;
    size;
    constructor(forms) {
        this.keys = forms.keys;
        const entries = forms.entries.filter((e) => e.windows.length > 0);
        this.size = entries.length;
        this.maxLength = entries.reduce((m, e) => Math.max(m, e.length), 16);
        for (const w of [16, 8, 4]) {
            const mine = entries.filter((e) => e.window === w);
            if (mine.length)
                this.groups.push(buildGroup(w, mine));
        }
        // the fused pass reads 32-bit words as little-endian (every platform Node runs CI on)
        const le = (0,external_node_os_.endianness)() === 'LE';
        const fused = (w) => (le ? this.groups.find((g) => g.window === w && g.step === w) : undefined);
        this.fused4 = fused(4);
        this.fused8 = fused(8);
        this.fused16 = fused(16);
        for (const g of this.groups)
            if (g !== this.fused4 && g !== this.fused8 && g !== this.fused16)
                this.slow.push(g);
    }
    /** chunk buffers of finished streams, reused (a tree of small files allocates one) */
    free = [];
    /** A scanner for one stream's bytes (a file); hits go to `found`. */
    stream(found) {
        return new StreamScan(this, found);
    }
    takeMemory() {
        return this.free.pop() ?? new ArrayBuffer(CHUNK + ((this.maxLength + 67) & ~3));
    }
    giveMemory(m) {
        if (this.free.length < 4)
            this.free.push(m);
    }
}
const CHUNK = 1 << 20;
const EMPTY = new Int32Array(1);
class StreamScan {
    m;
    found;
    buf;
    /** the same memory as a plain Uint8Array and as 32-bit words (the hot loop reads those) */
    view;
    words;
    memory;
    ended = false;
    /** bytes held in buf */
    len = 0;
    /** absolute offset of buf[0] */
    base = 0;
    /** newlines before buf[0] */
    lines = 0;
    /** absolute offset of the last newline before buf[0] (-1: none) */
    lastNl = -1;
    seen = new Set();
    bytes = 0;
    constructor(m, found) {
        this.m = m;
        this.found = found;
        const memory = m.takeMemory();
        this.memory = memory;
        this.buf = Buffer.from(memory);
        this.view = new Uint8Array(memory);
        this.words = new Int32Array(memory);
    }
    write(chunk) {
        this.bytes += chunk.length;
        let off = 0;
        while (off < chunk.length) {
            const n = Math.min(this.buf.length - this.len, chunk.length - off);
            this.buf.set(chunk.subarray(off, off + n), this.len);
            this.len += n;
            off += n;
            if (this.len === this.buf.length)
                this.scan(false);
        }
    }
    end() {
        if (this.ended)
            return;
        this.ended = true;
        this.scan(true);
        this.m.giveMemory(this.memory);
    }
    /** Checks every start position below `limit` (the rest is carried to the next chunk). */
    scan(final) {
        // retiring whole words keeps buf[0] at an absolute offset that is a multiple of 4, so
        // the blocks at absolute multiples of 16 are word-aligned in memory
        const limit = final ? this.len : (this.len - this.m.maxLength + 1) & ~3;
        if (limit <= 0)
            return;
        this.sampleAll(limit);
        if (final) {
            this.len = 0;
            return;
        }
        this.retire(limit);
    }
    /** Where a group's samples must stop: the last one that can start a form below limit. */
    endOf(g, limit) {
        return Math.min(limit + g.step - 1, this.len - g.window + 1);
    }
    /** Samples of one group in [from, to), each hashed on its own (the edges, and short groups). */
    sample(g, from, to, limit) {
        const b = this.view;
        const W = g.window;
        const B = this.m.keys.base;
        const step = g.step;
        let t = from + ((step - ((this.base + from) % step)) % step);
        for (; t < to; t += step) {
            const h = (0,guard_hash/* windowHash */.rp)(B, b, t, W);
            const idx = h >>> g.shift;
            if ((g.bits[idx >>> 5] & (1 << (idx & 31))) !== 0)
                this.check(g, t, h, limit);
        }
    }
    /**
     * One pass for all groups: per 16-byte block (at absolute multiples of 16) four 4-byte
     * window hashes, combined into two 8-byte and one 16-byte window hash, so each byte costs
     * one multiply whatever the groups; each group probes its bit table at its own step.
     */
    sampleAll(limit) {
        const m = this.m;
        const g4 = m.fused4;
        const g8 = m.fused8;
        const g16 = m.fused16;
        for (const g of m.slow)
            this.sample(g, 0, this.endOf(g, limit), limit);
        if (!g4 && !g8 && !g16)
            return;
        const e4 = g4 ? this.endOf(g4, limit) : -1;
        const e8 = g8 ? this.endOf(g8, limit) : -1;
        const e16 = g16 ? this.endOf(g16, limit) : -1;
        const endAll = Math.max(e4, e8, e16);
        const t0 = (16 - (this.base % 16)) % 16;
        const blocksEnd = Math.min(endAll, this.len - 15);
        // the head before the first block and the tail after the last whole one
        for (const [g, e] of [
            [g4, e4],
            [g8, e8],
            [g16, e16],
        ]) {
            if (!g)
                continue;
            this.sample(g, 0, Math.min(t0, e), limit);
        }
        const u = this.words;
        const B = m.keys.base | 0;
        const B2 = Math.imul(B, B);
        const bits4 = g4 ? g4.bits : EMPTY;
        const bits8 = g8 ? g8.bits : EMPTY;
        const bits16 = g16 ? g16.bits : EMPTY;
        const s4 = g4 ? g4.shift : 0;
        const s8 = g8 ? g8.shift : 0;
        const s16 = g16 ? g16.shift : 0;
        let t = t0;
        for (; t < blocksEnd; t += 16) {
            const q = t >> 2;
            const a = Math.imul(u[q], B);
            const c = Math.imul(u[q + 1], B);
            const d = Math.imul(u[q + 2], B);
            const e = Math.imul(u[q + 3], B);
            if (g4) {
                let i = a >>> s4;
                if ((bits4[i >>> 5] & (1 << (i & 31))) !== 0 && t < e4)
                    this.check(g4, t, a >>> 0, limit);
                i = c >>> s4;
                if ((bits4[i >>> 5] & (1 << (i & 31))) !== 0 && t + 4 < e4)
                    this.check(g4, t + 4, c >>> 0, limit);
                i = d >>> s4;
                if ((bits4[i >>> 5] & (1 << (i & 31))) !== 0 && t + 8 < e4)
                    this.check(g4, t + 8, d >>> 0, limit);
                i = e >>> s4;
                if ((bits4[i >>> 5] & (1 << (i & 31))) !== 0 && t + 12 < e4)
                    this.check(g4, t + 12, e >>> 0, limit);
            }
            const x = (Math.imul(a, B) + c) | 0;
            const y = (Math.imul(d, B) + e) | 0;
            if (g8) {
                let i = x >>> s8;
                if ((bits8[i >>> 5] & (1 << (i & 31))) !== 0 && t < e8)
                    this.check(g8, t, x >>> 0, limit);
                i = y >>> s8;
                if ((bits8[i >>> 5] & (1 << (i & 31))) !== 0 && t + 8 < e8)
                    this.check(g8, t + 8, y >>> 0, limit);
            }
            if (g16) {
                const z = (Math.imul(x, B2) + y) | 0;
                const i = z >>> s16;
                if ((bits16[i >>> 5] & (1 << (i & 31))) !== 0 && t < e16)
                    this.check(g16, t, z >>> 0, limit);
            }
        }
        for (const [g, e] of [
            [g4, e4],
            [g8, e8],
            [g16, e16],
        ]) {
            if (!g)
                continue;
            this.sample(g, Math.max(t, t0), e, limit);
        }
    }
    check(g, t, h, limit) {
        const cands = g.table.get(h >>> 2);
        if (!cands)
            return;
        const b = this.view;
        let macs;
        for (const c of cands) {
            if (c.hash !== h)
                continue;
            const p = t - c.offset;
            const n = c.entry.length;
            // a start below 0 belonged to the previous chunk, one at limit or later to the next
            if (p < 0 || p >= limit || p + n > this.len)
                continue;
            if (c.offset !== 0 && (0,guard_hash/* windowHash */.rp)(this.m.keys.base, b, p, g.window) !== c.entry.windows[0])
                continue;
            macs ??= new Map();
            const at = `${p}:${n}`;
            let mac = macs.get(at);
            if (mac === undefined) {
                mac = (0,external_node_crypto_.createHmac)('sha256', this.m.keys.key)
                    .update(b.subarray(p, p + n))
                    .digest('hex');
                macs.set(at, mac);
            }
            if (mac === c.entry.hmac)
                this.report(p, c.entry);
        }
    }
    report(p, entry) {
        const before = this.buf.subarray(0, p);
        let nl = 0;
        let last = -1;
        for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) {
            nl++;
            last = i;
        }
        const line = this.lines + nl + 1;
        const key = `${line}\0${entry.label}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        const lineStart = last >= 0 ? this.base + last : this.lastNl;
        this.found({ line, column: this.base + p - lineStart, form: entry });
    }
    /** Drops buf[0, n): counts its newlines, keeps the rest at the front. */
    retire(n) {
        const b = this.buf;
        const gone = b.subarray(0, n);
        for (let i = gone.indexOf(10); i >= 0; i = gone.indexOf(10, i + 1)) {
            this.lines++;
            this.lastNl = this.base + i;
        }
        b.copyWithin(0, n, this.len);
        this.len -= n;
        this.base += n;
    }
}

// EXTERNAL MODULE: ./src/archive/index.ts + 6 modules
var archive = __webpack_require__(5382);
;// CONCATENATED MODULE: ./src/guard/archive.ts
/**
 * Opening what a build produces, as the guard reads it: every file is sniffed by its first
 * bytes, not its name. A plain file goes straight to the matcher; an archive (zip, tar, gzip,
 * tar.gz, a `docker save` tarball with its layer.tar or OCI blobs, gzipped or not) is read by
 * src/archive as a stream, member by member, each member searched as it streams and named
 * `archive!member`, as gitleaks names them. Nesting stops at maxDepth: a deeper archive is
 * searched as raw bytes; what cannot be opened is reported as skipped, never silently passed.
 */

/** True when a file starting with `head` is opened as an archive (else it is searched as it is). */
function isArchive(head) {
    return (0,archive/* sniffArchive */.tx)(head) !== null;
}
/** One stream of bytes through the matcher; chunks are not kept after write() returns. */
class FileScan {
    ctx;
    s;
    constructor(ctx, path) {
        this.ctx = ctx;
        ctx.files++;
        this.s = ctx.matcher.stream((h) => ctx.findings.push({ path, line: h.line, column: h.column, label: h.form.label, form: h.form.form }));
    }
    write(chunk) {
        this.s.write(chunk);
    }
    end() {
        this.s.end();
        this.ctx.bytes += this.s.bytes;
    }
}
async function searchMember(ctx, m) {
    if (m.unopened?.why === 'too deep')
        ctx.skipped.push({ path: m.path, reason: `archive nested deeper than ${ctx.maxDepth}: searched as raw bytes` });
    const scan = new FileScan(ctx, m.path);
    try {
        for await (const chunk of m.chunks())
            scan.write(chunk);
    }
    catch (err) {
        // what streamed before the refusal was searched; the reader noted why it stopped
        if (!(err instanceof archive/* ArchiveRefused */.Vh))
            throw err;
    }
    finally {
        scan.end();
    }
}
/** An archive file (its chunks, the first already read), searched member by member. */
async function searchArchive(ctx, path, chunks) {
    const limits = { maxDepth: ctx.maxDepth, maxZipBytes: ctx.maxZipBytes, refuseUnsafeNames: false, gzipNames: 'same' };
    for await (const m of (0,archive/* readArchive */.bL)(chunks, path, limits, ctx.skipped))
        await searchMember(ctx, m);
}

// EXTERNAL MODULE: ./src/guard/record.ts + 1 modules
var guard_record = __webpack_require__(1153);
;// CONCATENATED MODULE: ./src/guard/search.ts
/**
 * The guard's search: every file under the given paths (.git skipped, symlinks not
 * followed: what they point to inside the tree is searched as itself), read in 1 MB
 * chunks into one reused buffer and streamed into the matcher (archives through src/archive). Findings name the file, line and
 * secret (its label and form); they never hold the value, which the guard never had.
 *
 * Fail closed: a given path that does not exist or is not a file or directory, a directory
 * that cannot be listed and a file that cannot be read are `unreadable` (the guard cannot
 * vouch for them; the CLI exits 2 naming each). FIFOs, sockets and devices met in a walk
 * are not files a build publishes: skipped with a note, never opened.
 */





function slash(p) {
    return p.split('\\').join('/');
}
/** One read buffer for the whole search (sinks copy what they keep): no garbage per chunk. */
const READ_SIZE = 1 << 20;
function errCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}
/** A path the guard cannot search: noted with the skipped ones, and fails the search. */
function cannotRead(ctx, path, reason) {
    const entry = { path, reason };
    ctx.skipped.push(entry);
    ctx.unreadable.push(entry);
}
/**
 * What a path given to the guard is: a file or a directory (symlinks followed: a path given
 * by name is searched even if it is a symlink), else why it cannot be searched.
 */
function statTarget(path) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(path);
    }
    catch (err) {
        const code = errCode(err);
        if (code !== 'ENOENT')
            return { problem: `it cannot be read (${code})` };
        try {
            if ((0,external_node_fs_.lstatSync)(path).isSymbolicLink())
                return { problem: 'it is a symbolic link to nothing (ENOENT)' };
        }
        catch {
            // not even a link
        }
        return { problem: 'it does not exist (ENOENT)' };
    }
    if (st.isFile() || st.isDirectory())
        return { dir: st.isDirectory() };
    return { problem: 'it is not a file or directory (a FIFO, socket or device)' };
}
/** Why a path given to the guard cannot be searched, or undefined when it can. */
function targetProblem(path) {
    const t = statTarget(path);
    return 'problem' in t ? t.problem : undefined;
}
/** O_NONBLOCK: a file swapped for a FIFO after the directory was listed cannot block the search. */
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/** An archive's chunks after the first: fresh buffers (the archive reader may hold them), read errors noted. */
async function* archiveChunks(ctx, fd, first, display) {
    yield first;
    for (;;) {
        const b = Buffer.allocUnsafe(READ_SIZE);
        let n;
        try {
            n = (0,external_node_fs_.readSync)(fd, b, 0, b.length, null);
        }
        catch (err) {
            cannotRead(ctx, display, `not readable to the end (${errCode(err)})`);
            return;
        }
        if (n === 0)
            return;
        yield b.subarray(0, n);
    }
}
/**
 * Synchronous reads: a build tree is mostly small files, and a thread-pool round trip per
 * open/read/close costs more than reading them (measured: 10x on node_modules). The first
 * chunk decides: a plain file streams through the matcher from the one reused buffer; an
 * archive goes to the archive reader.
 */
async function searchFile(ctx, path, display, buf) {
    let fd;
    let scan;
    try {
        fd = (0,external_node_fs_.openSync)(path, OPEN_FLAGS);
        const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, null);
        const head = buf.subarray(0, n);
        if (isArchive(head)) {
            await searchArchive(ctx, display, archiveChunks(ctx, fd, Buffer.from(head), display));
            return;
        }
        scan = new FileScan(ctx, display);
        for (let k = n; k > 0; k = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, null))
            scan.write(buf.subarray(0, k));
    }
    catch (err) {
        cannotRead(ctx, display, `not readable (${errCode(err)})`);
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
        scan?.end();
    }
}
async function walkDir(ctx, path, display, skip, buf) {
    if (skip.paths.has((0,external_node_path_.resolve)(path))) {
        ctx.skipped.push({ path: display, reason: "the job's private temp dir (secrets are kept there by design): not searched" });
        return;
    }
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(path, { withFileTypes: true });
    }
    catch (err) {
        cannotRead(ctx, display, `directory not readable (${errCode(err)})`);
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        const child = (0,external_node_path_.join)(path, e.name);
        const name = display === '.' ? e.name : `${display}/${e.name}`;
        // symlinks are not followed (what they point to inside the tree is searched as itself)
        if (e.isDirectory()) {
            if (!skip.names.has(e.name))
                await walkDir(ctx, child, name, skip, buf);
        }
        else if (e.isFile())
            await searchFile(ctx, child, name, buf);
        else if (!e.isSymbolicLink())
            ctx.skipped.push({ path: name, reason: 'not a regular file (a FIFO, socket or device): not searched' });
    }
}
async function walk(ctx, path, display, skip, buf) {
    const t = statTarget(path);
    if ('problem' in t)
        return cannotRead(ctx, display, t.problem);
    return t.dir ? walkDir(ctx, path, display, skip, buf) : searchFile(ctx, path, display, buf);
}
async function searchPaths(record, targets, opts = {}) {
    const t0 = performance.now();
    const matcher = new Matcher(record);
    const ctx = {
        matcher,
        maxDepth: opts.maxDepth ?? 4,
        maxZipBytes: opts.maxZipBytes ?? 512 * 1048576,
        findings: [],
        skipped: [],
        unreadable: [],
        bytes: 0,
        files: 0,
    };
    const skip = { names: new Set(opts.skipDirs ?? ['.git']), paths: new Set((opts.skipPaths ?? []).map((p) => (0,external_node_path_.resolve)(p))) };
    const buf = Buffer.allocUnsafeSlow(READ_SIZE);
    if (matcher.size > 0) {
        for (const t of targets)
            await walk(ctx, t.path, slash(t.display), skip, buf);
    }
    ctx.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    return {
        findings: ctx.findings,
        skipped: ctx.skipped,
        unreadable: ctx.unreadable,
        bytes: ctx.bytes,
        files: ctx.files,
        secrets: new Set(record.entries.map((e) => e.label)).size,
        seconds: (performance.now() - t0) / 1000,
    };
}
/** The report line: names the file, line and secret, never the value. */
function findingLine(f) {
    return `${f.path}:${f.line}: secret ${f.label} found${f.form === 'value' ? '' : ` (${f.form})`}`;
}
/**
 * The record in `recordDir` (the runner's tempDir()) searched over `targets`: gitleaks-scan's
 * `injected: true`. Nothing recorded: no findings and secrets 0 (the job injected nothing
 * through this suite). A record with unreadable lines and no finding throws: the guard cannot
 * vouch for it (findings, if any, fail the step anyway).
 */
async function searchRecorded(recordDir, targets, opts = {}) {
    const record = (0,guard_record/* readRecord */.aE)(recordDir);
    if (!record)
        return { findings: [], skipped: [], unreadable: [], secrets: 0, bytes: 0, files: 0, seconds: 0 };
    const res = await searchPaths(record, targets, opts);
    // fail closed: an unreadable line is a secret that could not be searched for
    if (record.ignored && res.findings.length === 0) {
        throw new Error(`the leak guard's record has ${record.ignored} unreadable line(s) (damaged, or written under another key): the secrets they stand for could not be searched for`);
    }
    return res;
}


/***/ })

};
