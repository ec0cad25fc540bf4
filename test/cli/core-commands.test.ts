import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/run-cli.js";

const FAST = ["--time-scale", "0.01", "--seed", "7"];

describe("claude-force core commands (sim provider, fresh project, no key)", () => {
  it("run: prints the simulated banner, the model choice and the output", async () => {
    const r = await runCli(["run", "python-expert", "Explain list comprehensions in Python", ...FAST]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/provider: sim \(SIMULATED/);
    expect(r.stdout).toContain("python-expert");
    expect(r.stdout).toMatch(/claude-(haiku|sonnet|opus)/);
    expect(r.stdout).toMatch(/✓ .* tokens/);
  });

  it("run --json: machine-readable result, banner on stderr", async () => {
    const r = await runCli([
      "run",
      "python-expert",
      "Explain list comprehensions in Python",
      "--json",
      ...FAST,
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.success).toBe(true);
    expect(doc.provider.simulated).toBe(true);
    expect(doc.usage.output).toBeGreaterThan(0);
    expect(doc.record.agent).toBe("python-expert");
    expect(r.stderr).toMatch(/SIMULATED/);
  });

  it("workflow run: runs every step of code-quality-check in order", async () => {
    const r = await runCli(["workflow", "run", "code-quality-check", "def add(a, b): return a + b", ...FAST]);
    expect(r.code).toBe(0);
    const steps = r.stdout.match(/Step \d\/\d/g) ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[0]).toBe(`Step 1/${steps.length}`);
  });

  it("unknown agent: one clear line, exit 2, no stack trace", async () => {
    const r = await runCli(["run", "pyhton-expert", "x", ...FAST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claude-force: error: .*pyhton-expert/);
    expect(r.stderr).toContain("python-expert"); // did-you-mean
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("unknown workflow and unknown model exit 2", async () => {
    expect((await runCli(["workflow", "run", "nope", "x", ...FAST])).code).toBe(2);
    const m = await runCli(["run", "python-expert", "x", "--model", "gpt5x", ...FAST]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/gpt5x/);
  });

  it("a bad config value names the file and the key, exit 2; --debug shows the stack", async () => {
    const dir = tempProject();
    writeFileSync(join(dir, "claude-force.config.yaml"), "provider: sim\ntracking:\n  enabled: maybe\n");
    const r = await runCli(["run", "python-expert", "x", ...FAST], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("claude-force.config.yaml");
    expect(r.stderr).toContain("tracking.enabled");
    const d = await runCli(["run", "python-expert", "x", "--debug", ...FAST], { cwd: dir });
    expect(d.stderr).toMatch(/\n\s+at /);
  });

  it("a malformed project agent file gives a clear error when used", async () => {
    const dir = tempProject();
    mkdirSync(join(dir, ".claude", "agents"), { recursive: true });
    writeFileSync(
      join(dir, ".claude", "agents", "broken.md"),
      "---\nname: broken\ndescription: [unclosed\n---\nbody\n",
    );
    const r = await runCli(["run", "broken", "x", ...FAST], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("broken.md");
  });

  it("pick and route answer without calling a model", async () => {
    const p = await runCli(["pick", "Design a REST API for a todo application", "--json"]);
    expect(p.code).toBe(0);
    const ranked = JSON.parse(p.stdout);
    const first = Array.isArray(ranked) ? ranked[0] : ranked.results?.[0];
    expect(first.agent).toBe("api-designer");
    const r = await runCli(["route", "Fix the typo in the README heading", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tier).toBe("haiku");
  });

  it("metrics summary reads what run recorded", async () => {
    const dir = tempProject();
    expect((await runCli(["run", "python-expert", "Explain decorators", ...FAST], { cwd: dir })).code).toBe(
      0,
    );
    const s = await runCli(["metrics", "summary", "--json"], { cwd: dir });
    expect(s.code).toBe(0);
    const doc = JSON.parse(s.stdout);
    expect(JSON.stringify(doc)).toMatch(/"total_executions":\s*1\b/);
  });

  it("--help works for every command", async () => {
    for (const cmd of [
      "run",
      "workflow",
      "agents",
      "pick",
      "route",
      "bench",
      "report",
      "history",
      "metrics",
    ]) {
      const r = await runCli([cmd, "--help"]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Usage: claude-force/);
    }
  });
});
