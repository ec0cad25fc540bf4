/**
 * The results document: one JSON file per run (`benchmarks/results/<run-id>.json`).
 * `scenarios[].summary` keeps the guide's field names so its regression and PR-comment
 * scripts run unchanged; everything richer sits beside them. schema/results.schema.json documents it.
 */
import type { DistributedSummary } from "../distributed/types.js";
import type { ErrorKind, ProviderName } from "../providers/types.js";

export const RESULTS_SCHEMA_VERSION = 1;

/** All durations in ms. Percentiles come from an HDR histogram recorded in integer µs. */
export interface LatencyStats {
  count: number;
  mean: number;
  stdev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  /** 95% bootstrap confidence intervals, when raw samples were kept. */
  ci95?: { p50: [number, number]; p95: [number, number] } | null;
}

/** Compact histogram for charts: [lowerMs, upperMs, count] buckets. */
export type HistogramBuckets = Array<[number, number, number]>;

/** The guide's summary fields (exact names) plus richer ones. */
export interface GuideSummary {
  success_rate: number;
  mean_time_ms: number;
  median_time_ms: number;
  min_time_ms: number;
  max_time_ms: number;
  p95_time_ms: number;
  avg_input_tokens: number;
  avg_output_tokens: number;
  total_cost: number;
  // richer, snake_case to sit beside the guide's
  p90_time_ms: number;
  p99_time_ms: number;
  p999_time_ms: number;
  stdev_time_ms: number;
  executions: number;
  successes: number;
  failures: number;
  cost_per_success: number | null;
  avg_cached_tokens: number;
  /** True when some executions had no price (cost excludes them). */
  cost_incomplete: boolean;
}

/** One execution as the guide's results list it (bounded per scenario; the full set is in JSONL). */
export interface GuideExecution {
  iteration: number;
  success: boolean;
  execution_time_ms: number;
  input_tokens: number | null;
  output_tokens: number | null;
  estimated_cost: number | null;
  model: string;
  error?: string;
  error_type?: ErrorKind;
  ttft_ms?: number | null;
  queue_wait_ms?: number;
  execution_id?: string;
}

export interface ModelBreakdown {
  model: string;
  executions: number;
  successes: number;
  latency: LatencyStats;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

export interface WorkflowStepStats {
  position: number;
  agent: string;
  executions: number;
  successes: number;
  latency: LatencyStats;
  meanHandoffMs: number;
  cost: number;
}

export interface ScenarioResult {
  name: string;
  kind: "agent" | "workflow";
  agent?: string;
  workflow?: string;
  task: string;
  description?: string;
  iterations: number;
  warmup: number;
  concurrency: number;
  timestamp: string;
  /** Hash of the scenario definition (task, agent/workflow, model, iterations) for fingerprints. */
  definitionHash: string;
  executions: GuideExecution[];
  executionsTruncated: boolean;
  summary: GuideSummary;
  latency: {
    e2e: LatencyStats;
    ttft: LatencyStats | null;
    overhead: LatencyStats;
    queueWait: LatencyStats;
  };
  histogram: HistogramBuckets;
  /** Bounded raw e2e samples (ms) kept for confidence intervals and significance tests. */
  samples: number[];
  byModel: ModelBreakdown[];
  errors: Partial<Record<ErrorKind, number>>;
  steps?: WorkflowStepStats[];
  /** Suite scenarios with repeated attempts. */
  passAtK?: { k: number; passAtK: number; passHatK: number } | null;
  /** Retries inside the scenario's executions: 429s met and time slept backing off. */
  retries?: RetryStats;
}

export interface RetryStats {
  /** Attempts answered with a 429 rate limit (retried or final). */
  rateLimited: number;
  /** Attempts beyond the first, over all executions. */
  retries: number;
  /** Time slept in retry backoff (retry-after included), ms. */
  backoffMs: number;
}

/** Client-side pacing (--rpm/--tpm) over the run: requests the limiter held back, and for how long. */
export interface PacingSummary {
  rpm: number | null;
  tpm: number | null;
  requests: number;
  delayed: number;
  totalWaitMs: number;
  maxWaitMs: number;
}

export interface CostAnalysis {
  totalCost: number;
  costIncomplete: boolean;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  costPerSuccess: number | null;
  /** Share of executions by model tier (0..1). */
  modelMix: Record<string, number>;
  haikuShare: number;
  haikuTarget: [number, number];
  /** Same usage repriced as if every call went to the Sonnet tier. */
  sonnetOnlyCost: number;
  savingsVsSonnet: number;
  savingsVsSonnetPct: number;
  /** Same usage repriced under each known model. */
  whatIf: Array<{ model: string; cost: number }>;
  byScenario: Array<{ name: string; cost: number }>;
  byAgent: Array<{ agent: string; cost: number; executions: number }>;
  byModel: Array<{ model: string; cost: number; executions: number }>;
}

export interface ResourceUsage {
  cpuUserMs: number;
  cpuSystemMs: number;
  /** CPU time / wall time (1.0 = one core busy). */
  cpuUtilisation: number;
  peakRssMb: number;
  peakHeapMb: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export interface ThroughputLevel {
  concurrency: number;
  tasks: number;
  durationMs: number;
  tasksPerSecond: number;
  tasksPerMinute: number;
  successRate: number;
  latency: LatencyStats;
  queueWait: LatencyStats;
  resources: ResourceUsage;
}

export interface LoadResult {
  mode: "closed" | "open";
  arrival?: "constant" | "poisson";
  targetRate?: number;
  achievedRate?: number;
  concurrency?: number;
  maxInFlight?: number;
  tasks: number;
  completed: number;
  durationMs: number;
  throughputPerSecond: number;
  successRate: number;
  /** Measured from the intended start in open loop (no coordinated omission). */
  latency: LatencyStats;
  serviceTime: LatencyStats;
  queueWait: LatencyStats;
  lateStarts: number;
  dropped: number;
  goodput?: { slo: Record<string, number>; perSecond: number; share: number } | null;
  histogram: HistogramBuckets;
  errors: Partial<Record<ErrorKind, number>>;
  resources: ResourceUsage;
}

export interface ConfusionCell {
  expected: string;
  predicted: string;
  count: number;
}

export interface AccuracySplit {
  tasks: number;
  top1: number;
  top3: number;
  /** Against each task's `tier` (the majority of its `tierVotes` when it has them). */
  tierAccuracy: number;
  /** Present when tasks carry `tierVotes` (several independent annotators' tiers). */
  tierLabels?: {
    /** Tasks counted here: those with the most common number of votes. */
    tasks: number;
    annotators: number;
    /** Mean pairwise agreement between annotators (Fleiss' observed agreement). */
    agreement: number;
    fleissKappa: number | null;
    /** Tasks on which every annotator gave the same tier, and the router's accuracy on them. */
    unanimous: number;
    tierOnUnanimous: number;
    /** Router accuracy against each annotator alone, in vote order (the task writer first). */
    tierVsAnnotator: number[];
  };
}

export interface AccuracyResult {
  dataset: string;
  tuning: AccuracySplit;
  heldOut: AccuracySplit;
  all: AccuracySplit;
  targets: { top1: number; top3: number; tier: number };
  confusion: ConfusionCell[];
  misses: Array<{
    task: string;
    expected: string[];
    predicted: string[];
    split: "tuning" | "held-out";
    /** The dataset's task id. */
    id?: string;
  }>;
  tierConfusion: ConfusionCell[];
  /** Tasks whose routed tier differs from the label. */
  tierMisses?: Array<{
    id: string;
    task: string;
    expected: string;
    predicted: string;
    split: "tuning" | "held-out";
  }>;
  selectionLatencyUs: { p50: number; p99: number };
  taskSuccessRate: number | null;
  /** k-fold cross-validation of the default selector over the tuning tasks (learnt part fitted on the other folds). */
  crossValidation?: { folds: number; seed: number; tasks: number; top1: number; top3: number };
  /** What the splits mean for this run, e.g. that the held-out file is missing. */
  note?: string;
}

export interface RunMeta {
  id: string;
  command: string;
  startedAt: string;
  finishedAt: string | null;
  provider: ProviderName;
  simulated: boolean;
  timeScale: number | null;
  seed: number | null;
  baseUrl: string | null;
  modelMap: Record<string, string>;
  gitCommit: string | null;
  node: string;
  os: string;
  cpu: string;
  cpus: number;
  configHash: string;
  /** Identifies what makes two runs comparable (provider, model map, time scale, scenario defs). */
  fingerprint: string;
  incomplete: boolean;
  /** Why an incomplete run stopped: "interrupted", "cost cap reached", "max duration reached (30s)". */
  stopReason?: string | null;
  /** True when `bench resume` completed the run: the document merges more than one process. */
  resumed?: boolean;
}

export interface ResultsDocument {
  schemaVersion: number;
  timestamp: string;
  run: RunMeta;
  scenarios: ScenarioResult[];
  cost: CostAnalysis | null;
  throughput: ThroughputLevel[];
  load: LoadResult[];
  accuracy: AccuracyResult | null;
  resources: ResourceUsage | null;
  totals: {
    executions: number;
    successes: number;
    failures: number;
    successRate: number;
    totalCost: number;
    wallMs: number;
    errors: Partial<Record<ErrorKind, number>>;
  };
  /** Client-side pacing, when --rpm or --tpm was set. */
  pacing?: PacingSummary | null;
  /** `--queue` runs: executions per worker, clock offsets, coordination overhead. */
  distributed?: DistributedSummary | null;
  /** Optional profiling output (issue: profiling). */
  profile?: Record<string, unknown> | null;
}
