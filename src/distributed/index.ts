/**
 * Distributed runs on Redis with BullMQ. Safe to import anywhere: the Redis modules (bullmq,
 * ioredis) load only when a function here is called with a queue.
 */
import type { Runtime } from "../orchestrator/runtime.js";
import type { RunDistributedOptions } from "./coordinator.js";
import type { QueueOptions } from "./remote-orchestrator.js";
import type { DistributedPlan, DistributedSummary } from "./types.js";
import type { WorkerHandle, WorkerOptions } from "./worker.js";

export type { RunDistributedOptions } from "./coordinator.js";
export { type ExecuteSpecsOptions, type ExecuteSpecsSummary, executeSpecs } from "./execute-specs.js";
export { executionIdOf, jobIdOf, specId } from "./ids.js";
export type { QueueOptions } from "./remote-orchestrator.js";
export type * from "./types.js";
export type { WorkerHandle, WorkerOptions } from "./worker.js";

export async function runDistributed(
  runtime: Runtime,
  plan: DistributedPlan,
  opts: RunDistributedOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  return (await import("./coordinator.js")).runDistributed(runtime, plan, opts);
}

export async function resumeDistributed(
  runtime: Runtime,
  opts: RunDistributedOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  return (await import("./coordinator.js")).resumeDistributed(runtime, opts);
}

/** `bench ... --queue`: route every execution of `runtime` through the queue. */
export async function attachQueue(
  runtime: Runtime,
  queueUrl: string,
  opts: QueueOptions = {},
): Promise<{ summary(): DistributedSummary }> {
  return (await import("./remote-orchestrator.js")).attachQueue(runtime, queueUrl, opts);
}

/** The command line a queued bench run stored, for `bench resume <run-id>` (null: unknown run). */
export async function loadRunArgs(
  queueUrl: string,
  runId: string,
  queueName?: string,
): Promise<string[] | null> {
  return (await import("./coordinator.js")).loadRunArgs(queueUrl, runId, queueName);
}

export async function startWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  return (await import("./worker.js")).startWorker(opts);
}
