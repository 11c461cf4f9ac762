/** GitHub's step summary limit is 1 MiB (only GitHub has a step summary); keep well inside it. */
export const SUMMARY_LIMIT = 1000 * 1024;

export function capSummary(md: string): string {
  if (Buffer.byteLength(md) <= SUMMARY_LIMIT) return md;
  const cut = Buffer.from(md)
    .subarray(0, SUMMARY_LIMIT - 200)
    .toString('utf8');
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_The summary was cut at 1 MB; the full results are in the report files._\n`;
}
