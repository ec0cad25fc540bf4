/**
 * The fault matrix: for each fault the mock server can inject, N requests through the real SDK
 * providers wrapped in withRetry. Faults hit requests 1..10 (a schedule, so counts are exact);
 * retries arrive later and succeed. Nothing may be lost, and every failed attempt must carry the
 * right error kind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFastFetch, type FastFetch } from "../../src/providers/fast-fetch.js";
import { createProvider } from "../../src/providers/index.js";
import { withRetry } from "../../src/providers/retry.js";
import type { ErrorKind, Provider, ProviderName, ProviderRequest } from "../../src/providers/types.js";
import { type MockServer, startMockServer } from "../../src/server/index.js";

const N = 20;
const FAULTED = 10;
const TIME_SCALE = 0.002; // a typical reply takes ~10 ms of wall clock
const KEYS = { anthropic: "sk-ant-test-faultmatrix-0123456789", openai: "sk-test-faultmatrix-0123456789" };

interface Case {
  name: string;
  faults: string;
  /** Kind every failed attempt must have; null when the fault must not fail a request. */
  kind: ErrorKind | null;
  timeoutMs?: number;
}

const CASES: Case[] = [
  { name: "429 with retry-after", faults: `429:req=1-${FAULTED}@150ms`, kind: "rate_limit" },
  { name: "529 overloaded", faults: `529:req=1-${FAULTED}`, kind: "overloaded" },
  { name: "500", faults: `500:req=1-${FAULTED}`, kind: "server" },
  { name: "in-stream overloaded_error", faults: `error:req=1-${FAULTED}@overloaded`, kind: "overloaded" },
  { name: "in-stream api_error", faults: `error:req=1-${FAULTED}@api`, kind: "server" },
  { name: "connection reset mid-stream", faults: `reset:req=1-${FAULTED}`, kind: "connection" },
  { name: "stalled stream", faults: `stall:req=1-${FAULTED}@forever`, kind: "timeout", timeoutMs: 1000 },
  { name: "malformed SSE", faults: `malformed:req=1-${FAULTED}`, kind: "stream" },
  { name: "slow first byte", faults: `slow-first-byte:req=1-${FAULTED}@300ms`, kind: null },
];

const REQUEST: ProviderRequest = {
  model: "claude-haiku-4-5",
  system: "You are a concise assistant.",
  messages: [{ role: "user", content: "Explain what a closure is." }],
  maxTokens: 300,
};

// Every failed index can hit one request at most once, so FAULTED + 2 attempts always suffice.
const POLICY = { maxAttempts: FAULTED + 2, baseDelayMs: 1, maxDelayMs: 5 };

async function providerFor(
  name: ProviderName,
  server: MockServer,
  fetch?: typeof globalThis.fetch,
): Promise<Provider> {
  const baseUrl = name === "openai" ? `${server.url}/v1` : server.url;
  return createProvider({ name, baseUrl, apiKey: KEYS[name as "anthropic" | "openai"], fetch });
}

async function runBatch(provider: Provider, n: number, timeoutMs?: number) {
  return Promise.all(
    Array.from({ length: n }, () =>
      withRetry((_attempt, signal) => provider.complete({ ...REQUEST, timeoutMs, signal }), POLICY).catch(
        () => null, // a rejection here would be a lost request: counted below
      ),
    ),
  );
}

describe.each(["anthropic", "openai"] as const)("fault matrix through the %s SDK provider", (name) => {
  for (const c of CASES) {
    it(`${c.name}: ${N} sent, all recorded, none lost, errors classified`, async () => {
      const server = await startMockServer({ timeScale: TIME_SCALE, faults: c.faults, seed: 1 });
      try {
        const provider = await providerFor(name, server);
        const outcomes = await runBatch(provider, N, c.timeoutMs);
        const recorded = outcomes.filter((o) => o !== null && (o.result !== null || o.error !== null)).length;
        const lost = N - recorded;
        expect(recorded + lost).toBe(N);
        expect(lost).toBe(0);

        const attempts = outcomes.flatMap((o) => o?.attempts ?? []);
        const failed = attempts.filter((a) => !a.success);
        expect(outcomes.every((o) => o?.result !== null)).toBe(true);
        const stats = server.stats();
        expect(stats.faults[c.faults.split(":")[0] as keyof typeof stats.faults]).toBe(FAULTED);

        if (c.kind === null) {
          expect(failed).toHaveLength(0);
          const slow = outcomes.filter((o) => {
            const t = o!.result!.timings;
            return t.firstText !== null && t.firstText - t.start >= 300;
          });
          expect(slow.length).toBeGreaterThanOrEqual(FAULTED);
          return;
        }
        expect(failed).toHaveLength(FAULTED);
        expect(new Set(failed.map((a) => a.errorType))).toEqual(new Set([c.kind]));
        expect(stats.generations).toBe(N + FAULTED);

        if (c.kind === "rate_limit") {
          for (const o of outcomes) {
            const list = o!.attempts;
            for (let i = 1; i < list.length; i++) {
              const prev = list[i - 1]!;
              const cur = list[i]!;
              expect(cur.backoffMs).toBeGreaterThanOrEqual(150);
              // The retry really started no earlier than the advertised wait (timer rounding: 1 ms).
              expect(cur.startOffsetMs - (prev.startOffsetMs + prev.durationMs)).toBeGreaterThanOrEqual(149);
            }
          }
        }
      } finally {
        await server.close();
      }
    });
  }

  // Both transports: the SDK's default (global fetch) and the fast fetch createRuntime uses.
  describe.each(["global fetch", "fast fetch"] as const)("without retries, on %s", (transport) => {
    let server: MockServer;
    let fastFetch: FastFetch | undefined;
    beforeAll(async () => {
      server = await startMockServer({
        timeScale: TIME_SCALE,
        faults:
          "500:req=1,529:req=2,429:req=3@100ms,error:req=4@overloaded,error:req=5@api,reset:req=6,malformed:req=7,stall:req=8@forever",
      });
      fastFetch = transport === "fast fetch" ? createFastFetch() : undefined;
    });
    afterAll(async () => {
      fastFetch?.close();
      await server.close();
    });

    it("surfaces each fault as one final, classified error", async () => {
      const provider = await providerFor(name, server, fastFetch);
      const kinds: Array<ErrorKind | null> = [];
      for (let i = 0; i < 9; i++) {
        const o = await withRetry(
          (_a, signal) => provider.complete({ ...REQUEST, timeoutMs: 1000, signal }),
          { maxAttempts: 1 },
        );
        expect(o.attempts).toHaveLength(1);
        kinds.push(o.error?.kind ?? null);
        if (o.error?.kind === "rate_limit") expect(o.error.retryAfterMs).toBe(100);
        if (o.error) expect(o.error.message).not.toContain(KEYS[name]);
      }
      expect(kinds).toEqual([
        "server",
        "overloaded",
        "rate_limit",
        "overloaded",
        "server",
        "connection",
        "stream",
        "timeout",
        null,
      ]);
    });
  });
});
