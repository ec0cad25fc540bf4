import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkAgent } from "../../src/bench/agent.js";
import { COST_CAP_REASON, createRunLimits, DURATION_REASON, worstCaseCost } from "../../src/bench/limits.js";
import { readExecutionLines } from "../../src/bench/resume-state.js";
import { virtualClock } from "../../src/internal/clock.js";
import { createRuntime } from "../../src/orchestrator/runtime.js";
import { PriceBook } from "../../src/pricing/index.js";
import { type Provider, ProviderError, type ProviderRequest } from "../../src/providers/types.js";

const TASK = "Explain list comprehensions in Python";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-limits-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const spentIn = (out: string, runId: string) =>
  readExecutionLines(join(out, `${runId}.executions.jsonl`)).reduce((a, l) => a + (l.cost ?? 0), 0);

/** A provider whose calls take `ms` on `clock`, optionally answering the first attempt of each with a 429. */
function fakeProvider(
  opts: { ms?: number; clock?: ReturnType<typeof virtualClock>; rateLimitFirst?: boolean } = {},
): Provider & { seen: ProviderRequest[] } {
  const seen: ProviderRequest[] = [];
  const tried = new Set<string>();
  return {
    seen,
    info: { name: "sim", simulated: true, timeScale: 1 },
    async complete(req) {
      seen.push(req);
      const key = req.hints?.seedKey ?? "";
      if (opts.rateLimitFirst && !tried.has(key)) {
        tried.add(key);
        throw new ProviderError("rate_limit", "429 rate_limit_error", { status: 429, retryAfterMs: 5 });
      }
      const start = opts.clock?.now() ?? performance.now();
      if (opts.ms)
        await (opts.clock ? opts.clock.sleep(opts.ms) : new Promise((r) => setTimeout(r, opts.ms)));
      const end = opts.clock?.now() ?? performance.now();
      return {
        text: "ok",
        usage: { input: 100, output: 50, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
        timings: { start, firstEvent: start, firstText: start, end },
        model: req.model,
        stopReason: "end_turn",
      };
    },
  };
}

describe("--max-cost", () => {
  it("bounds one request by the price book: estimated input with a margin plus every max token", () => {
    const prices = PriceBook.load();
    const req: ProviderRequest = {
      model: "claude-haiku-4-5",
      system: "x".repeat(3600),
      messages: [{ role: "user", content: "hi" }],
      maxTokens: 1000,
    };
    const worst = worstCaseCost(prices, req)!;
    const actual = prices.cost("claude-haiku-4-5", {
      input: 1005,
      output: 1000,
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
    })!;
    expect(worst).toBeGreaterThan(actual);
    expect(worstCaseCost(prices, { ...req, model: "no-such-model" })).toBeNull();
  });

  it("stops a concurrent run before it could exceed the cap, and lets requests in flight finish", async () => {
    const cap = 0.2;
    const limits = createRunLimits({ maxCostUsd: cap });
    const rt = await createRuntime({
      project: dir,
      command: "test",
      provider: "sim",
      seed: 4,
      timeScale: 0.001,
      track: false,
      wrapProvider: (p, prices) => limits.wrapProvider(p, prices),
    });
    const out = join(dir, "cost");
    try {
      const doc = await benchmarkAgent(rt, "python-expert", TASK, {
        iterations: 500,
        concurrency: 3,
        outputDir: out,
        signal: limits.signal,
      });
      expect(doc.run).toMatchObject({ incomplete: true, stopReason: COST_CAP_REASON });
      const s = doc.scenarios[0]!.summary;
      expect(s.executions).toBeGreaterThan(3);
      expect(s.executions).toBeLessThan(500);
      // Nothing the cap refused counts as a failure; nothing in flight was thrown away.
      expect(s.failures).toBe(0);
      const lines = readExecutionLines(join(out, `${doc.run.id}.executions.jsonl`));
      const cancelled = lines.filter((l) => l.errorType === "cancelled");
      // Only requests the cap held back were cancelled (at most one per worker), none the sim was serving.
      expect(cancelled.length).toBeGreaterThan(0);
      expect(cancelled.length).toBeLessThanOrEqual(3);
      for (const l of cancelled)
        expect(l.errorMessage).toMatch(/^(cost cap reached|request cancelled: the run is stopping)/);
      const spent = spentIn(out, doc.run.id);
      expect(spent).toBeLessThanOrEqual(cap);
      expect(spent).toBeCloseTo(limits.spentUsd(), 10);
      // It stopped because the next request might not fit, not long before.
      expect(spent).toBeGreaterThan(cap / 2);
    } finally {
      limits.dispose();
      await rt.close();
    }
  });

  it("counts what a resumed run spent before, and stops at once for a model without a price", async () => {
    const spentBefore = createRunLimits({ maxCostUsd: 0.01, spentUsd: 0.0099 });
    const unpriced = createRunLimits({ maxCostUsd: 100 });
    const prices = PriceBook.load();
    const req: ProviderRequest = { model: "claude-haiku-4-5", system: "s", messages: [], maxTokens: 100 };
    const inner = fakeProvider();
    await expect(spentBefore.wrapProvider(inner, prices).complete(req)).rejects.toMatchObject({
      kind: "cancelled",
    });
    expect(spentBefore.signal.reason).toMatchObject({ message: COST_CAP_REASON });
    await expect(
      unpriced.wrapProvider(inner, prices).complete({ ...req, model: "mystery-1" }),
    ).rejects.toThrow(/no price for model mystery-1/);
    expect(unpriced.signal.aborted).toBe(true);
    expect(inner.seen).toHaveLength(0); // neither request was sent
  });
});

describe("--max-duration", () => {
  it("stops scheduling, aborts in-flight work and writes the partial document with the reason", async () => {
    const limits = createRunLimits({ maxDurationMs: 300 });
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: fakeProvider({ ms: 40 }),
      track: false,
    });
    try {
      const t0 = performance.now();
      limits.start();
      const doc = await benchmarkAgent(rt, "python-expert", TASK, {
        iterations: 10_000,
        concurrency: 2,
        outputDir: join(dir, "duration"),
        signal: limits.signal,
      });
      expect(performance.now() - t0).toBeLessThan(5000); // generous: 10,000 x 40 ms would be minutes
      expect(doc.run).toMatchObject({ incomplete: true, stopReason: DURATION_REASON });
      expect(doc.scenarios[0]!.summary.executions).toBeGreaterThan(0);
      expect(doc.scenarios[0]!.summary.failures).toBe(0);
    } finally {
      limits.dispose();
      await rt.close();
    }
  });
});

describe("--rpm, --timeout and retries", () => {
  it("paces requests with a token bucket and reports the wait in the document", async () => {
    const clock = virtualClock();
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: fakeProvider({ ms: 1000, clock }),
      clock,
      rpm: 2,
      track: false,
    });
    try {
      const doc = await benchmarkAgent(rt, "python-expert", TASK, { iterations: 5 });
      // A burst of 2, then one every 30 s (virtual time): the last three waited.
      expect(doc.pacing).toMatchObject({ rpm: 2, tpm: null, requests: 5, delayed: 3 });
      expect(doc.pacing!.totalWaitMs).toBeGreaterThan(3 * 25_000);
      expect(doc.pacing!.maxWaitMs).toBeLessThanOrEqual(30_000);
    } finally {
      await rt.close();
    }
  });

  it("passes --timeout to every provider request", async () => {
    const provider = fakeProvider();
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: provider,
      timeoutMs: 1234,
      track: false,
    });
    try {
      await benchmarkAgent(rt, "python-expert", TASK, { iterations: 2 });
      expect(provider.seen.map((r) => r.timeoutMs)).toEqual([1234, 1234]);
    } finally {
      await rt.close();
    }
  });

  it("counts 429s, retries and backoff per scenario", async () => {
    const rt = await createRuntime({
      project: dir,
      command: "test",
      providerOverride: fakeProvider({ rateLimitFirst: true }),
      track: false,
    });
    try {
      const doc = await benchmarkAgent(rt, "python-expert", TASK, { iterations: 3 });
      const s = doc.scenarios[0]!;
      expect(s.summary.successes).toBe(3);
      expect(s.retries).toMatchObject({ rateLimited: 3, retries: 3 });
      expect(s.retries!.backoffMs).toBeGreaterThanOrEqual(3 * 5); // retry-after honoured
      expect(doc.pacing).toBeNull();
    } finally {
      await rt.close();
    }
  });
});
