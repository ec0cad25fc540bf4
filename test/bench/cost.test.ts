import { describe, expect, it } from "vitest";
import { CostAccumulator, type Pricing } from "../../src/bench/cost.js";
import { PriceBook } from "../../src/pricing/index.js";
import type { Usage } from "../../src/providers/types.js";
import { record, usage } from "./synthetic.js";

const MODEL_MAP = { haiku: "h", sonnet: "s", opus: "o" };
/** USD per million input / output tokens; "x" has no price. */
const TABLE: Record<string, [number, number]> = { h: [1, 5], s: [3, 15], o: [5, 25] };
const pricing: Pricing = {
  cost(model: string, u: Usage) {
    const p = TABLE[model];
    if (!p || u.input === null || u.output === null) return null;
    return (u.input * p[0] + u.output * p[1]) / 1e6;
  },
  reprice(u, model) {
    return this.cost(model, u);
  },
  models: () => Object.keys(TABLE),
};

const exec = (
  model: string,
  tier: "haiku" | "sonnet" | "opus" | undefined,
  input: number,
  output: number,
  extra = {},
) => {
  const u = usage(input, output);
  return record({ model, tier, usage: u, cost: pricing.cost(model, u), ...extra });
};

describe("CostAccumulator", () => {
  it("computes savings against Sonnet-only by repricing the same usage", () => {
    const acc = new CostAccumulator(pricing, MODEL_MAP);
    // 3 Haiku calls and 1 Opus call, 1M in / 0.2M out each.
    for (let i = 0; i < 3; i++)
      acc.add(exec("h", "haiku", 1_000_000, 200_000, { agent: "a", scenario: "simple" }));
    acc.add(exec("o", "opus", 1_000_000, 200_000, { agent: "b", scenario: "complex" }));
    const c = acc.result();
    // Haiku call: 1 + 1 = $2; Opus call: 5 + 5 = $10; Sonnet call: 3 + 3 = $6.
    expect(c.totalCost).toBeCloseTo(16, 12);
    expect(c.sonnetOnlyCost).toBeCloseTo(24, 12);
    expect(c.savingsVsSonnet).toBeCloseTo(8, 12);
    expect(c.savingsVsSonnetPct).toBeCloseTo(8 / 24, 12);
    expect(c.haikuShare).toBe(0.75);
    expect(c.modelMix).toEqual({ haiku: 0.75, opus: 0.25 });
    expect(c.haikuTarget).toEqual([0.6, 0.8]);
    expect(c.costPerSuccess).toBeCloseTo(4, 12);
    expect(c.tokens).toEqual({ input: 4_000_000, output: 800_000, cacheRead: 0, cacheWrite: 0 });
    expect(c.whatIf).toEqual([
      { model: "h", cost: expect.closeTo(8, 9) },
      { model: "s", cost: expect.closeTo(24, 9) },
      { model: "o", cost: expect.closeTo(40, 9) },
    ]);
    expect(c.byScenario).toEqual([
      { name: "simple", cost: expect.closeTo(6, 9) },
      { name: "complex", cost: expect.closeTo(10, 9) },
    ]);
    expect(c.byAgent.map((a) => [a.agent, a.executions])).toEqual([
      ["a", 3],
      ["b", 1],
    ]);
    expect(c.costIncomplete).toBe(false);
  });

  it("marks unknown prices incomplete and leaves them out of the savings comparison", () => {
    const acc = new CostAccumulator(pricing, MODEL_MAP);
    acc.add(exec("h", "haiku", 1_000_000, 0));
    acc.add(exec("x", undefined, 1_000_000, 0));
    const c = acc.result();
    expect(c.costIncomplete).toBe(true);
    expect(c.totalCost).toBeCloseTo(1, 12);
    // Sonnet-only covers only the execution whose actual cost is known: $3 vs $1.
    expect(c.sonnetOnlyCost).toBeCloseTo(3, 12);
    expect(c.savingsVsSonnet).toBeCloseTo(2, 12);
    // The tier comes from the model map when the routing decision has none; else the model id.
    expect(c.modelMix).toEqual({ haiku: 0.5, x: 0.5 });
  });

  it("counts assertion failures as failures in cost per success", () => {
    const acc = new CostAccumulator(pricing, MODEL_MAP);
    acc.add(exec("s", "sonnet", 1_000_000, 0), true);
    acc.add(exec("s", "sonnet", 1_000_000, 0), false);
    expect(acc.result().costPerSuccess).toBeCloseTo(6, 12);
  });

  it("prices with the real price book: Haiku 4.5 at $1/M input repriced on Sonnet at $3/M", () => {
    const book = PriceBook.load();
    const acc = new CostAccumulator(book, {
      haiku: "claude-haiku-4-5",
      sonnet: "claude-sonnet-4-5",
      opus: "claude-opus-4-5",
    });
    const u = usage(1_000_000, 0);
    acc.add(
      record({ model: "claude-haiku-4-5", tier: "haiku", usage: u, cost: book.cost("claude-haiku-4-5", u) }),
    );
    const c = acc.result();
    expect(c.totalCost).toBeCloseTo(1, 9);
    expect(c.sonnetOnlyCost).toBeCloseTo(3, 9);
    expect(c.savingsVsSonnetPct).toBeCloseTo(2 / 3, 9);
  });
});
