/**
 * ScenarioAggregator: turns a stream of executions (or workflow runs) into a ScenarioResult with
 * flat memory: HDR-backed LatencyRecorders, counters, and only the first N executions kept verbatim.
 *
 * Conventions (documented in docs/benchmarks.md):
 * - latency percentiles, mean/min/max and TTFT are over *successful* executions, as the guide's
 *   summary is (a fast failure must not make a scenario look quicker);
 * - tokens and cost are over *all* executions (a failed call still bills its tokens);
 * - a workflow run is one execution: its e2e is the total workflow time, its usage and cost the sum
 *   of its steps; per-step figures sit in `steps`.
 */

import type { ExecuteResult, WorkflowResult } from "../orchestrator/types.js";
import type { ErrorKind, Usage } from "../providers/types.js";
import { LatencyRecorder } from "../stats/latency.js";
import type { ExecutionRecord } from "../tracking/types.js";
import type { GuideExecution, ModelBreakdown, ScenarioResult, WorkflowStepStats } from "./types.js";

/** What a scenario is: the identifying part of its result. */
export type ScenarioInfo = Pick<
  ScenarioResult,
  | "name"
  | "kind"
  | "agent"
  | "workflow"
  | "task"
  | "description"
  | "iterations"
  | "warmup"
  | "concurrency"
  | "definitionHash"
>;

/** The bench-level verdict on an execution (suite assertions can turn a provider success into a failure). */
export interface Outcome {
  success: boolean;
  errorType: ErrorKind | null;
  error: string | null;
}

export interface AggregatorOptions {
  /** Executions kept verbatim in `executions[]` (default 1000); the JSONL file has them all. */
  maxExecutions?: number;
  /** Raw e2e samples kept for confidence intervals (default 2000). */
  maxSamples?: number;
}

export interface LiveStats {
  done: number;
  successes: number;
  failures: number;
  /** Live e2e percentiles of the successful executions so far (ms). */
  p50: number;
  p95: number;
  cost: number;
}

interface Unit {
  iteration: number;
  outcome: Outcome;
  e2eMs: number;
  ttftMs: number | null;
  overheadMs: number;
  queueWaitMs: number;
  usage: Usage;
  cost: number | null;
  model: string;
  executionId: string;
}

interface ModelAcc {
  latency: LatencyRecorder;
  executions: number;
  successes: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

interface StepAcc {
  agent: string;
  latency: LatencyRecorder;
  executions: number;
  successes: number;
  handoffSum: number;
  handoffCount: number;
  cost: number;
}

export function outcomeOf(r: {
  success: boolean;
  errorType: ErrorKind | null;
  errorMessage: string | null;
}): Outcome {
  return { success: r.success, errorType: r.errorType, error: r.errorMessage };
}

/** A workflow's own verdict: the first failed step's error kind, named in the message. */
export function workflowOutcome(w: WorkflowResult): Outcome {
  const failed = w.steps.find((s) => !s.success);
  return {
    success: w.success,
    errorType: failed?.record.errorType ?? null,
    error: failed ? `step ${failed.position} (${failed.agent}): ${failed.errors[0] ?? "failed"}` : null,
  };
}

export class ScenarioAggregator {
  private readonly e2e: LatencyRecorder;
  private readonly ttft = new LatencyRecorder({ maxSamples: 0 });
  private readonly overhead = new LatencyRecorder({ maxSamples: 0 });
  private readonly queueWait = new LatencyRecorder({ maxSamples: 0 });
  private readonly kept: GuideExecution[] = [];
  private readonly maxExecutions: number;
  private readonly byModel = new Map<string, ModelAcc>();
  private readonly steps = new Map<number, StepAcc>();
  private readonly errors: Partial<Record<ErrorKind, number>> = {};
  private readonly startedAt = new Date().toISOString();
  private n = 0;
  private ok = 0;
  private tokens = { input: 0, output: 0, cached: 0 };
  private cost = 0;
  private costIncomplete = false;
  private passAtK: ScenarioResult["passAtK"] = null;

  constructor(
    readonly info: ScenarioInfo,
    opts: AggregatorOptions = {},
  ) {
    this.maxExecutions = opts.maxExecutions ?? 1000;
    this.e2e = new LatencyRecorder({ maxSamples: opts.maxSamples ?? 2000 });
  }

  get executions(): number {
    return this.n;
  }

  get successes(): number {
    return this.ok;
  }

  /** One agent execution. `outcome` defaults to the record's own success and error. */
  addExecution(r: ExecuteResult | ExecutionRecord, iteration: number, outcome?: Outcome): void {
    const rec = "record" in r ? r.record : r;
    const o = outcome ?? outcomeOf(rec);
    this.addModel(rec, o.success);
    this.addUnit({
      iteration,
      outcome: o,
      e2eMs: rec.e2eMs,
      ttftMs: rec.ttftMs,
      overheadMs: rec.overheadMs,
      queueWaitMs: rec.queueWaitMs,
      usage: rec.usage,
      cost: rec.cost,
      model: rec.model,
      executionId: rec.executionId,
    });
  }

  /** One workflow run: one execution for the summary, plus per-step and per-model figures. */
  addWorkflow(w: WorkflowResult, iteration: number, outcome?: Outcome): void {
    const o = outcome ?? workflowOutcome(w);
    const usage: Usage = { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
    let overhead = 0;
    for (const s of w.steps) {
      this.addModel(s.record, s.success);
      this.addStep(s.position, s.agent, s.record, s.handoffMs);
      for (const k of Object.keys(usage) as Array<keyof Usage>) {
        const v = s.usage[k];
        usage[k] = v === null || usage[k] === null ? null : usage[k] + v;
      }
      overhead += s.record.overheadMs + s.handoffMs;
    }
    const first = w.steps[0]?.record;
    this.addUnit({
      iteration,
      outcome: o,
      e2eMs: w.totalMs,
      ttftMs: first?.ttftMs ?? null,
      overheadMs: overhead,
      queueWaitMs: first?.queueWaitMs ?? 0,
      usage,
      cost: w.cost,
      model: [...new Set(w.steps.map((s) => s.model))].join("+"),
      executionId: first?.executionId ?? "",
    });
  }

  setPassAtK(v: ScenarioResult["passAtK"]): void {
    this.passAtK = v;
  }

  live(): LiveStats {
    const s = this.e2e.stats();
    return {
      done: this.n,
      successes: this.ok,
      failures: this.n - this.ok,
      p50: s.p50,
      p95: s.p95,
      cost: this.cost,
    };
  }

  result(): ScenarioResult {
    const e2e = this.e2e.stats({ ci: true });
    const n = this.n;
    const avg = (x: number) => (n > 0 ? x / n : 0);
    const info = this.info;
    return {
      name: info.name,
      kind: info.kind,
      ...(info.agent !== undefined ? { agent: info.agent } : {}),
      ...(info.workflow !== undefined ? { workflow: info.workflow } : {}),
      task: info.task,
      ...(info.description !== undefined ? { description: info.description } : {}),
      iterations: info.iterations,
      warmup: info.warmup,
      concurrency: info.concurrency,
      timestamp: this.startedAt,
      definitionHash: info.definitionHash,
      executions: this.kept,
      executionsTruncated: n > this.kept.length,
      summary: {
        success_rate: n > 0 ? this.ok / n : 0,
        mean_time_ms: e2e.mean,
        median_time_ms: e2e.p50,
        min_time_ms: e2e.min,
        max_time_ms: e2e.max,
        p95_time_ms: e2e.p95,
        avg_input_tokens: avg(this.tokens.input),
        avg_output_tokens: avg(this.tokens.output),
        total_cost: this.cost,
        p90_time_ms: e2e.p90,
        p99_time_ms: e2e.p99,
        p999_time_ms: e2e.p999,
        stdev_time_ms: e2e.stdev,
        executions: n,
        successes: this.ok,
        failures: n - this.ok,
        cost_per_success: this.ok > 0 ? this.cost / this.ok : null,
        avg_cached_tokens: avg(this.tokens.cached),
        cost_incomplete: this.costIncomplete,
      },
      latency: {
        e2e,
        ttft: this.ttft.count > 0 ? this.ttft.stats() : null,
        overhead: this.overhead.stats(),
        queueWait: this.queueWait.stats(),
      },
      histogram: this.e2e.buckets(),
      samples: this.e2e.samples(),
      byModel: [...this.byModel].map(
        ([model, m]): ModelBreakdown => ({
          model,
          executions: m.executions,
          successes: m.successes,
          latency: m.latency.stats(),
          inputTokens: m.inputTokens,
          outputTokens: m.outputTokens,
          cost: m.cost,
        }),
      ),
      errors: { ...this.errors },
      ...(info.kind === "workflow" ? { steps: this.stepStats() } : {}),
      passAtK: this.passAtK,
    };
  }

  private addUnit(u: Unit): void {
    this.n++;
    const { success, errorType } = u.outcome;
    if (success) {
      this.ok++;
      this.e2e.record(u.e2eMs);
      if (u.ttftMs !== null) this.ttft.record(u.ttftMs);
    } else {
      const kind = errorType ?? "unknown";
      this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    }
    this.overhead.record(u.overheadMs);
    this.queueWait.record(u.queueWaitMs);
    this.tokens.input += u.usage.input ?? 0;
    this.tokens.output += u.usage.output ?? 0;
    this.tokens.cached +=
      (u.usage.cacheRead ?? 0) + (u.usage.cacheWrite5m ?? 0) + (u.usage.cacheWrite1h ?? 0);
    if (u.cost === null) this.costIncomplete = true;
    else this.cost += u.cost;
    if (this.kept.length < this.maxExecutions) this.kept.push(guideExecution(u));
  }

  private addModel(rec: ExecutionRecord, success: boolean): void {
    let m = this.byModel.get(rec.model);
    if (!m) {
      m = {
        latency: new LatencyRecorder({ maxSamples: 0 }),
        executions: 0,
        successes: 0,
        inputTokens: 0,
        outputTokens: 0,
        cost: 0,
      };
      this.byModel.set(rec.model, m);
    }
    m.executions++;
    if (success) {
      m.successes++;
      m.latency.record(rec.e2eMs);
    }
    m.inputTokens += rec.usage.input ?? 0;
    m.outputTokens += rec.usage.output ?? 0;
    m.cost += rec.cost ?? 0;
  }

  private addStep(position: number, agent: string, rec: ExecutionRecord, handoffMs: number): void {
    let s = this.steps.get(position);
    if (!s) {
      s = {
        agent,
        latency: new LatencyRecorder({ maxSamples: 0 }),
        executions: 0,
        successes: 0,
        handoffSum: 0,
        handoffCount: 0,
        cost: 0,
      };
      this.steps.set(position, s);
    }
    s.executions++;
    if (rec.success) {
      s.successes++;
      s.latency.record(rec.e2eMs);
    }
    // The first step has no predecessor to hand off from.
    if (position > 1) {
      s.handoffSum += handoffMs;
      s.handoffCount++;
    }
    s.cost += rec.cost ?? 0;
  }

  private stepStats(): WorkflowStepStats[] {
    return [...this.steps]
      .sort(([a], [b]) => a - b)
      .map(([position, s]) => ({
        position,
        agent: s.agent,
        executions: s.executions,
        successes: s.successes,
        latency: s.latency.stats(),
        meanHandoffMs: s.handoffCount > 0 ? s.handoffSum / s.handoffCount : 0,
        cost: s.cost,
      }));
  }
}

function guideExecution(u: Unit): GuideExecution {
  const e: GuideExecution = {
    iteration: u.iteration,
    success: u.outcome.success,
    execution_time_ms: u.e2eMs,
    input_tokens: u.usage.input,
    output_tokens: u.usage.output,
    estimated_cost: u.cost,
    model: u.model,
    ttft_ms: u.ttftMs,
    queue_wait_ms: u.queueWaitMs,
    execution_id: u.executionId,
  };
  if (!u.outcome.success) {
    e.error = u.outcome.error ?? "failed";
    e.error_type = u.outcome.errorType ?? "unknown";
  }
  return e;
}

/** The slowest workflow step by mean latency (null for agent scenarios). */
export function slowestStep(steps: WorkflowStepStats[] | undefined): WorkflowStepStats | null {
  if (!steps || steps.length === 0) return null;
  return steps.reduce((a, b) => (b.latency.mean > a.latency.mean ? b : a));
}

/** Mean hand-off overhead between workflow steps. */
export function meanHandoff(steps: WorkflowStepStats[] | undefined): number {
  const later = (steps ?? []).filter((s) => s.position > 1);
  if (later.length === 0) return 0;
  return later.reduce((a, s) => a + s.meanHandoffMs, 0) / later.length;
}
