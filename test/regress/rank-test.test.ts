import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_SAMPLES_PER_SIDE, mannWhitneyU, normalSf } from "../../src/stats/rank-test.js";

// Expected p-values were checked against scipy.stats.mannwhitneyu(..., method="asymptotic").
describe("mannWhitneyU", () => {
  it("complete separation, computed by hand", () => {
    // U1 = 0, U2 = 25, mu = 12.5, sigma = sqrt(5*5*11/12) = 4.7871;
    // two-sided z = (25 - 12.5 - 0.5) / 4.7871 = 2.5067, p = 2 * P(Z > 2.5067) = 0.012186.
    const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.u).toBe(0);
    expect(r.z).toBeCloseTo(-2.5067, 3);
    expect(r.pValue).toBeCloseTo(0.012185780355344813, 5);
    expect(r.effectSize).toBe(-1);
  });

  it("scipy documentation example (males vs females)", () => {
    // mu = 10, sigma = sqrt(5*4*10/12) = 4.0825, z = (17 - 10 - 0.5) / 4.0825 = 1.5922.
    const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(r.u).toBe(17);
    expect(r.pValue).toBeCloseTo(0.11134688653314041, 5);
    expect(r.effectSize).toBeCloseTo(2 * (17 / 20) - 1, 10);
  });

  it("applies the tie correction", () => {
    const a = [1, 2, 2, 3];
    const b = [2, 3, 3, 4];
    expect(mannWhitneyU(a, b).u).toBe(3);
    expect(mannWhitneyU(a, b).pValue).toBeCloseTo(0.1720337089218229, 5);
    expect(mannWhitneyU(a, b, { alternative: "less" }).pValue).toBeCloseTo(0.08601685446091145, 5);
  });

  it("one-sided in the wrong direction gives a large p", () => {
    const r = mannWhitneyU([3, 4, 2, 6, 2, 5], [9, 7, 5, 10, 6, 8], { alternative: "greater" });
    expect(r.u).toBe(2);
    expect(r.pValue).toBeCloseTo(0.9960472777460493, 5);
  });

  it("is symmetric when the sides swap", () => {
    const a = [12, 15, 11, 19, 14, 13, 22, 16, 18];
    const b = [10, 9, 14, 11, 8, 12, 13, 10];
    const ab = mannWhitneyU(a, b);
    const ba = mannWhitneyU(b, a);
    expect(ab.u + ba.u).toBe(a.length * b.length);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
    expect(ab.effectSize).toBeCloseTo(-ba.effectSize, 12);
    expect(ab.z).toBeCloseTo(-ba.z, 12);
    expect(mannWhitneyU(a, b, { alternative: "greater" }).pValue).toBeCloseTo(
      mannWhitneyU(b, a, { alternative: "less" }).pValue,
      12,
    );
  });

  it("identical samples show no evidence", () => {
    const r = mannWhitneyU([5, 5, 5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5, 5, 5], { alternative: "greater" });
    expect(r.pValue).toBe(1);
    expect(r.effectSize).toBe(0);
  });

  it("flags fewer than 8 values per side as too small", () => {
    expect(MIN_SAMPLES_PER_SIDE).toBe(8);
    const eight = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(mannWhitneyU(eight, eight).tooSmall).toBe(false);
    expect(mannWhitneyU(eight, eight.slice(1)).tooSmall).toBe(true);
  });

  it("refuses an empty side", () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(RangeError);
  });

  it("keeps U, p and effect size in range for any input", () => {
    const side = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        side,
        side,
        fc.constantFrom("two-sided", "greater", "less") as fc.Arbitrary<"two-sided">,
        (a, b, alt) => {
          const r = mannWhitneyU(a, b, { alternative: alt });
          expect(r.u).toBeGreaterThanOrEqual(0);
          expect(r.u).toBeLessThanOrEqual(a.length * b.length);
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(Math.abs(r.effectSize)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("normalSf", () => {
  it("matches standard normal tail values", () => {
    expect(normalSf(0)).toBeCloseTo(0.5, 7);
    expect(normalSf(1.959963985)).toBeCloseTo(0.025, 6);
    expect(normalSf(-1.644853627)).toBeCloseTo(0.95, 6);
    expect(normalSf(3)).toBeCloseTo(0.0013498980316301, 8);
  });
});
