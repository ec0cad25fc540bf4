/**
 * Keeps the harness performance suite (`npm run perf`, not run in CI) from rotting: one benchmark
 * in quick mode on the sources must still produce a complete, finite result. Targets are not
 * asserted: this machine's load is not under the test's control.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLib } from "../../perf/lib.js";
import { machineInfo } from "../../perf/machine.js";
import { openloop } from "../../perf/openloop.js";
import { renderPerformanceDoc } from "../../perf/report.js";

const root = resolve(import.meta.dirname, "../..");
const workDir = mkdtempSync(join(tmpdir(), "cf-perf-smoke-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("perf suite smoke", () => {
  it("runs the open-loop benchmark in quick mode and reports its numbers", async () => {
    const lib = await loadLib(root, "src");
    const lines: string[] = [];
    const result = await openloop.run({ quick: true, workDir, root, lib, log: (l) => lines.push(l) });
    expect(result.error).toBeUndefined();
    expect(result.id).toBe("openloop");
    expect(result.metrics.length).toBeGreaterThanOrEqual(3);
    for (const m of result.metrics) {
      expect(Number.isFinite(m.measured)).toBe(true);
      expect(m.measured).toBeGreaterThanOrEqual(0);
      if (m.target !== null) expect(typeof m.pass).toBe("boolean");
    }
    // About 1,000/s: proof the schedule ran, not a target check.
    const rate = result.metrics.find((m) => m.name === "achieved arrival rate")!;
    expect(rate.measured).toBeGreaterThan(500);
    expect(lines.some((l) => l.includes("achieved"))).toBe(true);

    const doc = renderPerformanceDoc(
      [{ ...result, timestamp: new Date().toISOString(), quick: true, machine: machineInfo() }],
      ["openloop"],
    );
    expect(doc).toContain("| CPU |");
    expect(doc).toMatch(/\| queue wait p99 \| < 5 ms \| [\d.]+ ms \|/);
  }, 30_000);
});
