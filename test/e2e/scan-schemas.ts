/** Validators for the scanner's reports: SARIF 2.1.0 and GitLab secret detection 15.2.1 (schemas under test/schemas). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { repoRoot } from '../runner/node.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

function load(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'schemas', name), 'utf8')) as Record<string, unknown>;
}

function validator(name: string): (doc: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = load(name);
  delete schema['$schema'];
  const validate = ajv.compile(schema);
  return (doc: unknown) => {
    if (validate(doc)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

export const validateSarif = validator('sarif-schema-2.1.0.json');
export const validateGitLab = validator('secret-detection-report-format-15.2.1.json');
