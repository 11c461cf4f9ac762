/**
 * Engine throughput: scans every text file under a directory (default: node_modules) with the
 * default rules, one Fragment per file, and prints MB/s (wall and CPU time: on a shared machine
 * the CPU figure is the one to compare). Optional 3rd argument: a file to write the findings to
 * (rule, path, line, column, secret length) so two engine versions can be compared exactly.
 *   node --experimental-transform-types --no-warnings --import ./bench/ts-hooks.mjs bench/engine.ts [dir] [MB] [out.json]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createScanner } from '../src/scanner/engine.js';
import type { Finding } from '../src/scanner/types.js';

function walk(dir: string, out: string[], limit: number, total: { bytes: number }): void {
  for (const name of readdirSync(dir).sort()) {
    if (total.bytes >= limit) return;
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(p, out, limit, total);
    else if (st.isFile() && st.size < 2_000_000 && /\.(?:js|ts|json|md|yml|yaml|txt|mjs|cjs|map)$/.test(name)) {
      out.push(p);
      total.bytes += st.size;
    }
  }
}

const root = process.argv[2] ?? 'node_modules';
const limit = Number(process.argv[3] ?? 200) * 1_000_000;
const dump = process.argv[4];
const files: string[] = [];
walk(root, files, limit, { bytes: 0 });
const texts = files.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
const scanner = await createScanner({ maxDecodeDepth: Number(process.env.DECODE ?? 0) });
for (const t of texts.slice(0, 500)) scanner.scan(t); // warm the JIT
const all: Finding[] = [];
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const t of texts) for (const f of scanner.scan(t)) all.push(f);
const secs = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage(c0);
const cpu = (c1.user + c1.system) / 1e6;
const mb = bytes / 1e6;
console.log(
  `${texts.length} files, ${mb.toFixed(1)} MB, ${scanner.ruleCount} rules: wall ${secs.toFixed(2)} s ${(mb / secs).toFixed(1)} MB/s; cpu ${cpu.toFixed(2)} s ${(mb / cpu).toFixed(1)} MB/s; ${all.length} findings`,
);
console.log(`  per file: ${((cpu * 1e6) / texts.length).toFixed(1)} µs cpu`);
if (dump) {
  const rows = all.map((f) => `${f.path}:${f.ruleId}:${f.startLine}:${f.startColumn}:${f.endLine}:${f.endColumn}:${f.secret.length}`);
  writeFileSync(dump, rows.join('\n') + '\n');
}
