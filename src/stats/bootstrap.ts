/**
 * Percentile bootstrap confidence intervals with a seeded PRNG: resample the data with
 * replacement `iterations` times, compute the statistic on each resample, and report the
 * alpha/2 and 1 - alpha/2 nearest-rank percentiles of those statistics.
 */
import { percentile, percentileRank, sortAscending } from "./percentile.js";
import { createRng, randomInt } from "./prng.js";

export interface BootstrapOptions {
  iterations?: number;
  alpha?: number;
  seed?: number;
}

const DEFAULTS = { iterations: 2000, alpha: 0.05, seed: 0x5eed };

/** Interval for any statistic. Empty input → [0, 0]; one value → [v, v]. */
export function bootstrapCI(
  samples: readonly number[],
  statistic: (xs: number[]) => number,
  opts: BootstrapOptions = {},
): [number, number] {
  const { iterations, alpha, seed } = { ...DEFAULTS, ...opts };
  const n = samples.length;
  if (n === 0) return [0, 0];
  const rng = createRng(seed);
  const stats = new Array<number>(iterations);
  const resample = new Array<number>(n);
  for (let b = 0; b < iterations; b++) {
    for (let i = 0; i < n; i++) resample[i] = samples[randomInt(rng, n)]!;
    stats[b] = statistic(resample);
  }
  return interval(sortAscending(stats), alpha);
}

/**
 * Intervals for several quantiles (q in [0, 1]) at once, the fast way: sort once, then each
 * resample is only a count per original rank, and the resample's nearest-rank quantile is read off
 * the running count. O(iterations * n) instead of O(iterations * n log n); same result as
 * `bootstrapCI(samples, xs => quantile(xs, q))` would give for the same draws.
 */
export function bootstrapQuantileCIs(
  samples: readonly number[],
  qs: readonly number[],
  opts: BootstrapOptions = {},
): Array<[number, number]> {
  const { iterations, alpha, seed } = { ...DEFAULTS, ...opts };
  const n = samples.length;
  if (n === 0) return qs.map(() => [0, 0]);
  const sorted = sortAscending(samples);
  const ranks = qs.map((q) => percentileRank(n, q * 100));
  const rng = createRng(seed);
  const counts = new Uint32Array(n);
  const perQ = qs.map(() => new Float64Array(iterations));
  // Ranks are visited in ascending order; map back to the caller's order.
  const order = ranks.map((r, i) => [r, i] as const).sort((x, y) => x[0] - y[0]);
  for (let b = 0; b < iterations; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[randomInt(rng, n)]!++;
    let cum = 0;
    let k = 0;
    for (let idx = 0; idx < n && k < order.length; idx++) {
      cum += counts[idx]!;
      while (k < order.length && cum >= order[k]![0]) {
        perQ[order[k]![1]]![b] = sorted[idx]!;
        k++;
      }
    }
  }
  return perQ.map((s) => interval(Array.from(s.sort()), alpha));
}

function interval(sortedStats: number[], alpha: number): [number, number] {
  return [percentile(sortedStats, (alpha / 2) * 100), percentile(sortedStats, (1 - alpha / 2) * 100)];
}
