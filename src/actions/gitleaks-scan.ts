/**
 * gitleaks-scan: scan the event's commits (or the history, a tree, staged changes, stdin) with
 * gitleaks-format rules; annotate, summarise, write reports, fail the step on findings.
 * Glue only: the scan lives in src/scanner.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { parseBool, parseIntIn, parseList } from '../core/parse.js';
import type { Action, Runner } from '../platform/runner.js';
import { StepFailed } from '../core/errors.js';
import type { ActionSpec } from './spec.js';
import { createScanner, type ScannerOptions } from '../scanner/engine.js';
import { parseMode, planScan, type ScanMode } from '../scanner/range.js';
import { printable, runScan, TOOL_NAME, TOOL_URI, TOOL_VERSION, type SourceSpec } from '../scanner/run.js';
import { sourceFor, type ChosenSource } from '../scanner/sources/plan.js';
import { repoRoot } from '../scanner/sources/git-repo.js';
import { Baseline, IgnoreList } from '../scanner/ignore.js';
import { formatFromPath, parseFormats, render, reportTargets, writeReport, type ReportFormat } from '../scanner/reports/index.js';
import type { ReportContext } from '../scanner/reports/context.js';
import { ScanRedactor } from '../scanner/reports/redaction.js';
import { findingAnnotations } from '../scanner/reports/annotations.js';
import { summaryMarkdown } from '../scanner/reports/summary.js';
import { textLine } from '../scanner/reports/text.js';
import type { Finding } from '../scanner/types.js';
import { DEFAULT_LIMITS, type ArchiveLimits } from '../scanner/archive/walk.js';
import { artifact, comment, sendToCodeScanning, settings, verify, type Settings } from './gitleaks-scan-extras.js';
import { injectedLine, injectedSearch } from './gitleaks-scan/injected.js';

export const gitleaksScanSpec: ActionSpec = {
  name: 'gitleaks-scan',
  summary: 'scan commits, history or files for leaked secrets with gitleaks-format rules; fail on findings',
  positional: 'path',
  inputs: [
    { name: 'config', description: 'gitleaks TOML config; default: .gitleaks.toml, .github/.gitleaks.toml or gitleaks.toml in the repository, else the built-in rules', default: '' },
    { name: 'scan-mode', description: 'auto (the event\'s commits; the whole history on schedule/workflow_dispatch; files when local), diff, history, tree, or none (no rule scan: injected: true alone)', default: 'auto' },
    { name: 'base', description: 'scan the commits base..head instead of the event\'s range', default: '' },
    { name: 'head', description: 'the last commit to scan (default: the event\'s head, else HEAD)', default: '' },
    { name: 'path', description: 'the directory to scan (tree mode) or the repository (git modes), relative to the workspace; also where injected: true searches (.git skipped)', default: '.' },
    { name: 'baseline', description: 'a previous gitleaks JSON report: findings already in it do not fail the step', default: '' },
    { name: 'fail-on-findings', description: 'fail the step when there are findings', default: 'true' },
    { name: 'report-format', description: 'json, sarif, gitlab, csv, junit, text (several: comma separated). Default: sarif and json on GitHub, gitlab on GitLab, text to stdout locally', default: '' },
    { name: 'report-path', description: 'where to write the report (several formats: each gets its own suffix); default: the runner temp dir on GitHub, the project dir on GitLab, stdout locally', default: '' },
    { name: 'redact', description: 'redact secrets in report files: true, false, or a percentage N as gitleaks --redact=N (N percent of each secret hidden in the JSON, CSV and JUnit reports; SARIF and GitLab stay fully redacted). Logs, annotations and the summary are always redacted', default: 'true' },
    { name: 'comment', description: 'post a review comment on each finding\'s line of the pull request (needs pull-requests: write; fork PRs fall back to annotations). Unset: GITLEAKS_ENABLE_COMMENTS, else false', default: 'false' },
    { name: 'notify', description: 'GitHub users or teams (@octocat,@org/team) mentioned in the review comments (GITLEAKS_NOTIFY_USER_LIST)', default: '' },
    { name: 'summary', description: 'write the job summary. Unset: GITLEAKS_ENABLE_SUMMARY, else true', default: 'true' },
    { name: 'upload-artifact', description: 'upload the redacted SARIF as the workflow artifact gitleaks-results.sarif on GitHub (outputs artifact-id, artifact-url) and write it to a file (output artifact-path). Unset: GITLEAKS_ENABLE_UPLOAD_ARTIFACT, else false', default: 'false' },
    { name: 'upload-sarif', description: 'send the SARIF to GitHub code scanning (needs security-events: write; skipped with a note where not permitted)', default: 'false' },
    { name: 'github-token', description: 'token for pull request comments and upload-sarif (default: GITHUB_TOKEN from the environment)', default: '' },
    { name: 'max-target-megabytes', description: 'skip files (and single-commit file changes) larger than this many MB; 0: no limit', default: '10' },
    { name: 'max-decode-depth', description: 'decode base64, hex and percent-encoded segments this many times and scan what they hide (gitleaks\' default 5; 0 turns decoding off)', default: '5' },
    { name: 'enable-rule', description: 'scan with only these rule ids (comma or newline separated), like gitleaks --enable-rule', default: '' },
    { name: 'ignore-gitleaks-allow', description: 'report findings on lines marked gitleaks:allow too, like gitleaks --ignore-gitleaks-allow', default: 'false' },
    { name: 'max-archive-depth', description: 'open zip, tar, tar.gz/tgz and gz files (in trees and commits) this many levels deep; 0: archives are binary files (gitleaks\' default)', default: '0' },
    { name: 'write-ignore', description: 'append a content-keyed .gitleaksignore entry (file:rule:hash, survives rebases) for each current finding; they then count as ignored', default: 'false' },
    { name: 'prune-ignores', description: 'remove .gitleaksignore entries that match nothing any more (needs a whole-history or tree scan)', default: 'false' },
    { name: 'verify', description: 'check findings of GitHub, GitLab, AWS, Slack, Stripe and OpenAI keys against the provider\'s identity endpoint: live, revoked or unknown', default: 'false' },
    { name: 'verify-endpoints', description: 'base URL overrides for verify: github=https://HOST/api/v3,gitlab=https://HOST,aws=…,slack=…,stripe=…,openai=…', default: '' },
    { name: 'verify-timeout', description: 'seconds per verification request', default: '10' },
    { name: 'injected', description: 'also search path (.git skipped, archives opened) for the values fetch-secrets, vault-login and oidc-assume-role injected earlier in this job (the leak guard); findings name the file, line and secret, never the value, and fail the step even with fail-on: live', default: 'false' },
    { name: 'fail-on', description: 'any: every finding fails the step; live: only findings verified live (needs verify: true)', default: 'any' },
    { name: 'history', description: 'CLI: scan the whole git history (same as scan-mode history)', default: 'false' },
    { name: 'range', description: 'CLI: scan the commits of a git range A..B', default: '' },
    { name: 'staged', description: 'CLI: scan the staged changes (a pre-commit hook)', default: 'false' },
    { name: 'stdin', description: 'CLI: scan standard input', default: 'false' },
    { name: 'report', description: 'CLI: same as report-path', default: '' },
    { name: 'format', description: 'CLI: same as report-format', default: '' },
  ],
};

const CONFIG_NAMES = ['.gitleaks.toml', '.github/.gitleaks.toml', 'gitleaks.toml'];

interface Choice {
  chosen: ChosenSource;
  mode: ScanMode;
}

async function chooseSource(r: Runner, dir: string, s: Settings): Promise<Choice> {
  const history = parseBool(r.input('history'), 'history', false);
  const staged = parseBool(r.input('staged'), 'staged', false);
  const stdin = parseBool(r.input('stdin'), 'stdin', false);
  const range = r.input('range').trim();
  if (r.input('scan-mode').trim().toLowerCase() === 'none') return { mode: 'auto', chosen: { source: null, root: dir, target: 'nothing (scan-mode: none)', notes: [] } };
  if ([history, staged, stdin, range !== ''].filter(Boolean).length > 1) throw new UserError('range', 'choose one of --history, --range, --staged and --stdin');
  let mode = parseMode(r.input('scan-mode'));
  let base = s.base;
  let head = r.input('head');
  if (stdin) return { mode, chosen: { source: { kind: 'stdin', stream: process.stdin, name: 'stdin' }, root: dir, target: 'standard input', notes: [] } };
  if (staged) {
    const root = await repoRoot(dir);
    return { mode, chosen: { source: { kind: 'staged', cwd: root }, root, target: 'the staged changes', notes: [] } };
  }
  if (history) mode = 'history';
  if (range) {
    const m = /^(.*?)\.\.(\.?)(.*)$/.exec(range);
    if (!m || !m[1] || m[2]) throw new UserError('range', 'expected A..B (or A.. for A..HEAD)');
    base = m[1];
    head = m[3] || 'HEAD';
    mode = 'diff';
  }
  const ctx = r.context();
  const plan = planScan({ platform: r.platform, eventName: ctx.eventName, event: ctx.event, env: (n) => r.env(n), mode, base, head });
  r.info(`scan: ${plan.kind === 'tree' ? 'the files' : plan.kind === 'none' ? 'nothing' : plan.kind === 'history' ? 'the whole history' : 'a commit range'} (${plan.why})`);
  return { mode, chosen: await sourceFor(plan, dir) };
}

function scannerOptions(r: Runner, root: string, workspace: string): { opts: ScannerOptions; from: string } {
  const given = r.input('config').trim() || r.env('GITLEAKS_CONFIG') || '';
  if (given) {
    const p = isAbsolute(given) ? given : resolve(workspace, given);
    if (!existsSync(p)) throw new UserError('config', `the config file ${given} does not exist`);
    return { opts: { configPath: p }, from: given };
  }
  const inline = r.env('GITLEAKS_CONFIG_TOML');
  if (inline) return { opts: { configText: inline }, from: 'GITLEAKS_CONFIG_TOML' };
  for (const name of CONFIG_NAMES) if (existsSync(join(root, name))) return { opts: { configPath: join(root, name) }, from: name };
  return { opts: { useDefault: true }, from: 'the built-in rules' };
}

function defaultFormats(r: Runner): ReportFormat[] {
  if (r.platform === 'github') return ['sarif', 'json'];
  if (r.platform === 'gitlab') return ['gitlab'];
  return ['text'];
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

/** A scan that saw everything (a tree, a whole history): only then can an ignore entry be called stale. */
function complete(source: SourceSpec | null): boolean {
  return source?.kind === 'tree' || (source?.kind === 'git' && !source.revisions.some((x) => x.includes('..')));
}

export const gitleaksScan: Action = {
  name: 'gitleaks-scan',
  async main(r: Runner) {
    const started = new Date();
    const workspace = r.workspace();
    const set = settings(r);
    const failOnFindings = parseBool(r.input('fail-on-findings'), 'fail-on-findings', true);
    const redactRaw = r.input('redact').trim();
    const redactPct = /^\d+$/.test(redactRaw) ? parseIntIn(redactRaw, 'redact', 100, 0, 100) : undefined;
    // a percentage keeps SARIF and GitLab fully redacted; the files are 0600 unless nothing of a secret remains
    const redact = redactPct !== undefined ? true : parseBool(redactRaw, 'redact', true);
    const filesRedacted = redactPct !== undefined ? redactPct >= 100 : redact;
    const maxMb = parseIntIn(r.input('max-target-megabytes'), 'max-target-megabytes', 10, 0, 100000);
    const archive = archiveLimits(r, maxMb);
    const writeIgnore = parseBool(r.input('write-ignore'), 'write-ignore', false);
    const pruneIgnores = parseBool(r.input('prune-ignores'), 'prune-ignores', false);
    const wantVerify = parseBool(r.input('verify'), 'verify', false);
    const failOn = parseFailOn(r.input('fail-on'), wantVerify);
    const uploadToCodeScanning = parseBool(r.input('upload-sarif'), 'upload-sarif', false);
    const formatInput = r.input('report-format').trim() || r.input('format').trim();
    const pathInput = r.input('report-path').trim() || r.input('report').trim();
    let formats = parseFormats(formatInput, r.input('report-format').trim() ? 'report-format' : 'format');
    if (!formats.length) formats = pathInput && pathInput !== '-' ? [formatFromPath(pathInput)] : defaultFormats(r);
    const dir = resolve(workspace, r.input('path').trim() || '.');
    if (!existsSync(dir)) throw new UserError('path', `${r.input('path').trim()} does not exist`);
    const baselinePath = r.input('baseline').trim();
    const baseline = baselinePath ? Baseline.fromFile(resolve(workspace, baselinePath)) : undefined;
    const wantInjected = parseBool(r.input('injected'), 'injected', false);
    const noRules = r.input('scan-mode').trim().toLowerCase() === 'none';
    if (noRules && !wantInjected) throw new UserError('scan-mode', 'scan-mode: none runs no rule scan: it is for injected: true alone');

    const { chosen } = await chooseSource(r, dir, set);
    if (pruneIgnores && !complete(chosen.source)) throw new UserError('prune-ignores', 'needs a scan of the whole history or a tree (a commit range cannot tell a stale entry from one for commits outside it)');
    for (const note of chosen.notes) r.info(note);
    const { opts, from } = scannerOptions(r, chosen.root, workspace);
    opts.maxDecodeDepth = parseIntIn(r.input('max-decode-depth'), 'max-decode-depth', 5, 0, 16);
    const enableRules = parseList(r.input('enable-rule'));
    if (enableRules.length) opts.enableRules = enableRules;
    if (parseBool(r.input('ignore-gitleaks-allow'), 'ignore-gitleaks-allow', false)) opts.ignoreGitleaksAllow = true;
    const scanner = noRules ? { ruleCount: 0 } : await createScanner(opts);
    if (!noRules) r.info(`rules: ${scanner.ruleCount} from ${from}`);
    const ignore = IgnoreList.fromFile(join(chosen.root, '.gitleaksignore'));
    if (ignore.size) r.info(`.gitleaksignore: ${ignore.size} entr${ignore.size === 1 ? 'y' : 'ies'}`);
    if (baseline) r.info(`baseline: ${baseline.size} known finding${baseline.size === 1 ? '' : 's'}`);
    if (archive) r.info(`archives: opened ${archive.maxDepth} level${archive.maxDepth === 1 ? '' : 's'} deep`);

    const source: SourceSpec | null = chosen.source;
    const result = source && 'scan' in scanner
      ? await runScan({ scanner, source, maxBytes: maxMb * 1024 * 1024, ignore, ...(archive ? { archive } : {}), ...(baseline ? { baseline } : {}) })
      : { findings: [], suppressed: [], ignored: 0, baselined: 0, skipped: [], stats: { files: 0, bytes: 0, commits: 0 }, seconds: 0 };
    const { stats } = result;
    let findings = result.findings;
    let ignored = result.ignored;
    r.info(`scanned ${chosen.target}: ${stats.commits ? `${stats.commits} commits, ` : ''}${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MB in ${result.seconds.toFixed(2)} s`);
    if (result.skipped.length) {
      r.info(`skipped ${result.skipped.length}:`);
      for (const s of result.skipped.slice(0, 20)) r.info(`  ${printable(s.path)}: ${printable(s.reason)}`);
      if (result.skipped.length > 20) r.info(`  ...and ${result.skipped.length - 20} more (listed in the summary)`);
    }
    const notes = [...chosen.notes];

    // .gitleaksignore upkeep
    if (writeIgnore && findings.length) {
      const added = ignore.append(findings, `added by pipeline-secrets --write-ignore on ${started.toISOString().slice(0, 10)}: review, then commit`);
      r.info(`write-ignore: ${added.length} entr${added.length === 1 ? 'y' : 'ies'} appended to ${printable(ignore.path)}; these ${findings.length} finding${findings.length === 1 ? '' : 's'} now count as ignored`);
      notes.push(`write-ignore: ${added.length} content-keyed entr${added.length === 1 ? 'y' : 'ies'} appended to .gitleaksignore`);
      ignored += findings.length;
      findings = [];
    }
    let stale: string[] = [];
    if (complete(source) && ignore.size) {
      stale = pruneIgnores ? ignore.prune() : ignore.unused();
      if (stale.length) {
        r.info(`.gitleaksignore: ${stale.length} entr${stale.length === 1 ? 'y matches' : 'ies match'} nothing any more${pruneIgnores ? ': removed (prune-ignores)' : ' (remove them with prune-ignores)'}:`);
        for (const e of stale.slice(0, 50)) r.info(`  ${printable(e)}`);
        notes.push(`${stale.length} stale .gitleaksignore entr${stale.length === 1 ? 'y' : 'ies'}${pruneIgnores ? ' removed' : ' (prune-ignores removes them)'}: ${stale.slice(0, 20).join(', ')}${stale.length > 20 ? ', …' : ''}`);
      }
    }

    const verification = wantVerify && findings.length ? await verify(r, findings, result.findings) : undefined;
    if (verification) notes.push(...verification.notes);
    // the leak guard: its findings join the rule findings in every report; they always fail the step
    const injected = wantInjected ? await injectedSearch(r, dir, workspace, archive?.maxDepth ?? 4) : undefined;
    if (injected) {
      findings = [...findings, ...injected.findings];
      notes.push(...injected.notes);
    }
    const skipped = injected ? [...result.skipped, ...injected.skipped] : result.skipped;
    const target = injected ? `${noRules ? '' : `${chosen.target} and `}the files under ${r.input('path').trim() || '.'} (injected secrets)` : chosen.target;

    // one redactor for every report, log line, annotation and comment: every secret this scan found
    // (ignored, baselined and write-ignore'd findings too: another finding's commit message can name them)
    const redactor = ScanRedactor.fromFindings([...result.findings, ...result.suppressed, ...(injected?.findings ?? [])]);
    const ctx: ReportContext = {
      toolName: TOOL_NAME, toolVersion: TOOL_VERSION, informationUri: TOOL_URI, started, finished: new Date(),
      serverUrl: r.context().serverUrl, repository: r.context().repository, redact, ...(redactPct !== undefined ? { redactPercent: redactPct } : {}), target, skipped,
      ...(verification ? { verified: verification.statuses } : {}), redactor,
    };
    const written: { format: ReportFormat; path: string }[] = [];
    let toStdout = false;
    const defaultDir = r.platform === 'github' ? r.tempDir() : workspace;
    const logCtx: ReportContext = { ...ctx, redact: true };
    delete logCtx.redactPercent;
    for (const t of reportTargets(formats, pathInput)) {
      if (t.path === '-' || (!pathInput && r.platform === 'local')) {
        // a report to a CI job's log is a log: always fully redacted, whatever redact says
        if (r.platform === 'local') process.stdout.write(render(t.format, findings, ctx));
        else for (const line of render(t.format, findings, logCtx).split('\n')) if (line) r.info(printable(line));
        toStdout = true;
        continue;
      }
      const content = render(t.format, findings, ctx);
      const abs = isAbsolute(t.path) ? t.path : resolve(pathInput ? workspace : defaultDir, t.path);
      await writeReport(abs, content, filesRedacted);
      written.push({ format: t.format, path: abs });
      r.info(`${t.format} report: ${abs}`);
    }
    if (!filesRedacted && written.length) r.warning(`redact is ${redactRaw}: the report files hold ${redactPct !== undefined ? 'part of each secret' : 'the secrets in full'} (written 0600); do not upload them as artifacts`);
    // the artifact and code scanning always get a redacted SARIF
    const sarifFor = (): string => render('sarif', findings, { ...ctx, redact: true });
    if (set.uploadArtifact) notes.push(...(await artifact(r, sarifFor())));
    if (uploadToCodeScanning) notes.push(...(await sendToCodeScanning(r, set, sarifFor())));

    if (findings.length) {
      if (!toStdout || r.platform !== 'local') {
        for (const f of findings.slice(0, 1000)) {
          const v = verification?.statuses.get(f);
          r.info(printable(`${injectedLine(f) ?? textLine(f, true, redactor)}${v ? ` [${v}]` : ''}`));
        }
      }
      if (r.platform !== 'local') {
        for (const a of findingAnnotations(findings, undefined, redactor)) {
          const { level, message, ...props } = a;
          r.annotate(level, printable(message), props);
        }
      }
    }
    if (set.comment && findings.length) notes.push(...(await comment(r, set, findings, redactor)));
    const wantSummary = (r.platform === 'github' && set.summary) || r.input('summary-file') !== '' || (r.env('PIPELINE_SECRETS_SUMMARY_FILE') ?? '') !== '';
    if (wantSummary) {
      await r.summary(summaryMarkdown({
        findings, ignored, baselined: result.baselined, skipped, ruleCount: scanner.ruleCount,
        bytes: stats.bytes + (injected?.bytes ?? 0), files: stats.files + (injected?.files ?? 0), commits: stats.commits, seconds: result.seconds, notes, reports: written.map((w) => w.path),
      }, ctx));
    }

    r.output('findings', String(findings.length));
    r.output('skipped', String(skipped.length));
    if (verification) r.output('live', String(verification.live));
    if (stale.length) r.output('stale-ignores', String(stale.length));
    if (written[0]) r.output('report-path', written[0].path);
    for (const w of written) r.output(`${w.format}-path`, w.path);
    const failing = failOn === 'live' ? findings.filter((f) => verification?.statuses.get(f) === 'live' || injected?.findings.includes(f)) : findings;
    if (findings.length) {
      const n = findings.length;
      const msg = `${n} finding${n === 1 ? '' : 's'}: leaked secret${n === 1 ? '' : 's'} in ${target}`;
      if (failOnFindings && failing.length) {
        const live = failOn === 'live' ? ` (${failing.length} verified live)` : '';
        throw new StepFailed(`${msg}${live} (see the ${r.platform === 'github' ? 'annotations and the job summary' : 'report'})`);
      }
      r.warning(`${msg}; ${failOnFindings ? 'none verified live and fail-on is live' : 'fail-on-findings is false'}, so the step passes`);
    } else {
      r.info(`no leaks found${ignored ? ` (${ignored} ignored)` : ''}${result.baselined ? ` (${result.baselined} in the baseline)` : ''}`);
    }
  },
};
