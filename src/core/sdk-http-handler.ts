/**
 * The AWS SDK's transport, over the suite's one HTTP layer (core/http.ts): the same proxy
 * (HTTPS_PROXY / NO_PROXY, CONNECT tunnels), CA bundle and timeouts as every other call.
 * The SDK does not read proxy variables itself; this handler is how STS, IAM, Secrets Manager
 * and SSM calls honour them. No retries here (maxAttempts 1 in the clients): the callers retry
 * (sts.ts with a fresh token, the stores on throttling and 5xx).
 */
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import type { HttpClient } from './http.js';

export class CoreHttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  constructor(private readonly http: HttpClient) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const res = await this.http.send(requestUrl(request), {
      method: request.method,
      headers: dropHopHeaders(request.headers),
      ...(request.body !== undefined && request.body !== null ? { body: bodyText(request.body) } : {}),
      retry: false,
    });
    return { response: { statusCode: res.status, headers: res.headers, body: Readable.from([Buffer.from(res.body, 'utf8')]) } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    void this.http.close();
  }
}

export function requestUrl(r: HttpRequest): string {
  const port = r.port ? `:${r.port}` : '';
  const q: string[] = [];
  for (const [k, v] of Object.entries(r.query ?? {})) {
    if (v === null) q.push(enc(k));
    else for (const one of Array.isArray(v) ? v : [v]) q.push(`${enc(k)}=${enc(one)}`);
  }
  const path = r.path.startsWith('/') ? r.path : `/${r.path}`;
  return `${r.protocol}//${r.hostname}${port}${path}${q.length ? `?${q.join('&')}` : ''}`;
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function dropHopHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (!['connection', 'transfer-encoding', 'expect', 'keep-alive', 'upgrade'].includes(k.toLowerCase())) out[k] = v;
  return out;
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  // a view, not Buffer.from(body): that calls valueOf(), which the SDK's JSON body adapter warns about
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError('the AWS request body is not text (streamed bodies are not supported)');
}
