import { describe, expect, it } from "vitest";
import { virtualClock } from "../../src/internal/clock.js";
import { ProviderError, type ProviderRequest, SimProvider, withRetry } from "../../src/providers/index.js";
import { SIMULATED_MARKER } from "../../src/simulation/index.js";

const req = (task: string, extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: "claude-haiku-4-5",
  system: "You are python-expert, an expert Python engineer.",
  messages: [{ role: "user", content: task }],
  maxTokens: 2048,
  hints: { agent: "python-expert" },
  ...extra,
});

describe("SimProvider", () => {
  it("says it is simulated", () => {
    const p = new SimProvider({ seed: 5, timeScale: 0.5 });
    expect(p.info).toEqual({ name: "sim", simulated: true, timeScale: 0.5, seed: 5 });
  });

  it("returns marked text, estimated usage and ordered timings on a virtual clock at scale 1", async () => {
    const clock = virtualClock(1000);
    const p = new SimProvider({ seed: 1, timeScale: 1, clock });
    const r = await p.complete(req("Explain list comprehensions in Python"));
    expect(r.text.startsWith(SIMULATED_MARKER)).toBe(true);
    expect(r.model).toBe("claude-haiku-4-5");
    expect(r.usage.input).toBeGreaterThan(10);
    expect(r.usage.output).toBeGreaterThan(0);
    expect(r.usage.cacheRead).toBe(0);
    const t = r.timings;
    expect(t.start).toBe(1000);
    expect(t.firstText).not.toBeNull();
    expect(t.firstEvent).toBe(t.firstText);
    expect(t.firstText!).toBeGreaterThan(t.start);
    expect(t.end).toBeGreaterThan(t.firstText!);
    // Haiku explain: seconds, not milliseconds or minutes.
    expect(t.end - t.start).toBeGreaterThan(1000);
    expect(t.end - t.start).toBeLessThan(10_000);
  });

  it("is reproducible with a seed, and independent of completion order with seed keys", async () => {
    const tasks = ["Explain decorators", "Review this code", "Design a cache", "Fix the bug"];
    const run = async (order: number[]) => {
      const p = new SimProvider({ seed: 99, timeScale: 0 });
      const out: Record<number, unknown> = {};
      await Promise.all(
        order.map(async (i) => {
          const r = await p.complete(
            req(tasks[i]!, { hints: { agent: "python-expert", seedKey: `task-${i}` } }),
          );
          out[i] = { text: r.text, usage: r.usage };
        }),
      );
      return out;
    };
    expect(await run([0, 1, 2, 3])).toEqual(await run([3, 1, 0, 2]));

    const seq = async (seed: number) => {
      const p = new SimProvider({ seed, timeScale: 0 });
      const a = await p.complete(req("Explain generators"));
      const b = await p.complete(req("Explain generators"));
      return [a.usage.output, b.usage.output];
    };
    expect(await seq(7)).toEqual(await seq(7));
    expect(await seq(7)).not.toEqual(await seq(8));
  });

  it("scales waits: 0.01 makes a multi-second response take tens of ms of clock time", async () => {
    const clock = virtualClock(0);
    const full = await new SimProvider({ seed: 3, timeScale: 1, clock }).complete(req("Explain closures"));
    const fast = await new SimProvider({ seed: 3, timeScale: 0.01, clock }).complete(req("Explain closures"));
    const fullMs = full.timings.end - full.timings.start;
    const fastMs = fast.timings.end - fast.timings.start;
    expect(fastMs).toBeCloseTo(fullMs * 0.01, 6);
  });

  it("at time scale 0 does well over 100k completes per second", async () => {
    const p = new SimProvider({ seed: 1, timeScale: 0 });
    const r = req("Review this function and suggest improvements");
    for (let i = 0; i < 5_000; i++) await p.complete(r); // warm up
    const n = 50_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await p.complete(r);
    const perSecond = n / ((performance.now() - t0) / 1000);
    // The target is 100k/s; the bound leaves room for a loaded 2-core CI machine.
    expect(perSecond).toBeGreaterThan(50_000);
  });

  it("injects faults with the right kind, status and retry-after", async () => {
    const rate = new SimProvider({ seed: 1, timeScale: 0, faults: { rateLimitRate: 1, retryAfterMs: 1234 } });
    const err = await rate.complete(req("x")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: "rate_limit", status: 429, retryAfterMs: 1234 });

    const over = new SimProvider({ seed: 1, timeScale: 0, faults: { overloadedRate: 1 } });
    await expect(over.complete(req("x"))).rejects.toMatchObject({ kind: "overloaded", status: 529 });
    const server = new SimProvider({ seed: 1, timeScale: 0, faults: { errorRate: 1 } });
    await expect(server.complete(req("x"))).rejects.toMatchObject({ kind: "server", status: 500 });

    expect(() => new SimProvider({ faults: { errorRate: 0.7, rateLimitRate: 0.7 } })).toThrow(RangeError);
  });

  it("partial fault rates: withRetry recovers and the fault sequence is seeded", async () => {
    const kinds = async () => {
      const p = new SimProvider({ seed: 11, timeScale: 0, faults: { errorRate: 0.3 } });
      const out: string[] = [];
      for (let i = 0; i < 40; i++) {
        const o = await withRetry(() => p.complete(req("Explain")), {
          maxAttempts: 5,
          baseDelayMs: 0,
          maxDelayMs: 0,
        });
        out.push(o.attempts.map((a) => a.errorType ?? "ok").join(","));
        expect(o.result).not.toBeNull();
      }
      return out;
    };
    const a = await kinds();
    expect(a.some((s) => s.startsWith("server"))).toBe(true);
    expect(await kinds()).toEqual(a);
  });

  it("honours abort (cancelled) and timeout", async () => {
    const p = new SimProvider({ seed: 1, timeScale: 1 });
    const ac = new AbortController();
    const pending = p.complete(req("Explain monads", { signal: ac.signal }));
    setTimeout(() => ac.abort(), 20);
    await expect(pending).rejects.toMatchObject({ kind: "cancelled" });

    const aborted = new AbortController();
    aborted.abort();
    await expect(p.complete(req("x", { signal: aborted.signal }))).rejects.toMatchObject({
      kind: "cancelled",
    });

    const clock = virtualClock(0);
    const slow = new SimProvider({ seed: 1, timeScale: 1, clock });
    const err = await slow.complete(req("Explain monads", { timeoutMs: 300 })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "timeout" });
    expect(clock.now()).toBe(300);
  });

  it("uses hints over classification: tier and task kind", async () => {
    const clock = virtualClock(0);
    const p = new SimProvider({ seed: 2, timeScale: 1, clock });
    const asOpus = await p.complete(
      req("Explain", { model: "some-local-model", hints: { tier: "opus", seedKey: "a" } }),
    );
    const asHaiku = await p.complete(
      req("Explain", { model: "some-local-model", hints: { tier: "haiku", seedKey: "a" } }),
    );
    expect(asOpus.timings.end - asOpus.timings.start).toBeGreaterThan(
      asHaiku.timings.end - asHaiku.timings.start,
    );
    const design = await p.complete(req("Explain", { hints: { taskKind: "design", seedKey: "b" } }));
    expect(design.text).toContain("## Design proposal");
  });
});
