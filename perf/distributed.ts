/**
 * Distributed runs through Redis (BullMQ) on the zero-latency sim, so every number is coordination
 * cost, not model time: (1) overhead per execution, one job at a time: the coordinator's round trip
 * minus the worker's own time; (2) throughput with 1, 2 and 4 local worker processes against the
 * same plan run locally in this process. On one machine the workers share its cores with Redis and
 * the coordinator, so more workers cannot scale past the cores; across machines they would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Coordinator } from "../src/distributed/coordinator.js";
import { executeSpecs } from "../src/distributed/execute-specs.js";
import { specId } from "../src/distributed/ids.js";
import { runDistributed } from "../src/distributed/index.js";
import type { DistributedPlan } from "../src/distributed/types.js";
import { startRedis, stopProcess, waitForLine } from "../test/distributed/redis-server.js";
import { AGENT, median, simRuntime, TASK } from "./sim-runtime.js";
import { below, metric, type PerfBenchmark, type PerfMetric, type PerfResult } from "./types.js";

const WORKER_CONCURRENCY = 16;
/** A sim whose executions take tens of ms: the throughput limit becomes worker slots. */
const SLOW_SCALE = 0.02;

function plan(runId: string, scenario: string, n: number): DistributedPlan {
  return Array.from({ length: n }, (_, i) => ({
    id: specId(runId, scenario, i + 1),
    kind: "agent" as const,
    agent: AGENT,
    task: TASK,
    scenario,
    iteration: i + 1,
  }));
}

async function startWorkers(
  root: string,
  url: string,
  project: string,
  count: number,
): Promise<ChildProcess[]> {
  const entry = join(root, "test", "helpers", "cli-entry.ts");
  const tsx = import.meta.resolve("tsx");
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(
        process.execPath,
        [
          "--import",
          tsx,
          entry,
          "-C",
          project,
          "worker",
          "--queue",
          url,
          "--provider",
          "sim",
          "--quiet",
        ].concat(["--concurrency", String(WORKER_CONCURRENCY)]),
        { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
      );
      await waitForLine(child, /taking jobs from/, 30_000);
      return child;
    }),
  );
}

export const distributed: PerfBenchmark = {
  id: "distributed",
  title: "Distributed runs through Redis: coordination overhead and throughput with 1, 2, 4 workers",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const sequential = opts.quick ? 100 : 400;
    const batch = opts.quick ? 600 : 2000;
    // Throughput is noisy on a shared machine: repeat each level and keep the median.
    const rounds = opts.quick ? 1 : 3;
    const redis = await startRedis();
    const runtime = await simRuntime(opts.workDir, "distributed", { track: false });
    // Same project; the workers follow each coordinator's sim seed and time scale.
    const slow = await simRuntime(opts.workDir, "distributed", { track: false, timeScale: SLOW_SCALE });
    const slowBatch = opts.quick ? 150 : 400;
    const project = runtime.project.root;
    const details: Record<string, unknown> = {};
    const metrics: PerfMetric[] = [];
    let workers: ChildProcess[] = [];
    try {
      // Local reference: the same plan on this process's orchestrator, same concurrency as one worker.
      const localStart = performance.now();
      await executeSpecs(runtime, plan(runtime.runId, "local", batch), { concurrency: WORKER_CONCURRENCY });
      const localRate = batch / ((performance.now() - localStart) / 1000);

      // (1) one worker, one job at a time: what Redis adds to each execution.
      workers = await startWorkers(opts.root, redis.url, project, 1);
      const warm = await Coordinator.open(runtime, { queueUrl: redis.url });
      for (const s of plan(runtime.runId, "warmup", 30)) await warm.submit(s); // JIT, Lua scripts loaded
      await warm.close();
      const coord = await Coordinator.open(runtime, { queueUrl: redis.url });
      const roundTrips: number[] = [];
      const overheads: number[] = [];
      try {
        for (const s of plan(runtime.runId, "sequential", sequential)) {
          const start = performance.now();
          const o = await coord.submit(s);
          const rt = performance.now() - start;
          roundTrips.push(rt);
          overheads.push(rt - o.processMs);
        }
      } finally {
        await coord.close();
      }
      details.overheadMs = { median: median(overheads), mean: coord.summary().coordinationMs };
      metrics.push(
        metric("coordination overhead per execution (median)", "ms", median(overheads), null, below(5)),
      );
      metrics.push(
        metric("round trip per execution (1 job at a time)", "ms", median(roundTrips), null, null),
      );

      // (2) throughput with 1, 2, 4 workers (each at concurrency 16).
      const rates: Record<string, number> = {};
      const slowRates: Record<string, number> = {};
      for (const count of [1, 2, 4]) {
        if (workers.length < count)
          workers = workers.concat(await startWorkers(opts.root, redis.url, project, count - workers.length));
        // New worker processes start cold: a small batch first, so the JIT is warm when it counts.
        await runDistributed(runtime, plan(runtime.runId, `warm-${count}`, 200), { queueUrl: redis.url });
        const samples: number[] = [];
        for (let r = 0; r < rounds; r++) {
          const start = performance.now();
          const s = await runDistributed(runtime, plan(runtime.runId, `batch-${count}-${r}`, batch), {
            queueUrl: redis.url,
          });
          samples.push(s.executions / ((performance.now() - start) / 1000));
        }
        const rate = median(samples);
        rates[count] = rate;
        opts.log(`distributed: ${count} worker(s): ${rate.toFixed(0)} executions/s`);
        metrics.push(
          metric(`throughput, ${count} worker${count > 1 ? "s" : ""}`, "exec/s", rate, localRate, null),
        );
        // With model latency the limit is worker slots, not CPU: this is where workers add capacity.
        const start = performance.now();
        const s = await runDistributed(slow, plan(slow.runId, `slow-${count}`, slowBatch), {
          queueUrl: redis.url,
        });
        const slowRate = s.executions / ((performance.now() - start) / 1000);
        slowRates[count] = slowRate;
        metrics.push(
          metric(
            `throughput, ${count} worker${count > 1 ? "s" : ""}, sim time scale ${SLOW_SCALE}`,
            "exec/s",
            slowRate,
            null,
            null,
          ),
        );
      }
      details.throughputWithLatency = slowRates;
      details.throughput = rates;
      details.localThroughput = localRate;
    } finally {
      await Promise.all(workers.map((w) => stopProcess(w)));
      await Promise.all([runtime.close(), slow.close()]);
      await redis.stop();
    }
    return {
      id: "distributed",
      title: distributed.title,
      reference: "the same plan run in-process on the local orchestrator (no Redis), concurrency 16",
      metrics,
      params: {
        sequential,
        batch,
        rounds,
        workerConcurrency: WORKER_CONCURRENCY,
        provider: "sim",
        timeScale: 0,
      },
      limits: [],
      details,
      durationMs: performance.now() - t0,
    };
  },
};
