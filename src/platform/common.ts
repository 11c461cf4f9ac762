/** Pieces every runner implementation shares (reads process.env: platform only). */
import { mkdirSync, chmodSync } from 'node:fs';
import type { ProxyOptions } from '../core/http.js';

export function envProxy(env: NodeJS.ProcessEnv): ProxyOptions {
  const out: ProxyOptions = {};
  const https = env['https_proxy'] || env['HTTPS_PROXY'];
  const http = env['http_proxy'] || env['HTTP_PROXY'];
  const no = env['no_proxy'] || env['NO_PROXY'];
  if (https) out.httpsProxy = https;
  if (http) out.httpProxy = http;
  if (no) out.noProxy = no;
  return out;
}

export function privateDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  return path;
}

/** GitHub's step summary limit is 1 MiB; keep well inside it. */
export const SUMMARY_LIMIT = 1000 * 1024;

export function capSummary(md: string): string {
  if (Buffer.byteLength(md) <= SUMMARY_LIMIT) return md;
  const cut = Buffer.from(md).subarray(0, SUMMARY_LIMIT - 200).toString('utf8');
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_The summary was cut at 1 MB; the full results are in the report files._\n`;
}
