#!/usr/bin/env node
// The architecture check: every import between files of src/ against the map in
// docs/architecture.md (its layer table is the one source of the allowed arrows; this script
// holds no arrows of its own). Fails (exit 1) on:
//   - an import whose arrow the map does not allow, listed as
//     `src/a/x.ts -> src/b/y.ts: <layer a> may not import <layer b>`;
//   - an import cycle between folders of src/ (a folder and its own sub-folders count as one
//     piece; a file directly in src/ counts as a folder of its own);
//   - a file outside the platform layer that imports @actions/* or reads process.env;
//   - a src file no layer claims, a relative import that resolves to no file, a map that is not a DAG.
// Static imports, `import type`, `export ... from` and `import('...')` with a literal all count
// (a type import is an arrow too). Comments and strings are skipped by a small tokenizer, so a
// comment that mentions process.env or a string holding "import x from 'y'" is not an import.
//
//   node scripts/check-architecture.mjs             check src/ against docs/architecture.md
//   node scripts/check-architecture.mjs --report    also print the edge counts per folder pair
//   node scripts/check-architecture.mjs --map F     read the layer table from another markdown file
//   node scripts/check-architecture.mjs --root D    check D/src (default: the repository root)
// Dependency-free (Node 20+).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages only the platform layer may import (a prefix: every @actions package). */
const PLATFORM_PACKAGES = /^@actions\//;
/** The marker in the map file: the first table after it is the layer table. */
const TABLE_MARKER = '<!-- check-architecture: layers -->';
/** The marker naming the platform layer: <!-- check-architecture: platform-only = NAME --> */
const PLATFORM_MARKER = /<!--\s*check-architecture:\s*platform-only\s*=\s*([\w-]+)\s*-->/;

// ---------------------------------------------------------------------------------------------
// arguments

function parseArgv(argv) {
  const o = { report: false, map: undefined, root: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') o.report = true;
    else if (a === '--map' || a === '--root') {
      const v = argv[++i];
      if (!v) usage(`${a} needs a value`);
      o[a.slice(2)] = v;
    } else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return o;
}

function usage(why) {
  const text = 'usage: node scripts/check-architecture.mjs [--report] [--map docs/architecture.md] [--root DIR]';
  if (why) {
    console.error(`check-architecture: ${why}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// the map: a markdown table | layer | files (under src/) | may import |

/**
 * Reads the layer table. Each row: a layer name, its paths under src/ as code spans (a folder
 * ends in `/`; `*` stands for one folder name, and each folder it matches is an instance of the
 * layer: instances do not import one another unless the layer lists itself), and the layers it
 * may import (comma separated; `-` or empty for none). A file belongs to the first row that
 * matches it, so list the specific paths (actions/exec/) above the general ones (actions/*\/).
 */
function readMap(file) {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(TABLE_MARKER);
  if (at < 0) throw new Error(`${file}: no "${TABLE_MARKER}" marker before the layer table`);
  const lines = text.slice(at + TABLE_MARKER.length).split('\n');
  let i = 0;
  while (i < lines.length && !lines[i].trim().startsWith('|')) i++;
  const rows = [];
  for (; i < lines.length && lines[i].trim().startsWith('|'); i++) rows.push(lines[i]);
  if (rows.length < 3) throw new Error(`${file}: the layer table after the marker has no rows`);
  const layers = [];
  for (const row of rows.slice(2)) {
    const cells = row
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.length < 3) throw new Error(`${file}: a layer row needs three cells: ${row.trim()}`);
    const name = cells[0].replace(/[`*]/g, '').trim();
    const paths = [...cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
    if (!name || !paths.length) throw new Error(`${file}: a layer row needs a name and at least one \`path\`: ${row.trim()}`);
    const may = cells[2]
      .replace(/[`*]/g, '')
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter((s) => s && s !== '-' && s !== '—');
    layers.push({ name, paths, may: new Set(may), matchers: paths.map(pathMatcher) });
  }
  const names = new Set(layers.map((l) => l.name));
  for (const l of layers)
    for (const m of l.may) if (!names.has(m)) throw new Error(`${file}: layer ${l.name} may import "${m}", which is no layer of the table`);
  const pm = PLATFORM_MARKER.exec(text);
  const platform = pm ? pm[1] : undefined;
  if (platform && !names.has(platform)) throw new Error(`${file}: the platform-only layer "${platform}" is no layer of the table`);
  return { layers, platform };
}

/** A matcher for one path of the table: returns the instance ('' when the path has no *), or null. */
function pathMatcher(p) {
  const folder = p.endsWith('/');
  const parts = p
    .replace(/\/$/, '')
    .split('/')
    .map((s) => (s === '*' ? '([^/]+)' : s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')));
  const re = new RegExp(`^${parts.join('/')}${folder ? '/' : '$'}`);
  return (file) => {
    const m = re.exec(file);
    return m ? (m[1] ?? '') : null;
  };
}

function layerOf(map, file) {
  for (const l of map.layers) {
    for (const match of l.matchers) {
      const inst = match(file);
      if (inst !== null) return { layer: l, instance: inst };
    }
  }
  return undefined;
}

/** The layer graph must be a DAG (a layer listing itself only lets its instances import each other). */
function mapCycle(map) {
  const byName = new Map(map.layers.map((l) => [l.name, l]));
  const state = new Map();
  const stack = [];
  const visit = (n) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of byName.get(n).may) {
      if (m === n) continue;
      if (state.get(m) === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (!state.get(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const l of map.layers) {
    if (!state.get(l.name)) {
      const c = visit(l.name);
      if (c) return c;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// a tokenizer for TypeScript, just good enough to find imports: it skips comments, and keeps
// strings, template literals (with their ${} expressions) and regex literals as single tokens

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function tokenize(src) {
  const toks = [];
  const braces = []; // for each open { : true when it opened a template's ${
  let i = 0;
  const n = src.length;
  const prevAllowsRegex = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.t === 'id') return REGEX_AFTER_WORD.has(p.v);
    if (p.t === 'p') return !(p.v === ')' || p.v === ']' || p.v === '}');
    return false;
  };
  const readTemplate = () => {
    // at a ` or at the } that closes a ${ : read up to the closing ` or the next ${
    let v = '';
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        v += src.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        i++;
        toks.push({ t: 'tmpl', v });
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        toks.push({ t: 'tmpl', v });
        braces.push(true);
        return;
      } else {
        v += c;
        i++;
      }
    }
    toks.push({ t: 'tmpl', v });
  };
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      let v = '';
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') {
          v += src[i + 1] ?? '';
          i += 2;
        } else v += src[i++];
      }
      i++;
      toks.push({ t: 'str', v });
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '/' && prevAllowsRegex()) {
      // a regex literal: up to an unescaped / outside a [...] class, then its flags
      i++;
      let cls = false;
      while (i < n && src[i] !== '\n') {
        const d = src[i];
        if (d === '\\') i += 2;
        else {
          i++;
          if (d === '[') cls = true;
          else if (d === ']') cls = false;
          else if (d === '/' && !cls) break;
        }
      }
      while (i < n && /[a-z]/i.test(src[i])) i++;
      toks.push({ t: 're', v: '' });
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$\u0080-\uffff]/.test(src[j])) j++;
      toks.push({ t: 'id', v: src.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(src[j])) j++;
      toks.push({ t: 'num', v: src.slice(i, j) });
      i = j;
    } else if (c === '{') {
      braces.push(false);
      toks.push({ t: 'p', v: c });
      i++;
    } else if (c === '}') {
      i++;
      if (braces.pop() === true) readTemplate();
      else toks.push({ t: 'p', v: c });
    } else {
      toks.push({ t: 'p', v: c });
      i++;
    }
  }
  return toks;
}

/**
 * The module specifiers a file names: { spec, kind: 'import' | 'type' | 'export' | 'dynamic' },
 * `nonLiteral` (dynamic imports of a computed name: they cannot be checked), and whether the
 * file reads process.env (process.env, process['env'], or process destructured).
 */
function scanFile(src) {
  const toks = tokenize(src);
  const specs = [];
  let nonLiteral = 0;
  let readsEnv = false;
  const isP = (k, v) => toks[k] && toks[k].t === 'p' && toks[k].v === v;
  const isId = (k, v) => toks[k] && toks[k].t === 'id' && toks[k].v === v;
  /** from k, the string after the next `from` at this statement (before a ; or a new statement) */
  const fromClause = (k) => {
    let depth = 0;
    for (; k < toks.length; k++) {
      const t = toks[k];
      if (t.t === 'p' && (t.v === '{' || t.v === '(')) depth++;
      else if (t.t === 'p' && (t.v === '}' || t.v === ')')) depth--;
      else if (depth === 0 && t.t === 'p' && t.v === ';') return undefined;
      else if (depth === 0 && t.t === 'id' && t.v === 'from' && toks[k + 1]?.t === 'str') return toks[k + 1].v;
      else if (depth === 0 && t.t === 'id' && (t.v === 'import' || t.v === 'export' || t.v === 'const' || t.v === 'function' || t.v === 'class'))
        return undefined;
      if (depth < 0) return undefined;
    }
    return undefined;
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.t !== 'id') continue;
    const member = isP(k - 1, '.') && !isP(k - 2, '.'); // x.import, not ...spread
    if (t.v === 'process') {
      // process.env, globalThis.process.env, process?.env, process['env'], const { env } = process
      if ((isP(k + 1, '.') && isId(k + 2, 'env')) || (isP(k + 1, '?') && isP(k + 2, '.') && isId(k + 3, 'env'))) readsEnv = true;
      else if (isP(k + 1, '[') && toks[k + 2]?.t === 'str' && toks[k + 2].v === 'env') readsEnv = true;
      else if (isP(k - 1, '=') && !isP(k - 2, '=') && !isP(k - 2, '!') && isP(k - 2, '}')) {
        // const { env } = process
        let j = k - 2;
        let depth = 0;
        for (; j >= 0; j--) {
          if (isP(j, '}')) depth++;
          else if (isP(j, '{')) {
            depth--;
            if (depth === 0) break;
          }
        }
        for (let m = j + 1; m < k - 2; m++) if (isId(m, 'env') && !isP(m - 1, ':')) readsEnv = true;
      }
      continue;
    }
    if (member || isP(k + 1, ':')) continue; // obj.import, { import: ... }
    if (t.v === 'import') {
      if (isP(k + 1, '.')) continue; // import.meta
      if (isP(k + 1, '(')) {
        if (toks[k + 2]?.t === 'str' && (isP(k + 3, ')') || isP(k + 3, ','))) specs.push({ spec: toks[k + 2].v, kind: 'dynamic' });
        else nonLiteral++;
        continue;
      }
      if (toks[k + 1]?.t === 'str') {
        specs.push({ spec: toks[k + 1].v, kind: 'import' });
        continue;
      }
      const typeOnly = isId(k + 1, 'type') && !isP(k + 2, ',') && !isId(k + 2, 'from');
      const spec = fromClause(k + 1);
      if (spec !== undefined) specs.push({ spec, kind: typeOnly ? 'type' : 'import' });
      else if (isId(k + 2, '=') || isP(k + 2, '=')) {
        // import x = require('y')
        const r = toks.findIndex((x, j) => j > k && x.t === 'id' && x.v === 'require');
        if (r > k && r < k + 5 && isP(r + 1, '(') && toks[r + 2]?.t === 'str') specs.push({ spec: toks[r + 2].v, kind: 'import' });
      }
    } else if (t.v === 'export') {
      let j = k + 1;
      if (isId(j, 'type') && (isP(j + 1, '{') || isP(j + 1, '*'))) j++;
      if (isP(j, '{') || isP(j, '*')) {
        const spec = fromClause(j);
        if (spec !== undefined) specs.push({ spec, kind: 'export' });
      }
    }
  }
  return { specs, nonLiteral, readsEnv };
}

// ---------------------------------------------------------------------------------------------
// the tree

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** A relative specifier to a file under src/ (posix, relative to src/), or undefined. */
function resolveSpec(srcDir, fromAbs, spec) {
  const base = resolve(dirname(fromAbs), spec);
  const candidates = [];
  if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, (m) => m.replace('js', 'ts')));
  candidates.push(base, `${base}.ts`, join(base, 'index.ts'));
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile()) return relative(srcDir, c).split(sep).join('/');
  }
  return undefined;
}

/** The folder of a file for cycles: its directory under src/; a file directly in src/ is a unit of its own. */
function folderOf(file) {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file;
}

/** True when one folder holds the other (a folder and its sub-folders are one piece for cycles). */
function nested(a, b) {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** The unit of a file for --report: its top folder, plus the instance of a * layer; a root file alone. */
function unitOf(file, where) {
  if (!file.includes('/')) return file;
  const top = file.slice(0, file.indexOf('/'));
  return where?.instance ? `${top}/${where.instance}` : top;
}

/** Strongly connected components (Tarjan) of a graph given as Map<node, Set<node>>. */
function sccs(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const on = new Set();
  const stack = [];
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

// ---------------------------------------------------------------------------------------------

function main() {
  const opts = parseArgv(process.argv.slice(2));
  const root = resolve(opts.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const srcDir = join(root, 'src');
  const mapFile = resolve(opts.map ?? join(root, 'docs', 'architecture.md'));
  let map;
  try {
    map = readMap(mapFile);
  } catch (err) {
    console.error(`check-architecture: ${err.message}`);
    process.exit(2);
  }
  const problems = [];
  const cyc = mapCycle(map);
  if (cyc) problems.push(`the map itself has a cycle: ${cyc.join(' -> ')}`);

  const files = walk(srcDir)
    .map((f) => relative(srcDir, f).split(sep).join('/'))
    .sort();
  const where = new Map();
  for (const f of files) {
    const w = layerOf(map, f);
    if (w) where.set(f, w);
    else problems.push(`src/${f}: no layer of the map claims this file (add its folder to the table)`);
  }

  /** unique (from, to) pairs, with the kinds of import that make them */
  const edges = new Map();
  const platformBreaches = [];
  let nonLiteral = 0;
  for (const f of files) {
    const abs = join(srcDir, f);
    const scan = scanFile(readFileSync(abs, 'utf8'));
    nonLiteral += scan.nonLiteral;
    const w = where.get(f);
    const inPlatform = w && map.platform && w.layer.name === map.platform;
    if (scan.readsEnv && !inPlatform && map.platform)
      platformBreaches.push(`src/${f}: reads process.env; only the ${map.platform} layer may (take the values as arguments)`);
    for (const s of scan.specs) {
      if (s.spec.startsWith('.')) {
        const to = resolveSpec(srcDir, abs, s.spec);
        if (!to || to.startsWith('../')) {
          problems.push(`src/${f}: "${s.spec}" is no file under src/`);
          continue;
        }
        const key = `${f}\0${to}`;
        const e = edges.get(key) ?? { from: f, to, kinds: new Set() };
        e.kinds.add(s.kind);
        edges.set(key, e);
      } else if (PLATFORM_PACKAGES.test(s.spec) && !inPlatform && map.platform) {
        platformBreaches.push(`src/${f}: imports ${s.spec}; only the ${map.platform} layer may`);
      }
    }
  }

  // arrows against the map
  const violations = [];
  const label = (w) => (w.instance ? `${w.layer.name} (${w.instance})` : w.layer.name);
  for (const e of edges.values()) {
    const a = where.get(e.from);
    const b = where.get(e.to);
    if (!a || !b) continue;
    let ok;
    if (a.layer === b.layer) ok = a.instance === b.instance || a.layer.may.has(a.layer.name);
    else ok = a.layer.may.has(b.layer.name);
    e.bad = !ok;
    if (!ok) violations.push(`src/${e.from} -> src/${e.to}: ${label(a)} may not import ${label(b)}`);
  }

  // cycles between folders
  const graph = new Map();
  const folderEdges = new Map();
  for (const e of edges.values()) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (nested(a, b)) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a).add(b);
    const k = `${a}\0${b}`;
    if (!folderEdges.has(k)) folderEdges.set(k, []);
    folderEdges.get(k).push(e);
  }
  const cycles = sccs(graph).map((comp) => {
    const inside = new Set(comp);
    const lines = [];
    for (const a of comp) {
      for (const b of [...(graph.get(a) ?? [])].sort()) {
        if (!inside.has(b)) continue;
        const es = folderEdges.get(`${a}\0${b}`);
        lines.push(
          `    src/${a} -> src/${b}: ${es
            .map((e) => `src/${e.from} -> src/${e.to}`)
            .slice(0, 4)
            .join(', ')}${es.length > 4 ? `, and ${es.length - 4} more` : ''}`,
        );
      }
    }
    return `  src/${comp.join(', src/')} import one another:\n${lines.join('\n')}`;
  });

  if (opts.report) {
    const pairs = new Map();
    for (const e of edges.values()) {
      const a = unitOf(e.from, where.get(e.from));
      const b = unitOf(e.to, where.get(e.to));
      const k = `${a}\0${b}`;
      const p = pairs.get(k) ?? { a, b, n: 0, bad: 0 };
      p.n++;
      if (e.bad) p.bad++;
      pairs.set(k, p);
    }
    const rows = [...pairs.values()].sort((x, y) => x.a.localeCompare(y.a) || y.n - x.n || x.b.localeCompare(y.b));
    const wa = Math.max(4, ...rows.map((r) => r.a.length));
    const wb = Math.max(2, ...rows.map((r) => r.b.length));
    console.log(`edges per folder pair (unique file pairs; map: ${relative(root, mapFile) || mapFile})`);
    console.log(`  ${'from'.padEnd(wa)}  ${'to'.padEnd(wb)}  edges  against the map`);
    for (const r of rows) console.log(`  ${r.a.padEnd(wa)}  ${r.b.padEnd(wb)}  ${String(r.n).padStart(5)}  ${r.bad ? String(r.bad).padStart(5) : ''}`);
    console.log('');
  }

  const out = [];
  if (problems.length) out.push(`map and tree problems (${problems.length}):`, ...problems.map((p) => `  ${p}`));
  if (violations.length) out.push(`imports against the map (${violations.length}):`, ...violations.sort().map((v) => `  ${v}`));
  if (cycles.length) out.push(`import cycles between folders (${cycles.length}):`, ...cycles);
  if (platformBreaches.length)
    out.push(`runner access outside the platform layer (${platformBreaches.length}):`, ...platformBreaches.sort().map((p) => `  ${p}`));
  if (out.length) console.error(out.join('\n'));
  const bad = violations.length + cycles.length + platformBreaches.length + problems.length;
  const note = nonLiteral ? `; ${nonLiteral} dynamic import(s) of a computed name not checked` : '';
  const summary = `${files.length} files, ${edges.size} internal import edges: ${violations.length} against the map, ${cycles.length} folder cycle(s), ${platformBreaches.length} runner access(es) outside the platform layer${problems.length ? `, ${problems.length} other problem(s)` : ''}${note}`;
  if (bad) {
    console.error(`check-architecture: FAILED: ${summary}`);
    process.exit(1);
  }
  console.log(`check-architecture: ok: ${summary}`);
}

main();
