/**
 * The guide's reference latencies must hold at time scale 1: end-to-end medians for Haiku simple
 * tasks 2-4 s, Sonnet medium 4-6 s, Opus complex 8-15 s. Samples the plan (no sleeping).
 */
import { describe, expect, it } from "vitest";
import type { TaskKind, Tier } from "../../src/providers/types.js";
import {
  classifyTaskKind,
  createRng,
  estimateRequestTokens,
  planResponse,
} from "../../src/simulation/index.js";

const SYSTEM = "You are an expert software engineer. ".repeat(60); // ~2,200 chars, like a real agent prompt

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function e2eMedian(tier: Tier, model: string, task: string, agent: string, n = 2000): number {
  const taskKind = classifyTaskKind(task);
  const inputTokens = estimateRequestTokens(SYSTEM, [{ content: task }]);
  const totals: number[] = [];
  for (let i = 0; i < n; i++) {
    const plan = planResponse({
      model,
      tier,
      taskKind,
      agent,
      inputTokens,
      rng: createRng(`cal:${i}`),
      maxTokens: 4096,
    });
    totals.push(plan.totalMs);
  }
  return median(totals);
}

const cases: Array<{ tier: Tier; model: string; task: string; kind: TaskKind; lo: number; hi: number }> = [
  {
    tier: "haiku",
    model: "claude-haiku-4-5",
    task: "Explain what this list comprehension does: [x*2 for x in range(10) if x % 2]",
    kind: "explain",
    lo: 2000,
    hi: 4000,
  },
  {
    tier: "sonnet",
    model: "claude-sonnet-4-6",
    task: "Review this function and suggest improvements: def add(a, b): return a + b",
    kind: "review",
    lo: 4000,
    hi: 6000,
  },
  {
    tier: "opus",
    model: "claude-opus-4-6",
    task: "Refactor this module into smaller functions with type hints and error handling",
    kind: "refactor",
    lo: 8000,
    hi: 15000,
  },
];

describe("calibration at time scale 1", () => {
  for (const c of cases) {
    it(`${c.tier} ${c.kind}: median e2e in ${c.lo / 1000}-${c.hi / 1000} s for every built-in agent style`, () => {
      expect(classifyTaskKind(c.task)).toBe(c.kind);
      for (const agent of ["python-expert", "code-reviewer", "backend-architect", "document-writer-expert"]) {
        const m = e2eMedian(c.tier, c.model, c.task, agent);
        expect(m, `${agent}: ${m.toFixed(0)} ms`).toBeGreaterThanOrEqual(c.lo);
        expect(m, `${agent}: ${m.toFixed(0)} ms`).toBeLessThanOrEqual(c.hi);
      }
    });
  }

  it("orders the tiers: haiku faster than sonnet faster than opus on the same task", () => {
    const task = "Review this function: def add(a, b): return a + b";
    const h = e2eMedian("haiku", "claude-haiku-4-5", task, "code-reviewer", 500);
    const s = e2eMedian("sonnet", "claude-sonnet-4-5", task, "code-reviewer", 500);
    const o = e2eMedian("opus", "claude-opus-4-5", task, "code-reviewer", 500);
    expect(h).toBeLessThan(s);
    expect(s).toBeLessThan(o);
  });

  it("has spread: p95 is meaningfully above the median", () => {
    const inputTokens = 500;
    const totals = Array.from(
      { length: 2000 },
      (_, i) =>
        planResponse({
          model: "claude-sonnet-4-5",
          tier: "sonnet",
          taskKind: "review",
          inputTokens,
          rng: createRng(i),
        }).totalMs,
    ).sort((a, b) => a - b);
    const p50 = totals[1000] as number;
    const p95 = totals[1900] as number;
    expect(p95 / p50).toBeGreaterThan(1.2);
    expect(p95 / p50).toBeLessThan(3);
  });
});
