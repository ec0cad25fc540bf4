/**
 * BenchSession: the one loop every benchmark (built-in suite, single agent, workflow, custom suite,
 * load) runs through. It executes scenarios on a schedule, feeds each execution to the scenario
 * aggregator, the cost analysis, the run totals and the JSONL results file as it finishes, and
 * assembles the ResultsDocument at the end, marked incomplete (with the reason) when the run was
 * stopped by Ctrl-C or a run limit. Given a ResumeState it skips the iterations an earlier process
 * finished and feeds those executions to the same aggregators, so the document covers each once.
 */

import type { Runtime } from "../orchestrator/runtime.js";
import type { ExecuteResult, WorkflowResult, WorkflowStepResult } from "../orchestrator/types.js";
import type { AttemptRecord, ErrorKind } from "../providers/types.js";
import type { ExecutionRecord } from "../tracking/types.js";
import { type LiveStats, type Outcome, outcomeOf, ScenarioAggregator, workflowOutcome } from "./aggregate.js";
import { type Checker, judge, passAtK, passHatK } from "./assertions.js";
import { CostAccumulator } from "./cost.js";
import { ResultsWriter, type WrittenFiles } from "./results-writer.js";
import { type ExecutionLine, outcomeOfLine, type ResumeState, recordOf } from "./resume-state.js";
import { collectRunMeta } from "./run-meta.js";
import { definitionHash, type ScenarioDef } from "./scenarios.js";
import { runClosedLoop } from "./schedule.js";
import type { PacingSummary, ResultsDocument, RetryStats, ScenarioResult } from "./types.js";

/** warmup: not in any statistic; scenario: latency/cost runs; throughput/load: capacity runs. */
export type Phase = "warmup" | "scenario" | "throughput" | "load";

export interface ProgressEvent extends LiveStats {
  phase: Phase;
  scenario: string;
  /** Planned executions; 0 when not known ahead (Poisson arrivals). */
  total: number;
}

export interface ExecutionEvent {
  phase: Phase;
  scenario: string;
  iteration: number;
  record: ExecutionRecord;
  /** The bench verdict (assertions included); `record.success` is the provider's. */
  outcome: Outcome;
}

/** One finished iteration (an agent execution or a whole workflow run). */
export interface IterationEvent {
  scenario: string;
  iteration: number;
  total: number;
  outcome: Outcome;
  e2eMs: number;
  result: ExecuteResult | null;
  workflow: WorkflowResult | null;
}

export interface BenchCallbacks {
  /** Stops the run (Ctrl-C, a run limit); its reason becomes `run.stopReason`. */
  signal?: AbortSignal;
  /** Resuming an interrupted run: what it already finished (see resume-state.ts). */
  resume?: ResumeState;
  onProgress?: (e: ProgressEvent) => void;
  onExecution?: (e: ExecutionEvent) => void;
}

export interface SessionOptions extends BenchCallbacks {
  command: string;
  /** Where results files go; none are written when absent. */
  outputDir?: string;
}

export interface ScenarioSpec {
  def: ScenarioDef;
  iterations: number;
  warmup: number;
  concurrency: number;
  /** Overrides the scenario's model (the --model flag). */
  model?: string;
  checker?: Checker | null;
  /** k for pass@k / pass^k; when set, the result carries passAtK. */
  k?: number;
  /** Extra data that makes the definition distinct (suite assertions). */
  hashExtra?: unknown;
  onIteration?: (e: IterationEvent) => void;
  onStep?: (step: WorkflowStepResult, iteration: number) => void;
}

/** What a JSONL line carries beyond the execution record, for resume and retry statistics. */
interface LineExtra {
  rateLimited?: number;
  handoffMs?: number;
  workflowMs?: number;
}

interface Totals {
  executions: number;
  successes: number;
  totalCost: number;
  errors: Partial<Record<ErrorKind, number>>;
}

export class BenchSession {
  readonly writer: ResultsWriter | null;
  readonly cost: CostAccumulator;
  readonly scenarios: ScenarioResult[] = [];
  readonly scenarioHashes: Record<string, string> = {};
  private readonly totals: Totals = { executions: 0, successes: 0, totalCost: 0, errors: {} };
  private readonly retries = new Map<string, RetryStats>();
  private readonly startedAt: Date;
  private readonly t0 = performance.now();
  private files: WrittenFiles | null = null;

  constructor(
    readonly runtime: Runtime,
    private readonly opts: SessionOptions,
  ) {
    this.writer = opts.outputDir ? ResultsWriter.open(opts.outputDir, runtime.runId) : null;
    this.cost = new CostAccumulator(runtime.prices, runtime.modelMap);
    this.startedAt = opts.resume?.startedAt ?? new Date();
  }

  get signal(): AbortSignal | undefined {
    return this.opts.signal;
  }

  get aborted(): boolean {
    return this.opts.signal?.aborted === true;
  }

  get writtenFiles(): WrittenFiles | null {
    return this.files;
  }

  /**
   * Account for one execution everywhere it belongs. Executions cancelled by our own interruption
   * are written to the JSONL file but kept out of statistics (they measure the Ctrl-C, not the agent):
   * for those this returns false. Warmups reach only the JSONL file and the caller's aggregator.
   */
  recordExecution(
    phase: Phase,
    iteration: number,
    rec: ExecutionRecord,
    outcome: Outcome = outcomeOf(rec),
    extra: LineExtra = {},
  ): boolean {
    this.writer?.append({
      phase,
      ...rec,
      providerSuccess: rec.success,
      success: outcome.success,
      errorType: outcome.errorType,
      errorMessage: outcome.error,
      ...extra,
    });
    this.opts.onExecution?.({ phase, scenario: rec.scenario ?? "", iteration, record: rec, outcome });
    if (this.isInterruption(outcome)) return false;
    this.account(phase, rec, outcome, extra.rateLimited ?? 0);
    return true;
  }

  /** Totals, cost analysis and retry statistics of one counted execution (run now or restored). */
  private account(phase: Phase, rec: ExecutionRecord, outcome: Outcome, rateLimited: number): void {
    if (phase === "warmup") return;
    const t = this.totals;
    t.executions++;
    if (outcome.success) t.successes++;
    else {
      const kind = outcome.errorType ?? "unknown";
      t.errors[kind] = (t.errors[kind] ?? 0) + 1;
    }
    t.totalCost += rec.cost ?? 0;
    if (phase !== "throughput") this.cost.add(rec, outcome.success);
    if (phase !== "scenario" || rec.scenario === null) return;
    const r = this.retries.get(rec.scenario) ?? { rateLimited: 0, retries: 0, backoffMs: 0 };
    r.rateLimited += rateLimited;
    r.retries += Math.max(0, rec.attempts - 1);
    r.backoffMs += rec.backoffMs;
    this.retries.set(rec.scenario, r);
  }

  progress(phase: Phase, scenario: string, total: number, live: LiveStats): void {
    this.opts.onProgress?.({ phase, scenario, total, ...live });
  }

  /** Run one scenario: warmups (unrecorded in stats), then its iterations at its concurrency. */
  async runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
    const { def } = spec;
    this.assertRunnable(def);
    // The effective model is part of what ran: a --model override makes runs incomparable.
    const hash = definitionHash({ ...def, model: spec.model ?? def.model }, spec.iterations, spec.hashExtra);
    this.scenarioHashes[def.name] = hash;
    const agg = new ScenarioAggregator({
      name: def.name,
      kind: def.kind,
      agent: def.agent,
      workflow: def.workflow,
      task: def.task,
      description: def.description,
      iterations: spec.iterations,
      warmup: spec.warmup,
      concurrency: spec.concurrency,
      definitionHash: hash,
    });

    const done = this.restore(spec, agg);
    const todo: number[] = [];
    for (let i = 1; i <= spec.iterations; i++) if (!done.has(i)) todo.push(i);

    // A resumed scenario warms up again when it has work left: warmups prime this process.
    if (spec.warmup > 0 && todo.length > 0) {
      const warm = new ScenarioAggregator({ ...agg.info, iterations: spec.warmup });
      this.progress("warmup", def.name, spec.warmup, warm.live());
      await this.loop(spec.warmup, 1, async (_i, signal) => {
        await this.iterate(spec, "warmup", 0, signal, warm);
        this.progress("warmup", def.name, spec.warmup, warm.live());
      });
    }

    this.progress("scenario", def.name, spec.iterations, agg.live());
    await this.loop(todo.length, spec.concurrency, async (i, signal) => {
      await this.iterate(spec, "scenario", todo[i]!, signal, agg);
      this.progress("scenario", def.name, spec.iterations, agg.live());
    });
    if (spec.k !== undefined) {
      const n = agg.executions;
      const k = Math.min(spec.k, Math.max(1, n));
      agg.setPassAtK({ k, passAtK: passAtK(n, agg.successes, k), passHatK: passHatK(n, agg.successes, k) });
    }
    const retries = this.retries.get(def.name);
    const result = retries ? { ...agg.result(), retries: { ...retries } } : agg.result();
    this.scenarios.push(result);
    return result;
  }

  /**
   * Feed the iterations an earlier process finished (in iteration order) to the aggregator and the
   * totals, exactly as if they had run now; returns their numbers so they are not run again.
   */
  private restore(spec: ScenarioSpec, agg: ScenarioAggregator): Set<number> {
    const finished = this.opts.resume?.scenarios.get(spec.def.name);
    const done = new Set<number>();
    if (!finished) return done;
    const agent = spec.def.kind === "agent";
    for (const [iteration, lines] of [...finished].sort(([a], [b]) => a - b)) {
      if (iteration > spec.iterations || (lines[0]!.workflow === null) !== agent) continue;
      done.add(iteration);
      const last = lines[lines.length - 1]!;
      const outcome = outcomeOfLine(last);
      if (agent) {
        const rec = recordOf(last);
        this.account("scenario", rec, outcome, last.rateLimited ?? 0);
        agg.addExecution(rec, iteration, outcome);
        continue;
      }
      lines.forEach((l, i) => {
        const rec = recordOf(l);
        this.account("scenario", rec, i === lines.length - 1 ? outcome : outcomeOf(rec), l.rateLimited ?? 0);
      });
      agg.addWorkflow(restoredWorkflow(lines), iteration, outcome);
    }
    return done;
  }

  /**
   * Run `count` jobs on a closed loop. A job that throws (a bug or a caller mistake, never a failed
   * execution) stops the loop and is rethrown: the schedule itself only counts rejections.
   */
  private async loop(
    count: number,
    concurrency: number,
    job: (index: number, signal: AbortSignal) => Promise<void>,
  ): Promise<void> {
    const stop = new AbortController();
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, stop.signal]) : stop.signal;
    let failure: unknown = null;
    await runClosedLoop({
      tasks: count,
      concurrency,
      signal,
      job: async (ctx) => {
        try {
          await job(ctx.index, ctx.signal);
        } catch (err) {
          failure ??= err;
          stop.abort(err);
        }
      },
    });
    if (failure) throw failure;
  }

  private async iterate(
    spec: ScenarioSpec,
    phase: Phase,
    iteration: number,
    signal: AbortSignal,
    agg: ScenarioAggregator,
  ): Promise<void> {
    const { def } = spec;
    const orch = this.runtime.orchestrator;
    const model = spec.model ?? def.model;
    const base = { model, scenario: def.name, iteration, signal };
    if (def.kind === "agent") {
      const r = await orch.executeAgent(def.agent!, def.task, base);
      const outcome = judge(spec.checker ?? null, r.success, outcomeOf(r.record), {
        output: r.output,
        e2eMs: r.record.e2eMs,
        cost: r.cost,
      });
      if (
        !this.recordExecution(phase, iteration, r.record, outcome, { rateLimited: rateLimited(r.attempts) })
      )
        return;
      agg.addExecution(r, iteration, outcome);
      if (phase === "scenario")
        spec.onIteration?.({
          scenario: def.name,
          iteration,
          total: spec.iterations,
          outcome,
          e2eMs: r.record.e2eMs,
          result: r,
          workflow: null,
        });
      return;
    }
    const w = await orch.runWorkflow(def.workflow!, def.task, {
      ...base,
      onStep: phase === "scenario" && spec.onStep ? (s) => spec.onStep!(s, iteration) : undefined,
    });
    const providerOutcome = workflowOutcome(w);
    const outcome = judge(spec.checker ?? null, w.success, providerOutcome, {
      output: w.output,
      e2eMs: w.totalMs,
      cost: w.cost,
    });
    // Steps before the last stand on their own; the workflow's verdict (assertions) lands on the last.
    let counted = true;
    w.steps.forEach((s, i) => {
      const last = i === w.steps.length - 1;
      const extra: LineExtra = { rateLimited: rateLimited(s.attempts), handoffMs: s.handoffMs };
      // The last line marks the iteration finished for a resume.
      if (last) extra.workflowMs = w.totalMs;
      counted =
        this.recordExecution(phase, iteration, s.record, last ? outcome : outcomeOf(s.record), extra) &&
        counted;
    });
    if (!counted) return;
    agg.addWorkflow(w, iteration, outcome);
    if (phase === "scenario")
      spec.onIteration?.({
        scenario: def.name,
        iteration,
        total: spec.iterations,
        outcome,
        e2eMs: w.totalMs,
        result: null,
        workflow: w,
      });
  }

  private isInterruption(outcome: Outcome): boolean {
    return this.aborted && outcome.errorType === "cancelled";
  }

  /** Fail fast, before any execution, on an unknown agent or workflow (NOT_FOUND with a suggestion). */
  private assertRunnable(def: ScenarioDef): void {
    if (def.kind === "agent") this.runtime.project.agents.get(def.agent!);
    else this.runtime.project.workflows.get(def.workflow!);
  }

  /** Build the ResultsDocument and, when an output directory was given, write it. */
  finish(
    parts: Partial<Pick<ResultsDocument, "throughput" | "load" | "accuracy" | "resources" | "profile">> = {},
  ): ResultsDocument {
    const rt = this.runtime;
    const meta = collectRunMeta({
      runId: rt.runId,
      command: this.opts.command,
      providerInfo: rt.providerInfo,
      modelMap: rt.modelMap,
      configHash: rt.project.configHash,
      projectRoot: rt.project.root,
      startedAt: this.startedAt,
      scenarioHashes: this.scenarioHashes,
    });
    const t = this.totals;
    const hasCostData = this.scenarios.length > 0 || (parts.load?.length ?? 0) > 0;
    const resumed = this.opts.resume?.resumed;
    const doc: ResultsDocument = {
      schemaVersion: 1,
      timestamp: this.startedAt.toISOString(),
      run: {
        ...meta,
        finishedAt: new Date().toISOString(),
        incomplete: this.aborted,
        stopReason: this.aborted ? stopReasonOf(this.opts.signal?.reason) : null,
        ...(resumed !== undefined ? { resumed } : {}),
      },
      scenarios: this.scenarios,
      cost: hasCostData ? this.cost.result() : null,
      throughput: parts.throughput ?? [],
      load: parts.load ?? [],
      accuracy: parts.accuracy ?? null,
      resources: parts.resources ?? null,
      totals: {
        executions: t.executions,
        successes: t.successes,
        failures: t.executions - t.successes,
        successRate: t.executions > 0 ? t.successes / t.executions : 0,
        totalCost: t.totalCost,
        wallMs: performance.now() - this.t0,
        errors: { ...t.errors },
      },
      pacing: pacingSummary(rt),
      ...(parts.profile !== undefined ? { profile: parts.profile } : {}),
    };
    if (this.writer) {
      this.files = this.writer.writeDocument(doc);
      this.writer.close();
    }
    return doc;
  }

  /** Success rate of the scenario executions so far (the accuracy benchmark's task success rate). */
  scenarioSuccessRate(): number | null {
    let n = 0;
    let ok = 0;
    for (const s of this.scenarios) {
      n += s.summary.executions;
      ok += s.summary.successes;
    }
    return n > 0 ? ok / n : null;
  }

  /** Close the JSONL file without a document (a run that failed with an error). */
  abandon(): void {
    this.writer?.close();
  }
}

function rateLimited(attempts: readonly AttemptRecord[]): number {
  let n = 0;
  for (const a of attempts) if (a.errorType === "rate_limit") n++;
  return n;
}

/** Ctrl-C aborts with Error("interrupted"), run limits with their reason. */
function stopReasonOf(reason: unknown): string {
  if (reason instanceof Error && reason.message) return reason.message;
  return typeof reason === "string" && reason ? reason : "interrupted";
}

function pacingSummary(rt: Runtime): PacingSummary | null {
  if (!rt.pacer) return null;
  const s = rt.pacer.stats();
  return {
    rpm: rt.pacer.rpm,
    tpm: rt.pacer.tpm,
    requests: s.acquired,
    delayed: s.delayed,
    totalWaitMs: s.totalWaitMs,
    maxWaitMs: s.maxWaitMs,
  };
}

/**
 * A finished workflow iteration rebuilt from its lines, with what the aggregator reads (records,
 * hand-offs, total time, cost); outputs are not kept in the JSONL.
 */
function restoredWorkflow(lines: readonly ExecutionLine[]): WorkflowResult {
  const steps: WorkflowStepResult[] = lines.map((l) => {
    const record = recordOf(l);
    return {
      success: record.success,
      output: "",
      errors: record.errorMessage ? [record.errorMessage] : [],
      model: record.model,
      usage: record.usage,
      cost: record.cost,
      timings: { start: 0, firstEvent: null, firstText: null, end: record.e2eMs },
      attempts: [],
      routing: record.routing ?? { tier: null, model: record.model, source: "config", reason: "restored" },
      record,
      position: record.workflowPosition ?? 1,
      agent: record.agent,
      handoffMs: l.handoffMs ?? 0,
    };
  });
  const failed = steps.find((s) => !s.success);
  const costs = steps.map((s) => s.cost);
  return {
    workflow: lines[0]!.workflow ?? "",
    success: failed === undefined,
    steps,
    output: "",
    totalMs: lines[lines.length - 1]!.workflowMs ?? 0,
    cost: costs.some((c) => c === null) ? null : costs.reduce<number>((a, c) => a + (c ?? 0), 0),
    failedAt: failed?.position ?? null,
  };
}
