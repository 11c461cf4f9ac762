/**
 * gitleaks-scan glue beyond the scan itself: gitleaks-action's environment variables (a
 * drop-in keeps its `env:` block), pull request comments, the SARIF to code scanning or as an
 * artifact, .gitleaksignore upkeep and verified findings. Glue only: protocol lives in
 * src/scanner (reports/pr-comments, reports/code-scanning, verify/).
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { parseBool, parseIntIn } from '../core/parse.js';
import { isObject } from '../core/json.js';
import type { Runner } from '../platform/runner.js';
import { postReviewComments, parseNotify } from '../scanner/reports/pr-comments.js';
import { uploadSarif } from '../scanner/reports/code-scanning.js';
import type { VerifyStatus } from '../scanner/reports/context.js';
import type { ScanRedactor } from '../scanner/reports/redaction.js';
import { parseEndpoints, verifyFindings } from '../scanner/verify/index.js';
import type { Finding } from '../scanner/types.js';

/** gitleaks/gitleaks-action v2/v3 reads these instead of inputs. */
export const GITLEAKS_ACTION_ENV = ['GITLEAKS_CONFIG', 'GITLEAKS_ENABLE_SUMMARY', 'GITLEAKS_ENABLE_UPLOAD_ARTIFACT', 'GITLEAKS_ENABLE_COMMENTS', 'GITLEAKS_NOTIFY_USER_LIST', 'GITLEAKS_LICENSE', 'GITLEAKS_VERSION'] as const;

export interface Settings {
  /** a gitleaks-action env block was found: its defaults apply (comments, summary, artifact on) */
  dropIn: boolean;
  comment: boolean;
  /** comment was asked for explicitly (input): a missing token is an error, not a note */
  commentExplicit: boolean;
  summary: boolean;
  uploadArtifact: boolean;
  notify: string[];
  base: string;
  token: string;
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

export function settings(r: Runner): Settings {
  const present = GITLEAKS_ACTION_ENV.filter((n) => (r.env(n) ?? '') !== '');
  const dropIn = r.platform === 'github' && present.length > 0;
  if (dropIn) r.info(`gitleaks-action environment found (${present.join(', ')}): honoured; inputs win where both are set`);
  if (r.env('GITLEAKS_LICENSE')) r.info('GITLEAKS_LICENSE is set but not needed: pipeline-secrets needs no licence key (you can remove it, and fork pull requests work without it)');
  if (r.env('GITLEAKS_VERSION')) r.info('GITLEAKS_VERSION is set but not needed: the scanner is bundled, nothing is downloaded');
  const notifyRaw = r.input('notify').trim() || (r.env('GITLEAKS_NOTIFY_USER_LIST') ?? '').trim();
  const notify = notifyRaw ? parseNotify(notifyRaw) : [];
  if (notifyRaw && !notify.length) throw new UserError(r.input('notify').trim() ? 'notify' : 'GITLEAKS_NOTIFY_USER_LIST', 'expected GitHub user names (@octocat) or teams (@org/team), separated by commas');
  const token = r.input('github-token').trim() || (r.env('GITHUB_TOKEN') ?? '').trim();
  if (token) r.secret(token, 'github-token');
  return {
    dropIn,
    comment: pick(r, 'comment', 'GITLEAKS_ENABLE_COMMENTS', dropIn, true, false),
    commentExplicit: r.input('comment').trim() !== '' && parseBool(r.input('comment'), 'comment', false),
    summary: pick(r, 'summary', 'GITLEAKS_ENABLE_SUMMARY', dropIn, true, true),
    uploadArtifact: pick(r, 'upload-artifact', 'GITLEAKS_ENABLE_UPLOAD_ARTIFACT', dropIn, true, false),
    notify,
    base: r.input('base').trim() || (r.env('BASE_REF') ?? '').trim(),
    token,
  };
}

/** PR review comments, or a note when they cannot be posted (fork PRs get a read-only token). Returns notes for the summary. */
export async function comment(r: Runner, s: Settings, findings: readonly Finding[], redactor?: ScanRedactor): Promise<string[]> {
  const ctx = r.context();
  const pr = isObject(ctx.event) && isObject(ctx.event['pull_request']) ? ctx.event['pull_request'] : undefined;
  if (r.platform !== 'github' || !pr || typeof pr['number'] !== 'number') {
    if (s.commentExplicit) r.info('comment: not a pull request event, so no review comments (the annotations and the summary have the findings)');
    return [];
  }
  const head = isObject(pr['head']) ? pr['head'] : {};
  const base = isObject(pr['base']) ? pr['base'] : {};
  const repoName = (o: Record<string, unknown>): string => (isObject(o['repo']) && typeof o['repo']['full_name'] === 'string' ? o['repo']['full_name'] : '');
  const fork = repoName(head) !== '' && repoName(head) !== repoName(base);
  if (ctx.eventName === 'pull_request' && fork) {
    const note = 'review comments skipped: a pull request from a fork gets a read-only token; the findings are in the annotations and this summary';
    r.annotate('notice', note);
    return [note];
  }
  if (!s.token) {
    if (s.commentExplicit) throw new UserError('github-token', 'comment: true needs a token (github-token: ${{ github.token }}) with pull-requests: write');
    const note = 'review comments skipped: no token (set GITHUB_TOKEN or github-token); the findings are in the annotations and this summary';
    r.info(note);
    return [note];
  }
  const [owner = '', repo = ''] = ctx.repository.split('/');
  const res = await postReviewComments({ apiUrl: ctx.apiUrl, token: s.token, owner, repo, pull: pr['number'], headSha: typeof head['sha'] === 'string' ? head['sha'] : ctx.sha, findings, notify: s.notify, ...(redactor ? { redactor } : {}) });
  if (res.denied) {
    const note = 'review comments skipped: the token may not comment on this pull request (needs permissions: pull-requests: write; fork pull requests never get it); the findings are in the annotations and this summary';
    r.annotate('notice', note);
    return [note];
  }
  if (res.error) {
    r.warning(`review comments: ${res.error}; the findings are in the annotations and the job summary`);
    return [`review comments failed: ${res.error}`];
  }
  r.info(`review comments: ${res.posted} posted, ${res.existing} already there${res.outsideDiff ? `, ${res.outsideDiff} on lines outside the diff` : ''}${s.notify.length ? ` (notifying ${s.notify.map((u) => `@${u}`).join(' ')})` : ''}`);
  return [];
}

/** upload-sarif: true. A missing permission is a note, never a failure. */
export async function sendToCodeScanning(r: Runner, s: Settings, sarif: string): Promise<string[]> {
  if (r.platform !== 'github') return ['upload-sarif: only on GitHub; skipped'];
  if (!s.token) return ['upload-sarif skipped: no token (github-token or GITHUB_TOKEN)'];
  const ctx = r.context();
  const res = await uploadSarif({ apiUrl: ctx.apiUrl, token: s.token, repository: ctx.repository, commitSha: ctx.sha, ref: ctx.ref, sarif, proxy: r.proxy() });
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
 * never changes the scan's verdict. Returns notes for the summary.
 */
export async function artifact(r: Runner, sarif: string): Promise<string[]> {
  const dir = join(r.tempDir(), 'gitleaks-artifact');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, ARTIFACT_FILE);
  writeFileSync(path, sarif, { mode: 0o600 });
  r.output('artifact-path', path);
  if (!r.uploadArtifact) {
    r.info(`upload-artifact: the redacted SARIF is at ${path}${r.platform === 'local' ? '' : ' (output artifact-path)'}${r.platform === 'gitlab' ? '; list it under artifacts: to keep it' : ''}`);
    return [];
  }
  try {
    const res = await r.uploadArtifact(ARTIFACT_NAME, path);
    if (res.id !== undefined) r.output('artifact-id', String(res.id));
    if (res.url) r.output('artifact-url', res.url);
    const size = res.size !== undefined ? `, ${res.size} bytes` : '';
    r.info(`upload-artifact: uploaded the redacted SARIF as the artifact ${ARTIFACT_NAME}${res.id !== undefined ? ` (id ${res.id}${size})` : ''}${res.url ? `: ${res.url}` : ''}`);
    return [`The redacted SARIF is the artifact ${res.url ? `[${ARTIFACT_NAME}](${res.url})` : ARTIFACT_NAME}.`];
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    r.warning(`upload-artifact: the artifact ${ARTIFACT_NAME} was not uploaded: ${why}. The scan result stands; the redacted SARIF is at ${path} (output artifact-path) for actions/upload-artifact`);
    return [`artifact ${ARTIFACT_NAME} not uploaded: ${why}`];
  }
}

export interface Verification {
  statuses: Map<Finding, VerifyStatus>;
  live: number;
  notes: string[];
}

export async function verify(r: Runner, findings: readonly Finding[], all: readonly Finding[]): Promise<Verification> {
  const endpoints = parseEndpoints(r.input('verify-endpoints'));
  const timeoutS = parseIntIn(r.input('verify-timeout'), 'verify-timeout', 10, 1, 300);
  const out = await verifyFindings(findings, all, {
    endpoints, timeoutMs: timeoutS * 1000, concurrency: 4, proxy: r.proxy(),
    onSecret: (v) => {
      try {
        r.masker.register(v, 'a found key being verified');
      } catch {
        /* too short to mask: it is never printed anyway (reports redact it) */
      }
    },
  });
  const statuses = new Map<Finding, VerifyStatus>();
  const counts = { live: 0, revoked: 0, unknown: 0 };
  for (const [f, res] of out.results) {
    statuses.set(f, res.verdict);
    counts[res.verdict]++;
    r.info(`verify: ${f.ruleId} at ${f.path}:${f.startLine}: ${res.verdict} (${res.provider}: ${res.why})`);
  }
  const unchecked = findings.length - out.results.size;
  const notes = [`verified ${out.results.size} finding${out.results.size === 1 ? '' : 's'}: ${counts.live} live, ${counts.revoked} revoked, ${counts.unknown} unknown${unchecked ? `; ${unchecked} of rules without an identity check` : ''}`];
  r.info(notes[0] ?? '');
  return { statuses, live: counts.live, notes };
}
