import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkAgent } from "../../src/bench/agent.js";
import { readResults } from "../../src/bench/results-writer.js";
import { ClaudeForceError } from "../../src/errors.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import type { Provider, ProviderResult } from "../../src/providers/types.js";

/** Each call takes `ms`, and honours cancellation like a real provider. */
function sleepyProvider(ms: number): Provider {
  return {
    info: { name: "sim", simulated: true, timeScale: 1 },
    async complete(req): Promise<ProviderResult> {
      const start = performance.now();
      await sleep(ms, undefined, { signal: req.signal });
      const end = performance.now();
      return {
        text: "done",
        usage: { input: 10, output: 5, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
        timings: { start, firstEvent: start, firstText: start + 1, end },
        model: req.model,
        stopReason: "end_turn",
      };
    },
  };
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-results-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("results files", () => {
  it("appends each execution to the JSONL as it finishes, then writes the document and latest.json", async () => {
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: sleepyProvider(2),
      track: false,
    });
    const out = join(dir, "a");
    const seen: number[] = [];
    try {
      const doc = await benchmarkAgent(rt, "python-expert", "Explain generators", {
        iterations: 4,
        outputDir: out,
        // The line for an execution is on disk before anyone hears of it.
        onExecution: () => seen.push(lines(join(out, `${rt.runId}.executions.jsonl`)).length),
      });
      expect(seen).toEqual([1, 2, 3, 4]);
      expect(doc.run.incomplete).toBe(false);
      const written = readResults(join(out, `${doc.run.id}.json`));
      expect(written.scenarios[0]!.summary.executions).toBe(4);
      expect(readResults(join(out, "latest.json")).run.id).toBe(doc.run.id);
    } finally {
      await rt.close();
    }
  });

  it("writes a partial document marked incomplete when the run is aborted", async () => {
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: sleepyProvider(20),
      track: false,
    });
    const out = join(dir, "b");
    const ac = new AbortController();
    let done = 0;
    try {
      const doc = await benchmarkAgent(rt, "python-expert", "Explain generators", {
        iterations: 50,
        // Two in flight, so the abort lands while an execution is running.
        concurrency: 2,
        outputDir: out,
        signal: ac.signal,
        onIteration: () => {
          if (++done === 3) ac.abort(new Error("interrupted"));
        },
      });
      expect(doc.run.incomplete).toBe(true);
      const onDisk = readResults(join(out, `${doc.run.id}.json`));
      expect(onDisk.run.incomplete).toBe(true);
      // What finished is kept; the execution cancelled by the abort is in the JSONL but is no failure.
      const s = onDisk.scenarios[0]!.summary;
      expect(s.executions).toBeGreaterThanOrEqual(3);
      expect(s.executions).toBeLessThan(50);
      expect(s).toMatchObject({ successes: s.executions, failures: 0 });
      const jsonl = lines(join(out, `${doc.run.id}.executions.jsonl`)).map((l) => JSON.parse(l));
      expect(jsonl.length).toBeGreaterThanOrEqual(s.executions);
      expect(jsonl.filter((l) => l.errorType === "cancelled").length).toBe(jsonl.length - s.executions);
    } finally {
      await rt.close();
    }
  });

  it("readResults explains a missing file, bad JSON and a foreign schema version", () => {
    const bad = join(dir, "bad.json");
    const old = join(dir, "old.json");
    writeFileSync(bad, "{ not json");
    writeFileSync(old, JSON.stringify({ timestamp: "x", scenarios: [] }));
    const err = (f: string) => {
      try {
        readResults(f);
      } catch (e) {
        return e as ClaudeForceError;
      }
      throw new Error("expected an error");
    };
    expect(err(join(dir, "missing.json"))).toMatchObject({
      code: "INPUT",
      message: "results file not found",
    });
    expect(err(bad).message).toMatch(/^results file is not valid JSON/);
    const v = err(old);
    expect(v).toBeInstanceOf(ClaudeForceError);
    expect(v.message).toMatch(/guide-format results file has no run metadata/);
    writeFileSync(old, JSON.stringify({ schemaVersion: 99, run: {}, scenarios: [] }));
    expect(err(old).details).toMatchObject({ keyPath: "schemaVersion", expected: "1", found: "99" });
  });
});
