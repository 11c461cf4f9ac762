/**
 * gitleaks-scan: scan the event's commits (or the history, a tree, staged changes, stdin) with
 * gitleaks-format rules; annotate, summarise, write reports, fail the step on findings. From a
 * Config and the runner's capabilities (annotations, summary, reports, forge): it never asks
 * which CI it is on. Glue only: the scan lives in src/scanner.
 */
import { join } from 'node:path';
import { StepFailed, UserError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import { createScanner } from '../../scanner/engine.js';
import { printable, runScan, TOOL_NAME, TOOL_URI, TOOL_VERSION, type SourceSpec } from '../../scanner/run.js';
import { IgnoreList } from '../../scanner/ignore.js';
import { render } from '../../scanner/reports/index.js';
import type { ReportContext } from '../../scanner/reports/context.js';
import { ScanRedactor } from '../../scanner/reports/redaction.js';
import { summaryMarkdown } from '../../scanner/reports/summary.js';
import type { Config } from './config.js';
import { chooseSource, complete, scannerOptions } from './source.js';
import { artifact, comment, sendToCodeScanning } from './delivery.js';
import { verify } from './verify.js';
import { injectedSearch } from './injected.js';
import { logFindings, writeReports } from './reports.js';

export async function run(cfg: Config, r: Runner): Promise<void> {
  const started = new Date();
  const chosen = await chooseSource(r, cfg);
  if (cfg.pruneIgnores && !complete(chosen.source))
    throw new UserError(
      'prune-ignores',
      'needs a scan of the whole history or a tree (a commit range cannot tell a stale entry from one for commits outside it)',
    );
  for (const note of chosen.notes) r.info(note);
  const { opts, from } = scannerOptions(cfg, chosen.root);
  const scanner = cfg.noRules ? { ruleCount: 0 } : await createScanner(opts);
  if (!cfg.noRules) r.info(`rules: ${scanner.ruleCount} from ${from}`);
  const ignore = IgnoreList.fromFile(join(chosen.root, '.gitleaksignore'));
  if (ignore.size) r.info(`.gitleaksignore: ${ignore.size} entr${ignore.size === 1 ? 'y' : 'ies'}`);
  const { baseline, archive } = cfg;
  if (baseline) r.info(`baseline: ${baseline.size} known finding${baseline.size === 1 ? '' : 's'}`);
  if (archive) r.info(`archives: opened ${archive.maxDepth} level${archive.maxDepth === 1 ? '' : 's'} deep`);

  const source: SourceSpec | null = chosen.source;
  const result =
    source && 'scan' in scanner
      ? await runScan({
          scanner,
          source,
          maxBytes: cfg.maxTargetMegabytes * 1024 * 1024,
          ignore,
          ...(archive ? { archive } : {}),
          ...(baseline ? { baseline } : {}),
        })
      : { findings: [], suppressed: [], ignored: 0, baselined: 0, skipped: [], stats: { files: 0, bytes: 0, commits: 0 }, seconds: 0 };
  const { stats } = result;
  let findings = result.findings;
  let ignored = result.ignored;
  r.info(
    `scanned ${chosen.target}: ${stats.commits ? `${stats.commits} commits, ` : ''}${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MB in ${result.seconds.toFixed(2)} s`,
  );
  if (result.skipped.length) {
    r.info(`skipped ${result.skipped.length}:`);
    for (const s of result.skipped.slice(0, 20)) r.info(`  ${printable(s.path)}: ${printable(s.reason)}`);
    if (result.skipped.length > 20) r.info(`  ...and ${result.skipped.length - 20} more (listed in the summary)`);
  }
  const notes = [...chosen.notes];

  // .gitleaksignore upkeep
  if (cfg.writeIgnore && findings.length) {
    const added = ignore.append(findings, `added by pipeline-secrets --write-ignore on ${started.toISOString().slice(0, 10)}: review, then commit`);
    r.info(
      `write-ignore: ${added.length} entr${added.length === 1 ? 'y' : 'ies'} appended to ${printable(ignore.path)}; these ${findings.length} finding${findings.length === 1 ? '' : 's'} now count as ignored`,
    );
    notes.push(`write-ignore: ${added.length} content-keyed entr${added.length === 1 ? 'y' : 'ies'} appended to .gitleaksignore`);
    ignored += findings.length;
    findings = [];
  }
  let stale: string[] = [];
  if (complete(source) && ignore.size) {
    stale = cfg.pruneIgnores ? ignore.prune() : ignore.unused();
    if (stale.length) {
      r.info(
        `.gitleaksignore: ${stale.length} entr${stale.length === 1 ? 'y matches' : 'ies match'} nothing any more${cfg.pruneIgnores ? ': removed (prune-ignores)' : ' (remove them with prune-ignores)'}:`,
      );
      for (const e of stale.slice(0, 50)) r.info(`  ${printable(e)}`);
      notes.push(
        `${stale.length} stale .gitleaksignore entr${stale.length === 1 ? 'y' : 'ies'}${cfg.pruneIgnores ? ' removed' : ' (prune-ignores removes them)'}: ${stale.slice(0, 20).join(', ')}${stale.length > 20 ? ', …' : ''}`,
      );
    }
  }

  const verification = cfg.verify && findings.length ? await verify(r, cfg.verify, findings, result.findings) : undefined;
  if (verification) notes.push(...verification.notes);
  // the leak guard: its findings join the rule findings in every report; they always fail the step
  const injected = cfg.injected ? await injectedSearch(r, cfg.dir, cfg.workspace, archive?.maxDepth ?? 4) : undefined;
  if (injected) {
    findings = [...findings, ...injected.findings];
    notes.push(...injected.notes);
  }
  const skipped = injected ? [...result.skipped, ...injected.skipped] : result.skipped;
  const target = injected ? `${cfg.noRules ? '' : `${chosen.target} and `}the files under ${cfg.pathDisplay} (injected secrets)` : chosen.target;

  // one redactor for every report, log line, annotation and comment: every secret this scan found
  // (ignored, baselined and write-ignore'd findings too: another finding's commit message can name them)
  const redactor = ScanRedactor.fromFindings([...result.findings, ...result.suppressed, ...(injected?.findings ?? [])]);
  const ctx: ReportContext = {
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    informationUri: TOOL_URI,
    started,
    finished: new Date(),
    serverUrl: r.context().serverUrl,
    repository: r.context().repository,
    redact: cfg.redact,
    ...(cfg.redactPercent !== undefined ? { redactPercent: cfg.redactPercent } : {}),
    target,
    skipped,
    ...(verification ? { verified: verification.statuses } : {}),
    redactor,
  };
  const { written, toLog } = await writeReports(r, cfg, findings, ctx);
  // the artifact and code scanning always get a redacted SARIF
  const sarifFor = (): string => render('sarif', findings, { ...ctx, redact: true });
  if (cfg.uploadArtifact) notes.push(...(await artifact(r, sarifFor())));
  if (cfg.uploadSarif) notes.push(...(await sendToCodeScanning(r, cfg, sarifFor())));

  if (findings.length) logFindings(r, findings, redactor, verification?.statuses, toLog);
  if (cfg.comment && findings.length) notes.push(...(await comment(r, cfg, findings, redactor)));
  if (r.hasSummary && cfg.summary) {
    await r.summary(
      summaryMarkdown(
        {
          findings,
          ignored,
          baselined: result.baselined,
          skipped,
          ruleCount: scanner.ruleCount,
          bytes: stats.bytes + (injected?.bytes ?? 0),
          files: stats.files + (injected?.files ?? 0),
          commits: stats.commits,
          seconds: result.seconds,
          notes,
          reports: written.map((w) => w.path),
        },
        ctx,
      ),
    );
  }

  r.output('findings', String(findings.length));
  r.output('skipped', String(skipped.length));
  if (verification) r.output('live', String(verification.live));
  if (stale.length) r.output('stale-ignores', String(stale.length));
  if (written[0]) r.output('report-path', written[0].path);
  for (const w of written) r.output(`${w.format}-path`, w.path);
  const failing = cfg.failOn === 'live' ? findings.filter((f) => verification?.statuses.get(f) === 'live' || injected?.findings.includes(f)) : findings;
  if (findings.length) {
    const n = findings.length;
    const msg = `${n} finding${n === 1 ? '' : 's'}: leaked secret${n === 1 ? '' : 's'} in ${target}`;
    if (cfg.failOnFindings && failing.length) {
      const live = cfg.failOn === 'live' ? ` (${failing.length} verified live)` : '';
      throw new StepFailed(`${msg}${live} (see the ${r.annotations === 'native' && r.hasSummary ? 'annotations and the job summary' : 'report'})`);
    }
    r.warning(`${msg}; ${cfg.failOnFindings ? 'none verified live and fail-on is live' : 'fail-on-findings is false'}, so the step passes`);
  } else {
    r.info(`no leaks found${ignored ? ` (${ignored} ignored)` : ''}${result.baselined ? ` (${result.baselined} in the baseline)` : ''}`);
  }
}
