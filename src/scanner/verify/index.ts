/**
 * verify: true — each finding of a supported provider checked against that provider's identity
 * endpoint, at most `concurrency` at a time, each bounded by the HTTP layer's timeout. AWS
 * access key ids are paired with the nearest AWS secret key finding of the same file and
 * commit. Findings of other rules are not checked (absent from the result).
 */
import { HttpClient, type ProxyOptions, type TlsOptions } from '../../core/http.js';
import type { Finding } from '../types.js';
import { checkKey, type CheckResult } from './check.js';
import { checkAws } from './aws.js';
import { providerOf, type Provider } from './providers.js';

export { parseEndpoints, providerOf, DEFAULT_ENDPOINTS, type Provider } from './providers.js';
export type { Verdict, CheckResult } from './check.js';

export interface VerifyOptions {
  endpoints: Record<Provider, string>;
  timeoutMs: number;
  concurrency: number;
  proxy?: ProxyOptions;
  tls?: TlsOptions;
  /** called before each key is sent anywhere: register it with the masker */
  onSecret?: (value: string) => void;
}

export interface VerifyOutcome {
  results: Map<Finding, CheckResult & { provider: Provider }>;
  /** findings of supported providers that could not be checked (an AWS key id with no secret next to it) */
  unpaired: number;
}

function awsSecretFor(f: Finding, all: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const o of all) {
    if (o.ruleId !== 'aws-secret-access-key' || o.path !== f.path || (o.commit?.sha ?? '') !== (f.commit?.sha ?? '')) continue;
    if (!best || Math.abs(o.startLine - f.startLine) < Math.abs(best.startLine - f.startLine)) best = o;
  }
  return best;
}

export async function verifyFindings(findings: readonly Finding[], all: readonly Finding[], o: VerifyOptions): Promise<VerifyOutcome> {
  const http = new HttpClient({ service: 'verification', timeoutMs: o.timeoutMs, ...(o.proxy ? { proxy: o.proxy } : {}), ...(o.tls ? { tls: o.tls } : {}) });
  const results = new Map<Finding, CheckResult & { provider: Provider }>();
  let unpaired = 0;
  // the same key found in many commits is checked once
  const byKey = new Map<string, Promise<CheckResult>>();
  const jobs: (() => Promise<void>)[] = [];
  for (const f of findings) {
    const provider = providerOf(f.ruleId);
    if (!provider) continue;
    let key = `${provider}\0${f.secret}`;
    let run: () => Promise<CheckResult>;
    if (provider === 'aws') {
      const pair = awsSecretFor(f, all);
      if (!pair) {
        unpaired++;
        results.set(f, { provider, verdict: 'unknown', why: 'no AWS secret access key found next to the key id' });
        continue;
      }
      key += `\0${pair.secret}`;
      run = () => {
        o.onSecret?.(f.secret);
        o.onSecret?.(pair.secret);
        return checkAws(http, o.endpoints.aws, f.secret, pair.secret);
      };
    } else {
      run = () => {
        o.onSecret?.(f.secret);
        return checkKey(http, provider, o.endpoints[provider], f.secret);
      };
    }
    jobs.push(async () => {
      let p = byKey.get(key);
      if (!p) {
        p = run().catch((): CheckResult => ({ verdict: 'unknown', why: 'no answer (network error or timeout)' }));
        byKey.set(key, p);
      }
      results.set(f, { provider, ...(await p) });
    });
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, jobs.length)) }, worker));
  } finally {
    await http.close();
  }
  return { results, unpaired };
}
