import { describe, expect, it } from "vitest";
import { createRng, describe as exact, LatencyRecorder, MAX_RECORDABLE_MS } from "../../src/stats/index.js";

function lognormalSamples(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    return Math.exp(Math.log(3000) + 0.5 * z); // ~3 s median, long right tail
  });
}

describe("LatencyRecorder", () => {
  it("matches the exact nearest-rank percentiles within 0.1%", () => {
    const xs = lognormalSamples(20_000, 11);
    const r = new LatencyRecorder();
    for (const x of xs) r.record(x);
    const hdr = r.stats();
    const ref = exact(xs);
    for (const k of ["p50", "p90", "p95", "p99", "p999"] as const) {
      expect(Math.abs(hdr[k] - ref[k]) / ref[k]).toBeLessThanOrEqual(0.001);
    }
    expect(hdr.count).toBe(ref.count);
    expect(hdr.mean).toBeCloseTo(ref.mean, 6);
    expect(hdr.stdev).toBeCloseTo(ref.stdev, 6);
    expect(hdr.min).toBe(ref.min);
    expect(hdr.max).toBe(ref.max);
  });

  it("reports 1..100 ms at the same ranks as percentile()", () => {
    const r = new LatencyRecorder();
    for (let i = 1; i <= 100; i++) r.record(i);
    const s = r.stats();
    expect(s.p50).toBeCloseTo(50, 1);
    expect(s.p95).toBeCloseTo(95, 1);
    expect(s.p99).toBeCloseTo(99, 1);
    expect(s.p999).toBe(100); // clamped to the exact max
  });

  it("is empty-safe", () => {
    const r = new LatencyRecorder();
    expect(r.count).toBe(0);
    const s = r.stats({ ci: true });
    expect(s).toMatchObject({ count: 0, mean: 0, min: 0, max: 0, p50: 0, p99: 0, ci95: null });
    expect(Object.values(s).every((v) => v === null || !Number.isNaN(v))).toBe(true);
    expect(r.buckets()).toEqual([]);
  });

  it("clamps negatives to 0, caps huge values and ignores NaN", () => {
    const r = new LatencyRecorder();
    r.record(-5);
    r.record(Number.NaN);
    r.record(Number.POSITIVE_INFINITY);
    expect(r.count).toBe(2);
    const s = r.stats();
    expect(s.min).toBe(0);
    expect(s.max).toBe(MAX_RECORDABLE_MS);
    expect(s.p99).toBeLessThanOrEqual(MAX_RECORDABLE_MS);
  });

  it("merging equals recording everything in one", () => {
    const xs = lognormalSamples(5_000, 3);
    const all = new LatencyRecorder();
    const a = new LatencyRecorder();
    const b = new LatencyRecorder();
    xs.forEach((x, i) => {
      all.record(x);
      (i % 3 === 0 ? a : b).record(x);
    });
    a.merge(b);
    const m = a.stats();
    const o = all.stats();
    expect(m.count).toBe(o.count);
    for (const k of ["p50", "p90", "p95", "p99", "p999", "min", "max"] as const) expect(m[k]).toBe(o[k]);
    expect(m.mean).toBeCloseTo(o.mean, 8);
    expect(m.stdev).toBeCloseTo(o.stdev, 8);
    expect(a.buckets()).toEqual(all.buckets());
  });

  it("keeps a bounded reservoir: recording 1e6 values does not grow it past its bound", () => {
    const r = new LatencyRecorder({ maxSamples: 1000 });
    for (let i = 0; i < 1_000_000; i++) r.record(i % 5000);
    expect(r.count).toBe(1_000_000);
    expect(r.samples()).toHaveLength(1000);
    const none = new LatencyRecorder({ maxSamples: 0 });
    none.record(5);
    expect(none.samples()).toEqual([]);
    expect(none.stats({ ci: true }).ci95).toBeNull();
  });

  it("gives bootstrap intervals that bracket the point estimates", () => {
    const r = new LatencyRecorder({ seed: 9 });
    for (const x of lognormalSamples(2_000, 5)) r.record(x);
    const s = r.stats({ ci: true });
    expect(s.ci95).toBeTruthy();
    const { p50, p95 } = s.ci95!;
    expect(p50[0]).toBeLessThanOrEqual(s.p50);
    expect(p50[1]).toBeGreaterThanOrEqual(s.p50 * 0.999);
    expect(p95[0]).toBeLessThanOrEqual(s.p95);
    expect(p95[1]).toBeGreaterThanOrEqual(s.p95 * 0.999);
    expect(p50[1]).toBeLessThan(p95[0]);
    // Same seed, same interval.
    expect(r.stats({ ci: true }).ci95).toEqual(s.ci95);
  });

  it("buckets cover min..max and hold every count", () => {
    const r = new LatencyRecorder();
    const xs = lognormalSamples(3_000, 8);
    for (const x of xs) r.record(x);
    const b = r.buckets(40);
    expect(b.length).toBeLessThanOrEqual(40);
    expect(b.reduce((s, [, , c]) => s + c, 0)).toBe(3_000);
    expect(b[0]![0]).toBeCloseTo(Math.min(...xs), 2);
    expect(b.at(-1)![1]).toBeCloseTo(Math.max(...xs), 2);
    for (let i = 1; i < b.length; i++) expect(b[i]![0]).toBe(b[i - 1]![1]);
    const one = new LatencyRecorder();
    one.record(12);
    one.record(12);
    expect(one.buckets()).toEqual([[12, 12, 2]]);
  });

  it("round-trips through JSON (encoded HDR histogram)", () => {
    const r = new LatencyRecorder({ maxSamples: 50, seed: 4 });
    for (const x of lognormalSamples(500, 6)) r.record(x);
    const json = JSON.parse(JSON.stringify(r.toJSON()));
    expect(typeof json.histogram).toBe("string");
    const back = LatencyRecorder.fromJSON(json);
    expect(back.stats()).toEqual(r.stats());
    expect(back.samples()).toEqual(r.samples());
    back.record(1);
    expect(back.count).toBe(501);
    expect(LatencyRecorder.fromJSON(new LatencyRecorder().toJSON()).count).toBe(0);
  });
});
