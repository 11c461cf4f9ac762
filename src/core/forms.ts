/**
 * The forms of a secret: the one place that says how a value may appear in output, used by
 * the masker (core/mask.ts), the streaming redactor of `exec` (actions/exec/redact.ts) and the leak
 * guard (guard/forms.ts). Each form has a kind that says how it arises (for reports).
 *
 * Computed for the value, the trimmed value, and each line of a multi-line value (CRLF, LF or
 * CR) with its trimmed variant; for each of these:
 * - as is;
 * - JSON string escapes as libraries write them: JS JSON.stringify, Python json.dumps
 *   (ensure_ascii: \uXXXX for every non-ASCII unit, astral characters as surrogate pairs), Go
 *   encoding/json (\u003c \u003e \u0026, \u2028 \u2029), PHP json_encode (\/ and \uXXXX),
 *   \/ alone (json-simple, PHP JSON_UNESCAPED_UNICODE), upper-case hex (Jackson
 *   ESCAPE_NON_ASCII, .NET System.Text.Json, which also writes \u0022 \u0027 \u002B ...),
 *   Newtonsoft (\u0085 \u2028 \u2029), Gson (\u003d \u0027 ...), and JSON escaped twice;
 * - URL encodings: encodeURIComponent, RFC 3986 (Python quote(safe=''), Uri.EscapeDataString,
 *   curl, rawurlencode), Python quote (keeps /), form encoding (+ for space: URLSearchParams,
 *   Java URLEncoder), quote_plus / Go QueryEscape, PHP urlencode, Go PathEscape, encodeURI;
 *   each with upper- and lower-case hex;
 * - base64: padded and unpadded, of the value and of the value and a newline (`echo "$S" |
 *   base64`), the full lines of those encodings wrapped at 76 (GNU base64) and 64 (openssl)
 *   columns, base64url padded and unpadded, and the "cores" the value leaves inside a longer
 *   base64 / base64url text (HTTP Basic `user:password`, a docker config `auth`) at each of
 *   the three byte alignments: the characters that depend on the value alone;
 * - what GitHub's runner masker adds: `"` as `\"`, `'` as `''`, XML escapes, the value without
 *   surrounding quotes, PowerShell's sections around `&`; and shell quoting (`'\''` as `set -x`
 *   prints it, and bash's printf %q), HTML escapes as Python, Go, PHP and lodash write them.
 *
 * A form is kept only when it is safe to match: an exact form needs MIN_SECRET_LENGTH
 * characters besides white space; a base64 core needs MIN_BASE64_CORE_LENGTH characters,
 * since any short run of base64 letters turns up by chance in unrelated base64 output. The
 * report lists what was dropped for being too short, so callers can warn once.
 *
 * Not promised: hex, reversed text, UTF-16 or other encodings, a base64 core split by a line
 * break of a longer wrapped encoding, a short last line (under 8 characters) of a wrapped
 * base64 encoding, compression or encryption of any kind.
 */

/** Shorter values garble logs when masked and are guessable: refused. */
export const MIN_SECRET_LENGTH = 4;

/**
 * The shortest base64 core matched inside longer base64 text. 8 characters carry 48 bits:
 * a given core turns up at a given position of random base64 text with probability 2^-48,
 * so even 1,000 secrets (6 cores each) over 100 MB of base64 output expect about 0.002 false
 * matches, while 4 or 5 characters (24-30 bits) would blank unrelated base64 every few
 * megabytes. Every value of 7 bytes or more (all GitLab accepts as masked: 8+) has all six.
 */
export const MIN_BASE64_CORE_LENGTH = 8;

export interface SecretForm {
  text: string;
  /** how the value appears: 'value', 'a line', 'base64', 'JSON-escaped (Python) of a line' ... */
  kind: string;
}

/** A form left out for being too short to match safely (never its text). */
export interface DroppedForm {
  kind: string;
  /** its length (non-space characters for exact forms) and the length it needed */
  length: number;
  need: number;
}

export interface FormReport {
  forms: SecretForm[];
  /** what a caller should warn about: the value or a line too short, base64 cores dropped */
  dropped: DroppedForm[];
}

export interface FormOptions {
  /** lines (trimmed) that are not secret and get no forms, e.g. PEM armour */
  skipLine?: (line: string) => boolean;
}

export const CORE_KIND = 'base64 inside longer base64 text';
export const CORE_URL_KIND = 'base64url inside longer base64url text';

/** The forms of `value` that are safe to match, each once, the most common kind first. */
export function forms(value: string): SecretForm[] {
  return formReport(value).forms;
}

export function formReport(value: string, opts: FormOptions = {}): FormReport {
  const out = new Map<string, string>();
  const dropped: DroppedForm[] = [];
  const seen = new Set<string>();
  const bases: { text: string; line: boolean }[] = [
    { text: value, line: false },
    { text: value.trim(), line: false },
  ];
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r\n|\n|\r/)) {
      if (opts.skipLine?.(line.trim())) continue;
      bases.push({ text: line, line: true }, { text: line.trim(), line: true });
    }
  }
  for (const { text, line } of bases) {
    if (seen.has(text)) continue;
    seen.add(text);
    const n = nonSpace(text);
    if (n < MIN_SECRET_LENGTH) {
      // a line counts once (as its trimmed variant); one of only punctuation ("{", "},") is
      // no secret and not worth a warning
      if (!line || (text === text.trim() && /[\p{L}\p{N}]/u.test(text))) dropped.push({ kind: line ? 'a line' : 'value', length: n, need: MIN_SECRET_LENGTH });
      continue;
    }
    const add = (s: string, kind: string, floor: Floor = 'exact'): boolean => {
      if (!safe(s, floor)) return false;
      if (!out.has(s)) out.set(s, line && kind !== 'a line' ? `${kind} of a line` : kind);
      return true;
    };
    addEncodings(text, line ? 'a line' : 'value', add, line ? undefined : dropped);
  }
  // the value and its trimmed variant report once; each short line counts
  const report = dropped.filter((d, i) => d.kind === 'a line' || dropped.findIndex((e) => e.kind === d.kind) === i);
  return { forms: [...out].map(([text, kind]) => ({ text, kind })), dropped: report };
}

/**
 * One warning for what the report dropped, naming the secret by `what` (never the value), or
 * undefined when nothing worth saying was dropped.
 */
export function droppedFormsWarning(dropped: readonly DroppedForm[], what: string): string | undefined {
  const parts: string[] = [];
  if (dropped.some((d) => d.kind === 'value'))
    parts.push(`the secret ${what} has fewer than ${MIN_SECRET_LENGTH} characters besides spaces: it cannot be redacted`);
  const lines = dropped.filter((d) => d.kind === 'a line').length;
  if (lines)
    parts.push(
      `${lines === 1 ? 'a line' : `${lines} lines`} of the secret ${what} ${lines === 1 ? 'is' : 'are'} shorter than ${MIN_SECRET_LENGTH} characters and cannot be redacted on ${lines === 1 ? 'its' : 'their'} own`,
    );
  if (dropped.some((d) => d.kind === CORE_KIND)) {
    parts.push(
      `the base64 form of the secret ${what} is too short to be redacted inside longer base64 text (that needs a value of at least 7 bytes); it is redacted where it is encoded on its own`,
    );
  }
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * The base64 characters of `b` that do not depend on the bytes around it, when `b` starts
 * at byte `shift` (0, 1 or 2) of a 3-byte group inside a longer encoded text.
 */
export function base64Core(b: Uint8Array, shift: 0 | 1 | 2, url = false): string {
  const enc = Buffer.concat([Buffer.alloc(shift), b])
    .toString(url ? 'base64url' : 'base64')
    .replace(/=+$/, '');
  // leading characters mixed with the bytes before: 0, 2 or 3 of them
  const lead = shift === 0 ? 0 : shift === 1 ? 2 : 3;
  // the value's bits end at bit 8*(shift+n); only characters wholly inside count
  const whole = Math.floor((8 * (shift + b.length)) / 6);
  return enc.slice(lead, whole);
}

type Floor = 'exact' | 'core' | 'section';
type Add = (s: string, kind: string, floor?: Floor) => boolean;

function nonSpace(s: string): number {
  return /\s/.test(s) ? s.replace(/\s+/g, '').length : s.length;
}

/** what \s matches */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** has `s` at least `n` characters besides white space? (stops as soon as it knows) */
function hasNonSpace(s: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < s.length && count < n; i++) if (!isSpace(s.charCodeAt(i))) count++;
  return count >= n;
}

function safe(s: string, floor: Floor): boolean {
  if (floor === 'core') return s.length >= MIN_BASE64_CORE_LENGTH;
  // GitHub's runner refuses PowerShell sections under 6 characters
  if (floor === 'section') return s.length >= 6 && hasNonSpace(s, MIN_SECRET_LENGTH);
  return hasNonSpace(s, MIN_SECRET_LENGTH);
}

/** characters no JSON, URL, HTML or shell escape changes (`~` is one: URLSearchParams and Java write %7E) */
const PLAIN = /^[A-Za-z0-9._-]*$/;

function addEncodings(b: string, kind: string, add: Add, dropped: DroppedForm[] | undefined): void {
  add(b, kind);
  addBase64(b, add, dropped);
  if (PLAIN.test(b)) return;
  // no JSON style changes a text without these
  if (/["\\/<>&'+=`\x00-\x1f\x7f-\uffff]/.test(b)) {
    for (const st of JSON_STYLES) add(jsonEscape(b, st), st.kind);
    add(jsonEscape(jsonEscape(b, JSON_STYLES[0] ?? {}), JSON_STYLES[0] ?? {}), 'JSON-escaped twice');
  }
  const component = encodeURIComponent(b.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd'));
  for (const st of URL_STYLES) {
    const upper = restyle(component, st);
    add(upper, st.name ? `URL-encoded (${st.name})` : 'URL-encoded');
    add(lowerHex(upper), `URL-encoded (${st.name ? `${st.name}, ` : ''}lower-case hex)`);
  }
  addQuoted(b, add);
}

function addBase64(b: string, add: Add, dropped: DroppedForm[] | undefined): void {
  const raw = Buffer.from(b, 'utf8');
  const std = raw.toString('base64');
  const withNewline = Buffer.concat([raw, Buffer.from('\n')]).toString('base64');
  add(std, 'base64');
  add(std.replace(/=+$/, ''), 'base64 (unpadded)');
  add(withNewline, 'base64 with a newline');
  add(withNewline.replace(/=+$/, ''), 'base64 with a newline (unpadded)');
  for (const enc of [std, withNewline]) {
    for (const width of [76, 64]) {
      if (enc.length <= width) continue;
      for (let i = 0; i < enc.length; i += width) {
        const line = enc.slice(i, i + width);
        // every line is fixed by the value; a short last line is too short to match safely
        add(line, `base64 wrapped at ${width}`, line.length === width ? 'exact' : 'core');
      }
    }
  }
  const url = raw.toString('base64url');
  add(url + '='.repeat((4 - (url.length % 4)) % 4), 'base64url');
  add(url, 'base64url (unpadded)');
  let short: DroppedForm | undefined;
  for (const shift of [0, 1, 2] as const) {
    const core = base64Core(raw, shift);
    if (!add(core, CORE_KIND, 'core') && !short) short = { kind: CORE_KIND, length: core.length, need: MIN_BASE64_CORE_LENGTH };
    add(base64Core(raw, shift, true), CORE_URL_KIND, 'core');
  }
  if (short && dropped) dropped.push(short);
}

function addQuoted(b: string, add: Add): void {
  // GitHub's runner: CommandLineArgumentEscape, ExpressionStringEscape, XmlDataEscape ...
  if (b.includes('"')) add(b.replace(/"/g, '\\"'), 'quote-escaped (\\")');
  if (b.includes("'")) {
    add(b.replace(/'/g, "''"), "quote-doubled ('')");
    add(b.replace(/'/g, `'\\''`), 'shell single-quoted');
  }
  // bash printf %q (and ${v@Q}-like output): a backslash before each special character;
  // a value with control characters gets the $'...' form instead, not covered
  if (!/[\x00-\x1f\x7f]/.test(b)) add(b.replace(/[ !"$&'()*,;<>?[\\\]^`{|}]/g, '\\$&').replace(/^[#~]/, '\\$&'), 'shell-escaped (printf %q)');
  if (/[&<>"']/.test(b)) {
    for (const st of HTML_STYLES)
      add(
        b.replace(/[&<>"']/g, (c) => (c === '"' ? st.quot : c === "'" ? st.apos : (HTML_BASIC[c] ?? c))),
        st.kind,
      );
  }
  const q = b.charAt(0);
  if (b.length > 2 && (q === '"' || q === "'") && b.endsWith(q)) add(b.slice(1, -1), 'without its quotes');
  if (b.includes('&')) {
    // PowerShell colours the character after "&+" and prints the parts apart
    const plus = b.indexOf('&+');
    const last = b.lastIndexOf('&');
    add(plus >= 0 ? b.slice(0, plus + 2) : b.slice(0, last + 1), 'a PowerShell section', 'section');
    if (plus >= 0) {
      const after = b.slice(plus + 2);
      const skip = after.length ? String.fromCodePoint(after.codePointAt(0) ?? 0).length : 0;
      add(after.slice(skip), 'a PowerShell section', 'section');
    } else add(b.slice(last + 1), 'a PowerShell section', 'section');
  }
}

const HTML_BASIC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

interface JsonStyle {
  kind?: string;
  /** `/` as `\/` */
  slash?: boolean;
  /** code units from this one up as \uXXXX (0x7f: Python and .NET escape DEL too) */
  ascii?: number;
  /** hex digits upper-case */
  upper?: boolean;
  /** characters always written as \uXXXX */
  extra?: string;
  /** U+2028 and U+2029 (and U+0085 with nel) as \uXXXX */
  separators?: boolean;
  nel?: boolean;
}

const JSON_STYLES: readonly (JsonStyle & { kind: string })[] = [
  { kind: 'JSON-escaped' },
  { kind: 'JSON-escaped (Python)', ascii: 0x7f },
  { kind: 'JSON-escaped (Go)', extra: '<>&', separators: true },
  { kind: 'JSON-escaped (PHP)', slash: true, ascii: 0x80 },
  { kind: 'JSON-escaped (\\/)', slash: true },
  { kind: 'JSON-escaped (upper-case \\u)', ascii: 0x80, upper: true },
  { kind: 'JSON-escaped (PHP, upper-case \\u)', slash: true, ascii: 0x80, upper: true },
  { kind: 'JSON-escaped (.NET)', ascii: 0x7f, upper: true, extra: `<>&'"+\`` },
  { kind: 'JSON-escaped (Newtonsoft)', separators: true, nel: true },
  { kind: 'JSON-escaped (Gson)', extra: "<>&='", separators: true },
];

const SHORT: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

function hexUnit(c: number, upper: boolean | undefined): string {
  const d = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  return `\\u${d[(c >> 12) & 15]}${d[(c >> 8) & 15]}${d[(c >> 4) & 15]}${d[c & 15]}`;
}

const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const jsonPatterns = new Map<JsonStyle, RegExp>();

/** what the style escapes, as one RegExp over UTF-16 code units */
function jsonPattern(st: JsonStyle): RegExp {
  let re = jsonPatterns.get(st);
  if (!re) {
    const unit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
    let set = '"\\\\\\x00-\\x1f';
    if (st.slash) set += '/';
    for (const ch of st.extra ?? '') set += unit(ch.charCodeAt(0));
    if (st.ascii !== undefined) set += `${unit(st.ascii)}-\\uffff`;
    if (st.separators) set += `\\u2028\\u2029${st.nel ? '\\u0085' : ''}`;
    re = new RegExp(`[${set}]|${LONE_SURROGATE}`, 'g');
    jsonPatterns.set(st, re);
  }
  return re;
}

/** The inside of a JSON string literal holding `s`, as the given library writes it. */
export function jsonEscape(s: string, st: JsonStyle): string {
  return s.replace(jsonPattern(st), (ch) => {
    const c = ch.charCodeAt(0);
    if (st.extra?.includes(ch)) return hexUnit(c, st.upper);
    if (c === 0x22) return '\\"';
    if (c === 0x5c) return '\\\\';
    if (c === 0x2f) return '\\/';
    return (c < 0x20 ? SHORT[c] : undefined) ?? hexUnit(c, st.upper);
  });
}

interface UrlStyle {
  name: string;
  /** ASCII characters besides letters and digits written as they are */
  keep: string;
  /** space as + */
  plus?: boolean;
}

const URL_STYLES: readonly UrlStyle[] = [
  { name: '', keep: "-_.!~*'()" }, // encodeURIComponent
  { name: 'RFC 3986', keep: '-_.~' }, // Python quote(safe=''), Uri.EscapeDataString, curl, rawurlencode
  { name: 'Python quote', keep: '-_.~/' },
  { name: 'form', keep: '-_.*', plus: true }, // URLSearchParams, Java URLEncoder
  { name: 'quote_plus', keep: '-_.~', plus: true }, // Python quote_plus, Go url.QueryEscape
  { name: 'PHP urlencode', keep: '-_.', plus: true },
  { name: 'path segment', keep: '-_.~$&+:=@' }, // Go url.PathEscape
  { name: 'encodeURI', keep: "-_.!~*'();/?:@&=+$,#" },
];

/** `s` percent-encoded (its UTF-8 bytes; a lone surrogate as U+FFFD) in the given style. */
export function urlEncode(s: string, st: UrlStyle, lower = false): string {
  const e = restyle(encodeURIComponent(s.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd')), st);
  return lower ? lowerHex(e) : e;
}

/**
 * encodeURIComponent keeps letters, digits and -_.!~*'(); from its output each style keeps
 * or escapes the other ASCII characters (non-ASCII bytes are escaped by all).
 */
function restyle(e: string, st: UrlStyle): string {
  return e.replace(/%[0-7][0-9A-F]|[!~*'()]/g, (m) => {
    const ch = m.length === 1 ? m : String.fromCharCode(parseInt(m.slice(1), 16));
    if (ch === ' ' && st.plus) return '+';
    if (st.keep.includes(ch)) return ch;
    return m.length === 1 ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : m;
  });
}

/** the same with lower-case hex digits after each % (one pass over the bytes) */
function lowerHex(e: string): string {
  if (!e.includes('%')) return e;
  const b = Buffer.from(e, 'latin1');
  for (let i = b.indexOf(0x25); i >= 0 && i + 2 < b.length; i = b.indexOf(0x25, i + 3)) {
    b[i + 1] = (b[i + 1] ?? 0) | 0x20;
    b[i + 2] = (b[i + 2] ?? 0) | 0x20;
  }
  return b.toString('latin1');
}

const HTML_STYLES: readonly { kind: string; quot: string; apos: string }[] = [
  { kind: 'XML-escaped', quot: '&quot;', apos: '&apos;' },
  { kind: 'HTML-escaped', quot: '&quot;', apos: '&#39;' }, // lodash, Ruby CGI.escapeHTML
  { kind: 'HTML-escaped (Python)', quot: '&quot;', apos: '&#x27;' },
  { kind: 'HTML-escaped (Go)', quot: '&#34;', apos: '&#39;' },
  { kind: 'HTML-escaped (PHP)', quot: '&quot;', apos: '&#039;' },
  { kind: 'HTML-escaped (text)', quot: '"', apos: "'" },
];
