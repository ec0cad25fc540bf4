import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../src/bench/types.js";
import { tempProject } from "../helpers/run-cli.js";
import { spawnCli, waitUntil } from "../helpers/spawn-cli.js";

const projects: string[] = [];
afterAll(() => Promise.all(projects.map((p) => rm(p, { recursive: true, force: true }))));

const BENCH = [
  "bench",
  "--scenario",
  "simple_task",
  "--iterations",
  "500",
  "--time-scale",
  "0.05",
  "--seed",
  "5",
  "--no-accuracy",
  "--concurrency",
  "2",
];

/** Start a long bench run and wait until executions are landing in its JSONL. */
async function startRun() {
  const project = tempProject("cf-intr-");
  projects.push(project);
  const results = join(project, "benchmarks", "results");
  const cli = spawnCli(BENCH, project);
  const jsonl = () =>
    existsSync(results) ? readdirSync(results).find((f) => f.endsWith(".executions.jsonl")) : undefined;
  await waitUntil(
    () => {
      const f = jsonl();
      return f !== undefined && readFileSync(join(results, f), "utf8").split("\n").length > 4;
    },
    15_000,
    "executions in the JSONL",
  );
  return { cli, results };
}

describe("Ctrl-C", () => {
  it("stops in-flight work within 2 s, writes a partial document marked incomplete and exits 130", async () => {
    const { cli, results } = await startRun();
    const t0 = Date.now();
    cli.child.kill("SIGINT");
    const { code } = await cli.exited;
    const elapsed = Date.now() - t0;
    expect(code).toBe(130);
    expect(elapsed).toBeLessThan(2000);
    expect(cli.output().stderr).toMatch(/interrupted/);

    const doc = JSON.parse(readFileSync(join(results, "latest.json"), "utf8")) as ResultsDocument;
    expect(doc.run).toMatchObject({ incomplete: true, stopReason: "interrupted" });
    const s = doc.scenarios[0]!;
    expect(s.summary.executions).toBeGreaterThan(0);
    expect(s.summary.executions).toBeLessThan(500);
    // Cancelled in-flight executions measure the Ctrl-C, not the agent: they are no failures.
    expect(s.summary.failures).toBe(0);
    expect(cli.output().stderr).toContain(`bench resume ${doc.run.id}`);
  }, 30_000);

  it("a second Ctrl-C while it shuts down exits with 130 too", async () => {
    const { cli } = await startRun();
    cli.child.kill("SIGINT");
    await waitUntil(() => /stopping in-flight work/.test(cli.output().stderr), 5000, "the first Ctrl-C");
    // Gone already (the graceful stop was quick) or exits now: 130 either way.
    if (cli.child.exitCode === null) cli.child.kill("SIGINT");
    const { code } = await cli.exited;
    expect(code).toBe(130);
  }, 30_000);
});
