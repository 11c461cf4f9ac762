/**
 * The built-in default rules, in gitleaks' TOML format, authored from the providers' documented
 * token formats. Rule ids follow gitleaks' where a rule covers the same token, so that
 * .gitleaksignore fingerprints and [extend] disabledRules carry over. One file per family.
 */
import type { RuleDef } from './build.js';
import { AI_RULES, AI_TOML } from './ai.js';
import { CLOUD_RULES, CLOUD_TOML } from './cloud.js';
import { GENERIC_RULES, GENERIC_TOML } from './generic.js';
import { GLOBAL_TOML } from './global.js';
import { KEY_RULES, KEY_TOML } from './keys.js';
import { MESSAGING_RULES, MESSAGING_TOML } from './messaging.js';
import { PAYMENT_RULES, PAYMENT_TOML } from './payment.js';
import { SAAS_RULES, SAAS_TOML } from './saas.js';
import { VCS_RULES, VCS_TOML } from './vcs.js';

export const DEFAULT_CONFIG_TOML: string = [
  'title = "pipeline-secrets default rules"\n',
  GLOBAL_TOML,
  CLOUD_TOML,
  VCS_TOML,
  PAYMENT_TOML,
  MESSAGING_TOML,
  AI_TOML,
  KEY_TOML,
  SAAS_TOML,
  GENERIC_TOML,
].join('\n');

/** The structured definitions behind the TOML (tests synthesise samples from them). */
export const DEFAULT_RULE_DEFS: readonly RuleDef[] = [
  ...CLOUD_RULES, ...VCS_RULES, ...PAYMENT_RULES, ...MESSAGING_RULES, ...AI_RULES, ...KEY_RULES, ...SAAS_RULES, ...GENERIC_RULES,
];
