/** Synthetic execution records and results for aggregator and cost tests. */
import type { ExecuteResult, WorkflowResult, WorkflowStepResult } from "../../src/orchestrator/types.js";
import type { ErrorKind, Tier, Usage } from "../../src/providers/types.js";
import type { ExecutionRecord } from "../../src/tracking/types.js";

let seq = 0;

export function usage(input: number | null, output: number | null, cacheRead = 0): Usage {
  return { input, output, cacheRead, cacheWrite5m: 0, cacheWrite1h: 0 };
}

export function record(over: Partial<ExecutionRecord> & { tier?: Tier } = {}): ExecutionRecord {
  const { tier, ...rest } = over;
  const model = rest.model ?? "claude-haiku-4-5";
  return {
    runId: "run-1",
    executionId: `e${++seq}`,
    timestamp: new Date(0).toISOString(),
    agent: "python-expert",
    workflow: null,
    workflowPosition: null,
    scenario: "s",
    iteration: 1,
    provider: "sim",
    simulated: true,
    model,
    routing: { tier: tier ?? null, model, source: "scenario", reason: "test" },
    taskHash: "t",
    success: true,
    errorType: null,
    errorMessage: null,
    attempts: 1,
    usage: usage(100, 50),
    cost: 0.001,
    e2eMs: 100,
    ttftMs: 20,
    queueWaitMs: 0,
    overheadMs: 1,
    backoffMs: 0,
    worker: null,
    ...rest,
  };
}

export function failed(kind: ErrorKind, over: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return record({ success: false, errorType: kind, errorMessage: `${kind} happened`, ttftMs: null, ...over });
}

export function result(rec: ExecutionRecord, output = "ok"): ExecuteResult {
  return {
    success: rec.success,
    output,
    errors: rec.errorMessage ? [rec.errorMessage] : [],
    model: rec.model,
    usage: rec.usage,
    cost: rec.cost,
    timings: { start: 0, firstEvent: null, firstText: null, end: rec.e2eMs },
    attempts: [],
    routing: rec.routing!,
    record: rec,
  };
}

export function step(
  position: number,
  agent: string,
  rec: ExecutionRecord,
  handoffMs: number,
): WorkflowStepResult {
  return { ...result(rec), position, agent, handoffMs };
}

export function workflowRun(steps: WorkflowStepResult[], totalMs: number): WorkflowResult {
  const failedAt = steps.find((s) => !s.success)?.position ?? null;
  return {
    workflow: "wf",
    success: failedAt === null,
    steps,
    output: steps.at(-1)?.output ?? "",
    totalMs,
    cost: steps.reduce((a, s) => a + (s.cost ?? 0), 0),
    failedAt,
  };
}
