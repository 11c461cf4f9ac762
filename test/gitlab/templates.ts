/** The component templates, parsed, and GitLab's CI JSON schema (test/schemas/gitlab-ci.json). */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { componentsDir } from './project.js';
import { repoRoot } from '../runner/node.js';

export interface InputDef {
  type?: string;
  default?: unknown;
  description?: string;
  options?: unknown[];
  regex?: string;
}

export interface Template {
  name: string;
  path: string;
  text: string;
  header: { spec?: { inputs?: Record<string, InputDef> } };
  body: Record<string, unknown>;
}

/** templates/<name>.yml and templates/<name>/template.yml, as GitLab finds them. */
export function templates(): Template[] {
  const dir = join(componentsDir, 'templates');
  const out: Template[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    let path: string;
    let name: string;
    if (entry.isFile() && entry.name.endsWith('.yml')) {
      path = join(dir, entry.name);
      name = entry.name.slice(0, -4);
    } else if (entry.isDirectory() && existsSync(join(dir, entry.name, 'template.yml'))) {
      path = join(dir, entry.name, 'template.yml');
      name = entry.name;
    } else continue;
    const text = readFileSync(path, 'utf8');
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs) || docs.length !== 2) throw new Error(`${name}: expected a spec header and a body separated by ---`);
    const [h, b] = docs;
    for (const d of docs) if (d.errors.length) throw new Error(`${name}: ${d.errors.map((e) => e.message).join('; ')}`);
    out.push({ name, path, text, header: (h?.toJS() ?? {}) as Template['header'], body: (b?.toJS() ?? {}) as Record<string, unknown> });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** A validator for GitLab's CI schema; returns the errors as "path message" lines. */
export function ciSchemaValidator(): (doc: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'schemas', 'gitlab-ci.json'), 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

/** Every `$[[ inputs.x ]]` name a text uses. */
export function usedInputs(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\$\[\[\s*inputs\.([A-Za-z0-9_-]+)[^\]]*\]\]/g)) if (m[1]) out.add(m[1]);
  return out;
}
