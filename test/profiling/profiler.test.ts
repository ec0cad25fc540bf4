import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CpuProfile, HeapProfile, ProfileSummary } from "../../src/profiling/index.js";
import { callTree, renderFlameGraph, startProfiling, topSelfTime } from "../../src/profiling/index.js";

const dir = mkdtempSync(join(tmpdir(), "cf-profile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CPU work and allocation that the samplers cannot miss (~150 ms of busy time). */
function workload(): number {
  // A function whose name is markup: the flame graph must escape it.
  const named = { "<script>alert(1)</script>": (n: number) => Math.sqrt(n) * Math.sin(n) };
  const fn = named["<script>alert(1)</script>"];
  const keep: number[][] = [];
  let acc = 0;
  const until = performance.now() + 150;
  while (performance.now() < until) {
    for (let i = 0; i < 10_000; i++) acc += fn(i);
    keep.push(new Array(1000).fill(acc));
    if (keep.length > 200) keep.length = 0;
  }
  return acc;
}

describe("startProfiling", () => {
  let summary: ProfileSummary;

  it("profiles a workload and writes cpuprofile, heapprofile and a flame graph", async () => {
    const prof = await startProfiling({
      cpu: true,
      heap: true,
      outDir: dir,
      name: "work",
      samplingIntervalUs: 200,
    });
    workload();
    await new Promise((r) => setTimeout(r, 20));
    summary = await prof.stop();
    // stop() twice returns the same summary instead of failing on a stopped session.
    expect(await prof.stop()).toBe(summary);

    expect(summary.files.cpuprofile).toBe(join(dir, "work.cpuprofile"));
    const cpu = JSON.parse(readFileSync(summary.files.cpuprofile!, "utf8")) as CpuProfile;
    expect(Array.isArray(cpu.nodes) && cpu.nodes.length > 1).toBe(true);
    expect(cpu.samples!.length).toBeGreaterThan(50);
    expect(cpu.timeDeltas!.length).toBe(cpu.samples!.length);
    expect(cpu.endTime).toBeGreaterThan(cpu.startTime);

    const heap = JSON.parse(readFileSync(summary.files.heapprofile!, "utf8")) as HeapProfile;
    expect(heap.head.callFrame.functionName).toBe("(root)");
    expect(Array.isArray(heap.samples)).toBe(true);
    expect(summary.topAllocations.length).toBeGreaterThan(0);
  });

  it("summarises with non-negative numbers and finds the hot function", () => {
    const nums = [
      summary.durationMs,
      summary.cpu.userMs,
      summary.cpu.systemMs,
      summary.cpu.utilisation,
      summary.cpu.idleMs!,
      summary.peakRssMb,
      summary.peakHeapMb,
      summary.eventLoopDelayMs.p50,
      summary.eventLoopDelayMs.p99,
      summary.gc.count,
      summary.gc.totalMs,
      summary.gc.maxMs,
    ];
    for (const n of nums) expect(n).toBeGreaterThanOrEqual(0);
    expect(summary.peakRssMb).toBeGreaterThan(10);
    expect(summary.durationMs).toBeGreaterThanOrEqual(150);
    expect(summary.cpu.topSelfTime.length).toBeGreaterThan(0);
    expect(summary.cpu.topSelfTime.length).toBeLessThanOrEqual(10);
    const shares = summary.cpu.topSelfTime.map((t) => t.selfShare);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(summary.cpu.topSelfTime.some((t) => t.functionName === "workload")).toBe(true);
    // The summary is what goes into the results JSON: it must survive a round trip unchanged.
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("writes a self-contained flame graph with function names escaped", () => {
    const html = readFileSync(summary.files.flamegraph!, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/<script\s+src/i);
    // Exactly one real script element (ours); the hostile name appears only escaped.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('data-n="workload"');
  });
});

describe("CPU profile analysis", () => {
  // root → main → {a (self 3 samples), b (1)}, plus idle (2). 1000 µs per sample.
  const frame = (functionName: string, url = "file:///x.js", lineNumber = 0) => ({
    functionName,
    scriptId: "1",
    url,
    lineNumber,
    columnNumber: 0,
  });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 5] },
      { id: 2, callFrame: frame("main", "file:///x.js", 9), children: [3, 4] },
      { id: 3, callFrame: frame("a") },
      { id: 4, callFrame: frame("<b>") },
      { id: 5, callFrame: frame("(idle)", "") },
    ],
    startTime: 0,
    endTime: 6000,
    samples: [3, 3, 5, 4, 3, 5],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
  };

  it("attributes sample intervals to functions and excludes idle", () => {
    const { top, idleMs } = topSelfTime(profile);
    expect(idleMs).toBe(2);
    expect(top.map((t) => [t.functionName, t.selfMs])).toEqual([
      ["a", 3],
      ["<b>", 1],
    ]);
    expect(top[0]!.selfShare).toBeCloseTo(0.75);
  });

  it("builds a merged tree whose totals add up", () => {
    const root = callTree(profile);
    expect(root.totalUs).toBe(4000);
    const main = root.children[0]!;
    expect(main.name).toBe("main");
    expect(main.line).toBe(10);
    expect(main.totalUs).toBe(4000);
    expect(main.children.map((c) => c.name).sort()).toEqual(["<b>", "a"]);
    const html = renderFlameGraph(profile, "t<1>");
    expect(html).toContain("t&lt;1&gt;");
    expect(html).toContain('data-n="&lt;b&gt;"');
    expect(html).not.toContain("<b>");
  });
});
