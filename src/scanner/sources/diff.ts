/**
 * A streaming parser of `git log -p -U0` / `git diff -U0` output. Feed it line by line; it
 * returns one fragment per file per commit holding the added lines (joined by \n) and their
 * line numbers in the new file, taken from the hunk headers. Commit headers are framed by
 * markers carrying a per-run nonce, so a crafted commit message cannot fake the framing.
 */
import { randomBytes } from 'node:crypto';
import type { CommitInfo, Fragment, Skipped } from '../types.js';
import type { SourceStats } from './stats.js';

export interface CommitFormat {
  /** the --format= argument */
  format: string;
  start: string;
  end: string;
}

export function commitFormat(): CommitFormat {
  const nonce = randomBytes(6).toString('hex');
  const start = `\x01PS-BEGIN-${nonce}`;
  const end = `\x01PS-END-${nonce}`;
  return { format: `${start}%H%x00%an%x00%ae%x00%aI%x00%B${end}`, start, end };
}

/** A binary file added or changed, handed back to the git source (which may open it as an archive). */
export interface BinaryChange {
  path: string;
  commit?: CommitInfo;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Unquotes a C-style quoted git path ("b/a\tb" or "b/caf\303\251"). */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
      continue;
    }
    const n = body[i + 1] ?? '';
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(esc[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function newPath(line: string): string | null {
  const raw = line.slice(4).replace(/\t$/, '');
  if (raw === '/dev/null') return null;
  const p = unquoteGitPath(raw);
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** gitleaks writes commit dates in UTC, RFC 3339, whole seconds. */
function utcDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class DiffParser {
  private commit: CommitInfo | undefined;
  private header: string[] | null = null;
  private state: 'none' | 'header' | 'hunk' = 'none';
  private path: string | null = null;
  private lines: string[] = [];
  private numbers: number[] = [];
  private bytes = 0;
  private oversize = false;
  private next = 0;

  constructor(
    private readonly fmt: CommitFormat | null,
    private readonly opts: { maxBytes: number; skipped: Skipped[]; stats: SourceStats; binaries?: BinaryChange[] },
  ) {}

  /** Feeds one line; returns a finished fragment when this line closed one. */
  push(line: string): Fragment | null {
    if (this.header) {
      if (line.endsWith(this.fmt?.end ?? '\0')) {
        this.header.push(line.slice(0, -(this.fmt?.end.length ?? 0)));
        this.startCommit(this.header.join('\n'));
        this.header = null;
      } else this.header.push(line);
      return null;
    }
    if (this.fmt && line.startsWith(this.fmt.start)) {
      const done = this.flush();
      const rest = line.slice(this.fmt.start.length);
      if (rest.endsWith(this.fmt.end)) this.startCommit(rest.slice(0, -this.fmt.end.length));
      else this.header = [rest];
      this.state = 'none';
      return done;
    }
    if (line.startsWith('diff --git ')) {
      const done = this.flush();
      this.state = 'header';
      this.path = null;
      return done;
    }
    if (this.state === 'header') {
      if (line.startsWith('+++ ')) this.path = newPath(line);
      else if (line.startsWith('Binary files ')) {
        const m = / and (.+) differ$/.exec(line);
        const p = m?.[1] && m[1] !== '/dev/null' ? newPath(`+++ ${m[1]}`) : null;
        if (p && this.opts.binaries) this.opts.binaries.push(this.commit ? { path: p, commit: this.commit } : { path: p });
        else if (p) this.opts.skipped.push(this.skip(p, 'binary file'));
      } else {
        const h = HUNK.exec(line);
        if (h) {
          this.state = 'hunk';
          this.next = Number(h[1]);
        }
      }
      return null;
    }
    if (this.state === 'hunk') {
      const c = line.charCodeAt(0);
      if (c === 43 /* + */) {
        if (this.path !== null) this.add(line.slice(1));
        this.next++;
      } else if (c === 32 /* space */) this.next++;
      else if (line.startsWith('@@')) {
        const h = HUNK.exec(line);
        if (h) this.next = Number(h[1]);
      }
    }
    return null;
  }

  /** Ends the stream; returns the last fragment, if any. */
  end(): Fragment | null {
    return this.flush();
  }

  private startCommit(text: string): void {
    const [sha = '', author = '', email = '', date = '', ...msg] = text.split('\0');
    this.commit = { sha: sha.replace(/^\n+/, ''), author, email, date: utcDate(date), message: msg.join('\0').replace(/\n+$/, '') };
    this.opts.stats.commits++;
  }

  private add(text: string): void {
    if (this.oversize) return;
    this.bytes += text.length + 1;
    if (this.opts.maxBytes > 0 && this.bytes > this.opts.maxBytes) {
      this.oversize = true;
      this.lines = [];
      this.numbers = [];
      return;
    }
    this.lines.push(text);
    this.numbers.push(this.next);
  }

  private skip(path: string, reason: string): Skipped {
    return { path: this.commit ? `${this.commit.sha.slice(0, 12)}:${path}` : path, reason };
  }

  private flush(): Fragment | null {
    let out: Fragment | null = null;
    if (this.path !== null && this.oversize) {
      this.opts.skipped.push(
        this.skip(this.path, `added more than ${Math.round(this.opts.maxBytes / 1048576)} MB in one change; raise max-target-megabytes to scan it`),
      );
    } else if (this.path !== null && this.lines.length) {
      out = { text: this.lines.join('\n'), path: this.path, lineNumbers: this.numbers };
      if (this.commit) out.commit = this.commit;
      this.opts.stats.files++;
      this.opts.stats.bytes += this.bytes;
    }
    this.lines = [];
    this.numbers = [];
    this.bytes = 0;
    this.oversize = false;
    this.path = null;
    this.state = 'none';
    return out;
  }
}
