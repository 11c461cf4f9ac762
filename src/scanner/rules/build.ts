/**
 * Helpers that write rules as gitleaks TOML. A rule is either a prefixed token (the provider's
 * own prefix makes it recognisable anywhere) or an assignment (a provider name in the key, then
 * a value of the documented shape). `sample` describes a value the tests synthesise at run time.
 */
export interface RuleDef {
  id: string;
  description: string;
  regex?: string;
  path?: string;
  secretGroup?: number;
  entropy?: number;
  keywords: string[];
  tags?: string[];
  /** rule allowlist regexes (on the secret) */
  allow?: string[];
  stopwords?: string[];
  /** for tests: the value's shape, `prefix` + `charset`{len} (a simple pattern the test expands) */
  sample?: { prefix: string; chars: string; len: number; suffix?: string; kv?: string };
}

/** What may follow a token: quote, space, separator, escaped newline or the end. */
export const END = String.raw`(?:[\x60'"\s;,)\]}>|&]|\\[nrt]|$)`;
/** The assignment operators of code and config files (=, :, :=, =>, ||, ?=, ...). */
export const ASSIGN = String.raw`(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}`;

/**
 * The characters a token body can hold beyond letters and digits: every punctuation character
 * named in one of its character classes (`\w` adds `_`). Literal separators outside classes
 * (`sk-`, `dt0c01.`) are not part of the alphabet: they only occur at fixed places.
 */
export function tokenExtras(body: string): string {
  const extra = new Set<string>();
  let cls: string[] | null = null; // the punctuation of the class being read
  let separator = false; // the class holds a space or a quote: it separates a key from the token
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const n = body[i + 1] ?? '';
      i++;
      if (n === 'w') {
        if (cls) cls.push('_');
        else extra.add('_');
      } else if (cls && n === 's') separator = true;
      else if (cls && !/[A-Za-z0-9]/.test(n)) cls.push(n);
      continue;
    }
    if (!cls) {
      if (c === '[') {
        cls = [];
        separator = false;
        start = i + 1;
        if (body[i + 1] === '^') throw new Error(`token body with a negated class: ${body.slice(0, 30)}`);
      }
      continue;
    }
    if (c === ']') {
      if (!separator) for (const x of cls) extra.add(x);
      cls = null;
    } else if (c === "'" || c === '"' || c === ' ') separator = true;
    else if (/[A-Za-z0-9]/.test(c)) continue;
    else if (c !== '-' || i === start || body[i + 1] === ']') cls.push(c); // a '-' between two characters is a range
  }
  return [...extra].sort().join('');
}

/**
 * Where a token's own format ends it: the next character is not one its alphabet could continue
 * with (letters, digits and the body's punctuation), or the end. A token glued inside a longer
 * run of its alphabet does not match; one followed by `@ : . / % # =` (URL userinfo, a sentence's
 * end, a presigned URL) does, unless that character belongs to the alphabet. The boundary
 * character is consumed outside the secret group (RE2 has no lookahead).
 */
export function tokenEnd(body: string): string {
  const esc = tokenExtras(body).replace(/[\\\]^-]/g, (c) => `\\${c}`);
  return String.raw`(?:[^A-Za-z0-9${esc}]|$)`;
}

/** A token recognisable by its own prefix: \b(body) then the end its alphabet gives it. */
export function token(id: string, description: string, body: string, keywords: string[], sample: RuleDef['sample'], entropy = 0): RuleDef {
  return { id, description, regex: String.raw`\b(${body})${tokenEnd(body)}`, keywords, entropy, ...(sample ? { sample } : {}) };
}

/** A value assigned to a key naming the provider: (?i)NAME...= "value". */
export function assigned(id: string, description: string, names: string, value: string, keywords: string[], sample: RuleDef['sample'], entropy = 0): RuleDef {
  return { id, description, regex: String.raw`(?i)(?:${names})${ASSIGN}(${value})${END}`, keywords, entropy, ...(sample ? { sample } : {}) };
}

export const CH = {
  AN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  LN: 'abcdefghijklmnopqrstuvwxyz0123456789',
  UN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  HEX: '0123456789abcdef',
  B64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  URL: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  L: 'abcdefghijklmnopqrstuvwxyz',
  D: '0123456789',
};
type S = [prefix: string, chars: string, len: number, suffix?: string];
const sample = (s: S, kv?: string): NonNullable<RuleDef['sample']> => ({ prefix: s[0], chars: s[1], len: s[2], ...(s[3] ? { suffix: s[3] } : {}), ...(kv ? { kv } : {}) });

/** Compact token rule: id, description, body, keywords, sample, entropy. */
export function tk(id: string, description: string, body: string, keywords: string[], s: S, entropy = 0): RuleDef {
  return token(id, description, body, keywords, sample(s), entropy);
}

/** Compact assignment rule; the sample is assigned to `key` (default: the first keyword). */
export function kv(id: string, description: string, names: string, value: string, keywords: string[], s: S, entropy = 0, key?: string): RuleDef {
  return assigned(id, description, names, value, keywords, sample(s, key ?? `${keywords[0] ?? 'x'}_key`), entropy);
}

function str(s: string): string {
  return JSON.stringify(s);
}

function lit(s: string): string {
  if (s.includes("'''")) throw new Error(`rule text cannot hold ''' : ${s.slice(0, 30)}`);
  return `'''${s}'''`;
}

export function toToml(defs: readonly RuleDef[]): string {
  return defs.map((d) => {
    const lines = ['[[rules]]', `id = ${str(d.id)}`, `description = ${str(d.description)}`];
    if (d.regex) lines.push(`regex = ${lit(d.regex)}`);
    if (d.path) lines.push(`path = ${lit(d.path)}`);
    if (d.secretGroup) lines.push(`secretGroup = ${d.secretGroup}`);
    if (d.entropy) lines.push(`entropy = ${d.entropy}`);
    lines.push(`keywords = [${d.keywords.map((k) => str(k.toLowerCase())).join(', ')}]`);
    if (d.tags?.length) lines.push(`tags = [${d.tags.map(str).join(', ')}]`);
    if (d.allow?.length || d.stopwords?.length) {
      lines.push('[[rules.allowlists]]');
      if (d.allow?.length) lines.push(`regexes = [${d.allow.map(lit).join(', ')}]`);
      if (d.stopwords?.length) lines.push(`stopwords = [${d.stopwords.map(str).join(', ')}]`);
    }
    return lines.join('\n') + '\n';
  }).join('\n');
}
