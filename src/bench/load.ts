/**
 * Load testing (`bench load`): closed loop (N tasks at concurrency C, or a ladder of C) and open
 * loop (arrivals at a rate, constant or Poisson, optionally capped in flight), against any agent.
 *
 * Latency is measured from each task's intended start: in open loop that includes the time it
 * queued, so a stalled provider shows up in the percentiles (no coordinated omission); service
 * time (from the actual start) and queue wait are reported beside it. Latency covers every
 * completed execution, failed ones included: a timeout is latency a user saw.
 */
import { ClaudeForceError } from "../errors.js";
import type { Clock } from "../internal/clock.js";
import type { Runtime } from "../orchestrator/runtime.js";
import type { ExecuteResult, WorkflowResult } from "../orchestrator/types.js";
import type { ErrorKind } from "../providers/types.js";
import { LatencyRecorder } from "../stats/latency.js";
import { DEFAULT_LOAD_AGENT, DEFAULT_LOAD_TASKS } from "./load-tasks.js";
import { startResourceMonitor } from "./resources.js";
import { type Job, type JobContext, runClosedLoop, runOpenLoop, type ScheduleResult } from "./schedule.js";
import type { LoadResult, ThroughputLevel } from "./types.js";

export interface LoadProgress {
  done: number;
  /** Planned tasks; null for Poisson arrivals, whose count is random. */
  total: number | null;
  successes: number;
  p50: number;
  p95: number;
  cost: number;
}

export interface LoadTestOptions {
  agent?: string;
  /** Task texts, cycled. */
  tasks?: string[];
  mode: "closed" | "open";
  /** Closed loop: tasks per level (default 100). */
  count?: number;
  /** Closed loop: one level or a ladder (default 10). */
  concurrency?: number | number[];
  /** Open loop: arrivals per second (required). */
  rate?: number;
  /** Open loop: arrival window (default 10 s). */
  durationMs?: number;
  arrival?: "constant" | "poisson";
  maxInFlight?: number;
  slo?: { ttftMs?: number; e2eMs?: number };
  seed?: number;
  signal?: AbortSignal;
  /** The schedule's time source (default: the real monotonic clock); pass the runtime's in virtual-time tests. */
  clock?: Clock;
  onProgress?: (p: LoadProgress) => void;
  onExecution?: (r: ExecuteResult) => void;
}

const PROGRESS_INTERVAL_MS = 200;

/** Run the load test; one result per concurrency level (closed loop) or one (open loop). */
export async function loadTest(runtime: Runtime, opts: LoadTestOptions): Promise<LoadResult[]> {
  const agent = opts.agent ?? DEFAULT_LOAD_AGENT;
  runtime.project.agents.get(agent); // unknown agent: NOT_FOUND before any load is sent
  const tasks = opts.tasks && opts.tasks.length > 0 ? opts.tasks : DEFAULT_LOAD_TASKS;
  if (opts.mode === "open") validateOpen(opts);
  else positiveInt(opts.count ?? 100, "count");
  // Closed loop: one run per concurrency level; open loop: a single run.
  const levels: Array<number | undefined> =
    opts.mode === "closed" ? ladder(opts.concurrency ?? 10) : [undefined];

  const results: LoadResult[] = [];
  for (const level of levels) {
    if (opts.signal?.aborted) break;
    const acc = new LevelAccumulator(opts);
    const total =
      opts.mode === "closed"
        ? (opts.count ?? 100)
        : opts.arrival === "poisson"
          ? null
          : Math.ceil(((opts.durationMs ?? 10_000) / 1000) * opts.rate!);
    const job: Job = async ({ index, intendedStart, signal }) => {
      const r = await runtime.orchestrator.executeAgent(agent, tasks[index % tasks.length]!, {
        intendedStart,
        scenario: "load",
        iteration: index,
        signal,
      });
      acc.add(r);
      opts.onExecution?.(r);
      acc.maybeProgress(total, false);
    };
    const monitor = startResourceMonitor();
    const schedule = level === undefined ? await openLevel(opts, job) : await closedLevel(opts, job, level);
    const resources = monitor.stop();
    acc.maybeProgress(total, true);
    results.push(acc.result(schedule, resources, level));
  }
  return results;
}

function closedLevel(opts: LoadTestOptions, job: Job, concurrency: number): Promise<ScheduleResult> {
  return runClosedLoop({
    tasks: opts.count ?? 100,
    concurrency,
    job,
    signal: opts.signal,
    clock: opts.clock,
  });
}

function openLevel(opts: LoadTestOptions, job: Job): Promise<ScheduleResult> {
  return runOpenLoop({
    rate: opts.rate!,
    durationMs: opts.durationMs ?? 10_000,
    arrival: opts.arrival ?? "constant",
    seed: opts.seed,
    maxInFlight: opts.maxInFlight,
    job,
    signal: opts.signal,
    clock: opts.clock,
  });
}

/** Collects one level's executions into the LoadResult. */
class LevelAccumulator {
  readonly latency: LatencyRecorder;
  readonly service: LatencyRecorder;
  completed = 0;
  successes = 0;
  good = 0;
  cost = 0;
  errors: Partial<Record<ErrorKind, number>> = {};
  private lastProgress = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: LoadTestOptions) {
    this.latency = new LatencyRecorder({ seed: opts.seed });
    this.service = new LatencyRecorder({ seed: opts.seed, maxSamples: 0 });
  }

  add(r: ExecuteResult): void {
    const rec = r.record;
    this.completed++;
    this.latency.record(rec.e2eMs);
    this.service.record(rec.e2eMs - rec.queueWaitMs);
    if (rec.cost !== null) this.cost += rec.cost;
    if (rec.success) {
      this.successes++;
      if (meetsSlo(rec.e2eMs, rec.ttftMs, this.opts.slo)) this.good++;
    } else {
      const kind = rec.errorType ?? "unknown";
      this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    }
  }

  maybeProgress(total: number | null, final: boolean): void {
    if (!this.opts.onProgress) return;
    const now = performance.now();
    // Throttled: percentiles walk the histogram, too costly to compute per execution at high rates.
    if (!final && now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    const s = this.latency.stats();
    this.opts.onProgress({
      done: this.completed,
      total,
      successes: this.successes,
      p50: s.p50,
      p95: s.p95,
      cost: this.cost,
    });
  }

  result(
    schedule: ScheduleResult,
    resources: LoadResult["resources"],
    concurrency: number | undefined,
  ): LoadResult {
    const o = this.opts;
    const seconds = schedule.durationMs / 1000;
    const slo = sloRecord(o.slo);
    const base: LoadResult = {
      mode: o.mode,
      tasks: schedule.started + schedule.dropped,
      completed: this.completed,
      durationMs: schedule.durationMs,
      throughputPerSecond: seconds > 0 ? this.completed / seconds : 0,
      successRate: this.completed > 0 ? this.successes / this.completed : 0,
      latency: this.latency.stats({ ci: true, seed: o.seed }),
      serviceTime: this.service.stats(),
      queueWait: schedule.queueWait.stats(),
      lateStarts: schedule.lateStarts,
      dropped: schedule.dropped,
      goodput: slo
        ? {
            slo,
            perSecond: seconds > 0 ? this.good / seconds : 0,
            share: this.completed > 0 ? this.good / this.completed : 0,
          }
        : null,
      histogram: this.latency.buckets(),
      errors: this.errors,
      resources,
    };
    if (o.mode === "closed") return { ...base, concurrency };
    return {
      ...base,
      arrival: o.arrival ?? "constant",
      targetRate: o.rate,
      achievedRate: schedule.achievedRate,
      ...(o.maxInFlight ? { maxInFlight: o.maxInFlight } : {}),
    };
  }
}

/** A success meets the SLOs when every given bound holds (TTFT unknown fails a TTFT bound). */
export function meetsSlo(e2eMs: number, ttftMs: number | null, slo: LoadTestOptions["slo"]): boolean {
  if (!slo) return true;
  if (slo.e2eMs !== undefined && e2eMs > slo.e2eMs) return false;
  if (slo.ttftMs !== undefined && (ttftMs === null || ttftMs > slo.ttftMs)) return false;
  return true;
}

function sloRecord(slo: LoadTestOptions["slo"]): Record<string, number> | null {
  if (!slo) return null;
  const out: Record<string, number> = {};
  if (slo.ttftMs !== undefined) out.ttft_ms = slo.ttftMs;
  if (slo.e2eMs !== undefined) out.e2e_ms = slo.e2eMs;
  return Object.keys(out).length > 0 ? out : null;
}

function ladder(c: number | number[]): number[] {
  const levels = Array.isArray(c) ? c : [c];
  if (levels.length === 0) throw new ClaudeForceError("USAGE", "concurrency ladder is empty");
  return levels.map((l) => positiveInt(l, "concurrency"));
}

function validateOpen(o: LoadTestOptions): void {
  if (o.rate === undefined || !(o.rate > 0) || !Number.isFinite(o.rate)) {
    throw new ClaudeForceError("USAGE", "open-loop load needs a positive rate", {
      keyPath: "rate",
      expected: "arrivals per second > 0",
      found: String(o.rate),
      hint: "pass --rate, e.g. --rate 20",
    });
  }
  const d = o.durationMs ?? 10_000;
  if (!(d > 0) || !Number.isFinite(d)) {
    throw new ClaudeForceError("USAGE", "open-loop duration must be positive", {
      keyPath: "duration",
      found: String(d),
      hint: "e.g. --duration 30s",
    });
  }
  if (o.maxInFlight !== undefined) positiveInt(o.maxInFlight, "maxInFlight");
}

function positiveInt(v: number, key: string): number {
  if (!Number.isInteger(v) || v < 1) {
    throw new ClaudeForceError("USAGE", `${key} must be a positive integer`, {
      keyPath: key,
      expected: "an integer >= 1",
      found: String(v),
    });
  }
  return v;
}

export interface ThroughputLevelOptions {
  concurrency: number;
  tasks: number;
  /** One unit of work; default: the load-test agent on the default tasks. */
  job?: (ctx: JobContext) => Promise<ExecuteResult | WorkflowResult>;
  signal?: AbortSignal;
}

/** One level of the main suite's concurrency ladder: `tasks` jobs at exactly `concurrency` in flight. */
export async function measureThroughputLevel(
  runtime: Runtime,
  opts: ThroughputLevelOptions,
): Promise<ThroughputLevel> {
  positiveInt(opts.concurrency, "concurrency");
  positiveInt(opts.tasks, "tasks");
  const work =
    opts.job ??
    ((ctx: JobContext) =>
      runtime.orchestrator.executeAgent(
        DEFAULT_LOAD_AGENT,
        DEFAULT_LOAD_TASKS[ctx.index % DEFAULT_LOAD_TASKS.length]!,
        {
          intendedStart: ctx.intendedStart,
          scenario: "throughput",
          iteration: ctx.index,
          signal: ctx.signal,
        },
      ));
  const latency = new LatencyRecorder({ maxSamples: 0 });
  let successes = 0;
  let done = 0;
  const monitor = startResourceMonitor();
  const schedule = await runClosedLoop({
    tasks: opts.tasks,
    concurrency: opts.concurrency,
    signal: opts.signal,
    job: async (ctx) => {
      const r = await work(ctx);
      done++;
      if (r.success) successes++;
      latency.record("record" in r ? r.record.e2eMs : r.totalMs);
    },
  });
  const resources = monitor.stop();
  const perSecond = schedule.durationMs > 0 ? done / (schedule.durationMs / 1000) : 0;
  return {
    concurrency: opts.concurrency,
    tasks: opts.tasks,
    durationMs: schedule.durationMs,
    tasksPerSecond: perSecond,
    tasksPerMinute: perSecond * 60,
    successRate: done > 0 ? successes / done : 0,
    latency: latency.stats(),
    queueWait: schedule.queueWait.stats(),
    resources,
  };
}
