/**
 * The post step: takes back what main handed to the job (the profile files or the profiles it
 * added to existing files, the env variables); skipped with AWS_SKIP_CLEANUP_STEP.
 */
import { removeFiles } from '../../core/files.js';
import { removeProfile } from '../../aws/credentials-file.js';
import type { Runner } from '../../platform/runner.js';
import { ENV_STATE, FILES_STATE, type FilesState } from './state.js';

function parseState<T>(raw: string, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export async function cleanUp(r: Runner): Promise<void> {
  if ((r.env('AWS_SKIP_CLEANUP_STEP') ?? '').trim().toLowerCase() === 'true') {
    r.info('AWS_SKIP_CLEANUP_STEP is true: the AWS credentials files and variables are left in place');
    return;
  }
  const files = parseState<Partial<FilesState>>(r.getState(FILES_STATE), {});
  const created = Array.isArray(files.created) ? files.created.filter((p): p is string => typeof p === 'string') : [];
  for (const m of Array.isArray(files.merged) ? files.merged : []) {
    if (typeof m?.credentialsFile !== 'string' || typeof m.configFile !== 'string' || typeof m.profile !== 'string') continue;
    try {
      await removeProfile(m.credentialsFile, m.configFile, m.profile);
      r.info(`Removed profile ${m.profile} from ${m.credentialsFile}`);
    } catch (err) {
      r.warning(`could not remove profile ${m.profile} from ${m.credentialsFile} (${err instanceof Error ? err.message : 'error'})`);
    }
  }
  const failed = await removeFiles(created);
  for (const f of failed) r.warning(`could not remove the AWS credentials file ${f.path} (${f.code})`);
  if (created.length && !failed.length) r.info(`Removed the AWS credentials and config files (${created.length})`);
  const vars = parseState<unknown>(r.getState(ENV_STATE), []);
  if (Array.isArray(vars)) for (const v of vars) if (typeof v === 'string' && /^AWS_[A-Z_]+$/.test(v)) r.exportEnv(v, '');
}
