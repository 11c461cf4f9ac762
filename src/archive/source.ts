/**
 * A pull stream of chunks with a look-ahead (the first bytes are sniffed, then read again),
 * a per-chunk counting hook (caps, bombs) and a failure hook (a library's error becomes a note
 * once, then ArchiveRefused). Every layer of an archive is a Source over the layer below.
 */
export class ArchiveRefused extends Error {}

export interface SourceHooks {
  /** called for every chunk pulled from below; may throw ArchiveRefused */
  count?: (bytes: number) => void;
  /** a library error (not ArchiveRefused) from below: note it; the Source then throws ArchiveRefused */
  fail?: (err: unknown) => void;
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/** An error's message (errors from node's internals may come from another realm: no instanceof). */
export function errorText(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

export class Source implements AsyncIterator<Buffer, undefined>, AsyncIterable<Buffer> {
  private back: Buffer | undefined;
  private ended = false;

  constructor(
    private readonly below: AsyncIterator<unknown> | null,
    private readonly hooks: SourceHooks = {},
  ) {}

  static from(input: Buffer | AsyncIterable<Buffer>): Source {
    if (!Buffer.isBuffer(input)) return new Source(input[Symbol.asyncIterator]());
    const s = new Source(null);
    if (input.length) s.back = input;
    return s;
  }

  async next(): Promise<IteratorResult<Buffer, undefined>> {
    const b = this.back;
    if (b) {
      this.back = undefined;
      return { value: b, done: false };
    }
    if (this.ended || !this.below) return DONE;
    let r: IteratorResult<unknown>;
    try {
      r = await this.below.next();
    } catch (err) {
      this.ended = true;
      if (err instanceof ArchiveRefused) throw err;
      this.hooks.fail?.(err);
      throw new ArchiveRefused(errorText(err));
    }
    if (r.done) {
      this.ended = true;
      return DONE;
    }
    const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
    if (this.hooks.count) {
      try {
        this.hooks.count(chunk.length);
      } catch (err) {
        this.ended = true;
        throw err;
      }
    }
    return { value: chunk, done: false };
  }

  /** The first `n` bytes (fewer at the end), left in place to be read again. */
  async head(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let len = 0;
    while (len < n) {
      const r = await this.next();
      if (r.done) break;
      parts.push(r.value);
      len += r.value.length;
    }
    const h = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, len);
    if (h.length) this.back = h;
    return h;
  }

  /** Everything, or null once it passes `max` bytes (the rest is left unread). */
  async collect(max: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let len = 0;
    for (;;) {
      const r = await this.next();
      if (r.done) break;
      len += r.value.length;
      if (len > max) return null;
      parts.push(r.value);
    }
    return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, len);
  }

  /** Reads to the end, discarding; a failure below ends it quietly (it was noted where it happened). */
  async drain(): Promise<void> {
    try {
      while (!(await this.next()).done);
    } catch {
      // noted by the failing layer
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** What pump writes into: a Node or streamx Writable (zlib, tar-stream's extract). */
export interface WritableLike {
  write(chunk: Buffer): boolean;
  end(): unknown;
  destroy(err?: Error): unknown;
  readonly destroyed: boolean;
  once(event: string, fn: () => void): unknown;
  removeListener(event: string, fn: () => void): unknown;
}

function writable(w: WritableLike): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      for (const ev of ['drain', 'close', 'error']) w.removeListener(ev, done);
      resolve();
    };
    for (const ev of ['drain', 'close', 'error']) w.once(ev, done);
  });
}

/**
 * Feeds `src` into `w` with back-pressure, in the background; never rejects (a failure
 * destroys `w` with it, so the reader of `w` sees it). `stop()` ends it after the current chunk.
 */
export function pump(src: Source, w: WritableLike, onBytes?: (n: number) => void): { done: Promise<void>; stop(): void } {
  let stopped = false;
  const done = (async (): Promise<void> => {
    try {
      for (;;) {
        const r = await src.next();
        if (r.done || stopped || w.destroyed) break;
        onBytes?.(r.value.length);
        if (!w.write(r.value)) {
          if (w.destroyed) break;
          await writable(w);
        }
      }
      if (!stopped && !w.destroyed) w.end();
    } catch (err) {
      if (!w.destroyed) w.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
