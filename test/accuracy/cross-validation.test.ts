import { describe, expect, it } from "vitest";
import { loadAccuracyDataset } from "../../src/bench/accuracy.js";
import { crossValidateSelector, rates } from "../../src/selection/index.js";
import { builtins } from "../selection/helpers.js";

/**
 * 5-fold cross-validation of the default selector (BM25 + concepts + naive Bayes) on the shipped
 * dataset, seed 1, as reported in data/accuracy/README.md: top-1 93.8%, top-3 99.6% over all 272
 * tasks; top-1 84.1%, top-3 98.4% over batch 3 (t210-t272), the tasks the descriptions were not
 * tuned on. Floors sit one task below, so a change that loses ground fails here.
 */
const FLOOR = { top1: 0.93, top3: 0.992 };
const BATCH3_FLOOR = { top1: 0.825, top3: 0.968 };

describe("cross-validated selection accuracy", () => {
  it("holds its measured level on folds it was not trained on", async () => {
    const tasks = await loadAccuracyDataset();
    const cv = crossValidateSelector(builtins(), tasks, { folds: 5, seed: 1 });
    expect(cv.tasks).toBe(tasks.length);
    expect(cv.top1).toBeGreaterThanOrEqual(FLOOR.top1);
    expect(cv.top3).toBeGreaterThanOrEqual(FLOOR.top3);
    const batch3 = rates(cv.predictions.filter((p) => Number(p.id.slice(1)) > 209));
    expect(batch3.top1).toBeGreaterThanOrEqual(BATCH3_FLOOR.top1);
    expect(batch3.top3).toBeGreaterThanOrEqual(BATCH3_FLOOR.top3);
  });
});
