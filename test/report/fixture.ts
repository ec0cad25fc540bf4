/**
 * A seeded, realistic synthetic ResultsDocument for report tests: every section populated
 * (scenarios with histograms, byModel, workflow steps, errors; cost; throughput ladder; open-loop
 * load; accuracy with confusion), bounded like the real one (executions[] truncated per scenario).
 */
import type {
  AccuracyResult,
  GuideExecution,
  HistogramBuckets,
  LatencyStats,
  LoadResult,
  ResourceUsage,
  ResultsDocument,
  ScenarioResult,
  ThroughputLevel,
} from "../../src/bench/types.js";
import type { ProfileSummary } from "../../src/profiling/types.js";
import type { ErrorKind } from "../../src/providers/types.js";
import type { Comparison } from "../../src/regress/types.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";

export const XSS_SCRIPT = "<script>alert(1)</script>";
export const XSS_IMG = "<img src=x onerror=alert(1)>";

export interface FixtureOptions {
  seed?: number;
  /** Executions per scenario (the histogram and stats carry all of them). */
  executionsPerScenario?: number;
  scenarios?: number;
  /** Put XSS payloads into task, error and accuracy texts. */
  xss?: boolean;
  simulated?: boolean;
  runId?: string;
  startedAt?: string;
  /** Multiply every latency (to fake a slower or faster run for history/comparison). */
  latencyFactor?: number;
  /** Add a `--profile all` summary (with XSS payloads as function names when `xss` is set). */
  profile?: boolean;
}

/** mulberry32: tiny deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal latency sample around a median (ms). */
function logNormal(rand: () => number, median: number, sigma: number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = n ? sorted.reduce((s, x) => s + x, 0) / n : 0;
  const variance = n ? sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / n : 0;
  const p50 = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  return {
    count: n,
    mean,
    stdev: Math.sqrt(variance),
    min: sorted[0] ?? 0,
    max: sorted[n - 1] ?? 0,
    p50,
    p90: quantile(sorted, 0.9),
    p95,
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    ci95: n ? { p50: [p50 * 0.97, p50 * 1.03], p95: [p95 * 0.95, p95 * 1.06] } : null,
  };
}

/** Log-spaced buckets, like an HDR histogram exported for charts. */
function histogram(values: number[], buckets = 60): HistogramBuckets {
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const lo = Math.log(Math.max(min, 1));
  const hi = Math.log(max + 1);
  const step = (hi - lo) / buckets;
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) {
    const i = Math.min(buckets - 1, Math.floor((Math.log(Math.max(v, 1)) - lo) / step));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((c, i) => [Math.exp(lo + i * step), Math.exp(lo + (i + 1) * step), c]);
}

function resources(rand: () => number): ResourceUsage {
  return {
    cpuUserMs: 800 + rand() * 400,
    cpuSystemMs: 120 + rand() * 80,
    cpuUtilisation: 0.2 + rand() * 0.5,
    peakRssMb: 90 + rand() * 40,
    peakHeapMb: 30 + rand() * 20,
    eventLoopDelayMs: { p50: 0.4, p99: 2.1, max: 9.5 },
  };
}

const DIST = "file:///home/runner/work/claude-force/claude-force/dist";
const NODE_MODULES = "file:///home/runner/work/claude-force/claude-force/node_modules";
export const PROFILE_DIR = "/home/runner/work/claude-force/claude-force/benchmarks/results";

/**
 * What `bench --profile all` records for a 10-minute simulated run: mostly idle (the sim provider
 * sleeps), busy time spread over tracking, histograms, JSON and GC, like a real harness profile.
 */
function profileSummary(rand: () => number, runId: string, xss: boolean): ProfileSummary {
  const name = `${runId}.profile`;
  const jitter = () => 0.9 + rand() * 0.2;
  const frames: Array<[string, string, number | null, number]> = [
    ["(garbage collector)", "", null, 5200],
    ["recordExecution", `${DIST}/tracking/tracker.js`, 142, 4100],
    ["(program)", "", null, 3300],
    ["recordValue", `${NODE_MODULES}/hdr-histogram-js/dist/JsHistogram.js`, 180, 2700],
    ["stringify", "", null, 2300],
    [xss ? XSS_SCRIPT : "simulateLatency", `${DIST}/providers/sim/latency.js`, 37, 1900],
    ["writeSync", "node:fs", 915, 1500],
    ["tryToStartAnother", `${NODE_MODULES}/p-queue/dist/index.js`, 211, 1100],
    ["processTicksAndRejections", "node:internal/process/task_queues", 95, 900],
    ["(anonymous)", `${DIST}/bench/runner.js`, 88, 700],
  ];
  const selfMs = frames.map((f) => f[3] * jitter());
  // The top ten cover about 80% of the busy (non-idle) time, as in real profiles.
  const busyMs = selfMs.reduce((a, b) => a + b, 0) / 0.8;
  const allocations: Array<[string, string, number | null, number]> = [
    ["recordExecution", `${DIST}/tracking/tracker.js`, 150, 48.2],
    ["stringify", "", null, 31.7],
    [xss ? XSS_IMG : "buildMessages", `${DIST}/providers/sim/messages.js`, 22, 18.4],
    ["recordValue", `${NODE_MODULES}/hdr-histogram-js/dist/JsHistogram.js`, 184, 6.9],
    ["Promise", "", null, 5.1],
  ];
  const byKind = {
    minor: { count: 412, totalMs: 180.4 * jitter() },
    major: { count: 6, totalMs: 42.7 * jitter() },
    incremental: { count: 9, totalMs: 5.1 },
    weakcb: { count: 2, totalMs: 0.08 },
  };
  const kinds = Object.values(byKind);
  const durationMs = 601_234;
  const userMs = busyMs * 0.85;
  const systemMs = busyMs * 0.15 + 1800;
  return {
    name,
    durationMs,
    files: {
      cpuprofile: `${PROFILE_DIR}/${name}.cpuprofile`,
      flamegraph: `${PROFILE_DIR}/${name}.flame.html`,
      heapprofile: `${PROFILE_DIR}/${name}.heapprofile`,
    },
    cpu: {
      userMs,
      systemMs,
      utilisation: (userMs + systemMs) / durationMs,
      samples: Math.round(durationMs / 1.05),
      idleMs: durationMs - busyMs,
      topSelfTime: frames.map(([functionName, url, line], i) => ({
        functionName,
        url,
        line,
        selfMs: selfMs[i]!,
        selfShare: selfMs[i]! / busyMs,
      })),
    },
    topAllocations: allocations.map(([functionName, url, line, mb]) => ({
      functionName,
      url,
      line,
      selfMb: mb * jitter(),
    })),
    peakRssMb: 118 + rand() * 10,
    peakHeapMb: 41 + rand() * 6,
    eventLoopDelayMs: { p50: 10.1, p99: 12.6, max: 48.3 },
    gc: {
      count: kinds.reduce((a, k) => a + k.count, 0),
      totalMs: kinds.reduce((a, k) => a + k.totalMs, 0),
      maxMs: 14.2,
      byKind,
    },
  };
}

const MODELS = [
  { id: "claude-haiku-4-5", tier: "haiku", median: 2800, inPrice: 1, outPrice: 5 },
  { id: "claude-sonnet-4-5", tier: "sonnet", median: 5000, inPrice: 3, outPrice: 15 },
  { id: "claude-opus-4-5", tier: "opus", median: 11000, inPrice: 5, outPrice: 25 },
] as const;

const AGENTS = [
  "python-expert",
  "code-reviewer",
  "api-designer",
  "bug-investigator",
  "document-writer-expert",
];
const ERROR_KINDS: ErrorKind[] = ["rate_limit", "overloaded", "timeout", "server", "connection"];

export function makeResultsDocument(opts: FixtureOptions = {}): ResultsDocument {
  const rand = rng(opts.seed ?? 42);
  const perScenario = opts.executionsPerScenario ?? 200;
  const nScenarios = Math.max(2, opts.scenarios ?? 4);
  const factor = opts.latencyFactor ?? 1;
  const simulated = opts.simulated ?? true;
  const runId = opts.runId ?? "20261126-134501-a1b2";
  const startedAt = opts.startedAt ?? "2026-11-26T13:45:01.000Z";
  const xss = Boolean(opts.xss);

  const scenarios: ScenarioResult[] = [];
  const allErrors: Partial<Record<ErrorKind, number>> = {};
  const costByModel = new Map<string, { cost: number; executions: number }>();
  const costByAgent = new Map<string, { cost: number; executions: number }>();
  let tokensIn = 0;
  let tokensOut = 0;
  let successes = 0;
  let total = 0;
  let totalCost = 0;

  for (let s = 0; s < nScenarios; s++) {
    const isWorkflow = s === nScenarios - 1;
    const model = MODELS[s % 2 === 0 ? 0 : s % 3 === 0 ? 2 : 1]!;
    const agent = AGENTS[s % AGENTS.length]!;
    const name = isWorkflow ? "code-quality-check" : `${agent}-${["simple", "review", "design"][s % 3]}`;
    const task =
      xss && s === 0
        ? `Explain this snippet ${XSS_SCRIPT} and ${XSS_IMG} please`
        : `Task ${s}: review the error handling in the payments module`;
    const e2e: number[] = [];
    const ttft: number[] = [];
    const executions: GuideExecution[] = [];
    const errors: Partial<Record<ErrorKind, number>> = {};
    const byModel = new Map<
      string,
      { lat: number[]; ok: number; inTok: number; outTok: number; cost: number }
    >();
    let sCost = 0;
    let sOk = 0;
    let sIn = 0;
    let sOut = 0;
    for (let i = 0; i < perScenario; i++) {
      const m = rand() < 0.8 ? model : MODELS[(MODELS.indexOf(model) + 1) % 3]!;
      const ms = logNormal(rand, m.median * factor * (isWorkflow ? 3 : 1), 0.35);
      const ok = rand() > 0.03;
      const inTok = Math.round(600 + rand() * 900);
      const outTok = Math.round(300 + rand() * 1200);
      const cost = (inTok * m.inPrice + outTok * m.outPrice) / 1e6;
      const first = ms * (0.1 + rand() * 0.1);
      e2e.push(ms);
      ttft.push(first);
      sCost += cost;
      sIn += inTok;
      sOut += outTok;
      const bm = byModel.get(m.id) ?? { lat: [], ok: 0, inTok: 0, outTok: 0, cost: 0 };
      bm.lat.push(ms);
      bm.inTok += inTok;
      bm.outTok += outTok;
      bm.cost += cost;
      let errorType: ErrorKind | undefined;
      if (ok) {
        sOk++;
        bm.ok++;
      } else {
        errorType = ERROR_KINDS[Math.floor(rand() * ERROR_KINDS.length)]!;
        errors[errorType] = (errors[errorType] ?? 0) + 1;
        allErrors[errorType] = (allErrors[errorType] ?? 0) + 1;
      }
      byModel.set(m.id, bm);
      const cm = costByModel.get(m.id) ?? { cost: 0, executions: 0 };
      cm.cost += cost;
      cm.executions++;
      costByModel.set(m.id, cm);
      if (executions.length < 1000) {
        const exec: GuideExecution = {
          iteration: i + 1,
          success: ok,
          execution_time_ms: ms,
          input_tokens: inTok,
          output_tokens: outTok,
          estimated_cost: cost,
          model: m.id,
          ttft_ms: first,
          queue_wait_ms: rand() * 5,
          execution_id: `${s.toString(16)}${i.toString(16).padStart(15, "0")}`,
        };
        if (errorType) {
          exec.error_type = errorType;
          exec.error =
            xss && executions.length < 200
              ? `model said ${XSS_IMG} then ${XSS_SCRIPT}`
              : `${errorType}: request failed, "quoted", with, commas`;
        }
        executions.push(exec);
      }
    }
    const ca = costByAgent.get(agent) ?? { cost: 0, executions: 0 };
    ca.cost += sCost;
    ca.executions += perScenario;
    costByAgent.set(agent, ca);
    tokensIn += sIn;
    tokensOut += sOut;
    successes += sOk;
    total += perScenario;
    totalCost += sCost;
    const e2eStats = stats(e2e);
    const samples = e2e.slice(0, 1000);
    scenarios.push({
      name,
      kind: isWorkflow ? "workflow" : "agent",
      ...(isWorkflow ? { workflow: name } : { agent }),
      task,
      description: `Scenario ${s + 1}`,
      iterations: perScenario,
      warmup: 2,
      concurrency: 1,
      timestamp: startedAt,
      definitionHash: `def${s}`.padEnd(16, "0"),
      executions,
      executionsTruncated: perScenario > executions.length,
      summary: {
        success_rate: sOk / perScenario,
        mean_time_ms: e2eStats.mean,
        median_time_ms: e2eStats.p50,
        min_time_ms: e2eStats.min,
        max_time_ms: e2eStats.max,
        p95_time_ms: e2eStats.p95,
        avg_input_tokens: sIn / perScenario,
        avg_output_tokens: sOut / perScenario,
        total_cost: sCost,
        p90_time_ms: e2eStats.p90,
        p99_time_ms: e2eStats.p99,
        p999_time_ms: e2eStats.p999,
        stdev_time_ms: e2eStats.stdev,
        executions: perScenario,
        successes: sOk,
        failures: perScenario - sOk,
        cost_per_success: sOk ? sCost / sOk : null,
        avg_cached_tokens: 120,
        cost_incomplete: false,
      },
      latency: {
        e2e: e2eStats,
        ttft: stats(ttft),
        overhead: stats(e2e.map((x) => x * 0.004)),
        queueWait: stats(e2e.map(() => rand() * 5)),
      },
      histogram: histogram(e2e),
      samples,
      byModel: [...byModel].map(([modelId, b]) => ({
        model: modelId,
        executions: b.lat.length,
        successes: b.ok,
        latency: stats(b.lat),
        inputTokens: b.inTok,
        outputTokens: b.outTok,
        cost: b.cost,
      })),
      errors,
      ...(isWorkflow
        ? {
            steps: ["python-expert", "code-reviewer", "document-writer-expert"].map((a, k) => ({
              position: k + 1,
              agent: a,
              executions: perScenario - k,
              successes: perScenario - k - 2,
              latency: stats(e2e.map((x) => x / 3 + k * 200)),
              meanHandoffMs: 3 + k,
              cost: sCost / 3,
            })),
          }
        : {}),
      passAtK: { k: 3, passAtK: 0.99, passHatK: 0.91 },
    });
  }

  const throughput: ThroughputLevel[] = [1, 5, 10, 20].map((c) => {
    const lat = Array.from({ length: 50 }, () => logNormal(rand, 3000 * factor * (1 + c / 40), 0.3));
    const durationMs = (50 / c) * 3100 * factor;
    return {
      concurrency: c,
      tasks: 50,
      durationMs,
      tasksPerSecond: 50 / (durationMs / 1000),
      tasksPerMinute: 3000 / (durationMs / 1000),
      successRate: 1 - c / 400,
      latency: stats(lat),
      queueWait: stats(lat.map(() => c * rand())),
      resources: resources(rand),
    };
  });

  const openLat = Array.from({ length: 400 }, () => logNormal(rand, 3200 * factor, 0.4));
  const load: LoadResult[] = [
    {
      mode: "open",
      arrival: "poisson",
      targetRate: 5,
      achievedRate: 4.93,
      maxInFlight: 64,
      tasks: 400,
      completed: 398,
      durationMs: 81_000,
      throughputPerSecond: 4.91,
      successRate: 0.985,
      latency: stats(openLat),
      serviceTime: stats(openLat.map((x) => x * 0.9)),
      queueWait: stats(openLat.map((x) => x * 0.1)),
      lateStarts: 3,
      dropped: 2,
      goodput: { slo: { e2e_ms: 5000, ttft_ms: 1000 }, perSecond: 4.2, share: 0.86 },
      histogram: histogram(openLat, 40),
      errors: { rate_limit: 4, timeout: 2 },
      resources: resources(rand),
    },
    {
      mode: "closed",
      concurrency: 10,
      tasks: 100,
      completed: 100,
      durationMs: 33_000,
      throughputPerSecond: 3.03,
      successRate: 0.99,
      latency: stats(openLat.slice(0, 100)),
      serviceTime: stats(openLat.slice(0, 100)),
      queueWait: stats(openLat.slice(0, 100).map(() => 0.2)),
      lateStarts: 0,
      dropped: 0,
      goodput: null,
      histogram: histogram(openLat.slice(0, 100), 30),
      errors: { overloaded: 1 },
      resources: resources(rand),
    },
  ];

  const labels = ["python-expert", "code-reviewer", "api-designer", "bug-investigator"];
  const confusion = labels.flatMap((e) =>
    labels.map((p) => ({
      expected: e,
      predicted: p,
      count: e === p ? 8 + Math.floor(rand() * 4) : Math.floor(rand() * 3),
    })),
  );
  const accuracy: AccuracyResult = {
    dataset: "builtin-selection-v1",
    tuning: { tasks: 30, top1: 0.83, top3: 0.97, tierAccuracy: 0.9 },
    heldOut: {
      tasks: 20,
      top1: 0.75,
      top3: 0.9,
      tierAccuracy: 0.85,
      tierLabels: {
        tasks: 20,
        annotators: 3,
        agreement: 0.96,
        fleissKappa: 0.93,
        unanimous: 19,
        tierOnUnanimous: 0.9,
        tierVsAnnotator: [0.9, 0.85, 0.8],
      },
    },
    all: { tasks: 50, top1: 0.8, top3: 0.94, tierAccuracy: 0.88 },
    targets: { top1: 0.75, top3: 0.9, tier: 0.85 },
    confusion,
    misses: [
      {
        task: xss ? `Fix ${XSS_SCRIPT} in the login form ${XSS_IMG}` : "Fix the flaky login test",
        expected: ["bug-investigator"],
        predicted: ["code-reviewer", "python-expert"],
        split: "held-out",
      },
      {
        task: "Design REST endpoints for invoices",
        expected: ["api-designer"],
        predicted: ["python-expert"],
        split: "tuning",
      },
    ],
    tierConfusion: [
      { expected: "haiku", predicted: "haiku", count: 20 },
      { expected: "haiku", predicted: "sonnet", count: 3 },
      { expected: "sonnet", predicted: "sonnet", count: 18 },
      { expected: "opus", predicted: "opus", count: 6 },
      { expected: "opus", predicted: "sonnet", count: 3 },
    ],
    selectionLatencyUs: { p50: 12, p99: 48 },
    taskSuccessRate: 0.96,
  };

  const haikuExec = costByModel.get("claude-haiku-4-5")?.executions ?? 0;
  const sonnetOnlyCost = totalCost * 1.8;
  const doc: ResultsDocument = {
    schemaVersion: 1,
    timestamp: startedAt,
    run: {
      id: runId,
      command: "claude-force bench --all",
      startedAt,
      finishedAt: new Date(Date.parse(startedAt) + 600_000).toISOString(),
      provider: simulated ? "sim" : "anthropic",
      simulated,
      timeScale: simulated ? 0.01 : null,
      seed: simulated ? (opts.seed ?? 42) : null,
      baseUrl: null,
      modelMap: { haiku: "claude-haiku-4-5", sonnet: "claude-sonnet-4-5", opus: "claude-opus-4-5" },
      gitCommit: "736c641f00d1",
      node: "v20.20.2",
      os: "linux 6.1 x64",
      cpu: "AMD EPYC 7B13",
      cpus: 2,
      configHash: "cfg0123456789abc",
      fingerprint: "fp0123456789abcd",
      incomplete: false,
    },
    scenarios,
    cost: {
      totalCost,
      costIncomplete: false,
      tokens: { input: tokensIn, output: tokensOut, cacheRead: 12_000, cacheWrite: 4_000 },
      costPerSuccess: successes ? totalCost / successes : null,
      modelMix: Object.fromEntries([...costByModel].map(([m, v]) => [m, v.executions / total])),
      haikuShare: haikuExec / total,
      haikuTarget: [0.6, 0.8],
      sonnetOnlyCost,
      savingsVsSonnet: sonnetOnlyCost - totalCost,
      savingsVsSonnetPct: (sonnetOnlyCost - totalCost) / sonnetOnlyCost,
      whatIf: MODELS.map((m) => ({ model: m.id, cost: totalCost * (m.outPrice / 10) })),
      byScenario: scenarios.map((s) => ({ name: s.name, cost: s.summary.total_cost })),
      byAgent: [...costByAgent].map(([a, v]) => ({ agent: a, cost: v.cost, executions: v.executions })),
      byModel: [...costByModel].map(([m, v]) => ({ model: m, cost: v.cost, executions: v.executions })),
    },
    throughput,
    load,
    accuracy,
    resources: resources(rand),
    totals: {
      executions: total,
      successes,
      failures: total - successes,
      successRate: successes / total,
      totalCost,
      wallMs: 600_000,
      errors: allErrors,
    },
    profile: opts.profile ? profileSummary(rand, runId, xss) : null,
  };
  return doc;
}

/** A comparison with one row per verdict kind, for renderer tests. */
export function makeComparison(doc: ResultsDocument): Comparison {
  const [a, b] = doc.scenarios;
  const rows: Comparison["rows"] = [
    {
      scenario: a!.name,
      metric: "mean_time_ms",
      baseline: 2500,
      current: a!.summary.mean_time_ms,
      ratio: a!.summary.mean_time_ms / 2500,
      threshold: "> 1.15x",
      verdict: "regressed",
      pValue: 0.001,
      effectSize: 0.4,
      test: "mann-whitney",
    },
    {
      scenario: a!.name,
      metric: "success_rate",
      baseline: 0.97,
      current: a!.summary.success_rate,
      ratio: a!.summary.success_rate / 0.97,
      threshold: "< 0.95x",
      verdict: "ok",
    },
    {
      scenario: b!.name,
      metric: "total_cost",
      baseline: b!.summary.total_cost * 1.4,
      current: b!.summary.total_cost,
      ratio: 1 / 1.4,
      threshold: "> 1.5x",
      verdict: "improved",
    },
    {
      scenario: b!.name,
      metric: "p95_time_ms",
      baseline: null,
      current: b!.summary.p95_time_ms,
      ratio: null,
      threshold: "< 5000",
      verdict: "budget_failed",
      note: "budget: simple p95 under 5 s",
    },
  ];
  return {
    baselineFile: "benchmarks/baseline.json",
    baselineRunId: "20261120-101010-ffff",
    currentRunId: doc.run.id,
    mismatches: [],
    mismatchAllowed: false,
    strict: false,
    alpha: 0.05,
    rows,
    regressions: 1,
    budgetFailures: 1,
    passed: false,
  };
}

/** ExecutionRecords as the tracker writes them to `<run-id>.executions.jsonl`. */
export function makeExecutionRecords(doc: ResultsDocument): ExecutionRecord[] {
  return doc.scenarios.flatMap((s) =>
    s.executions.map((e) => ({
      runId: doc.run.id,
      executionId: e.execution_id ?? `${s.name}-${e.iteration}`,
      timestamp: s.timestamp,
      agent: s.agent ?? "python-expert",
      workflow: s.workflow ?? null,
      workflowPosition: s.workflow ? 1 : null,
      scenario: s.name,
      iteration: e.iteration,
      provider: doc.run.provider,
      simulated: doc.run.simulated,
      model: e.model,
      routing: { tier: "haiku", model: e.model, source: "scenario", reason: "scenario model" },
      taskHash: "0123456789abcdef",
      success: e.success,
      errorType: e.error_type ?? null,
      errorMessage: e.error ?? null,
      attempts: e.success ? 1 : 3,
      usage: {
        input: e.input_tokens,
        output: e.output_tokens,
        cacheRead: 0,
        cacheWrite5m: 0,
        cacheWrite1h: null,
      },
      cost: e.estimated_cost,
      e2eMs: e.execution_time_ms,
      ttftMs: e.ttft_ms ?? null,
      queueWaitMs: e.queue_wait_ms ?? 0,
      overheadMs: 0.4,
      backoffMs: e.success ? 0 : 1500,
      worker: null,
    })),
  );
}
