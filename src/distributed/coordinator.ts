/**
 * The coordinator side of a distributed run. Specs become BullMQ jobs whose job id is derived from
 * the spec id, so the same execution can never be enqueued twice; results come back through
 * QueueEvents (with a polling sweep as a safety net for missed events), are de-duplicated by id and
 * recorded in the coordinator's tracker exactly as a local run records them.
 */
import { type Job, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { ClaudeForceError } from "../errors.js";
import { redact } from "../internal/redact.js";
import type { Runtime } from "../orchestrator/runtime.js";
import type { ExecutionRecord } from "../tracking/types.js";
import { jobIdOf, runKey } from "./ids.js";
import {
  bullConnection,
  connectOrFail,
  DEFAULT_QUEUE_NAME,
  displayUrl,
  epochNow,
  KEY_PREFIX,
  measureClockOffset,
} from "./redis.js";
import {
  type DistributedPlan,
  type DistributedProgress,
  type DistributedSummary,
  type ExecutionSpec,
  JOB_VERSION,
  type JobData,
  type JobResult,
  type SimSettings,
  type SpecOutcome,
} from "./types.js";

export const JOB_NAME = "execute";
/** Finished jobs (results with output text) stay a day, so a restarted coordinator can collect them. */
const KEEP_FINISHED_S = 24 * 3600;
/** Stored plans and command lines expire with the jobs they describe. */
const KEEP_RUN_S = KEEP_FINISHED_S;
const SWEEP_INTERVAL_MS = 2000;
const SWEEP_BATCH = 100;
/** Give up on a Redis that has been unreachable this long in the middle of a run. */
const LOST_REDIS_MS = 30_000;
/** Open loop: jobs go out this early so the Redis hop does not delay their intended start. */
const DISPATCH_LEAD_MS = 25;

export interface CoordinatorOptions {
  queueUrl: string;
  queueName?: string;
  /** Collect results already in the queue for these ids before waiting (a restarted coordinator). */
  resume?: boolean;
  onWarning?: (message: string) => void;
}

interface Pending {
  spec: ExecutionSpec;
  submittedAt: number;
  resolve(o: SpecOutcome): void;
  reject(e: unknown): void;
}

export class Coordinator {
  private readonly pending = new Map<string, Pending>();
  private readonly outcomes = new Map<string, Promise<SpecOutcome>>();
  private readonly delivered = new Set<string>();
  private readonly workerCounts: Record<string, number> = {};
  private readonly offsets: Record<string, number> = {};
  private readonly warned = new Set<string>();
  private readonly sim: SimSettings | null;
  private records = 0;
  private resumed = 0;
  private coordinationSum = 0;
  private coordinationCount = 0;
  private sweepTimer: NodeJS.Timeout | null = null;
  private lastEventAt = epochNow();
  private redisDownSince: number | null = null;

  private constructor(
    readonly runtime: Runtime,
    private readonly queue: Queue<JobData, JobResult>,
    private readonly events: QueueEvents,
    private readonly redis: Redis,
    /** This machine's clock minus Redis' clock. */
    readonly clockOffsetMs: number,
    private readonly opts: CoordinatorOptions,
  ) {
    const info = runtime.providerInfo;
    this.sim = info.simulated ? { seed: info.seed ?? null, timeScale: info.timeScale ?? null } : null;
    events.on("completed", ({ jobId, returnvalue }) => {
      this.lastEventAt = epochNow();
      this.deliver(jobId, returnvalue as unknown as JobResult);
    });
    events.on("failed", ({ jobId, failedReason }) => {
      this.lastEventAt = epochNow();
      this.fail(jobId, failedReason);
    });
    const onError = (e: Error) => this.warnOnce(`redis: ${e.message}`);
    queue.on("error", onError);
    events.on("error", onError);
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  /** Connect (one clear PROVIDER error when Redis is unreachable) and measure the clock offset. */
  static async open(runtime: Runtime, opts: CoordinatorOptions): Promise<Coordinator> {
    const redis = await connectOrFail(opts.queueUrl);
    try {
      const { offsetMs } = await measureClockOffset(redis);
      const name = opts.queueName ?? DEFAULT_QUEUE_NAME;
      const connection = bullConnection(opts.queueUrl);
      const queue = new Queue<JobData, JobResult>(name, { connection, prefix: KEY_PREFIX });
      // Events from now on only: older runs' events are not ours, and a job finished before we
      // listened is found by state (resume) or by the sweep.
      const [sec] = await redis.time();
      const events = new QueueEvents(name, {
        connection,
        prefix: KEY_PREFIX,
        lastEventId: `${Number(sec) * 1000 - 1000}-0`,
      });
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      return new Coordinator(runtime, queue, events, redis, offsetMs, opts);
    } catch (err) {
      redis.disconnect();
      throw err;
    }
  }

  get queueName(): string {
    return this.queue.name;
  }

  /**
   * Enqueue a spec (idempotent: the job id is derived from the spec id) and resolve with its
   * outcome. `intendedAtEpochMs` is the open-loop intended start on this machine's wall clock.
   */
  submit(spec: ExecutionSpec, intendedAtEpochMs: number | null = null): Promise<SpecOutcome> {
    const jobId = jobIdOf(spec.id);
    const existing = this.outcomes.get(jobId);
    if (existing) return existing;
    // Delivered outcomes are not kept (a long run would hold every output); a repeat is a caller bug.
    if (this.delivered.has(jobId))
      return Promise.reject(new ClaudeForceError("INTERNAL", `execution ${spec.id} was submitted twice`));
    const outcome = new Promise<SpecOutcome>((resolve, reject) => {
      this.pending.set(jobId, { spec, submittedAt: epochNow(), resolve, reject });
    });
    this.outcomes.set(jobId, outcome);
    this.enqueue(spec, jobId, intendedAtEpochMs).catch((err) => this.rejectPending(jobId, err));
    return outcome;
  }

  private async enqueue(spec: ExecutionSpec, jobId: string, intendedAtEpochMs: number | null): Promise<void> {
    if (this.opts.resume && (await this.collectFinished(jobId))) return;
    const data: JobData = {
      v: JOB_VERSION,
      runId: this.runtime.runId,
      spec,
      intendedAtRedisMs: intendedAtEpochMs === null ? null : intendedAtEpochMs - this.clockOffsetMs,
      sim: this.sim,
      configHash: this.runtime.project.configHash,
    };
    await this.queue.add(JOB_NAME, data, {
      jobId,
      // A throwing job is a worker-side problem (not a failed execution, which is a result): one retry.
      attempts: 2,
      backoff: { type: "fixed", delay: 500 },
      removeOnComplete: { age: KEEP_FINISHED_S },
      removeOnFail: { age: KEEP_FINISHED_S },
    });
  }

  /** Resume: a job already in the queue is either collected now (finished) or awaited (pending). */
  private async collectFinished(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state === "completed") {
      this.resumed++;
      this.deliver(jobId, job.returnvalue);
      return true;
    }
    // A job that failed before the restart gets another chance now.
    if (state === "failed") await job.retry("failed");
    return true;
  }

  private deliver(jobId: string, rv: JobResult): void {
    const p = this.pending.get(jobId);
    if (!p || this.delivered.has(jobId)) return; // not ours, or a duplicate completion: counted once
    this.delivered.add(jobId);
    this.pending.delete(jobId);
    this.outcomes.delete(jobId);
    const result =
      rv.kind === "agent"
        ? { kind: "agent" as const, agent: rv.agent }
        : { kind: "workflow" as const, workflow: rv.workflow };
    const executed = rv.kind === "agent" ? [rv.agent] : rv.workflow.steps;
    const records: ExecutionRecord[] = executed.map((e) => e.record);
    for (const e of executed) this.runtime.tracker.record(e.record, e.attempts);
    this.records += records.length;
    this.workerCounts[rv.worker] = (this.workerCounts[rv.worker] ?? 0) + 1;
    this.offsets[rv.worker] = round2(rv.clockOffsetMs - this.clockOffsetMs);
    if (rv.configHash !== this.runtime.project.configHash)
      this.warnOnce(
        `worker ${rv.worker} runs a different project config (hash ${rv.configHash}, here ${this.runtime.project.configHash})`,
      );
    const provider = records[0]?.provider;
    if (provider && provider !== this.runtime.providerInfo.name)
      this.warnOnce(
        `worker ${rv.worker} uses provider ${provider}, this coordinator ${this.runtime.providerInfo.name}`,
      );
    if (rv.processMs !== undefined && !this.opts.resume) {
      this.coordinationSum += Math.max(0, epochNow() - p.submittedAt - rv.processMs);
      this.coordinationCount++;
    }
    p.resolve({ spec: p.spec, worker: rv.worker, records, processMs: rv.processMs, result });
  }

  private fail(jobId: string, reason: string): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    // BullMQ reports each failed attempt; only the last one ends the job.
    this.queue
      .getJob(jobId)
      .then(async (job) => {
        if (!job || (await job.getState()) !== "failed") return;
        this.rejectPending(
          jobId,
          new ClaudeForceError("RUN_FAILED", `execution ${p.spec.id} failed on a worker: ${redact(reason)}`),
        );
      })
      .catch(() => {}); // Redis hiccup: the sweep looks again
  }

  private rejectPending(jobId: string, err: unknown): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.pending.delete(jobId);
    p.reject(err);
  }

  /** Safety net for events missed while reconnecting: look the oldest pending jobs up directly. */
  private async sweep(): Promise<void> {
    if (this.pending.size === 0 || epochNow() - this.lastEventAt < SWEEP_INTERVAL_MS) return;
    try {
      const ids = [...this.pending.keys()].slice(0, SWEEP_BATCH);
      const jobs = await Promise.all(ids.map((id) => this.queue.getJob(id)));
      this.redisDownSince = null;
      for (const job of jobs) await this.checkJob(job);
    } catch (err) {
      this.redisDownSince ??= epochNow();
      if (epochNow() - this.redisDownSince > LOST_REDIS_MS) {
        const lost = new ClaudeForceError(
          "PROVIDER",
          `lost Redis at ${displayUrl(this.opts.queueUrl)} for ${LOST_REDIS_MS / 1000} s: ${(err as Error).message}`,
        );
        for (const id of [...this.pending.keys()]) this.rejectPending(id, lost);
      }
    }
  }

  private async checkJob(job: Job<JobData, JobResult> | undefined): Promise<void> {
    if (!job?.id) return;
    const state = await job.getState();
    if (state === "completed") this.deliver(job.id, job.returnvalue);
    else if (state === "failed") this.fail(job.id, job.failedReason);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.opts.onWarning?.(redact(message));
  }

  /** Stop waiting for everything still pending (the caller was interrupted). */
  abandon(reason: unknown): void {
    for (const id of [...this.pending.keys()]) this.rejectPending(id, reason);
  }

  /** Store a plan (or the command line of a bench run) so a restarted coordinator can resume it. */
  async store(what: "plan" | "argv", value: DistributedPlan | string[]): Promise<void> {
    const key = runKey(KEY_PREFIX, this.queue.name, this.runtime.runId, what);
    await this.redis.set(key, JSON.stringify(value), "EX", KEEP_RUN_S);
  }

  async loadPlan(): Promise<DistributedPlan | null> {
    const raw = await this.redis.get(runKey(KEY_PREFIX, this.queue.name, this.runtime.runId, "plan"));
    return raw === null ? null : (JSON.parse(raw) as DistributedPlan);
  }

  progress(total: number): DistributedProgress {
    return { total, done: this.delivered.size, fromQueue: this.resumed, workers: { ...this.workerCounts } };
  }

  summary(incomplete = false): DistributedSummary & { incomplete: boolean } {
    return {
      records: this.records,
      executions: this.delivered.size,
      resumed: this.resumed,
      workers: { ...this.workerCounts },
      clockOffsets: { ...this.offsets },
      coordinationMs: this.coordinationCount > 0 ? this.coordinationSum / this.coordinationCount : null,
      incomplete,
    };
  }

  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.redis.disconnect();
  }
}

export interface RunDistributedOptions {
  queueUrl: string;
  queueName?: string;
  signal?: AbortSignal;
  onProgress?: (p: DistributedProgress) => void;
  onRecord?: (r: ExecutionRecord) => void;
  /** Each finished spec with its full result (output text, attempts, workflow steps). */
  onOutcome?: (o: SpecOutcome) => void;
  onWarning?: (message: string) => void;
}

/**
 * Run a plan on the workers listening on the queue. Specs without an intended start are enqueued
 * at once (the workers' concurrency bounds what runs); open-loop specs are released at their
 * intended start (run start + offset, fixed as wall-clock time here) and measured from it by the
 * worker, so queueing anywhere on the way shows in the latency. Interrupted: returns what finished,
 * marked incomplete; the rest stays queued for `resumeDistributed`.
 */
export async function runDistributed(
  runtime: Runtime,
  plan: DistributedPlan,
  opts: RunDistributedOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  validatePlan(runtime, plan);
  const coord = await Coordinator.open(runtime, opts);
  try {
    await coord.store("plan", plan);
    return await drive(coord, plan, opts);
  } finally {
    await coord.close();
  }
}

/**
 * Resume a distributed run after a coordinator restart: reads the stored plan of `runtime.runId`,
 * collects the executions already completed in the queue and waits for (or enqueues) the rest.
 * Nothing runs twice: finished jobs are read back, pending ones keep their job ids.
 */
export async function resumeDistributed(
  runtime: Runtime,
  opts: RunDistributedOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  const coord = await Coordinator.open(runtime, { ...opts, resume: true });
  try {
    const plan = await coord.loadPlan();
    if (!plan)
      throw new ClaudeForceError(
        "NOT_FOUND",
        `no distributed run ${runtime.runId} in queue '${coord.queueName}' at ${displayUrl(opts.queueUrl)}`,
        { hint: "plans are kept 24 hours; check the run id and --queue URL" },
      );
    validatePlan(runtime, plan);
    return await drive(coord, plan, opts);
  } finally {
    await coord.close();
  }
}

async function drive(
  coord: Coordinator,
  plan: DistributedPlan,
  opts: RunDistributedOptions,
): Promise<DistributedSummary & { incomplete: boolean }> {
  const { signal } = opts;
  const onDone = (o: SpecOutcome) => {
    for (const r of o.records) opts.onRecord?.(r);
    opts.onOutcome?.(o);
    opts.onProgress?.(coord.progress(plan.length));
  };
  const interrupted = new Promise<"interrupted">((resolve) => {
    if (signal?.aborted) resolve("interrupted");
    signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
  });
  const closed = plan.filter((s) => s.intendedStartOffsetMs === undefined);
  const open = plan
    .filter((s) => s.intendedStartOffsetMs !== undefined)
    .sort((a, b) => a.intendedStartOffsetMs! - b.intendedStartOffsetMs!);
  const outcomes: Array<Promise<void>> = closed.map((s) => coord.submit(s).then(onDone));
  // A resumed open-loop run re-bases the remaining arrivals on a new start (the old one is gone).
  const start = epochNow() + DISPATCH_LEAD_MS;
  const base = open[0]?.intendedStartOffsetMs ?? 0;
  const dispatch = (async () => {
    for (const s of open) {
      const intended = start + (s.intendedStartOffsetMs! - base);
      const wait = intended - DISPATCH_LEAD_MS - epochNow();
      if (wait > 0 && (await Promise.race([sleep(wait), interrupted])) === "interrupted") return;
      if (signal?.aborted) return;
      outcomes.push(coord.submit(s, intended).then(onDone));
    }
  })();
  opts.onProgress?.(coord.progress(plan.length));
  const all = (async () => {
    await dispatch;
    await Promise.all(outcomes);
    return "done" as const;
  })();
  all.catch(() => {}); // after an interruption nobody awaits it; before one, the race below rethrows
  const how = await Promise.race([all, interrupted]);
  if (how === "interrupted") coord.abandon(new ClaudeForceError("INTERRUPTED", "interrupted"));
  return coord.summary(how === "interrupted");
}

/**
 * The command line a queued bench run stored (see attachQueue's `argv`), for `bench resume <run-id>`;
 * null when the queue has no such run.
 */
export async function loadRunArgs(
  queueUrl: string,
  runId: string,
  queueName?: string,
): Promise<string[] | null> {
  const redis = await connectOrFail(queueUrl);
  try {
    const raw = await redis.get(runKey(KEY_PREFIX, queueName ?? DEFAULT_QUEUE_NAME, runId, "argv"));
    return raw === null ? null : (JSON.parse(raw) as string[]);
  } finally {
    redis.disconnect();
  }
}

function validatePlan(runtime: Runtime, plan: DistributedPlan): void {
  const seen = new Set<string>();
  for (const s of plan) {
    if (seen.has(s.id))
      throw new ClaudeForceError("INPUT", `duplicate execution id in the plan: ${s.id}`, {
        hint: "ids are runId|scenario|iteration: give repeated executions distinct iterations",
      });
    seen.add(s.id);
    // Unknown agent or workflow: NOT_FOUND here, before anything is enqueued.
    if (s.kind === "agent") runtime.project.agents.get(s.agent ?? "");
    else runtime.project.workflows.get(s.workflow ?? "");
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
