/** Redis unavailable: one clear error line within a few seconds, from the library and from the CLI. */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDistributed } from "../../src/distributed/index.js";
import { ClaudeForceError } from "../../src/errors.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import { runCli } from "../helpers/run-cli.js";
import { mixedPlan, tempProject } from "./helpers.js";
import { freePort } from "./redis-server.js";

let project: string;
let url: string;
beforeAll(async () => {
  project = await tempProject();
  url = `redis://127.0.0.1:${await freePort()}/0`; // nothing listens there
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("Redis unavailable", () => {
  it("runDistributed fails fast with a PROVIDER error naming the URL and the cause", async () => {
    const rt = await createRuntime({ project, command: "bench", provider: "sim", seed: 1, track: false });
    const t0 = performance.now();
    try {
      const err = await runDistributed(rt, mixedPlan(rt.runId, 2, 0), { queueUrl: url }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ClaudeForceError);
      expect((err as ClaudeForceError).code).toBe("PROVIDER");
      expect((err as ClaudeForceError).message).toBe(`cannot reach Redis at ${url}: ECONNREFUSED`);
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      await rt.close();
    }
  });

  it("claude-force worker exits 3 with one error line, no reconnect noise", async () => {
    const r = await runCli(["worker", "--queue", url], { cwd: project });
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^claude-force: error: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0: ECONNREFUSED/,
    );
  });

  it("a malformed queue URL is a usage error", async () => {
    const r = await runCli(["worker", "--queue", "http://example.invalid"], { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad queue URL \(expected redis:\/\/host:6379\/0/);
  });
});
