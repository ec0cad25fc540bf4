import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const out = mkdtempSync(join(tmpdir(), "cf-profile-cmd-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("claude-force profile", () => {
  it("runs the wrapped command, keeps its exit code, and reports the profile as JSON", async () => {
    const r = await runCli([
      "profile",
      "--cpu",
      "--heap",
      "--out",
      out,
      "--name",
      "wrapped",
      "--json",
      "--",
      "run",
      "code-reviewer",
      "Review: def f(x): return x",
      "--provider",
      "sim",
      "--time-scale",
      "0.001",
      "--no-track",
    ]);
    expect(r.code).toBe(0);
    // The wrapped command's own output comes first; the profile document is the last JSON value.
    expect(r.stdout).toContain("SIMULATED");
    const doc = JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('\n{\n  "command"') + 1));
    expect(doc.command).toEqual(expect.arrayContaining(["run", "code-reviewer"]));
    expect(doc.exitCode).toBe(0);
    expect(doc.profile.name).toBe("wrapped");
    for (const f of ["cpuprofile", "flamegraph", "heapprofile"])
      expect(existsSync(doc.profile.files[f])).toBe(true);
    expect(doc.profile.peakRssMb).toBeGreaterThan(0);
  }, 20_000);

  it("passes a failing command's exit code through", async () => {
    const r = await runCli([
      "profile",
      "--out",
      out,
      "--",
      "run",
      "no-such-agent",
      "task",
      "--provider",
      "sim",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-agent/);
    expect(r.stderr).toMatch(/profile .*ms wall/);
  }, 20_000);
});
