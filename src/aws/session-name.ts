/** STS session names: the default one for the run, and any name made acceptable to STS. */

/** What the run is, as far as the default session name needs it. */
export interface RunInfo {
  platform: 'github' | 'gitlab' | 'local';
  repository: string;
  runId: string;
  runAttempt: string;
  actor: string;
}

/** STS session names: 2..64 of [\w+=,.@-]. */
export function sanitizeSessionName(raw: string): string {
  let s = raw.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 64) s = s.slice(0, 64);
  if (s.length < 2) s = `${s}pipeline-secrets`.slice(0, 64);
  return s;
}

/** GitHubActions-<run>-<attempt>; GitLab-<project>-<pipeline>; pipeline-secrets-<user> locally. */
export function defaultSessionName(run: RunInfo): string {
  if (run.platform === 'github') return sanitizeSessionName(`GitHubActions-${run.runId || 'run'}-${run.runAttempt || '1'}`);
  if (run.platform === 'gitlab') {
    const suffix = `-${run.runId || 'pipeline'}`;
    const project = sanitizeSessionName(`GitLab-${run.repository || 'project'}`).slice(0, 64 - suffix.length);
    return sanitizeSessionName(`${project}${suffix}`);
  }
  return sanitizeSessionName(`pipeline-secrets-${run.actor || 'local'}`);
}
