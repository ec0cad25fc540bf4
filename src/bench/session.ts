/**
 * BenchSession: the one loop every benchmark (built-in suite, single agent, workflow, custom suite,
 * load) runs through. It executes scenarios on a schedule, feeds each execution to the scenario
 * aggregator, the cost analysis, the run totals and the JSONL results file as it finishes, and
 * assembles the ResultsDocument at the end, marked incomplete when the run was interrupted.
 */

import type { Runtime } from "../orchestrator/runtime.js";
import type { ExecuteResult, WorkflowResult, WorkflowStepResult } from "../orchestrator/types.js";
import type { ErrorKind } from "../providers/types.js";
import type { ExecutionRecord } from "../tracking/types.js";
import { type LiveStats, type Outcome, outcomeOf, ScenarioAggregator, workflowOutcome } from "./aggregate.js";
import { type Checker, judge, passAtK, passHatK } from "./assertions.js";
import { CostAccumulator } from "./cost.js";
import { ResultsWriter, type WrittenFiles } from "./results-writer.js";
import { collectRunMeta } from "./run-meta.js";
import { definitionHash, type ScenarioDef } from "./scenarios.js";
import { runClosedLoop } from "./schedule.js";
import type { ResultsDocument, ScenarioResult } from "./types.js";

/** warmup: not in any statistic; scenario: latency/cost runs; throughput/load: capacity runs. */
export type Phase = "warmup" | "scenario" | "throughput" | "load";

export interface ProgressEvent {
  phase: Phase;
  scenario: string;
  /** Planned executions; 0 when not known ahead (Poisson arrivals). */
  total: number;
  done: number;
  successes: number;
  failures: number;
  /** Live e2e percentiles of the successful executions so far (ms). */
  p50: number;
  p95: number;
  cost: number;
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
  signal?: AbortSignal;
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
  private readonly startedAt = new Date();
  private readonly t0 = performance.now();
  private files: WrittenFiles | null = null;

  constructor(
    readonly runtime: Runtime,
    private readonly opts: SessionOptions,
  ) {
    this.writer = opts.outputDir ? ResultsWriter.open(opts.outputDir, runtime.runId) : null;
    this.cost = new CostAccumulator(runtime.prices, runtime.modelMap);
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
  ): boolean {
    this.writer?.append({
      phase,
      ...rec,
      providerSuccess: rec.success,
      success: outcome.success,
      errorType: outcome.errorType,
      errorMessage: outcome.error,
    });
    this.opts.onExecution?.({ phase, scenario: rec.scenario ?? "", iteration, record: rec, outcome });
    if (this.isInterruption(outcome)) return false;
    if (phase === "warmup") return true;
    const t = this.totals;
    t.executions++;
    if (outcome.success) t.successes++;
    else {
      const kind = outcome.errorType ?? "unknown";
      t.errors[kind] = (t.errors[kind] ?? 0) + 1;
    }
    t.totalCost += rec.cost ?? 0;
    if (phase !== "throughput") this.cost.add(rec, outcome.success);
    return true;
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

    if (spec.warmup > 0) {
      const warm = new ScenarioAggregator({ ...agg.info, iterations: spec.warmup });
      this.progress("warmup", def.name, spec.warmup, warm.live());
      await this.loop(spec.warmup, 1, async (_i, signal) => {
        await this.iterate(spec, "warmup", 0, signal, warm);
        this.progress("warmup", def.name, spec.warmup, warm.live());
      });
    }

    this.progress("scenario", def.name, spec.iterations, agg.live());
    await this.loop(spec.iterations, spec.concurrency, async (i, signal) => {
      await this.iterate(spec, "scenario", i + 1, signal, agg);
      this.progress("scenario", def.name, spec.iterations, agg.live());
    });
    if (spec.k !== undefined) {
      const n = agg.executions;
      const k = Math.min(spec.k, Math.max(1, n));
      agg.setPassAtK({ k, passAtK: passAtK(n, agg.successes, k), passHatK: passHatK(n, agg.successes, k) });
    }
    const result = agg.result();
    this.scenarios.push(result);
    return result;
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
      if (!this.recordExecution(phase, iteration, r.record, outcome)) return;
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
      counted =
        this.recordExecution(phase, iteration, s.record, last ? outcome : outcomeOf(s.record)) && counted;
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
    const doc: ResultsDocument = {
      schemaVersion: 1,
      timestamp: this.startedAt.toISOString(),
      run: { ...meta, finishedAt: new Date().toISOString(), incomplete: this.aborted },
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
