import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { makeResultsDocument } from "./fixture.js";

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-report-cli-"));
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(["node", "claude-force", "-C", dir, ...args]);

async function saveRun(
  runId: string,
  startedAt: string,
  opts: { latencyFactor?: number } = {},
): Promise<string> {
  const doc = makeResultsDocument({ runId, startedAt, scenarios: 3, executionsPerScenario: 60, ...opts });
  const file = join(dir, "benchmarks", "results", `${runId}.json`);
  await mkdir(join(dir, "benchmarks", "results"), { recursive: true });
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe("claude-force report", () => {
  it("fails with one clear line and exit 2 when the input is missing or corrupt", async () => {
    expect(await run("report")).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/latest\.json: results file not found\. run `claude-force bench` first/);
    stderr = "";
    const bad = join(dir, "bad.json");
    await writeFile(bad, "{ nope");
    expect(await run("report", bad, "--format", "md")).toBe(2);
    expect(stderr).toMatch(/bad\.json: results file is not valid JSON/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("writes dashboard.html beside the results by default, with the runs in the folder as history", async () => {
    await saveRun("run-1", "2026-11-20T10:00:00.000Z");
    const latest = await saveRun("run-2", "2026-11-21T10:00:00.000Z");
    expect(await run("report", latest)).toBe(0);
    const html = join(dir, "benchmarks", "results", "dashboard.html");
    expect(stdout).toContain(`wrote html report for run run-2 (SIMULATED provider): ${html}`);
    const text = await readFile(html, "utf8");
    const data = JSON.parse(
      /<script type="application\/json" id="cf-data">([\s\S]*?)<\/script>/.exec(text)![1]!,
    );
    expect(data.history.map((h: { runId: string }) => h.runId)).toEqual(["run-1", "run-2"]);
  });

  it("prints Markdown, JUnit and CSV on stdout, or writes them with --out (JSON note with --json)", async () => {
    const file = await saveRun("run-1", "2026-11-20T10:00:00.000Z");
    expect(await run("report", file, "--format", "md")).toBe(0);
    expect(stdout).toContain("| Scenario | Success Rate | Avg Time | P95 | Cost |");
    stdout = "";
    expect(await run("report", file, "--format", "junit")).toBe(0);
    expect(stdout).toMatch(/^<\?xml/);
    stdout = "";
    expect(await run("report", file, "--format", "csv")).toBe(0);
    expect(stdout.split("\r\n")[0]).toMatch(/^scenario,iteration,/);
    expect(stdout.split("\r\n").filter(Boolean)).toHaveLength(3 * 60 + 1);
    stdout = "";
    const out = join(dir, "nested", "report.xml");
    expect(await run("report", file, "--format", "junit", "--out", out, "--json")).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: "junit", file: out, runId: "run-1" });
    expect(existsSync(out)).toBe(true);
    stdout = "";
    expect(await run("report", file, "--json")).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: "html", runId: "run-1" });
    stdout = "";
    expect(await run("report", file, "--format", "pdf")).toBe(2);
  });

  it("includes the baseline diff with --baseline", async () => {
    const base = await saveRun("run-1", "2026-11-20T10:00:00.000Z");
    const cur = await saveRun("run-2", "2026-11-21T10:00:00.000Z", { latencyFactor: 1.6 });
    expect(await run("report", cur, "--format", "md", "--baseline", base)).toBe(0);
    expect(stdout).toContain("### Against baseline `run-1`: ❌ failed");
    expect(stdout).toMatch(/▲ \+\d+\.\d%/);
  });
});

describe("claude-force history", () => {
  it("lists runs over time as a table and as JSON", async () => {
    await saveRun("run-1", "2026-11-20T10:00:00.000Z");
    await saveRun("run-2", "2026-11-21T10:00:00.000Z");
    await writeFile(join(dir, "benchmarks", "results", "junk.json"), "[]");
    expect(await run("history")).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^date\s+run\s+provider\s+executions\s+success\s+p50\s+p95\s+cost\s+commit$/);
    expect(lines[2]).toMatch(/^2026-11-20 10:00:00\s+run-1\s+sim \(SIMULATED\)\s+180\s+/);
    expect(stderr).toMatch(/warning: skipping .*junk\.json/);
    stdout = "";
    expect(await run("history", "--last", "1", "--json")).toBe(0);
    const runs = JSON.parse(stdout);
    expect(runs.map((r: { runId: string }) => r.runId)).toEqual(["run-2"]);
    expect(runs[0]).toMatchObject({ simulated: true, executions: 180 });
    stdout = "";
    expect(await run("history", "--dir", join(dir, "empty"))).toBe(0);
    expect(stdout).toMatch(/no saved runs in .*empty/);
  });
});
