/** "Did you mean …?" for names the user typed: the known names closest by edit distance. */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * Up to `max` of `known` close to `typed` (within a third of its length, at least 2 edits), or
 * that contain it; nearest first.
 */
export function closestNames(typed: string, known: readonly string[], max = 3): string[] {
  const t = typed.toLowerCase();
  const limit = Math.max(2, Math.floor(typed.length / 3));
  return known
    .map((k) => ({ k, d: k.toLowerCase().includes(t) ? 0 : editDistance(typed, k) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, max)
    .map((c) => c.k);
}

/** ` (did you mean A or B?)`, or '' when nothing is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const near = closestNames(typed, known);
  return near.length === 0 ? '' : ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)`;
}
