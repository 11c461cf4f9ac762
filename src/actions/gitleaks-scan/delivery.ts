/**
 * Where the findings go beyond the reports: pull request review comments and code scanning
 * (through the runner's forge, GitHub only) and the redacted SARIF as an artifact. Each is a
 * by-product: a missing permission or a failed upload is a note or a warning, never a failure.
 * Each returns notes for the summary.
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import type { Runner } from '../../platform/runner.js';
import { reviewComments } from '../../scanner/reports/review-comments.js';
import type { ScanRedactor } from '../../scanner/reports/redaction.js';
import type { Finding } from '../../scanner/types.js';
import type { Config } from './config.js';

/** PR review comments, or a note when they cannot be posted (fork PRs get a read-only token). */
export async function comment(r: Runner, cfg: Config, findings: readonly Finding[], redactor?: ScanRedactor): Promise<string[]> {
  const pr = r.forge?.pullRequest();
  if (!r.forge || !pr) {
    if (cfg.commentExplicit) r.info('comment: not a pull request event, so no review comments (the annotations and the summary have the findings)');
    return [];
  }
  if (r.context().eventName === 'pull_request' && pr.fork) {
    const note = 'review comments skipped: a pull request from a fork gets a read-only token; the findings are in the annotations and this summary';
    r.annotate('notice', note);
    return [note];
  }
  if (!cfg.token) {
    if (cfg.commentExplicit) throw new UserError('github-token', 'comment: true needs a token (github-token: ${{ github.token }}) with pull-requests: write');
    const note = 'review comments skipped: no token (set GITHUB_TOKEN or github-token); the findings are in the annotations and this summary';
    r.info(note);
    return [note];
  }
  const res = await r.forge.reviewComments(cfg.token, pr, reviewComments(findings, cfg.notify, redactor));
  if (res.denied) {
    const note =
      'review comments skipped: the token may not comment on this pull request (needs permissions: pull-requests: write; fork pull requests never get it); the findings are in the annotations and this summary';
    r.annotate('notice', note);
    return [note];
  }
  if (res.error) {
    r.warning(`review comments: ${res.error}; the findings are in the annotations and the job summary`);
    return [`review comments failed: ${res.error}`];
  }
  r.info(
    `review comments: ${res.posted} posted, ${res.existing} already there${res.outsideDiff ? `, ${res.outsideDiff} on lines outside the diff` : ''}${cfg.notify.length ? ` (notifying ${cfg.notify.map((u) => `@${u}`).join(' ')})` : ''}`,
  );
  return [];
}

/** upload-sarif: true. A missing permission is a note, never a failure. */
export async function sendToCodeScanning(r: Runner, cfg: Config, sarif: string): Promise<string[]> {
  if (!r.forge) return ['upload-sarif: only on GitHub; skipped'];
  if (!cfg.token) return ['upload-sarif skipped: no token (github-token or GITHUB_TOKEN)'];
  const res = await r.forge.uploadSarif(cfg.token, sarif);
  if (res.ok) {
    r.info(`upload-sarif: sent to code scanning${res.id ? ` (id ${res.id})` : ''}`);
    return [];
  }
  const note = `upload-sarif skipped: ${res.why}`;
  if (res.denied) r.annotate('notice', note);
  else r.warning(note);
  return [note];
}

export const ARTIFACT_NAME = 'gitleaks-results.sarif';
/** the file inside the artifact: gitleaks-action's name, so downstream jobs read the same path */
export const ARTIFACT_FILE = 'results.sarif';

/**
 * GITLEAKS_ENABLE_UPLOAD_ARTIFACT / upload-artifact: the redacted SARIF is written (output
 * artifact-path, for actions/upload-artifact) and, where the runner has an artifact service,
 * uploaded as the artifact gitleaks-results.sarif like gitleaks-action does (outputs
 * artifact-id, artifact-url). The artifact is a by-product: a failed upload is a warning and
 * never changes the scan's verdict.
 */
export async function artifact(r: Runner, sarif: string): Promise<string[]> {
  const dir = join(r.tempDir(), 'gitleaks-artifact');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, ARTIFACT_FILE);
  writeFileSync(path, sarif, { mode: 0o600 });
  r.output('artifact-path', path);
  if (!r.uploadArtifact) {
    // in a CI job the output is how a later step finds the file; the runner says how to keep it
    r.info(`upload-artifact: the redacted SARIF is at ${path}${r.jobScoped ? ' (output artifact-path)' : ''}${r.artifactHint ? `; ${r.artifactHint}` : ''}`);
    return [];
  }
  try {
    const res = await r.uploadArtifact(ARTIFACT_NAME, path);
    if (res.id !== undefined) r.output('artifact-id', String(res.id));
    if (res.url) r.output('artifact-url', res.url);
    const size = res.size !== undefined ? `, ${res.size} bytes` : '';
    r.info(
      `upload-artifact: uploaded the redacted SARIF as the artifact ${ARTIFACT_NAME}${res.id !== undefined ? ` (id ${res.id}${size})` : ''}${res.url ? `: ${res.url}` : ''}`,
    );
    return [`The redacted SARIF is the artifact ${res.url ? `[${ARTIFACT_NAME}](${res.url})` : ARTIFACT_NAME}.`];
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    r.warning(
      `upload-artifact: the artifact ${ARTIFACT_NAME} was not uploaded: ${why}. The scan result stands; the redacted SARIF is at ${path} (output artifact-path) for actions/upload-artifact`,
    );
    return [`artifact ${ARTIFACT_NAME} not uploaded: ${why}`];
  }
}
