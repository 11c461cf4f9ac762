/** Counters every source fills in, for logs, the summary and the benchmark. */
export interface SourceStats {
  files: number;
  bytes: number;
  commits: number;
}

export function newStats(): SourceStats {
  return { files: 0, bytes: 0, commits: 0 };
}
