import { describe, expect, it } from "vitest";
import {
  classifyTaskKind,
  createRng,
  drawFault,
  estimateTokens,
  planResponse,
  SIMULATED_MARKER,
  tierOfModel,
} from "../../src/simulation/index.js";

describe("createRng", () => {
  it("is reproducible per seed and differs between seeds", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng("7");
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it("gives uniform values in [0,1) with a plausible mean", () => {
    const r = createRng("uniform");
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 10_000).toBeGreaterThan(0.48);
    expect(sum / 10_000).toBeLessThan(0.52);
  });

  it("lognormal has the requested median", () => {
    const r = createRng(1);
    const xs = Array.from({ length: 4001 }, () => r.lognormal(100, 0.5)).sort((a, b) => a - b);
    expect(xs[2000]).toBeGreaterThan(93);
    expect(xs[2000]).toBeLessThan(107);
  });
});

describe("classifiers", () => {
  it.each([
    ["claude-haiku-4-5", "haiku"],
    ["claude-3-5-haiku-20241022", "haiku"],
    ["claude-sonnet-4-6", "sonnet"],
    ["CLAUDE-OPUS-4-5", "opus"],
    ["llama3.2", null],
  ])("tierOfModel(%s) = %s", (id, tier) => {
    expect(tierOfModel(id)).toBe(tier);
  });

  it.each([
    ["Explain list comprehensions in Python", "explain"],
    ["What does this regex do?", "explain"],
    ["Review this pull request for security issues", "review"],
    ["Refactor the payment module into smaller functions", "refactor"],
    ["Design a REST API for a todo application", "design"],
    ["Write the README and docstrings for this package", "docs"],
    ["Fix the crash when the list is empty", "debug"],
    ["Write unit tests for the parser", "test"],
    ["Hello there", "general"],
  ])("classifyTaskKind(%s) = %s", (task, kind) => {
    expect(classifyTaskKind(task)).toBe(kind);
  });
});

describe("estimateTokens", () => {
  it("uses ~3.6 characters per token", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("a")).toBe(1);
    expect(estimateTokens("x".repeat(360))).toBe(100);
    expect(estimateTokens("x".repeat(3600))).toBe(1000);
  });
});

describe("planResponse", () => {
  const base = { model: "claude-sonnet-4-5", tier: "sonnet" as const, inputTokens: 800 };

  it("is deterministic for a seed", () => {
    const a = planResponse({ ...base, taskKind: "review", agent: "code-reviewer", rng: createRng("k") });
    const b = planResponse({ ...base, taskKind: "review", agent: "code-reviewer", rng: createRng("k") });
    expect(a).toEqual(b);
  });

  it("writes marked markdown with headings, bullets and a code block fitting the agent", () => {
    const py = planResponse({ ...base, taskKind: "explain", agent: "python-expert", rng: createRng(3) });
    expect(py.text.startsWith(SIMULATED_MARKER)).toBe(true);
    expect(py.text).toMatch(/^## Explanation$/m);
    expect(py.text).toMatch(/^- /m);
    expect(py.text).toContain("```python");
    const sql = planResponse({ ...base, taskKind: "design", agent: "database-architect", rng: createRng(3) });
    expect(sql.text).toContain("```sql");
    expect(sql.text).toMatch(/^## Design proposal$/m);
    // Code fences are balanced: sections are never cut in the middle.
    expect((py.text.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it("text length tracks the planned output tokens", () => {
    const short = planResponse({ ...base, taskKind: "explain", rng: createRng(1), maxTokens: 120 });
    const long = planResponse({
      ...base,
      taskKind: "design",
      agent: "backend-architect",
      rng: createRng(1),
      maxTokens: 8000,
    });
    expect(long.text.length).toBeGreaterThan(short.text.length * 2);
    expect(long.text.length / long.outputTokens).toBeGreaterThan(2);
    expect(long.text.length / long.outputTokens).toBeLessThan(5);
  });

  it("caps output at maxTokens with stop reason max_tokens", () => {
    const p = planResponse({ ...base, taskKind: "design", rng: createRng(1), maxTokens: 50 });
    expect(p.outputTokens).toBe(50);
    expect(p.stopReason).toBe("max_tokens");
    expect(p.totalMs).toBeCloseTo(p.ttftMs + 49 * p.interTokenMs, 6);
  });

  it("grows TTFT with the prompt length (prefill)", () => {
    const small = planResponse({ ...base, inputTokens: 100, taskKind: "review", rng: createRng(9) });
    const big = planResponse({ ...base, inputTokens: 100_100, taskKind: "review", rng: createRng(9) });
    expect(big.ttftMs - small.ttftMs).toBeCloseTo(100_000 * 0.04, 6);
  });
});

describe("drawFault", () => {
  it("injects faults at the configured rates", () => {
    const rng = createRng("faults");
    const counts = { rate_limit: 0, overloaded: 0, server: 0, none: 0 };
    for (let i = 0; i < 20_000; i++) {
      const f = drawFault(rng, {
        rateLimitRate: 0.1,
        overloadedRate: 0.05,
        errorRate: 0.02,
        retryAfterMs: 250,
      });
      if (f?.kind === "rate_limit") expect(f.retryAfterMs).toBe(250);
      counts[f?.kind ?? "none"]++;
    }
    expect(counts.rate_limit / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.overloaded / 20_000).toBeCloseTo(0.05, 1);
    expect(counts.server / 20_000).toBeCloseTo(0.02, 1);
  });
});
