import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { compareResults } from "../../src/regress/compare.js";
import type { Comparison, ComparisonRow } from "../../src/regress/types.js";
import { makeResults, withScenario } from "./fixture.js";

function row(c: Comparison, scenario: string, metric: string, budget = false): ComparisonRow {
  const r = c.rows.find(
    (x) => x.scenario === scenario && x.metric === metric && (x.note === "budget") === budget,
  );
  if (!r) throw new Error(`no row ${scenario}/${metric}`);
  return r;
}

const base = makeResults({ seed: 1 });

describe("compareResults: the guide's rules", () => {
  it("an identical run passes with every guide rule checked per scenario", () => {
    const c = compareResults(base, base);
    expect(c.passed).toBe(true);
    expect(c.rows).toHaveLength(9);
    expect(new Set(c.rows.map((r) => r.metric))).toEqual(
      new Set(["mean_time_ms", "success_rate", "total_cost"]),
    );
    expect(c.rows.every((r) => r.verdict === "ok" && r.ratio === 1)).toBe(true);
    expect(c.simulated).toBe(true);
  });

  it("finds a known latency regression, significant, in the right row only", () => {
    const current = makeResults({ ...withScenario({}, "medium_task", { slowdown: 1.5 }), seed: 2 });
    const c = compareResults(base, current);
    const r = row(c, "medium_task", "mean_time_ms");
    expect(r.verdict).toBe("regressed");
    expect(r.test).toBe("mann-whitney");
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.effectSize).toBeGreaterThan(0.7);
    expect(r.ratio).toBeGreaterThan(1.3);
    expect(c.regressions).toBe(1);
    expect(c.passed).toBe(false);
    expect(row(c, "simple_task", "mean_time_ms").verdict).toBe("ok");
  });

  it("flags a success-rate drop below 0.95x and a cost rise above 1.5x", () => {
    const spec = withScenario(withScenario({}, "simple_task", { successRate: 0.85 }), "complex_task", {
      costPerExec: 0.0031,
    });
    const c = compareResults(base, makeResults(spec));
    expect(row(c, "simple_task", "success_rate").verdict).toBe("regressed");
    expect(row(c, "complex_task", "total_cost").verdict).toBe("regressed");
    expect(row(c, "complex_task", "total_cost").ratio).toBeCloseTo(1.55, 6);
    expect(c.regressions).toBe(2);
  });

  it("stays quiet just inside the thresholds", () => {
    const spec = withScenario(withScenario({}, "simple_task", { successRate: 0.95 }), "complex_task", {
      costPerExec: 0.0029,
    });
    const c = compareResults(base, makeResults(spec));
    expect(c.passed).toBe(true);
  });

  it("reports a significant speed-up as improved", () => {
    const c = compareResults(
      base,
      makeResults({ ...withScenario({}, "simple_task", { slowdown: 0.6 }), seed: 3 }),
    );
    expect(row(c, "simple_task", "mean_time_ms").verdict).toBe("improved");
    expect(c.passed).toBe(true);
  });
});

describe("compareResults: noise awareness", () => {
  /** Baseline samples, and the same samples with the largest made 10x larger: the mean jumps, ranks barely move. */
  function outlierPair() {
    const b = makeResults({ seed: 5, scenarios: [{ name: "simple_task", n: 20 }] });
    const c = structuredClone(b);
    const s = c.scenarios[0]!;
    const max = Math.max(...s.samples);
    s.samples = s.samples.map((x) => (x === max ? x * 10 : x));
    s.summary.mean_time_ms = s.samples.reduce((a, x) => a + x, 0) / s.samples.length;
    return { b, c };
  }

  it("over the threshold but not significant is ok, with the p-value in the note", () => {
    const { b, c } = outlierPair();
    const cmp = compareResults(b, c);
    const r = row(cmp, "simple_task", "mean_time_ms");
    expect(r.ratio).toBeGreaterThan(1.15);
    expect(r.verdict).toBe("ok");
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.note).toMatch(/over threshold but not significant \(p=0\.\d{3}\)/);
    expect(cmp.passed).toBe(true);
  });

  it("--strict judges on the threshold alone", () => {
    const { b, c } = outlierPair();
    const cmp = compareResults(b, c, { strict: true });
    expect(row(cmp, "simple_task", "mean_time_ms").verdict).toBe("regressed");
    expect(cmp.strict).toBe(true);
  });

  it("too few samples to judge is insufficient_data, not a failure", () => {
    const spec = { scenarios: [{ name: "simple_task", n: 5 }] };
    const c = compareResults(
      makeResults(spec),
      makeResults({ ...withScenario(spec, "simple_task", { slowdown: 2 }), seed: 9 }),
    );
    const r = row(c, "simple_task", "mean_time_ms");
    expect(r.verdict).toBe("insufficient_data");
    expect(r.note).toMatch(/5 vs 5 samples is too few/);
    expect(c.passed).toBe(true);
  });

  it("without raw samples the threshold decides, and says so", () => {
    const spec = withScenario({}, "simple_task", { noSamples: true });
    const c = compareResults(
      makeResults(spec),
      makeResults(withScenario(spec, "simple_task", { slowdown: 1.4 })),
    );
    const r = row(c, "simple_task", "mean_time_ms");
    expect(r.verdict).toBe("regressed");
    expect(r.note).toBe("no raw samples: threshold only");
  });

  it("pure noise is flagged at a rate near alpha, far below the bare threshold's", () => {
    // Same distribution on both sides, noisy enough that the 1.15x threshold alone trips often.
    const spec = { scenarios: [{ name: "simple_task", n: 12, sigma: 0.6 }] };
    const trials = 200;
    let noiseAware = 0;
    let strict = 0;
    let significant = 0;
    for (let i = 0; i < trials; i++) {
      const b = makeResults({ ...spec, seed: 1000 + i });
      const c = makeResults({ ...spec, seed: 5000 + i });
      if (!compareResults(b, c).passed) noiseAware++;
      if (!compareResults(b, c, { strict: true }).passed) strict++;
      const r = row(
        compareResults(b, c, { rules: { default: { mean_time_ms: 1 } } }),
        "simple_task",
        "mean_time_ms",
      );
      if (r.verdict === "regressed") significant++;
    }
    // The rank test alone (threshold 1x) rejects at about alpha = 0.05 under the null.
    expect(significant / trials).toBeGreaterThan(0.01);
    expect(significant / trials).toBeLessThanOrEqual(0.1);
    expect(noiseAware / trials).toBeLessThanOrEqual(0.1);
    expect(strict / trials).toBeGreaterThan(0.15);
  });

  it("a real 1.5x slowdown is caught in nearly every trial", () => {
    const spec = { scenarios: [{ name: "simple_task", n: 20, sigma: 0.2 }] };
    let caught = 0;
    for (let i = 0; i < 50; i++) {
      const b = makeResults({ ...spec, seed: 100 + i });
      const c = makeResults({ ...withScenario(spec, "simple_task", { slowdown: 1.5 }), seed: 900 + i });
      if (compareResults(b, c).regressions === 1) caught++;
    }
    expect(caught).toBeGreaterThanOrEqual(48);
  });

  it("alpha is configurable and validated", () => {
    const { b, c } = outlierPair();
    const p = row(compareResults(b, c), "simple_task", "mean_time_ms").pValue!;
    expect(
      row(compareResults(b, c, { alpha: Math.min(0.99, p + 0.01) }), "simple_task", "mean_time_ms").verdict,
    ).toBe("regressed");
    expect(() => compareResults(b, c, { alpha: 1.5 })).toThrow(/alpha must be between 0 and 1/);
  });
});

describe("compareResults: configurable rules", () => {
  it("per-scenario overrides add metrics to one scenario only", () => {
    const c = compareResults(base, base, { rules: { scenarios: { complex_task: { p95_ms: 1.3 } } } });
    expect(c.rows.filter((r) => r.metric === "p95_time_ms").map((r) => r.scenario)).toEqual(["complex_task"]);
    expect(row(c, "complex_task", "p95_time_ms").threshold).toBe("> 1.3x");
  });

  it("defaults can be loosened or switched off with null", () => {
    const current = makeResults({ ...withScenario({}, "medium_task", { slowdown: 1.5 }), seed: 2 });
    const c = compareResults(base, current, { rules: { default: { mean_time_ms: 2, success_rate: null } } });
    expect(c.passed).toBe(true);
    expect(c.rows.some((r) => r.metric === "success_rate")).toBe(false);
    expect(row(c, "medium_task", "mean_time_ms").threshold).toBe("> 2x");
  });

  it.each([
    ["ttft_p95_ms", { ttftP95Ms: 400 }, { ttftP95Ms: 600 }, 1.2],
    ["cost_per_success", { costPerExec: 0.002 }, { costPerExec: 0.0026 }, 1.2],
    ["avg_input_tokens", { inputTokens: 500 }, { inputTokens: 700 }, 1.3],
    ["avg_output_tokens", { outputTokens: 300 }, { outputTokens: 400 }, 1.3],
  ])("scenario rule %s flags a rise over its ratio", (metric, before, after, ratio) => {
    const spec = withScenario({}, "simple_task", before);
    const c = compareResults(makeResults(spec), makeResults(withScenario(spec, "simple_task", after)), {
      rules: { scenarios: { simple_task: { [metric]: ratio } } },
    });
    expect(row(c, "simple_task", metric).verdict).toBe("regressed");
    expect(c.regressions).toBe(1);
  });

  it.each([
    ["haiku_share", { haikuShare: 0.5 }],
    ["accuracy_top1", { accuracyTop1: 0.8 }],
  ])("run-level rule %s flags a drop once per run", (metric, change) => {
    const c = compareResults(base, makeResults({ seed: 1, ...change }), {
      rules: { default: { [metric]: 0.9 } },
    });
    const r = row(c, "(run)", metric);
    expect(r.verdict).toBe("regressed");
    expect(c.rows.filter((x) => x.metric === metric)).toHaveLength(1);
  });

  it("a metric nobody measured is 'missing', not a failure", () => {
    const spec = withScenario({}, "simple_task", { ttftP95Ms: null });
    const c = compareResults(makeResults(spec), makeResults(spec), {
      rules: { default: { ttft_p95_ms: 1.2 } },
    });
    expect(row(c, "simple_task", "ttft_p95_ms").verdict).toBe("missing");
    expect(c.passed).toBe(true);
  });

  it("reports scenarios present on one side only", () => {
    const current = makeResults({ scenarios: [{ name: "simple_task" }, { name: "new_task" }] });
    const c = compareResults(base, current);
    expect(row(c, "new_task", "-").note).toMatch(/not in the baseline/);
    expect(row(c, "complex_task", "-").note).toMatch(/not in this run/);
    expect(c.passed).toBe(true);
  });

  it.each([
    [{ default: { p95_latency: 1.2 } }, "regression.rules.default.p95_latency", /unknown metric/],
    [{ default: { mean_time_ms: 0.9 } }, "regression.rules.default.mean_time_ms", /wrong way/],
    [{ default: { success_rate: 1.1 } }, "regression.rules.default.success_rate", /wrong way/],
    [
      { scenarios: { simple_task: { haiku_share: 0.9 } } },
      "regression.rules.scenarios.simple_task.haiku_share",
      /once per run/,
    ],
    [{ default: { mean_time_ms: "fast" } }, "regression.rules.default.mean_time_ms", /./],
  ])("rejects bad rules with the key path: %j", (rules, keyPath, message) => {
    let err: unknown;
    try {
      compareResults(base, base, {
        rules: rules as never,
        configSource: { file: "claude-force.config.yaml" },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClaudeForceError);
    const e = err as ClaudeForceError;
    expect(e.code).toBe("CONFIG");
    expect(e.details.keyPath).toBe(keyPath);
    expect(e.details.file).toBe("claude-force.config.yaml");
    expect(e.message).toMatch(message);
  });

  it("suggests the metric meant by a typo", () => {
    try {
      compareResults(base, base, { rules: { default: { mean_tme_ms: 1.2 } } });
      expect.unreachable();
    } catch (e) {
      expect((e as ClaudeForceError).details.hint).toMatch(/did you mean mean_time_ms/i);
    }
  });
});

describe("compareResults: fingerprints", () => {
  it.each([
    [{ provider: "anthropic" as const, simulated: false }, /provider: baseline sim, current anthropic/],
    [{ timeScale: 10 }, /time scale: baseline 50, current 10/],
    [
      { modelMap: { haiku: "claude-haiku-5-5", sonnet: "claude-sonnet-4-5", opus: "claude-opus-4-5" } },
      /model mapping haiku/,
    ],
    [
      withScenario({}, "complex_task", { definitionHash: "changed" }),
      /scenario complex_task: definition changed/,
    ],
  ])("refuses unlike runs (%j) with a USAGE error listing the difference", (spec, message) => {
    let err: unknown;
    try {
      compareResults(base, makeResults({ seed: 1, ...spec }), { baselineFile: "b.json" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect((err as ClaudeForceError).code).toBe("USAGE");
    expect((err as ClaudeForceError).exitCode).toBe(2);
    expect((err as ClaudeForceError).message).toMatch(message);
    expect((err as ClaudeForceError).details.hint).toMatch(/--allow-mismatch/);
  });

  it("lists every difference, and --allow-mismatch turns them into warnings", () => {
    const current = makeResults({ seed: 1, provider: "anthropic", simulated: false, timeScale: null });
    expect(() => compareResults(base, current)).toThrow(/provider.*simulated.*time scale/);
    const c = compareResults(base, current, { allowMismatch: true });
    expect(c.mismatchAllowed).toBe(true);
    expect(c.mismatches).toEqual([
      "provider: baseline sim, current anthropic",
      "simulated: baseline simulated, current real",
      "time scale: baseline 50, current none",
    ]);
    expect(c.simulated).toBe(false);
  });

  it("a different seed alone is comparable", () => {
    expect(compareResults(base, makeResults({ seed: 77 })).mismatches).toEqual([]);
  });
});

describe("compareResults: legacy (guide-format) baselines", () => {
  const legacy = {
    timestamp: "2025-01-01T00:00:00",
    scenarios: base.scenarios.map((s) => ({
      name: s.name,
      summary: {
        success_rate: s.summary.success_rate,
        mean_time_ms: s.summary.mean_time_ms,
        median_time_ms: s.summary.median_time_ms,
        min_time_ms: s.summary.min_time_ms,
        max_time_ms: s.summary.max_time_ms,
        p95_time_ms: s.summary.p95_time_ms,
        avg_input_tokens: s.summary.avg_input_tokens,
        avg_output_tokens: s.summary.avg_output_tokens,
        total_cost: s.summary.total_cost,
      },
    })),
  };

  it("compares only the guide's three metrics, on thresholds, and says why", () => {
    const current = makeResults({ ...withScenario({}, "simple_task", { slowdown: 1.3 }), seed: 1 });
    const c = compareResults(legacy, current, { rules: { default: { p95_ms: 1.1 } } });
    expect(c.legacyBaseline).toBe(true);
    expect(c.baselineRunId).toBeNull();
    expect(c.notes?.[0]).toMatch(/legacy baseline: no fingerprint/);
    expect(new Set(c.rows.map((r) => r.metric))).toEqual(
      new Set(["mean_time_ms", "success_rate", "total_cost"]),
    );
    const r = row(c, "simple_task", "mean_time_ms");
    expect(r.verdict).toBe("regressed");
    expect(r.note).toBe("no raw samples: threshold only");
  });
});

describe("compareResults: budgets", () => {
  const p95 = base.scenarios[0]!.summary.p95_time_ms;

  it.each([
    ["<", p95 + 1, "ok"],
    ["<", p95, "budget_failed"],
    ["<=", p95, "ok"],
    ["<=", p95 - 1, "budget_failed"],
    [">", p95 - 1, "ok"],
    [">", p95, "budget_failed"],
    [">=", p95, "ok"],
    [">=", p95 + 1, "budget_failed"],
  ])("p95_ms %s limit (%d) → %s", (op, limit, verdict) => {
    const c = compareResults(base, base, { budgets: { simple_task: { p95_ms: `${op} ${limit}` } } });
    const r = row(c, "simple_task", "p95_time_ms", true);
    expect(r.verdict).toBe(verdict);
    expect(r.threshold).toBe(`${op} ${limit}`);
    expect(c.budgetFailures).toBe(verdict === "ok" ? 0 : 1);
    expect(c.passed).toBe(verdict === "ok");
  });

  it("'*' applies to every scenario and a scenario's own budget overrides it", () => {
    const c = compareResults(base, base, {
      budgets: {
        "*": { success_rate: "> 95%", cost_per_success: "< 0.01" },
        complex_task: { success_rate: ">= 1" },
      },
    });
    expect(c.rows.filter((r) => r.note === "budget")).toHaveLength(6);
    expect(row(c, "complex_task", "success_rate", true).threshold).toBe(">= 1");
    expect(row(c, "simple_task", "success_rate", true).threshold).toBe("> 0.95");
    expect(c.passed).toBe(true);
  });

  it("the guide's budgets catch a slow complex task and a failing simple one", () => {
    const current = makeResults(
      withScenario(withScenario({}, "complex_task", { slowdown: 1.5 }), "simple_task", { successRate: 0.9 }),
    );
    const c = compareResults(makeResults(withScenario({}, "complex_task", { slowdown: 1.5 })), current, {
      budgets: {
        "*": { success_rate: "> 0.95" },
        simple_task: { p95_ms: "< 5000" },
        complex_task: { p95_ms: "< 15000" },
      },
    });
    expect(row(c, "complex_task", "p95_time_ms", true).verdict).toBe("budget_failed");
    expect(row(c, "simple_task", "success_rate", true).verdict).toBe("budget_failed");
    expect(row(c, "simple_task", "p95_time_ms", true).verdict).toBe("ok");
    expect(c.budgetFailures).toBe(2);
  });

  it("run-level budgets go under '*' and are checked once", () => {
    const c = compareResults(base, makeResults({ seed: 1, haikuShare: 0.5 }), {
      budgets: { "*": { haiku_share: ">= 0.6" } },
    });
    expect(row(c, "(run)", "haiku_share", true).verdict).toBe("budget_failed");
  });

  it("a budget for a scenario the run lacks is reported", () => {
    const c = compareResults(base, base, { budgets: { workflow_test: { p95_ms: "< 30000" } } });
    expect(row(c, "workflow_test", "-").note).toMatch(/budget names a scenario/);
  });

  it.each(["5000", "< five", "=< 5", "== 3", 5000])(
    "rejects comparator %j with expected and found",
    (text) => {
      try {
        compareResults(base, base, { budgets: { simple_task: { p95_ms: text } } });
        expect.unreachable();
      } catch (e) {
        const err = e as ClaudeForceError;
        expect(err.code).toBe("CONFIG");
        expect(err.details.keyPath).toBe("budgets.simple_task.p95_ms");
        expect(err.details.expected).toMatch(/"< 5000"/);
        expect(err.details.found).toBe(JSON.stringify(text));
      }
    },
  );
});
