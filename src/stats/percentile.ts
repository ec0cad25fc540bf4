/**
 * The one percentile definition used everywhere in claude-force: **nearest rank**.
 *
 *   percentile(p) = the smallest recorded value v such that at least p% of all values are <= v,
 *   i.e. the value at 1-based rank ceil(p/100 * n) of the sorted values (rank at least 1).
 *
 * It is what HdrHistogram's `getValueAtPercentile` computes on its buckets (LatencyRecorder uses
 * that, with 3 significant digits: each reported value is within 0.1% of the exact one), and what
 * `percentile()` below computes on small raw arrays, so both agree. Every reported percentile is
 * an actually observed value, never an interpolation between two.
 *
 * Small samples: with n = 10, p95 is rank ceil(9.5) = 10, the maximum. That is the definition, not an
 * indexing accident: no smaller value has 95% of the samples at or below it. With n = 20, p95 is
 * rank 19 (the second largest), whereas the original guide's `sorted[int(n * 0.95)]` returned the
 * maximum for every n < 21. Reports always show `count` next to percentiles for this reason.
 */
import type { LatencyStats } from "../bench/types.js";

/** Nearest-rank percentile of an ascending-sorted array; p in [0, 100]. Empty array → 0. */
export function percentile(sortedValues: readonly number[], p: number): number {
  const n = sortedValues.length;
  if (n === 0) return 0;
  return sortedValues[percentileRank(n, p) - 1]!;
}

/** 1-based nearest rank for percentile p of n values (clamped to [1, n]). */
export function percentileRank(n: number, p: number): number {
  const clamped = Math.min(100, Math.max(0, p));
  // Subtract a hair before ceil so 0.95 * 20 = 19.000000000000004 stays 19 (as HdrHistogram does).
  const exact = (clamped / 100) * n;
  const rank = Math.ceil(exact - exact * Number.EPSILON * 4);
  return Math.min(n, Math.max(1, rank));
}

/** Nearest-rank quantile of unsorted values; q in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
  return percentile(sortAscending(values), q * 100);
}

/** Nearest-rank median (for an even count: the lower of the two middle values). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function sortAscending(values: readonly number[]): number[] {
  // Typed-array sort is numeric (Array#sort would compare as strings).
  return Array.from(Float64Array.from(values).sort());
}

/**
 * Exact statistics of raw values (ms), with the same percentile definition as LatencyRecorder.
 * `stdev` is the sample standard deviation (n - 1); non-finite values are ignored.
 */
export function describe(values: readonly number[]): LatencyStats {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return emptyStats();
  const sorted = sortAscending(finite);
  let mean = 0;
  let m2 = 0;
  sorted.forEach((v, i) => {
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
  });
  return {
    count: n,
    mean,
    stdev: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
  };
}

export function emptyStats(): LatencyStats {
  return { count: 0, mean: 0, stdev: 0, min: 0, max: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0 };
}
