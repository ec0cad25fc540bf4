import { expect, it, describe as suite } from "vitest";
import { describe, median, percentile, percentileRank, quantile } from "../../src/stats/index.js";

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

suite("percentile (nearest rank)", () => {
  it("gives the textbook answers for 1..100", () => {
    const xs = oneTo(100);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 90)).toBe(90);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 99.9)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(100);
  });

  it("small n: p95 of 10 values is rank ceil(9.5) = 10 by definition, of 20 values rank 19", () => {
    expect(percentileRank(10, 95)).toBe(10);
    expect(percentile(oneTo(10), 95)).toBe(10);
    // The guide's sorted[int(n * 0.95)] returns the max (20) here; nearest rank does not.
    expect(percentile(oneTo(20), 95)).toBe(19);
    expect(percentile(oneTo(10), 50)).toBe(5);
    expect(percentile(oneTo(10), 90)).toBe(9);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("does not round a rank up because of floating point (0.95 * 20 = 19.000000000000004)", () => {
    expect(percentileRank(20, 95)).toBe(19);
    expect(percentileRank(1000, 99.9)).toBe(999);
  });

  it("quantile and median sort their input; median of an even count is the lower middle", () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([10, 9, 100, 2])).toBe(9);
  });

  it("describe computes exact moments and percentiles, ignoring non-finite values", () => {
    const s = describe([...oneTo(100), Number.NaN]);
    expect(s.count).toBe(100);
    expect(s.mean).toBe(50.5);
    expect(s.stdev).toBeCloseTo(29.0115, 3); // sample stdev of 1..100
    expect([s.min, s.p50, s.p90, s.p95, s.p99, s.p999, s.max]).toEqual([1, 50, 90, 95, 99, 100, 100]);
    expect(describe([])).toMatchObject({ count: 0, mean: 0, p99: 0, stdev: 0 });
    expect(describe([3]).stdev).toBe(0);
  });
});
