/** "Did you mean" suggestions for unknown names (agents, workflows, config keys). */

/** Levenshtein distance, small inputs only (names and keys). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Up to `max` candidates close to `input`: small edit distance relative to length, or one
 * containing the other (so `python` suggests `python-expert`).
 */
export function suggest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    const d = editDistance(needle, hay);
    const limit = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (d <= limit) scored.push([c, d]);
    else if (needle.length >= 3 && (hay.includes(needle) || needle.includes(hay)))
      scored.push([c, limit + 1]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([c]) => c);
}

/** "Did you mean a, b?" or "" (used as an error hint). */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s.length > 0 ? `Did you mean ${s.join(", ")}?` : "";
}
