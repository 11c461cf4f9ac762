/**
 * The artifact client, @actions/artifact (what actions/upload-artifact v4+ and gitleaks-action
 * use), loaded with a dynamic import: ncc puts it and its Azure blob uploader in a chunk of
 * their own, read only by a step that uploads. Imported by the entries of the actions that
 * upload (src/entries/gitleaks-scan.ts) and handed to the GitHubRunner, so no other bundle
 * carries the chunk. The client reads ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and
 * GITHUB_SERVER_URL from the process environment itself.
 */
import { dirname } from 'node:path';
import { isObject } from '../../core/json.js';
import type { ArtifactUploader } from './artifact.js';

/** Uploads one file, zipped under its own name, as the artifact `name`; throws with the client's reason. */
export const uploadWorkflowArtifact: ArtifactUploader = async (name, file) => {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  let res: { id?: number; size?: number };
  try {
    res = await new DefaultArtifactClient().uploadArtifact(name, [file], dirname(file));
  } catch (err) {
    // the results service's errors name their call (CreateArtifact, FinalizeArtifact); the blob store's do not
    if (isObject(err) && err['name'] === 'RestError') {
      const status = typeof err['statusCode'] === 'number' ? ` ${err['statusCode']}` : '';
      const code = typeof err['code'] === 'string' ? ` ${err['code']}` : '';
      throw new Error(`the upload to blob storage failed (HTTP${status}${code}): ${err instanceof Error ? err.message : 'error'}`);
    }
    throw err;
  }
  const out: { id?: number; size?: number } = {};
  if (typeof res.id === 'number') out.id = res.id;
  if (typeof res.size === 'number') out.size = res.size;
  return out;
};
