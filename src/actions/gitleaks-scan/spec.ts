/**
 * The inputs of gitleaks-scan: gitleaks-action's behaviour under our names, plus the CLI-only
 * source choices (history, range, staged, stdin). action.yml, the GitLab component and --help
 * are checked against this list.
 */
import type { ActionSpec } from '../spec.js';

export const gitleaksScanSpec: ActionSpec = {
  name: 'gitleaks-scan',
  summary: 'scan commits, history or files for leaked secrets with gitleaks-format rules; fail on findings',
  positional: 'path',
  inputs: [
    { name: 'config', description: 'gitleaks TOML config; default: .gitleaks.toml, .github/.gitleaks.toml or gitleaks.toml in the repository, else the built-in rules', default: '' },
    { name: 'scan-mode', description: 'auto (the event\'s commits; the whole history on schedule/workflow_dispatch; files when local), diff, history (every ref, as gitleaks\' git log --all), tree, or none (no rule scan: injected: true alone)', default: 'auto' },
    { name: 'base', description: 'scan the commits base..head instead of the event\'s range', default: '' },
    { name: 'head', description: 'the last commit to scan (default: the event\'s head, else HEAD); in history mode, scan only the history of this commit instead of every ref', default: '' },
    { name: 'log-opts', description: 'gitleaks --log-opts: scan exactly git log <log-opts> (e.g. HEAD for the history of HEAD alone, or main..feature); no --all is added. Options that redirect or reshape the patch (--output, --stat, …) are refused', default: '' },
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
    { name: 'history', description: 'CLI: scan the whole git history, every ref as gitleaks does (same as scan-mode history); --log-opts HEAD for the history of HEAD alone', default: 'false' },
    { name: 'range', description: 'CLI: scan the commits of a git range A..B', default: '' },
    { name: 'staged', description: 'CLI: scan the staged changes (a pre-commit hook)', default: 'false' },
    { name: 'stdin', description: 'CLI: scan standard input', default: 'false' },
    { name: 'report', description: 'CLI: same as report-path', default: '' },
    { name: 'format', description: 'CLI: same as report-format', default: '' },
  ],
};
