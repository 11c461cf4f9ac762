/**
 * Narrowing of external payloads from `unknown`, with errors that name the field.
 * Used at every boundary: service responses, config files, event payloads.
 */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

export type JsonObject = { readonly [k: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, field: string): JsonObject {
  if (!isObject(v)) throw new PayloadError(`${field}: expected an object, got ${kind(v)}`);
  return v;
}

export function str(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new PayloadError(`${field}: expected a string, got ${kind(v)}`);
  return v;
}

export function optStr(v: unknown, field: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, field);
}

export function num(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new PayloadError(`${field}: expected a number, got ${kind(v)}`);
  return v;
}

export function optNum(v: unknown, field: string): number | undefined {
  return v === undefined || v === null ? undefined : num(v, field);
}

export function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new PayloadError(`${field}: expected true or false, got ${kind(v)}`);
  return v;
}

export function arr(v: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(v)) throw new PayloadError(`${field}: expected a list, got ${kind(v)}`);
  return v;
}

export function strArr(v: unknown, field: string): string[] {
  return arr(v, field).map((x, i) => str(x, `${field}[${i}]`));
}

/** Describes a value's type for an error message; never its content. */
export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'nothing';
  return `a ${typeof v}`;
}
