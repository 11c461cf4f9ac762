/** RuleSpec -> CompiledRule: RE2 regexes translated, secretGroup checked, allowlists compiled. */
import { compileRe2, Re2Error, type Translated } from '../../kernels/re2.js';
import { compileAllowlist, type CompiledAllowlist } from './allowlist.js';
import { ConfigError } from './parse.js';
import type { AllowlistSpec, RequiredSpec, RuleSpec } from './types.js';

export interface CompiledRule {
  id: string;
  description: string;
  /** global flag set; null for a path-only rule */
  re: RegExp | null;
  path: RegExp | null;
  secretGroup: number;
  entropy: number;
  keywords: readonly string[];
  tags: readonly string[];
  allowlists: readonly CompiledAllowlist[];
  required: readonly RequiredSpec[];
  skipReport: boolean;
  spansLines: boolean;
  /** set when the rule cannot run safely (it is skipped and reported) */
  disabledReason: string;
}

function regex(pattern: string, where: string, field: string, extra: string): { re: RegExp; info: Translated } {
  try {
    return compileRe2(pattern, extra);
  } catch (e) {
    if (e instanceof Re2Error) throw new ConfigError(`${where}: field "${field}": ${e.message}`);
    throw e;
  }
}

export function compileRule(r: RuleSpec, source: string): CompiledRule {
  const where = `${source}: rule "${r.id}"`;
  const main = r.regex ? regex(r.regex, where, 'regex', 'g') : null;
  const path = r.path ? regex(r.path, where, 'path', '').re : null;
  if (main && r.secretGroup > main.info.groups) {
    throw new ConfigError(`${where}: field "secretGroup": group ${r.secretGroup} does not exist, the regex has ${main.info.groups} capture group(s)`);
  }
  const allowlists = r.allowlists.map((a) => compileAllowlist(a, where));
  return {
    id: r.id,
    description: r.description,
    re: main ? main.re : null,
    path,
    secretGroup: r.secretGroup,
    entropy: r.entropy,
    keywords: [...new Set(r.keywords.map((k) => k.toLowerCase()))],
    tags: r.tags,
    allowlists,
    required: r.required,
    skipReport: r.skipReport,
    spansLines: main ? main.info.spansLines : false,
    disabledReason: main?.info.catastrophic
      ? `rule "${r.id}" not run: its regex nests unbounded repetition (like (a+)+), which can take exponential time in JavaScript; rewrite it`
      : '',
  };
}

export function compileGlobalAllowlists(lists: readonly AllowlistSpec[], source: string): CompiledAllowlist[] {
  return lists.map((a) => compileAllowlist(a, source));
}
