/**
 * Go RE2 syntax -> JavaScript RegExp source with the same meaning.
 *
 * Handled: (?flags) at the start and mid-pattern (scoped to the enclosing group, as RE2 does),
 * (?flags:...) groups, i/m/s/U flags, \A \z, POSIX classes, \Q...\E, (?P<name>...), \pL and
 * \p{Greek}, \x{...}, octal, RE2's ASCII \s, '.' that matches \r, '{' read literally where it is
 * no repetition. Case-insensitive parts of a pattern whose case sensitivity changes midway become
 * explicit case classes (Node 20 has no scoped modifiers). Constructs RE2 rejects (lookaround,
 * backreferences, possessive or nested repetition) throw Re2Error, which callers turn into a
 * UserError naming the rule.
 */
import { MAX_BMP, MAX_CP, PERL, POSIX, contains, emitClass, foldRanges, foldsOf, hasLetters, literalChar, negate, type Range } from './re2-class.js';

export class Re2Error extends Error {
  override readonly name = 'Re2Error';
}

export interface Translated {
  source: string;
  /** '', 'i', 'u' or 'iu' (never g/m/s: the engine adds g/d itself) */
  flags: string;
  /** number of capture groups */
  groups: number;
  /** nested unbounded repetition: exponential backtracking in JavaScript */
  catastrophic: boolean;
  /** some repetition can cross many newlines (e.g. [\s\S]*): verify in long windows */
  spansLines: boolean;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}
/** nl: can match a newline; unb: holds unbounded repetition; quant: is a repetition; risky: a body made only of repetitions */
interface Piece {
  src: string;
  nl: boolean;
  unb: boolean;
  atom: boolean;
  quant?: boolean;
  risky?: boolean;
}

const CATEGORIES = new Set('L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '));
const REPEAT = /\{(\d+)(?:(,)(\d*))?\}/y;
const MAX_REPEAT = 1000;

class Parser {
  pos = 0;
  groups = 0;
  catastrophic = false;
  spansLines = false;
  needU = false;
  ciLetters = 0;
  csLetters = 0;
  constructor(
    readonly re: string,
    readonly expand: boolean,
    readonly unicode: boolean,
  ) {}

  fail(msg: string): never {
    throw new Re2Error(`${msg} at offset ${this.pos}`);
  }

  parse(): string {
    const p = this.alternation({ i: false, m: false, s: false, U: false });
    if (this.pos < this.re.length) this.fail('unexpected )');
    return p.src;
  }

  alternation(flags: Flags): Piece {
    const branches: Piece[] = [this.sequence(flags)];
    while (this.re[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence(flags));
    }
    if (branches.length === 1 && branches[0]) return branches[0];
    return {
      src: branches.map((b) => b.src).join('|'),
      nl: branches.some((b) => b.nl),
      unb: branches.some((b) => b.unb),
      atom: false,
      risky: branches.some((b) => b.risky),
    };
  }

  sequence(flags: Flags): Piece {
    const parts: Piece[] = [];
    while (this.pos < this.re.length) {
      const c = this.re[this.pos];
      if (c === '|' || c === ')') break;
      const atom = this.atom(flags, parts);
      if (atom === null) {
        if (this.isQuantifier()) this.fail('missing argument to repetition operator');
        continue;
      }
      parts.push(this.quantified(atom, flags));
    }
    const risky = parts.length > 0 && parts.every((p) => p.quant) && parts.some((p) => p.unb);
    return {
      src: parts.map((p) => p.src).join(''),
      nl: parts.some((p) => p.nl),
      unb: parts.some((p) => p.unb),
      atom: parts.length === 1 && !!parts[0]?.atom,
      risky,
    };
  }

  isQuantifier(): boolean {
    const c = this.re[this.pos];
    if (c === '*' || c === '+' || c === '?') return true;
    if (c !== '{') return false;
    REPEAT.lastIndex = this.pos;
    return REPEAT.test(this.re);
  }

  quantified(atom: Piece, flags: Flags): Piece {
    if (!this.isQuantifier()) return atom;
    const c = this.re[this.pos] ?? '';
    let min = 0,
      max = Infinity,
      q = c;
    if (c === '{') {
      REPEAT.lastIndex = this.pos;
      const m = REPEAT.exec(this.re);
      if (!m) this.fail('bad repetition');
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT) || max < min) this.fail('invalid repeat count');
      q = m[0];
      this.pos += m[0].length;
    } else {
      this.pos++;
      if (c === '+') min = 1;
      if (c === '?') max = 1;
    }
    let lazy = false;
    if (this.re[this.pos] === '?') {
      lazy = true;
      this.pos++;
    }
    if (flags.U) lazy = !lazy;
    if (this.isQuantifier())
      this.fail(this.re[this.pos] === '+' ? 'possessive quantifiers are not supported (RE2 rejects them too)' : 'invalid nested repetition operator');
    const wide = max === Infinity || max > 16;
    if (atom.risky && wide) this.catastrophic = true;
    if (atom.nl && wide) this.spansLines = true;
    const base = atom.atom ? atom.src : `(?:${atom.src})`;
    return { src: base + q + (lazy ? '?' : ''), nl: atom.nl, unb: atom.unb || max === Infinity, atom: false, quant: true };
  }

  atom(flags: Flags, parts: Piece[]): Piece | null {
    const c = this.re[this.pos] ?? '';
    switch (c) {
      case '(':
        return this.group(flags);
      case '[':
        return this.charClass(flags);
      case '.':
        this.pos++;
        return flags.s ? { src: '[\\s\\S]', nl: true, unb: false, atom: true } : { src: '[^\\n]', nl: false, unb: false, atom: true };
      case '^':
        this.pos++;
        return { src: flags.m ? '(?:^|(?<=\\n))' : '^', nl: false, unb: false, atom: false };
      case '$':
        this.pos++;
        return { src: flags.m ? '(?:$|(?=\\n))' : '$', nl: false, unb: false, atom: false };
      case '\\':
        return this.escape(flags, parts);
      case '*':
      case '+':
      case '?':
        return this.fail('missing argument to repetition operator');
      default: {
        if (c === '{' && this.isQuantifier()) this.fail('missing argument to repetition operator');
        const cp = this.re.codePointAt(this.pos) ?? 0;
        this.pos += cp > MAX_BMP ? 2 : 1;
        return this.literal(cp, flags);
      }
    }
  }

  literal(cp: number, flags: Flags): Piece {
    if (cp > MAX_BMP) this.needU = true;
    const folds = foldsOf(cp);
    if (folds.length === 0) return { src: literalChar(cp), nl: cp === 10, unb: false, atom: true };
    if (!flags.i) {
      this.csLetters++;
      return { src: literalChar(cp), nl: false, unb: false, atom: true };
    }
    this.ciLetters++;
    if (!this.expand) return { src: literalChar(cp), nl: false, unb: false, atom: true };
    if (folds.some((f) => f > MAX_BMP)) this.needU = true;
    return { src: emitClass([[cp, cp], ...folds.map((f): Range => [f, f])], false, []), nl: false, unb: false, atom: true };
  }

  group(flags: Flags): Piece | null {
    const re = this.re;
    this.pos++;
    if (re[this.pos] !== '?') return this.capture(flags);
    const rest = re.slice(this.pos + 1);
    const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
    if (named) {
      this.pos += 1 + named[0].length;
      return this.capture(flags);
    }
    if (/^P?</.test(rest) && !/^<[=!]/.test(rest)) this.fail('invalid named capture');
    const fl = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
    if (!fl || (fl[2] === '' && fl[1] === '') || fl[0] === ')') {
      this.fail('lookaround, atomic groups, backreferences and other (? forms are not RE2 syntax');
    }
    const inner: Flags = { ...flags };
    for (const f of fl[1] ?? '') inner[f as keyof Flags] = true;
    for (const f of fl[2] ?? '') inner[f as keyof Flags] = false;
    this.pos += 1 + fl[0].length;
    if (fl[3] === ')') {
      Object.assign(flags, inner);
      return null;
    }
    const body = this.alternation(inner);
    this.close();
    return { src: `(?:${body.src})`, nl: body.nl, unb: body.unb, atom: true, risky: !!body.risky };
  }

  capture(flags: Flags): Piece {
    this.groups++;
    const body = this.alternation({ ...flags });
    this.close();
    return { src: `(${body.src})`, nl: body.nl, unb: body.unb, atom: true, risky: !!body.risky };
  }

  close(): void {
    if (this.re[this.pos] !== ')') this.fail('missing closing )');
    this.pos++;
  }

  escape(flags: Flags, parts: Piece[]): Piece | null {
    const c = this.re[this.pos + 1];
    if (c === undefined) this.fail('trailing backslash at end of expression');
    const simple: Record<string, Piece> = {
      A: { src: '^', nl: false, unb: false, atom: false },
      z: { src: '$', nl: false, unb: false, atom: false },
      b: { src: '\\b', nl: false, unb: false, atom: false },
      B: { src: '\\B', nl: false, unb: false, atom: false },
      d: { src: '\\d', nl: false, unb: false, atom: true },
      D: { src: '\\D', nl: true, unb: false, atom: true },
      w: { src: '\\w', nl: false, unb: false, atom: true },
      W: { src: '\\W', nl: true, unb: false, atom: true },
      s: { src: '[\\t\\n\\f\\r ]', nl: true, unb: false, atom: true },
      S: { src: '[^\\t\\n\\f\\r ]', nl: false, unb: false, atom: true },
    };
    const hit = simple[c];
    if (hit) {
      this.pos += 2;
      return hit;
    }
    if (c === 'p' || c === 'P') {
      const tok = this.property();
      this.countPropertyCase(flags);
      return { src: tok, nl: tok.startsWith('\\P') || tok === '[\\s\\S]', unb: false, atom: true };
    }
    if (c === 'Q') {
      const end = this.re.indexOf('\\E', this.pos + 2);
      const text = this.re.slice(this.pos + 2, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.re.length : end + 2;
      const cps = [...text].map((ch) => ch.codePointAt(0) ?? 0);
      if (cps.length === 0) return null;
      for (const cp of cps.slice(0, -1)) parts.push(this.literal(cp, flags));
      return this.literal(cps[cps.length - 1] ?? 0, flags);
    }
    return this.literal(this.escapedChar(), flags);
  }

  countPropertyCase(flags: Flags): void {
    if (flags.i) this.ciLetters++;
    else this.csLetters++;
  }

  /** \pL, \p{Greek}, \PL, \p{^Greek} at pos -> a JavaScript property escape (needs the u flag). */
  property(): string {
    const neg0 = this.re[this.pos + 1] === 'P';
    let name: string;
    if (this.re[this.pos + 2] === '{') {
      const end = this.re.indexOf('}', this.pos + 3);
      if (end < 0) this.fail('invalid character class range');
      name = this.re.slice(this.pos + 3, end);
      this.pos = end + 1;
    } else {
      name = this.re[this.pos + 2] ?? '';
      this.pos += 3;
    }
    let neg = neg0;
    if (name.startsWith('^')) {
      neg = !neg;
      name = name.slice(1);
    }
    if (name === 'Any') return neg ? '[]' : '[\\s\\S]';
    const body = CATEGORIES.has(name) ? name : `Script=${name}`;
    try {
      new RegExp(`\\p{${body}}`, 'u');
    } catch {
      this.fail(`invalid character class range \\p{${name}}`);
    }
    this.needU = true;
    return `\\${neg ? 'P' : 'p'}{${body}}`;
  }

  /** A single escaped character at pos (the backslash); advances past it. */
  escapedChar(): number {
    const re = this.re;
    const c = re[this.pos + 1] ?? '';
    const codes: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const code = codes[c];
    if (code !== undefined) {
      this.pos += 2;
      return code;
    }
    if (c === 'x') {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(re.slice(this.pos + 2));
      if (braced) {
        const cp = parseInt(braced[1] ?? '', 16);
        if (cp > MAX_CP) this.fail('invalid escape sequence');
        this.pos += 2 + braced[0].length;
        return cp;
      }
      const two = /^[0-9A-Fa-f]{2}/.exec(re.slice(this.pos + 2));
      if (!two) this.fail('invalid escape sequence \\x');
      this.pos += 4;
      return parseInt(two[0], 16);
    }
    if (/[0-7]/.test(c)) {
      const oct = /^[0-7]{1,3}/.exec(re.slice(this.pos + 1))?.[0] ?? '';
      if (c !== '0' && oct.length === 1) this.fail('backreferences are not supported (RE2 rejects them)');
      this.pos += 1 + oct.length;
      return parseInt(oct, 8);
    }
    const cp = re.codePointAt(this.pos + 1) ?? 0;
    if (cp < 128 && !/[A-Za-z0-9]/.test(c)) {
      this.pos += 2;
      return cp;
    }
    this.fail(c === 'C' ? '\\C (any byte) is not supported' : `invalid escape sequence \\${c}`);
  }

  charClass(flags: Flags): Piece {
    const re = this.re;
    this.pos++;
    let negated = false;
    if (re[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    const extra: string[] = [];
    const max = this.unicode ? MAX_CP : MAX_BMP;
    let first = true;
    while (first || re[this.pos] !== ']') {
      if (this.pos >= re.length) this.fail('missing closing ]');
      first = false;
      if (re.startsWith('[:', this.pos)) {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(re.slice(this.pos));
        const set = m ? POSIX[m[2] ?? ''] : undefined;
        if (!m || !set) this.fail('invalid character class range');
        ranges.push(...(m[1] ? negate(set, max) : set));
        this.pos += m[0].length;
        continue;
      }
      if (re[this.pos] === '\\') {
        const c = re[this.pos + 1] ?? '';
        const perl = PERL[c.toLowerCase()];
        if (perl && 'dswDSW'.includes(c)) {
          ranges.push(...(c === c.toUpperCase() ? negate(perl, max) : perl));
          this.pos += 2;
          continue;
        }
        if (c === 'p' || c === 'P') {
          extra.push(this.property());
          this.countPropertyCase(flags);
          continue;
        }
      }
      const lo = this.classChar();
      let hi = lo;
      if (re[this.pos] === '-' && re[this.pos + 1] !== ']' && this.pos + 1 < re.length) {
        this.pos++;
        hi = this.classChar();
        if (hi < lo) this.fail('invalid character class range');
      }
      ranges.push([lo, hi]);
    }
    this.pos++;
    if (ranges.some(([, hi]) => hi > MAX_BMP)) this.needU = true;
    let set: Range[] = ranges;
    if (hasLetters(ranges)) {
      if (flags.i) {
        this.ciLetters++;
        if (this.expand) set = foldRanges(ranges);
      } else this.csLetters++;
    }
    if (set.some(([, hi]) => hi > MAX_BMP)) this.needU = true;
    const nl = negated ? !contains(set, 10) : contains(set, 10);
    return { src: emitClass(set, negated, extra), nl, unb: false, atom: true };
  }

  classChar(): number {
    if (this.re[this.pos] === '\\') return this.escapedChar();
    const cp = this.re.codePointAt(this.pos) ?? 0;
    this.pos += cp > MAX_BMP ? 2 : 1;
    return cp;
  }
}

const cache = new Map<string, Translated>();

/** Translates one RE2 pattern; throws Re2Error with RE2's reason. */
export function translateRe2(pattern: string): Translated {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let p = new Parser(pattern, false, false);
  let source = p.parse();
  const mixed = p.ciLetters > 0 && p.csLetters > 0;
  if (mixed || p.needU) {
    p = new Parser(pattern, mixed, p.needU);
    source = p.parse();
    if (p.needU && !p.unicode) {
      p = new Parser(pattern, mixed, true);
      source = p.parse();
    }
  }
  const flags = (!mixed && p.ciLetters > 0 ? 'i' : '') + (p.unicode ? 'u' : '');
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new Re2Error(`cannot be expressed in JavaScript (${(e as Error).message.replace(/^Invalid regular expression: /, '').slice(0, 120)})`);
  }
  const out: Translated = { source, flags, groups: p.groups, catastrophic: p.catastrophic, spansLines: p.spansLines };
  cache.set(pattern, out);
  return out;
}

/** A compiled RegExp for an RE2 pattern, with extra JavaScript flags (g, d, y). */
export function compileRe2(pattern: string, extraFlags = ''): { re: RegExp; info: Translated } {
  const info = translateRe2(pattern);
  return { re: new RegExp(info.source, info.flags + extraFlags), info };
}
