/**
 * AgentOrchestrator: runs one agent on one task (routing → prompt → provider with retries →
 * cost → record), workflows of agents, and concurrent batches. A failed run never throws: it is
 * returned with success=false and recorded with its classified error. Only a caller mistake
 * (unknown agent or workflow) throws, as a ClaudeForceError.
 */
import pLimit from "p-limit";
import { type Clock, realClock } from "../internal/clock.js";
import { newExecutionId, taskHash } from "../internal/ids.js";
import { redact } from "../internal/redact.js";
import { type RetryPolicy, withRetry } from "../providers/retry.js";
import type { AttemptRecord, Provider, ProviderRequest, Tier, Timings, Usage } from "../providers/types.js";
import { UNKNOWN_USAGE } from "../providers/types.js";
import { type ClassifyOptions, routeModel } from "../routing/index.js";
import { classifyTaskKind } from "../simulation/index.js";
import type { ExecutionRecord } from "../tracking/types.js";
import { buildSystemPrompt, buildUserMessage, type Handoff, stepTask } from "./prompt.js";
import type { ExecuteOptions, ExecuteResult, WorkflowResult, WorkflowStepResult } from "./types.js";

/** The slices of the project, tracker and price book the orchestrator needs. */
export interface AgentLookup {
  get(name: string): { name: string; systemPrompt: string; model: string | null; contract?: string };
}
export interface WorkflowLookup {
  get(name: string): { name: string; steps: Array<{ agent: string; task?: string }> };
}
export interface Recorder {
  record(rec: ExecutionRecord, attempts?: AttemptRecord[]): void;
}
export interface Pricer {
  cost(model: string, usage: Usage): number | null;
}

export interface OrchestratorOptions {
  agents: AgentLookup;
  workflows: WorkflowLookup;
  provider: Provider;
  tracker: Recorder;
  prices: Pricer;
  modelMap: Record<Tier, string>;
  runId: string;
  /** Config default: a tier, a model id or "auto". Applies after the agent's own preference. */
  defaultModel?: string;
  /** The --model flag: applies to every execution that does not pass its own `model`. */
  modelOverride?: string;
  routingKeywords?: ClassifyOptions;
  retry?: Partial<RetryPolicy>;
  maxTokens?: number;
  timeoutMs?: number;
  clock?: Clock;
  worker?: string | null;
}

const DEFAULT_MAX_TOKENS = 4096;

interface Internal {
  result: ExecuteResult;
  /** Absolute monotonic time the first provider attempt started. */
  providerStart: number;
  end: number;
}

export class AgentOrchestrator<T extends Recorder = Recorder> {
  private readonly opts: OrchestratorOptions;
  private readonly clock: Clock;
  private counter = 0;
  private lastTask: { text: string; hash: string } | null = null;

  constructor(opts: OrchestratorOptions & { tracker: T }) {
    this.opts = opts;
    this.clock = opts.clock ?? realClock;
  }

  /** Benchmarks repeat one task thousands of times: remember the last hash (sha256 per call showed in profiles). */
  private hashTask(task: string): string {
    if (this.lastTask?.text !== task) this.lastTask = { text: task, hash: taskHash(task) };
    return this.lastTask.hash;
  }

  get performanceTracker(): T {
    return this.opts.tracker as T;
  }

  get runId(): string {
    return this.opts.runId;
  }

  async executeAgent(agent: string, task: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    return (await this.execute(agent, task, options)).result;
  }

  private async execute(
    agentName: string,
    task: string,
    options: ExecuteOptions,
    handoff?: Handoff,
  ): Promise<Internal> {
    const clock = this.clock;
    const actualStart = clock.now();
    const intendedStart = options.intendedStart ?? actualStart;
    const timestamp = new Date().toISOString();
    const agent = this.opts.agents.get(agentName); // throws NOT_FOUND for a caller mistake
    const routing = routeModel({
      task,
      modelFlag: options.model ?? this.opts.modelOverride,
      agentModel: agent.model,
      agentName: agent.name,
      defaultModel: this.opts.defaultModel,
      modelMap: this.opts.modelMap,
      keywords: this.opts.routingKeywords,
    });
    const seq = ++this.counter;
    const req: ProviderRequest = {
      model: routing.model,
      system: buildSystemPrompt(agent),
      messages: [{ role: "user", content: buildUserMessage(task, { context: options.context, handoff }) }],
      maxTokens: options.maxTokens ?? this.opts.maxTokens ?? DEFAULT_MAX_TOKENS,
      timeoutMs: options.timeoutMs ?? this.opts.timeoutMs,
      signal: options.signal,
      hints: {
        agent: agent.name,
        taskKind: classifyTaskKind(task),
        tier: routing.tier ?? undefined,
        // Keyed by what ran, not by timing, so a seeded sim run is reproducible under any concurrency.
        seedKey: `${options.scenario ?? ""}|${options.workflow ?? ""}|${options.workflowPosition ?? 0}|${options.iteration ?? seq}|${agent.name}`,
      },
    };

    const { result, error, attempts } = await withRetry(
      (_attempt, signal) => this.opts.provider.complete(signal ? { ...req, signal } : req),
      this.opts.retry ?? {},
      { clock, signal: options.signal },
    );
    const end = clock.now();

    let providerMs = 0;
    let backoffMs = 0;
    for (const a of attempts) {
      providerMs += a.durationMs;
      backoffMs += a.backoffMs;
    }
    const providerStart = actualStart + (attempts[0]?.startOffsetMs ?? 0);
    const usage = result?.usage ?? UNKNOWN_USAGE;
    const model = result?.model ?? routing.model;
    const cost = result ? this.opts.prices.cost(model, usage) : null;
    const timings: Timings = result?.timings ?? {
      start: providerStart,
      firstEvent: error?.timings?.firstEvent ?? null,
      firstText: error?.timings?.firstText ?? null,
      end,
    };
    const errors = error ? [redact(error.message)] : [];
    const record: ExecutionRecord = {
      runId: this.opts.runId,
      executionId: newExecutionId(),
      timestamp,
      agent: agent.name,
      workflow: options.workflow ?? null,
      workflowPosition: options.workflowPosition ?? null,
      scenario: options.scenario ?? null,
      iteration: options.iteration ?? null,
      provider: this.opts.provider.info.name,
      simulated: this.opts.provider.info.simulated,
      model,
      routing,
      taskHash: this.hashTask(task),
      success: result !== null,
      errorType: error?.kind ?? null,
      errorMessage: errors[0] ?? null,
      attempts: attempts.length,
      usage,
      cost,
      // e2e and TTFT are measured from the intended start: under open-loop load this keeps
      // queueing delay in the numbers (no coordinated omission).
      e2eMs: end - intendedStart,
      ttftMs: result?.timings.firstText != null ? result.timings.firstText - intendedStart : null,
      queueWaitMs: actualStart - intendedStart,
      overheadMs: Math.max(0, end - actualStart - providerMs - backoffMs),
      backoffMs,
      worker: this.opts.worker ?? null,
    };
    this.opts.tracker.record(record, attempts);
    return {
      result: {
        success: record.success,
        output: result?.text ?? "",
        errors,
        model,
        usage,
        cost,
        timings,
        attempts,
        routing,
        record,
      },
      providerStart,
      end,
    };
  }

  /**
   * Run a workflow's steps in order. Each step gets its own instruction applied to the original
   * request, plus the previous step's output; the first failure stops the workflow.
   */
  async runWorkflow(
    name: string,
    task: string,
    options: ExecuteOptions & { onStep?: (s: WorkflowStepResult) => void } = {},
  ): Promise<WorkflowResult> {
    const wf = this.opts.workflows.get(name);
    const { onStep, intendedStart, ...stepOptions } = options;
    const start = intendedStart ?? this.clock.now();
    const steps: WorkflowStepResult[] = [];
    let previous: { agent: string; output: string; end: number } | null = null;
    let failedAt: number | null = null;
    for (const [i, step] of wf.steps.entries()) {
      const position = i + 1;
      const handoff = previous
        ? { originalTask: task, previousAgent: previous.agent, previousOutput: previous.output }
        : undefined;
      const { result, providerStart, end } = await this.execute(
        step.agent,
        stepTask(step.task, task),
        {
          ...stepOptions,
          workflow: wf.name,
          workflowPosition: position,
          // Only the first step can have waited in a queue.
          intendedStart: position === 1 ? intendedStart : undefined,
        },
        handoff,
      );
      const stepResult: WorkflowStepResult = {
        ...result,
        position,
        agent: step.agent,
        handoffMs: previous ? Math.max(0, providerStart - previous.end) : 0,
      };
      steps.push(stepResult);
      onStep?.(stepResult);
      if (!result.success) {
        failedAt = position;
        break;
      }
      previous = { agent: step.agent, output: result.output, end };
    }
    const costs = steps.map((s) => s.cost);
    return {
      workflow: wf.name,
      success: failedAt === null,
      steps,
      output: steps[steps.length - 1]?.output ?? "",
      totalMs: this.clock.now() - start,
      cost: costs.some((c) => c === null) ? null : costs.reduce<number>((a, c) => a + (c ?? 0), 0),
      failedAt,
    };
  }

  /** Run many executions with at most `concurrency` in flight (async; no thread pool). */
  async executeMany(
    items: Array<{ agent: string; task: string; options?: ExecuteOptions }>,
    opts: { concurrency: number; onResult?: (r: ExecuteResult, index: number) => void },
  ): Promise<ExecuteResult[]> {
    const limit = pLimit(Math.max(1, opts.concurrency));
    return Promise.all(
      items.map((item, index) =>
        limit(async () => {
          const r = await this.executeAgent(item.agent, item.task, item.options);
          opts.onResult?.(r, index);
          return r;
        }),
      ),
    );
  }
}
