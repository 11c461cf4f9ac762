/** Input parsing shared by every action. Errors name the input; values never appear. */
import { UserError } from './errors.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An environment variable name every shell accepts: letters, digits and _, not starting with a digit. */
export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

export function parseBool(raw: string, input: string, dflt: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '') return dflt;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new UserError(input, `expected true or false, got "${raw.trim().slice(0, 40)}"`);
}

export function parseIntIn(raw: string, input: string, dflt: number, min: number, max: number): number {
  const v = raw.trim();
  if (v === '') return dflt;
  if (!/^\d+$/.test(v)) throw new UserError(input, `expected a whole number from ${min} to ${max}, got "${v.slice(0, 40)}"`);
  const n = Number(v);
  if (n < min || n > max) throw new UserError(input, `expected a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Durations such as `90`, `90s`, `15m`, `1h30m`, `30d`: returns seconds. */
export function parseDuration(raw: string, input: string): number {
  const v = raw.trim();
  if (/^\d+$/.test(v) && Number.isFinite(Number(v))) return Number(v);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1);
    consumed = re.lastIndex;
  }
  if (v === '' || consumed !== v.length) throw new UserError(input, `expected a duration such as 90s, 15m, 1h or 30d, got "${v.slice(0, 40)}"`);
  if (!Number.isFinite(total)) throw new UserError(input, `expected a duration such as 90s, 15m, 1h or 30d, got a number too large`);
  return total;
}

/** Multi-line or comma separated list; blank entries dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function requireInput(raw: string, input: string, what: string): string {
  const v = raw.trim();
  if (!v) throw new UserError(input, `${what} is required`);
  return v;
}
