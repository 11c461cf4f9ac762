/** Pieces every runner implementation shares (reads process.env: platform only). */
import { type ProxyOptions, proxyUrl } from '../core/http.js';

/** The first of `names` set to something other than whitespace: its name and value. */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = (env[name] ?? '').trim();
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * The job's proxy variables (the lower-case name first, as curl reads them). A malformed proxy
 * URL is a UserError naming the variable, before any request (never quoting the value).
 */
export function envProxy(env: NodeJS.ProcessEnv): ProxyOptions {
  const out: ProxyOptions = {};
  const https = firstSet(env, ['https_proxy', 'HTTPS_PROXY']);
  const http = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  const no = env['no_proxy'] || env['NO_PROXY'];
  if (https) out.httpsProxy = proxyUrl(https.value, https.name);
  if (http) out.httpProxy = proxyUrl(http.value, http.name);
  if (no) out.noProxy = no;
  return out;
}

/** GitHub's step summary limit is 1 MiB; keep well inside it. */
export const SUMMARY_LIMIT = 1000 * 1024;

export function capSummary(md: string): string {
  if (Buffer.byteLength(md) <= SUMMARY_LIMIT) return md;
  const cut = Buffer.from(md).subarray(0, SUMMARY_LIMIT - 200).toString('utf8');
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_The summary was cut at 1 MB; the full results are in the report files._\n`;
}
