/**
 * The line grammar of fetch-secrets' `secrets` input, shared by Vault lines and cloud store
 * lines: entries (one per line, `;` also separates, `#` starts a comment line), words with
 * "..." and `...` quoting, dotted key selectors (`a."b.c"`), and the `| [file:|dotenv:|json:]NAME`
 * sink on the right of the last `|`. What comes before the key (a Vault path, a store id) is
 * each source's own: vault/selector.ts and stores/selector.ts parse it.
 *
 * Parsing is pure: errors are UserErrors naming the input, the line number and what is wrong.
 * Entries hold paths, ids, key names and parameters, never secret values.
 */
import { UserError } from '../core/errors.js';
import { isEnvName } from '../core/parse.js';
import { envName, normalizeName } from './names.js';

export const SECRETS_INPUT = 'secrets';

/** Where a value goes. env: an env var / output holding the value; the others: a file. */
export type SinkKind = 'env' | 'file' | 'dotenv' | 'json';

export interface FieldSelector {
  /** the selector as written, quotes included */
  raw: string;
  /** the dotted path, quotes removed */
  segments: string[];
  /** true when any segment was quoted (then `raw` is never taken as one literal key) */
  quoted: boolean;
}

/** One entry of the input with its 1-based line number. */
export interface Entry {
  line: number;
  text: string;
}

/**
 * Splits the input into entries with their line numbers; `#` starts a comment line. `secret-ids`
 * (aws-secretsmanager-get-secrets' format) has one entry per line, no `;`, and a ` # comment`
 * may end a line: `{ oneByLine: true }`.
 */
export function splitEntries(input: string, opts: { oneByLine?: boolean } = {}): Entry[] {
  const out: Entry[] = [];
  input.split(/\r?\n/).forEach((rawLine, i) => {
    const line = (opts.oneByLine ? rawLine.replace(/\s+#.*$/, '') : rawLine).trim();
    if (!line || line.startsWith('#')) return;
    for (const part of opts.oneByLine ? [line] : line.split(';')) {
      const text = part.trim();
      if (text) out.push({ line: i + 1, text });
    }
  });
  return out;
}

/** The error of one entry: `line N ("text"): what`, on the secrets input. */
export function lineError(line: number, text: string, what: string): UserError {
  return new UserError(SECRETS_INPUT, `line ${line} ("${text.slice(0, 160)}"): ${what}`);
}

/** Splits on whitespace, keeping "..." and `...` spans (quotes kept) together. */
export function tokenize(s: string): string[] | string {
  const tokens: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === '`') {
      quote = ch;
      cur += ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) tokens.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) return `a ${quote} quote is not closed`;
  if (has) tokens.push(cur);
  return tokens;
}

/** Parses `a.b`, `"a.b".c`, `` `x-y`.z ``; returns an error text when malformed. */
export function parseField(raw: string): FieldSelector | string {
  const segments: string[] = [];
  let quoted = false;
  let i = 0;
  while (i <= raw.length) {
    const ch = raw[i];
    let seg: string;
    if (ch === '"' || ch === '`') {
      const end = raw.indexOf(ch, i + 1);
      if (end < 0) return `the ${ch} quote in "${raw}" is not closed`;
      seg = raw.slice(i + 1, end);
      quoted = true;
      i = end + 1;
      if (i < raw.length && raw[i] !== '.') return `expected "." after the quoted key in "${raw}"`;
    } else {
      const dot = raw.indexOf('.', i);
      const end = dot < 0 ? raw.length : dot;
      seg = raw.slice(i, end);
      if (/["`]/.test(seg)) return `a quote must start a key in "${raw}"`;
      i = end;
    }
    if (seg === '') return `the key "${raw}" has an empty part (two dots, or a dot at an end)`;
    segments.push(seg);
    if (i >= raw.length) break;
    i++; // the dot
    if (i >= raw.length) return `the key "${raw}" ends with a dot`;
  }
  return { raw, segments, quoted };
}

/** An entry's two sides: what to read (left of the last `|`) and the sink (right of it; undefined without a `|`). */
export function splitSink(text: string): { lhs: string; rhs?: string } {
  const bar = text.lastIndexOf('|');
  return bar < 0 ? { lhs: text } : { lhs: text.slice(0, bar), rhs: text.slice(bar + 1) };
}

export interface Sink {
  sink: SinkKind;
  name: string;
}

/**
 * The right of `|`: `NAME`, `file:NAME`, `dotenv:NAME` or `json:NAME`; the name must be a valid
 * variable name. `sinkHint` adds the file forms to the invalid-name message (Vault lines say so).
 */
export function parseSink(rhs: string, fail: (what: string) => UserError, sinkHint = false): Sink {
  const m = /^(?:(file|dotenv|json)\s*:\s*)?(.*)$/i.exec(rhs.trim());
  const sink = (m?.[1]?.toLowerCase() ?? 'env') as SinkKind;
  const name = (m?.[2] ?? '').trim();
  if (!name) throw fail('nothing after "|": write a name, e.g. "| API_KEY" or "| file:TLS_CERT"');
  if (!isEnvName(name)) {
    throw fail(
      `"${name.slice(0, 60)}" is not a valid variable name: use letters, digits and _ (not starting with a digit)${sinkHint ? ', or "file:NAME", "dotenv:NAME", "json:NAME"' : ''}`,
    );
  }
  return { sink, name };
}

/** The env and output names from a key path or a secret's own name (`db.password` -> DB__PASSWORD, db__password). */
export function namesOf(plain: string): { name: string; outputName: string } {
  return { name: envName(plain), outputName: normalizeName(plain) };
}

/**
 * An entry's names: `| NAME` names the env var and the output alike; `*` (every key) leaves them
 * '' (each key names its own, after the prefix a `| NAME` gives); otherwise they come from `plain`.
 */
export function entryNames(sink: Sink | undefined, expand: boolean, plain: () => string): { name: string; outputName: string } {
  if (sink) return { name: sink.name, outputName: sink.name };
  if (expand) return { name: '', outputName: '' };
  return namesOf(plain());
}
