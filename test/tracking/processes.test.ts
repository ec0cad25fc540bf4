import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PerformanceTracker } from "../../src/tracking/index.js";
import { makeRecord } from "./fixtures/records.js";
import { count, DB, ready, writer } from "./fixtures/spawn.js";

describe("PerformanceTracker across processes", () => {
  it("two processes recording 500 each into one project at once lose nothing and never fail", async () => {
    const root = mkdtempSync(join(tmpdir(), "cf-procs-"));
    const a = writer(root, 500, "alpha", "close");
    const b = writer(root, 500, "beta", "close");
    // Both processes are loaded before either starts, so their flushes overlap.
    await Promise.all([ready(a.child), ready(b.child)]);
    a.child.stdin?.write("go\n");
    b.child.stdin?.write("go\n");
    const [ea, eb] = await Promise.all([a.done, b.done]);
    expect(ea).toEqual({ code: 0, signal: null, stderr: "" });
    expect(eb).toEqual({ code: 0, signal: null, stderr: "" });
    expect(await count(root)).toBe(1000);
    expect(await count(root, { runId: "alpha" })).toBe(500);
    expect(readdirSync(join(root, `${DB}.journal`))).toEqual([]);
  }, 30_000);

  it("waits for another process holding the database lock instead of failing", async () => {
    const root = mkdtempSync(join(tmpdir(), "cf-lock-"));
    const t = await PerformanceTracker.open({ projectRoot: root, ingestIntervalMs: 0 });
    t.record(makeRecord(1));
    await t.flush(); // creates the database file the holder opens
    const holder = writer(root, 0, "holder", "hold");
    await ready(holder.child);

    // In-process sessions on one file are serialised, so the impatient query goes first.
    const impatient = await PerformanceTracker.open({
      projectRoot: root,
      ingestIntervalMs: 0,
      lockTimeoutMs: 100,
    });
    await expect(impatient.summary()).rejects.toThrow(/locked by another process/);

    t.record(makeRecord(2));
    let flushed = false;
    const flush = t.flush().then(() => {
      flushed = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    // The flush cannot have finished: the holder still has the lock.
    expect(flushed).toBe(false);
    holder.child.stdin?.write("go\n");
    await flush;
    expect((await holder.done).code).toBe(0);
    expect((await t.summary()).total_executions).toBe(2);
    await Promise.all([t.close(), impatient.close()]);
  }, 30_000);
});
