import { APIError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createFastFetch, type FastFetch } from "../../src/providers/fast-fetch.js";
import { OpenAIProvider, type ProviderRequest, withRetry } from "../../src/providers/index.js";
import { type FakeServer, fake, startFakeOpenAI } from "../helpers/fake-servers.js";

const KEY = "sk-test-openai-0123456789abcdefghij";
const req: ProviderRequest = {
  model: "llama3.2",
  system: "You are python-expert.",
  messages: [{ role: "user", content: "Explain list comprehensions" }],
  maxTokens: 128,
};
const quick = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

let server: FakeServer | null = null;
let fastFetch: FastFetch | null = null;
afterEach(async () => {
  fastFetch?.close();
  fastFetch = null;
  await server?.close();
  server = null;
});

// Both transports: the SDK's default (global fetch, web body) and fast fetch (node body).
describe.each(["global fetch", "fast fetch"] as const)(
  "OpenAIProvider on %s against a fake chat-completions server",
  (transport) => {
    async function provider(script: Parameters<typeof startFakeOpenAI>[0], apiKey?: string) {
      server = await startFakeOpenAI(script);
      fastFetch = transport === "fast fetch" ? createFastFetch() : null;
      return new OpenAIProvider({ baseUrl: server.url, apiKey, ...(fastFetch ? { fetch: fastFetch } : {}) });
    }

    it("streams text with usage from the final chunk, cached tokens as cache reads", async () => {
      const p = await provider([
        fake.ok(
          "A list comprehension builds a list.",
          { input: 40, output: 8, cacheRead: 10 },
          { firstTextDelayMs: 30 },
        ),
      ]);
      const r = await p.complete(req);
      expect(r.text).toBe("A list comprehension builds a list.");
      expect(r.usage).toEqual({ input: 40, output: 8, cacheRead: 10, cacheWrite5m: 0, cacheWrite1h: 0 });
      expect(r.stopReason).toBe("stop");
      expect(r.model).toBe("llama3.2");
      const t = r.timings;
      expect(t.start).toBeLessThanOrEqual(t.firstEvent!);
      expect(t.firstEvent!).toBeLessThanOrEqual(t.firstText!);
      expect(t.firstText! - t.start).toBeGreaterThanOrEqual(29);
      expect(t.end).toBeGreaterThanOrEqual(t.firstText!);

      const sent = server!.requests[0]!;
      expect(sent.path).toBe("/v1/chat/completions");
      expect(sent.body).toMatchObject({
        model: "llama3.2",
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 128,
        messages: [
          { role: "system", content: "You are python-expert." },
          { role: "user", content: "Explain list comprehensions" },
        ],
      });
      expect(String(sent.headers.authorization)).toBe("Bearer not-needed");
    });

    it("records unknown (null) tokens, not 0, when the server omits usage", async () => {
      const p = await provider([fake.omitUsage("no usage here")]);
      const r = await p.complete(req);
      expect(r.text).toBe("no usage here");
      expect(r.usage.input).toBeNull();
      expect(r.usage.output).toBeNull();
    });

    it("429 with retry-after is honoured, 503 retried", async () => {
      const p = await provider([fake.status(429, { retryAfterMs: 60 }), fake.status(503), fake.ok("ok")]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.result?.text).toBe("ok");
      expect(out.attempts.map((a) => a.errorType)).toEqual(["rate_limit", "server", null]);
      expect(out.attempts[1]!.backoffMs).toBeGreaterThanOrEqual(60);
    });

    it("a dropped stream is a connection error", async () => {
      const p = await provider([fake.drop("half an ans")]);
      await expect(p.complete(req)).rejects.toMatchObject({ kind: "connection" });
    });

    it("a stalled stream times out and an abort cancels, with the text so far timed", async () => {
      const p = await provider([fake.stall("partial ")]);
      const timedOut = await p.complete({ ...req, timeoutMs: 150 }).catch((e: unknown) => e);
      expect(timedOut).toMatchObject({ kind: "timeout" });
      expect((timedOut as { timings: { firstText: number | null } }).timings.firstText).not.toBeNull();
      const ac = new AbortController();
      const pending = p.complete({ ...req, signal: ac.signal });
      setTimeout(() => ac.abort(), 50);
      await expect(pending).rejects.toMatchObject({ kind: "cancelled" });
    });

    it("an in-stream error object is classified", async () => {
      const p = await provider([fake.streamError("server_error", "model crashed")]);
      const err = await p.complete(req).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "server" });
      expect((err as Error).cause).toBeInstanceOf(APIError);
    });

    it("401 is not retried and the key does not leak", async () => {
      const p = await provider([fake.status(401, { message: `Incorrect API key provided: ${KEY}` })], KEY);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.error?.kind).toBe("auth");
      expect(out.attempts).toHaveLength(1);
      expect(out.error?.message).not.toContain(KEY);
      expect(String(server!.requests[0]!.headers.authorization)).toBe(`Bearer ${KEY}`);
    });

    it("a quota 429 is a spend limit and not retried", async () => {
      const p = await provider([
        fake.status(429, { type: "insufficient_quota", message: "You exceeded your current quota" }),
      ]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.error?.kind).toBe("spend_limit");
      expect(out.attempts).toHaveLength(1);
    });

    it("defaults to the local Ollama endpoint", () => {
      const saved = process.env.OPENAI_BASE_URL;
      delete process.env.OPENAI_BASE_URL;
      try {
        expect(new OpenAIProvider().info).toEqual({
          name: "openai",
          simulated: false,
          baseUrl: "http://127.0.0.1:11434/v1",
        });
      } finally {
        if (saved !== undefined) process.env.OPENAI_BASE_URL = saved;
      }
    });
  },
);
