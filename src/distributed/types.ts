/**
 * Contracts of a distributed run: what the coordinator puts in a BullMQ job and what a worker
 * returns. Jobs carry work, never credentials: each worker uses the provider settings and API keys
 * of its own environment.
 */
import type { ExecuteResult, WorkflowResult } from "../orchestrator/types.js";
import type { ExecutionRecord } from "../tracking/types.js";

/** One unit of work: an agent execution or a whole workflow run (its steps stay on one worker). */
export interface ExecutionSpec {
  /** Deterministic: run id + scenario + iteration (+ occurrence), so a job can never be enqueued twice. */
  id: string;
  kind: "agent" | "workflow";
  agent?: string;
  workflow?: string;
  task: string;
  /** haiku | sonnet | opus | full model id | auto; absent: the worker's routing (agent, config). */
  model?: string;
  scenario: string;
  iteration: number;
  /** Open loop: intended start, in ms from the run's start. Absent: start as soon as a worker is free. */
  intendedStartOffsetMs?: number;
  maxTokens?: number;
  timeoutMs?: number;
}

export type DistributedPlan = ExecutionSpec[];

/** Simulated-provider settings a worker adopts when it was not given its own seed and time scale. */
export interface SimSettings {
  seed: number | null;
  timeScale: number | null;
}

export const JOB_VERSION = 1;

/** The payload of one BullMQ job. */
export interface JobData {
  v: typeof JOB_VERSION;
  runId: string;
  spec: ExecutionSpec;
  /** Intended start on Redis' clock (epoch ms), or null for "as soon as possible". */
  intendedAtRedisMs: number | null;
  sim: SimSettings | null;
  /** The coordinator's project config hash; a worker with a different one still runs (warned). */
  configHash: string;
}

/** A job's return value. */
export type JobResult = {
  /** hostname:pid */
  worker: string;
  /** The worker's clock minus Redis' clock (ms), measured NTP-style. */
  clockOffsetMs: number;
  configHash: string;
  /** Time the worker spent on the job, waiting for an early intended start included (ms). */
  processMs: number;
} & ({ kind: "agent"; agent: ExecuteResult } | { kind: "workflow"; workflow: WorkflowResult });

/** What a finished spec yields on the coordinator. */
export interface SpecOutcome {
  spec: ExecutionSpec;
  worker: string;
  records: ExecutionRecord[];
  /** Time the worker (or local orchestrator) spent on it (ms). */
  processMs: number;
  result: { kind: "agent"; agent: ExecuteResult } | { kind: "workflow"; workflow: WorkflowResult };
}

export interface DistributedProgress {
  total: number;
  done: number;
  /** Specs whose result was already in the queue (a resumed run). */
  fromQueue: number;
  workers: Record<string, number>;
}

export interface DistributedSummary {
  /** Execution records received (a workflow run yields one per step). */
  records: number;
  /** Specs completed, each counted once. */
  executions: number;
  /** Of those, already completed before this coordinator started (resume). */
  resumed: number;
  /** Specs per worker (hostname:pid). */
  workers: Record<string, number>;
  /** Each worker's clock minus the coordinator's clock (ms). */
  clockOffsets: Record<string, number>;
  /**
   * Mean per execution of the coordinator-observed round trip minus the worker's own time (ms):
   * the Redis hops plus any wait for a free worker slot.
   */
  coordinationMs: number | null;
}
