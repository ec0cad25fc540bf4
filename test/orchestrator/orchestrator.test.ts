import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { AgentOrchestrator, type Recorder } from "../../src/orchestrator/orchestrator.js";
import {
  type AttemptRecord,
  type Provider,
  ProviderError,
  type ProviderRequest,
  type ProviderResult,
} from "../../src/providers/types.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";

const MODEL_MAP = { haiku: "claude-haiku-4-5", sonnet: "claude-sonnet-4-6", opus: "claude-opus-4-6" };

const AGENTS: Record<string, { name: string; systemPrompt: string; model: string | null }> = {
  "python-expert": { name: "python-expert", systemPrompt: "You are a Python expert.", model: "sonnet" },
  "code-reviewer": { name: "code-reviewer", systemPrompt: "You review code.", model: null },
  "qc-automation-expert": { name: "qc-automation-expert", systemPrompt: "You write tests.", model: "haiku" },
};

const agents = {
  get(name: string) {
    const a = AGENTS[name];
    if (!a) throw new ClaudeForceError("NOT_FOUND", `unknown agent '${name}'`);
    return a;
  },
};
const workflows = {
  get(name: string) {
    if (name !== "review") throw new ClaudeForceError("NOT_FOUND", `unknown workflow '${name}'`);
    return {
      name,
      steps: [
        { agent: "python-expert", task: "Explain the code." },
        { agent: "code-reviewer", task: "Review the code." },
        { agent: "qc-automation-expert", task: "Write tests." },
      ],
    };
  },
};

class MemoryRecorder implements Recorder {
  records: ExecutionRecord[] = [];
  attempts: AttemptRecord[][] = [];
  record(rec: ExecutionRecord, attempts?: AttemptRecord[]) {
    this.records.push(rec);
    this.attempts.push(attempts ?? []);
  }
}

/** A provider scripted per call: returns text or throws the given error. */
function scriptedProvider(script: Array<string | ProviderError>, delayMs = 0) {
  const requests: ProviderRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const provider: Provider = {
    info: { name: "sim", simulated: true, timeScale: 1 },
    async complete(req): Promise<ProviderResult> {
      requests.push(req);
      const step = script[Math.min(requests.length - 1, script.length - 1)]!;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const start = performance.now();
      try {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (step instanceof ProviderError) throw step;
        return {
          text: step,
          usage: { input: 1000, output: 200, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
          timings: { start, firstEvent: start + 1, firstText: start + 2, end: performance.now() },
          model: req.model,
          stopReason: "end_turn",
        };
      } finally {
        inFlight--;
      }
    },
  };
  return { provider, requests, maxInFlight: () => maxInFlight };
}

function orchestrator(provider: Provider, tracker = new MemoryRecorder()) {
  return new AgentOrchestrator({
    agents,
    workflows,
    provider,
    tracker,
    // $3 in / $15 out per million: 1000 in + 200 out = 0.003 + 0.003
    prices: { cost: (_m, u) => ((u.input ?? 0) * 3 + (u.output ?? 0) * 15) / 1e6 },
    modelMap: MODEL_MAP,
    runId: "run-1",
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
}

describe("AgentOrchestrator.executeAgent", () => {
  it("routes, calls the provider, prices and records a success", async () => {
    const { provider, requests } = scriptedProvider(["hello"]);
    const tracker = new MemoryRecorder();
    const r = await orchestrator(provider, tracker).executeAgent("python-expert", "Explain generators");
    expect(r.success).toBe(true);
    expect(r.output).toBe("hello");
    expect(r.model).toBe("claude-sonnet-4-6"); // agent frontmatter prefers sonnet
    expect(r.routing.source).toBe("agent");
    expect(r.cost).toBeCloseTo(0.006, 10);
    expect(requests[0]!.system).toContain("Python expert");
    expect(requests[0]!.messages[0]!.content).toContain("# Task\nExplain generators");
    expect(tracker.records).toHaveLength(1);
    const rec = tracker.records[0]!;
    expect(rec).toMatchObject({
      runId: "run-1",
      agent: "python-expert",
      success: true,
      attempts: 1,
      errorType: null,
    });
    expect(rec.e2eMs).toBeGreaterThanOrEqual(0);
    expect(rec.ttftMs).not.toBeNull();
    expect(rec.overheadMs).toBeGreaterThanOrEqual(0);
    expect(rec.overheadMs).toBeLessThanOrEqual(rec.e2eMs);
  });

  it("--model override beats the agent's preference", async () => {
    const { provider } = scriptedProvider(["ok"]);
    const o = new AgentOrchestrator({
      agents,
      workflows,
      provider,
      tracker: new MemoryRecorder(),
      prices: { cost: () => 0 },
      modelMap: MODEL_MAP,
      runId: "r",
      modelOverride: "opus",
    });
    const r = await o.executeAgent("python-expert", "Explain generators");
    expect(r.model).toBe("claude-opus-4-6");
    expect(r.routing.source).toBe("flag");
  });

  it("never throws for a failed run: records the classified error", async () => {
    const { provider } = scriptedProvider([new ProviderError("auth", "invalid x-api-key", { status: 401 })]);
    const tracker = new MemoryRecorder();
    const r = await orchestrator(provider, tracker).executeAgent("python-expert", "anything");
    expect(r.success).toBe(false);
    expect(r.errors[0]).toContain("invalid x-api-key");
    expect(r.attempts).toHaveLength(1); // auth is not retried
    expect(r.cost).toBeNull();
    expect(tracker.records[0]).toMatchObject({ success: false, errorType: "auth" });
  });

  it("retries retryable errors and records every attempt", async () => {
    const { provider } = scriptedProvider([
      new ProviderError("overloaded", "overloaded", { status: 529 }),
      "done",
    ]);
    const tracker = new MemoryRecorder();
    const r = await orchestrator(provider, tracker).executeAgent("python-expert", "x");
    expect(r.success).toBe(true);
    expect(r.attempts.map((a) => a.errorType)).toEqual(["overloaded", null]);
    expect(tracker.records[0]!.attempts).toBe(2);
    expect(tracker.attempts[0]).toHaveLength(2);
  });

  it("throws NOT_FOUND for an unknown agent (a caller mistake, not a run)", async () => {
    const { provider } = scriptedProvider(["x"]);
    await expect(orchestrator(provider).executeAgent("nope", "x")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("measures queue wait and e2e from the intended start", async () => {
    const { provider } = scriptedProvider(["x"]);
    const tracker = new MemoryRecorder();
    const intendedStart = performance.now() - 50;
    await orchestrator(provider, tracker).executeAgent("python-expert", "x", { intendedStart });
    const rec = tracker.records[0]!;
    expect(rec.queueWaitMs).toBeGreaterThanOrEqual(50);
    expect(rec.e2eMs).toBeGreaterThanOrEqual(50);
  });
});

describe("AgentOrchestrator.runWorkflow", () => {
  it("hands the previous output plus the original task to the next step and records positions", async () => {
    const { provider, requests } = scriptedProvider(["explained", "reviewed", "tested"]);
    const tracker = new MemoryRecorder();
    const wf = await orchestrator(provider, tracker).runWorkflow("review", "def add(a, b): return a + b");
    expect(wf.success).toBe(true);
    expect(wf.steps.map((s) => s.position)).toEqual([1, 2, 3]);
    expect(wf.output).toBe("tested");
    const second = requests[1]!.messages[0]!.content;
    expect(second).toContain("Review the code.");
    expect(second).toContain("def add(a, b): return a + b");
    expect(second).toContain("explained"); // previous step's output
    expect(requests[2]!.messages[0]!.content).toContain("reviewed");
    expect(tracker.records.map((r) => [r.workflow, r.workflowPosition])).toEqual([
      ["review", 1],
      ["review", 2],
      ["review", 3],
    ]);
    expect(wf.cost).toBeCloseTo(0.018, 10);
  });

  it("stops at the first failure", async () => {
    const { provider, requests } = scriptedProvider([
      "explained",
      new ProviderError("invalid_request", "prompt too long", { status: 400 }),
      "never",
    ]);
    const tracker = new MemoryRecorder();
    const wf = await orchestrator(provider, tracker).runWorkflow("review", "task");
    expect(wf.success).toBe(false);
    expect(wf.failedAt).toBe(2);
    expect(wf.steps).toHaveLength(2);
    expect(requests).toHaveLength(2);
    expect(tracker.records.map((r) => r.success)).toEqual([true, false]);
  });
});

describe("AgentOrchestrator.executeMany", () => {
  it("keeps exactly the requested concurrency in flight", async () => {
    const { provider, maxInFlight } = scriptedProvider(["ok"], 10);
    const items = Array.from({ length: 20 }, (_, i) => ({ agent: "code-reviewer", task: `t${i}` }));
    const results = await orchestrator(provider).executeMany(items, { concurrency: 4 });
    expect(results).toHaveLength(20);
    expect(results.every((r) => r.success)).toBe(true);
    expect(maxInFlight()).toBe(4);
  });
});
