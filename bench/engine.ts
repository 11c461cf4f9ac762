/**
 * Engine throughput: scans every text file under a directory (default: node_modules) with the
 * default rules, one Fragment per file, and prints MB/s. Run: node <built>/bench/engine.js [dir].
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createScanner } from '../src/scanner/engine.js';

function walk(dir: string, out: string[], limit: number, total: { bytes: number }): void {
  for (const name of readdirSync(dir)) {
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
const files: string[] = [];
walk(root, files, limit, { bytes: 0 });
const texts = files.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
const scanner = await createScanner({});
const t0 = performance.now();
let findings = 0;
for (const t of texts) findings += scanner.scan(t).length;
const secs = (performance.now() - t0) / 1000;
console.log(`${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${scanner.ruleCount} rules: ${secs.toFixed(2)} s, ${(bytes / 1e6 / secs).toFixed(1)} MB/s, ${findings} findings`);
