import { describe, expect, it } from "vitest";
import { virtualClock } from "../../src/internal/clock.js";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  ProviderError,
  type ProviderResult,
  withRetry,
} from "../../src/providers/index.js";

const ok = (start: number): ProviderResult => ({
  text: "ok",
  usage: { input: 1, output: 1, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
  timings: { start, firstEvent: start + 5, firstText: start + 10, end: start + 20 },
  model: "m",
  stopReason: "end_turn",
});

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, retryAfterCapMs: 5000 };

describe("withRetry", () => {
  it("retries retryable errors with backoff and records every attempt", async () => {
    const clock = virtualClock(0);
    const errors = [
      new ProviderError("overloaded", "529", { status: 529 }),
      new ProviderError("server", "500", { status: 500 }),
    ];
    const seen: number[] = [];
    const out = await withRetry(
      async (attempt) => {
        seen.push(attempt);
        clock.advance(7);
        const e = errors.shift();
        if (e) throw e;
        return ok(clock.now());
      },
      policy,
      { clock, random: () => 0.5, onAttempt: () => {} },
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(out.error).toBeNull();
    expect(out.result?.text).toBe("ok");
    expect(out.attempts.map((a) => [a.errorType, a.status, a.backoffMs])).toEqual([
      ["overloaded", 529, 0],
      ["server", 500, 50], // 0.5 x min(1000, 100 x 2^0)
      [null, null, 100], // 0.5 x 100 x 2^1
    ]);
    expect(out.attempts[2]).toMatchObject({ success: true, ttftMs: 10, durationMs: 7, startOffsetMs: 164 });
  });

  it("honours retry-after (never earlier) and caps it", async () => {
    const clock = virtualClock(0);
    let n = 0;
    const out = await withRetry(
      async () => {
        if (n++ === 0) throw new ProviderError("rate_limit", "429", { status: 429, retryAfterMs: 3000 });
        return ok(clock.now());
      },
      policy,
      { clock, random: () => 0.99 },
    );
    expect(out.attempts[1]?.backoffMs).toBe(3000);
    expect(out.attempts[1]?.startOffsetMs).toBe(3000);
    const capped = backoffDelay(
      1,
      new ProviderError("rate_limit", "x", { retryAfterMs: 999_999 }),
      policy,
      () => 0,
    );
    expect(capped).toBe(5000);
  });

  it("does not retry auth, invalid requests or spend limits", async () => {
    for (const kind of ["auth", "invalid_request", "spend_limit", "cancelled"] as const) {
      let calls = 0;
      const out = await withRetry(
        async () => {
          calls++;
          throw new ProviderError(kind, kind);
        },
        policy,
        { clock: virtualClock() },
      );
      expect(calls, kind).toBe(1);
      expect(out.error?.kind).toBe(kind);
      expect(out.attempts).toHaveLength(1);
    }
  });

  it("gives up after maxAttempts and returns the last error without throwing", async () => {
    let calls = 0;
    const out = await withRetry(
      async () => {
        calls++;
        throw Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
      },
      { ...policy, maxAttempts: 3 },
      { clock: virtualClock() },
    );
    expect(calls).toBe(3);
    expect(out.result).toBeNull();
    expect(out.error?.kind).toBe("connection");
    expect(out.attempts.every((a) => !a.success)).toBe(true);
  });

  it("fills a partial policy from the defaults", async () => {
    let calls = 0;
    const out = await withRetry(
      async () => {
        calls++;
        throw new ProviderError("server", "x");
      },
      { baseDelayMs: 1, maxDelayMs: 1 },
      { clock: virtualClock() },
    );
    expect(calls).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(out.attempts.slice(1).every((a) => a.backoffMs <= 1)).toBe(true);
  });

  it("exponential backoff grows and is capped at maxDelayMs", () => {
    const e = new ProviderError("server", "x");
    const max = (attempt: number) => backoffDelay(attempt, e, policy, () => 0.999999);
    expect(max(1)).toBeCloseTo(100, 2);
    expect(max(2)).toBeCloseTo(200, 2);
    expect(max(4)).toBeCloseTo(800, 2);
    expect(max(8)).toBeCloseTo(1000, 2);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(4);
  });

  it("stops when the signal aborts during backoff", async () => {
    const ac = new AbortController();
    const p = withRetry(
      async () => {
        throw new ProviderError("server", "x");
      },
      { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 },
      { signal: ac.signal, random: () => 1 },
    );
    setTimeout(() => ac.abort(), 10);
    const out = await p;
    expect(out.error?.kind).toBe("cancelled");
    expect(out.attempts).toHaveLength(1);
  });
});
