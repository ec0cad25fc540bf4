/** A restarted coordinator resumes: finished executions are read back from the queue, none runs twice. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specId } from "../../src/distributed/ids.js";
import {
  resumeDistributed,
  runDistributed,
  startWorker,
  type WorkerHandle,
} from "../../src/distributed/index.js";
import type { SpecOutcome } from "../../src/distributed/types.js";
import { ClaudeForceError } from "../../src/errors.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import { mixedPlan, tempProject } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let project: string;
let worker: WorkerHandle;
const ran: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  project = await tempProject();
  worker = await startWorker({
    queueUrl: redis.url,
    project,
    provider: "sim",
    concurrency: 2,
    onJob: (j) => ran.push(j.id),
  });
});
afterAll(async () => {
  await worker?.close();
  await redis?.stop();
  if (project) await rm(project, { recursive: true, force: true });
});

const simRuntime = (runId?: string) =>
  createRuntime({
    project,
    command: "bench",
    provider: "sim",
    seed: 5,
    timeScale: 0.05,
    track: false,
    runId,
  });

describe("coordinator restart", () => {
  it("collects what finished meanwhile and completes the rest without duplicates", async () => {
    const first = await simRuntime();
    const plan = mixedPlan(first.runId, 16, 0);
    const stop = new AbortController();
    const before = await runDistributed(first, plan, {
      queueUrl: redis.url,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 4) stop.abort();
      },
    });
    await first.close();
    expect(before.incomplete).toBe(true);
    expect(before.executions).toBeGreaterThanOrEqual(4);
    expect(before.executions).toBeLessThan(plan.length);

    const second = await simRuntime(first.runId);
    const outcomes: SpecOutcome[] = [];
    try {
      const after = await resumeDistributed(second, {
        queueUrl: redis.url,
        onOutcome: (o) => outcomes.push(o),
      });
      expect(after.incomplete).toBe(false);
      expect(after.executions).toBe(plan.length);
      expect(after.resumed).toBeGreaterThanOrEqual(before.executions);
      expect(outcomes.map((o) => o.spec.id).sort()).toEqual(plan.map((s) => s.id).sort());
      // The worker ran each planned execution once, across both coordinators.
      expect([...ran].sort()).toEqual(plan.map((s) => s.id).sort());
    } finally {
      await second.close();
    }
  });

  it("an unknown run id is NOT_FOUND", async () => {
    const rt = await simRuntime("20000101-000000-dead");
    try {
      const err = await resumeDistributed(rt, { queueUrl: redis.url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClaudeForceError);
      expect((err as ClaudeForceError).code).toBe("NOT_FOUND");
      expect((err as ClaudeForceError).message).toMatch(/no distributed run 20000101-000000-dead/);
    } finally {
      await rt.close();
    }
  });
});

describe("a job a worker cannot run", () => {
  it("fails the run with the worker's reason after one retry", async () => {
    // The coordinator's project has an agent the worker's project lacks.
    const other = await tempProject();
    await mkdir(join(other, ".claude", "agents"), { recursive: true });
    await writeFile(
      join(other, ".claude", "agents", "local-only.md"),
      "---\nname: local-only\ndescription: An agent only the coordinator has.\nmodel: haiku\n---\n\nYou answer briefly.\n",
    );
    const rt = await createRuntime({
      project: other,
      command: "bench",
      provider: "sim",
      seed: 2,
      track: false,
    });
    try {
      const spec = {
        id: specId(rt.runId, "x", 1),
        kind: "agent" as const,
        agent: "local-only",
        task: "hi",
        scenario: "x",
        iteration: 1,
      };
      const err = await runDistributed(rt, [spec], { queueUrl: redis.url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClaudeForceError);
      expect((err as ClaudeForceError).code).toBe("RUN_FAILED");
      expect((err as ClaudeForceError).message).toMatch(
        /execution .*\|x\|1 failed on a worker: .*local-only/,
      );
    } finally {
      await rt.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});
