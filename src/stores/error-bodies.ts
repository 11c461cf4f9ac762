/** The error bodies of Google's and Microsoft's token and secret services, read without trusting their shape. */
import { isObject } from '../core/json.js';

/** An OAuth-style error body: {error, error_description, error_codes}. */
export function oauthError(body: unknown): { error: string; description: string; codes: number[] } {
  if (!isObject(body)) return { error: '', description: '', codes: [] };
  const codes = Array.isArray(body['error_codes']) ? body['error_codes'].filter((c): c is number => typeof c === 'number') : [];
  return {
    error: typeof body['error'] === 'string' ? body['error'] : '',
    description: typeof body['error_description'] === 'string' ? body['error_description'] : '',
    codes,
  };
}

/** A Google / Azure error envelope: {error: {code, message, status}}. */
export function envelopeError(body: unknown): { code: string; message: string; inner: string } {
  const e = isObject(body) ? body['error'] : undefined;
  if (!isObject(e)) return { code: '', message: '', inner: '' };
  const inner = isObject(e['innererror']) ? e['innererror'] : isObject(e['innerError']) ? e['innerError'] : undefined;
  const code = typeof e['status'] === 'string' ? e['status'] : typeof e['code'] === 'string' ? e['code'] : '';
  return {
    code,
    message: typeof e['message'] === 'string' ? e['message'] : '',
    inner: inner && typeof inner['code'] === 'string' ? inner['code'] : '',
  };
}

/** First line of a service message, trimmed (Entra appends trace and correlation ids). */
export function firstLine(s: string, max = 300): string {
  return (s.split(/\r?\n/)[0] ?? '').trim().slice(0, max);
}
