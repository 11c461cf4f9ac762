/**
 * The rotation policy: defaults from the inputs (max-age, warn-before, fail-before) and an
 * optional YAML or JSON file of rules mapping names (Vault paths, certificate files,
 * host:port endpoints, IAM user/key ids) to their own limits. The first matching rule wins.
 * The file is validated from `unknown`; every error names the field, e.g.
 * `rules[2].max-age: expected a duration such as 90d`.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import { parseDuration } from '../core/parse.js';
import { isObject, kind as typeOf } from '../core/json.js';
import { globToRegExp } from './glob.js';
import type { Kind } from './item.js';
import { DAY } from './item.js';

export interface Limits {
  maxAgeSec: number;
  warnBeforeSec: number;
  failBeforeSec: number;
  /** older KV versions still readable this long after being superseded are flagged */
  oldVersionGraceSec: number;
  /** access keys never used this long after creation are flagged */
  unusedGraceSec: number;
}

export interface Rule {
  match: string;
  re: RegExp;
  kind?: Kind;
  limits: Partial<Limits>;
  ignore: boolean;
}

export interface Policy {
  defaults: Limits;
  rules: Rule[];
}

export interface ResolvedLimits extends Limits {
  ignore: boolean;
  /** the rule that applied ("defaults" when none) */
  source: string;
}

export const KINDS: readonly Kind[] = ['vault-kv', 'vault-token', 'vault-lease', 'vault-pki', 'certificate', 'endpoint', 'aws-key'];

const LIMIT_FIELDS: Record<string, keyof Limits> = {
  'max-age': 'maxAgeSec',
  'warn-before': 'warnBeforeSec',
  'fail-before': 'failBeforeSec',
  'old-version-grace': 'oldVersionGraceSec',
  'unused-grace': 'unusedGraceSec',
};

export const DEFAULT_LIMITS: Limits = {
  maxAgeSec: 90 * DAY,
  warnBeforeSec: 30 * DAY,
  failBeforeSec: 14 * DAY,
  oldVersionGraceSec: 7 * DAY,
  unusedGraceSec: 7 * DAY,
};

function duration(v: unknown, field: string): number {
  const fail = () => new PolicyFieldError(field, `expected a duration such as 90d, got ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeOf(v)}`);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v !== 'string') throw fail();
  try {
    return parseDuration(v, field);
  } catch {
    throw fail();
  }
}

class PolicyFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

function limitsFrom(v: unknown, field: string, allowed: readonly string[]): Partial<Limits> {
  if (!isObject(v)) throw new PolicyFieldError(field, `expected a mapping, got ${typeOf(v)}`);
  const out: Partial<Limits> = {};
  for (const [k, val] of Object.entries(v)) {
    const key = LIMIT_FIELDS[k];
    if (key) out[key] = duration(val, `${field}.${k}`);
    else if (!allowed.includes(k)) {
      throw new PolicyFieldError(`${field}.${k}`, `unknown field; expected one of ${[...Object.keys(LIMIT_FIELDS), ...allowed].join(', ')}`);
    }
  }
  return out;
}

/** Validates a parsed policy document (from YAML or JSON). */
export function policyFromDocument(doc: unknown, base: Limits): Policy {
  if (!isObject(doc)) throw new PolicyFieldError('(top level)', `expected a mapping with "defaults" and/or "rules", got ${typeOf(doc)}`);
  for (const k of Object.keys(doc)) if (k !== 'defaults' && k !== 'rules') throw new PolicyFieldError(k, 'unknown field; expected "defaults" or "rules"');
  const defaults: Limits = { ...base, ...(doc['defaults'] === undefined ? {} : limitsFrom(doc['defaults'], 'defaults', [])) };
  const rawRules = doc['rules'] ?? [];
  if (!Array.isArray(rawRules)) throw new PolicyFieldError('rules', `expected a list, got ${typeOf(rawRules)}`);
  const rules = rawRules.map((r: unknown, i): Rule => {
    const f = `rules[${i}]`;
    const limits = limitsFrom(r, f, ['match', 'kind', 'ignore']);
    const o = r as Record<string, unknown>;
    const match = o['match'];
    if (typeof match !== 'string' || !match.trim()) throw new PolicyFieldError(`${f}.match`, `expected a glob such as "secret/ci/**", got ${typeOf(match)}`);
    const k = o['kind'];
    if (k !== undefined && !KINDS.includes(k as Kind)) throw new PolicyFieldError(`${f}.kind`, `expected one of ${KINDS.join(', ')}`);
    const ignore = o['ignore'];
    if (ignore !== undefined && typeof ignore !== 'boolean') throw new PolicyFieldError(`${f}.ignore`, `expected true or false, got ${typeOf(ignore)}`);
    return { match: match.trim(), re: globToRegExp(match.trim()), ...(k === undefined ? {} : { kind: k as Kind }), limits, ignore: ignore === true };
  });
  checkOrder(defaults, 'defaults');
  return { defaults, rules };
}

function checkOrder(l: Limits, field: string): void {
  if (l.failBeforeSec > l.warnBeforeSec) throw new PolicyFieldError(`${field}.fail-before`, 'must not be longer than warn-before');
}

/** Reads and validates the policy file; errors name the file and the field. */
export function loadPolicyFile(path: string, workspace: string, base: Limits, input = 'policy'): Policy {
  const full = isAbsolute(path) ? path : join(workspace, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'error';
    throw new UserError(input, `cannot read the policy file ${path} (${code})`);
  }
  let doc: unknown;
  try {
    doc = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : '';
    throw new UserError(input, `the policy file ${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${first.slice(0, 200)}`);
  }
  try {
    return policyFromDocument(doc, base);
  } catch (err) {
    if (err instanceof PolicyFieldError) throw new UserError(input, `${path}: ${err.message}`);
    throw err;
  }
}

export interface PolicyInputs {
  maxAge: string;
  warnBefore: string;
  failBefore: string;
}

/** Defaults from the inputs; each bad value names its input. */
export function limitsFromInputs(i: PolicyInputs): Limits {
  const l: Limits = { ...DEFAULT_LIMITS };
  if (i.maxAge.trim()) l.maxAgeSec = parseDuration(i.maxAge, 'max-age');
  if (i.warnBefore.trim()) l.warnBeforeSec = parseDuration(i.warnBefore, 'warn-before');
  if (i.failBefore.trim()) l.failBeforeSec = parseDuration(i.failBefore, 'fail-before');
  if (l.maxAgeSec <= 0) throw new UserError('max-age', 'must be longer than 0');
  if (l.failBeforeSec > l.warnBeforeSec) throw new UserError('fail-before', `must not be longer than warn-before`);
  return l;
}

/** The limits for one item: the first rule whose glob (and kind, if given) matches. */
export function resolve(policy: Policy, kind: Kind, name: string): ResolvedLimits {
  for (const r of policy.rules) {
    if (r.kind && r.kind !== kind) continue;
    if (!r.re.test(name)) continue;
    return { ...policy.defaults, ...r.limits, ignore: r.ignore, source: r.match };
  }
  return { ...policy.defaults, ignore: false, source: 'defaults' };
}
