import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startResourceMonitor } from "../../src/bench/resources.js";

/** Spin until this process has used `ms` of CPU (not wall) time, so a busy machine cannot shorten it. */
function busyCpu(ms: number): number {
  const start = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + 1);
    const d = process.cpuUsage(start);
    if ((d.user + d.system) / 1000 >= ms) return x;
  }
}

describe("startResourceMonitor", () => {
  it("reports CPU time, utilisation, memory and a blocked event loop", async () => {
    const m = startResourceMonitor({ intervalMs: 20 });
    await sleep(30); // let the loop monitor start ticking before blocking it
    busyCpu(200);
    await sleep(50);
    const u = m.stop();
    expect(u.cpuUserMs + u.cpuSystemMs).toBeGreaterThanOrEqual(200);
    // CPU time over wall time: above zero, and at most the cores there are (plus GC threads' slack).
    expect(u.cpuUtilisation).toBeGreaterThan(0.05);
    expect(u.cpuUtilisation).toBeLessThan(3);
    expect(u.peakRssMb).toBeGreaterThan(10);
    expect(u.peakHeapMb).toBeGreaterThan(1);
    expect(u.peakHeapMb).toBeLessThan(u.peakRssMb);
    // The 200 ms busy loop blocked the event loop once.
    expect(u.eventLoopDelayMs.max).toBeGreaterThan(150);
    expect(u.eventLoopDelayMs.p50).toBeLessThan(u.eventLoopDelayMs.max);
    expect(m.stop()).toBe(u); // idempotent
  });

  it("reports a mostly idle period as low utilisation with no NaN", async () => {
    const m = startResourceMonitor();
    await sleep(200);
    const u = m.stop();
    expect(u.cpuUtilisation).toBeLessThan(0.5);
    for (const v of [u.cpuUserMs, u.eventLoopDelayMs.p50, u.eventLoopDelayMs.p99, u.eventLoopDelayMs.max])
      expect(Number.isNaN(v)).toBe(false);
  });
});
