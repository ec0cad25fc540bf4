import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../src/bench/types.js";
import { runCli, tempProject } from "../helpers/run-cli.js";
import { spawnCli, waitUntil } from "../helpers/spawn-cli.js";

const project = tempProject("cf-kill-");
const results = join(project, "benchmarks", "results");
afterAll(() => rm(project, { recursive: true, force: true }));

interface Line {
  phase: string;
  scenario: string;
  iteration: number;
  executionId: string;
  errorType: string | null;
}

const readLines = (file: string): Line[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Line];
      } catch {
        return []; // a line the kill cut short
      }
    });

const runFile = (suffix: string) =>
  existsSync(results) ? readdirSync(results).find((f) => f.endsWith(suffix)) : undefined;
const finishedScenarioLines = (lines: Line[]) =>
  lines.filter((l) => l.phase === "scenario" && l.errorType !== "cancelled");

describe("kill -9 and bench resume", () => {
  it("keeps what finished before the kill, runs only the rest, and counts every iteration once", async () => {
    const cli = spawnCli(
      [
        "bench",
        "--scenario",
        "simple_task",
        "--iterations",
        "40",
        "--time-scale",
        "0.02",
        "--seed",
        "3",
        "--no-accuracy",
        "--concurrency",
        "1",
      ],
      project,
    );
    // Kill once a handful of iterations are on disk: well before the 40 are done.
    await waitUntil(
      () => {
        const f = runFile(".executions.jsonl");
        return f !== undefined && finishedScenarioLines(readLines(join(results, f))).length >= 5;
      },
      15_000,
      "five finished executions in the JSONL",
    );
    cli.child.kill("SIGKILL");
    expect((await cli.exited).signal).toBe("SIGKILL");

    const jsonl = join(results, runFile(".executions.jsonl")!);
    const runId = runFile(".plan.json")!.replace(".plan.json", "");
    expect(existsSync(join(results, `${runId}.json`))).toBe(false); // the kill left no document
    const before = finishedScenarioLines(readLines(jsonl));
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(40);

    const resumed = await runCli(["bench", "resume", runId, "--json"], { cwd: project });
    expect(resumed.stderr).not.toMatch(/error/i);
    expect(resumed.code).toBe(0);
    const doc = JSON.parse(resumed.stdout) as ResultsDocument;
    expect(doc.run).toMatchObject({ id: runId, incomplete: false, stopReason: null, resumed: true, seed: 3 });

    const scenario = doc.scenarios.find((s) => s.name === "simple_task")!;
    expect(scenario.summary.executions).toBe(40);
    const iterations = scenario.executions.map((e) => e.iteration).sort((a, b) => a - b);
    expect(iterations).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const ids = scenario.executions.map((e) => e.execution_id);
    expect(new Set(ids).size).toBe(40);
    // The executions finished before the kill are in the document as they were, not run again.
    for (const l of before) expect(ids).toContain(l.executionId);
    const after = finishedScenarioLines(readLines(jsonl));
    expect(after).toHaveLength(40);
    expect(new Set(after.map((l) => l.iteration)).size).toBe(40);

    const onDisk = JSON.parse(readFileSync(join(results, "latest.json"), "utf8")) as ResultsDocument;
    expect(onDisk.run.id).toBe(runId);
    expect(onDisk.scenarios[0]!.summary.executions).toBe(40);
  }, 40_000);
});
