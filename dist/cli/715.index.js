export const id = 715;
export const ids = [715];
export const modules = {

/***/ 6715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ findingLine),
  z: () => (/* binding */ searchPaths)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/guard/hash.ts
var hash = __webpack_require__(1405);
;// CONCATENATED MODULE: ./src/guard/matcher.ts
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
    constructor(record) {
        this.keys = record.keys;
        const entries = record.entries.filter((e) => e.windows.length > 0);
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
    /** A scanner for one file's bytes; findings go to `found`. */
    stream(path, found) {
        return new StreamScan(this, path, found);
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
    path;
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
    constructor(m, path, found) {
        this.m = m;
        this.path = path;
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
            const h = (0,hash/* windowHash */.rp)(B, b, t, W);
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
        for (const [g, e] of [[g4, e4], [g8, e8], [g16, e16]]) {
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
        for (const [g, e] of [[g4, e4], [g8, e8], [g16, e16]]) {
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
            if (c.offset !== 0 && (0,hash/* windowHash */.rp)(this.m.keys.base, b, p, g.window) !== c.entry.windows[0])
                continue;
            macs ??= new Map();
            const at = `${p}:${n}`;
            let mac = macs.get(at);
            if (mac === undefined) {
                mac = (0,external_node_crypto_.createHmac)('sha256', this.m.keys.key).update(b.subarray(p, p + n)).digest('hex');
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
        this.found({ path: this.path, line, column: this.base + p - lineStart, label: entry.label, form: entry.form });
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/guard/zip.ts
/**
 * A minimal zip reader for the guard (no zip package is installed): the end-of-central-
 * directory record (zip64 included), each central entry, its local header, then the data,
 * stored or deflated (node:zlib inflateRaw). Encrypted members and other compression
 * methods are reported, not read.
 */

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
function u64(b, at) {
    return Number(b.readBigUInt64LE(at));
}
function findEocd(b) {
    const stop = Math.max(0, b.length - 22 - 0xffff);
    for (let i = b.length - 22; i >= stop; i--)
        if (b.readUInt32LE(i) === EOCD)
            return i;
    throw new Error('no end of central directory');
}
function openZip(b, maxEntryBytes) {
    const e = findEocd(b);
    let count = b.readUInt16LE(e + 10);
    let cdOffset = b.readUInt32LE(e + 16);
    if (cdOffset === MAX32 || count === 0xffff) {
        const loc = e - 20;
        if (loc < 0 || b.readUInt32LE(loc) !== LOCATOR64)
            throw new Error('zip64 locator missing');
        const z = u64(b, loc + 8);
        if (b.readUInt32LE(z) !== EOCD64)
            throw new Error('zip64 directory record missing');
        count = u64(b, z + 32);
        cdOffset = u64(b, z + 48);
    }
    const out = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
        if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL)
            throw new Error('central directory damaged');
        const flags = b.readUInt16LE(p + 8);
        const method = b.readUInt16LE(p + 10);
        let compSize = b.readUInt32LE(p + 20);
        let size = b.readUInt32LE(p + 24);
        const nameLen = b.readUInt16LE(p + 28);
        const extraLen = b.readUInt16LE(p + 30);
        const commentLen = b.readUInt16LE(p + 32);
        let local = b.readUInt32LE(p + 42);
        const name = b.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
        // zip64 extra field: the 0xffffffff fields, in order size, compressed size, offset
        let x = p + 46 + nameLen;
        const xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            const id = b.readUInt16LE(x);
            const len = b.readUInt16LE(x + 2);
            if (id === 1) {
                let q = x + 4;
                if (size === MAX32) {
                    size = u64(b, q);
                    q += 8;
                }
                if (compSize === MAX32) {
                    compSize = u64(b, q);
                    q += 8;
                }
                if (local === MAX32)
                    local = u64(b, q);
            }
            x += 4 + len;
        }
        p = xEnd + commentLen;
        if (name.endsWith('/'))
            continue;
        if ((flags & 1) !== 0) {
            out.push({ name, skip: 'encrypted zip member: not searched' });
            continue;
        }
        if (method !== 0 && method !== 8) {
            out.push({ name, skip: `zip compression method ${method}: not searched` });
            continue;
        }
        if (size > maxEntryBytes) {
            out.push({ name, skip: `zip member larger than ${Math.round(maxEntryBytes / 1048576)} MB: not searched` });
            continue;
        }
        if (local + 30 > b.length || b.readUInt32LE(local) !== LOCAL) {
            out.push({ name, skip: 'zip local header damaged: not searched' });
            continue;
        }
        const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
        const raw = b.subarray(start, start + compSize);
        out.push({ name, data: () => (method === 0 ? raw : (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: Math.max(size, 1) })) });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/guard/archive.ts
/**
 * Opening what a build produces, as the guard reads it: every file is sniffed by its first
 * bytes, not its name. gzip is inflated as a stream (node:zlib); tar (ustar, GNU long names,
 * pax paths) is read header by header as a stream, each member sniffed again, so a
 * `docker save` tarball's layers (layer.tar or OCI blobs, gzipped or not) are opened too;
 * zip (stored or deflated, zip64 offsets) is read from its central directory in memory.
 * Members are named `archive!member`, as gitleaks does. Nesting stops at maxDepth; what cannot
 * be opened is reported as skipped, never silently passed.
 */



function message(err) {
    return err instanceof Error ? err.message : 'error';
}
class ScanSink {
    ctx;
    s;
    constructor(ctx, path) {
        this.ctx = ctx;
        ctx.files++;
        this.s = ctx.matcher.stream(path, (f) => ctx.findings.push(f));
    }
    async write(chunk) {
        this.s.write(chunk);
    }
    async end() {
        this.s.end();
        this.ctx.bytes += this.s.bytes;
    }
}
const SNIFF = 265;
function isTar(h) {
    return h.length >= 263 && h.toString('latin1', 257, 262) === 'ustar';
}
/** Decides from the first bytes what a file is, then hands everything to the right sink. */
class SniffSink {
    ctx;
    path;
    depth;
    head = [];
    headLen = 0;
    target;
    constructor(ctx, path, depth) {
        this.ctx = ctx;
        this.path = path;
        this.depth = depth;
    }
    choose(h) {
        const open = this.depth < this.ctx.maxDepth;
        if (open && h.length >= 3 && h[0] === 0x1f && h[1] === 0x8b && h[2] === 8)
            return new GunzipSink(this.ctx, this.path, new SniffSink(this.ctx, this.path, this.depth + 1));
        if (open && isTar(h))
            return new TarSink(this.ctx, this.path, this.depth);
        if (open && h.length >= 4 && h.readUInt32LE(0) === 0x04034b50)
            return new ZipSink(this.ctx, this.path, this.depth);
        if (!open && (isTar(h) || (h[0] === 0x1f && h[1] === 0x8b)))
            this.ctx.skipped.push({ path: this.path, reason: `archive nested deeper than ${this.ctx.maxDepth}: searched as raw bytes` });
        return new ScanSink(this.ctx, this.path);
    }
    async write(chunk) {
        if (this.target)
            return this.target.write(chunk);
        this.head.push(Buffer.from(chunk));
        this.headLen += chunk.length;
        if (this.headLen >= SNIFF)
            await this.flush();
    }
    async flush() {
        const all = Buffer.concat(this.head);
        this.head = [];
        this.target = this.choose(all);
        await this.target.write(all);
    }
    async end() {
        if (!this.target)
            await this.flush();
        await this.target?.end();
    }
}
class GunzipSink {
    ctx;
    path;
    child;
    z = (0,external_node_zlib_.createGunzip)();
    consumer;
    failed = false;
    constructor(ctx, path, child) {
        this.ctx = ctx;
        this.path = path;
        this.child = child;
        this.consumer = (async () => {
            for await (const out of this.z)
                await this.child.write(out);
        })().catch((err) => {
            this.failed = true;
            this.ctx.skipped.push({ path: this.path, reason: `gzip data could not be read to the end (${message(err)})` });
        });
    }
    async write(chunk) {
        if (this.failed)
            return;
        // zlib reads the chunk later: give it a copy
        if (!this.z.write(Buffer.from(chunk)))
            await Promise.race([(0,external_node_events_.once)(this.z, 'drain').catch(() => undefined), this.consumer]);
    }
    async end() {
        this.z.end();
        await this.consumer;
        await this.child.end();
    }
}
function cString(b, start, len) {
    const end = b.indexOf(0, start);
    return b.toString('utf8', start, end >= 0 && end < start + len ? end : start + len);
}
function tarSize(h) {
    if ((h[124] & 0x80) !== 0) {
        let n = 0;
        for (let i = 125; i < 136; i++)
            n = n * 256 + h[i];
        return n;
    }
    return parseInt(cString(h, 124, 12).trim() || '0', 8);
}
function tarChecksumOk(h) {
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    return sum === parseInt(cString(h, 148, 8).trim() || '-1', 8);
}
function paxPath(text) {
    let path;
    for (const rec of text.split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/.exec(rec);
        if (m && m[1] === 'path')
            path = m[2];
    }
    return path;
}
/** A streaming tar reader: each regular member goes to its own sniffing sink. */
class TarSink {
    ctx;
    path;
    depth;
    header = Buffer.alloc(512);
    headerLen = 0;
    remaining = 0;
    pad = 0;
    child;
    meta;
    metaType = '';
    nextName;
    done = false;
    constructor(ctx, path, depth) {
        this.ctx = ctx;
        this.path = path;
        this.depth = depth;
    }
    async write(chunk) {
        let off = 0;
        while (off < chunk.length && !this.done) {
            if (this.remaining > 0) {
                const n = Math.min(this.remaining, chunk.length - off);
                const part = chunk.subarray(off, off + n);
                if (this.child)
                    await this.child.write(part);
                else if (this.meta)
                    this.meta.push(Buffer.from(part));
                this.remaining -= n;
                off += n;
                if (this.remaining === 0)
                    await this.finishMember();
                continue;
            }
            if (this.pad > 0) {
                const n = Math.min(this.pad, chunk.length - off);
                this.pad -= n;
                off += n;
                continue;
            }
            const n = Math.min(512 - this.headerLen, chunk.length - off);
            chunk.copy(this.header, this.headerLen, off, off + n);
            this.headerLen += n;
            off += n;
            if (this.headerLen === 512) {
                this.headerLen = 0;
                await this.startMember(this.header);
            }
        }
    }
    async startMember(h) {
        if (h.every((x) => x === 0)) {
            this.done = true;
            return;
        }
        if (!tarChecksumOk(h)) {
            this.done = true;
            this.ctx.skipped.push({ path: this.path, reason: 'a tar header is damaged: the rest of the archive was not searched' });
            return;
        }
        const size = tarSize(h);
        const type = String.fromCharCode(h[156]);
        let name = cString(h, 0, 100);
        const prefix = h.toString('latin1', 257, 262) === 'ustar' ? cString(h, 345, 155) : '';
        if (prefix)
            name = `${prefix}/${name}`;
        if (this.nextName !== undefined && type !== 'L' && type !== 'x') {
            name = this.nextName;
            this.nextName = undefined;
        }
        this.remaining = size;
        this.pad = (512 - (size % 512)) % 512;
        this.child = undefined;
        this.meta = undefined;
        if (type === 'L' || type === 'x') {
            this.meta = [];
            this.metaType = type;
        }
        else if ((type === '0' || type === '\0' || type === '7') && size > 0) {
            this.child = new SniffSink(this.ctx, `${this.path}!${name}`, this.depth + 1);
        }
        if (size === 0)
            await this.finishMember();
    }
    async finishMember() {
        if (this.child) {
            const c = this.child;
            this.child = undefined;
            await c.end();
        }
        else if (this.meta) {
            const text = Buffer.concat(this.meta).toString('utf8');
            this.meta = undefined;
            const name = this.metaType === 'L' ? text.replace(/\0+$/, '') : paxPath(text);
            if (name)
                this.nextName = name;
        }
    }
    async end() {
        if (this.child) {
            this.ctx.skipped.push({ path: this.path, reason: 'the tar archive ends inside a member' });
            await this.finishMember();
        }
    }
}
/** Zip needs its central directory (at the end): held in memory up to maxZipBytes. */
class ZipSink {
    ctx;
    path;
    depth;
    parts = [];
    size = 0;
    tooBig = false;
    constructor(ctx, path, depth) {
        this.ctx = ctx;
        this.path = path;
        this.depth = depth;
    }
    async write(chunk) {
        if (this.tooBig)
            return;
        this.size += chunk.length;
        if (this.size > this.ctx.maxZipBytes) {
            this.tooBig = true;
            this.parts = [];
            this.ctx.skipped.push({ path: this.path, reason: `zip larger than ${Math.round(this.ctx.maxZipBytes / 1048576)} MB: not opened` });
            return;
        }
        this.parts.push(Buffer.from(chunk));
    }
    async end() {
        if (this.tooBig)
            return;
        const all = Buffer.concat(this.parts);
        this.parts = [];
        let members;
        try {
            members = openZip(all, this.ctx.maxZipBytes);
        }
        catch (err) {
            this.ctx.skipped.push({ path: this.path, reason: `not a readable zip (${message(err)}): searched as raw bytes` });
            const raw = new ScanSink(this.ctx, this.path);
            await raw.write(all);
            await raw.end();
            return;
        }
        for (const m of members) {
            if ('skip' in m) {
                this.ctx.skipped.push({ path: `${this.path}!${m.name}`, reason: m.skip });
                continue;
            }
            const child = new SniffSink(this.ctx, `${this.path}!${m.name}`, this.depth + 1);
            try {
                await child.write(m.data());
            }
            catch (err) {
                this.ctx.skipped.push({ path: `${this.path}!${m.name}`, reason: `could not be inflated (${message(err)})` });
            }
            await child.end();
        }
    }
}

;// CONCATENATED MODULE: ./src/guard/search.ts
/**
 * The guard's search: every file under the given paths (.git skipped, symlinks not
 * followed: what they point to inside the tree is searched as itself), read in 1 MB
 * chunks into one reused buffer and streamed through the archive sniffer into the matcher. Findings name the file, line and
 * secret (its label and form); they never hold the value, which the guard never had.
 */




function slash(p) {
    return p.split('\\').join('/');
}
/** One read buffer for the whole search (sinks copy what they keep): no garbage per chunk. */
const READ_SIZE = 1 << 20;
function errCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}
/**
 * Synchronous reads: a build tree is mostly small files, and a thread-pool round trip per
 * open/read/close costs more than reading them (measured: 10x on node_modules).
 */
async function searchFile(ctx, path, display, buf) {
    const sink = new SniffSink(ctx, display, 0);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            await sink.write(buf.subarray(0, n));
        }
    }
    catch (err) {
        ctx.skipped.push({ path: display, reason: `not readable (${errCode(err)})` });
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
    await sink.end();
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
        ctx.skipped.push({ path: display, reason: `directory not readable (${errCode(err)})` });
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        const child = (0,external_node_path_.join)(path, e.name);
        const name = display === '.' ? e.name : `${display}/${e.name}`;
        // symlinks are not followed; sockets, fifos and devices are not files
        if (e.isDirectory()) {
            if (!skip.names.has(e.name))
                await walkDir(ctx, child, name, skip, buf);
        }
        else if (e.isFile())
            await searchFile(ctx, child, name, buf);
    }
}
async function walk(ctx, path, display, skip, buf) {
    let st;
    try {
        // a path given by name is searched even if it is a symlink
        st = (0,external_node_fs_.statSync)(path);
    }
    catch (err) {
        ctx.skipped.push({ path: display, reason: `not found (${errCode(err)})` });
        return;
    }
    if (st.isFile())
        return searchFile(ctx, path, display, buf);
    if (st.isDirectory())
        return walkDir(ctx, path, display, skip, buf);
}
async function searchPaths(record, targets, opts = {}) {
    const t0 = performance.now();
    const matcher = new Matcher(record);
    const ctx = { matcher, maxDepth: opts.maxDepth ?? 4, maxZipBytes: opts.maxZipBytes ?? 512 * 1048576, findings: [], skipped: [], bytes: 0, files: 0 };
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


/***/ })

};
