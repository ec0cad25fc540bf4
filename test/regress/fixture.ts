/**
 * A small seeded builder of synthetic results documents: each scenario's latencies are drawn from a
 * log-normal distribution, and the summary is computed from those samples the way bench does.
 */
import type { LatencyStats, ResultsDocument, ScenarioResult } from "../../src/bench/types.js";
import { createRng, type Rng } from "../../src/stats/prng.js";

export interface ScenarioSpec {
  name: string;
  /** Number of executions (and raw samples). */
  n?: number;
  /** Median latency in ms of the log-normal distribution. */
  medianMs?: number;
  /** Log-space standard deviation (noise). */
  sigma?: number;
  /** Multiply every latency (a known regression). */
  slowdown?: number;
  successRate?: number;
  costPerExec?: number;
  inputTokens?: number;
  outputTokens?: number;
  ttftP95Ms?: number | null;
  definitionHash?: string;
  /** Drop the raw samples (as a run that kept none). */
  noSamples?: boolean;
}

export interface DocSpec {
  seed?: number;
  runId?: string;
  provider?: "sim" | "anthropic" | "openai";
  simulated?: boolean;
  timeScale?: number | null;
  modelMap?: Record<string, string>;
  haikuShare?: number;
  accuracyTop1?: number;
  scenarios?: ScenarioSpec[];
}

export const DEFAULT_SCENARIOS: ScenarioSpec[] = [
  { name: "simple_task", medianMs: 3000 },
  { name: "medium_task", medianMs: 5000 },
  { name: "complex_task", medianMs: 11000 },
];

export function gaussian(rng: Rng): number {
  // Box-Muller; 1 - u keeps the log finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export function logNormalSamples(rng: Rng, n: number, medianMs: number, sigma: number): number[] {
  return Array.from({ length: n }, () => medianMs * Math.exp(sigma * gaussian(rng)));
}

function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9)) - 1] ?? 0;
}

export function stats(values: number[]): LatencyStats {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const mean = n ? s.reduce((a, b) => a + b, 0) / n : 0;
  const stdev = n ? Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  return {
    count: n,
    mean,
    stdev,
    min: s[0] ?? 0,
    max: s[n - 1] ?? 0,
    p50: nearestRank(s, 50),
    p90: nearestRank(s, 90),
    p95: nearestRank(s, 95),
    p99: nearestRank(s, 99),
    p999: nearestRank(s, 99.9),
  };
}

function scenario(rng: Rng, spec: ScenarioSpec): ScenarioResult {
  const n = spec.n ?? 20;
  const samples = logNormalSamples(rng, n, spec.medianMs ?? 3000, spec.sigma ?? 0.2).map(
    (x) => x * (spec.slowdown ?? 1),
  );
  const e2e = stats(samples);
  const successes = Math.round((spec.successRate ?? 1) * n);
  const totalCost = (spec.costPerExec ?? 0.002) * n;
  const ttft =
    spec.ttftP95Ms === null ? null : { ...stats(samples.map((x) => x * 0.1)), p95: spec.ttftP95Ms ?? 400 };
  return {
    name: spec.name,
    kind: "agent",
    agent: "python-expert",
    task: `task of ${spec.name}`,
    iterations: n,
    warmup: 0,
    concurrency: 1,
    timestamp: "2026-11-26T12:00:00.000Z",
    definitionHash: spec.definitionHash ?? `def-${spec.name}`,
    executions: [],
    executionsTruncated: true,
    summary: {
      success_rate: successes / n,
      mean_time_ms: e2e.mean,
      median_time_ms: e2e.p50,
      min_time_ms: e2e.min,
      max_time_ms: e2e.max,
      p95_time_ms: e2e.p95,
      avg_input_tokens: spec.inputTokens ?? 500,
      avg_output_tokens: spec.outputTokens ?? 300,
      total_cost: totalCost,
      p90_time_ms: e2e.p90,
      p99_time_ms: e2e.p99,
      p999_time_ms: e2e.p999,
      stdev_time_ms: e2e.stdev,
      executions: n,
      successes,
      failures: n - successes,
      cost_per_success: successes > 0 ? totalCost / successes : null,
      avg_cached_tokens: 0,
      cost_incomplete: false,
    },
    latency: { e2e, ttft, overhead: stats([1, 2, 3]), queueWait: stats([0]) },
    histogram: [],
    samples: spec.noSamples ? [] : samples,
    byModel: [],
    errors: {},
  };
}

/** A complete results document from a seed and a few knobs. */
export function makeResults(spec: DocSpec = {}): ResultsDocument {
  const rng = createRng(spec.seed ?? 1);
  const scenarios = (spec.scenarios ?? DEFAULT_SCENARIOS).map((s) => scenario(rng, s));
  const totalCost = scenarios.reduce((a, s) => a + s.summary.total_cost, 0);
  const executions = scenarios.reduce((a, s) => a + s.summary.executions, 0);
  const successes = scenarios.reduce((a, s) => a + s.summary.successes, 0);
  const split = { tasks: 50, top1: spec.accuracyTop1 ?? 0.92, top3: 0.99, tierAccuracy: 0.93 };
  return {
    schemaVersion: 1,
    timestamp: "2026-11-26T12:00:00.000Z",
    run: {
      id: spec.runId ?? `run-${spec.seed ?? 1}`,
      command: "bench",
      startedAt: "2026-11-26T12:00:00.000Z",
      finishedAt: "2026-11-26T12:01:00.000Z",
      provider: spec.provider ?? "sim",
      simulated: spec.simulated ?? (spec.provider ?? "sim") === "sim",
      timeScale: spec.timeScale === undefined ? 50 : spec.timeScale,
      seed: spec.seed ?? 1,
      baseUrl: null,
      modelMap: spec.modelMap ?? {
        haiku: "claude-haiku-4-5",
        sonnet: "claude-sonnet-4-5",
        opus: "claude-opus-4-5",
      },
      gitCommit: null,
      node: "v20.19.0",
      os: "linux",
      cpu: "test",
      cpus: 2,
      configHash: "cfg",
      fingerprint: "fp",
      incomplete: false,
    },
    scenarios,
    cost: {
      totalCost,
      costIncomplete: false,
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costPerSuccess: successes ? totalCost / successes : null,
      modelMix: {},
      haikuShare: spec.haikuShare ?? 0.7,
      haikuTarget: [0.6, 0.8],
      sonnetOnlyCost: totalCost * 2,
      savingsVsSonnet: totalCost,
      savingsVsSonnetPct: 50,
      whatIf: [],
      byScenario: [],
      byAgent: [],
      byModel: [],
    },
    throughput: [],
    load: [],
    accuracy: {
      dataset: "test",
      tuning: split,
      heldOut: split,
      all: split,
      targets: { top1: 0.9, top3: 0.98, tier: 0.9 },
      confusion: [],
      misses: [],
      tierConfusion: [],
      selectionLatencyUs: { p50: 5, p99: 20 },
      taskSuccessRate: null,
    },
    resources: null,
    totals: {
      executions,
      successes,
      failures: executions - successes,
      successRate: executions ? successes / executions : 0,
      totalCost,
      wallMs: 60_000,
      errors: {},
    },
  };
}

/** The same document with one scenario's spec changed (same seed, so other scenarios match). */
export function withScenario(spec: DocSpec, name: string, change: Partial<ScenarioSpec>): DocSpec {
  return {
    ...spec,
    scenarios: (spec.scenarios ?? DEFAULT_SCENARIOS).map((s) => (s.name === name ? { ...s, ...change } : s)),
  };
}
