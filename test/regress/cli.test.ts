import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { compareAfterRun, registerRegressionCommands } from "../../src/cli/commands/bench-compare.js";
import { reportError } from "../../src/cli/main.js";
import { makeResults, withScenario } from "./fixture.js";

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-compare-"));
  stdout = "";
  stderr = "";
  vi.stubEnv("NO_COLOR", "1");
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

const baseline = makeResults({ seed: 1 });
const regressed = makeResults({ ...withScenario({}, "medium_task", { slowdown: 1.6 }), seed: 2 });

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** A program shaped like the real one: global --project, a `bench` command, our subcommands. */
async function cli(...args: string[]): Promise<number> {
  const program = new Command("claude-force").exitOverride().option("-C, --project <dir>", "project", dir);
  const bench = program.command("bench").exitOverride();
  registerRegressionCommands(bench);
  try {
    await program.parseAsync(["node", "claude-force", ...args]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return reportError(err, false);
  }
}

describe("compareAfterRun", () => {
  it("returns 0 without a regression and prints the table", async () => {
    const file = await writeJson("baseline.json", baseline);
    expect(await compareAfterRun(makeResults({ seed: 4 }), file, { config: {} })).toBe(0);
    expect(stdout).toMatch(/scenario\s+metric\s+baseline\s+current\s+change\s+threshold\s+verdict/);
    expect(stdout).toMatch(/SIMULATED/);
    expect(stdout).toMatch(/result: no regressions/);
  });

  it("returns 1 on a regression, with the p-value in the verdict", async () => {
    const file = await writeJson("baseline.json", baseline);
    expect(await compareAfterRun(regressed, file, { config: {} })).toBe(1);
    expect(stdout).toMatch(/medium_task\s+mean_time_ms.*REGRESSED \(p<0\.001, r=\d\.\d\d\)/);
    expect(stdout).toMatch(/result: 1 regression/);
  });

  it("returns 1 on a budget failure from the config", async () => {
    const file = await writeJson("baseline.json", baseline);
    const code = await compareAfterRun(baseline, file, {
      config: { budgets: { simple_task: { p95_ms: "< 100" } } },
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/BUDGET FAILED/);
  });

  it("keeps stdout free when the caller prints JSON", async () => {
    const file = await writeJson("baseline.json", baseline);
    expect(await compareAfterRun(regressed, file, { config: {}, json: true })).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/REGRESSED/);
  });

  it("input errors are thrown (exit 2): missing baseline, mismatched runs", async () => {
    const missing = compareAfterRun(baseline, join(dir, "none.json"), { config: {} });
    await expect(missing).rejects.toMatchObject({ code: "INPUT", exitCode: 2 });
    const file = await writeJson("baseline.json", baseline);
    const other = makeResults({ seed: 1, timeScale: 1 });
    await expect(compareAfterRun(other, file, { config: {} })).rejects.toMatchObject({ code: "USAGE" });
    expect(await compareAfterRun(other, file, { config: {}, allowMismatch: true })).toBe(0);
    expect(stdout).toMatch(/warning: not comparable: time scale: baseline 50, current 1/);
  });
});

describe("bench compare / bench baseline save", () => {
  it("saves a baseline then compares against it (exit 0)", async () => {
    const results = await writeJson("latest.json", baseline);
    const out = join(dir, "benchmarks", "baseline.json");
    expect(await cli("bench", "baseline", "save", results, "--out", out)).toBe(0);
    expect(stdout).toMatch(/baseline saved: .*baseline\.json \(run run-1, 3 scenarios/);
    const current = await writeJson("current.json", makeResults({ seed: 8 }));
    expect(await cli("bench", "compare", current, "--baseline", out)).toBe(0);
  });

  it("exits 1 on a regression and writes Markdown for a PR comment", async () => {
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson("current.json", regressed);
    const md = join(dir, "comparison.md");
    expect(await cli("bench", "compare", current, "--baseline", base, "--format", "md", "--out", md)).toBe(1);
    const text = await readFile(md, "utf8");
    expect(text.startsWith("<!-- claude-force-benchmark -->\n## Performance benchmark comparison")).toBe(
      true,
    );
    expect(text).toMatch(/\*\*❌ 1 regression\*\*/);
    expect(text).toMatch(/> \*\*Simulated run\*\*/);
    expect(text).toMatch(/\| medium_task \| `mean_time_ms` \| .* \| ❌ REGRESSED \(p<0\.001/);
    // The terminal still shows the table.
    expect(stdout).toMatch(/REGRESSED/);
  });

  it("writes JUnit with one failure per regression", async () => {
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson("current.json", regressed);
    const xml = join(dir, "junit.xml");
    expect(
      await cli("bench", "compare", current, "--baseline", base, "--format", "junit", "--out", xml),
    ).toBe(1);
    const text = await readFile(xml, "utf8");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(text.match(/<testcase /g)).toHaveLength(9);
    expect(text.match(/<failure /g)).toHaveLength(1);
    expect(text).toMatch(
      /<testcase classname="claude-force.medium_task" name="mean_time_ms &gt; 1.15x" time="0">\s*<failure type="regressed"/,
    );
    expect(text).toMatch(/<testsuites name="claude-force regression" tests="9" failures="1" skipped="0">/);
  });

  it("--json prints the Comparison document", async () => {
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson("current.json", regressed);
    expect(await cli("bench", "compare", current, "--baseline", base, "--json")).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.regressions).toBe(1);
    expect(doc.passed).toBe(false);
    expect(doc.rows).toHaveLength(9);
  });

  it("--strict and --alpha reach the comparison", async () => {
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson("current.json", makeResults({ seed: 3 }));
    expect(
      await cli("bench", "compare", current, "--baseline", base, "--strict", "--alpha", "0.01", "--json"),
    ).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.strict).toBe(true);
    expect(doc.alpha).toBe(0.01);
  });

  it("reads budgets and rules from the project's config file", async () => {
    await writeFile(
      join(dir, "claude-force.config.yaml"),
      "regression:\n  alpha: 0.1\n  rules:\n    default:\n      mean_time_ms: 3\nbudgets:\n  complex_task:\n    p95_ms: '< 1000'\n",
    );
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson("current.json", regressed);
    expect(await cli("bench", "compare", current, "--baseline", base, "--json")).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.alpha).toBe(0.1);
    expect(doc.regressions).toBe(0);
    expect(doc.budgetFailures).toBe(1);
  });

  it("a bad budget in the config is a CONFIG error naming file and line (exit 2)", async () => {
    await writeFile(join(dir, "claude-force.config.yaml"), "budgets:\n  simple_task:\n    p95_ms: 5000\n");
    const base = await writeJson("baseline.json", baseline);
    expect(await cli("bench", "compare", base, "--baseline", base)).toBe(2);
    expect(stderr).toMatch(
      /claude-force\.config\.yaml:3: budgets\.simple_task\.p95_ms: budget must be a comparison/,
    );
  });

  it("usage and input errors exit 2 with one clear line", async () => {
    const results = await writeJson("latest.json", baseline);
    expect(await cli("bench", "compare", results, "--baseline", join(dir, "missing.json"))).toBe(2);
    expect(stderr).toMatch(/missing\.json: baseline file not found.*claude-force bench baseline save/);
    expect(await cli("bench", "compare", results, "--alpha", "2")).toBe(2);
    const legacy = await writeJson("legacy.json", { scenarios: [{ name: "a", summary: {} }] });
    expect(await cli("bench", "compare", legacy, "--baseline", results)).toBe(2);
    expect(stderr).toMatch(/results file has no run metadata/);
  });

  it("mismatched runs are refused (exit 2) unless --allow-mismatch", async () => {
    const base = await writeJson("baseline.json", baseline);
    const current = await writeJson(
      "current.json",
      makeResults({ seed: 1, provider: "anthropic", simulated: false }),
    );
    expect(await cli("bench", "compare", current, "--baseline", base)).toBe(2);
    expect(stderr).toMatch(/runs are not comparable: provider: baseline sim, current anthropic/);
    expect(await cli("bench", "compare", current, "--baseline", base, "--allow-mismatch")).toBe(0);
  });
});
