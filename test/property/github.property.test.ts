/**
 * Redaction as a property, the GitHub path: dist/fetch-secrets, run as the GitHub runner runs
 * it (test/runner/github.ts), reads 2,400+ generated values (every fourth; exec takes the rest) from KV v2 secrets on the Vault
 * imitation and injects them. A later step then prints every form of every value it was given;
 * the runner masks its log with the step's add-masks only, as actions/runner's SecretMasker does
 * (each line on its own, every occurrence of every mask, overlapping ranges merged, ***), but
 * without the runner's own base64 encoders: our add-masks must cover every form themselves.
 * Nothing fixed by a value may be visible afterwards, and the fetch step's own log, summary and
 * annotations show nothing either.
 *
 * A base64 core of a short value (under 8 characters, which as a mask would blank unrelated
 * base64 by chance) may stay unmasked only where the step warned about that value's base64 form.
 *
 * Left out here, and why: forms split by an ANSI sequence or a NUL byte (a line masker compares
 * the raw line, so no add-mask can hide a value cut at an arbitrary point; `exec` is tested for
 * them), and values none of whose lines is of masking length (the runner masks line by line, so
 * each line would show; `exec` redacts them whole).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStep, transcript } from '../runner/github.js';
import { VaultServer } from '../servers/vault.js';
import { SPLIT_FORMS, needles, printedForms } from './encoders.js';
import { forGitHub, generateValues, varName, type GenValue } from './generator.js';
import { NeedleIndex, excerpt, summarize, type Leak } from './check.js';
import { RunnerMasker } from './search.js';

const all = generateValues();
/** every fourth value that a line masker can hide at all (the exec property test takes the rest) */
const chosen = all.filter(forGitHub);
/** keys per KV secret: a real Vault keeps an entry under 1 MiB (raft's max_entry_size) */
const PER_SECRET = 500;
const MAX_ENTRY = 1024 * 1024;

let vault: VaultServer;
let token: string;
const paths: string[] = [];

beforeAll(async () => {
  vault = await new VaultServer().start();
  vault.mount('secret', { type: 'kv', version: 2 });
  for (let i = 0; i < chosen.length; i += PER_SECRET) {
    const data: Record<string, string> = {};
    for (const g of chosen.slice(i, i + PER_SECRET)) data[varName(g)] = g.value;
    const path = `prop/b${paths.length}`;
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(MAX_ENTRY);
    vault.kv2Put('secret', path, data);
    paths.push(path);
  }
  vault.policy('prop', ['secret/data/prop/*']);
  token = vault.createToken({ policies: ['prop'], ttl: 3600 });
});

afterAll(async () => {
  await vault.stop();
});

const show = (l: Leak): string => `#${l.id} ${l.cls} "${l.form}" in ${l.where}: value ${excerpt(all[l.id]?.value ?? '')}`;

describe('GitHub redaction as a property (dist/fetch-secrets, runner masking emulated)', () => {
  it(`${chosen.length.toLocaleString('en')} values: a later step printing every form of every value shows none of them once the runner masked its log with our add-masks`, async () => {
    expect(chosen.length).toBeGreaterThanOrEqual(2400);
    const started = Date.now();
    const run = await runStep({
      action: 'fetch-secrets',
      inputs: { secrets: paths.map((p) => `secret/data/${p} *`).join('\n'), url: vault.url, token, 'retry-initial-delay': '1ms' },
      secrets: chosen.map((g) => g.value),
      timeoutMs: 90_000,
    });
    const stepMs = Date.now() - started;
    if (run.code !== 0) throw new Error(transcript(run).slice(0, 4000));
    // PS_PROPERTY_DEBUG=DIR keeps the step's add-masks, for a look at a failure
    const debug = process.env['PS_PROPERTY_DEBUG'];
    if (debug) writeFileSync(join(debug, 'github-masks.json'), JSON.stringify(run.masks));
    // the step's own log, stderr, summary and annotations: the harness's check of the raw values ...
    expect(run.leaks).toEqual([]);
    // ... and of every needle, in the log as the runner shows it (masked) and in what it does not mask
    // a base64 core under 8 characters may stay unmasked when the step warned about that value's base64 form
    const base64Warned = new Set(
      run.annotations
        .filter((a) => a.level === 'warning' && /base64/i.test(a.message))
        .flatMap((a) => [...a.message.matchAll(/\bPS_P\d{5}\b/g)].map((m) => m[0])),
    );
    const excused = (g: GenValue): boolean => base64Warned.has(varName(g));
    const index = new NeedleIndex(chosen.map((g) => ({ id: g.id, cls: g.cls, needles: needles(g.value).filter((x) => !(x.shortCore && excused(g))) })));
    const runner = new RunnerMasker(run.masks);
    const own = [
      ...index.leaks(runner.mask(run.log.join('\n')), 'fetch step log'),
      ...index.leaks(run.stderr, 'fetch step stderr'),
      ...index.leaks(run.summary, 'fetch step summary'),
      ...index.leaks(run.annotations.map((a) => `${a.message} ${Object.values(a.props).join(' ')}`).join('\n'), 'fetch step annotations'),
    ];
    expect(summarize(own, show)).toEqual(expect.objectContaining({ count: 0 }));

    // every value reached the job (the harness reads GITHUB_ENV line by line: a CR before a line end is lost)
    const lost = chosen.filter((g) => run.exported[varName(g)] !== `${g.value}\n`.replace(/\r\n/g, '\n').slice(0, -1)).map((g) => g.id);
    expect(lost).toEqual([]);

    // the later step: every form of every value, one per line, through the runner's masking
    const t = Date.now();
    const printed = chosen
      .map((g) =>
        printedForms(g.value)
          .filter((f) => !SPLIT_FORMS.has(f.name))
          .map((f) => f.text)
          .join('\n'),
      )
      .join('\n');
    const masked = runner.mask(printed);
    const leaks = index.leaks(masked, 'later step log');
    process.stdout.write(
      `github property: ${chosen.length} values, ${run.masks.length} add-masks, fetch step ${stepMs} ms, later step ${printed.length} chars masked and checked in ${Date.now() - t} ms\n`,
    );
    expect(summarize(leaks, show)).toEqual(expect.objectContaining({ count: 0 }));
  }, 150_000);
});
