import { describe, expect, it } from "vitest";
import { assignFolds, createLexicalSelector, crossValidateSelector } from "../../src/selection/index.js";

const ids = Array.from({ length: 23 }, (_, i) => `t${String(i + 1).padStart(3, "0")}`);

describe("assignFolds", () => {
  it("is deterministic for a seed and balanced to within one task", () => {
    const folds = assignFolds(ids, 5, 7);
    expect(assignFolds(ids, 5, 7)).toEqual(folds);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(ids.length);
  });

  it("depends on the ids, not on their order, and changes with the seed", () => {
    const byId = (list: string[], seed: number) => {
      const folds = assignFolds(list, 5, seed);
      return Object.fromEntries(list.map((id, i) => [id, folds[i]]));
    };
    expect(byId([...ids].reverse(), 7)).toEqual(byId(ids, 7));
    expect(assignFolds(ids, 5, 8)).not.toEqual(assignFolds(ids, 5, 7));
  });

  it("rejects fewer than two folds", () => {
    expect(() => assignFolds(ids, 1)).toThrow(RangeError);
  });
});

describe("crossValidateSelector", () => {
  // Two agents the descriptions cannot tell apart; each task's only clue is a word no other task has.
  const agents = [
    { name: "alpha", description: "General helper for the team." },
    { name: "beta", description: "General helper for the team." },
  ];
  const tasks = ids.slice(0, 10).map((id, i) => ({
    id,
    task: `zorp${i} quux${i}`,
    expected: [i % 2 === 0 ? "alpha" : "beta"],
  }));

  it("never lets a task's own label into the model that scores it", () => {
    // Trained on everything, the unique word recalls each task's label...
    const inSample = createLexicalSelector(agents, { examples: tasks });
    expect(tasks.every((t) => inSample.rank(t.task)[0]?.agent === t.expected[0])).toBe(true);
    // ...but held out, nothing is known about it.
    const cv = crossValidateSelector(agents, tasks, { folds: 5, seed: 3 });
    expect(cv.tasks).toBe(10);
    expect(cv.top1).toBe(0);
    expect(new Set(cv.predictions.map((p) => p.fold))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("scores every task exactly once", () => {
    const cv = crossValidateSelector(agents, tasks, { folds: 3, seed: 1 });
    expect(cv.predictions.map((p) => p.id).sort()).toEqual(tasks.map((t) => t.id).sort());
  });
});
