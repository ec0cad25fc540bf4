import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  benchmarkAccuracy,
  evaluateAccuracy,
  type LabelledTask,
  loadAccuracyDataset,
  parseAccuracyDataset,
} from "../../src/bench/accuracy.js";
import { ClaudeForceError } from "../../src/errors.js";
import type { AgentSelector } from "../../src/selection/index.js";

/** A selector with fixed answers, so every count below is known in advance. */
function fixed(answers: Record<string, string[]>): AgentSelector {
  return {
    rank: (task) => (answers[task] ?? []).map((agent, i) => ({ agent, score: 10 - i, reason: "fixed" })),
  };
}

const t = (
  id: string,
  task: string,
  expected: string[],
  tier: LabelledTask["tier"],
  split: LabelledTask["split"],
) => ({
  id,
  task,
  expected,
  tier,
  split,
});

const TASKS: LabelledTask[] = [
  t("a", "Fix the typo in the README", ["docs"], "simple", "tuning"), // top-1 hit, tier hit
  t("b", "Design a REST API for todos", ["api"], "standard", "tuning"), // top-3 hit only, tier hit
  t("c", "Migrate the production database", ["db", "ops"], "critical", "tuning"), // alternative hit, tier hit
  t("d", "Review this function", ["review"], "simple", "held-out"), // miss, tier miss (standard)
  t("e", "Drop the users table", ["db"], "critical", "held-out"), // hit, tier hit
  t("f", "Explain generators", ["py"], "standard", "held-out"), // no prediction, tier miss (simple)
];
const SELECTOR = fixed({
  "Fix the typo in the README": ["docs", "api"],
  "Design a REST API for todos": ["docs", "review", "api"],
  "Migrate the production database": ["ops", "db"],
  "Review this function": ["docs", "py", "api"],
  "Drop the users table": ["db"],
});

describe("evaluateAccuracy on a synthetic dataset", () => {
  const r = evaluateAccuracy(TASKS, {
    selector: SELECTOR,
    routing: { classifier: "rules" },
    latencyRepeats: 2,
  });

  it("computes top-1, top-3 and tier accuracy per split", () => {
    expect(r.tuning).toEqual({ tasks: 3, top1: 2 / 3, top3: 1, tierAccuracy: 1 });
    expect(r.heldOut).toEqual({ tasks: 3, top1: 1 / 3, top3: 1 / 3, tierAccuracy: 1 / 3 });
    expect(r.all).toEqual({ tasks: 6, top1: 3 / 6, top3: 4 / 6, tierAccuracy: 4 / 6 });
  });

  it("builds the confusion matrix from the expected primary and the predicted top-1", () => {
    const cell = (expected: string, predicted: string) =>
      r.confusion.find((c) => c.expected === expected && c.predicted === predicted)?.count;
    expect(cell("docs", "docs")).toBe(1);
    expect(cell("api", "docs")).toBe(1);
    expect(cell("db", "ops")).toBe(1);
    expect(cell("db", "db")).toBe(1);
    expect(cell("review", "docs")).toBe(1);
    expect(cell("py", "(none)")).toBe(1);
    expect(r.confusion.reduce((n, c) => n + c.count, 0)).toBe(6);
  });

  it("lists selection and tier misses with their split", () => {
    expect(r.misses.map((m) => m.id)).toEqual(["b", "d", "f"]);
    expect(r.misses[1]).toMatchObject({
      expected: ["review"],
      predicted: ["docs", "py", "api"],
      split: "held-out",
    });
    expect(r.tierMisses?.map((m) => [m.id, m.expected, m.predicted])).toEqual([
      ["d", "simple", "standard"],
      ["f", "standard", "simple"],
    ]);
    const tierCell = r.tierConfusion.find((c) => c.expected === "simple" && c.predicted === "standard");
    expect(tierCell?.count).toBe(1);
  });

  it("reports selection latency and leaves task success to the bench", () => {
    expect(r.selectionLatencyUs.p50).toBeGreaterThanOrEqual(0);
    expect(r.selectionLatencyUs.p99).toBeGreaterThanOrEqual(r.selectionLatencyUs.p50);
    expect(r.targets).toEqual({ top1: 0.9, top3: 0.98, tier: 0.9 });
    expect(r.taskSuccessRate).toBeNull();
  });
});

describe("tier label agreement", () => {
  // Writer first, then two annotators; the tier is the majority.
  const voted: LabelledTask[] = [
    {
      ...t("a", "Fix the typo in the README", ["docs"], "simple", "held-out"),
      tierVotes: ["simple", "simple", "simple"],
    },
    {
      ...t("b", "Design a REST API for todos", ["api"], "standard", "held-out"),
      tierVotes: ["standard", "standard", "simple"],
    },
    {
      ...t("c", "Review this function", ["review"], "simple", "held-out"),
      tierVotes: ["standard", "simple", "simple"],
    },
    {
      ...t("d", "Drop the users table", ["db"], "critical", "held-out"),
      tierVotes: ["critical", "critical", "critical"],
    },
  ];
  // The rules say simple, standard, standard, critical.
  const r = evaluateAccuracy(voted, {
    selector: SELECTOR,
    routing: { classifier: "rules" },
    latencyRepeats: 1,
  });

  it("reports agreement, unanimity and the router against each annotator alone", () => {
    expect(r.heldOut.tierAccuracy).toBe(3 / 4);
    const l = r.heldOut.tierLabels!;
    expect(l).toMatchObject({ tasks: 4, annotators: 3, unanimous: 2, tierOnUnanimous: 1 });
    expect(l.agreement).toBeCloseTo((1 + 1 / 3 + 1 / 3 + 1) / 4, 12);
    expect(l.tierVsAnnotator).toEqual([1, 3 / 4, 2 / 4]);
    expect(r.tuning.tierLabels).toBeUndefined();
  });
});

describe("dataset loader", () => {
  const good = JSON.stringify(TASKS[0]);
  const error = (text: string, agents?: string[]): ClaudeForceError => {
    try {
      parseAccuracyDataset(text, "tasks.jsonl", agents);
    } catch (e) {
      if (e instanceof ClaudeForceError) return e;
      throw e;
    }
    throw new Error("expected an error");
  };

  it("names the file and line of a line that is not JSON", () => {
    const e = error(`${good}\n{"id": "b",`);
    expect(e.code).toBe("INPUT");
    expect(e.toLine()).toMatch(/^tasks\.jsonl:2: not valid JSON/);
  });

  it("names the key of a missing or wrong field", () => {
    expect(error(JSON.stringify({ ...TASKS[0], tier: "hard" })).details).toMatchObject({
      line: 1,
      keyPath: "tier",
    });
    const { expected: _drop, ...noExpected } = TASKS[0]!;
    expect(error(`\n${JSON.stringify(noExpected)}`).details).toMatchObject({ line: 2, keyPath: "expected" });
  });

  it("accepts tier votes whose majority is the tier, and names the key when it is not", () => {
    const voted = { ...TASKS[0], tierVotes: ["standard", "simple", "simple"] };
    expect(parseAccuracyDataset(JSON.stringify(voted), "tasks.jsonl")[0]!.tierVotes).toHaveLength(3);
    const e = error(JSON.stringify({ ...voted, tier: "standard" }));
    expect(e.details).toMatchObject({ line: 1, keyPath: "tier", expected: "simple", found: "standard" });
    expect(error(JSON.stringify({ ...TASKS[0], tierVotes: ["simple"] })).details).toMatchObject({
      keyPath: "tierVotes",
    });
  });

  it("rejects duplicate ids and agents outside the known list", () => {
    expect(error(`${good}\n${good}`).message).toContain("duplicate task id 'a'");
    expect(error(good, ["api"]).details).toMatchObject({ keyPath: "expected", line: 1 });
  });

  it("reads a file and reports a missing one as an input error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-acc-"));
    const file = join(dir, "tasks.jsonl");
    writeFileSync(file, TASKS.map((x) => JSON.stringify(x)).join("\n"));
    expect(await loadAccuracyDataset(file)).toHaveLength(6);
    await expect(loadAccuracyDataset(join(dir, "missing.jsonl"))).rejects.toMatchObject({ code: "INPUT" });
    const r = await benchmarkAccuracy({ selector: SELECTOR, dataset: file, latencyRepeats: 1 });
    expect(r.dataset).toBe(file);
    expect(r.all.top1).toBe(0.5);
  });
});
