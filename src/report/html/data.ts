/**
 * The data embedded in the dashboard: the results document without its bulky per-execution lists
 * (histograms and stats already summarise them), a few failure samples per scenario, history and
 * the comparison. Keeps the page small however many executions the run had.
 */
import type { GuideExecution, ResultsDocument, ScenarioResult } from "../../bench/types.js";
import type { Comparison } from "../../regress/types.js";
import type { HistoryEntry } from "../history.js";
import { type RunLatency, runLatency } from "../summary.js";
import { type DashboardProfile, dashboardProfile } from "./profile-data.js";

/** Failure samples kept per scenario: enough to see what went wrong, bounded for size. */
export const FAILURE_SAMPLES = 5;
/** An error message can carry a whole model output; the dashboard keeps its start. */
export const ERROR_TEXT_LIMIT = 2000;

export type DashboardScenario = Omit<ScenarioResult, "executions" | "samples"> & {
  failureSamples: Array<
    Pick<GuideExecution, "iteration" | "model" | "error" | "error_type" | "execution_time_ms">
  >;
};

export interface DashboardData {
  generatedAt: string;
  run: ResultsDocument["run"];
  totals: ResultsDocument["totals"];
  latency: RunLatency;
  cost: ResultsDocument["cost"];
  scenarios: DashboardScenario[];
  throughput: ResultsDocument["throughput"];
  load: ResultsDocument["load"];
  accuracy: ResultsDocument["accuracy"];
  resources: ResultsDocument["resources"];
  /** The harness's own profile (bench --profile), or null when the run was not profiled. */
  profile: DashboardProfile | null;
  history: Array<Omit<HistoryEntry, "file">>;
  comparison: Comparison | null;
}

export function dashboardData(
  doc: ResultsDocument,
  opts: { history?: HistoryEntry[]; comparison?: Comparison | null; generatedAt?: string } = {},
): DashboardData {
  return {
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    run: doc.run,
    totals: doc.totals,
    latency: runLatency(doc),
    cost: doc.cost,
    scenarios: doc.scenarios.map(({ executions, samples: _samples, ...rest }) => ({
      ...rest,
      failureSamples: executions
        .filter((e) => !e.success)
        .slice(0, FAILURE_SAMPLES)
        .map((e) => ({
          iteration: e.iteration,
          model: e.model,
          error:
            e.error && e.error.length > ERROR_TEXT_LIMIT
              ? `${e.error.slice(0, ERROR_TEXT_LIMIT)}… (truncated)`
              : e.error,
          error_type: e.error_type,
          execution_time_ms: e.execution_time_ms,
        })),
    })),
    throughput: doc.throughput ?? [],
    load: doc.load ?? [],
    accuracy: doc.accuracy ?? null,
    resources: doc.resources ?? null,
    profile: dashboardProfile(doc.profile),
    history: (opts.history ?? []).map(({ file: _file, ...rest }) => rest),
    comparison: opts.comparison ?? null,
  };
}
