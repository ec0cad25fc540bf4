import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { PerformanceTracker } from "../../src/tracking/index.js";
import { runCli, tempProject } from "../helpers/run-cli.js";
import { makeRecord } from "./fixtures/records.js";

/** Run the CLI in this process (spawning costs seconds on a busy machine), capturing its output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(["node", "claude-force", "--no-color", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

let project: string;
beforeAll(async () => {
  project = tempProject("cf-metrics-");
  const t = await PerformanceTracker.open({ projectRoot: project, ingestIntervalMs: 0 });
  t.record(makeRecord(1, { agent: "python-expert" }));
  t.record(makeRecord(2, { agent: "python-expert", success: false, errorType: "timeout", cost: null }));
  t.record(makeRecord(3, { agent: "code-reviewer", model: "claude-sonnet-4-6", cost: 0.01 }));
  await t.close();
});

describe("claude-force metrics", () => {
  it("on a fresh project prints a friendly line, exits 0 and creates nothing", async () => {
    const cwd = tempProject();
    const r = await cli(["metrics", "summary", "-C", cwd]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^no executions recorded yet; try claude-force run/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("summary --json prints the summary document", async () => {
    const r = await cli(["metrics", "summary", "--json", "-C", project]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      total_executions: 3,
      successful_executions: 2,
      executions_with_unknown_cost: 1,
      simulated_executions: 3,
      by_error_type: { timeout: 1 },
    });
    expect(s.total_cost).toBeCloseTo(0.011, 12);
  });

  it("agents and costs print tables that say the numbers are simulated", async () => {
    const agents = await cli(["metrics", "agents", "-C", project]);
    expect(agents.code).toBe(0);
    expect(agents.stdout).toMatch(/^agent\s+runs\s+success/);
    expect(agents.stdout).toMatch(/python-expert\s+2\s+50\.0%/);
    expect(agents.stdout).toContain("SIMULATED");
    const costs = await cli(["metrics", "costs", "--json", "-C", project]);
    const doc = JSON.parse(costs.stdout);
    expect(doc.by_model.map((m: { model: string }) => m.model).sort()).toEqual([
      "claude-haiku-4-5",
      "claude-sonnet-4-6",
    ]);
    expect(doc.by_agent).toHaveLength(2);
  });

  // A real child process: the default export path depends on its working directory.
  it("export writes metrics-export.<ext> in the cwd and prints the path and row count", async () => {
    const cwd = tempProject();
    const r = await runCli(
      ["metrics", "export", "--format", "jsonl", "--since", "2026-11-20T12:00:02Z", "-C", project],
      {
        cwd,
      },
    );
    const out = join(cwd, "metrics-export.jsonl");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`wrote 2 executions to ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it("a missing --db, a corrupt database and a bad --since each exit 2 with one line", async () => {
    const cwd = tempProject();
    writeFileSync(join(cwd, "bad.duckdb"), "this is not a database ".repeat(200));
    const missing = await cli(["metrics", "summary", "--db", join(cwd, "nope.duckdb")]);
    const corrupt = await cli(["metrics", "agents", "--db", join(cwd, "bad.duckdb")]);
    const since = await cli(["metrics", "summary", "--since", "yesterday", "-C", cwd]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^claude-force: error: .*nope\.duckdb: metrics database not found/);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/bad\.duckdb: metrics database is not a valid DuckDB file/);
    for (const r of [missing, corrupt]) expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("invalid --since value 'yesterday'");
  });
});
