/**
 * The one HTTP layer of the suite. Proxy (HTTP(S)_PROXY / NO_PROXY values handed in by
 * the platform), CA bundle, client certificate, TLS verification and timeouts are all
 * set here, once, for every service client. Transient failures are retried with capped
 * exponential backoff and jitter; nothing else is. No header or body is ever logged.
 */
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { type NoProxyEntry, parseNoProxy, shouldProxy } from './no-proxy.js';
import * as tls from 'node:tls';
import { type Clock, systemClock } from './clock.js';
import { RemoteError, UserError } from './errors.js';
import { type RetryPolicy, defaultRetryPolicy, withRetry } from './retry.js';

export interface TlsOptions {
  /** PEM CA bundle trusted in addition to the system store */
  ca?: string;
  /** PEM client certificate and key for mutual TLS */
  cert?: string;
  key?: string;
  /** false only when the user asked to skip verification */
  rejectUnauthorized?: boolean;
}

export interface ProxyOptions {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export interface HttpOptions {
  /** the service name used in errors, e.g. "Vault" */
  service: string;
  tls?: TlsOptions;
  proxy?: ProxyOptions;
  /** per attempt: connect, headers and body each (default 30 s) */
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** statuses retried besides network errors (default 429, 500, 502, 503, 504) */
  retryStatuses?: readonly number[];
  /** appended to TLS failures: which input fixes them */
  tlsHint?: string;
  /** told of each retry (status or error code, attempt, delay); never sees bodies */
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** retry transient failures (default true) */
  retry?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

const TLS_CAUSES: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed CA that is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presented a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is signed by an untrusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of the server certificate is not trusted (private CA or TLS-inspecting proxy?)',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the host name',
  CERT_NOT_YET_VALID: 'the server certificate is not yet valid',
};

/**
 * The CAs Node trusts by default: the bundled store plus NODE_EXTRA_CA_CERTS (Node >= 22.15
 * exposes both through getCACertificates). A `ca` option replaces the store, so ours adds to it.
 */
function defaultCaCertificates(): string[] {
  const get = (tls as { getCACertificates?: (type?: string) => string[] }).getCACertificates;
  return get ? get('default') : [...tls.rootCertificates];
}

/**
 * A proxy URL as HTTP(S)_PROXY or an input gives it, checked before any request: http:// or
 * https:// (undici tunnels through no other), a host, optional user:password@ and port.
 * host:port without a scheme is an http proxy, as curl and Go read it. Returns the URL to use
 * (as given, http:// put in front when it had no scheme);
 * a malformed one is a UserError naming `variable`, never quoting the value (it may hold a
 * password).
 */
export function proxyUrl(raw: string, variable: string): string {
  const v = raw.trim();
  const example = 'expected http://HOST:PORT (or https://, optionally with USER:PASSWORD@); the value is not shown';
  if (/[\x00-\x20\x7f]/.test(v)) throw new UserError(variable, `${variable} holds a space or a control character: ${example}`);
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`;
  let u: URL;
  try {
    u = new URL(full);
  } catch {
    throw new UserError(variable, `${variable} is not a proxy URL: ${example}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError(variable, `${variable} is a ${u.protocol.slice(0, 20)}// URL: only http:// and https:// proxies are supported (${example})`);
  }
  if (!u.hostname) throw new UserError(variable, `${variable} has no host: ${example}`);
  return full;
}

/** A failure worth another attempt: a network error, or a retryable RemoteError. */
export function isTransient(err: unknown): boolean {
  if (err instanceof RemoteError) return err.retryable;
  return TRANSIENT_CODES.has(errorCode(err));
}

export function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

export class HttpClient {
  private readonly direct: Dispatcher;
  private readonly httpProxy?: Dispatcher;
  private readonly httpsProxy?: Dispatcher;
  private readonly noProxy: NoProxyEntry[];
  private readonly opts: HttpOptions;
  private readonly retryStatuses: ReadonlySet<number>;

  constructor(opts: HttpOptions) {
    this.opts = opts;
    this.retryStatuses = new Set(opts.retryStatuses ?? [429, 500, 502, 503, 504]);
    const timeout = opts.timeoutMs ?? 30_000;
    const t = opts.tls ?? {};
    const connect = {
      timeout,
      ...(t.ca ? { ca: [...defaultCaCertificates(), t.ca] } : {}),
      ...(t.cert ? { cert: t.cert } : {}),
      ...(t.key ? { key: t.key } : {}),
      rejectUnauthorized: t.rejectUnauthorized ?? true,
    };
    const common = { connect, headersTimeout: timeout, bodyTimeout: timeout };
    const p = opts.proxy ?? {};
    this.direct = new Agent(common);
    this.noProxy = parseNoProxy(p.noProxy ?? '');
    // undici's ProxyAgent tunnels with CONNECT; requestTls is the TLS to the target inside it
    const viaProxy = (uri: string): Dispatcher => new ProxyAgent({ ...common, uri, requestTls: connect });
    // checked where they are read (platform, inputs); checked again here, so a bad one is never an internal error
    const httpProxy = p.httpProxy ? proxyUrl(p.httpProxy, 'HTTP_PROXY') : '';
    const httpsProxy = p.httpsProxy ? proxyUrl(p.httpsProxy, 'HTTPS_PROXY') : '';
    if (httpProxy) this.httpProxy = viaProxy(httpProxy);
    if (httpsProxy) this.httpsProxy = httpsProxy === httpProxy && this.httpProxy ? this.httpProxy : viaProxy(httpsProxy);
  }

  /** The dispatcher for a URL: HTTPS_PROXY for https (HTTP_PROXY when only that is set), HTTP_PROXY for http, none for NO_PROXY hosts. */
  dispatcherFor(url: string): Dispatcher {
    const u = new URL(url);
    const proxy = u.protocol === 'https:' ? (this.httpsProxy ?? this.httpProxy) : this.httpProxy;
    return proxy && shouldProxy(u, this.noProxy) ? proxy : this.direct;
  }

  /** Sends one request, retrying transient failures; any final status is returned. */
  async send(url: string, req: HttpRequest = {}): Promise<HttpResponse> {
    const policy = req.retry === false ? { ...defaultRetryPolicy, maxAttempts: 1 } : (this.opts.retry ?? defaultRetryPolicy);
    let last: HttpResponse | undefined;
    try {
      return await withRetry(
        async () => {
          const res = await this.once(url, req);
          if (this.retryStatuses.has(res.status)) {
            last = res;
            throw new RemoteError(`${this.opts.service} answered ${res.status}`, { service: this.opts.service, status: res.status, retryable: true });
          }
          return res;
        },
        isTransient,
        policy,
        this.opts.clock ?? systemClock,
        (err, attempt, delay) => this.opts.onRetry?.(err instanceof RemoteError ? `HTTP ${err.status}` : errorCode(err) || 'network error', attempt, delay),
        this.opts.random,
      );
    } catch (err) {
      if (err instanceof RemoteError && last) return last;
      throw this.networkError(url, err);
    }
  }

  /** GET/POST JSON helper: returns the parsed body (unknown) with the status. */
  async json(url: string, req: HttpRequest = {}): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
    const res = await this.send(url, req);
    let body: unknown = null;
    if (res.body.trim()) {
      try {
        body = JSON.parse(res.body);
      } catch {
        throw new RemoteError(`${this.opts.service} sent a response that is not JSON (HTTP ${res.status}, ${res.body.length} bytes) for ${safeUrl(url)}`, {
          service: this.opts.service,
          status: res.status,
          retryable: false,
        });
      }
    }
    return { status: res.status, body, headers: res.headers };
  }

  async close(): Promise<void> {
    const all = new Set([this.direct, this.httpProxy, this.httpsProxy].filter((d): d is Dispatcher => d !== undefined));
    await Promise.all([...all].map((d) => d.close()));
  }

  private async once(url: string, req: HttpRequest): Promise<HttpResponse> {
    const res = await request(url, {
      dispatcher: this.dispatcherFor(url),
      method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: req.headers ?? {},
      body: req.body ?? null,
    });
    const body = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers, body };
  }

  private networkError(url: string, err: unknown): RemoteError {
    if (err instanceof RemoteError) return err;
    const code = errorCode(err);
    const where = safeUrl(url);
    const tlsCause = TLS_CAUSES[code];
    if (tlsCause) {
      return new RemoteError(`TLS connection to ${where} failed: ${tlsCause} (${code})`, {
        service: this.opts.service,
        status: 0,
        code,
        retryable: false,
        ...(this.opts.tlsHint ? { hint: this.opts.tlsHint } : {}),
      });
    }
    // undici's ProxyAgent: "Proxy response (407) !== 200 when HTTP Tunneling" (code UND_ERR_ABORTED)
    const proxied = /^Proxy response \((\d{3})\)/.exec(err instanceof Error ? err.message : '');
    if (proxied) {
      const status = Number(proxied[1]);
      return new RemoteError(`the proxy refused the tunnel to ${where}: it answered HTTP ${status}`, {
        service: this.opts.service,
        status: 0,
        code: `PROXY_${status}`,
        retryable: status === 502 || status === 503 || status === 504,
        hint:
          status === 407
            ? 'the proxy wants credentials: put them in the proxy URL (http://user:password@proxy:port) or add the host to NO_PROXY'
            : 'check HTTPS_PROXY / HTTP_PROXY, or add the host to NO_PROXY',
      });
    }
    const reason = code || (err instanceof Error ? err.message : 'unknown network error');
    return new RemoteError(`could not reach ${this.opts.service} at ${where} (${reason})`, {
      service: this.opts.service,
      status: 0,
      code,
      retryable: TRANSIENT_CODES.has(code),
    });
  }
}

/** The URL without credentials or query (a query may carry tokens). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
