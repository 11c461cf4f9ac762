/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function pool<I, T>(items: readonly I[], limit: number, fn: (item: I) => Promise<T>): Promise<Settled<T>[]> {
  const out: Settled<T>[] = new Array<Settled<T>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as I;
      try {
        out[i] = { ok: true, value: await fn(item) };
      } catch (error) {
        out[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
