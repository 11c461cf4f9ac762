/**
 * Leak guard throughput: builds a clean tree of text-like build output (default 100 MB: JS
 * bundles, JSON, source maps, minified lines) in a temp dir, records 50 secrets of assorted
 * lengths (AWS-like ids and keys, tokens, passwords, a PEM key) with a fresh job key, then
 * searches the tree and prints MB/s next to the plain rule scan over the same files.
 * Run: node --expose-gc --experimental-transform-types --import ./bench/ts-hooks.mjs bench/guard.ts [MB] [--no-rules]
 * (on a shared machine compare the CPU-time figures: wall time includes waiting for a core)
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readRecord, recordSecret } from '../src/guard/record.js';
import { searchPaths } from '../src/guard/search.js';

const mb = Number(process.argv[2] ?? 100);
const work = mkdtempSync(join(tmpdir(), 'ps-bench-guard-'));
const tree = join(work, 'tree');
const dir = join(work, 'record');
mkdirSync(dir, { mode: 0o700 });

let seed = 12345;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const words = [
  'function',
  'return',
  'const',
  'value',
  'this',
  'props',
  'export',
  'import',
  'default',
  'undefined',
  'null',
  'true',
  'false',
  'config',
  'apiUrl',
  'render',
  'state',
  'length',
  'index',
  'module',
  '=>',
  '{',
  '}',
  '(',
  ')',
  ';',
  '"id":',
  '"name":',
];
// 4 MB of text-like build output (words, identifiers, base64-ish ids), sliced into files
function makePool(): Buffer {
  const parts: string[] = [];
  for (let n = 0; n < 4_000_000; ) {
    const w = rnd() < 0.1 ? randomBytes(6).toString('base64') : words[Math.floor(rnd() * words.length)]!;
    parts.push(w, rnd() < 0.03 ? '\n' : ' ');
    n += w.length + 1;
  }
  return Buffer.from(parts.join(''));
}
const pool = makePool();

let written = 0;
let i = 0;
while (written < mb * 1e6) {
  const sub = join(tree, `pkg${i % 20}`, i % 3 === 0 ? 'dist' : 'src');
  mkdirSync(sub, { recursive: true });
  const size = Math.floor(20_000 + rnd() * 2_000_000);
  const start = Math.floor(rnd() * (pool.length - size));
  writeFileSync(join(sub, `file${i}.${['js', 'json', 'map', 'css'][i % 4]}`), pool.subarray(start, start + size));
  written += size;
  i++;
}

const secrets: string[] = [];
for (let k = 0; k < 50; k++) {
  const kind = k % 5;
  secrets.push(
    kind === 0
      ? `AKIA${randomBytes(8).toString('hex').toUpperCase()}`
      : kind === 1
        ? randomBytes(30).toString('base64')
        : kind === 2
          ? `hvs.${randomBytes(18).toString('base64url')}`
          : kind === 3
            ? `pw-${randomBytes(5).toString('hex')}`
            : `-----BEGIN PRIVATE KEY-----\n${randomBytes(96)
                .toString('base64')
                .replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----`,
  );
}
for (const [k, s] of secrets.entries()) recordSecret(dir, s, `SECRET_${k}`);
const record = readRecord(dir);
if (!record) throw new Error('no record');

// two runs: the first includes JIT warm-up (what one CI step sees), the second is steady state
for (const run of ['first run', 'second run']) {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await searchPaths(record, [{ path: tree, display: 'tree' }]);
  const secs = (performance.now() - t0) / 1000;
  const cpu = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6;
  console.log(
    `guard (${run}): ${res.files} files, ${(res.bytes / 1e6).toFixed(1)} MB, ${res.secrets} secrets (${record.entries.length} recorded forms), ${res.findings.length} findings: ${secs.toFixed(2)} s wall, ${(res.bytes / 1e6 / secs).toFixed(0)} MB/s; ${cpu.toFixed(2)} s CPU, ${(res.bytes / 1e6 / cpu).toFixed(0)} MB/s of CPU time`,
  );
}

// the plain rule scan over the same files, when the scanner is there
if (process.argv[3] !== '--no-rules')
  try {
    const { createScanner } = await import('../src/scanner/engine.js');
    const scanner = await createScanner({});
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(tree);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    let bytes = 0;
    let findings = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      bytes += buf.length;
      findings += scanner.scan({ text: buf.toString('utf8'), path: f }).length;
    }
    const s2 = (performance.now() - t1) / 1000;
    const cpu2 = (process.cpuUsage(c1).user + process.cpuUsage(c1).system) / 1e6;
    console.log(
      `rule scan (createScanner, default rules): ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${findings} findings: ${s2.toFixed(2)} s wall, ${(bytes / 1e6 / s2).toFixed(0)} MB/s; ${(bytes / 1e6 / cpu2).toFixed(0)} MB/s of CPU time`,
    );
  } catch (err) {
    console.log(`rule scan: not available (${err instanceof Error ? err.message : String(err)})`);
  }
rmSync(work, { recursive: true, force: true });
