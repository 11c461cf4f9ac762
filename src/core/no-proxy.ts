/**
 * NO_PROXY matching, as curl and undici read it: entries split on commas or spaces, `*` alone
 * bypasses every proxy, an entry may carry a port, and an entry starting with `.` or `*.`
 * matches the domain's subdomains (a bare entry matches the host exactly).
 */
export interface NoProxyEntry {
  host: string;
  port: number;
}

export function parseNoProxy(value: string): NoProxyEntry[] {
  const out: NoProxyEntry[] = [];
  for (const raw of value.split(/[,\s]/)) {
    if (!raw) continue;
    const m = /^(.+):(\d+)$/.exec(raw);
    out.push({ host: (m ? (m[1] ?? '') : raw).toLowerCase(), port: m ? Number(m[2]) : 0 });
  }
  return out;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** True when a request to `url` should go through the proxy. */
export function shouldProxy(url: URL, entries: readonly NoProxyEntry[]): boolean {
  if (entries.length === 0) return true;
  // keep IPv6 brackets: strip only a trailing :port from host
  const host = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  for (const e of entries) {
    if (e.host === '*') return false;
    if (e.port && e.port !== port) continue;
    if (/^[.*]/.test(e.host) ? host.endsWith(e.host.replace(/^\*/, '')) : host === e.host) return false;
  }
  return true;
}
