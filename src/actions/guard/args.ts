/** `pipeline-secrets guard`'s flags (its spec) and their parsing. */
import { UsageError } from '../args.js';

export const GUARD_HELP = [
  'pipeline-secrets guard: fail when a secret this job injected is in what it built',
  '',
  'Usage: pipeline-secrets guard [--temp-dir D] [--max-archive-depth N] [PATH...]',
  '',
  '  PATH                  files or directories to search (default: the workspace); .git is skipped;',
  '                        tar, tgz, zip and `docker save` tarballs are opened',
  '  --temp-dir D          where the record is (default: as the actions keep it: $PIPELINE_SECRETS_TEMP_DIR,',
  "                        $RUNNER_TEMP/pipeline-secrets on GitHub, the job's temp dir on GitLab)",
  '  --max-archive-depth N archives nested deeper are searched as raw bytes (default 4)',
  '',
  'Prints `file:line: secret LABEL found` for each finding, never the value. Exit 1 on findings,',
  '2 on bad usage or when lines of the record cannot be read (those secrets cannot be searched for).',
  'It fails closed (exit 2, naming each) on a PATH that does not exist or is not a file or directory,',
  'and on a directory it cannot list or a file it cannot read: it cannot vouch for what it did not read.',
  'FIFOs, sockets and devices inside a directory are skipped with a note; symlinks are not followed.',
].join('\n');

export interface GuardArgs {
  /** the PATH arguments as given (none: the workspace) */
  paths: string[];
  /** --temp-dir: where the record is */
  tempDir?: string;
  /** --max-archive-depth */
  depth: number;
}

/** The arguments, or 'help' when --help comes first; bad usage throws a UsageError. */
export function parseGuardArgs(args: readonly string[]): GuardArgs | 'help' {
  const out: GuardArgs = { paths: [], depth: 4 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--temp-dir' || flag === '--max-archive-depth') {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      if (flag === '--temp-dir') out.tempDir = v;
      else {
        out.depth = Number(v);
        if (!Number.isInteger(out.depth) || out.depth < 0 || out.depth > 16) throw new UsageError('--max-archive-depth must be a whole number from 0 to 16');
      }
      continue;
    }
    if (a.startsWith('--')) throw new UsageError(`unknown flag ${flag} (see pipeline-secrets guard --help)`);
    out.paths.push(a);
  }
  return out;
}
