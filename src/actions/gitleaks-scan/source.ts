/**
 * What gitleaks-scan scans and with which rules: the Config's source choice planned against the
 * run's event (src/scanner/range.ts) and made present (fetching commits), and the rules looked up
 * in the scanned root when no config was given.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import type { ScannerOptions } from '../../scanner/engine.js';
import { planScan } from '../../scanner/range.js';
import type { SourceSpec } from '../../scanner/run.js';
import { sourceFor, sourceForLogOpts, type ChosenSource } from '../../scanner/sources/plan.js';
import { repoRoot } from '../../scanner/sources/git-repo.js';
import type { Config } from './config.js';

/** gitleaks' own config names, looked up in the scanned root. */
const CONFIG_NAMES = ['.gitleaks.toml', '.github/.gitleaks.toml', 'gitleaks.toml'];

export async function chooseSource(r: Runner, cfg: Config): Promise<ChosenSource> {
  const dir = cfg.dir;
  const s = cfg.source;
  if (s.kind === 'none') return { source: null, root: dir, target: 'nothing (scan-mode: none)', notes: [] };
  if (s.kind === 'stdin') {
    const stream = r.stdin?.();
    if (!stream) throw new UserError('stdin', 'this runner has no standard input to scan');
    return { source: { kind: 'stdin', stream, name: 'stdin' }, root: dir, target: 'standard input', notes: [] };
  }
  if (s.kind === 'staged') {
    const root = await repoRoot(dir);
    return { source: { kind: 'staged', cwd: root }, root, target: 'the staged changes', notes: [] };
  }
  if (s.kind === 'log') {
    r.info(`scan: git log ${s.logOpts.join(' ')} (log-opts)`);
    return sourceForLogOpts(s.logOpts, dir);
  }
  const ctx = r.context();
  const plan = planScan({ platform: ctx.platform, eventName: ctx.eventName, event: ctx.event, env: (n) => r.env(n), mode: s.mode, base: s.base, head: s.head });
  r.info(
    `scan: ${plan.kind === 'tree' ? 'the files' : plan.kind === 'none' ? 'nothing' : plan.kind === 'history' ? (plan.all ? 'the whole history (every ref)' : `the history of ${plan.head}`) : 'a commit range'} (${plan.why})`,
  );
  return sourceFor(plan, dir);
}

function rules(cfg: Config, root: string): { opts: ScannerOptions; from: string } {
  if (cfg.rules) return { opts: 'configPath' in cfg.rules ? { configPath: cfg.rules.configPath } : { configText: cfg.rules.configText }, from: cfg.rules.from };
  const name = CONFIG_NAMES.find((n) => existsSync(join(root, n)));
  return name ? { opts: { configPath: join(root, name) }, from: name } : { opts: { useDefault: true }, from: 'the built-in rules' };
}

/** The scanner's options: the Config's rules, else a gitleaks config in the scanned root, else the built-in rules. */
export function scannerOptions(cfg: Config, root: string): { opts: ScannerOptions; from: string } {
  const { opts, from } = rules(cfg, root);
  opts.maxDecodeDepth = cfg.maxDecodeDepth;
  if (cfg.enableRules.length) opts.enableRules = cfg.enableRules;
  if (cfg.ignoreGitleaksAllow) opts.ignoreGitleaksAllow = true;
  return { opts, from };
}

/** A scan that saw everything (a tree, a whole history): only then can an ignore entry be called stale. log-opts may pick any part: never complete. */
export function complete(source: SourceSpec | null): boolean {
  return source?.kind === 'tree' || (source?.kind === 'git' && !source.logOpts && !source.revisions.some((x) => x.includes('..')));
}
