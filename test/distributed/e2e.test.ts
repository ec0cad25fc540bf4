/**
 * End to end: a coordinator (this process) and two worker processes on one Redis, the sim provider
 * with a fixed seed. One worker is SIGKILLed mid-run; every execution must still complete exactly
 * once, and what is deterministic (model and token usage per execution id) must equal the same
 * seeded plan run locally, so the merged distributions equal the local ones.
 */
import { rm } from "node:fs/promises";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runDistributed } from "../../src/distributed/coordinator.js";
import { executeSpecs } from "../../src/distributed/execute-specs.js";
import { jobIdOf } from "../../src/distributed/ids.js";
import { DEFAULT_QUEUE_NAME, KEY_PREFIX } from "../../src/distributed/redis.js";
import type { JobData, JobResult, SpecOutcome } from "../../src/distributed/types.js";
import { createRuntime, type Runtime } from "../../src/orchestrator/runtime.js";
import { LatencyRecorder } from "../../src/stats/latency.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";
import { mixedPlan, spawnWorker, tempProject } from "./helpers.js";
import { startRedis, stopProcess, type TestRedis } from "./redis-server.js";

const SEED = 7;
const SCALE = 0.05;
const SECRET = "sk-ant-api03-never-in-redis-0123456789abcdef";

let redis: TestRedis;
let project: string;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  redis = await startRedis();
  project = await tempProject();
});
afterAll(async () => {
  for (const rt of runtimes) await rt.close();
  await redis?.stop();
  if (project) await rm(project, { recursive: true, force: true });
});

async function simRuntime(timeScale: number): Promise<Runtime> {
  const rt = await createRuntime({
    project,
    command: "bench",
    provider: "sim",
    seed: SEED,
    timeScale,
    track: false,
  });
  runtimes.push(rt);
  return rt;
}

/** What a seeded run fixes regardless of timing: model and usage of every execution (steps by position). */
function deterministic(outcomes: SpecOutcome[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of outcomes)
    for (const r of o.records)
      out.set(
        `${o.spec.id}#${r.workflowPosition ?? 0}`,
        JSON.stringify([r.agent, r.model, r.success, r.usage]),
      );
  return out;
}

describe("a coordinator and two worker processes, one killed mid-run", () => {
  it("completes every execution exactly once, with the same seeded usage as a local run", async () => {
    const coordinator = await simRuntime(SCALE);
    const plan = mixedPlan(coordinator.runId, 40, 4);
    const recorded = vi.spyOn(coordinator.tracker, "record");
    // Each worker has an API key in its environment; none may reach Redis.
    const [a, b] = await Promise.all([
      spawnWorker(
        redis.url,
        project,
        ["--provider", "sim", "--concurrency", "3", "--lock-duration", "1500", "--quiet"],
        {
          ANTHROPIC_API_KEY: SECRET,
        },
      ),
      spawnWorker(
        redis.url,
        project,
        ["--provider", "sim", "--concurrency", "3", "--lock-duration", "1500", "--quiet"],
        {
          ANTHROPIC_API_KEY: SECRET,
        },
      ),
    ]);
    const outcomes: SpecOutcome[] = [];
    const records: ExecutionRecord[] = [];
    let killedAt = -1;
    try {
      const summary = await runDistributed(coordinator, plan, {
        queueUrl: redis.url,
        onRecord: (r) => records.push(r),
        onOutcome: (o) => outcomes.push(o),
        onProgress: (p) => {
          // Kill worker A while it holds jobs: it has finished 3 and the queue still has plenty.
          if (killedAt < 0 && (p.workers[a.id()] ?? 0) >= 3) {
            killedAt = p.done;
            a.child.kill("SIGKILL");
          }
        },
      }).catch((err: Error) => {
        // The workers' own account of a failure is in their output.
        throw new Error(`${err.message}\n--- worker A:\n${a.output()}\n--- worker B:\n${b.output()}`);
      });

      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(plan.length - 6);
      expect(summary.incomplete).toBe(false);
      // Exactly once: every spec id delivered once, none missing, none extra.
      expect(outcomes.map((o) => o.spec.id).sort()).toEqual(plan.map((s) => s.id).sort());
      expect(summary.executions).toBe(plan.length);
      const steps = outcomes.filter((o) => o.spec.kind === "workflow").flatMap((o) => o.records);
      expect(steps.length).toBeGreaterThanOrEqual(4 * 2);
      expect(records.length).toBe(40 + steps.length);
      expect(summary.records).toBe(records.length);
      // The coordinator's tracker got each record once, under this run id, with unique execution ids.
      expect(recorded).toHaveBeenCalledTimes(records.length);
      expect(new Set(records.map((r) => r.executionId)).size).toBe(records.length);
      expect(records.every((r) => r.runId === coordinator.runId)).toBe(true);
      // Both workers did work and every record names its worker; the clock offsets were measured.
      expect(Object.keys(summary.workers).sort()).toEqual([a.id(), b.id()].sort());
      expect(summary.workers[a.id()]! + summary.workers[b.id()]!).toBe(plan.length);
      expect(records.every((r) => r.worker === a.id() || r.worker === b.id())).toBe(true);
      for (const w of [a.id(), b.id()]) expect(Math.abs(summary.clockOffsets[w]!)).toBeLessThan(50);

      const queue = new Queue<JobData, JobResult>(DEFAULT_QUEUE_NAME, {
        connection: { url: redis.url },
        prefix: KEY_PREFIX,
      });
      try {
        const jobs = await Promise.all(plan.map((s) => queue.getJob(jobIdOf(s.id))));
        expect(jobs.every((j) => j !== undefined)).toBe(true);
        expect(await Promise.all(jobs.map((j) => j!.getState()))).toEqual(plan.map(() => "completed"));
        // The killed worker's jobs in hand were found stalled and rerun by the other worker.
        const stalled = jobs.filter((j) => j!.stalledCounter > 0);
        expect(stalled.length).toBeGreaterThan(0);
        expect(stalled.every((j) => j!.returnvalue.worker === b.id())).toBe(true);
        // Jobs carry work only: these fields, and no key anywhere in Redis.
        expect(Object.keys(jobs[0]!.data).sort()).toEqual(
          ["configHash", "intendedAtRedisMs", "runId", "sim", "spec", "v"].sort(),
        );
      } finally {
        await queue.close();
      }
      await expectNoSecretInRedis(redis.url);

      // The same seeded plan, run locally: identical model and usage for every execution.
      const local = await simRuntime(0);
      const localOutcomes: SpecOutcome[] = [];
      await executeSpecs(local, plan, { concurrency: 4, onOutcome: (o) => localOutcomes.push(o) });
      expect(deterministic(outcomes)).toEqual(deterministic(localOutcomes));

      // Merged percentiles: per-worker histograms, shipped as JSON and merged, equal the local run's.
      const byWorker = new Map<string, LatencyRecorder>();
      for (const r of records) {
        const rec = byWorker.get(r.worker!) ?? new LatencyRecorder();
        rec.record(r.usage.output ?? 0);
        byWorker.set(r.worker!, rec);
      }
      const merged = new LatencyRecorder();
      for (const rec of byWorker.values()) merged.merge(LatencyRecorder.fromJSON(rec.toJSON()));
      const single = new LatencyRecorder();
      for (const o of localOutcomes) for (const r of o.records) single.record(r.usage.output ?? 0);
      const pick = ({ count, min, max, p50, p90, p95, p99, p999 }: ReturnType<LatencyRecorder["stats"]>) => ({
        count,
        min,
        max,
        p50,
        p90,
        p95,
        p99,
        p999,
      });
      expect(pick(merged.stats())).toEqual(pick(single.stats()));
      expect(merged.stats().mean).toBeCloseTo(single.stats().mean, 9);

      // SIGTERM: the surviving worker stops gracefully.
      const exited = new Promise<number | null>((resolve) => b.child.once("exit", (code) => resolve(code)));
      b.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(b.output()).toMatch(/stopping: finishing the jobs in hand/);
    } finally {
      await Promise.all([stopProcess(a.child, "SIGKILL"), stopProcess(b.child)]);
    }
  }, 40_000);
});

async function expectNoSecretInRedis(url: string): Promise<void> {
  const client = new Redis(url);
  try {
    const keys = await client.keys("*");
    expect(keys.length).toBeGreaterThan(0);
    let dump = "";
    for (const key of keys) {
      const type = await client.type(key);
      if (type === "string") dump += await client.get(key);
      else if (type === "hash") dump += JSON.stringify(await client.hgetall(key));
      else if (type === "stream") dump += JSON.stringify(await client.xrange(key, "-", "+"));
      else if (type === "list") dump += JSON.stringify(await client.lrange(key, 0, -1));
      else if (type === "zset") dump += JSON.stringify(await client.zrange(key, 0, -1));
      else if (type === "set") dump += JSON.stringify(await client.smembers(key));
    }
    expect(dump).toContain("python-expert"); // the dump did read the jobs
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toMatch(/sk-ant-/);
  } finally {
    client.disconnect();
  }
}
