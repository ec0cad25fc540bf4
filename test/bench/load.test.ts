import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTest, measureThroughputLevel } from "../../src/bench/load.js";
import { createRuntime, type Runtime } from "../../src/orchestrator/runtime.js";
import type { Provider, ProviderResult } from "../../src/providers/types.js";

const USAGE = { input: 100, output: 200, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };

/** A provider whose every call takes `latencyMs`; tracks the peak number in flight. */
function fixedLatencyProvider(latencyMs: number) {
  const state = { inFlight: 0, peak: 0, calls: 0, busyMs: 0 };
  const provider: Provider = {
    info: { name: "sim", simulated: true, timeScale: 1 },
    async complete(req): Promise<ProviderResult> {
      state.calls++;
      state.peak = Math.max(state.peak, ++state.inFlight);
      const start = performance.now();
      try {
        await sleep(latencyMs, undefined, { signal: req.signal });
        const end = performance.now();
        state.busyMs += end - start;
        return {
          text: "ok",
          usage: USAGE,
          timings: { start, firstEvent: start, firstText: start + 1, end },
          model: req.model,
          stopReason: "end_turn",
        };
      } finally {
        state.inFlight--;
      }
    },
  };
  return { provider, state };
}

let projectDir: string;
const runtimes: Runtime[] = [];

async function runtimeWith(provider: Provider): Promise<Runtime> {
  const rt = await createRuntime({
    project: projectDir,
    command: "bench",
    providerOverride: provider,
    track: false,
  });
  runtimes.push(rt);
  return rt;
}

beforeAll(async () => {
  projectDir = await mkdtemp(join(tmpdir(), "cf-load-"));
});
afterAll(async () => {
  for (const rt of runtimes) await rt.close();
  await rm(projectDir, { recursive: true, force: true });
});

describe("loadTest, closed loop", () => {
  it("concurrency is real: throughput within 5% of C/L with a fixed latency", async () => {
    const L = 50;
    const C = 10;
    const { provider, state } = fixedLatencyProvider(L);
    const rt = await runtimeWith(provider);
    const progress: number[] = [];
    const [r] = await loadTest(rt, {
      mode: "closed",
      count: 200,
      concurrency: C,
      onProgress: (p) => progress.push(p.done),
    });
    expect(state.peak).toBe(C);
    expect(r!.completed).toBe(200);
    expect(r!.successRate).toBe(1);
    expect(r!.concurrency).toBe(C);
    // L is the latency calls actually took (timers fire late on a busy 2-core machine, lengthening
    // every call alike): throughput must be C / L within 5%. A capped pool would give far less.
    const actualL = state.busyMs / state.calls;
    expect(actualL).toBeGreaterThanOrEqual(L - 1);
    const target = (C / actualL) * 1000;
    expect(r!.throughputPerSecond).toBeGreaterThan(target * 0.95);
    expect(r!.throughputPerSecond).toBeLessThan(target * 1.03);
    expect(r!.latency.p50).toBeGreaterThanOrEqual(L - 1);
    expect(r!.latency.ci95).toBeTruthy();
    expect(r!.histogram.reduce((s, b) => s + b[2], 0)).toBe(200);
    expect(r!.resources.cpuUserMs).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(200);
  });

  it("runs a concurrency ladder, one result per level", async () => {
    const { provider } = fixedLatencyProvider(10);
    const rt = await runtimeWith(provider);
    const results = await loadTest(rt, { mode: "closed", count: 20, concurrency: [1, 5] });
    expect(results.map((r) => r.concurrency)).toEqual([1, 5]);
    expect(results[1]!.throughputPerSecond).toBeGreaterThan(results[0]!.throughputPerSecond * 2);
  });

  it("rejects an unknown agent and a bad configuration before sending load", async () => {
    const { provider, state } = fixedLatencyProvider(1);
    const rt = await runtimeWith(provider);
    await expect(loadTest(rt, { mode: "closed", agent: "no-such-agent" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(loadTest(rt, { mode: "open" })).rejects.toMatchObject({ code: "USAGE" });
    await expect(loadTest(rt, { mode: "closed", concurrency: [0] })).rejects.toMatchObject({ code: "USAGE" });
    expect(state.calls).toBe(0);
  });
});

describe("loadTest, open loop", () => {
  it("honours maxInFlight and measures latency from the intended start", async () => {
    const { provider, state } = fixedLatencyProvider(40);
    const rt = await runtimeWith(provider);
    const [r] = await loadTest(rt, { mode: "open", rate: 100, durationMs: 400, maxInFlight: 2 });
    expect(state.peak).toBe(2);
    expect(r!.maxInFlight).toBe(2);
    expect(r!.completed).toBe(40);
    // Offered 100/s, served ~50/s: queueing dominates latency, service time stays ~40 ms.
    expect(r!.queueWait.max).toBeGreaterThan(200);
    expect(r!.latency.max).toBeGreaterThan(r!.serviceTime.max + 150);
    expect(r!.serviceTime.p50).toBeLessThan(r!.latency.p50);
    expect(r!.lateStarts).toBeGreaterThan(10);
  });

  it("Poisson arrivals: seeded, the right count, goodput under an SLO", async () => {
    const { provider } = fixedLatencyProvider(5);
    const rt = await runtimeWith(provider);
    const run = () =>
      loadTest(rt, {
        mode: "open",
        rate: 200,
        durationMs: 1000,
        arrival: "poisson",
        seed: 42,
        slo: { e2eMs: 1000 },
      });
    const [a] = await run();
    const [b] = await run();
    expect(a!.tasks).toBe(b!.tasks); // same seed, same arrivals
    expect(a!.tasks).toBeGreaterThan(150); // Poisson(200): sd ~14
    expect(a!.tasks).toBeLessThan(250);
    expect(a!.arrival).toBe("poisson");
    expect(a!.targetRate).toBe(200);
    expect(a!.goodput).toMatchObject({ slo: { e2e_ms: 1000 }, share: 1 });
  });
});

describe("measureThroughputLevel", () => {
  it("reports tasks per second and minute at a concurrency level", async () => {
    const { provider, state } = fixedLatencyProvider(20);
    const rt = await runtimeWith(provider);
    const level = await measureThroughputLevel(rt, { concurrency: 5, tasks: 50 });
    expect(state.peak).toBe(5);
    expect(level.tasks).toBe(50);
    expect(level.successRate).toBe(1);
    const target = (5 / (state.busyMs / state.calls)) * 1000; // C / L with L as measured
    expect(level.tasksPerSecond).toBeGreaterThan(target * 0.9);
    expect(level.tasksPerSecond).toBeLessThan(target * 1.05);
    expect(level.tasksPerMinute).toBeCloseTo(level.tasksPerSecond * 60, 6);
    expect(level.latency.count).toBe(50);
    expect(level.queueWait.max).toBeGreaterThan(100);
  });

  it("accepts a custom job", async () => {
    const { provider } = fixedLatencyProvider(1);
    const rt = await runtimeWith(provider);
    const level = await measureThroughputLevel(rt, {
      concurrency: 2,
      tasks: 6,
      job: (ctx) => rt.orchestrator.executeAgent("code-reviewer", `Review snippet ${ctx.index}`, ctx),
    });
    expect(level.latency.count).toBe(6);
  });
});
