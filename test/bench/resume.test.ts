import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkAgent, benchmarkWorkflow } from "../../src/bench/agent.js";
import { ResultsWriter } from "../../src/bench/results-writer.js";
import { executePlan, loadRun, planRun, resumeRun } from "../../src/bench/resume.js";
import { type PlanParams, writePlan } from "../../src/bench/resume-plan.js";
import { type ExecutionLine, readExecutionLines, resumeStateOf } from "../../src/bench/resume-state.js";
import type { ResultsDocument } from "../../src/bench/types.js";
import { ClaudeForceError } from "../../src/errors.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import { PerformanceTracker } from "../../src/tracking/index.js";

const TASK = "Explain list comprehensions in Python";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-resume-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sim = (extra: { track?: boolean; seed?: number } = {}) =>
  createRuntime({
    project: dir,
    command: "test",
    provider: "sim",
    seed: extra.seed ?? 11,
    timeScale: 0.002,
    track: extra.track ?? false,
  });

/** Start a planned run and abort it after `stopAfter` iterations (two in flight, so one is cancelled). */
async function interruptedRun(
  out: string,
  params: PlanParams,
  run: (
    rt: Awaited<ReturnType<typeof sim>>,
    o: { signal: AbortSignal; onIteration: () => void },
  ) => Promise<ResultsDocument>,
  stopAfter: number,
  track = false,
): Promise<ResultsDocument> {
  const rt = await sim({ track });
  try {
    writePlan(out, await planRun(rt, params, { track }));
    const ac = new AbortController();
    let n = 0;
    return await run(rt, {
      signal: ac.signal,
      onIteration: () => {
        if (++n === stopAfter) ac.abort(new Error("interrupted"));
      },
    });
  } finally {
    await rt.close();
  }
}

const line = (over: Partial<ExecutionLine>): ExecutionLine =>
  ({
    phase: "scenario",
    runId: "r",
    executionId: Math.random().toString(16).slice(2),
    scenario: "s",
    iteration: 1,
    workflow: null,
    workflowPosition: null,
    success: true,
    providerSuccess: true,
    errorType: null,
    errorMessage: null,
    cost: 0.001,
    ...over,
  }) as ExecutionLine;

describe("resume state", () => {
  it("counts an agent iteration once, unless our own stop cancelled it", () => {
    const state = resumeStateOf([
      line({ iteration: 1 }),
      line({ iteration: 2, success: false, providerSuccess: false, errorType: "cancelled" }),
      line({ iteration: 3, success: false, providerSuccess: false, errorType: "rate_limit" }),
      line({ iteration: 1 }),
      line({ phase: "warmup", iteration: 0 }),
      line({ phase: "throughput", scenario: "throughput@c1", iteration: 2 }),
    ]);
    expect([...state.scenarios.get("s")!.keys()].sort()).toEqual([1, 3]);
    expect(state.scenarios.has("throughput@c1")).toBe(false);
    expect(state.spentUsd).toBeCloseTo(0.006, 10);
  });

  it("counts a workflow iteration only when its last step line is there, whatever a crash cut short", () => {
    const wf = (iteration: number, workflowPosition: number, extra: Partial<ExecutionLine> = {}) =>
      line({ workflow: "w", iteration, workflowPosition, ...extra });
    const state = resumeStateOf([
      wf(1, 1),
      wf(1, 2),
      wf(1, 3, { workflowMs: 30 }), // all steps
      wf(2, 1),
      wf(2, 2, { success: false, providerSuccess: false, errorType: "server", workflowMs: 20 }), // failed at 2
      wf(3, 1),
      wf(3, 2), // killed before step 3's line
      wf(4, 1, { success: false, providerSuccess: false, errorType: "cancelled", workflowMs: 5 }),
      wf(3, 1),
      wf(3, 2),
      wf(3, 3, { workflowMs: 31 }), // the re-run
    ]);
    const done = state.scenarios.get("s")!;
    expect([...done.keys()].sort()).toEqual([1, 2, 3]);
    expect(done.get(3)!.map((l) => l.workflowPosition)).toEqual([1, 2, 3]);
    expect(done.get(2)).toHaveLength(2);
  });

  it("ignores a partial last line and the writer cuts it off before appending", () => {
    const file = join(dir, "partial.executions.jsonl");
    const first = JSON.stringify(line({ iteration: 1 }));
    writeFileSync(file, `${first}\n{"phase":"scenario","scen`);
    expect(readExecutionLines(file)).toHaveLength(1);
    const w = ResultsWriter.open(dir, "partial");
    w.append(line({ iteration: 2 }));
    w.close();
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
    expect(readExecutionLines(file).map((l) => l.iteration)).toEqual([1, 2]);
  });

  it("says which line is broken when a middle line is not JSON", () => {
    const file = join(dir, "broken.executions.jsonl");
    writeFileSync(file, `${JSON.stringify(line({}))}\nnot json\n${JSON.stringify(line({}))}\n`);
    expect(() => readExecutionLines(file)).toThrow(
      expect.objectContaining({ code: "INPUT", details: { file, line: 2 } }),
    );
  });
});

describe("resumeRun", () => {
  it("finishes an interrupted agent run: each iteration once, earlier ones kept, same sim outputs, same run id in the tracker", async () => {
    const out = join(dir, "agent");
    const params: PlanParams = { command: "bench agent", agent: "python-expert", task: TASK, iterations: 12 };
    const first = await interruptedRun(
      out,
      params,
      (rt, o) =>
        benchmarkAgent(rt, "python-expert", TASK, { iterations: 12, concurrency: 2, outputDir: out, ...o }),
      5,
      true,
    );
    expect(first.run).toMatchObject({ incomplete: true, stopReason: "interrupted" });
    const kept = first.scenarios[0]!.executions;
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.length).toBeLessThan(12);

    const loaded = loadRun(out, first.run.id);
    expect(loaded).toMatchObject({ planned: 12, finished: kept.length });

    const doc = await resumeRun(first.run.id, { outputDir: out });
    expect(doc.run).toMatchObject({ id: first.run.id, incomplete: false, stopReason: null, resumed: true });
    expect(doc.run.startedAt).toBe(first.run.startedAt);
    const s = doc.scenarios[0]!;
    expect(s.summary.executions).toBe(12);
    expect(s.executions.map((e) => e.iteration).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const ids = s.executions.map((e) => e.execution_id);
    for (const e of kept) expect(ids).toContain(e.execution_id);
    expect(doc.totals.executions).toBe(12);

    // The seed makes every execution key replay: the same outputs as an uninterrupted run.
    const rt = await sim();
    const whole = await benchmarkAgent(rt, "python-expert", TASK, { iterations: 12 }).finally(() =>
      rt.close(),
    );
    const tokens = (d: ResultsDocument) =>
      Object.fromEntries(d.scenarios[0]!.executions.map((e) => [e.iteration, e.output_tokens]));
    expect(tokens(doc)).toEqual(tokens(whole));

    // Everything the run executed (the cancelled one too) is in the tracker under the one run id.
    const lines = readExecutionLines(join(out, `${first.run.id}.executions.jsonl`));
    const tracker = await PerformanceTracker.open({ projectRoot: dir, enabled: true });
    try {
      const rows = await tracker.getAllMetrics({ runId: first.run.id });
      expect(rows.map((r) => r.executionId).sort()).toEqual(lines.map((l) => l.executionId).sort());
    } finally {
      await tracker.close();
    }
  });

  it("finishes an interrupted workflow run with every step of every iteration counted once", async () => {
    const out = join(dir, "workflow");
    const params: PlanParams = { command: "bench workflow", workflow: "code-quality-check", iterations: 6 };
    const first = await interruptedRun(
      out,
      params,
      (rt, o) =>
        benchmarkWorkflow(rt, "code-quality-check", { iterations: 6, concurrency: 2, outputDir: out, ...o }),
      2,
    );
    expect(first.run.incomplete).toBe(true);
    const doc = await resumeRun(first.run.id, { outputDir: out });
    const s = doc.scenarios[0]!;
    expect(s.summary.executions).toBe(6);
    expect(new Set(s.executions.map((e) => e.iteration)).size).toBe(6);
    const steps = s.steps!;
    expect(steps.length).toBeGreaterThan(1);
    for (const st of steps) expect(st.executions).toBe(6); // the sim does not fail here
    expect(doc.totals.executions).toBe(6 * steps.length);
    expect(s.latency.e2e.min).toBeGreaterThan(0); // restored workflows keep their total time
  });

  it("refuses a finished run, an unknown run and a load run", async () => {
    const out = join(dir, "refuse");
    const rt = await sim();
    try {
      writePlan(
        out,
        await planRun(
          rt,
          { command: "bench agent", agent: "python-expert", task: TASK, iterations: 2 },
          { track: false },
        ),
      );
      await benchmarkAgent(rt, "python-expert", TASK, { iterations: 2, outputDir: out });
      expect(() => loadRun(out, rt.runId)).toThrow(/already finished/);
      expect(() => loadRun(out, "20990101-000000-beef")).toThrow(
        expect.objectContaining({ code: "NOT_FOUND" }),
      );
      writePlan(out, {
        ...(await planRun(rt, { command: "bench load" }, { track: false })),
        runId: "load-run",
      });
      expect(() => loadRun(out, "load-run")).toThrow(ClaudeForceError);
      expect(() => loadRun(out, "load-run")).toThrow(/cannot be resumed/);
    } finally {
      await rt.close();
    }
  });

  it("runs through a custom executor (the hook a distributed resume plugs into)", async () => {
    const out = join(dir, "executor");
    const first = await interruptedRun(
      out,
      { command: "bench agent", agent: "python-expert", task: TASK, iterations: 4 },
      (rt, o) => benchmarkAgent(rt, "python-expert", TASK, { iterations: 4, outputDir: out, ...o }),
      1,
    );
    const seen: Array<{ runId: string; command: string; finished: number }> = [];
    const doc = await resumeRun(first.run.id, {
      outputDir: out,
      executor: (runtime, plan, opts) => {
        seen.push({
          runId: runtime.runId,
          command: plan.params.command,
          finished: opts.resume?.scenarios.get("python-expert")?.size ?? 0,
        });
        return executePlan(runtime, plan, opts);
      },
    });
    expect(seen).toEqual([{ runId: first.run.id, command: "bench agent", finished: 1 }]);
    expect(doc.scenarios[0]!.summary.executions).toBe(4);
  });
});
