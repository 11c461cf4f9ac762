/**
 * A seeded, deterministic generator of secret values for the redaction property tests: every
 * character class the README's promise has to survive (quotes, %, CR/LF, BMP and astral
 * unicode, combining marks, control characters, the base64 alphabet, JSON-looking and
 * PEM-looking text, URLs with credentials, workflow commands, values that are substrings of
 * others), lengths 4..8192 weighted to short ones so the suite stays fast, a few very long
 * ones, and a handful too short to mask once trimmed (the product warns about those).
 *
 * The forms each value takes are computed by ./encoders.ts, independently of src/.
 */
import { lineMaskable, maskable, needles, printedForms, type Form } from './encoders.js';

export { needles, printedForms, type Form };

/** Every text printed for a value and every string that must never be visible afterwards. */
export function forms(value: string): { printed: Form[]; needles: Form[] } {
  return { printed: printedForms(value), needles: needles(value) };
}

/** sfc32: small, fast, good enough, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

export interface GenValue {
  /** 0-based index; names (PS_P00042, key P00042) derive from it */
  id: number;
  /** the character class it was drawn from */
  cls: string;
  value: string;
}

type Rnd = () => number;

// a module binding, not a global: in jest's vm context every global lookup is slow
const floor = Math.floor;

const int = (r: Rnd, lo: number, hi: number): number => lo + floor(r() * (hi - lo + 1));
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[floor(r() * xs.length)] as T;
const cps = (s: string): string[] => [...s];

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN = `${ALNUM}_-.`;
const B64CHARS = `${ALNUM}+/=`;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const QUOTES = `'"\`$(){}\\;&|<>!`;
const PERCENT = ['%', '%%', '%25', '%0A', '%0D', '%3A', '%2C', '%41', '%zz', '%2f', '%E2%82%AC', '100%'];
const BMP = cps('éèçàüößñøåæÆŒœ¿¡ΩπλЖжщЯ中文字漢字日本語한국어עבריתالعربيةहिन्दी€£¥₩™©®°±×÷\u00a0\u2028\u2029\u200b\u200d\u200e\u202e\ufeff\u3000');
const ASTRAL = ['😀', '🔑', '🚀', '🇫🇷', '👩‍💻', '👍🏽', '𝐀', '𝔘', '𝟘', '𠜎', '𠮷', '𐍈', '🀄', '𝄞', '\u{10FFFD}', '\u{E0041}'];
const COMBINING = cps('\u0301\u0300\u0308\u0327\u0303\u030a\u0336\u0489\u20dd\u093f\u05b4\ufe0f');
// control characters a value can hold in an env var (no NUL) and that are not an ANSI escape (no ESC: see encoders.ts)
const CONTROL = [...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter((c) => c !== '\x1b'), '\x7f', '\x80', '\x85', '\x9b', '\x9f'];
const ALNUM_CPS = cps(ALNUM);
const TOKEN_CPS = cps(TOKEN);
const PRINTABLE_CPS = cps(PRINTABLE);
const QUOTES_CPS = cps(QUOTES);
const ALNUM_BMP = [...ALNUM_CPS, ...BMP];
const JSON_CHARS = [...TOKEN_CPS, '/', '"', '\\', 'é', '\n'];
const WORKFLOW = [
  '::add-mask::',
  '::warning::',
  '::error file=a,line=1::',
  '::set-output name=x::',
  '::stop-commands::',
  '%0A::notice::',
  '##[group]',
  '::endgroup::',
];

const alphabets = new Map<string, readonly string[]>();

function fromAlphabet(r: Rnd, alphabet: string | readonly string[], n: number): string {
  let chars = typeof alphabet === 'string' ? alphabets.get(alphabet) : alphabet;
  if (!chars) {
    chars = cps(alphabet as string);
    alphabets.set(alphabet as string, chars);
  }
  let s = '';
  for (let i = 0; i < n; i++) s += chars[floor(r() * chars.length)];
  return s;
}

/** Code-point length 4..8192, weighted to short and medium values. */
function drawLength(r: Rnd): number {
  const x = r();
  if (x < 0.7) return int(r, 4, 24);
  if (x < 0.94) return int(r, 25, 128);
  if (x < 0.994) return int(r, 129, 512);
  if (x < 0.9988) return int(r, 513, 4096);
  return int(r, 4097, 8192);
}

/** Exactly n code points, from pieces produced by `piece` (cut at a code point). */
function fill(r: Rnd, n: number, piece: (r: Rnd) => string): string {
  const out: string[] = [];
  while (out.length < n) out.push(...cps(piece(r)));
  return out.slice(0, n).join('');
}

function pem(r: Rnd, n: number): string {
  const label = pick(r, ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'CERTIFICATE', 'ENCRYPTED PRIVATE KEY']);
  const head = `-----BEGIN ${label}-----`;
  const tail = `-----END ${label}-----`;
  const eol = r() < 0.2 ? '\r\n' : '\n';
  const bodyLen = Math.max(4, n - head.length - tail.length - 2);
  const body = fromAlphabet(r, `${ALNUM}+/`, bodyLen);
  const rows = body.match(/.{1,64}/g) ?? [body];
  if (r() < 0.5) rows[rows.length - 1] = `${rows[rows.length - 1] ?? ''}==`;
  return [head, ...rows, tail].join(eol) + (r() < 0.3 ? eol : '');
}

function jsonLooking(r: Rnd, n: number): string {
  const obj: Record<string, unknown> = {};
  const keys = ['type', 'project_id', 'private_key_id', 'client_email', 'token', 'password', 'user', 'auth', 'url'];
  let size = 2;
  while (size < n) {
    const k = `${pick(r, keys)}${int(r, 0, 99)}`;
    const len = Math.max(1, Math.min(n - size, int(r, 1, 40)));
    obj[k] = r() < 0.15 ? int(r, 0, 99999) : fromAlphabet(r, r() < 0.3 ? JSON_CHARS : TOKEN, len);
    size = JSON.stringify(obj).length;
  }
  const text = JSON.stringify(obj, null, r() < 0.3 ? 2 : undefined);
  return r() < 0.2 ? `[${text}]` : text;
}

function urlLooking(r: Rnd, n: number): string {
  const user = fromAlphabet(r, TOKEN, int(r, 2, 10));
  const pass = fromAlphabet(r, `${TOKEN}:@/?#&=+% `, Math.max(4, n - 30));
  const scheme = pick(r, ['https', 'postgres', 'redis', 'amqp', 'mongodb+srv']);
  return `${scheme}://${user}:${pass}@host-${int(r, 1, 9)}.example.com/db?sslmode=require&x=${int(r, 0, 9)}`;
}

function multiline(r: Rnd, n: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const line = fromAlphabet(r, r() < 0.3 ? PRINTABLE : TOKEN, int(r, 0, Math.min(80, n)));
    out.push(line);
    len += line.length + 1;
  }
  const eol = (): string => pick(r, ['\n', '\n', '\r\n', '\r']);
  let s = '';
  out.forEach((l, i) => {
    s += (i ? eol() : '') + l;
  });
  if (r() < 0.2) s += eol();
  return s;
}

const CLASSES: { name: string; weight: number; make: (r: Rnd, n: number) => string }[] = [
  { name: 'token', weight: 12, make: (r, n) => `${pick(r, ['', '', 'ghp_', 'hvs.', 'glpat-', 'AKIA', 'xoxb-', 'sk_live_'])}${fromAlphabet(r, TOKEN, n)}` },
  { name: 'base64-alphabet', weight: 9, make: (r, n) => fromAlphabet(r, B64CHARS, n) },
  { name: 'printable', weight: 12, make: (r, n) => fromAlphabet(r, PRINTABLE, n) },
  { name: 'quotes', weight: 5, make: (r, n) => fill(r, n, (q) => (q() < 0.5 ? pick(q, QUOTES_CPS) : fromAlphabet(q, ALNUM, int(q, 1, 4)))) },
  { name: 'percent', weight: 5, make: (r, n) => fill(r, n, (q) => (q() < 0.5 ? pick(q, PERCENT) : fromAlphabet(q, TOKEN, int(q, 1, 5)))) },
  { name: 'multiline', weight: 8, make: multiline },
  { name: 'unicode-bmp', weight: 8, make: (r, n) => fill(r, n, (q) => (q() < 0.6 ? pick(q, BMP) : pick(q, ALNUM_CPS))) },
  { name: 'astral', weight: 6, make: (r, n) => fill(r, n, (q) => (q() < 0.5 ? pick(q, ASTRAL) : pick(q, TOKEN_CPS))) },
  {
    name: 'combining',
    weight: 5,
    make: (r, n) => fill(r, n, (q) => (q() < 0.4 ? pick(q, COMBINING) + (q() < 0.3 ? pick(q, COMBINING) : '') : pick(q, ALNUM_BMP))),
  },
  { name: 'control', weight: 3, make: (r, n) => fill(r, n, (q) => (q() < 0.3 ? pick(q, CONTROL) : pick(q, ALNUM_CPS))) },
  { name: 'json-looking', weight: 6, make: jsonLooking },
  { name: 'pem-looking', weight: 4, make: pem },
  { name: 'url-looking', weight: 4, make: urlLooking },
  { name: 'workflow-command', weight: 2, make: (r, n) => fill(r, n, (q) => (q() < 0.3 ? pick(q, WORKFLOW) : fromAlphabet(q, `${TOKEN}%\r\n`, int(q, 1, 8)))) },
  {
    name: 'padded',
    weight: 3,
    make: (r, n) => `${fromAlphabet(r, ' \t', int(r, 1, 3))}${fromAlphabet(r, TOKEN, Math.max(4, n - 6))}${fromAlphabet(r, ' \t', int(r, 0, 3))}`,
  },
  {
    name: 'mixed',
    weight: 5,
    make: (r, n) =>
      fill(r, n, (q) => pick(q, [pick(q, PRINTABLE_CPS), pick(q, BMP), pick(q, ASTRAL), pick(q, COMBINING), pick(q, CONTROL), pick(q, PERCENT), '\n', '\r\n'])),
  },
];
const TOTAL_WEIGHT = CLASSES.reduce((n, c) => n + c.weight, 0);
/** Share of values drawn as a substring (or an extension) of an earlier value. */
const SUBSTRING_SHARE = 0.07;
/** Values too short to mask once trimmed: the product passes them on with a warning. */
const TOO_SHORT = ['  ab', 'x   ', ' \t q ', 'abc ', '\t\tz\t', ' 12 ', '\n ab', 'ab\n\n', ' é  ', ' 😀  '];

const MAX_CODE_POINTS = 8192;

function clamp(s: string): string {
  const c = cps(s);
  return c.length > MAX_CODE_POINTS ? c.slice(0, MAX_CODE_POINTS).join('') : s;
}

/** A substring (at least 4 non-space characters) of an earlier value, or an earlier value inside a longer one. */
function related(r: Rnd, earlier: readonly GenValue[]): string | undefined {
  const source = pick(r, earlier).value;
  const c = cps(source);
  if (r() < 0.5 && c.length >= 8) {
    for (let tries = 0; tries < 8; tries++) {
      const len = int(r, 4, c.length - 1);
      const start = int(r, 0, c.length - len);
      const sub = c.slice(start, start + len).join('');
      if (maskable(sub)) return sub;
    }
    return undefined;
  }
  const extra = fromAlphabet(r, TOKEN, int(r, 1, 12));
  return clamp(r() < 0.5 ? source + extra : extra + source);
}

/**
 * `count` distinct values from `seed`: the same list on every run and platform. Every value is
 * 4..8192 code points, holds no NUL, no ESC and no lone surrogate (an environment variable and
 * a JSON document carry such values), and all but the TOO_SHORT ones are maskable.
 */
export function generateValues(count = 10_000, seed = 16): GenValue[] {
  const r = prng(seed);
  const out: GenValue[] = [];
  const seen = new Set<string>();
  const shortEvery = Math.max(1, Math.floor(count / TOO_SHORT.length));
  let shortUsed = 0;
  while (out.length < count) {
    const id = out.length;
    let cls: string;
    let value: string | undefined;
    if (id % shortEvery === shortEvery - 1 && shortUsed < TOO_SHORT.length) {
      cls = 'too-short';
      value = TOO_SHORT[shortUsed++];
    } else if (out.length > 20 && r() < SUBSTRING_SHARE) {
      cls = 'substring';
      value = related(
        r,
        out.filter((g) => g.cls !== 'too-short'),
      );
    } else {
      let x = r() * TOTAL_WEIGHT;
      const c = CLASSES.find((k) => (x -= k.weight) < 0) ?? CLASSES[0];
      cls = c?.name ?? 'token';
      value = c ? clamp(c.make(r, drawLength(r))) : undefined;
    }
    if (value === undefined || seen.has(value) || value.includes('\x00') || value.includes('\x1b')) continue;
    const len = cps(value).length;
    if (len < 4 || len > MAX_CODE_POINTS) continue;
    if (cls !== 'too-short' && !maskable(value)) continue;
    seen.add(value);
    out.push({ id, cls, value });
  }
  return out;
}

/**
 * The values the GitHub property test takes: every fourth one that a line masker can hide at
 * all. The exec property test takes all the others, so each of the 10,000 values is printed in
 * every form through one of the two.
 */
export function forGitHub(g: GenValue): boolean {
  return g.id % 4 === 1 && maskable(g.value) && lineMaskable(g.value);
}

/** The environment variable (exec) or KV key (GitHub) of a value. */
export function varName(g: Pick<GenValue, 'id'>): string {
  return `PS_P${String(g.id).padStart(5, '0')}`;
}
