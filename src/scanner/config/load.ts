/**
 * Resolves [extend] the way gitleaks 8.x does: useDefault or path (not both), at most two levels
 * deep, disabledRules dropped from the extended config, rules with the same id merged (the
 * extending config's description, entropy, secretGroup, regex and path win when set; tags,
 * keywords and allowlists are appended), global allowlists appended.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, parseConfig } from './parse.js';
import type { AllowlistSpec, ConfigSpec, RuleSpec } from './types.js';

const MAX_EXTEND_DEPTH = 2;

export interface ResolvedConfig {
  rules: RuleSpec[];
  /** global allowlists (without targetRules) */
  allowlists: AllowlistSpec[];
  /** disabled rule ids that the extended config does not have (gitleaks warns) */
  warnings: string[];
}

export interface LoadInput {
  text: string;
  /** path of the file the text came from, for [extend] path and messages */
  path?: string;
  defaultText: string;
}

function readExtended(path: string, from: string | undefined): { text: string; path: string } {
  const candidates = isAbsolute(path) ? [path] : [...(from ? [resolve(dirname(from), path)] : []), resolve(path)];
  for (const c of candidates) {
    if (existsSync(c)) {
      try {
        return { text: readFileSync(c, 'utf8'), path: c };
      } catch {
        throw new ConfigError(`[extend] path "${path}": cannot be read`);
      }
    }
  }
  throw new ConfigError(`[extend] path "${path}": no such file${from ? ` (looked next to ${from} and in the working directory)` : ''}`);
}

function mergeRule(base: RuleSpec, cur: RuleSpec): RuleSpec {
  const out: RuleSpec = {
    ...base,
    description: cur.description || base.description,
    entropy: cur.entropy || base.entropy,
    secretGroup: cur.secretGroup || base.secretGroup,
    tags: [...base.tags, ...cur.tags],
    keywords: [...base.keywords, ...cur.keywords],
    allowlists: [...base.allowlists, ...cur.allowlists],
    required: [...base.required, ...cur.required],
    skipReport: cur.skipReport || base.skipReport,
  };
  if (cur.regex) out.regex = cur.regex;
  if (cur.path) out.path = cur.path;
  return out;
}

interface Level {
  rules: Map<string, RuleSpec>;
  allowlists: AllowlistSpec[];
  targeted: AllowlistSpec[];
}

function translate(spec: ConfigSpec, input: LoadInput, source: { path?: string; name: string }, depth: number, warnings: string[]): Level {
  const rules = new Map<string, RuleSpec>();
  spec.rules.forEach((r, i) => {
    if (!r.id.trim()) throw new ConfigError(`${source.name}: rules[${i}]: field "id": rule id is missing or empty`);
    rules.set(r.id, r);
  });
  const level: Level = {
    rules,
    allowlists: spec.allowlists.filter((a) => a.targetRules.length === 0),
    targeted: spec.allowlists.filter((a) => a.targetRules.length > 0),
  };
  if (depth >= MAX_EXTEND_DEPTH) return level;
  const ext = spec.extend;
  if (ext.path && ext.useDefault) throw new ConfigError(`${source.name}: [extend]: path and useDefault cannot both be set`);
  if (ext.url) throw new ConfigError(`${source.name}: [extend] url is not supported: download the file and use [extend] path`);
  let base: Level | undefined;
  let baseName = '';
  if (ext.useDefault) {
    baseName = 'the default config';
    base = translate(parseConfig(input.defaultText, baseName), input, { name: baseName }, depth + 1, warnings);
  } else if (ext.path) {
    const file = readExtended(ext.path, source.path);
    baseName = file.path;
    base = translate(parseConfig(file.text, file.path), input, { path: file.path, name: file.path }, depth + 1, warnings);
  }
  if (!base) return level;
  const disabled = new Set(ext.disabledRules);
  for (const id of disabled) if (!base.rules.has(id)) warnings.push(`[extend] disabledRules: rule "${id}" is not in ${baseName}`);
  for (const [id, baseRule] of base.rules) {
    if (disabled.has(id)) continue;
    const cur = rules.get(id);
    rules.set(id, cur ? mergeRule(baseRule, cur) : baseRule);
  }
  level.allowlists.push(...base.allowlists);
  level.targeted.push(...base.targeted);
  return level;
}

/** Loads a config with its extends; throws ConfigError naming the file, rule and field. */
export function loadConfig(input: LoadInput): ResolvedConfig {
  const warnings: string[] = [];
  const name = input.path ?? 'config';
  const top = translate(parseConfig(input.text, name), input, { ...(input.path ? { path: input.path } : {}), name }, 0, warnings);
  for (const a of top.targeted) {
    for (const id of a.targetRules) {
      const r = top.rules.get(id);
      if (!r) throw new ConfigError(`${name}: ${a.where || '[[allowlists]]'}: field "targetRules": rule "${id}" does not exist`);
      top.rules.set(id, { ...r, allowlists: [...r.allowlists, a] });
    }
  }
  const rules = [...top.rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of rules) {
    if (!r.regex && !r.path) throw new ConfigError(`${name}: rule "${r.id}": both "regex" and "path" are empty, this rule would have no effect`);
    for (const q of r.required) {
      if (!top.rules.has(q.id)) throw new ConfigError(`${name}: rule "${r.id}": required rule "${q.id}" does not exist`);
    }
  }
  return { rules, allowlists: top.allowlists, warnings };
}
