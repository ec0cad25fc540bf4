import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { virtualClock } from "../../src/internal/clock.js";
import { billedTokens, createPacer, defaultEstimate, pacedProvider } from "../../src/pacing/index.js";
import { SimProvider } from "../../src/providers/sim.js";
import { type Provider, ProviderError, type ProviderRequest } from "../../src/providers/types.js";

const req: ProviderRequest = {
  model: "claude-haiku-4-5",
  system: "sys",
  messages: [{ role: "user", content: "Explain closures" }],
  maxTokens: 100,
};

describe("createPacer", () => {
  it("lets a full bucket of requests through, then one per refill interval, first come first served", async () => {
    const clock = virtualClock();
    const pacer = createPacer({ rpm: 2, clock });
    const waits = await Promise.all([0, 1, 2, 3].map(() => pacer.acquire(0)));
    // 2 per minute = one every 30 s once the initial burst of 2 is spent.
    expect(waits).toEqual([0, 0, 30_000, 60_000]);
    expect(pacer.stats()).toMatchObject({ acquired: 4, delayed: 2, totalWaitMs: 90_000, maxWaitMs: 60_000 });
  });

  it("waits for tokens-per-minute capacity", async () => {
    const clock = virtualClock();
    const pacer = createPacer({ tpm: 1000, clock });
    expect(await pacer.acquire(600)).toBe(0);
    // 400 left; 600 needed: 200 more at 1000/min is 12 s.
    expect(await pacer.acquire(600)).toBeCloseTo(12_000, 6);
  });

  it("settle refunds an over-estimate and charges an under-estimate", async () => {
    const refund = createPacer({ tpm: 1000, clock: virtualClock() });
    await refund.acquire(900);
    refund.settle(100, 900);
    expect(await refund.acquire(900)).toBe(0);

    const charge = createPacer({ tpm: 1000, clock: virtualClock() });
    await charge.acquire(100);
    charge.settle(1000, 100); // the bucket is now empty
    expect(await charge.acquire(500)).toBeCloseTo(30_000, 6);
  });

  it("lets a request larger than the bucket through once it is full, then pays the debt", async () => {
    const pacer = createPacer({ tpm: 1000, clock: virtualClock() });
    expect(await pacer.acquire(5000)).toBe(0);
    // Level -4000: 4001 tokens to refill before the next 1-token request.
    expect(await pacer.acquire(1)).toBeCloseTo(4001 * 60, 6);
  });

  it("combines both limits: the longer wait wins", async () => {
    const pacer = createPacer({ rpm: 60, tpm: 600, clock: virtualClock() });
    expect(await pacer.acquire(600)).toBe(0);
    expect(await pacer.acquire(60)).toBeCloseTo(6000, 6); // tokens, not requests, are short
  });

  it("rejects an aborted acquisition without blocking the next one", async () => {
    const pacer = createPacer({ rpm: 1, clock: virtualClock() });
    await pacer.acquire(0);
    const ac = new AbortController();
    ac.abort(new Error("stop"));
    await expect(pacer.acquire(0, ac.signal)).rejects.toThrow("stop");
    expect(await pacer.acquire(0)).toBe(60_000);
  });

  it("refuses non-positive limits with a USAGE error", () => {
    expect(() => createPacer({ rpm: 0 })).toThrow(ClaudeForceError);
    expect(() => createPacer({ tpm: Number.NaN })).toThrow(/--tpm must be a positive number/);
  });
});

describe("pacedProvider", () => {
  it("reports the wait on the result and through onWait", async () => {
    const clock = virtualClock();
    const inner = new SimProvider({ timeScale: 0, clock });
    const waits: number[] = [];
    const provider = pacedProvider(inner, createPacer({ rpm: 1, clock }), { onWait: (ms) => waits.push(ms) });
    expect(provider.info).toBe(inner.info);
    const first = await provider.complete(req);
    const second = await provider.complete(req);
    expect(first.pacingWaitMs).toBe(0);
    expect(second.pacingWaitMs).toBe(60_000);
    expect(waits).toEqual([0, 60_000]);
  });

  it("settles with the real usage, so a small answer frees the reserved max_tokens", async () => {
    const clock = virtualClock();
    const inner = new SimProvider({ timeScale: 0, clock });
    const big = { ...req, maxTokens: 8000 };
    const reserve = defaultEstimate(big);
    const pacer = createPacer({ tpm: reserve, clock });
    const result = await pacedProvider(inner, pacer).complete(big);
    const used = billedTokens(result.usage, reserve);
    expect(used).toBeLessThan(reserve);
    // Exactly `used` tokens are missing from the bucket: one token more than what is left waits
    // for one token's refill time.
    expect(await pacer.acquire(reserve - used + 1)).toBeCloseTo(60_000 / reserve, 6);
  });

  it("refunds a request the server rejected up front and classifies the error", async () => {
    const clock = virtualClock();
    const failing: Provider = {
      info: { name: "anthropic", simulated: false },
      complete: async () => {
        throw new ProviderError("rate_limit", "429", { status: 429, retryAfterMs: 10 });
      },
    };
    const reserve = defaultEstimate(req);
    const pacer = createPacer({ tpm: reserve, clock });
    await expect(pacedProvider(failing, pacer).complete(req)).rejects.toMatchObject({ kind: "rate_limit" });
    expect(await pacer.acquire(reserve)).toBe(0);
  });

  it("turns an abort while waiting into a cancelled ProviderError", async () => {
    const clock = virtualClock();
    const pacer = createPacer({ rpm: 1, clock });
    const provider = pacedProvider(new SimProvider({ timeScale: 0, clock }), pacer);
    await provider.complete(req);
    const ac = new AbortController();
    ac.abort();
    await expect(provider.complete({ ...req, signal: ac.signal })).rejects.toMatchObject({
      kind: "cancelled",
    });
  });
});
