import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { histogramPercentile, loadHistory, runLatency } from "../../src/report/index.js";
import { makeResultsDocument } from "./fixture.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-history-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function save(name: string, doc: unknown): Promise<void> {
  await writeFile(join(dir, name), typeof doc === "string" ? doc : JSON.stringify(doc));
}

describe("loadHistory", () => {
  it("lists runs oldest first with key metrics, skipping latest.json and bad files with a warning", async () => {
    const a = makeResultsDocument({ runId: "run-a", startedAt: "2026-11-20T10:00:00.000Z", seed: 1 });
    const b = makeResultsDocument({
      runId: "run-b",
      startedAt: "2026-11-22T10:00:00.000Z",
      seed: 2,
      simulated: false,
    });
    await save("z-run-a.json", a);
    await save("a-run-b.json", b);
    await save("latest.json", b);
    await save("broken.json", "{ not json");
    await save("other.json", { hello: "world" });
    await save("run-b.executions.jsonl", "{}\n");
    const warnings: string[] = [];
    const runs = await loadHistory(dir, { onWarning: (m) => warnings.push(m) });
    expect(runs.map((r) => r.runId)).toEqual(["run-a", "run-b"]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join("\n")).toMatch(/broken\.json.*not valid JSON/);
    expect(warnings.join("\n")).toMatch(/other\.json.*not a claude-force results document/);
    const [ra, rb] = runs;
    expect(ra).toMatchObject({
      provider: "sim",
      simulated: true,
      timeScale: 0.01,
      scenarios: 4,
      gitCommit: "736c641f00d1",
    });
    expect(rb).toMatchObject({ provider: "anthropic", simulated: false, timeScale: null });
    expect(ra!.executions).toBe(a.totals.executions);
    expect(ra!.successRate).toBe(a.totals.successRate);
    expect(ra!.totalCost).toBe(a.totals.totalCost);
    expect(ra!.p50).toBeGreaterThan(0);
    expect(ra!.p95).toBeGreaterThan(ra!.p50!);
    expect(ra!.file).toBe(join(dir, "z-run-a.json"));
  });

  it("keeps the newest N with last, lists a copied baseline once, and returns [] for a missing folder", async () => {
    for (let i = 0; i < 5; i++)
      await save(
        `r${i}.json`,
        makeResultsDocument({ runId: `r${i}`, startedAt: `2026-11-2${i}T00:00:00.000Z` }),
      );
    await save("baseline.json", makeResultsDocument({ runId: "r1", startedAt: "2026-11-21T00:00:00.000Z" }));
    expect((await loadHistory(dir)).map((r) => r.runId)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    expect((await loadHistory(dir, { last: 2 })).map((r) => r.runId)).toEqual(["r3", "r4"]);
    expect(await loadHistory(join(dir, "nope"))).toEqual([]);
  });
});

describe("run-wide latency", () => {
  it("interpolates percentiles inside histogram buckets", () => {
    const buckets: Array<[number, number, number]> = [
      [0, 10, 50],
      [10, 20, 40],
      [20, 100, 10],
    ];
    expect(histogramPercentile(buckets, 0.5)).toBe(10);
    expect(histogramPercentile(buckets, 0.7)).toBe(15);
    expect(histogramPercentile(buckets, 0.95)).toBe(60);
    expect(histogramPercentile([], 0.5)).toBeNull();
  });

  it("uses exact stats for one scenario and merged histograms for several", () => {
    const doc = makeResultsDocument({ scenarios: 3 });
    const merged = runLatency(doc);
    expect(merged.estimated).toBe(true);
    const lo = Math.min(...doc.scenarios.map((s) => s.latency.e2e.p50));
    const hi = Math.max(...doc.scenarios.map((s) => s.latency.e2e.p50));
    expect(merged.p50!).toBeGreaterThan(lo * 0.9);
    expect(merged.p50!).toBeLessThan(hi * 1.1);
    doc.scenarios = [doc.scenarios[0]!];
    expect(runLatency(doc)).toEqual({
      p50: doc.scenarios[0]!.latency.e2e.p50,
      p95: doc.scenarios[0]!.latency.e2e.p95,
      estimated: false,
    });
    // A load-only run takes its latency from the load test.
    doc.scenarios = [];
    doc.load = [doc.load[0]!];
    expect(runLatency(doc)).toEqual({
      p50: doc.load[0]!.latency.p50,
      p95: doc.load[0]!.latency.p95,
      estimated: false,
    });
  });
});
