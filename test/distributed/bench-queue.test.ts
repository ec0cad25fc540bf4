/**
 * `bench ... --queue`: the bench library runs unchanged on a RemoteOrchestrator. A seeded suite gives
 * the same tokens and cost as the same run done locally; open-loop load keeps its intended starts.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkAgent, benchmarkWorkflow } from "../../src/bench/agent.js";
import { loadTest } from "../../src/bench/load.js";
import { attachQueue, loadRunArgs, startWorker, type WorkerHandle } from "../../src/distributed/index.js";
import { createRuntime, type Runtime } from "../../src/orchestrator/runtime.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";
import { tempProject } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let project: string;
let worker: WorkerHandle;
let jobsRun = 0;

beforeAll(async () => {
  redis = await startRedis();
  project = await tempProject();
  worker = await startWorker({
    queueUrl: redis.url,
    project,
    provider: "sim",
    concurrency: 8,
    onJob: () => {
      jobsRun++;
    },
  });
});
afterAll(async () => {
  await worker?.close();
  await redis?.stop();
  if (project) await rm(project, { recursive: true, force: true });
});

async function pair(seed: number): Promise<{ remote: Runtime; local: Runtime }> {
  const opts = { project, command: "bench", provider: "sim", seed, track: false } as const;
  const remote = await createRuntime({ ...opts, timeScale: 0.01 });
  await attachQueue(remote, redis.url);
  const local = await createRuntime({ ...opts, timeScale: 0 });
  return { remote, local };
}

describe("bench through the queue", () => {
  it("an agent benchmark with warmups equals the local one in executions, tokens and cost", async () => {
    const { remote, local } = await pair(11);
    const seen: ExecutionRecord[] = [];
    try {
      const task = "Explain Python decorators with one example";
      const opts = { iterations: 6, warmup: 2, concurrency: 3 };
      const r = await benchmarkAgent(remote, "python-expert", task, {
        ...opts,
        onExecution: (e) => seen.push(e.record),
      });
      const l = await benchmarkAgent(local, "python-expert", task, opts);
      const [rs, ls] = [r.scenarios[0]!.summary, l.scenarios[0]!.summary];
      expect(rs.executions).toBe(6);
      expect(rs.avg_output_tokens).toBe(ls.avg_output_tokens);
      expect(rs.avg_input_tokens).toBe(ls.avg_input_tokens);
      expect(rs.total_cost).toBeCloseTo(ls.total_cost, 12);
      expect(rs.success_rate).toBe(ls.success_rate);
      // Warmups (which all share iteration 0) ran too, each once, on the worker.
      expect(seen).toHaveLength(8);
      expect(new Set(seen.map((s) => s.executionId)).size).toBe(8);
      expect(seen.every((s) => s.worker === worker.id && s.runId === remote.runId)).toBe(true);
    } finally {
      await Promise.all([remote.close(), local.close()]);
    }
  });

  it("a workflow benchmark runs each workflow on one worker and reports its steps", async () => {
    const { remote, local } = await pair(12);
    try {
      const r = await benchmarkWorkflow(remote, "code-quality-check", { iterations: 2 });
      const l = await benchmarkWorkflow(local, "code-quality-check", { iterations: 2 });
      const [rs, ls] = [r.scenarios[0]!, l.scenarios[0]!];
      expect(rs.steps!.map((s) => [s.agent, s.executions])).toEqual(
        ls.steps!.map((s) => [s.agent, s.executions]),
      );
      expect(rs.summary.avg_output_tokens).toBe(ls.summary.avg_output_tokens);
    } finally {
      await Promise.all([remote.close(), local.close()]);
    }
  });

  it("open-loop load through the queue measures from the intended start", async () => {
    const { remote, local } = await pair(13);
    try {
      const waits: number[] = [];
      const [res] = await loadTest(remote, {
        mode: "open",
        rate: 50,
        durationMs: 400,
        onExecution: (r) => waits.push(r.record.queueWaitMs),
      });
      expect(res!.completed).toBe(20);
      // The worker got each intended start (converted through the clock offsets) and measured from it:
      // the Redis hop alone makes every start a little late.
      expect(waits).toHaveLength(20);
      expect(waits.every((w) => w > 0 && w < 1000)).toBe(true);
      // Latency includes the Redis hop and any wait for a worker slot: never below service time.
      expect(res!.latency.min).toBeGreaterThanOrEqual(res!.serviceTime.min);
      expect(res!.latency.max).toBeGreaterThanOrEqual(res!.serviceTime.max);
    } finally {
      await Promise.all([remote.close(), local.close()]);
    }
  });

  it("re-running a bench with its run id and resume reads the finished executions back", async () => {
    const opts = {
      project,
      command: "bench",
      provider: "sim",
      seed: 14,
      timeScale: 0.01,
      track: false,
    } as const;
    const argv = ["bench", "agent", "python-expert", "Explain generators", "-n", "4"];
    const first = await createRuntime(opts);
    await attachQueue(first, redis.url, { argv });
    const a = await benchmarkAgent(first, "python-expert", "Explain generators", { iterations: 4 });
    await first.close();
    expect(await loadRunArgs(redis.url, first.runId)).toEqual(argv);
    expect(await loadRunArgs(redis.url, "19990101-000000-none")).toBeNull();

    const ranBefore = jobsRun;
    const again = await createRuntime({ ...opts, runId: first.runId });
    try {
      await attachQueue(again, redis.url, { resume: true });
      const b = await benchmarkAgent(again, "python-expert", "Explain generators", { iterations: 4 });
      expect(jobsRun).toBe(ranBefore); // nothing executed again
      expect(b.scenarios[0]!.summary.executions).toBe(4);
      expect(b.scenarios[0]!.executions.map((e) => e.execution_id)).toEqual(
        a.scenarios[0]!.executions.map((e) => e.execution_id),
      );
      expect(b.scenarios[0]!.summary.mean_time_ms).toBe(a.scenarios[0]!.summary.mean_time_ms);
    } finally {
      await again.close();
    }
  });
});
