import { describe, expect, it } from "vitest";
import { fleissAgreement, majorityLabel } from "../../src/stats/index.js";

/** Expand a row of category counts into that many labels. */
const row = (counts: number[]) => counts.flatMap((c, i) => Array<string>(c).fill(`c${i + 1}`));

describe("fleissAgreement", () => {
  it("matches Fleiss' worked example (10 items, 14 raters, 5 categories: kappa 0.210)", () => {
    const items = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ].map(row);
    const a = fleissAgreement(items);
    expect(a.items).toBe(10);
    expect(a.raters).toBe(14);
    expect(a.observed).toBeCloseTo(0.378, 3);
    expect(a.chance).toBeCloseTo(0.213, 3);
    expect(a.kappa).toBeCloseTo(0.21, 3);
  });

  it("is 1 for perfect agreement, null when only one label is ever used, and rejects ragged input", () => {
    expect(
      fleissAgreement([
        ["a", "a"],
        ["b", "b"],
      ]).kappa,
    ).toBe(1);
    expect(
      fleissAgreement([
        ["a", "a"],
        ["a", "a"],
      ]).kappa,
    ).toBeNull();
    expect(() => fleissAgreement([["a", "a"], ["a"]])).toThrow(/2 labels/);
    expect(() => fleissAgreement([["a"]])).toThrow(/at least two/);
  });

  it("observed agreement is the mean pairwise agreement", () => {
    // Item 1: all agree (1). Item 2: one pair of three agrees (1/3).
    expect(
      fleissAgreement([
        ["x", "x", "x"],
        ["x", "y", "y"],
      ]).observed,
    ).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });
});

describe("majorityLabel", () => {
  it("takes the most frequent label, ties going to the earliest listed", () => {
    expect(majorityLabel(["standard", "simple", "simple"])).toBe("simple");
    expect(majorityLabel(["critical", "standard", "simple"])).toBe("critical");
    expect(majorityLabel(["b", "a", "a", "b"])).toBe("b");
    expect(() => majorityLabel([])).toThrow();
  });
});
