/** Run-level figures derived from a results document (shared by history, Markdown and the dashboard). */
import type { HistogramBuckets, LoadResult, ResultsDocument } from "../bench/types.js";

/**
 * Percentile from histogram buckets, interpolating linearly inside the bucket that holds the rank.
 * Per-scenario percentiles cannot be averaged, so run-wide p50/p95 come from the merged buckets.
 */
export function histogramPercentile(buckets: HistogramBuckets, q: number): number | null {
  const total = buckets.reduce((s, b) => s + b[2], 0);
  if (total === 0) return null;
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const rank = q * total;
  let seen = 0;
  for (const [lo, hi, count] of sorted) {
    if (count > 0 && seen + count >= rank) return lo + ((rank - seen) / count) * (hi - lo);
    seen += count;
  }
  return sorted[sorted.length - 1]![1];
}

export interface RunLatency {
  p50: number | null;
  p95: number | null;
  /** True when estimated from merged histograms (several scenarios) rather than exact stats. */
  estimated: boolean;
}

/** Run-wide p50/p95 from the scenarios, or from the load tests for a run that only has those. */
export function runLatency(doc: ResultsDocument): RunLatency {
  const scenarios = doc.scenarios.filter((s) => s.latency.e2e.count > 0);
  const loads = (doc.load ?? []).filter((l) => l.latency.count > 0);
  const sources = scenarios.length > 0 ? scenarios.map((s) => s.latency.e2e) : loads.map((l) => l.latency);
  if (sources.length === 1) return { p50: sources[0]!.p50, p95: sources[0]!.p95, estimated: false };
  const merged =
    scenarios.length > 0 ? scenarios.flatMap((s) => s.histogram) : loads.flatMap((l) => l.histogram);
  return { p50: histogramPercentile(merged, 0.5), p95: histogramPercentile(merged, 0.95), estimated: true };
}

/** "sim (simulated, time scale 0.01, seed 42)" or "anthropic". */
export function providerLabel(doc: ResultsDocument): string {
  const r = doc.run;
  if (!r.simulated) return r.provider;
  const parts = ["SIMULATED"];
  if (r.timeScale !== null) parts.push(`time scale ${r.timeScale}`);
  if (r.seed !== null) parts.push(`seed ${r.seed}`);
  return `${r.provider} (${parts.join(", ")}; not a real measurement)`;
}

/** "open loop, poisson at 5/s" or "closed loop ×10". */
export function loadLabel(l: LoadResult): string {
  return l.mode === "open"
    ? `open loop, ${l.arrival ?? "constant"} at ${l.targetRate ?? "?"}/s`
    : `closed loop ×${l.concurrency ?? "?"}`;
}
