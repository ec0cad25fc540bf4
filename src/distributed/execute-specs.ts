/**
 * executeSpecs: one call for "run these executions", locally or through a queue. Without `queue`
 * the specs run on this runtime's orchestrator and nothing about Redis is loaded; with it they run
 * on the workers (see coordinator.ts) and come back as the same records, so the caller's
 * aggregation is identical either way.
 */
import pLimit from "p-limit";
import type { Runtime } from "../orchestrator/runtime.js";
import type { ExecuteOptions } from "../orchestrator/types.js";
import type { ExecutionRecord } from "../tracking/types.js";
import type {
  DistributedPlan,
  DistributedProgress,
  DistributedSummary,
  ExecutionSpec,
  SpecOutcome,
} from "./types.js";

export interface ExecuteSpecsOptions {
  /** redis://host:6379/0: run on the workers listening there. Absent: run here. */
  queue?: string;
  queueName?: string;
  /** Local only: executions in flight at once (default 1). Remote: the workers' concurrency applies. */
  concurrency?: number;
  signal?: AbortSignal;
  onRecord?: (r: ExecutionRecord) => void;
  onOutcome?: (o: SpecOutcome) => void;
  onProgress?: (p: DistributedProgress) => void;
  onWarning?: (message: string) => void;
}

export type ExecuteSpecsSummary = DistributedSummary & { incomplete: boolean; distributed: boolean };

export async function executeSpecs(
  runtime: Runtime,
  specs: DistributedPlan,
  opts: ExecuteSpecsOptions = {},
): Promise<ExecuteSpecsSummary> {
  if (opts.queue) {
    const { runDistributed } = await import("./coordinator.js");
    const s = await runDistributed(runtime, specs, { ...opts, queueUrl: opts.queue });
    return { ...s, distributed: true };
  }
  return { ...(await runLocally(runtime, specs, opts)), distributed: false };
}

async function runLocally(
  runtime: Runtime,
  specs: DistributedPlan,
  opts: ExecuteSpecsOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  const limit = pLimit(Math.max(1, opts.concurrency ?? 1));
  const workers: Record<string, number> = {};
  let records = 0;
  let done = 0;
  const t0 = performance.now();
  const run = async (spec: ExecutionSpec): Promise<void> => {
    if (opts.signal?.aborted) return;
    const o = await runOne(
      runtime,
      spec,
      opts.signal,
      spec.intendedStartOffsetMs === undefined ? undefined : t0 + spec.intendedStartOffsetMs,
    );
    done++;
    records += o.records.length;
    workers[o.worker] = (workers[o.worker] ?? 0) + 1;
    for (const r of o.records) opts.onRecord?.(r);
    opts.onOutcome?.(o);
    opts.onProgress?.({ total: specs.length, done, fromQueue: 0, workers: { ...workers } });
  };
  await Promise.all(
    specs.map((spec) =>
      spec.intendedStartOffsetMs === undefined
        ? limit(() => run(spec))
        : // Open loop: started at its intended time whatever else is in flight (no coordinated omission).
          sleepUntil(t0 + spec.intendedStartOffsetMs, opts.signal).then(() => run(spec)),
    ),
  );
  return {
    records,
    executions: done,
    resumed: 0,
    workers,
    clockOffsets: {},
    coordinationMs: null,
    incomplete: opts.signal?.aborted === true,
  };
}

/** The orchestrator options a spec carries (the same locally and on a worker). */
export function specOptions(
  spec: ExecutionSpec,
  intendedStart: number | undefined,
  signal: AbortSignal | undefined,
): ExecuteOptions {
  return {
    model: spec.model,
    scenario: spec.scenario,
    iteration: spec.iteration,
    maxTokens: spec.maxTokens,
    timeoutMs: spec.timeoutMs,
    intendedStart,
    signal,
  };
}

async function runOne(
  runtime: Runtime,
  spec: ExecutionSpec,
  signal: AbortSignal | undefined,
  intendedStart: number | undefined,
): Promise<SpecOutcome> {
  const options = specOptions(spec, intendedStart, signal);
  const orch = runtime.orchestrator;
  const t0 = performance.now();
  if (spec.kind === "agent") {
    const agent = await orch.executeAgent(spec.agent ?? "", spec.task, options);
    return {
      spec,
      worker: agent.record.worker ?? "local",
      records: [agent.record],
      processMs: performance.now() - t0,
      result: { kind: "agent", agent },
    };
  }
  const workflow = await orch.runWorkflow(spec.workflow ?? "", spec.task, options);
  return {
    spec,
    worker: workflow.steps[0]?.record.worker ?? "local",
    records: workflow.steps.map((s) => s.record),
    processMs: performance.now() - t0,
    result: { kind: "workflow", workflow },
  };
}

function sleepUntil(perfMs: number, signal?: AbortSignal): Promise<void> {
  const ms = perfMs - performance.now();
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
