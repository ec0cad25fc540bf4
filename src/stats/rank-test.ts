/**
 * Mann-Whitney U (Wilcoxon rank-sum) test: does one sample tend to have larger values than the
 * other? Rank-based, so it makes no normality assumption and a few huge latency outliers cannot
 * dominate it, which is why the regression gate uses it on raw latency samples.
 *
 * p-values use the normal approximation with tie correction and a 0.5 continuity correction (the
 * same as scipy's `mannwhitneyu(..., method="asymptotic")`). The approximation is good from about
 * 8 values per side; below that an exact permutation distribution would be better, so results
 * with fewer than MIN_SAMPLES_PER_SIDE values per side are flagged `tooSmall` and the gate does
 * not judge them.
 */

export const MIN_SAMPLES_PER_SIDE = 8;

export type Alternative = "two-sided" | "greater" | "less";

export interface RankTestResult {
  /** U statistic of `a`: pairs (x from a, y from b) with x > y, ties counting one half. */
  u: number;
  /** Standardised U of `a` after tie and continuity correction (positive: a tends larger). */
  z: number;
  pValue: number;
  /** Rank-biserial correlation 2U/(n1 n2) - 1, in [-1, 1]; positive when a tends larger. */
  effectSize: number;
  n1: number;
  n2: number;
  /** True when either side has fewer than MIN_SAMPLES_PER_SIDE values: too small to judge. */
  tooSmall: boolean;
}

/**
 * `alternative: "greater"` tests whether `a` is stochastically greater than `b` (e.g. a = current
 * latencies, b = baseline latencies: "did it get slower?").
 */
export function mannWhitneyU(
  a: readonly number[],
  b: readonly number[],
  opts: { alternative?: Alternative } = {},
): RankTestResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("mannWhitneyU needs at least one value on each side");
  const alternative = opts.alternative ?? "two-sided";

  const { ranks, tieTerm } = averageRanks([...a, ...b]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;

  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const sigma = Math.sqrt(Math.max(0, variance));
  const effectSize = (2 * u1) / (n1 * n2) - 1;
  const tooSmall = n1 < MIN_SAMPLES_PER_SIDE || n2 < MIN_SAMPLES_PER_SIDE;

  // Every value tied: no evidence either way.
  if (sigma === 0) return { u: u1, z: 0, pValue: 1, effectSize, n1, n2, tooSmall };

  const d = u1 - mu;
  let z: number;
  let pValue: number;
  if (alternative === "greater") {
    z = (d - 0.5) / sigma;
    pValue = normalSf(z);
  } else if (alternative === "less") {
    z = (d + 0.5) / sigma;
    pValue = normalSf(-z);
  } else {
    z = (Math.sign(d) * Math.max(0, Math.abs(d) - 0.5)) / sigma;
    pValue = 2 * normalSf(Math.abs(z));
  }
  return { u: u1, z, pValue: Math.min(1, pValue), effectSize, n1, n2, tooSmall };
}

/** 1-based average ranks of the values (ties share their mean rank) and the tie term Σ(t³ - t). */
function averageRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Chebyshev coefficients of erfc (Numerical Recipes' erfcc), fractional error below 1.2e-7. */
const ERFC_COEFFS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = ERFC_COEFFS.length - 1; i >= 0; i--) poly = ERFC_COEFFS[i]! + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}
