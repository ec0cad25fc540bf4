/**
 * The one table of comparable metrics: where each value comes from, which direction is worse, and
 * whether it is derived from the raw e2e samples (so the rank test applies to it). Rules and
 * budgets both name metrics from here; aliases let budgets use the short `p95_ms` style.
 */
import type { LatencyStats, ResultsDocument } from "../bench/types.js";

export type Direction = "higher_is_worse" | "lower_is_worse";
export type Unit = "ms" | "rate" | "usd" | "tokens";

/** What a metric reads from one scenario. Legacy (guide-format) baselines only have `summary`. */
export interface ScenarioLike {
  name: string;
  /** The guide's summary fields (and richer ones), read by name. */
  summary?: object;
  latency?: { ttft?: LatencyStats | null; overhead?: LatencyStats | null } | null;
  samples?: number[];
  definitionHash?: string;
}

export interface MetricDef {
  name: string;
  direction: Direction;
  unit: Unit;
  /** "run" metrics are compared once per run, not per scenario. */
  level: "scenario" | "run";
  /** Derived from e2e latency, whose raw samples the rank test can use. */
  fromSamples: boolean;
  scenarioValue?: (s: ScenarioLike) => number | null;
  runValue?: (d: ResultsDocument) => number | null;
}

function num(x: unknown): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

const summaryField =
  (field: string) =>
  (s: ScenarioLike): number | null =>
    num((s.summary as Record<string, unknown> | undefined)?.[field]);

const e2e = (name: string, field = name): MetricDef => ({
  name,
  direction: "higher_is_worse",
  unit: "ms",
  level: "scenario",
  fromSamples: true,
  scenarioValue: summaryField(field),
});

const fromStats = (name: string, which: "ttft" | "overhead", stat: keyof LatencyStats): MetricDef => ({
  name,
  direction: "higher_is_worse",
  unit: "ms",
  level: "scenario",
  fromSamples: false,
  scenarioValue: (s) => num(s.latency?.[which]?.[stat]),
});

const scenario = (name: string, direction: Direction, unit: Unit): MetricDef => ({
  name,
  direction,
  unit,
  level: "scenario",
  fromSamples: false,
  scenarioValue: summaryField(name),
});

const run = (name: string, value: (d: ResultsDocument) => number | null): MetricDef => ({
  name,
  direction: "lower_is_worse",
  unit: "rate",
  level: "run",
  fromSamples: false,
  runValue: value,
});

export const METRICS: readonly MetricDef[] = [
  e2e("mean_time_ms"),
  e2e("median_time_ms"),
  e2e("min_time_ms"),
  e2e("max_time_ms"),
  e2e("p90_time_ms"),
  e2e("p95_time_ms"),
  e2e("p99_time_ms"),
  e2e("p999_time_ms"),
  fromStats("ttft_mean_ms", "ttft", "mean"),
  fromStats("ttft_p50_ms", "ttft", "p50"),
  fromStats("ttft_p95_ms", "ttft", "p95"),
  fromStats("ttft_p99_ms", "ttft", "p99"),
  fromStats("overhead_p95_ms", "overhead", "p95"),
  scenario("success_rate", "lower_is_worse", "rate"),
  scenario("total_cost", "higher_is_worse", "usd"),
  scenario("cost_per_success", "higher_is_worse", "usd"),
  scenario("avg_input_tokens", "higher_is_worse", "tokens"),
  scenario("avg_output_tokens", "higher_is_worse", "tokens"),
  run("haiku_share", (d) => num(d.cost?.haikuShare)),
  // Held-out split: the honest number, not the part the selector was tuned on.
  run("accuracy_top1", (d) => num(d.accuracy?.heldOut.top1)),
  run("accuracy_top3", (d) => num(d.accuracy?.heldOut.top3)),
  run("accuracy_tier", (d) => num(d.accuracy?.heldOut.tierAccuracy)),
];

/** Short names accepted in rules and budgets. */
const ALIASES: Record<string, string> = {
  mean_ms: "mean_time_ms",
  median_ms: "median_time_ms",
  p50_ms: "median_time_ms",
  p50_time_ms: "median_time_ms",
  min_ms: "min_time_ms",
  max_ms: "max_time_ms",
  p90_ms: "p90_time_ms",
  p95_ms: "p95_time_ms",
  p99_ms: "p99_time_ms",
  p999_ms: "p999_time_ms",
};

const BY_NAME = new Map(METRICS.map((m) => [m.name, m]));

/** The metric a rule/budget key names (aliases resolved), or undefined. */
export function metricByName(key: string): MetricDef | undefined {
  return BY_NAME.get(ALIASES[key] ?? key);
}

export function metricNames(): string[] {
  return [...BY_NAME.keys(), ...Object.keys(ALIASES)];
}

/** The guide's three regression rules. */
export const GUIDE_RULES: Readonly<Record<string, number>> = {
  mean_time_ms: 1.15,
  success_rate: 0.95,
  total_cost: 1.5,
};
