import { describe, expect, it } from "vitest";
import { posterior, trainNaiveBayes } from "../../src/selection/index.js";

const TOY = [
  { features: ["x", "y"], label: "a" },
  { features: ["y", "z"], label: "b" },
];

describe("trainNaiveBayes", () => {
  it("gives the hand-computed posterior on a toy set", () => {
    // alpha 1, vocabulary {x, y, z}: P(x|a) = (1+1)/(2+1*4) = 2/6, P(x|b) = (0+1)/6; uniform prior.
    const nb = trainNaiveBayes(TOY, { alpha: 1, uniformPrior: true });
    expect(nb.labels).toEqual(["a", "b"]);
    const scores = nb.logScores(["x"]);
    expect(scores[0]).toBeCloseTo(Math.log(2 / 6), 12);
    expect(scores[1]).toBeCloseTo(Math.log(1 / 6), 12);
    const p = posterior(scores);
    expect(p[0]).toBeCloseTo(2 / 3, 12);
    expect(p[1]).toBeCloseTo(1 / 3, 12);
  });

  it("uses class frequencies as the prior unless told not to", () => {
    const examples = [...TOY, { features: ["q"], label: "b" }, { features: ["q"], label: "b" }];
    // Prior with alpha 1: (1+1)/(4+2) for a, (3+1)/(4+2) for b.
    const nb = trainNaiveBayes(examples, { alpha: 1 });
    const empty = posterior(nb.logScores([]));
    expect(empty[0]).toBeCloseTo(2 / 6, 12);
    expect(
      posterior(trainNaiveBayes(examples, { alpha: 1, uniformPrior: true }).logScores([]))[0],
    ).toBeCloseTo(0.5, 12);
  });

  it("treats an example of weight 2 like the example twice", () => {
    const weighted = trainNaiveBayes([...TOY, { features: ["x", "q"], label: "b", weight: 2 }]);
    const repeated = trainNaiveBayes([
      ...TOY,
      { features: ["x", "q"], label: "b" },
      { features: ["x", "q"], label: "b" },
    ]);
    expect([...weighted.logScores(["x", "q", "z"])]).toEqual([...repeated.logScores(["x", "q", "z"])]);
  });

  it("ignores features never seen in training", () => {
    const nb = trainNaiveBayes(TOY, { uniformPrior: true });
    expect([...nb.logScores(["x", "never-seen"])]).toEqual([...nb.logScores(["x"])]);
  });
});
