// Lets Node 24 run the TypeScript benchmarks directly: `.js` imports resolve to the `.ts`
// sources (as tsconfig's NodeNext style writes them). Types are stripped by Node itself
// (--experimental-transform-types). Usage: node --experimental-transform-types --import ./bench/ts-hooks.mjs bench/<name>.ts
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL && context.parentURL.startsWith('file:')) {
    const url = new URL(specifier, context.parentURL);
    const ts = url.href.slice(0, -3) + '.ts';
    if (!existsSync(fileURLToPath(url)) && existsSync(fileURLToPath(ts))) return next(ts, context);
  }
  return next(specifier, context);
}
`));
