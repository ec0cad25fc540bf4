import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { arrivalOffsets, runClosedLoop, runOpenLoop, runSequential } from "../../src/bench/schedule.js";
import { virtualClock } from "../../src/internal/clock.js";

describe("runClosedLoop", () => {
  it("keeps exactly `concurrency` jobs in flight: throughput within 5% of C/L", async () => {
    const L = 50;
    const C = 10;
    let inFlight = 0;
    let peak = 0;
    let busyMs = 0;
    const r = await runClosedLoop({
      tasks: 200,
      concurrency: C,
      job: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const t = performance.now();
        await sleep(L);
        busyMs += performance.now() - t;
        inFlight--;
      },
    });
    expect(peak).toBe(C);
    expect(r.started).toBe(200);
    expect(r.completed).toBe(200);
    const throughput = r.completed / (r.durationMs / 1000);
    // L is the latency the jobs actually had: a busy 2-core machine fires timers late, which
    // lengthens every job alike. Throughput must then be C / L within 5% (Little's law).
    const actualL = busyMs / r.completed;
    expect(actualL).toBeGreaterThanOrEqual(L - 1);
    expect(throughput).toBeGreaterThan((C / actualL) * 1000 * 0.95);
    expect(throughput).toBeLessThan((C / actualL) * 1000 * 1.03);
    // Tasks 190..199 waited for 19 rounds of ~50 ms each.
    expect(r.queueWait.stats().max).toBeGreaterThanOrEqual(18 * L);
    expect(r.queueWait.stats().min).toBeLessThan(5);
  });

  it("counts rejected jobs as completed and failed, and stops starting when aborted", async () => {
    const ac = new AbortController();
    const r = await runClosedLoop({
      tasks: 100,
      concurrency: 2,
      signal: ac.signal,
      job: async ({ index }) => {
        await sleep(1);
        if (index === 3) throw new Error("boom");
        if (index === 9) ac.abort();
      },
    });
    expect(r.failed).toBe(1);
    expect(r.started).toBeLessThanOrEqual(11);
    expect(r.dropped).toBe(100 - r.started);
    expect(r.completed).toBe(r.started);
  });

  it("runSequential runs one at a time, in order", async () => {
    const order: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const r = await runSequential({
      count: 5,
      job: async ({ index }) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        order.push(index);
        await sleep(1);
        inFlight--;
      },
    });
    expect(peak).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(r.completed).toBe(5);
  });
});

describe("arrivalOffsets", () => {
  it("constant arrivals are evenly spaced without drift", () => {
    const o = arrivalOffsets({ rate: 1000, durationMs: 10_000, arrival: "constant" });
    expect(o).toHaveLength(10_000);
    expect(o[9_999]).toBeCloseTo(9_999, 9);
  });

  it("Poisson arrivals have the right mean rate and exponential gaps (seeded)", () => {
    const o = arrivalOffsets({ rate: 50, durationMs: 400_000, arrival: "poisson", seed: 123 });
    // 20,000 expected; Poisson sd ~141, so within 3%.
    expect(o.length).toBeGreaterThan(20_000 * 0.97);
    expect(o.length).toBeLessThan(20_000 * 1.03);
    const gaps = o.slice(1).map((t, i) => t - o[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(19.4);
    expect(mean).toBeLessThan(20.6);
    // Exponential: P(gap > mean) = e^-1 ≈ 0.368.
    const above = gaps.filter((g) => g > 20).length / gaps.length;
    expect(above).toBeGreaterThan(0.35);
    expect(above).toBeLessThan(0.385);
    expect(arrivalOffsets({ rate: 50, durationMs: 1000, arrival: "poisson", seed: 7 })).toEqual(
      arrivalOffsets({ rate: 50, durationMs: 1000, arrival: "poisson", seed: 7 }),
    );
  });

  it("rejects a non-positive rate", () => {
    expect(() => arrivalOffsets({ rate: 0, durationMs: 1000, arrival: "constant" })).toThrow(RangeError);
  });
});

describe("runOpenLoop", () => {
  it("passes each job its intended start and keeps the schedule while jobs stall", async () => {
    const intended: number[] = [];
    const r = await runOpenLoop({
      rate: 100,
      durationMs: 300,
      arrival: "constant",
      job: async ({ index, intendedStart }) => {
        intended.push(intendedStart);
        // A slow job must not delay later arrivals (no coordinated omission).
        await sleep(index === 0 ? 200 : 5);
      },
    });
    expect(r.started).toBe(30);
    expect(r.completed).toBe(30);
    const gaps = intended.slice(1).map((t, i) => t - intended[i]!);
    for (const g of gaps) expect(g).toBeCloseTo(10, 6);
    expect(r.durationMs).toBeGreaterThanOrEqual(290);
  });

  it("honours maxInFlight: arrivals queue, and their queue wait is measured", async () => {
    let inFlight = 0;
    let peak = 0;
    const r = await runOpenLoop({
      rate: 200,
      durationMs: 200,
      arrival: "constant",
      maxInFlight: 2,
      job: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(30);
        inFlight--;
      },
    });
    expect(peak).toBe(2);
    expect(r.started).toBe(40);
    expect(r.completed).toBe(40);
    // 2 slots / 30 ms = ~67/s served against 200/s offered: the queue grows to hundreds of ms.
    expect(r.queueWait.stats().max).toBeGreaterThan(300);
    expect(r.lateStarts).toBeGreaterThan(30);
    expect(r.achievedRate).toBeLessThan(100);
  });

  it("runs on a virtual clock: exact rate, no late starts", async () => {
    const clock = virtualClock(1000);
    const lags: number[] = [];
    const r = await runOpenLoop({
      rate: 1000,
      durationMs: 10_000,
      arrival: "constant",
      clock,
      job: async ({ intendedStart }) => {
        lags.push(clock.now() - intendedStart);
      },
    });
    expect(r.started).toBe(10_000);
    expect(r.achievedRate).toBe(1000);
    expect(r.lateStarts).toBe(0);
    expect(Math.max(...lags)).toBe(0);
  });

  it("stops arrivals when aborted and reports the rest as dropped", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const r = await runOpenLoop({
      rate: 100,
      durationMs: 5_000,
      arrival: "constant",
      signal: ac.signal,
      job: () => sleep(1),
    });
    expect(r.started).toBeGreaterThan(3);
    expect(r.started).toBeLessThan(100);
    expect(r.dropped).toBe(500 - r.started);
  });
});
