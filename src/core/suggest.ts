// "Did you mean …?" for names a user types (flag values, config keys, columns): the closest candidate
// by edit distance, bounded in time whatever the input. A name longer than MAX_NAME characters is no
// typo of a short one and gets no suggestion (a 1 MB --by value costs nothing), and the distance stops
// as soon as every cell of a row is past the limit.
//
// Example: closestName('provnce', ['province', 'segment']) → 'province'; closestName('x', ['province']) → undefined.

const MAX_NAME = 64;

/** Levenshtein distance, or limit + 1 as soon as it is known to be above `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j]! < rowMin) rowMin = prev[j]!;
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `wanted` (case-insensitive), when it is close enough to be a slip: at most
 * 1 edit for names up to 4 characters, 2 up to 8, 3 beyond. Ties go to the first candidate.
 */
export function closestName(wanted: string, candidates: Iterable<string>): string | undefined {
  const w = wanted.trim().toLowerCase();
  if (w === '' || w.length > MAX_NAME) return undefined;
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    if (c.length > MAX_NAME) continue;
    const d = boundedDistance(w, c.toLowerCase(), limit);
    if (d <= limit && (!best || d < best.d)) best = { name: c, d };
  }
  return best?.name;
}
