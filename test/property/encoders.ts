/**
 * The forms a secret takes when other programs print it, computed here independently of
 * src/ (src/core/forms.ts must not be imported: these tests are the check of it). Each
 * encoder writes what the named tool or language writes; encoders.test.ts cross-checks them
 * against python3 and GNU base64.
 *
 * This file imports nothing and uses only erasable TypeScript: the `exec` property test's child
 * process loads it directly with Node 24 (type stripping), so the child prints exactly the
 * forms the test then looks for.
 *
 * Two lists per value:
 * - printedForms(): the texts a program prints (`echo "$S" | base64`, a docker config.json, an
 *   HTTP Basic header, json.dumps(...), a value split by an ANSI colour sequence ...);
 * - needles(): what must never be visible afterwards: the characters fixed by the value alone.
 *   A form printed on its own is fixed by the value in full; inside a longer base64 text only
 *   the core is (1-2 characters at each edge also depend on the neighbours), so the needle is
 *   the core. Lines shorter than MIN_MASK_LENGTH, and fragments (a line of wrapped base64, a
 *   core) carrying fewer than MIN_MASK_LENGTH bytes of the value, are not needles: no one can
 *   mask them without garbling every log (the product says so for whole values that short).
 *   A core under SAFE_CORE_LENGTH is marked: the tests excuse it only where the product warned.
 */

/** Fewest characters besides white space a text must have for the product to mask it: its own MIN_SECRET_LENGTH. */
export const MIN_MASK_LENGTH = 4;

/** Characters besides white space (as JavaScript's \s counts it: U+FEFF, U+3000 ... too). */
export function nonSpace(s: string): number {
  return s.replace(/\s+/g, '').length;
}

// ---------------------------------------------------------------- bytes and base64

const encoder = new TextEncoder();
// module bindings, not globals: in jest's vm context every global lookup is slow
const fromCharCode = String.fromCharCode;
const imul = Math.imul;

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 base64 of bytes; `url` the URL-safe alphabet; `pad` the trailing '='. */
export function base64(bytes: Uint8Array, opts: { url?: boolean; pad?: boolean } = {}): string {
  const abc = opts.url ? B64URL : B64;
  const pad = opts.pad ?? true;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc.charAt(n >>> 18) + abc.charAt((n >>> 12) & 63) + abc.charAt((n >>> 6) & 63) + abc.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += abc.charAt(n >>> 18) + abc.charAt((n >>> 12) & 63) + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += abc.charAt(n >>> 18) + abc.charAt((n >>> 12) & 63) + abc.charAt((n >>> 6) & 63) + (pad ? '=' : '');
  }
  return out;
}

/** What GNU `base64` (coreutils, default -w 76) writes: lines of 76 columns, each ending in a newline. */
export function gnuBase64(bytes: Uint8Array): string {
  const flat = base64(bytes);
  if (flat === '') return '';
  let out = '';
  for (let i = 0; i < flat.length; i += 76) out += `${flat.slice(i, i + 76)}\n`;
  return out;
}

/**
 * The characters of the base64 of `bytes` that the bytes alone fix, when they sit inside a longer
 * byte string at offset ≡ `align` (mod 3) with unknown bytes before and after: base64 character k
 * covers bits [6k, 6k+6), so it is the value's alone when those bits lie inside the value.
 */
export function base64Core(bytes: Uint8Array, align: 0 | 1 | 2): string {
  const n = bytes.length;
  const padded = new Uint8Array(align + n + 2);
  padded.set(bytes, align);
  const text = base64(padded, { pad: false });
  const first = Math.ceil((8 * align) / 6);
  const last = Math.floor((8 * (align + n) - 6) / 6);
  return last >= first ? text.slice(first, last + 1) : '';
}

// ---------------------------------------------------------------- JSON, as each language writes it

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The inside of JSON.stringify(s): control characters escaped, everything else as is. */
export function jsonJs(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** Python's json.dumps(s) (ensure_ascii=True): only ' '..'~' stay, everything else is \uXXXX (lower-case hex, surrogate pairs). */
export function jsonPython(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (c >= 0x20 && c <= 0x7e) out += ch;
    else out += `\\u${hex4(c)}`;
  }
  return out;
}

/**
 * Go's encoding/json (json.Marshal, HTML-safe by default): < > & as \u003c \u003e \u0026,
 * U+2028 and U+2029 escaped, other control characters \uXXXX (\b \f \n \r \t short, as Go 1.22+),
 * DEL and all other non-ASCII as is.
 */
export function jsonGo(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return out;
}

/** PHP's json_encode($s) with default flags: '/' as \/, every non-ASCII character \uXXXX (lower-case, surrogate pairs). */
export function jsonPhp(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (ch === '/') out += '\\/';
    else if (c < 0x20 || c > 0x7f) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return out;
}

/** Java writers that escape '/' (json-simple, org.json after '<', Jackson's ESCAPE_NON_ASCII off): JSON.stringify with \/. */
export function jsonSlash(s: string): string {
  return jsonJs(s).replace(/\//g, '\\/');
}

// ---------------------------------------------------------------- URL encoding, as each encoder writes it

const HEX_UPPER = Array.from({ length: 256 }, (_, b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`);
const HEX_LOWER = Array.from({ length: 256 }, (_, b) => `%${b.toString(16).padStart(2, '0')}`);

/** Percent-encodes the UTF-8 bytes of every character but those `keep` keeps (ASCII only). */
function percentEncode(s: string, keep: string, opts: { plus?: boolean; lower?: boolean } = {}): string {
  const hex = opts.lower ? HEX_LOWER : HEX_UPPER;
  const bytes = utf8(s);
  let out = '';
  for (const b of bytes) {
    if (b === 0x20 && opts.plus) out += '+';
    else if (b < 0x80 && (isAlnum(b) || keep.includes(fromCharCode(b)))) out += fromCharCode(b);
    else out += hex[b];
  }
  return out;
}

function isAlnum(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** encodeURIComponent: keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
export function urlComponent(s: string): string {
  return percentEncode(s, "-_.!~*'()");
}

/** The same with lower-case hex (%2f), as .NET's HttpUtility and many hand-written encoders write it. */
export function urlComponentLower(s: string): string {
  return percentEncode(s, "-_.!~*'()", { lower: true });
}

/** application/x-www-form-urlencoded as URLSearchParams writes it: keeps A-Z a-z 0-9 * - . _, a space is '+'. */
export function urlForm(s: string): string {
  return percentEncode(s, '*-._', { plus: true });
}

/** Python's urllib.parse.quote_plus(s): keeps A-Z a-z 0-9 _ . - ~, a space is '+'. */
export function pyQuotePlus(s: string): string {
  return percentEncode(s, '_.-~', { plus: true });
}

/** Python's urllib.parse.quote(s) (safe='/'): keeps A-Z a-z 0-9 _ . - ~ and '/'. */
export function pyQuote(s: string): string {
  return percentEncode(s, '_.-~/');
}

// ---------------------------------------------------------------- lines, splits

/** Lines as a log reader splits them (the GitHub runner's ReadLine: CR, LF or CRLF). */
export function lines(s: string): string[] {
  return s.split(/\r\n|\r|\n/);
}

/** A deterministic position (a code point boundary strictly inside `s`) for splitting it. */
export function splitPoint(s: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) h = imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  const bounds: number[] = [];
  let i = 0;
  for (const ch of s) {
    if (i > 0) bounds.push(i);
    i += ch.length;
  }
  return bounds.length ? (bounds[h % bounds.length] ?? 1) : 0;
}

export const ANSI_SEQUENCES = ['\x1b[31m', '\x1b[0m', '\x1b[1;32m', '\x1b[38;5;208m', '\x1b[4m'];
/** ANSI SGR sequences and NUL bytes: what a terminal or log viewer does not show. */
export const INVISIBLE = /\x1b\[[0-9;]*m|\x00/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

// ---------------------------------------------------------------- the forms of a value

export interface Form {
  /** what the form is (never the value): for failure messages */
  name: string;
  text: string;
}

/** Forms a GitHub runner's masker cannot be expected to see through: the GitHub test leaves these out. */
export const SPLIT_FORMS = new Set(['ansi-split', 'ansi-split-2', 'ansi-wrapped', 'nul-split']);

/** Every text a program prints for `value` (each is printed on its own line by the tests). */
export function printedForms(value: string): Form[] {
  const v = utf8(value);
  const nl = utf8(`${value}\n`);
  const cat = (...parts: (string | Uint8Array)[]): Uint8Array => {
    const bytes = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
    const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    let o = 0;
    for (const b of bytes) {
      out.set(b, o);
      o += b.length;
    }
    return out;
  };
  const k1 = splitPoint(value, 1);
  const k2 = splitPoint(value, 2);
  const seq1 = ANSI_SEQUENCES[k1 % ANSI_SEQUENCES.length] ?? '\x1b[31m';
  const seq2 = ANSI_SEQUENCES[(k2 + 2) % ANSI_SEQUENCES.length] ?? '\x1b[0m';
  const forms: Form[] = [
    { name: 'raw', text: value },
    // echo "$S" | base64 (GNU wraps at 76), printf %s "$S" | base64, and -w0 of both
    { name: 'echo|base64', text: gnuBase64(nl).replace(/\n$/, '') },
    { name: 'printf|base64', text: gnuBase64(v).replace(/\n$/, '') },
    { name: 'echo|base64 -w0', text: base64(nl) },
    { name: 'base64', text: base64(v) },
    { name: 'base64 unpadded', text: base64(v, { pad: false }) },
    { name: 'base64url', text: base64(v, { url: true, pad: false }) },
    { name: 'base64url padded', text: base64(v, { url: true }) },
    // inside a longer base64 text, the value at each alignment (at the end and in the middle)
    { name: 'basic auth ci:', text: `Authorization: Basic ${base64(cat('ci:', v))}` },
    { name: 'basic auth oauth2:', text: `Authorization: Basic ${base64(cat('oauth2:', v))}` },
    { name: 'basic auth user:', text: `Authorization: Basic ${base64(cat('user:', v))}` },
    { name: 'docker auth', text: `{"auths":{"registry.example.com":{"auth":"${base64(cat('ci-bot:', v))}"}}}` },
    { name: 'base64 x-oauth-basic', text: base64(cat(v, ':x-oauth-basic')) },
    { name: 'base64 mid 1', text: base64(cat('k', v, ':k')) },
    { name: 'base64 mid 2', text: base64(cat('ab', v, '\n')) },
    // JSON as each language writes it
    { name: 'json js', text: jsonJs(value) },
    { name: 'json python', text: jsonPython(value) },
    { name: 'json go', text: jsonGo(value) },
    { name: 'json php', text: jsonPhp(value) },
    { name: 'json slash', text: jsonSlash(value) },
    // URL encodings
    { name: 'encodeURIComponent', text: urlComponent(value) },
    { name: 'url lower-case', text: urlComponentLower(value) },
    { name: 'url form', text: urlForm(value) },
    { name: 'python quote_plus', text: pyQuotePlus(value) },
    { name: 'python quote', text: pyQuote(value) },
    // split by what a terminal does not show
    { name: 'ansi-wrapped', text: `\x1b[32m${value}\x1b[0m` },
    { name: 'ansi-split', text: `${value.slice(0, k1)}${seq1}${value.slice(k1)}` },
    { name: 'ansi-split-2', text: `${value.slice(0, k2)}${seq2}${value.slice(k2)}\x1b[0m` },
    { name: 'nul-split', text: `${value.slice(0, k2)}\x00${value.slice(k2)}` },
  ];
  return forms;
}

/**
 * A base64 core shorter than this (48 bits) would, as a mask, blank unrelated base64 text by
 * chance every few megabytes: the product may leave such a core unmasked, but only when it
 * says so for that secret (the tests check the warning).
 */
export const SAFE_CORE_LENGTH = 8;

export const PEM_ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

export interface Needle extends Form {
  /** a base64 core under SAFE_CORE_LENGTH: excused when the product warned about this secret's base64 form */
  shortCore?: true;
}

/**
 * What must never be visible once `value` was printed in every form: the value, each line of it
 * (trimmed, of masking length; PEM armour lines aside), each standalone encoding in full, each line GNU base64 writes,
 * and the base64 core at each of the three alignments. A fragment (a line of wrapped base64, a
 * core) is a needle only when it carries at least MIN_MASK_LENGTH bytes of the value: the last
 * line of `echo "$S" | base64` may hold one byte of it, or only the newline ("Cg=="), which
 * no one can mask. Deduplicated; each with at least MIN_MASK_LENGTH characters besides white space.
 */
export function needles(value: string): Needle[] {
  const v = utf8(value);
  const n = v.length;
  const out: Needle[] = [];
  const seen = new Set<string>();
  const add = (name: string, text: string, extra: { shortCore?: true } = {}): void => {
    if (nonSpace(text) < MIN_MASK_LENGTH || seen.has(text)) return;
    seen.add(text);
    out.push({ name, text, ...extra });
  };
  add('raw', value);
  const ls = lines(value);
  // a PEM armour line is the key type's, not the secret's (every such key has it)
  ls.forEach((l, i) => {
    if (ls.length === 1 || !PEM_ARMOUR.test(l.trim())) add(ls.length > 1 ? `line ${i + 1} (trimmed)` : 'raw (trimmed)', l.trim());
  });
  add('base64', base64(v));
  add('base64 unpadded', base64(v, { pad: false }));
  add('base64url', base64(v, { url: true, pad: false }));
  add('base64url padded', base64(v, { url: true }));
  add('echo|base64 -w0', base64(utf8(`${value}\n`)));
  // GNU base64 lines: 76 characters hold 57 bytes; a line counts when 4 of its bytes are the value's
  for (const [name, text] of [
    ['printf|base64', gnuBase64(v)],
    ['echo|base64', gnuBase64(utf8(`${value}\n`))],
  ] as const) {
    text.split('\n').forEach((l, i) => {
      if (Math.min(n, 57 * (i + 1)) - 57 * i >= MIN_MASK_LENGTH) add(`${name} line ${i + 1}`, l);
    });
  }
  for (const a of [0, 1, 2] as const) {
    const core = base64Core(v, a);
    // 6 characters carry 36 bits: the first length to hold 4 bytes' worth
    if (6 * core.length >= 8 * MIN_MASK_LENGTH) add(`base64 core at alignment ${a}`, core, core.length < SAFE_CORE_LENGTH ? { shortCore: true } : {});
  }
  add('json js', jsonJs(value));
  add('json python', jsonPython(value));
  add('json go', jsonGo(value));
  add('json php', jsonPhp(value));
  add('json slash', jsonSlash(value));
  add('encodeURIComponent', urlComponent(value));
  add('url lower-case', urlComponentLower(value));
  add('url form', urlForm(value));
  add('python quote_plus', pyQuotePlus(value));
  add('python quote', pyQuote(value));
  return out;
}

/** The product can mask this value: it has MIN_MASK_LENGTH characters besides white space. */
export function maskable(value: string): boolean {
  return nonSpace(value) >= MIN_MASK_LENGTH;
}

/** A line-based masker (the GitHub runner) can hide something of it: one of its lines is of masking length. */
export function lineMaskable(value: string): boolean {
  return lines(value).some((l) => nonSpace(l) >= MIN_MASK_LENGTH);
}
