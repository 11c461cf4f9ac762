/**
 * What the leak guard records for one secret: the forms core/forms.ts computes (the value,
 * each line of a multi-line value, their JSON, URL, HTML and shell escapes, base64 and
 * base64url forms, and the base64 "cores" a value leaves inside a longer base64 text at byte
 * offset 0, 1 or 2 of a 3-byte group), each with its kind for the report; nothing shorter
 * than the masking minimum, no core shorter than MIN_BASE64_CORE_LENGTH. PEM armour lines
 * (-----BEGIN ...-----) are public and not recorded, nor PowerShell's console sections.
 */
import { CORE_KIND, CORE_URL_KIND, formReport } from '../core/forms.js';

export { base64Core } from '../core/forms.js';

export interface GuardForm {
  bytes: Buffer;
  /** how the value appears: 'value', 'a line', 'base64', 'URL-encoded', 'JSON-escaped' ... */
  kind: string;
}

const ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

/** the guard's reports call a core what it is: base64 (or base64url) of the value */
const KIND_NAMES: readonly [string, string][] = [
  [CORE_KIND, 'base64'],
  [CORE_URL_KIND, 'base64url'],
];

function guardKind(kind: string): string {
  for (const [from, to] of KIND_NAMES) if (kind.startsWith(from)) return to + kind.slice(from.length);
  return kind;
}

/**
 * PowerShell's sections are parts of a value cut at `&` that only its coloured console shows
 * apart: the masker covers them; in files the whole value (or its encoding) is what leaks.
 */
const CONSOLE_ONLY = /^a PowerShell section/;

export function guardForms(value: string): GuardForm[] {
  return formReport(value, { skipLine: (line) => ARMOUR.test(line) })
    .forms.filter((f) => !CONSOLE_ONLY.test(f.kind))
    .map((f) => ({ bytes: Buffer.from(f.text, 'utf8'), kind: guardKind(f.kind) }));
}
