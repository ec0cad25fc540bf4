/**
 * A worker process: takes execution jobs from the queue and runs them through its own runtime
 * (its own provider, flags and API keys: nothing secret travels through Redis). It returns the
 * execution records, stamped with the coordinator's run id, deterministic execution ids and
 * `hostname:pid`, as the job's result; the coordinator records them.
 *
 * Faults: a worker that dies mid-job stops renewing the job's lock; after `lockDurationMs` BullMQ
 * moves the job back to the wait list and another worker runs it again.
 */
import { hostname } from "node:os";
import { Worker } from "bullmq";
import { createRuntime, type Runtime, type RuntimeOptions } from "../orchestrator/runtime.js";
import type { ExecuteResult, WorkflowResult } from "../orchestrator/types.js";
import { JOB_NAME } from "./coordinator.js";
import { specOptions } from "./execute-specs.js";
import { executionIdOf } from "./ids.js";
import {
  bullConnection,
  connectOrFail,
  DEFAULT_QUEUE_NAME,
  epochNow,
  KEY_PREFIX,
  measureClockOffset,
} from "./redis.js";
import { JOB_VERSION, type JobData, type JobResult, type SimSettings } from "./types.js";

export interface WorkerOptions {
  queueUrl: string;
  queueName?: string;
  /** Jobs run at once on this worker (default 10: executions are I/O-bound). */
  concurrency?: number;
  /** Project root: agents, workflows and config come from here. */
  project: string;
  provider?: string;
  baseUrl?: string;
  /** Sim seed and time scale; when absent, a sim worker follows the coordinator's. */
  seed?: number;
  timeScale?: number;
  timeoutMs?: number;
  /** Record executions in this machine's tracker too (default false: the coordinator records). */
  track?: boolean;
  /** How long a job's lock lives without renewal before the job counts as stalled (default 15 s). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (default lockDuration / 3). */
  stalledIntervalMs?: number;
  onWarning?: (message: string) => void;
  /** Every finished job, for the worker's log. */
  onJob?: (info: { id: string; scenario: string; iteration: number; ok: boolean; ms: number }) => void;
}

export interface WorkerHandle {
  /** hostname:pid */
  readonly id: string;
  /** This machine's clock minus Redis' clock (ms). */
  readonly clockOffsetMs: number;
  /** Finish the jobs in hand, then stop. `force` abandons them (they are retried elsewhere). */
  close(force?: boolean): Promise<void>;
}

const DEFAULT_LOCK_MS = 15_000;
/** A worker re-measures its clock offset this often (clocks drift; NTP steps them). */
const CLOCK_REFRESH_MS = 60_000;

/** Connect (one clear error when Redis is unreachable), then start taking jobs. */
export async function startWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  const redis = await connectOrFail(opts.queueUrl);
  const id = `${hostname()}:${process.pid}`;
  let offset = (await measureClockOffset(redis)).offsetMs;
  const clockTimer = setInterval(() => {
    measureClockOffset(redis)
      .then((m) => {
        offset = m.offsetMs;
      })
      .catch(() => {}); // keep the last offset through a Redis hiccup
  }, CLOCK_REFRESH_MS);
  clockTimer.unref();

  const runtimes = new RuntimeCache(opts, id);
  // The first runtime is built before taking jobs, so a misconfigured worker fails at start.
  await runtimes.get(null);
  const lockDuration = opts.lockDurationMs ?? DEFAULT_LOCK_MS;
  const processJob = async (name: string, data: JobData, signal?: AbortSignal): Promise<JobResult> => {
    if (name !== JOB_NAME || data.v !== JOB_VERSION)
      throw new Error(`unknown job '${name}' v${data.v}: coordinator and worker run different versions`);
    const t0 = epochNow();
    const result = await execute(await runtimes.get(data.sim), data, offset, signal);
    // Cancelled on this worker (forced stop): not a result; the job goes back to the queue.
    if (signal?.aborted) throw new Error("cancelled on the worker before it finished");
    const processMs = epochNow() - t0;
    const records =
      result.kind === "agent" ? [result.agent.record] : result.workflow.steps.map((s) => s.record);
    opts.onJob?.({
      id: data.spec.id,
      scenario: data.spec.scenario,
      iteration: data.spec.iteration,
      ok: records.every((r) => r.success),
      ms: processMs,
    });
    return { ...result, worker: id, clockOffsetMs: offset, configHash: runtimes.configHash, processMs };
  };
  const worker = new Worker<JobData, JobResult>(
    opts.queueName ?? DEFAULT_QUEUE_NAME,
    async (job, _token, signal) => {
      try {
        return await processJob(job.name, job.data, signal);
      } catch (err) {
        // The job fails (BullMQ retries it once); say why here too, where the cause lives.
        opts.onWarning?.(`job ${job.data.spec?.id ?? job.id} failed: ${(err as Error).message}`);
        throw err;
      }
    },
    {
      connection: bullConnection(opts.queueUrl),
      prefix: KEY_PREFIX,
      concurrency: Math.max(1, opts.concurrency ?? 10),
      lockDuration,
      stalledInterval: opts.stalledIntervalMs ?? Math.max(500, Math.floor(lockDuration / 3)),
      // A job may stall a few times (each stall is a dead or frozen worker) before it counts as failed.
      maxStalledCount: 3,
    },
  );
  worker.on("error", (e) => opts.onWarning?.(`redis: ${e.message}`));
  await worker.waitUntilReady();

  let closing: Promise<void> | null = null;
  return {
    id,
    get clockOffsetMs() {
      return offset;
    },
    close(force = false) {
      closing ??= (async () => {
        clearInterval(clockTimer);
        await worker.close(force);
        await runtimes.closeAll();
        redis.disconnect();
      })();
      return closing;
    },
  };
}

type Executed = { kind: "agent"; agent: ExecuteResult } | { kind: "workflow"; workflow: WorkflowResult };

async function execute(
  runtime: Runtime,
  data: JobData,
  offsetMs: number,
  signal?: AbortSignal,
): Promise<Executed> {
  const { spec } = data;
  let intendedStart: number | undefined;
  if (data.intendedAtRedisMs !== null) {
    // Redis time → this machine's monotonic clock. An early job waits for its intended start.
    intendedStart = data.intendedAtRedisMs + offsetMs - performance.timeOrigin;
    const early = intendedStart - performance.now();
    if (early > 0) await new Promise((r) => setTimeout(r, early));
  }
  const options = specOptions(spec, intendedStart, signal);
  const orch = runtime.orchestrator;
  if (spec.kind === "agent") {
    const r = await orch.executeAgent(spec.agent ?? "", spec.task, options);
    stamp(r, data.runId, executionIdOf(spec.id));
    return { kind: "agent", agent: r };
  }
  const w = await orch.runWorkflow(spec.workflow ?? "", spec.task, options);
  for (const s of w.steps) stamp(s, data.runId, executionIdOf(spec.id, s.position));
  return { kind: "workflow", workflow: w };
}

/** The coordinator's run id and a deterministic execution id, so tracker rows match a local run's. */
function stamp(r: ExecuteResult, runId: string, executionId: string): void {
  r.record.runId = runId;
  r.record.executionId = executionId;
}

/**
 * One runtime per distinct sim setting: a sim worker without its own --seed/--time-scale adopts the
 * coordinator's, so a seeded run produces the same executions whichever worker runs them.
 */
class RuntimeCache {
  private readonly cache = new Map<string, Promise<Runtime>>();
  configHash = "";

  constructor(
    private readonly opts: WorkerOptions,
    private readonly workerId: string,
  ) {}

  get(sim: SimSettings | null): Promise<Runtime> {
    const o = this.opts;
    const follow = sim !== null && o.seed === undefined && o.timeScale === undefined;
    const seed = follow ? (sim.seed ?? undefined) : o.seed;
    const timeScale = follow ? (sim.timeScale ?? undefined) : o.timeScale;
    const key = `${seed}|${timeScale}`;
    let rt = this.cache.get(key);
    if (!rt) {
      const ro: RuntimeOptions = {
        project: o.project,
        command: "worker",
        provider: o.provider,
        baseUrl: o.baseUrl,
        seed,
        timeScale,
        timeoutMs: o.timeoutMs,
        track: o.track ?? false,
        worker: this.workerId,
        onWarning: o.onWarning,
      };
      rt = createRuntime(ro).then(
        (r) => {
          this.configHash = r.project.configHash;
          return r;
        },
        (err: unknown) => {
          this.cache.delete(key); // a failed start is not cached: the next job tries again
          throw err;
        },
      );
      this.cache.set(key, rt);
    }
    return rt;
  }

  async closeAll(): Promise<void> {
    const all = await Promise.allSettled([...this.cache.values()]);
    await Promise.allSettled(all.map((r) => (r.status === "fulfilled" ? r.value.close() : undefined)));
  }
}
