/**
 * Terminal summaries of a ResultsDocument: one table per benchmark type (latency, cost, throughput,
 * accuracy, load), workflow steps, totals and the files written. Pure formatting over Output.
 */
import { meanHandoff, slowestStep } from "../bench/aggregate.js";
import type { IterationEvent } from "../bench/session.js";
import type {
  AccuracyResult,
  LatencyStats,
  LoadResult,
  ResultsDocument,
  ScenarioResult,
} from "../bench/types.js";
import type { WorkflowStepResult } from "../orchestrator/types.js";
import { fmtMs, fmtPct, fmtUsd, type Output } from "./output.js";

const ci = (s: LatencyStats, key: "p50" | "p95") => {
  const c = s.ci95?.[key];
  return c ? `${fmtMs(c[0])}–${fmtMs(c[1])}` : "-";
};
const tokens = (n: number) => Math.round(n).toLocaleString("en-US");
const models = (s: ScenarioResult) => s.byModel.map((m) => m.model).join(", ") || "-";

export function printRunHeader(out: Output, doc: ResultsDocument): void {
  const r = doc.run;
  const sim = r.simulated
    ? out.c.yellow(`SIMULATED (time scale ${r.timeScale ?? 1}, seed ${r.seed ?? "-"})`)
    : "real";
  out.heading(
    `Run ${r.id}${r.incomplete ? out.c.red(` (INCOMPLETE: ${r.stopReason ?? "interrupted"})`) : ""}`,
  );
  out.line(`provider ${r.provider}, ${sim}; ${r.cpus}× ${r.cpu}; node ${r.node}`);
}

export function printLatency(out: Output, doc: ResultsDocument): void {
  if (doc.scenarios.length === 0) return;
  out.heading("Latency (successful executions; ms)");
  out.table(
    [
      "scenario",
      "model",
      "n",
      "success",
      "mean",
      "p50",
      "p90",
      "p95",
      "p99",
      "p50 95% CI",
      "p95 95% CI",
      "TTFT p50",
      "overhead p50",
    ],
    doc.scenarios.map((s) => {
      const e = s.latency.e2e;
      return [
        s.name,
        models(s),
        s.summary.executions,
        fmtPct(s.summary.success_rate),
        fmtMs(e.mean),
        fmtMs(e.p50),
        fmtMs(e.p90),
        fmtMs(e.p95),
        fmtMs(e.p99),
        ci(e, "p50"),
        ci(e, "p95"),
        fmtMs(s.latency.ttft?.p50),
        fmtMs(s.latency.overhead.p50),
      ];
    }),
    [
      "left",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
    ],
  );
  // Per-model latency where a scenario ran on several models (workflows, auto routing).
  const mixed = doc.scenarios.filter((s) => s.byModel.length > 1);
  if (mixed.length > 0) {
    out.line("");
    out.table(
      ["scenario", "model", "executions", "p50", "p95", "cost"],
      mixed.flatMap((s) =>
        s.byModel.map((m) => [
          s.name,
          m.model,
          m.executions,
          fmtMs(m.latency.p50),
          fmtMs(m.latency.p95),
          fmtUsd(m.cost),
        ]),
      ),
      ["left", "left", "right", "right", "right", "right"],
    );
  }
  for (const s of doc.scenarios) if (s.kind === "workflow") printWorkflowSteps(out, s);
  for (const s of doc.scenarios)
    if (s.passAtK)
      out.line(
        `${s.name}: pass@${s.passAtK.k} ${fmtPct(s.passAtK.passAtK)}, pass^${s.passAtK.k} ${fmtPct(s.passAtK.passHatK)}`,
      );
}

export function printWorkflowSteps(out: Output, s: ScenarioResult): void {
  if (!s.steps || s.steps.length === 0) return;
  out.heading(`Workflow ${s.workflow ?? s.name}: steps`);
  out.table(
    ["step", "agent", "runs", "mean", "p95", "hand-off", "cost"],
    s.steps.map((st) => [
      st.position,
      st.agent,
      st.executions,
      fmtMs(st.latency.mean),
      fmtMs(st.latency.p95),
      fmtMs(st.meanHandoffMs),
      fmtUsd(st.cost),
    ]),
    ["right", "left", "right", "right", "right", "right", "right"],
  );
  const slow = slowestStep(s.steps);
  out.line(
    `total workflow time: mean ${fmtMs(s.latency.e2e.mean)}, p95 ${fmtMs(s.latency.e2e.p95)}; slowest step: ${
      slow ? `${slow.position} ${slow.agent} (${fmtMs(slow.latency.mean)})` : "-"
    }; mean hand-off overhead ${fmtMs(meanHandoff(s.steps))}`,
  );
}

export function printCost(out: Output, doc: ResultsDocument): void {
  const c = doc.cost;
  if (!c) return;
  out.heading("Cost");
  if (doc.scenarios.length > 0)
    out.table(
      ["scenario", "total", "per success", "avg in", "avg out", "avg cached"],
      doc.scenarios.map((s) => [
        s.name,
        fmtUsd(s.summary.total_cost) + (s.summary.cost_incomplete ? "+?" : ""),
        fmtUsd(s.summary.cost_per_success, 6),
        tokens(s.summary.avg_input_tokens),
        tokens(s.summary.avg_output_tokens),
        tokens(s.summary.avg_cached_tokens),
      ]),
      ["left", "right", "right", "right", "right", "right"],
    );
  const [lo, hi] = c.haikuTarget;
  const inTarget = c.haikuShare >= lo && c.haikuShare <= hi;
  const mix = Object.entries(c.modelMix)
    .map(([k, v]) => `${k} ${fmtPct(v, 0)}`)
    .join(", ");
  out.line("");
  out.line(
    `total ${fmtUsd(c.totalCost)}${c.costIncomplete ? out.c.yellow(" (incomplete: some models have no price)") : ""}; per successful task ${fmtUsd(c.costPerSuccess, 6)}`,
  );
  out.line(
    `tokens: ${tokens(c.tokens.input)} in, ${tokens(c.tokens.output)} out, ${tokens(c.tokens.cacheRead)} cache read, ${tokens(c.tokens.cacheWrite)} cache write`,
  );
  out.line(
    `model mix: ${mix}; Haiku share ${fmtPct(c.haikuShare)} (target ${fmtPct(lo, 0)}–${fmtPct(hi, 0)}: ${inTarget ? out.c.green("in range") : out.c.yellow("outside")})`,
  );
  const saved =
    c.savingsVsSonnet >= 0
      ? `saves ${fmtUsd(c.savingsVsSonnet)} (${fmtPct(c.savingsVsSonnetPct)})`
      : `costs ${fmtUsd(-c.savingsVsSonnet)} more (${fmtPct(-c.savingsVsSonnetPct)})`;
  out.line(`vs Sonnet-only (same usage repriced at ${fmtUsd(c.sonnetOnlyCost)}): this run ${saved}`);
  if (c.whatIf.length > 0)
    out.line(`what-if, same usage on: ${c.whatIf.map((w) => `${w.model} ${fmtUsd(w.cost)}`).join(", ")}`);
}

export function printThroughput(out: Output, doc: ResultsDocument): void {
  if (doc.throughput.length === 0) return;
  out.heading("Throughput (closed loop, simple task)");
  out.table(
    [
      "concurrency",
      "tasks",
      "duration",
      "tasks/s",
      "tasks/min",
      "success",
      "queue p50",
      "queue p95",
      "latency p50",
      "latency p95",
      "CPU",
      "RSS",
      "loop p99",
    ],
    doc.throughput.map((t) => [
      t.concurrency,
      t.tasks,
      fmtMs(t.durationMs),
      t.tasksPerSecond.toFixed(2),
      t.tasksPerMinute.toFixed(1),
      fmtPct(t.successRate),
      fmtMs(t.queueWait.p50),
      fmtMs(t.queueWait.p95),
      fmtMs(t.latency.p50),
      fmtMs(t.latency.p95),
      fmtPct(t.resources.cpuUtilisation, 0),
      `${t.resources.peakRssMb.toFixed(0)}MB`,
      fmtMs(t.resources.eventLoopDelayMs.p99),
    ]),
  );
}

export function printAccuracy(out: Output, a: AccuracyResult | null): void {
  if (!a) return;
  out.heading(`Accuracy (${a.dataset})`);
  const mark = (v: number, target: number) =>
    v >= target ? out.c.green(fmtPct(v)) : out.c.yellow(fmtPct(v));
  out.table(
    ["split", "tasks", "top-1", "top-3", "tier routing"],
    (
      [
        ["tuning", a.tuning],
        ["held-out", a.heldOut],
        ["all", a.all],
      ] as const
    ).map(([name, s]) => [
      name,
      s.tasks,
      mark(s.top1, a.targets.top1),
      mark(s.top3, a.targets.top3),
      mark(s.tierAccuracy, a.targets.tier),
    ]),
    ["left", "right", "right", "right", "right"],
  );
  out.line(
    `targets (held-out): top-1 ≥ ${fmtPct(a.targets.top1, 0)}, top-3 ≥ ${fmtPct(a.targets.top3, 0)}, tier ≥ ${fmtPct(a.targets.tier, 0)}; selection latency p50 ${a.selectionLatencyUs.p50.toFixed(1)}µs, p99 ${a.selectionLatencyUs.p99.toFixed(1)}µs; task success rate ${fmtPct(a.taskSuccessRate)}`,
  );
  for (const [name, s] of [
    ["tuning", a.tuning],
    ["held-out", a.heldOut],
  ] as const) {
    const l = s.tierLabels;
    if (!l) continue;
    out.line(
      `${name} tier labels: ${l.annotators} independent annotators on ${l.tasks} tasks, pairwise agreement ${fmtPct(l.agreement)} (Fleiss' kappa ${l.fleissKappa === null ? "n/a" : l.fleissKappa.toFixed(2)}); router vs each annotator alone ${l.tierVsAnnotator.map((v) => fmtPct(v)).join(" / ")} (task writer first); on the ${l.unanimous} unanimous tasks ${fmtPct(l.tierOnUnanimous)}`,
    );
  }
  const cv = a.crossValidation;
  if (cv || a.note)
    out.line(
      [
        cv &&
          `${cv.folds}-fold cross-validation over ${cv.tasks} tuning tasks: top-1 ${fmtPct(cv.top1)}, top-3 ${fmtPct(cv.top3)}`,
        a.note,
      ]
        .filter(Boolean)
        .join("; "),
    );
  const confusions = a.confusion.filter((c) => c.expected !== c.predicted).sort((x, y) => y.count - x.count);
  if (confusions.length > 0)
    out.line(
      `most confused: ${confusions
        .slice(0, 5)
        .map((c) => `${c.expected} → ${c.predicted} (${c.count})`)
        .join(", ")}`,
    );
}

export function printLoad(out: Output, results: LoadResult[]): void {
  if (results.length === 0) return;
  out.heading("Load");
  out.table(
    [
      "mode",
      "target",
      "tasks",
      "done",
      "duration",
      "throughput/s",
      "success",
      "p50",
      "p95",
      "p99",
      "max",
      "queue p99",
      "late",
      "dropped",
      "goodput",
    ],
    results.map((r) => [
      r.mode === "open" ? `open ${r.arrival ?? ""}` : "closed",
      r.mode === "open"
        ? `${r.targetRate}/s (got ${(r.achievedRate ?? 0).toFixed(1)})`
        : `c=${r.concurrency}`,
      r.tasks,
      r.completed,
      fmtMs(r.durationMs),
      r.throughputPerSecond.toFixed(2),
      fmtPct(r.successRate),
      fmtMs(r.latency.p50),
      fmtMs(r.latency.p95),
      fmtMs(r.latency.p99),
      fmtMs(r.latency.max),
      fmtMs(r.queueWait.p99),
      r.lateStarts,
      r.dropped,
      r.goodput ? `${r.goodput.perSecond.toFixed(2)}/s (${fmtPct(r.goodput.share)})` : "-",
    ]),
  );
}

export function printTotals(out: Output, doc: ResultsDocument): void {
  const t = doc.totals;
  if (t.executions === 0 && !doc.resources) return; // e.g. accuracy only: nothing ran
  const errors = Object.entries(t.errors)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out.heading("Totals");
  out.line(
    `${t.executions} executions, ${t.successes} succeeded (${fmtPct(t.successRate)}), cost ${fmtUsd(t.totalCost)}, wall time ${fmtMs(t.wallMs)}${errors ? `; errors: ${errors}` : ""}`,
  );
  if (doc.resources)
    out.line(
      `harness: CPU ${fmtPct(doc.resources.cpuUtilisation, 0)} of one core, peak RSS ${doc.resources.peakRssMb.toFixed(0)}MB, event-loop delay p99 ${fmtMs(doc.resources.eventLoopDelayMs.p99)}`,
    );
}

export function printFiles(out: Output, files: Record<string, string | undefined>): void {
  const entries = Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined);
  if (entries.length === 0) return;
  out.heading("Written");
  for (const [what, path] of entries) out.line(`${what.padEnd(11)} ${path}`);
}

/** Everything about a run, in order. */
export function printDocument(out: Output, doc: ResultsDocument): void {
  printRunHeader(out, doc);
  printLatency(out, doc);
  printCost(out, doc);
  printThroughput(out, doc);
  printLoad(out, doc.load);
  printAccuracy(out, doc.accuracy);
  printTotals(out, doc);
}

/** The guide's per-iteration line: "  Iteration 3/10... 2874ms ✓" or "FAILED (1203ms) ✗" + the error. */
export function printIteration(out: Output, e: IterationEvent): void {
  const head = `  Iteration ${e.iteration}/${e.total}... `;
  if (e.outcome.success) out.line(`${head}${e.e2eMs.toFixed(0)}ms ${out.c.green("✓")}`);
  else {
    out.line(`${head}FAILED (${e.e2eMs.toFixed(0)}ms) ${out.c.red("✗")}`);
    out.line(
      `    Error: ${e.outcome.errorType ? `[${e.outcome.errorType}] ` : ""}${e.outcome.error ?? "failed"}`,
    );
  }
}

/** Workflow benchmark lines: a heading per iteration, a line per step, then the total. */
export function printWorkflowStep(
  out: Output,
  step: WorkflowStepResult,
  iteration: number,
  total: number,
): void {
  if (step.position === 1) out.line(`Iteration ${iteration}/${total}:`);
  const name = `  Step ${step.position}: ${step.agent}`.padEnd(32);
  out.line(
    step.success
      ? `${name} ${step.record.e2eMs.toFixed(0)}ms ${out.c.green("✓")}${step.position > 1 ? out.c.dim(` (hand-off ${fmtMs(step.handoffMs)})`) : ""}`
      : `${name} FAILED (${step.record.e2eMs.toFixed(0)}ms) ${out.c.red("✗")} ${step.errors[0] ?? ""}`,
  );
}

export function printWorkflowIteration(out: Output, e: IterationEvent): void {
  if (e.outcome.success) out.line(`  ${"Total:".padEnd(30)} ${e.e2eMs.toFixed(0)}ms\n`);
  else out.line(`  FAILED: ${e.outcome.error ?? "failed"}\n`);
}

/** The guide's single-agent result block: success rate, latency statistics, token usage and cost. */
export function printAgentSummary(out: Output, s: ScenarioResult): void {
  const sum = s.summary;
  const e = s.latency.e2e;
  out.line("");
  out.line("=".repeat(60));
  out.line(`BENCHMARK RESULTS: ${s.name}`);
  out.line("=".repeat(60));
  out.line("");
  out.line(`Success Rate: ${sum.successes}/${sum.executions} (${fmtPct(sum.success_rate)})`);
  out.line("");
  out.line("Latency (successful executions):");
  out.line(`  Mean:   ${fmtMs(e.mean)} (stdev ${fmtMs(e.stdev)})`);
  out.line(`  Median: ${fmtMs(e.p50)} (95% CI ${ci(e, "p50")})`);
  out.line(`  Min:    ${fmtMs(e.min)}`);
  out.line(`  Max:    ${fmtMs(e.max)}`);
  out.line(`  P90:    ${fmtMs(e.p90)}`);
  out.line(`  P95:    ${fmtMs(e.p95)} (95% CI ${ci(e, "p95")})`);
  out.line(`  P99:    ${fmtMs(e.p99)}`);
  if (s.latency.ttft)
    out.line(`  TTFT:   p50 ${fmtMs(s.latency.ttft.p50)}, p95 ${fmtMs(s.latency.ttft.p95)}`);
  out.line(`  Local overhead: p50 ${fmtMs(s.latency.overhead.p50)}, p99 ${fmtMs(s.latency.overhead.p99)}`);
  out.line(out.c.dim(`  (nearest-rank percentiles over ${e.count} samples)`));
  out.line("");
  const totalIn = sum.avg_input_tokens * sum.executions;
  const totalOut = sum.avg_output_tokens * sum.executions;
  out.line("Token Usage:");
  out.line(`  Avg Input:  ${tokens(sum.avg_input_tokens)} tokens`);
  out.line(`  Avg Output: ${tokens(sum.avg_output_tokens)} tokens`);
  if (sum.avg_cached_tokens > 0) out.line(`  Avg Cached: ${tokens(sum.avg_cached_tokens)} tokens`);
  out.line(`  Total:      ${tokens(totalIn + totalOut)} tokens`);
  out.line("");
  out.line("Cost:");
  out.line(`  Per execution: ${fmtUsd(sum.executions > 0 ? sum.total_cost / sum.executions : 0, 6)}`);
  out.line(`  Per success:   ${fmtUsd(sum.cost_per_success, 6)}`);
  out.line(
    `  Total:         ${fmtUsd(sum.total_cost)}${sum.cost_incomplete ? " (incomplete: unknown price)" : ""}`,
  );
}
