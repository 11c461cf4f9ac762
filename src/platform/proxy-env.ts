/** The job's proxy variables, read the same way by both runners (platform only: reads the environment). */
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
