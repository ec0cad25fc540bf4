import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBenchmarks } from "../../src/bench/run.js";
import { BUILTIN_SCENARIOS, definitionHash, selectScenarios } from "../../src/bench/scenarios.js";
import type { ResultsDocument } from "../../src/bench/types.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/results.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

let dir: string;
let doc: ResultsDocument;
const phases = new Set<string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-bench-"));
  const rt = await createRuntime({
    project: dir,
    command: "bench",
    provider: "sim",
    timeScale: 0.004,
    seed: 7,
    track: false,
  });
  try {
    doc = await runBenchmarks(rt, {
      iterations: 2,
      warmup: 1,
      concurrency: [1, 3],
      throughputTasks: 6,
      outputDir: join(dir, "results"),
      onProgress: (e) => phases.add(e.phase),
    });
  } finally {
    await rt.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("runBenchmarks (fast simulation)", () => {
  it("measures all four benchmark types in one run", () => {
    expect(doc.scenarios.map((s) => s.name)).toEqual([
      "simple_task",
      "medium_task",
      "complex_task",
      "workflow_test",
    ]);
    for (const s of doc.scenarios) {
      expect(s.summary.executions).toBe(2);
      expect(s.warmup).toBe(1);
      expect(s.latency.e2e.count).toBe(s.summary.successes);
    }
    expect(doc.scenarios[0]!.byModel.map((m) => m.model)).toEqual([doc.run.modelMap.haiku]);
    expect(doc.scenarios[2]!.byModel.map((m) => m.model)).toEqual([doc.run.modelMap.opus]);
    expect(doc.scenarios[3]!.steps?.length).toBeGreaterThan(1);
    expect(doc.cost?.totalCost).toBeGreaterThan(0);
    expect(doc.cost?.sonnetOnlyCost).toBeGreaterThan(0);
    expect(doc.throughput.map((t) => [t.concurrency, t.tasks])).toEqual([
      [1, 6],
      [3, 6],
    ]);
    expect(doc.throughput[1]!.tasksPerSecond).toBeGreaterThan(0);
    expect(doc.accuracy?.all.tasks).toBeGreaterThanOrEqual(100);
    expect(doc.accuracy?.taskSuccessRate).toBeCloseTo(
      doc.scenarios.reduce((a, s) => a + s.summary.successes, 0) / 8,
      12,
    );
    expect(doc.resources?.peakRssMb).toBeGreaterThan(0);
    expect([...phases].sort()).toEqual(["scenario", "throughput", "warmup"]);
  });

  it("says the numbers are simulated, and at what time scale", () => {
    expect(doc.run).toMatchObject({
      provider: "sim",
      simulated: true,
      timeScale: 0.004,
      seed: 7,
      incomplete: false,
    });
    for (const e of doc.scenarios[0]!.executions) expect(e.model).toBe(doc.run.modelMap.haiku);
  });

  it("keeps warmups out of the statistics but in the JSONL", () => {
    // 4 scenarios x 2 iterations: 3 agent executions + 2 workflow runs of N steps; + 12 throughput.
    const steps = doc.scenarios[3]!.steps!.length;
    expect(doc.totals.executions).toBe(3 * 2 + 2 * steps + 12);
    const jsonl = readFileSync(join(dir, "results", `${doc.run.id}.executions.jsonl`), "utf8")
      .trim()
      .split("\n");
    const warmups = jsonl.map((l) => JSON.parse(l)).filter((l) => l.phase === "warmup");
    expect(warmups.length).toBe(3 + steps);
  });

  it("writes a document that is valid against schema/results.schema.json", () => {
    const onDisk = JSON.parse(readFileSync(join(dir, "results", `${doc.run.id}.json`), "utf8"));
    const ok = validate(onDisk);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "results", "latest.json"), "utf8")).run.id).toBe(doc.run.id);
  });

  it("the schema rejects a document that breaks it", () => {
    const broken = structuredClone(doc) as unknown as {
      scenarios: Array<{ summary: Record<string, unknown> }>;
    };
    delete broken.scenarios[0]!.summary.p95_time_ms;
    expect(validate(broken)).toBe(false);
  });
});

describe("scenarios", () => {
  it("are real work: the guide's four, on the intended agents and models, with real code", () => {
    const byName = Object.fromEntries(BUILTIN_SCENARIOS.map((s) => [s.name, s]));
    expect(byName.simple_task).toMatchObject({ kind: "agent", agent: "python-expert", model: "haiku" });
    expect(byName.medium_task).toMatchObject({ kind: "agent", agent: "code-reviewer", model: "sonnet" });
    expect(byName.complex_task).toMatchObject({ kind: "agent", model: "opus" });
    expect(byName.workflow_test).toMatchObject({ kind: "workflow", workflow: "code-quality-check" });
    const codeLines = (task: string) =>
      (/```python\n([\s\S]*?)```/.exec(task)?.[1] ?? "").trim().split("\n").length;
    expect(codeLines(byName.simple_task!.task)).toBeGreaterThanOrEqual(15);
    expect(codeLines(byName.simple_task!.task)).toBeLessThanOrEqual(25);
    expect(codeLines(byName.medium_task!.task)).toBeGreaterThanOrEqual(35);
    expect(codeLines(byName.complex_task!.task)).toBeGreaterThanOrEqual(75);
  });

  it("hash their definition, and reject an unknown name", () => {
    const s = BUILTIN_SCENARIOS[0]!;
    expect(definitionHash(s, 5)).toBe(definitionHash({ ...s }, 5));
    expect(definitionHash(s, 5)).not.toBe(definitionHash(s, 6));
    expect(definitionHash(s, 5)).not.toBe(definitionHash({ ...s, task: `${s.task}!` }, 5));
    expect(() => selectScenarios(["simple_tsk"])).toThrow(/unknown scenario 'simple_tsk'/);
  });
});
