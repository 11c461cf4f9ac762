// Bundles every entry in src/entries/*.ts into dist/<name>/ with @vercel/ncc.
// `npm run build` builds all; `npm run build -- vault-login cli` builds the named ones.
// ncc type-checks src/ (tsconfig.json); tests and benches are checked by `npm run typecheck` (tsconfig.test.json).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const entries = readdirSync('src/entries')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
for (const w of wanted)
  if (!entries.includes(w)) {
    console.error(`unknown entry "${w}"; have: ${entries.join(', ')}`);
    process.exit(2);
  }
const names = wanted.length ? wanted : entries;
if (!wanted.length && existsSync('dist')) {
  for (const d of readdirSync('dist')) if (!entries.includes(d) && !d.startsWith('.')) rmSync(join('dist', d), { recursive: true, force: true });
}
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const name of names) {
  const out = join('dist', name);
  // Build beside the old bundle and swap it in only when ncc succeeded: a failed build never
  // leaves dist/<name> missing (tests and other builds may be using it).
  const staging = join('dist', `.${name}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const t = Date.now();
  try {
    execFileSync(
      process.execPath,
      [ncc, 'build', join('src', 'entries', `${name}.ts`), '-o', staging, '-m', '--no-source-map-register', '--license', 'licenses.txt', '-q'],
      { stdio: 'inherit' },
    );
  } catch {
    rmSync(staging, { recursive: true, force: true });
    console.error(`build of dist/${name} failed; the previous bundle is left in place`);
    process.exit(1);
  }
  // two builds of the same bundle at once (parallel work on one tree): the last one wins
  for (let attempt = 0; ; attempt++) {
    rmSync(out, { recursive: true, force: true });
    try {
      renameSync(staging, out);
      break;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  console.log(`built dist/${name} in ${Date.now() - t} ms`);
}
