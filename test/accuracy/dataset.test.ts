import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  benchmarkAccuracy,
  defaultAccuracyDataset,
  evaluateAccuracy,
  type LabelledTask,
  loadAccuracyDataset,
} from "../../src/bench/accuracy.js";
import { createLexicalSelector } from "../../src/selection/index.js";
import { builtins } from "../selection/helpers.js";

const agents = builtins();
const names = agents.map((a) => a.name);
// Always the explicit tuning file: these tests must never read data/accuracy/held-out.jsonl.
const TUNING = defaultAccuracyDataset();

/** The batches of tasks.jsonl (data/accuracy/README.md): written at different times, by four writers. */
function batch(id: string): "t001-t209" | "t210-t272" | "blind" | "blind-2" | "blind-3" {
  if (id.startsWith("k")) return "blind-3";
  if (id.startsWith("h")) return "blind-2";
  if (id.startsWith("b")) return "blind";
  return Number(id.slice(1)) <= 209 ? "t001-t209" : "t210-t272";
}

describe("the shipped tuning dataset", () => {
  it("is valid, large enough and labels only built-in agents", async () => {
    const tasks = await loadAccuracyDataset(TUNING, names);
    expect(tasks.length).toBeGreaterThanOrEqual(524);
    for (const tier of ["simple", "standard", "critical"])
      expect(tasks.filter((t) => t.tier === tier).length, tier).toBeGreaterThanOrEqual(40);
  });

  it("has every built-in agent as the primary label of at least 12 tasks", async () => {
    const tasks = await loadAccuracyDataset(TUNING);
    for (const name of names)
      expect(tasks.filter((t) => t.expected[0] === name).length, name).toBeGreaterThanOrEqual(12);
  });

  it("is all tuning (everything in it has been looked at), including the blind sets b, h and k", async () => {
    const tasks = await loadAccuracyDataset(TUNING);
    for (const t of tasks) expect(t.split, t.id).toBe("tuning");
    expect(tasks.filter((t) => batch(t.id) === "blind")).toHaveLength(105);
    expect(tasks.filter((t) => batch(t.id) === "blind-2")).toHaveLength(84);
    expect(tasks.filter((t) => batch(t.id) === "blind-3")).toHaveLength(63);
  });
});

/**
 * Regression guards per batch, measured as in data/accuracy/README.md. The selector runs without its
 * learnt part (`examples: null`: BM25 + concept lexicon), so nothing in it was fitted to these
 * tasks; the router has no fitted parameters. Both were hand-written after these tasks were seen,
 * so these are floors against losing ground, not estimates for new tasks. Floors sit one task below
 * the measured numbers.
 */
const FLOORS = {
  "t001-t209": { top1: 0.947, top3: 0.995, tier: 0.933 }, // measured 95.2 / 100 / 93.8
  "t210-t272": { top1: 0.873, top3: 0.984, tier: 0.857 }, // measured 88.9 / 100 / 87.3
  blind: { top1: 0.838, top3: 0.961, tier: 0.952 }, // measured 84.8 / 97.1 / 96.2
  "blind-2": { top1: 0.82, top3: 0.963, tier: 0.928 }, // measured 83.3 / 97.6 / 94.0
  "blind-3": { top1: 0.888, top3: 0.952, tier: 0.888 }, // measured 90.5 / 96.8 / 90.5
} as const;

describe("accuracy regression guards (agent descriptions, concept lexicon, selector, router)", () => {
  it("keeps each batch at its measured level with nothing fitted to the tasks", async () => {
    const tasks = await loadAccuracyDataset(TUNING, names);
    const selector = createLexicalSelector(agents, { examples: null });
    for (const [name, floor] of Object.entries(FLOORS)) {
      const r = evaluateAccuracy(
        tasks.filter((t) => batch(t.id) === name),
        { selector, latencyRepeats: 1 },
      );
      expect(r.all.top1, `${name} top-1`).toBeGreaterThanOrEqual(floor.top1);
      expect(r.all.top3, `${name} top-3`).toBeGreaterThanOrEqual(floor.top3);
      expect(r.all.tierAccuracy, `${name} tier`).toBeGreaterThanOrEqual(floor.tier);
    }
  });

  it("fits the labelled tasks with the learnt part on (in-sample, a sanity check only)", async () => {
    const r = await benchmarkAccuracy({
      selector: createLexicalSelector(agents),
      dataset: TUNING,
      agents: names,
      latencyRepeats: 1,
    });
    expect(r.all.top1).toBeGreaterThanOrEqual(0.98);
    expect(r.all.top3).toBe(1);
    expect(r.crossValidation).toBeUndefined(); // an explicit dataset is scored as given
  });
});

describe("the default benchmark: tasks.jsonl (tuning) + a held-out file", () => {
  const dir = mkdtempSync(join(tmpdir(), "cf-heldout-"));
  const task = (id: string, extra: Partial<LabelledTask> & Record<string, unknown> = {}) => ({
    id,
    task: "Design a REST API for invoices with cursor pagination",
    expected: ["api-designer"],
    tier: "standard",
    ...extra,
  });

  it("notes a missing held-out file and reports only in-sample numbers", async () => {
    const r = await benchmarkAccuracy({
      selector: createLexicalSelector(agents),
      heldOutDataset: join(dir, "missing.jsonl"),
      crossValidate: false,
      latencyRepeats: 1,
    });
    expect(r.heldOut.tasks).toBe(0);
    expect(r.tuning.tasks).toBeGreaterThanOrEqual(524);
    expect(r.note).toMatch(/no held-out tasks: .*missing\.jsonl does not exist/);
    expect(r.crossValidation).toBeUndefined();
  });

  it("counts every task of the held-out file as held-out, whatever its split says, and cross-validates", async () => {
    const file = join(dir, "held-out.jsonl");
    const lines = [task("h1"), task("h2", { split: "tuning" }), task("h3", { split: "held-out" })];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const r = await benchmarkAccuracy({
      selector: createLexicalSelector(agents),
      heldOutDataset: file,
      agents: names,
      latencyRepeats: 1,
    });
    expect(r.heldOut.tasks).toBe(3);
    expect(r.heldOut.top1).toBe(1);
    expect(r.dataset).toContain(file);
    expect(r.note).toMatch(/held-out = held-out\.jsonl, never trained on/);
    // 5-fold CV of the default selector over the tuning tasks (seed 1; see cross-validation.test.ts).
    expect(r.crossValidation).toMatchObject({ folds: 5, seed: 1, tasks: r.tuning.tasks });
    expect(r.crossValidation!.top1).toBeGreaterThan(0.9);
    expect(r.crossValidation!.top1).toBeLessThan(r.tuning.top1); // out-of-sample is the harder measure
  });

  it("rejects a held-out task labelled with an unknown agent, naming the file", async () => {
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, JSON.stringify(task("h1", { expected: ["no-such-agent"] })));
    await expect(
      benchmarkAccuracy({
        selector: createLexicalSelector(agents),
        heldOutDataset: file,
        agents: names,
        crossValidate: false,
        latencyRepeats: 1,
      }),
    ).rejects.toMatchObject({ code: "INPUT", details: { file, keyPath: "expected" } });
  });
});
