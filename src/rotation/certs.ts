/**
 * PEM certificate files in the workspace: globs (or plain paths) relative to it, each file
 * split into chains and evaluated. Private-key blocks in a bundle are skipped unread.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { chainItem, groupChains, pemCertificates } from './chain.js';
import { globToRegExp, isGlob } from './glob.js';
import type { Item } from './item.js';
import { type Policy, resolve } from './policy.js';

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const MAX_FILES = 20_000;
const MAX_BYTES = 2 * 1024 * 1024;

export interface FoundFiles {
  files: string[];
  /** patterns that matched nothing */
  unmatched: string[];
}

function walk(root: string, out: string[]): void {
  const stack = [root];
  while (stack.length && out.length < MAX_FILES) {
    const dir = stack.pop() ?? root;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(join(dir, e.name));
      } else if (e.isFile()) out.push(relative(root, join(dir, e.name)).split(sep).join('/'));
    }
  }
}

/** Files (relative to the workspace, `/`-separated) matching the patterns, sorted, unique. */
export function findCertificateFiles(patterns: readonly string[], workspace: string): FoundFiles {
  const found = new Set<string>();
  const unmatched: string[] = [];
  let all: string[] | undefined;
  for (const p of patterns) {
    const pat = p.replace(/^\.\//, '');
    if (!isGlob(pat)) {
      found.add(pat);
      continue;
    }
    if (!all) {
      all = [];
      walk(workspace, all);
    }
    const re = globToRegExp(pat);
    const hits = all.filter((f) => re.test(f));
    if (!hits.length) unmatched.push(p);
    for (const h of hits) found.add(h);
  }
  return { files: [...found].sort(), unmatched };
}

/** One item per chain of each file; unreadable files and files without certificates fail. */
export function checkCertificateFiles(files: readonly string[], workspace: string, nowMs: number, policy: Policy): Item[] {
  const items: Item[] = [];
  for (const f of files) {
    const full = isAbsolute(f) ? f : join(workspace, f);
    const lim = resolve(policy, 'certificate', f);
    if (lim.ignore) continue;
    let text: string;
    try {
      const st = statSync(full);
      if (st.size > MAX_BYTES) {
        items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: `larger than ${MAX_BYTES / 1024 / 1024} MB: not a certificate file` });
        continue;
      }
      text = readFileSync(full, 'utf8');
    } catch (err) {
      const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error';
      items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: `cannot read the file (${code})` });
      continue;
    }
    const { certs, bad } = pemCertificates(text);
    if (!certs.length) {
      if (bad) items.push({ kind: 'certificate', name: f, status: 'fail', limit: '-', detail: 'holds a CERTIFICATE block that does not parse' });
      continue;
    }
    const chains = groupChains(certs);
    chains.forEach((chain, i) => {
      const name = chains.length > 1 ? `${f}#${i + 1}` : f;
      items.push(chainItem('certificate', name, chain, nowMs, lim));
    });
  }
  return items;
}
