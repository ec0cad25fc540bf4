import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../src/bench/types.js";
import { runCli, tempProject } from "../helpers/run-cli.js";

const project = tempProject("cf-limits-cli-");
afterAll(() => rm(project, { recursive: true, force: true }));

const agentBench = (n: number, ...flags: string[]) => [
  "bench",
  "agent",
  "python-expert",
  "Explain list comprehensions in Python",
  "-n",
  String(n),
  "--seed",
  "2",
  "--no-track",
  "--json",
  ...flags,
];

describe("bench limits and pacing flags", () => {
  it("--max-cost stops the run (exit 1, reason in the document) and bench resume --max-cost finishes it", async () => {
    const r = await runCli(agentBench(300, "--time-scale", "0.001", "--max-cost", "0.3"), { cwd: project });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ResultsDocument;
    expect(doc.run).toMatchObject({ incomplete: true, stopReason: "cost cap reached" });
    expect(doc.totals.totalCost).toBeLessThanOrEqual(0.3);
    const done = doc.scenarios[0]!.summary.executions;
    expect(done).toBeGreaterThan(0);
    expect(r.stderr).toContain(`claude-force bench resume ${doc.run.id}`);

    const again = await runCli(["bench", "resume", doc.run.id, "--max-cost", "50", "--json"], {
      cwd: project,
    });
    expect(again.stderr).not.toMatch(/error/i);
    expect(again.code).toBe(0);
    const whole = JSON.parse(again.stdout) as ResultsDocument;
    expect(whole.run).toMatchObject({ id: doc.run.id, incomplete: false, resumed: true });
    expect(whole.scenarios[0]!.summary.executions).toBe(300);
    expect(new Set(whole.scenarios[0]!.executions.map((e) => e.iteration)).size).toBe(300);
  }, 30_000);

  it("--max-duration stops the run with its reason", async () => {
    const r = await runCli(agentBench(100_000, "--time-scale", "0.01", "--max-duration", "1s"), {
      cwd: project,
    });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ResultsDocument;
    expect(doc.run).toMatchObject({ incomplete: true, stopReason: "max duration reached" });
    expect(doc.totals.wallMs).toBeLessThan(10_000);
  }, 30_000);

  it("--rpm paces the run and the document reports it; bench resume refuses a finished run", async () => {
    const r = await runCli(agentBench(3, "--time-scale", "0.001", "--rpm", "6000"), { cwd: project });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ResultsDocument;
    expect(doc.pacing).toMatchObject({ rpm: 6000, tpm: null, requests: 3 });
    expect(r.stderr).toContain("pacing 6000 requests/min");
    const again = await runCli(["bench", "resume", doc.run.id], { cwd: project });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already finished/);
  }, 30_000);
});
