/** The outcome of comparing a run against a baseline (rendered by terminal, HTML, Markdown, JUnit). */
export type Verdict = "ok" | "improved" | "regressed" | "budget_failed" | "insufficient_data" | "missing";

export interface ComparisonRow {
  scenario: string;
  /** e.g. mean_time_ms, p95_time_ms, ttft_p95_ms, success_rate, total_cost, cost_per_success, haiku_share */
  metric: string;
  baseline: number | null;
  current: number | null;
  /** current / baseline (null when baseline is 0 or missing). */
  ratio: number | null;
  /** Human-readable threshold such as "> 1.15x" or "< 5000" (budgets). */
  threshold: string;
  verdict: Verdict;
  /** Significance test details when raw samples existed. */
  pValue?: number | null;
  effectSize?: number | null;
  test?: "mann-whitney" | "bootstrap" | null;
  note?: string;
}

export interface Comparison {
  baselineFile: string | null;
  baselineRunId: string | null;
  currentRunId: string;
  /** Fingerprint mismatches (provider, model map, time scale, scenario definitions). */
  mismatches: string[];
  mismatchAllowed: boolean;
  strict: boolean;
  alpha: number;
  rows: ComparisonRow[];
  regressions: number;
  budgetFailures: number;
  passed: boolean;
  /** Provider of the current run, so every rendering can say when numbers are simulated. */
  provider?: string;
  simulated?: boolean;
  timeScale?: number | null;
  /** The baseline was in the guide's format (no run metadata, no fingerprint). */
  legacyBaseline?: boolean;
  /** Remarks for the reader: legacy baseline, unknown scenario names in rules, and so on. */
  notes?: string[];
}
