/**
 * Shannon entropy exactly as gitleaks computes it: symbol counts over code points, divided by
 * the UTF-8 byte length (identical to the textbook formula for ASCII secrets).
 */
export function shannonEntropy(data: string): number {
  if (data === '') return 0;
  const counts = new Map<number, number>();
  let bytes = 0;
  for (let i = 0; i < data.length; i++) {
    let cp = data.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < data.length) {
      const lo = data.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
  }
  let entropy = 0;
  for (const n of counts.values()) {
    const freq = n / bytes;
    entropy -= freq * Math.log2(freq);
  }
  return entropy;
}
