import { describe, expect, it } from "vitest";
import {
  bootstrapCI,
  bootstrapQuantileCIs,
  createRng,
  exponential,
  median,
  quantile,
  Reservoir,
} from "../../src/stats/index.js";

describe("bootstrapCI", () => {
  it("covers the true median of a known distribution in about 95% of seeded trials", () => {
    // Exponential with mean 1: true median ln 2.
    const trueMedian = Math.LN2;
    const trials = 200;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const rng = createRng(1000 + t);
      const xs = Array.from({ length: 80 }, () => exponential(rng, 1));
      const [lo, hi] = bootstrapCI(xs, median, { iterations: 400, seed: t });
      if (lo <= trueMedian && trueMedian <= hi) covered++;
    }
    const rate = covered / trials;
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(rate).toBeLessThanOrEqual(0.99);
  });

  it("is deterministic for a seed and handles degenerate input", () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(bootstrapCI(xs, median, { seed: 7 })).toEqual(bootstrapCI(xs, median, { seed: 7 }));
    expect(bootstrapCI([], median)).toEqual([0, 0]);
    expect(bootstrapCI([4], median)).toEqual([4, 4]);
  });

  it("fast quantile intervals agree with the generic bootstrap", () => {
    const rng = createRng(42);
    const xs = Array.from({ length: 300 }, () => exponential(rng, 100));
    const [fast50, fast95] = bootstrapQuantileCIs(xs, [0.5, 0.95], { seed: 1 });
    const slow50 = bootstrapCI(xs, median, { seed: 2 });
    const slow95 = bootstrapCI(xs, (s) => quantile(s, 0.95), { seed: 2 });
    // Different draws, same distribution: endpoints agree to within sampling noise.
    expect(Math.abs(fast50![0] - slow50[0])).toBeLessThan(0.1 * median(xs));
    expect(Math.abs(fast50![1] - slow50[1])).toBeLessThan(0.1 * median(xs));
    expect(Math.abs(fast95![0] - slow95[0])).toBeLessThan(0.1 * quantile(xs, 0.95));
    expect(Math.abs(fast95![1] - slow95[1])).toBeLessThan(0.1 * quantile(xs, 0.95));
  });
});

describe("Reservoir", () => {
  it("keeps every value until full, then a uniform sample of the stream", () => {
    const r = new Reservoir(5, 1);
    for (const v of [1, 2, 3]) r.add(v);
    expect(r.values().sort()).toEqual([1, 2, 3]);
    // Over many seeds, each of 0..99 is kept about 10/100 of the time.
    const hits = new Array(100).fill(0);
    for (let seed = 0; seed < 2000; seed++) {
      const res = new Reservoir(10, seed);
      for (let i = 0; i < 100; i++) res.add(i);
      for (const v of res.values()) hits[v]++;
    }
    // Expected 200 each (binomial sd ~13.4); 5 sd bounds.
    expect(Math.min(...hits)).toBeGreaterThan(200 - 67);
    expect(Math.max(...hits)).toBeLessThan(200 + 67);
  });

  it("merges as a sample weighted by how much each side has seen", () => {
    const a = new Reservoir(100, 3);
    const b = new Reservoir(100, 4);
    for (let i = 0; i < 9000; i++) a.add(0);
    for (let i = 0; i < 1000; i++) b.add(1);
    a.merge(b);
    expect(a.seen).toBe(10_000);
    expect(a.size).toBe(100);
    const ones = a.values().filter((v) => v === 1).length;
    expect(ones).toBeGreaterThan(2);
    expect(ones).toBeLessThan(25);
  });
});
