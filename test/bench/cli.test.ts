import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/run-cli.js";

const FAST = ["--time-scale", "0.005", "--no-track", "--seed", "3"];
const SUITES = fileURLToPath(new URL("../fixtures/suites/", import.meta.url));

describe("claude-force bench (CLI)", () => {
  it("bench agent prints the banner, a line per iteration and the guide's summary", async () => {
    const cwd = tempProject();
    const r = await runCli(["bench", "agent", "python-expert", "Explain generators", "-n", "2", ...FAST], {
      cwd,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^provider: sim \(SIMULATED .*time scale 0\.005, seed 3\)/);
    expect(r.stdout).toMatch(/ {2}Iteration 1\/2\.\.\. \d+ms ✓/);
    expect(r.stdout).toMatch(/ {2}Iteration 2\/2\.\.\. \d+ms ✓/);
    expect(r.stdout).toContain("BENCHMARK RESULTS: python-expert");
    expect(r.stdout).toMatch(/Success Rate: 2\/2 \(100\.0%\)/);
    expect(r.stdout).toMatch(/SIMULATED \(time scale 0\.005/);
    const latest = join(cwd, "benchmarks", "results", "latest.json");
    expect(existsSync(latest)).toBe(true);
  });

  it("--json prints only the document, which says simulated; the banner goes to stderr", async () => {
    const r = await runCli(["bench", "workflow", "code-quality-check", "-n", "1", "--json", ...FAST]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.run).toMatchObject({
      simulated: true,
      provider: "sim",
      timeScale: 0.005,
      command: "bench workflow",
    });
    expect(doc.scenarios[0].steps.length).toBeGreaterThan(1);
    expect(r.stderr).toMatch(/SIMULATED Claude, not a real measurement; time scale 0\.005/);
  });

  it("bench load reports the load table and records the run", async () => {
    const r = await runCli(["bench", "load", "--tasks", "6", "--concurrency", "3", ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^provider: sim \(SIMULATED/);
    expect(r.stdout).toMatch(/\nLoad\n/);
    expect(r.stdout).toMatch(/closed +c=3 +6 +6 /);
  });

  it("a bad suite file is a one-line error with file:line and exit code 2", async () => {
    const file = join(SUITES, "bad-type.yaml");
    const r = await runCli(["bench", "suite", file, ...FAST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`claude-force: error: ${file}:8: scenarios.1.iterations: wrong type`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
