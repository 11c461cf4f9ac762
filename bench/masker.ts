/**
 * The masker and the exec stream redactor with many secrets (core/forms.ts, kernels/form-matcher.ts):
 * time to register N values (forms + matcher, with a redact() after every 100 registrations,
 * as a runner logging between secrets does), time to build the exec matcher from byteForms(),
 * and throughput of redact() and the stream redactor over 8 MB of log text (plain, and with
 * colour codes), against the single-alternation RegExp the masker used before. The machine
 * may be shared: each throughput figure is the best of 3 runs.
 *
 *   npm run bench -- masker [N=10000]
 */
import { randomBytes } from 'node:crypto';
import { Masker } from '../src/core/mask.js';
import { forms } from '../src/core/forms.js';
import { StreamRedactor, byteForms } from '../src/actions/exec/redact.js';

const N = Number(process.argv[2] ?? 10000);
const ms = (t: bigint): string => `${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`;

const values: string[] = [];
for (let i = 0; i < N; i++) {
  const k = i % 4;
  values.push(
    k === 0
      ? `hvs.CAESI${randomBytes(18).toString('base64url')}`
      : k === 1
        ? `${randomBytes(30).toString('base64')}`
        : k === 2
          ? `p@ss-${randomBytes(8).toString('hex')}`
          : `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  );
}

let t = process.hrtime.bigint();
let formCount = 0;
let formBytes = 0;
for (const v of values)
  for (const f of forms(v)) {
    formCount++;
    formBytes += Buffer.byteLength(f.text);
  }
console.log(`${N} values: ${formCount} forms (${(formCount / N).toFixed(1)} per value), ${(formBytes / 1e6).toFixed(1)} MB; forms() alone ${ms(t)}`);

t = process.hrtime.bigint();
const m = new Masker();
values.forEach((v, i) => {
  m.register(v, `S${i}`);
  if (i % 100 === 99) m.redact('a log line between secrets');
});
m.redact('');
m.redact('x');
console.log(`register all, redact() every 100: ${ms(t)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

const line = 'INFO 2026-01-01T00:00:00Z request handled in 12 ms status=200 path=/api/v1/items user=alice\n';
let text = line.repeat(Math.ceil(8e6 / line.length));
text += `${values[7]} ${Buffer.from(`user:${values[9]}`).toString('base64')}\n`;
const colour = text.replace(/status=200/g, '\x1b[32mstatus=200\x1b[0m');
const best = (fn: () => void): number => {
  let min = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
};
for (const [name, s] of [
  ['plain', text],
  ['coloured', colour],
] as const) {
  let out = '';
  const took = best(() => (out = m.redact(s)));
  console.log(
    `redact() ${name} ${(s.length / 1e6).toFixed(1)} MB: ${took.toFixed(0)} ms (${(s.length / 1e6 / (took / 1000)).toFixed(0)} MB/s); redacted: ${!out.includes(values[7] ?? '')}`,
  );
}

t = process.hrtime.bigint();
const bf = byteForms(values);
const r = new StreamRedactor(bf, () => undefined);
r.write(Buffer.from('warm'));
console.log(`exec: byteForms + matcher for ${N} values: ${ms(t)}`);
for (const [name, s] of [
  ['plain', text],
  ['coloured', colour],
] as const) {
  const bytes = Buffer.from(s);
  const took = best(() => {
    const sr = new StreamRedactor(bf, () => undefined);
    for (let i = 0; i < bytes.length; i += 65536) sr.write(bytes.subarray(i, i + 65536));
    sr.end();
  });
  console.log(`stream ${name} in 64 KB chunks: ${took.toFixed(0)} ms (${(bytes.length / 1e6 / (took / 1000)).toFixed(0)} MB/s)`);
}

// the single alternation the masker used before, for comparison (only up to 2,000 values:
// beyond that V8 takes minutes or fails to compile it)
const few = values.slice(0, Math.min(N, 2000));
t = process.hrtime.bigint();
const all = few.flatMap((v) => [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v), Buffer.from(v).toString('base64')]);
const re = new RegExp(
  [...new Set(all)]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const out = text.replace(re, '***');
console.log(`old RegExp alternation, ${few.length} values x 4 forms, over ${(text.length / 1e6).toFixed(1)} MB: ${ms(t)} (${out.length})`);
