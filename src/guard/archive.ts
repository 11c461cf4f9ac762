/**
 * Opening what a build produces, as the guard reads it: every file is sniffed by its first
 * bytes, not its name. gzip is inflated as a stream (node:zlib); tar (ustar, GNU long names,
 * pax paths) is read header by header as a stream, each member sniffed again, so a
 * `docker save` tarball's layers (layer.tar or OCI blobs, gzipped or not) are opened too;
 * zip (stored or deflated, zip64 offsets) is read from its central directory in memory.
 * Members are named `archive!member`, as gitleaks does. Nesting stops at maxDepth; what cannot
 * be opened is reported as skipped, never silently passed.
 */
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import type { Matcher, GuardFinding } from './matcher.js';
import { openZip } from './zip.js';

/** Sinks must not keep a chunk after write() returns: the reader reuses its buffer. */
export interface Sink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

export interface ScanContext {
  matcher: Matcher;
  maxDepth: number;
  /** largest zip (held in memory to read its directory) */
  maxZipBytes: number;
  findings: GuardFinding[];
  skipped: { path: string; reason: string }[];
  bytes: number;
  files: number;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : 'error';
}

class ScanSink implements Sink {
  private readonly s;
  constructor(private readonly ctx: ScanContext, path: string) {
    ctx.files++;
    this.s = ctx.matcher.stream(path, (f) => ctx.findings.push(f));
  }
  async write(chunk: Buffer): Promise<void> {
    this.s.write(chunk);
  }
  async end(): Promise<void> {
    this.s.end();
    this.ctx.bytes += this.s.bytes;
  }
}

const SNIFF = 265;

function isTar(h: Buffer): boolean {
  return h.length >= 263 && h.toString('latin1', 257, 262) === 'ustar';
}

/** Decides from the first bytes what a file is, then hands everything to the right sink. */
export class SniffSink implements Sink {
  private head: Buffer[] = [];
  private headLen = 0;
  private target: Sink | undefined;

  constructor(private readonly ctx: ScanContext, private readonly path: string, private readonly depth: number) {}

  private choose(h: Buffer): Sink {
    const open = this.depth < this.ctx.maxDepth;
    if (open && h.length >= 3 && h[0] === 0x1f && h[1] === 0x8b && h[2] === 8) return new GunzipSink(this.ctx, this.path, new SniffSink(this.ctx, this.path, this.depth + 1));
    if (open && isTar(h)) return new TarSink(this.ctx, this.path, this.depth);
    if (open && h.length >= 4 && h.readUInt32LE(0) === 0x04034b50) return new ZipSink(this.ctx, this.path, this.depth);
    if (!open && (isTar(h) || (h[0] === 0x1f && h[1] === 0x8b))) this.ctx.skipped.push({ path: this.path, reason: `archive nested deeper than ${this.ctx.maxDepth}: searched as raw bytes` });
    return new ScanSink(this.ctx, this.path);
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.target) return this.target.write(chunk);
    this.head.push(Buffer.from(chunk));
    this.headLen += chunk.length;
    if (this.headLen >= SNIFF) await this.flush();
  }

  private async flush(): Promise<void> {
    const all = Buffer.concat(this.head);
    this.head = [];
    this.target = this.choose(all);
    await this.target.write(all);
  }

  async end(): Promise<void> {
    if (!this.target) await this.flush();
    await this.target?.end();
  }
}

class GunzipSink implements Sink {
  private readonly z = createGunzip();
  private readonly consumer: Promise<void>;
  private failed = false;

  constructor(private readonly ctx: ScanContext, private readonly path: string, private readonly child: Sink) {
    this.consumer = (async () => {
      for await (const out of this.z) await this.child.write(out as Buffer);
    })().catch((err: unknown) => {
      this.failed = true;
      this.ctx.skipped.push({ path: this.path, reason: `gzip data could not be read to the end (${message(err)})` });
    });
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failed) return;
    // zlib reads the chunk later: give it a copy
    if (!this.z.write(Buffer.from(chunk))) await Promise.race([once(this.z, 'drain').catch(() => undefined), this.consumer]);
  }

  async end(): Promise<void> {
    this.z.end();
    await this.consumer;
    await this.child.end();
  }
}

function cString(b: Buffer, start: number, len: number): string {
  const end = b.indexOf(0, start);
  return b.toString('utf8', start, end >= 0 && end < start + len ? end : start + len);
}

function tarSize(h: Buffer): number {
  if ((h[124]! & 0x80) !== 0) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + h[i]!;
    return n;
  }
  return parseInt(cString(h, 124, 12).trim() || '0', 8);
}

function tarChecksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === parseInt(cString(h, 148, 8).trim() || '-1', 8);
}

function paxPath(text: string): string | undefined {
  let path: string | undefined;
  for (const rec of text.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/.exec(rec);
    if (m && m[1] === 'path') path = m[2];
  }
  return path;
}

/** A streaming tar reader: each regular member goes to its own sniffing sink. */
class TarSink implements Sink {
  private header = Buffer.alloc(512);
  private headerLen = 0;
  private remaining = 0;
  private pad = 0;
  private child: Sink | undefined;
  private meta: Buffer[] | undefined;
  private metaType = '';
  private nextName: string | undefined;
  private done = false;

  constructor(private readonly ctx: ScanContext, private readonly path: string, private readonly depth: number) {}

  async write(chunk: Buffer): Promise<void> {
    let off = 0;
    while (off < chunk.length && !this.done) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - off);
        const part = chunk.subarray(off, off + n);
        if (this.child) await this.child.write(part);
        else if (this.meta) this.meta.push(Buffer.from(part));
        this.remaining -= n;
        off += n;
        if (this.remaining === 0) await this.finishMember();
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

  private async startMember(h: Buffer): Promise<void> {
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
    const type = String.fromCharCode(h[156]!);
    let name = cString(h, 0, 100);
    const prefix = h.toString('latin1', 257, 262) === 'ustar' ? cString(h, 345, 155) : '';
    if (prefix) name = `${prefix}/${name}`;
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
    } else if ((type === '0' || type === '\0' || type === '7') && size > 0) {
      this.child = new SniffSink(this.ctx, `${this.path}!${name}`, this.depth + 1);
    }
    if (size === 0) await this.finishMember();
  }

  private async finishMember(): Promise<void> {
    if (this.child) {
      const c = this.child;
      this.child = undefined;
      await c.end();
    } else if (this.meta) {
      const text = Buffer.concat(this.meta).toString('utf8');
      this.meta = undefined;
      const name = this.metaType === 'L' ? text.replace(/\0+$/, '') : paxPath(text);
      if (name) this.nextName = name;
    }
  }

  async end(): Promise<void> {
    if (this.child) {
      this.ctx.skipped.push({ path: this.path, reason: 'the tar archive ends inside a member' });
      await this.finishMember();
    }
  }
}

/** Zip needs its central directory (at the end): held in memory up to maxZipBytes. */
class ZipSink implements Sink {
  private parts: Buffer[] = [];
  private size = 0;
  private tooBig = false;

  constructor(private readonly ctx: ScanContext, private readonly path: string, private readonly depth: number) {}

  async write(chunk: Buffer): Promise<void> {
    if (this.tooBig) return;
    this.size += chunk.length;
    if (this.size > this.ctx.maxZipBytes) {
      this.tooBig = true;
      this.parts = [];
      this.ctx.skipped.push({ path: this.path, reason: `zip larger than ${Math.round(this.ctx.maxZipBytes / 1048576)} MB: not opened` });
      return;
    }
    this.parts.push(Buffer.from(chunk));
  }

  async end(): Promise<void> {
    if (this.tooBig) return;
    const all = Buffer.concat(this.parts);
    this.parts = [];
    let members;
    try {
      members = openZip(all, this.ctx.maxZipBytes);
    } catch (err) {
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
      } catch (err) {
        this.ctx.skipped.push({ path: `${this.path}!${m.name}`, reason: `could not be inflated (${message(err)})` });
      }
      await child.end();
    }
  }
}
