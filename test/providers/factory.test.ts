import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { redact } from "../../src/internal/redact.js";
import {
  AnthropicProvider,
  createProvider,
  OpenAIProvider,
  resolveProviderName,
  SimProvider,
} from "../../src/providers/index.js";

describe("resolveProviderName", () => {
  it("prefers the flag, then config, then an Anthropic key, else sim", () => {
    const env = { ANTHROPIC_API_KEY: "sk-ant-test-resolve-0000000" };
    expect(resolveProviderName({ flag: "openai", config: "sim", env })).toMatchObject({
      name: "openai",
      reason: "--provider flag",
    });
    expect(resolveProviderName({ config: "sim", env })).toMatchObject({ name: "sim", reason: "config file" });
    expect(resolveProviderName({ env })).toMatchObject({ name: "anthropic" });
    expect(resolveProviderName({ env: {} })).toMatchObject({ name: "sim" });
  });

  it("rejects an unknown name with a usage error listing the valid ones", () => {
    try {
      resolveProviderName({ flag: "gemini", env: {} });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClaudeForceError);
      const err = e as ClaudeForceError;
      expect(err.code).toBe("USAGE");
      expect(err.exitCode).toBe(2);
      expect(err.toLine()).toContain("sim | anthropic | openai");
      expect(err.toLine()).toContain("gemini");
    }
  });
});

describe("createProvider", () => {
  it("builds a sim provider with seed and time scale", async () => {
    const p = await createProvider({ name: "sim", seed: 3, timeScale: 0.1, env: {} });
    expect(p).toBeInstanceOf(SimProvider);
    expect(p.info).toEqual({ name: "sim", simulated: true, seed: 3, timeScale: 0.1 });
  });

  it("refuses anthropic without a key, with a hint", async () => {
    const err = await createProvider({ name: "anthropic", env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect(err).toMatchObject({ code: "PROVIDER", message: "ANTHROPIC_API_KEY is not set" });
    expect((err as ClaudeForceError).details.hint).toContain("--provider sim");
  });

  it("builds anthropic from the env key and base URL, and registers the key for redaction", async () => {
    const key = "sk-ant-test-factory-abcdefgh";
    const p = await createProvider({
      name: "anthropic",
      env: { ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: "http://127.0.0.1:9" },
    });
    expect(p).toBeInstanceOf(AnthropicProvider);
    expect(p.info).toEqual({ name: "anthropic", simulated: false, baseUrl: "http://127.0.0.1:9" });
    expect(redact(`key=${key}`)).not.toContain(key);
  });

  it("builds openai with an explicit base URL", async () => {
    const p = await createProvider({ name: "openai", baseUrl: "http://127.0.0.1:8000/v1", env: {} });
    expect(p).toBeInstanceOf(OpenAIProvider);
    expect(p.info.baseUrl).toBe("http://127.0.0.1:8000/v1");
  });

  it("turns invalid sim options into a usage error", async () => {
    await expect(createProvider({ name: "sim", timeScale: -1, env: {} })).rejects.toMatchObject({
      code: "USAGE",
    });
  });
});
