/**
 * What the leak guard records for one secret: the forms the masker knows (the value, each
 * line of a multi-line value, their JSON-escaped, URL-encoded and base64 forms: exactly the
 * set core/mask.ts secretForms() yields, so nothing shorter than the masking minimum) plus
 * the base64 "cores" a value leaves inside a longer base64 text (a whole config encoded at
 * once puts the value at byte offset 0, 1 or 2 of a 3-byte group). Each form keeps its kind
 * for the report. PEM armour lines (-----BEGIN ...-----) are public and not recorded.
 */
import { MIN_SECRET_LENGTH, secretForms } from '../core/mask.js';

export interface GuardForm {
  bytes: Buffer;
  /** how the value appears: 'value', 'a line', 'base64', 'URL-encoded', 'JSON-escaped' ... */
  kind: string;
}

const ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

/**
 * The base64 characters of `b` that do not depend on the bytes around it, when `b` starts
 * at byte `shift` (0, 1 or 2) of a 3-byte group inside a longer encoded text.
 */
export function base64Core(b: Buffer, shift: 0 | 1 | 2): string {
  const enc = Buffer.concat([Buffer.alloc(shift), b]).toString('base64').replace(/=+$/, '');
  // leading characters mixed with the bytes before: 0, 2 or 3 of them
  const lead = shift === 0 ? 0 : shift === 1 ? 2 : 3;
  // the value's bits end at bit 8*(shift+n); only characters wholly inside count
  const whole = Math.floor((8 * (shift + b.length)) / 6);
  return enc.slice(lead, whole);
}

export function guardForms(value: string): GuardForm[] {
  const allowed = new Set(secretForms(value));
  if (allowed.size === 0) return [];
  const out = new Map<string, string>();
  const add = (s: string, kind: string, gate: boolean): void => {
    if (out.has(s)) return;
    if (gate ? allowed.has(s) : s.trim().length >= MIN_SECRET_LENGTH) out.set(s, kind);
  };
  const bases: { text: string; kind: string }[] = [{ text: value, kind: 'value' }];
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      bases.push({ text: line, kind: 'a line' }, { text: line.trim(), kind: 'a line' });
    }
  }
  for (const { text, kind } of bases) {
    if (ARMOUR.test(text.trim()) || !allowed.has(text)) continue;
    const of = kind === 'value' ? '' : ` of ${kind}`;
    add(text, kind, true);
    add(JSON.stringify(text).slice(1, -1), `JSON-escaped${of}`, true);
    add(encodeURIComponent(text), `URL-encoded${of}`, true);
    const raw = Buffer.from(text, 'utf8');
    add(raw.toString('base64'), `base64${of}`, true);
    for (const shift of [0, 1, 2] as const) {
      const core = base64Core(raw, shift);
      add(core, `base64${of}`, false);
      add(core.replace(/\+/g, '-').replace(/\//g, '_'), `base64url${of}`, false);
    }
  }
  return [...out].map(([s, kind]) => ({ bytes: Buffer.from(s, 'utf8'), kind }));
}
