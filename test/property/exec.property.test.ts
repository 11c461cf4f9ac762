/**
 * Redaction as a property, the `exec` path: the 7,500 generated values the GitHub property test
 * does not take (every value of the 10,000 goes through one of the two paths that print every
 * form; the too-short ones all come here) go through dist/cli `exec --export-file` (the format
 * ProcessRunner writes: export NAME='value', '\'' for a quote) in batches. The child, a Node script, prints every form of every value it finds in its
 * environment (test/property/encoders.ts, loaded by Node 24 itself), ANSI- and NUL-split ones
 * included, in arbitrary chunk sizes to stdout and stderr. Nothing fixed by a value may be
 * visible in what exec passed on: not in the bytes, not once ANSI sequences and NUL bytes are
 * taken out (what a terminal or a log viewer shows).
 *
 * A value too short to mask once trimmed is left out of the check only when exec said so for
 * that variable (a warning naming it), as its help promises; so is a base64 core of a short
 * value (under 8 characters, which as a mask would blank unrelated base64 by chance) when exec
 * warned about that variable's base64 form.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../runner/cli.js';
import { nodeBinary, repoRoot } from '../runner/node.js';
import { maskable, needles, stripInvisible, type Needle } from './encoders.js';
import { forGitHub, generateValues, varName, type GenValue } from './generator.js';
import { NeedleIndex, excerpt, summarize, type Leak } from './check.js';

const all = generateValues();
const values = all.filter((g) => !forGitHub(g));
/** values per exec run, and at most this many bytes of them (an environment block has limits) */
const BATCH = 500;
const BATCH_BYTES = 600 * 1024;
/** the whole property must finish in this time on the 2-core CI machine */
const BUDGET_MS = 150_000;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-prop-exec-'));
  writeFileSync(join(dir, 'child.mjs'), CHILD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The child: prints every form of every PS_P* variable, values in a shuffled order, each value's
 * forms one per line, a whole value to stdout or to stderr, written in chunks of 1 byte to 4 KB
 * (a multi-byte character or a form split across writes). It writes the count and a digest of
 * what it found to PS_REPORT (a file: stdout is what is being redacted).
 */
const CHILD = `
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const enc = await import(process.env.PS_ENCODERS_URL);
const names = Object.keys(process.env).filter((n) => /^PS_P\\d{5}$/.test(n)).sort();
const h = createHash('sha256');
for (const n of names) h.update(n + '\\0' + process.env[n] + '\\0');
writeFileSync(process.env.PS_REPORT, JSON.stringify({ count: names.length, digest: h.digest('hex') }));
let seed = Number(process.env.PS_SEED) >>> 0;
const rnd = (n) => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed % n; };
for (let i = names.length - 1; i > 0; i--) { const j = rnd(i + 1); [names[i], names[j]] = [names[j], names[i]]; }
for (const n of names) {
  const text = enc.printedForms(process.env[n]).map((f) => f.text).join('\\n') + '\\n';
  const buf = Buffer.from(text, 'utf8');
  const out = rnd(4) === 0 ? process.stderr : process.stdout;
  for (let i = 0; i < buf.length; ) {
    const size = rnd(8) === 0 ? 1 + rnd(8) : 1 + rnd(4096);
    out.write(buf.subarray(i, i + size));
    i += size;
  }
}
`;

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

function batches(list: readonly GenValue[]): GenValue[][] {
  const out: GenValue[][] = [];
  let cur: GenValue[] = [];
  let bytes = 0;
  for (const g of list) {
    const n = Buffer.byteLength(g.value, 'utf8') + 16;
    if (cur.length && (cur.length >= BATCH || bytes + n > BATCH_BYTES)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(g);
    bytes += n;
  }
  if (cur.length) out.push(cur);
  return out;
}

interface BatchResult {
  batch: number;
  values: number;
  code: number;
  ms: number;
  leaks: Leak[];
  /** values too short to mask that exec did not warn about (it must: they stay in the check, and leak) */
  unwarned: string[];
  /** something other than leaks went wrong: the child did not see the values, exec failed */
  problems: string[];
}

async function runBatch(batch: GenValue[], n: number, timeoutMs: number): Promise<BatchResult> {
  const started = Date.now();
  const envFile = join(dir, `batch-${n}.env`);
  const report = join(dir, `batch-${n}.json`);
  writeFileSync(envFile, batch.map((g) => `export ${varName(g)}=${shellQuote(g.value)}\n`).join(''), { mode: 0o600 });
  const problems: string[] = [];
  let r: Awaited<ReturnType<typeof runCli>>;
  try {
    r = await runCli(['exec', '--export-file', envFile, '--', nodeBinary('24'), join(dir, 'child.mjs')], {
      env: { PS_REPORT: report, PS_SEED: String(1000 + n), PS_ENCODERS_URL: pathToFileURL(join(repoRoot, 'test', 'property', 'encoders.ts')).href },
      timeoutMs,
    });
  } catch (err) {
    return {
      batch: n,
      values: batch.length,
      code: -1,
      ms: Date.now() - started,
      leaks: [],
      unwarned: [],
      problems: [`exec did not finish in ${timeoutMs} ms (${err instanceof Error ? err.message.slice(0, 200) : 'error'})`],
    };
  }
  // PS_PROPERTY_DEBUG=DIR keeps what exec passed on, for a look at a failure
  const debug = process.env['PS_PROPERTY_DEBUG'];
  if (debug) {
    writeFileSync(join(debug, `exec-${n}.stdout`), r.stdout);
    writeFileSync(join(debug, `exec-${n}.stderr`), r.stderr);
    writeFileSync(join(debug, `exec-${n}.env`), readFileSync(envFile));
  }
  if (r.code !== 0) problems.push(`exit ${r.code}; stderr starts ${excerpt(r.stderr, 300)}`);
  // the child saw every value intact
  const want = createHash('sha256');
  for (const g of [...batch].sort((a, b) => (varName(a) < varName(b) ? -1 : 1))) want.update(`${varName(g)}\0${g.value}\0`);
  try {
    const seen = JSON.parse(readFileSync(report, 'utf8')) as { count: number; digest: string };
    if (seen.count !== batch.length) problems.push(`the child found ${seen.count} of ${batch.length} variables`);
    else if (seen.digest !== want.digest('hex')) problems.push('the child found different values than the env file holds');
  } catch {
    problems.push('the child did not run');
  }
  // a value too short to mask (under 4 characters besides white space) is left out only when exec
  // named its variable in a warning; so is a base64 core too short to match safely (under
  // SAFE_CORE_LENGTH) when exec said so for that variable
  const warnings = new Map<string, string[]>();
  for (const l of r.stderr.split('\n').filter((x) => x.startsWith('pipeline-secrets exec:'))) {
    for (const [name] of l.matchAll(/\bPS_P\d{5}\b/g)) warnings.set(name, [...(warnings.get(name) ?? []), l]);
  }
  const warned = (g: GenValue, about: RegExp): boolean => (warnings.get(varName(g)) ?? []).some((l) => about.test(l));
  const unwarned: string[] = [];
  const checked: { id: number; cls: string; needles: Needle[] }[] = [];
  for (const g of batch) {
    if (!maskable(g.value)) {
      if (warned(g, /redact|mask|short/i)) continue;
      unwarned.push(varName(g));
    }
    const excused = warned(g, /base64/i);
    checked.push({ id: g.id, cls: g.cls, needles: needles(g.value).filter((x) => !(x.shortCore && excused)) });
  }
  const index = new NeedleIndex(checked);
  const leaks: Leak[] = [];
  for (const [where, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const raw = index.leaks(text, where);
    const shown = index.leaks(stripInvisible(text), `${where} (as shown)`);
    const key = (l: Leak): string => `${l.id}|${l.form}`;
    const inRaw = new Set(raw.map(key));
    leaks.push(...raw, ...shown.filter((l) => !inRaw.has(key(l))));
  }
  if (r.stdout.length + r.stderr.length < batch.length) problems.push('the child printed (almost) nothing');
  return { batch: n, values: batch.length, code: r.code, ms: Date.now() - started, leaks, unwarned, problems };
}

function verdict(results: readonly BatchResult[]): { problems: string[]; unwarned: string[]; leaks: ReturnType<typeof summarize> } {
  const show = (l: Leak): string => `#${l.id} ${l.cls} "${l.form}" in ${l.where}: value ${excerpt(all[l.id]?.value ?? '')}`;
  return {
    problems: results.flatMap((r) => r.problems.map((p) => `batch ${r.batch}: ${p}`)),
    unwarned: results.flatMap((r) => r.unwarned),
    leaks: summarize(
      results.flatMap((r) => r.leaks),
      show,
    ),
  };
}

describe('exec redaction as a property (dist/cli)', () => {
  it('a first batch of 300 values of every class: no form of any value is visible', async () => {
    // a sample of every class first, so a failure says which forms leak before the big run
    const byClass = new Map<string, GenValue[]>();
    for (const g of values) byClass.set(g.cls, [...(byClass.get(g.cls) ?? []), g]);
    const sample = [...byClass.values()].flatMap((list) => list.slice(0, 18)).slice(0, 300);
    const result = await runBatch(sample, 0, 60_000);
    expect(verdict([result])).toEqual({ problems: [], unwarned: [], leaks: expect.objectContaining({ count: 0 }) });
  }, 90_000);

  it(
    `all ${values.length.toLocaleString('en')} values, ${BATCH} per exec run: no form of any value is visible, in stdout or stderr, as bytes or as shown`,
    async () => {
      const started = Date.now();
      const list = batches(values);
      expect(list.length).toBeGreaterThanOrEqual(values.length / BATCH);
      expect(values.length + all.filter(forGitHub).length).toBe(10_000);
      const results: BatchResult[] = [];
      for (const [i, b] of list.entries()) {
        const left = BUDGET_MS - (Date.now() - started);
        if (left <= 0) {
          results.push({
            batch: i + 1,
            values: b.length,
            code: -1,
            ms: 0,
            leaks: [],
            unwarned: [],
            problems: [`not run: the ${BUDGET_MS / 1000} s budget was spent by the batches before`],
          });
          continue;
        }
        const r = await runBatch(b, i + 1, Math.min(60_000, left));
        results.push(r);
        // the first batches tell: a redactor that cannot keep up, or leaks everything, is not waited for
        if (i === 1 && results.every((x) => x.code === -1 || x.leaks.length > 1000)) {
          for (const [j, rest] of list.slice(i + 1).entries())
            results.push({
              batch: i + 2 + j,
              values: rest.length,
              code: -1,
              ms: 0,
              leaks: [],
              unwarned: [],
              problems: ['not run: the first two batches failed'],
            });
          break;
        }
      }
      const ms = Date.now() - started;
      const checked = results.reduce((n, r) => n + (r.code === -1 ? 0 : r.values), 0);
      process.stdout.write(`exec property: ${checked} values in ${results.length} runs, ${ms} ms (slowest run ${Math.max(...results.map((r) => r.ms))} ms)\n`);
      expect(verdict(results)).toEqual({ problems: [], unwarned: [], leaks: expect.objectContaining({ count: 0 }) });
      expect(checked).toBe(values.length);
    },
    BUDGET_MS + 30_000,
  );
});
