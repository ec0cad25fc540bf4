import { describe, expect, it } from "vitest";
import {
  meanHandoff,
  ScenarioAggregator,
  type ScenarioInfo,
  slowestStep,
} from "../../src/bench/aggregate.js";
import { failed, record, result, step, usage, workflowRun } from "./synthetic.js";

const info = (over: Partial<ScenarioInfo> = {}): ScenarioInfo => ({
  name: "s",
  kind: "agent",
  agent: "python-expert",
  task: "t",
  iterations: 10,
  warmup: 0,
  concurrency: 1,
  definitionHash: "h",
  ...over,
});

/** HDR percentiles are within 0.1% of the exact nearest-rank value. */
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.001);

describe("ScenarioAggregator: agent scenarios", () => {
  function tenExecutions(agg: ScenarioAggregator) {
    // 8 successes at 10..80 ms, 2 timeouts (5 ms and 500 ms) that must not count in latency.
    for (let i = 1; i <= 8; i++) agg.addExecution(result(record({ e2eMs: i * 10, ttftMs: i })), i);
    agg.addExecution(failed("timeout", { e2eMs: 5, cost: 0.0005 }), 9);
    agg.addExecution(failed("timeout", { e2eMs: 500, cost: 0.0005 }), 10);
  }

  it("computes the guide's summary fields with their exact names", () => {
    const agg = new ScenarioAggregator(info());
    tenExecutions(agg);
    const r = agg.result();
    const s = r.summary;
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        "success_rate",
        "mean_time_ms",
        "median_time_ms",
        "min_time_ms",
        "max_time_ms",
        "p95_time_ms",
        "avg_input_tokens",
        "avg_output_tokens",
        "total_cost",
      ]),
    );
    expect(s.success_rate).toBe(0.8);
    expect(s.mean_time_ms).toBeCloseTo(45, 9);
    near(s.median_time_ms, 40); // nearest rank ceil(0.5 * 8) = 4th value
    expect(s.min_time_ms).toBe(10);
    expect(s.max_time_ms).toBe(80);
    expect(s.p95_time_ms).toBe(80); // rank ceil(7.6) = 8
    expect(s.avg_input_tokens).toBe(100);
    expect(s.avg_output_tokens).toBe(50);
    // Failed calls still bill their tokens.
    expect(s.total_cost).toBeCloseTo(8 * 0.001 + 2 * 0.0005, 12);
    expect(s.cost_per_success).toBeCloseTo(0.009 / 8, 12);
    expect(s.executions).toBe(10);
    expect(s.successes).toBe(8);
    expect(s.failures).toBe(2);
    expect(s.cost_incomplete).toBe(false);
    expect(r.errors).toEqual({ timeout: 2 });
    expect(r.latency.e2e.count).toBe(8);
    expect(r.latency.ttft?.count).toBe(8);
    near(r.latency.ttft!.p50, 4);
    expect(r.latency.overhead.count).toBe(10);
    expect(r.samples.sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(r.histogram.reduce((a, [, , c]) => a + c, 0)).toBe(8);
    expect(r.latency.e2e.ci95?.p50[0]).toBeGreaterThanOrEqual(10);
  });

  it("keeps the first N executions in the guide's shape and flags truncation", () => {
    const agg = new ScenarioAggregator(info(), { maxExecutions: 3 });
    tenExecutions(agg);
    const r = agg.result();
    expect(r.executions).toHaveLength(3);
    expect(r.executionsTruncated).toBe(true);
    expect(r.executions[0]).toMatchObject({
      iteration: 1,
      success: true,
      execution_time_ms: 10,
      input_tokens: 100,
      output_tokens: 50,
      estimated_cost: 0.001,
      model: "claude-haiku-4-5",
    });
    const all = new ScenarioAggregator(info());
    tenExecutions(all);
    const last = all.result().executions.at(-1)!;
    expect(last).toMatchObject({ success: false, error_type: "timeout", error: "timeout happened" });
    expect(all.result().executionsTruncated).toBe(false);
  });

  it("breaks down by model and marks unknown prices as incomplete, never guessed", () => {
    const agg = new ScenarioAggregator(info());
    agg.addExecution(record({ model: "claude-haiku-4-5", e2eMs: 100, cost: 0.002 }), 1);
    agg.addExecution(record({ model: "mystery-model", e2eMs: 300, cost: null, usage: usage(10, 20) }), 2);
    const r = agg.result();
    expect(r.summary.cost_incomplete).toBe(true);
    expect(r.summary.total_cost).toBe(0.002);
    expect(r.byModel.map((m) => [m.model, m.executions, m.cost])).toEqual([
      ["claude-haiku-4-5", 1, 0.002],
      ["mystery-model", 1, 0],
    ]);
    expect(r.byModel[1]!.latency.max).toBe(300);
  });

  it("lets an assertion outcome override the provider's success", () => {
    const agg = new ScenarioAggregator(info());
    agg.addExecution(record({ e2eMs: 50 }), 1, { success: false, errorType: "assertion", error: "no match" });
    agg.addExecution(record({ e2eMs: 60 }), 2);
    const r = agg.result();
    expect(r.summary.success_rate).toBe(0.5);
    expect(r.errors).toEqual({ assertion: 1 });
    expect(r.executions[0]).toMatchObject({ success: false, error_type: "assertion", error: "no match" });
    expect(r.latency.e2e.count).toBe(1);
  });

  it("reports zeros, not NaN, when nothing succeeded", () => {
    const agg = new ScenarioAggregator(info());
    agg.addExecution(failed("overloaded"), 1);
    const s = agg.result().summary;
    expect(s.success_rate).toBe(0);
    expect(s.mean_time_ms).toBe(0);
    expect(s.cost_per_success).toBeNull();
    expect(Object.values(s).some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
  });
});

describe("ScenarioAggregator: workflow scenarios", () => {
  it("counts a workflow run as one execution and keeps per-step stats, hand-off and cost", () => {
    const agg = new ScenarioAggregator(info({ kind: "workflow", agent: undefined, workflow: "wf" }));
    const run = (slow: number) =>
      workflowRun(
        [
          step(1, "a", record({ agent: "a", e2eMs: 100, cost: 0.001, usage: usage(100, 10) }), 0),
          step(
            2,
            "b",
            record({ agent: "b", e2eMs: slow, cost: 0.004, model: "claude-opus-4-6", usage: usage(200, 20) }),
            2,
          ),
          step(3, "c", record({ agent: "c", e2eMs: 50, cost: 0.001, usage: usage(300, 30) }), 4),
        ],
        100 + slow + 50 + 6,
      );
    agg.addWorkflow(run(400), 1);
    agg.addWorkflow(run(600), 2);
    const r = agg.result();
    expect(r.summary.executions).toBe(2);
    expect(r.summary.mean_time_ms).toBeCloseTo((556 + 756) / 2, 9);
    expect(r.summary.avg_input_tokens).toBe(600);
    expect(r.summary.total_cost).toBeCloseTo(0.012, 12);
    expect(r.steps?.map((s) => [s.position, s.agent, s.executions, s.latency.mean, s.meanHandoffMs])).toEqual(
      [
        [1, "a", 2, 100, 0],
        [2, "b", 2, 500, 2],
        [3, "c", 2, 50, 4],
      ],
    );
    expect(r.steps?.[1]?.cost).toBeCloseTo(0.008, 12);
    expect(slowestStep(r.steps)?.agent).toBe("b");
    expect(meanHandoff(r.steps)).toBe(3);
    expect(r.byModel.map((m) => [m.model, m.executions])).toEqual([
      ["claude-haiku-4-5", 4],
      ["claude-opus-4-6", 2],
    ]);
    expect(r.executions[0]!.model).toBe("claude-haiku-4-5+claude-opus-4-6");
  });

  it("names the failed step in the error and takes its error kind", () => {
    const agg = new ScenarioAggregator(info({ kind: "workflow", workflow: "wf" }));
    agg.addWorkflow(
      workflowRun(
        [step(1, "a", record({ agent: "a" }), 0), step(2, "b", failed("rate_limit", { agent: "b" }), 1)],
        300,
      ),
      1,
    );
    const r = agg.result();
    expect(r.summary.success_rate).toBe(0);
    expect(r.errors).toEqual({ rate_limit: 1 });
    expect(r.executions[0]!.error).toBe("step 2 (b): rate_limit happened");
    expect(r.steps?.[1]).toMatchObject({ executions: 1, successes: 0 });
  });
});
