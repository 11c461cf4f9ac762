/**
 * Workflow artifacts on GitHub: when the results service is there, the artifact's URL, error
 * text without signed URLs. The client itself is in artifact-client.ts, which only the bundles
 * that upload import (it makes a 3.7 MB chunk that every other bundle would carry).
 */

/** Uploads one file as the artifact `name`; throws with the client's reason. */
export type ArtifactUploader = (name: string, file: string) => Promise<{ id?: number; size?: number }>;

export interface ArtifactUpload {
  id?: number;
  size?: number;
  /** the artifact's page in the run (when the id, repository and run id are known) */
  url?: string;
}

/** The variables the runner gives actions for the results service (absent locally, in act, on some GHES). */
export const ARTIFACT_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const;

/** Why no artifact can be uploaded here, or undefined when the service looks reachable. */
export function artifactUnavailable(env: (name: string) => string | undefined, serverUrl: string): string | undefined {
  const missing = ARTIFACT_ENV.filter((n) => !(env(n) ?? '').trim());
  if (missing.length) {
    return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set (a GitHub-hosted or self-hosted runner sets both for every action; they are missing when the step runs elsewhere, e.g. locally or in act)`;
  }
  let host = '';
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return `GITHUB_SERVER_URL is not a URL`;
  }
  // the same test as @actions/artifact: only github.com, *.ghe.com and *.localhost have the service
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return `${host} looks like GitHub Enterprise Server, which has no artifact service for @actions/artifact v2+ (actions/upload-artifact@v3 with the output artifact-path works there)`;
  }
  return undefined;
}

/** Signed URLs (blob storage SAS) in error messages lose their query string. */
export function withoutQueries(message: string): string {
  return message.replace(/(https?:\/\/[^\s?'"<>]+)\?[^\s'"<>]*/g, '$1?…');
}

export function artifactUrl(serverUrl: string, repository: string, runId: string, id: number | undefined): string | undefined {
  if (id === undefined || !repository || !runId) return undefined;
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}
