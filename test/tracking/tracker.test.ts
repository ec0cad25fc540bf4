import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { PerformanceTracker } from "../../src/tracking/index.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";
import { makeAttempt, makeRecord } from "./fixtures/records.js";

const open: PerformanceTracker[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), "cf-tracker-"));
}

async function tracker(root: string, opts: { enabled?: boolean; memoryLimit?: number } = {}) {
  const t = await PerformanceTracker.open({ projectRoot: root, ingestIntervalMs: 0, ...opts });
  open.push(t);
  return t;
}

/** Four executions with hand-checkable numbers (see the summary test). */
function fourRecords(): ExecutionRecord[] {
  return [
    makeRecord(1, { e2eMs: 100, cost: 0.01, usage: u(100, 50), ttftMs: 10, agent: "A", model: "m1" }),
    makeRecord(2, { e2eMs: 200, cost: 0.02, usage: u(200, 100), ttftMs: 30, agent: "A", model: "m2" }),
    makeRecord(3, {
      e2eMs: 300,
      cost: null,
      usage: { input: null, output: null, cacheRead: null, cacheWrite5m: null, cacheWrite1h: null },
      ttftMs: null,
      agent: "B",
      model: "m1",
      success: false,
      errorType: "timeout",
    }),
    makeRecord(4, {
      e2eMs: 400,
      cost: 0.03,
      usage: u(300, 0),
      ttftMs: 20,
      agent: "B",
      model: "m1",
      success: false,
      errorType: "rate_limit",
      simulated: false,
      provider: "anthropic",
    }),
  ];
}

function u(input: number, output: number) {
  return { input, output, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
}

describe("PerformanceTracker persistence", () => {
  it("round-trips every field, including nulls and attempts, through the journal and DuckDB", async () => {
    const root = tempRoot();
    const full = makeRecord(1, {
      workflow: "code-quality-check",
      workflowPosition: 2,
      scenario: "s1",
      iteration: 3,
    });
    const failed = makeRecord(2, {
      provider: "anthropic",
      simulated: false,
      model: "claude-sonnet-4-6",
      routing: null,
      success: false,
      errorType: "rate_limit",
      errorMessage: "429 too many requests",
      attempts: 3,
      usage: { input: null, output: null, cacheRead: null, cacheWrite5m: null, cacheWrite1h: null },
      cost: null,
      ttftMs: null,
      queueWaitMs: 12.25,
      backoffMs: 1500,
      worker: "w-1",
    });
    const flagged = makeRecord(3, {
      routing: { tier: null, model: "my-model", source: "flag", reason: "--model my-model" },
    });
    const attempts = [
      makeAttempt(1, { success: false, errorType: "rate_limit", errorMessage: "429", status: 429 }),
      makeAttempt(2, {
        success: false,
        errorType: "overloaded",
        status: 529,
        startOffsetMs: 600,
        backoffMs: 500,
      }),
      makeAttempt(3, { success: false, errorType: "rate_limit", status: 429, ttftMs: null, backoffMs: 1000 }),
    ];

    const writer = await tracker(root);
    writer.record(full, [makeAttempt(1)]);
    writer.record(failed, attempts);
    writer.record(flagged);
    await writer.close();

    const reader = await tracker(root);
    expect(await reader.getAllMetrics()).toEqual([full, failed, flagged]);
    expect(await reader.getAttempts({ runId: "run-a" })).toEqual([
      { executionId: full.executionId, ...makeAttempt(1) },
      ...attempts.map((a) => ({ executionId: failed.executionId, ...a })),
    ]);
  });

  it("keeps an API key that leaks into an error message out of the database", async () => {
    const root = tempRoot();
    const t = await tracker(root);
    const key = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz";
    t.record(makeRecord(1, { success: false, errorType: "auth", errorMessage: `bad key ${key}` }), [
      makeAttempt(1, { success: false, errorMessage: `x-api-key: ${key}` }),
    ]);
    const [rec] = await t.getAllMetrics();
    const [att] = await t.getAttempts();
    expect(rec?.errorMessage).toBe("bad key [REDACTED]");
    expect(att?.errorMessage).not.toContain(key);
  });

  it("computes the summary the original defined, plus percentiles and unknowns", async () => {
    const t = await tracker(tempRoot());
    for (const r of fourRecords()) t.record(r);
    const s = await t.summary();
    expect(s).toMatchObject({
      total_executions: 4,
      successful_executions: 2,
      failed_executions: 2,
      success_rate: 0.5,
      total_input_tokens: 600,
      total_output_tokens: 150,
      total_tokens: 750,
      avg_execution_time_ms: 250,
      avg_ttft_ms: 20,
      executions_with_unknown_cost: 1,
      executions_with_unknown_tokens: 1,
      simulated_executions: 3,
      by_error_type: { rate_limit: 1, timeout: 1 },
      first_timestamp: makeRecord(1).timestamp,
      last_timestamp: makeRecord(4).timestamp,
    });
    expect(s.total_cost).toBeCloseTo(0.06, 12);
    // The mean over the three executions with a known price, not over all four.
    expect(s.avg_cost_per_execution).toBeCloseTo(0.02, 12);
    // quantile_cont: linear between closest ranks, position (n - 1) * q over 100, 200, 300, 400.
    expect(s.p50_execution_time_ms).toBeCloseTo(250, 9);
    expect(s.p95_execution_time_ms).toBeCloseTo(385, 9);
    expect(s.p99_execution_time_ms).toBeCloseTo(397, 9);
  });

  it("groups by agent and by model", async () => {
    const t = await tracker(tempRoot());
    for (const r of fourRecords()) t.record(r);
    const agents = await t.byAgent();
    expect(agents.map((a) => a.agent)).toEqual(["A", "B"]);
    expect(agents[0]).toMatchObject({
      executions: 2,
      successful_executions: 2,
      success_rate: 1,
      mean_ms: 150,
    });
    expect(agents[0]?.p95_ms).toBeCloseTo(195, 9);
    expect(agents[0]?.total_tokens).toBe(450);
    expect(agents[0]?.total_cost).toBeCloseTo(0.03, 12);
    expect(agents[1]).toMatchObject({
      executions: 2,
      success_rate: 0,
      mean_ms: 350,
      input_tokens: 300,
      output_tokens: 0,
      executions_with_unknown_cost: 1,
    });
    const models = await t.byModel();
    expect(models.map((m) => [m.model, m.executions])).toEqual([
      ["m1", 3],
      ["m2", 1],
    ]);
    expect(models[0]?.p95_ms).toBeCloseTo(390, 9);
    expect(models[0]?.mean_ms).toBeCloseTo(800 / 3, 9);
  });

  it("filters by run, time, agent and keeps the most recent N for a limit", async () => {
    const t = await tracker(tempRoot());
    for (let i = 0; i < 10; i++)
      t.record(makeRecord(i, { runId: i < 4 ? "r1" : "r2", agent: i % 2 ? "odd" : "even" }));
    expect((await t.getAllMetrics({ runId: "r1" })).map((r) => r.executionId)).toEqual(
      [0, 1, 2, 3].map((i) => makeRecord(i).executionId),
    );
    expect((await t.summary({ since: new Date(makeRecord(7).timestamp) })).total_executions).toBe(3);
    expect((await t.summary({ agent: "odd", runId: "r2" })).total_executions).toBe(3);
    expect((await t.getAllMetrics({ limit: 2 })).map((r) => r.executionId)).toEqual([
      makeRecord(8).executionId,
      makeRecord(9).executionId,
    ]);
  });

  it("orders executions that share a millisecond by recording order", async () => {
    const t = await tracker(tempRoot());
    const ts = makeRecord(0).timestamp;
    for (let i = 0; i < 300; i++) t.record(makeRecord(i, { timestamp: ts }));
    const all = await t.getAllMetrics();
    expect(all.map((r) => r.executionId)).toEqual(
      Array.from({ length: 300 }, (_, i) => makeRecord(i).executionId),
    );
  });

  it("persists across tracker instances and survives two trackers on one file in one process", async () => {
    const root = tempRoot();
    const a = await tracker(root);
    const b = await tracker(root);
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).record(makeRecord(i));
    const [sa, sb] = await Promise.all([a.summary(), b.summary()]);
    // Each query ingests whatever is complete; after both, every record is in the file.
    expect(Math.max(sa.total_executions, sb.total_executions)).toBeGreaterThanOrEqual(10);
    await Promise.all([a.close(), b.close()]);
    const c = await tracker(root);
    expect((await c.summary()).total_executions).toBe(20);
    expect(readdirSync(`${c.path}.journal`)).toEqual([]);
  });

  it("answers an empty summary on a fresh project without creating any file", async () => {
    const root = tempRoot();
    const t = await tracker(root);
    const s = await t.summary();
    expect(s.total_executions).toBe(0);
    expect(s.success_rate).toBe(0);
    expect(s.p95_execution_time_ms).toBeNull();
    expect(await t.getAllMetrics()).toEqual([]);
    await t.close();
    expect(readdirSync(root)).toEqual([]);
    expect(t.path).toBe(join(root, ".claude/metrics/metrics.duckdb"));
  });

  it("resolves a relative database path from the project root", async () => {
    const root = tempRoot();
    const t = await tracker(root, {});
    const custom = await PerformanceTracker.open({
      projectRoot: root,
      database: "data/m.duckdb",
      ingestIntervalMs: 0,
    });
    open.push(custom);
    custom.record(makeRecord(1));
    await custom.flush();
    expect(existsSync(join(root, "data/m.duckdb"))).toBe(true);
    expect((await t.summary()).total_executions).toBe(0);
  });

  it("refuses a database written with a newer schema version", async () => {
    const root = tempRoot();
    const t = await tracker(root);
    t.record(makeRecord(1));
    await t.flush();
    const db = await DuckDBInstance.create(t.path);
    const conn = await db.connect();
    await conn.run("UPDATE schema_meta SET version = 99");
    conn.closeSync();
    db.closeSync();
    await expect(t.summary()).rejects.toThrow(/schema version 99, newer than/);
  });

  it("close is idempotent and record after close is refused", async () => {
    const t = await tracker(tempRoot());
    t.record(makeRecord(1));
    await t.close();
    await t.close();
    expect(() => t.record(makeRecord(2))).toThrow(ClaudeForceError);
    expect((await t.summary()).total_executions).toBe(1);
  });
});

describe("PerformanceTracker with enabled: false (--no-track)", () => {
  it("keeps records in memory, answers queries, and writes no file", async () => {
    const root = tempRoot();
    const t = await tracker(root, { enabled: false });
    expect(t.enabled).toBe(false);
    for (const r of fourRecords()) t.record(r, [makeAttempt(1)]);
    const s = await t.summary();
    expect(s.total_executions).toBe(4);
    expect(s.avg_execution_time_ms).toBe(250);
    expect((await t.getAllMetrics()).map((r) => r.executionId)).toEqual(
      fourRecords().map((r) => r.executionId),
    );
    await t.flush();
    await t.close();
    expect(readdirSync(root)).toEqual([]);
  });

  it("drops the oldest records beyond the memory limit", async () => {
    const t = await tracker(tempRoot(), { enabled: false, memoryLimit: 10 });
    for (let i = 0; i < 25; i++) t.record(makeRecord(i));
    const ids = (await t.getAllMetrics()).map((r) => r.executionId);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.length + t.droppedFromMemory).toBe(25);
    expect(ids.at(-1)).toBe(makeRecord(24).executionId);
    expect(ids[0]).toBe(makeRecord(t.droppedFromMemory).executionId);
  });
});
