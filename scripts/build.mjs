// Bundles every entry in src/entries/*.ts into dist/<name>/ with @vercel/ncc.
// `npm run build` builds all; `npm run build -- vault-login cli` builds the named ones.
// Type-checking is done once by `tsc --noEmit` (npm run typecheck), not by each bundle.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const entries = readdirSync('src/entries').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
for (const w of wanted) if (!entries.includes(w)) { console.error(`unknown entry "${w}"; have: ${entries.join(', ')}`); process.exit(2); }
const names = wanted.length ? wanted : entries;
if (!wanted.length && existsSync('dist')) {
  for (const d of readdirSync('dist')) if (!entries.includes(d)) rmSync(join('dist', d), { recursive: true, force: true });
}
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const name of names) {
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  const t = Date.now();
  execFileSync(process.execPath, [ncc, 'build', join('src', 'entries', `${name}.ts`), '-o', out, '-m', '--no-source-map-register', '--license', 'licenses.txt', '-q'], { stdio: 'inherit' });
  console.log(`built dist/${name} in ${Date.now() - t} ms`);
}
