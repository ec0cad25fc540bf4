import { APIError } from "@anthropic-ai/sdk";
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages/messages.js";
import { afterEach, describe, expect, it } from "vitest";
import { createFastFetch, type FastFetch } from "../../src/providers/fast-fetch.js";
import { AnthropicProvider, type ProviderRequest, withRetry } from "../../src/providers/index.js";
import { type FakeServer, fake, startFakeAnthropic } from "../helpers/fake-servers.js";

const KEY = "sk-ant-test-0123456789abcdefghij";
const req: ProviderRequest = {
  model: "claude-sonnet-4-5",
  system: "You are code-reviewer.",
  messages: [{ role: "user", content: "Review: def add(a, b): return a + b" }],
  maxTokens: 256,
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
  "AnthropicProvider on %s against a fake Messages API",
  (transport) => {
    const newProvider = (baseUrl: string) => {
      fastFetch = transport === "fast fetch" ? createFastFetch() : null;
      return new AnthropicProvider({ apiKey: KEY, baseUrl, ...(fastFetch ? { fetch: fastFetch } : {}) });
    };
    async function provider(script: Parameters<typeof startFakeAnthropic>[0]) {
      server = await startFakeAnthropic(script);
      return newProvider(server.url);
    }

    it("streams text, usage (incl. cache split) and ordered timings", async () => {
      const p = await provider([
        fake.ok(
          "Looks good. Add type hints.",
          { input: 120, output: 9, cacheRead: 2000, cacheWrite5m: 100, cacheWrite1h: 50 },
          {
            model: "claude-sonnet-4-5-20250929",
            firstTextDelayMs: 30,
            chunks: 4,
          },
        ),
      ]);
      const r = await p.complete(req);
      expect(r.text).toBe("Looks good. Add type hints.");
      expect(r.model).toBe("claude-sonnet-4-5-20250929");
      expect(r.stopReason).toBe("end_turn");
      expect(r.usage).toEqual({
        input: 120,
        output: 9,
        cacheRead: 2000,
        cacheWrite5m: 100,
        cacheWrite1h: 50,
      });
      const t = r.timings;
      expect(t.firstEvent).not.toBeNull();
      expect(t.firstText).not.toBeNull();
      expect(t.start).toBeLessThanOrEqual(t.firstEvent!);
      expect(t.firstEvent!).toBeLessThanOrEqual(t.firstText!);
      // The fake waits 30 ms after message_start before the first text delta, so TTFT >= 30 ms.
      expect(t.firstText! - t.start).toBeGreaterThanOrEqual(29);
      expect(t.end).toBeGreaterThanOrEqual(t.firstText!);

      const sent = server!.requests[0]!;
      expect(sent.path).toBe("/v1/messages");
      expect(sent.body).toMatchObject({
        model: "claude-sonnet-4-5",
        max_tokens: 256,
        stream: true,
        system: "You are code-reviewer.",
      });
      expect(JSON.stringify(sent.headers)).toContain(KEY); // sent to the server, as auth
      expect(p.info).toMatchObject({ name: "anthropic", simulated: false, baseUrl: server!.url });
    });

    it("ignores unknown event types and treats absent cache counts as zero", async () => {
      const p = await provider([fake.ok("abc def", { input: 5, output: 2 }, { unknownEvent: true })]);
      const r = await p.complete(req);
      expect(r.text).toBe("abc def");
      expect(r.usage).toEqual({ input: 5, output: 2, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 });
    });

    it("keeps token counts unknown (null) when the stream reports none", async () => {
      const p = await provider([fake.omitUsage("no counts")]);
      const r = await p.complete(req);
      expect(r.usage.input).toBeNull();
      expect(r.usage.output).toBeNull();
    });

    it("429 with retry-after is classified and honoured by withRetry", async () => {
      const p = await provider([fake.status(429, { retryAfter: 0.08 }), fake.ok("done")]);
      const out = await withRetry((_, signal) => p.complete({ ...req, signal }), quick);
      expect(out.result?.text).toBe("done");
      expect(out.attempts.map((a) => a.errorType)).toEqual(["rate_limit", null]);
      expect(out.attempts[0]?.status).toBe(429);
      expect(out.attempts[1]!.backoffMs).toBeGreaterThanOrEqual(80);
      expect(out.attempts[1]!.startOffsetMs).toBeGreaterThanOrEqual(80);
      expect(server!.requests).toHaveLength(2); // the SDK itself did not retry
    });

    it("529 is overloaded and retried", async () => {
      const p = await provider([fake.status(529), fake.status(529), fake.ok("finally")]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.result?.text).toBe("finally");
      expect(out.attempts.map((a) => a.errorType)).toEqual(["overloaded", "overloaded", null]);
    });

    it("an in-stream overloaded_error event is classified and retried", async () => {
      const p = await provider([fake.streamError("overloaded_error", "Overloaded", "par"), fake.ok("ok")]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.attempts.map((a) => a.errorType)).toEqual(["overloaded", null]);
      expect(out.attempts[0]?.ttftMs).not.toBeNull(); // text had started before the error
    });

    it("a stream dropped mid-way is a connection error", async () => {
      const p = await provider([fake.drop("partial ")]);
      await expect(p.complete(req)).rejects.toMatchObject({ kind: "connection" });
    });

    it("a stalled stream times out (retryable) and an abort cancels", async () => {
      const p = await provider([fake.stall("partial ")]);
      await expect(p.complete({ ...req, timeoutMs: 150 })).rejects.toMatchObject({ kind: "timeout" });
      const ac = new AbortController();
      const pending = p.complete({ ...req, signal: ac.signal });
      setTimeout(() => ac.abort(), 50);
      await expect(pending).rejects.toMatchObject({ kind: "cancelled" });
    });

    it("401 is auth and not retried; the key never appears in the error", async () => {
      const p = await provider([fake.status(401, { message: `invalid x-api-key ${KEY}` })]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.error?.kind).toBe("auth");
      expect(out.attempts).toHaveLength(1);
      expect(out.error?.message).not.toContain(KEY);
      expect(JSON.stringify(out.attempts)).not.toContain(KEY);
    });

    it("a spend-limit 429 is not retried", async () => {
      const p = await provider([
        fake.status(429, {
          retryAfter: 0,
          message: "You have reached your specified workspace API usage limits (spend limit)",
        }),
      ]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.error?.kind).toBe("spend_limit");
      expect(out.attempts).toHaveLength(1);
      expect(server!.requests).toHaveLength(1);
    });

    it("400 is invalid_request and not retried", async () => {
      const p = await provider([fake.status(400, { message: "max_tokens: must be positive" })]);
      const out = await withRetry(() => p.complete(req), quick);
      expect(out.error?.kind).toBe("invalid_request");
      expect(out.attempts).toHaveLength(1);
    });

    it("an unreachable server is a connection error", async () => {
      const s = await startFakeAnthropic([fake.ok("x")]);
      const url = s.url;
      await s.close();
      const p = newProvider(url);
      await expect(p.complete(req)).rejects.toMatchObject({ kind: "connection" });
    });

    it("hands each event to the observer with its arrival time", async () => {
      const p = await provider([fake.ok("one two three", { input: 3, output: 3 }, { chunks: 3 })]);
      const seen: Array<[RawMessageStreamEvent["type"], number]> = [];
      const r = await p.stream(req, (event, at) => seen.push([event.type, at]));
      expect(seen.map(([type]) => type)).toEqual([
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_delta",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
      ]);
      const times = seen.map(([, at]) => at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(r.timings.firstEvent);
      expect(times[2]).toBe(r.timings.firstText);
    });

    it("an in-stream error event surfaces as the SDK's APIError, classified", async () => {
      const p = await provider([fake.streamError("api_error", "Internal server error")]);
      const err = await p.complete(req).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "server", status: null });
      expect((err as Error).message).toContain("Internal server error");
      expect((err as Error).cause).toBeInstanceOf(APIError);
      expect((err as Error).cause).toMatchObject({ type: "api_error" });
    });
  },
);
