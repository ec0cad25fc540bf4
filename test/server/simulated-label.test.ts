import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import { type MockServer, startMockServer } from "../../src/server/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ seed: 1, timeScale: 0.01 });
});
afterAll(async () => {
  await server.close();
});

describe("a run against the mock server is labelled simulated", () => {
  it("marks the provider and every record simulated once the server says so", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-test-simulated-label-0000");
    const runtime = await createRuntime({
      project: mkdtempSync(join(tmpdir(), "cf-simlabel-")),
      command: "test",
      provider: "anthropic",
      baseUrl: server.url,
      track: false,
    });
    try {
      expect(runtime.providerInfo.simulated).toBe(false); // nothing known before the first response
      const r = await runtime.orchestrator.executeAgent("python-expert", "Explain generators");
      expect(r.success).toBe(true);
      expect(r.record.simulated).toBe(true);
      expect(runtime.providerInfo.simulated).toBe(true);
    } finally {
      await runtime.close();
      vi.unstubAllEnvs();
    }
  });
});
