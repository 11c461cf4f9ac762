/**
 * gitleaks TOML -> ConfigSpec. Keys are matched case-insensitively, as gitleaks' viper does
 * (secretGroup, secretgroup and SecretGroup are one key); unknown keys are ignored, as there.
 * Every type error names the rule and the field; values never appear in messages.
 */
import { parse as parseToml } from 'smol-toml';
import { isObject, kind, type JsonObject } from '../../core/json.js';
import type { AllowlistSpec, ConfigSpec, RegexTarget, RequiredSpec, RuleSpec } from './types.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function get(o: JsonObject, key: string): unknown {
  if (key in o) return o[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

function optString(o: JsonObject, key: string, where: string): string | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ConfigError(`${where}: field "${key}": expected a string, got ${kind(v)}`);
  return v;
}

function optNumber(o: JsonObject, key: string, where: string, integer: boolean): number | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new ConfigError(`${where}: field "${key}": expected a number, got ${kind(v)}`);
  if (integer && (!Number.isInteger(n) || n < 0)) throw new ConfigError(`${where}: field "${key}": expected a whole number >= 0`);
  return n;
}

function optBool(o: JsonObject, key: string, where: string): boolean | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new ConfigError(`${where}: field "${key}": expected true or false, got ${kind(v)}`);
  return v;
}

function strList(o: JsonObject, key: string, where: string): string[] {
  const v = get(o, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${where}: field "${key}": expected a list of strings, got ${kind(v)}`);
  return v.map((x: unknown, i) => {
    if (typeof x !== 'string') throw new ConfigError(`${where}: field "${key}[${i}]": expected a string, got ${kind(x)}`);
    return x;
  });
}

function tables(o: JsonObject, key: string, where: string): JsonObject[] {
  const v = get(o, key);
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x: unknown, i) => {
    if (!isObject(x)) throw new ConfigError(`${where}: "${key}[${i}]": expected a table, got ${kind(x)}`);
    return x;
  });
}

function allowlist(o: JsonObject, where: string, global: boolean): AllowlistSpec {
  const cond = (optString(o, 'condition', where) ?? '').toUpperCase();
  let condition: 'OR' | 'AND';
  if (cond === 'AND' || cond === '&&') condition = 'AND';
  else if (cond === '' || cond === 'OR' || cond === '||') condition = 'OR';
  else throw new ConfigError(`${where}: field "condition": unknown allowlist condition (expected AND or OR)`);
  const target = optString(o, 'regexTarget', where) ?? 'secret';
  if (!['', 'secret', 'match', 'line'].includes(target)) {
    throw new ConfigError(`${where}: field "regexTarget": unknown target (expected secret, match or line)`);
  }
  const spec: AllowlistSpec = {
    description: optString(o, 'description', where) ?? '',
    condition,
    commits: strList(o, 'commits', where).map((c) => c.trim().toLowerCase()),
    paths: strList(o, 'paths', where),
    regexTarget: (target || 'secret') as RegexTarget,
    regexes: strList(o, 'regexes', where),
    stopwords: strList(o, 'stopwords', where).map((s) => s.toLowerCase()),
    targetRules: global ? strList(o, 'targetRules', where) : [],
    where,
  };
  if (!spec.commits.length && !spec.paths.length && !spec.regexes.length && !spec.stopwords.length) {
    throw new ConfigError(`${where}: must contain at least one check for: commits, paths, regexes, or stopwords`);
  }
  return spec;
}

function allowlists(o: JsonObject, where: string, global: boolean): AllowlistSpec[] {
  const old = tables(o, 'allowlist', where);
  const lists = tables(o, 'allowlists', where);
  const oldName = global ? '[allowlist]' : '[rules.allowlist]';
  const newName = global ? '[[allowlists]]' : '[[rules.allowlists]]';
  if (old.length && lists.length) throw new ConfigError(`${where}: ${oldName} is deprecated, it cannot be used alongside ${newName}`);
  const name = old.length ? (global ? 'allowlist' : 'allowlist') : 'allowlists';
  return [...old, ...lists].map((a, i) => allowlist(a, `${where ? where + ' ' : ''}${name}[${i}]`, global));
}

function required(o: JsonObject, where: string): RequiredSpec[] {
  return tables(o, 'required', where).map((r, i) => {
    const w = `${where} required[${i}]`;
    const id = optString(r, 'id', w) ?? '';
    if (!id.trim()) throw new ConfigError(`${w}: field "id": rule ID is empty`);
    const spec: RequiredSpec = { id };
    const lines = optNumber(r, 'withinLines', w, true);
    const cols = optNumber(r, 'withinColumns', w, true);
    if (lines !== undefined) spec.withinLines = lines;
    if (cols !== undefined) spec.withinColumns = cols;
    return spec;
  });
}

function rule(o: JsonObject, index: number): RuleSpec {
  const rawId = get(o, 'id');
  const id = typeof rawId === 'string' ? rawId : '';
  const where = id ? `rule "${id}"` : `rules[${index}]`;
  if (rawId !== undefined && typeof rawId !== 'string') throw new ConfigError(`${where}: field "id": expected a string, got ${kind(rawId)}`);
  const spec: RuleSpec = {
    id,
    description: optString(o, 'description', where) ?? '',
    secretGroup: optNumber(o, 'secretGroup', where, true) ?? 0,
    entropy: optNumber(o, 'entropy', where, false) ?? 0,
    keywords: strList(o, 'keywords', where).map((k) => k.toLowerCase()),
    tags: strList(o, 'tags', where),
    allowlists: allowlists(o, where, false),
    required: required(o, where),
    skipReport: optBool(o, 'skipReport', where) ?? false,
  };
  const regex = optString(o, 'regex', where);
  const path = optString(o, 'path', where);
  if (regex) spec.regex = regex;
  if (path) spec.path = path;
  return spec;
}

/** Parses one config file's text; `source` names it in errors (a path or "the default config"). */
export function parseConfig(text: string, source: string): ConfigSpec {
  let doc: JsonObject;
  try {
    doc = parseToml(text) as JsonObject;
  } catch (e) {
    const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'unreadable';
    throw new ConfigError(`${source}: not valid TOML: ${msg}`);
  }
  try {
    const ext = get(doc, 'extend');
    if (ext !== undefined && !isObject(ext)) throw new ConfigError(`[extend]: expected a table, got ${kind(ext)}`);
    const e = ext ?? {};
    return {
      title: optString(doc, 'title', 'config') ?? '',
      description: optString(doc, 'description', 'config') ?? '',
      extend: {
        useDefault: optBool(e, 'useDefault', '[extend]') ?? false,
        path: optString(e, 'path', '[extend]') ?? '',
        url: optString(e, 'url', '[extend]') ?? '',
        disabledRules: strList(e, 'disabledRules', '[extend]'),
      },
      rules: tables(doc, 'rules', 'config').map((r, i) => rule(r, i)),
      allowlists: allowlists(doc, '', true),
    };
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`${source}: ${e.message}`);
    throw e;
  }
}
