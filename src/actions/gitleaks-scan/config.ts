/**
 * The gitleaks-scan inputs and the job variables that stand in for them (gitleaks-action's
 * GITLEAKS_* block, GITHUB_TOKEN, BASE_REF), read into one typed Config: the only code of the
 * action that reads an input or a variable. Every bad value is a UserError naming the input (or
 * the variable) it came from. Inputs are read in the order the action always read them, so the
 * first error a run reports is the same.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { parseBool, parseIntIn, parseList } from '../../core/parse.js';
import type { Runner } from '../../platform/runner.js';
import { parseMode, type ScanMode } from '../../scanner/range.js';
import { Baseline } from '../../scanner/ignore.js';
import { logOptions } from '../../scanner/sources/git.js';
import { formatFromPath, parseFormats, type ReportFormat } from '../../scanner/reports/index.js';
import { parseNotify } from '../../scanner/reports/review-comments.js';
import { DEFAULT_LIMITS, type ArchiveLimits } from '../../scanner/archive/walk.js';
import { parseEndpoints, type Provider } from '../../scanner/verify/index.js';

/** gitleaks/gitleaks-action v2/v3 reads these instead of inputs. */
export const GITLEAKS_ACTION_ENV = [
  'GITLEAKS_CONFIG',
  'GITLEAKS_ENABLE_SUMMARY',
  'GITLEAKS_ENABLE_UPLOAD_ARTIFACT',
  'GITLEAKS_ENABLE_COMMENTS',
  'GITLEAKS_NOTIFY_USER_LIST',
  'GITLEAKS_LICENSE',
  'GITLEAKS_VERSION',
] as const;

/** What to scan, as the inputs say; the event decides the rest at run time (planScan). */
export type SourceChoice =
  /** scan-mode: none: no rule scan (injected: true alone) */
  | { kind: 'none' }
  | { kind: 'stdin' }
  | { kind: 'staged' }
  /** the event's commits, a range, the history or the tree */
  | { kind: 'plan'; mode: ScanMode; base: string; head: string }
  /** gitleaks' --log-opts: exactly `git log <these>` (no --all added) */
  | { kind: 'log'; logOpts: string[] };

/** The rules: a config file or gitleaks-action's inline TOML; undefined: look in the scanned root, else the built-in rules. */
export type RulesConfig = { configPath: string; from: string } | { configText: string; from: string };

export interface Config {
  /** the checked-out repository (reports and the baseline are relative to it) */
  workspace: string;
  /** a gitleaks-action env block was found: its defaults apply (comments, summary, artifact on) */
  dropIn: boolean;
  comment: boolean;
  /** comment was asked for explicitly (input): a missing token is an error, not a note */
  commentExplicit: boolean;
  summary: boolean;
  uploadArtifact: boolean;
  notify: string[];
  /** github-token or GITHUB_TOKEN (registered as a secret); '' when neither is set */
  token: string;
  failOnFindings: boolean;
  /** report files redacted (a percentage counts as redacted: SARIF and GitLab stay fully redacted) */
  redact: boolean;
  /** redact: N */
  redactPercent?: number;
  /** the redact input as given, for the warning about unredacted files */
  redactRaw: string;
  /** nothing of a secret is left in the report files: they may be written 0644 */
  filesRedacted: boolean;
  maxTargetMegabytes: number;
  /** max-archive-depth > 0: archives opened */
  archive?: ArchiveLimits;
  writeIgnore: boolean;
  pruneIgnores: boolean;
  /** verify: true: the endpoints and the per-request timeout */
  verify?: { endpoints: Record<Provider, string>; timeoutMs: number };
  failOn: 'any' | 'live';
  uploadSarif: boolean;
  /** report formats: given, else from report-path's suffix, else the runner's */
  formats: ReportFormat[];
  /** report-path (or report); '' when not given, '-' for the log */
  reportPath: string;
  /** the path input, resolved against the workspace (it exists) */
  dir: string;
  /** the path input as given ('.' when empty), for messages */
  pathDisplay: string;
  baseline?: Baseline;
  injected: boolean;
  /** scan-mode: none */
  noRules: boolean;
  source: SourceChoice;
  rules?: RulesConfig;
  maxDecodeDepth: number;
  enableRules: string[];
  ignoreGitleaksAllow: boolean;
}

function envBool(r: Runner, name: string): boolean | undefined {
  const v = r.env(name);
  if (v === undefined || v.trim() === '') return undefined;
  return parseBool(v, name, false);
}

/** An input wins when given; else gitleaks-action's variable; else gitleaks-action's default in a drop-in, ours otherwise. */
function pick(r: Runner, input: string, envName: string, dropIn: boolean, dropInDefault: boolean, ours: boolean): boolean {
  const raw = r.input(input).trim();
  if (raw) return parseBool(raw, input, ours);
  return envBool(r, envName) ?? (dropIn ? dropInDefault : ours);
}

function archiveLimits(r: Runner, maxMb: number): ArchiveLimits | undefined {
  const depth = parseIntIn(r.input('max-archive-depth'), 'max-archive-depth', 0, 0, 16);
  if (!depth) return undefined;
  const entry = maxMb > 0 ? maxMb * 1048576 : DEFAULT_LIMITS.maxEntryBytes * 10;
  return { ...DEFAULT_LIMITS, maxDepth: depth, maxEntryBytes: entry, maxTotalBytes: Math.max(DEFAULT_LIMITS.maxTotalBytes, entry) };
}

function parseFailOn(raw: string, verifying: boolean): 'any' | 'live' {
  const v = raw.trim().toLowerCase() || 'any';
  if (v !== 'any' && v !== 'live') throw new UserError('fail-on', `expected any or live, got "${raw.trim().slice(0, 20)}"`);
  if (v === 'live' && !verifying) throw new UserError('fail-on', 'fail-on: live needs verify: true (only verified findings can be live)');
  return v;
}

/** history, staged, stdin, range (the CLI's choices) and scan-mode, base, head. */
function readSource(r: Runner, base: string): SourceChoice {
  const history = parseBool(r.input('history'), 'history', false);
  const staged = parseBool(r.input('staged'), 'staged', false);
  const stdin = parseBool(r.input('stdin'), 'stdin', false);
  const range = r.input('range').trim();
  if (r.input('scan-mode').trim().toLowerCase() === 'none') return { kind: 'none' };
  if ([history, staged, stdin, range !== ''].filter(Boolean).length > 1) throw new UserError('range', 'choose one of --history, --range, --staged and --stdin');
  let mode = parseMode(r.input('scan-mode'));
  let head = r.input('head');
  if (stdin) return { kind: 'stdin' };
  if (staged) return { kind: 'staged' };
  const logOpts = logOptions(r.input('log-opts'));
  if (logOpts) {
    // gitleaks' --log-opts picks the commits itself: a range or another mode would contradict it
    if (range || base.trim() || r.input('head').trim() || (mode !== 'auto' && mode !== 'history'))
      throw new UserError(
        'log-opts',
        'log-opts picks the commits itself: give it alone (with --history or scan-mode history/auto), without range, base, head or another scan-mode',
      );
    return { kind: 'log', logOpts };
  }
  if (history) mode = 'history';
  if (range) {
    const m = /^(.*?)\.\.(\.?)(.*)$/.exec(range);
    if (!m || !m[1] || m[2]) throw new UserError('range', 'expected A..B (or A.. for A..HEAD)');
    base = m[1];
    head = m[3] || 'HEAD';
    mode = 'diff';
  }
  return { kind: 'plan', mode, base, head };
}

/** config, else GITLEAKS_CONFIG (a path), else GITLEAKS_CONFIG_TOML (the TOML itself). */
function readRules(r: Runner, workspace: string): RulesConfig | undefined {
  const given = r.input('config').trim() || r.env('GITLEAKS_CONFIG') || '';
  if (given) {
    const p = isAbsolute(given) ? given : resolve(workspace, given);
    if (!existsSync(p)) throw new UserError('config', `the config file ${given} does not exist`);
    return { configPath: p, from: given };
  }
  const inline = r.env('GITLEAKS_CONFIG_TOML');
  if (inline) return { configText: inline, from: 'GITLEAKS_CONFIG_TOML' };
  return undefined;
}

export function readConfig(r: Runner): Config {
  const workspace = r.workspace();

  // gitleaks-action's environment (a drop-in keeps its env: block where the runner passes one on)
  const present = GITLEAKS_ACTION_ENV.filter((n) => (r.env(n) ?? '') !== '');
  const dropIn = r.dropInEnv && present.length > 0;
  if (dropIn) r.info(`gitleaks-action environment found (${present.join(', ')}): honoured; inputs win where both are set`);
  if (r.env('GITLEAKS_LICENSE'))
    r.info('GITLEAKS_LICENSE is set but not needed: pipeline-secrets needs no licence key (you can remove it, and fork pull requests work without it)');
  if (r.env('GITLEAKS_VERSION')) r.info('GITLEAKS_VERSION is set but not needed: the scanner is bundled, nothing is downloaded');
  const notifyRaw = r.input('notify').trim() || (r.env('GITLEAKS_NOTIFY_USER_LIST') ?? '').trim();
  const notify = notifyRaw ? parseNotify(notifyRaw) : [];
  if (notifyRaw && !notify.length)
    throw new UserError(
      r.input('notify').trim() ? 'notify' : 'GITLEAKS_NOTIFY_USER_LIST',
      'expected GitHub user names (@octocat) or teams (@org/team), separated by commas',
    );
  const token = r.input('github-token').trim() || (r.env('GITHUB_TOKEN') ?? '').trim();
  if (token) r.secret(token, 'github-token');
  const comment = pick(r, 'comment', 'GITLEAKS_ENABLE_COMMENTS', dropIn, true, false);
  const commentExplicit = r.input('comment').trim() !== '' && parseBool(r.input('comment'), 'comment', false);
  const summary = pick(r, 'summary', 'GITLEAKS_ENABLE_SUMMARY', dropIn, true, true);
  const uploadArtifact = pick(r, 'upload-artifact', 'GITLEAKS_ENABLE_UPLOAD_ARTIFACT', dropIn, true, false);
  const base = r.input('base').trim() || (r.env('BASE_REF') ?? '').trim();

  const failOnFindings = parseBool(r.input('fail-on-findings'), 'fail-on-findings', true);
  const redactRaw = r.input('redact').trim();
  const redactPercent = /^\d+$/.test(redactRaw) ? parseIntIn(redactRaw, 'redact', 100, 0, 100) : undefined;
  // a percentage keeps SARIF and GitLab fully redacted; the files are 0600 unless nothing of a secret remains
  const redact = redactPercent !== undefined ? true : parseBool(redactRaw, 'redact', true);
  const filesRedacted = redactPercent !== undefined ? redactPercent >= 100 : redact;
  const maxTargetMegabytes = parseIntIn(r.input('max-target-megabytes'), 'max-target-megabytes', 10, 0, 100000);
  const archive = archiveLimits(r, maxTargetMegabytes);
  const writeIgnore = parseBool(r.input('write-ignore'), 'write-ignore', false);
  const pruneIgnores = parseBool(r.input('prune-ignores'), 'prune-ignores', false);
  const wantVerify = parseBool(r.input('verify'), 'verify', false);
  const failOn = parseFailOn(r.input('fail-on'), wantVerify);
  const uploadSarif = parseBool(r.input('upload-sarif'), 'upload-sarif', false);

  const formatInput = r.input('report-format').trim() || r.input('format').trim();
  const reportPath = r.input('report-path').trim() || r.input('report').trim();
  let formats = parseFormats(formatInput, r.input('report-format').trim() ? 'report-format' : 'format');
  if (!formats.length) formats = reportPath && reportPath !== '-' ? [formatFromPath(reportPath)] : [...r.reports.formats];

  const dir = resolve(workspace, r.input('path').trim() || '.');
  if (!existsSync(dir)) throw new UserError('path', `${r.input('path').trim()} does not exist`);
  const baselinePath = r.input('baseline').trim();
  const baseline = baselinePath ? Baseline.fromFile(resolve(workspace, baselinePath)) : undefined;
  const injected = parseBool(r.input('injected'), 'injected', false);
  const noRules = r.input('scan-mode').trim().toLowerCase() === 'none';
  if (noRules && !injected) throw new UserError('scan-mode', 'scan-mode: none runs no rule scan: it is for injected: true alone');
  const source = readSource(r, base);

  const rules = readRules(r, workspace);
  const maxDecodeDepth = parseIntIn(r.input('max-decode-depth'), 'max-decode-depth', 5, 0, 16);
  const enableRules = parseList(r.input('enable-rule'));
  const ignoreGitleaksAllow = parseBool(r.input('ignore-gitleaks-allow'), 'ignore-gitleaks-allow', false);
  const verify = wantVerify
    ? { endpoints: parseEndpoints(r.input('verify-endpoints')), timeoutMs: parseIntIn(r.input('verify-timeout'), 'verify-timeout', 10, 1, 300) * 1000 }
    : undefined;

  return {
    workspace,
    dropIn,
    comment,
    commentExplicit,
    summary,
    uploadArtifact,
    notify,
    token,
    failOnFindings,
    redact,
    ...(redactPercent !== undefined ? { redactPercent } : {}),
    redactRaw,
    filesRedacted,
    maxTargetMegabytes,
    ...(archive ? { archive } : {}),
    writeIgnore,
    pruneIgnores,
    ...(verify ? { verify } : {}),
    failOn,
    uploadSarif,
    formats,
    reportPath,
    dir,
    pathDisplay: r.input('path').trim() || '.',
    ...(baseline ? { baseline } : {}),
    injected,
    noRules,
    source,
    ...(rules ? { rules } : {}),
    maxDecodeDepth,
    enableRules,
    ignoreGitleaksAllow,
  };
}
