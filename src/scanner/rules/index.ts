/**
 * The built-in default rules, in gitleaks' TOML format, authored from the providers' documented
 * token formats. Rule ids follow gitleaks' where a rule covers the same token, so that
 * .gitleaksignore fingerprints and [extend] disabledRules carry over. One file per family.
 */
import { GLOBAL_TOML } from './global.js';
import { CLOUD_TOML } from './cloud.js';

export const DEFAULT_CONFIG_TOML: string = [
  'title = "pipeline-secrets default rules"\n',
  GLOBAL_TOML,
  CLOUD_TOML,
].join('\n');
