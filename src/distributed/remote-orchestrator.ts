/**
 * RemoteOrchestrator: the orchestrator a bench run uses with `--queue`. It has the local
 * orchestrator's interface, so every bench loop (scenarios, throughput, closed and open load) runs
 * unchanged while each execution, or whole workflow run, happens on a worker. Spec ids are
 * deterministic (run id, scenario, workflow, iteration and the how-many-th call with those), so the
 * same command re-run with the same run id resumes instead of executing anything twice.
 */
import { taskHash } from "../internal/ids.js";
import { AgentOrchestrator } from "../orchestrator/orchestrator.js";
import type { Runtime } from "../orchestrator/runtime.js";
import type {
  ExecuteOptions,
  ExecuteResult,
  WorkflowResult,
  WorkflowStepResult,
} from "../orchestrator/types.js";
import { UNKNOWN_USAGE } from "../providers/types.js";
import type { PerformanceTracker } from "../tracking/index.js";
import { Coordinator, type CoordinatorOptions } from "./coordinator.js";
import { executionIdOf, specId } from "./ids.js";
import type { DistributedSummary, ExecutionSpec, SpecOutcome } from "./types.js";

export class RemoteOrchestrator extends AgentOrchestrator<PerformanceTracker> {
  private readonly occurrences = new Map<string, number>();
  private calls = 0;

  constructor(
    private readonly rt: Runtime,
    readonly coordinator: Coordinator,
    private readonly defaultModel?: string,
  ) {
    super({
      agents: rt.project.agents,
      workflows: rt.project.workflows,
      provider: rt.provider,
      tracker: rt.tracker,
      prices: rt.prices,
      modelMap: rt.modelMap,
      runId: rt.runId,
      modelOverride: defaultModel,
    });
  }

  override async executeAgent(
    agent: string,
    task: string,
    options: ExecuteOptions = {},
  ): Promise<ExecuteResult> {
    this.rt.project.agents.get(agent); // a caller mistake throws NOT_FOUND here, as locally
    const spec = this.spec({ kind: "agent", agent }, task, options);
    const started = performance.now();
    const o = await this.await(spec, options);
    if (o?.result.kind === "agent") return o.result.agent;
    return this.cancelled(spec, agent, task, performance.now() - started);
  }

  override async runWorkflow(
    name: string,
    task: string,
    options: ExecuteOptions & { onStep?: (s: WorkflowStepResult) => void } = {},
  ): Promise<WorkflowResult> {
    const wf = this.rt.project.workflows.get(name);
    const spec = this.spec({ kind: "workflow", workflow: wf.name }, task, options);
    const started = performance.now();
    const o = await this.await(spec, options);
    if (o?.result.kind === "workflow") {
      // The steps ran remotely; their callbacks fire as the result arrives.
      for (const s of o.result.workflow.steps) options.onStep?.(s);
      return o.result.workflow;
    }
    const elapsed = performance.now() - started;
    const step = this.cancelled(spec, wf.steps[0]?.agent ?? "", task, elapsed);
    step.record.workflow = wf.name;
    step.record.workflowPosition = 1;
    return {
      workflow: wf.name,
      success: false,
      steps: [{ ...step, position: 1, agent: step.record.agent, handoffMs: 0 }],
      output: "",
      totalMs: elapsed,
      cost: null,
      failedAt: 1,
    };
  }

  private spec(
    what: { kind: "agent"; agent: string } | { kind: "workflow"; workflow: string },
    task: string,
    options: ExecuteOptions,
  ): ExecutionSpec {
    const scenario = options.scenario ?? "";
    const iteration = options.iteration ?? ++this.calls;
    const key = `${scenario}|${what.kind === "workflow" ? what.workflow : ""}|${iteration}`;
    // Warmups share iteration 0 and ladder levels restart their indexes: count repeats of a key.
    const n = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, n + 1);
    const model = options.model ?? this.defaultModel;
    return {
      id: specId(this.rt.runId, scenario, iteration, `${what.kind === "workflow" ? what.workflow : ""}#${n}`),
      ...what,
      task,
      ...(model !== undefined ? { model } : {}),
      scenario,
      iteration,
      ...(options.maxTokens !== undefined ? { maxTokens: options.maxTokens } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    };
  }

  /** The outcome, or null when the caller's signal aborted first (the job stays queued for a resume). */
  private async await(spec: ExecutionSpec, options: ExecuteOptions): Promise<SpecOutcome | null> {
    // Open loop hands us an intended start on our monotonic clock; the worker measures from it.
    const intended =
      options.intendedStart === undefined ? null : performance.timeOrigin + options.intendedStart;
    const outcome = this.coordinator.submit(spec, intended);
    const signal = options.signal;
    if (!signal) return outcome;
    if (signal.aborted) return null;
    let onAbort = () => {};
    const aborted = new Promise<null>((resolve) => {
      onAbort = () => resolve(null);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([outcome, aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** A stand-in for an execution we stopped waiting for: a "cancelled" result, kept out of statistics. */
  private cancelled(spec: ExecutionSpec, agent: string, task: string, elapsedMs: number): ExecuteResult {
    const model = spec.model ?? "unknown";
    const message = "interrupted before a worker finished it (still queued: resume the run to collect it)";
    const now = performance.now();
    return {
      success: false,
      output: "",
      errors: [message],
      model,
      usage: UNKNOWN_USAGE,
      cost: null,
      timings: { start: now - elapsedMs, firstEvent: null, firstText: null, end: now },
      attempts: [],
      routing: { tier: null, model, source: "config", reason: "not executed: interrupted" },
      record: {
        runId: this.rt.runId,
        executionId: executionIdOf(spec.id),
        timestamp: new Date().toISOString(),
        agent,
        workflow: null,
        workflowPosition: null,
        scenario: spec.scenario || null,
        iteration: spec.iteration,
        provider: this.rt.providerInfo.name,
        simulated: this.rt.providerInfo.simulated,
        model,
        routing: null,
        taskHash: taskHash(task),
        success: false,
        errorType: "cancelled",
        errorMessage: message,
        attempts: 0,
        usage: UNKNOWN_USAGE,
        cost: null,
        e2eMs: elapsedMs,
        ttftMs: null,
        queueWaitMs: 0,
        overheadMs: 0,
        backoffMs: 0,
        worker: null,
      },
    };
  }
}

export interface QueueOptions extends Omit<CoordinatorOptions, "queueUrl"> {
  /** The --model flag: applies to executions that do not name their own model. */
  model?: string;
  /** The bench command line, stored with the run so `bench resume <run-id>` can re-run it. */
  argv?: string[];
}

/**
 * Make `runtime` execute through the queue: its orchestrator becomes a RemoteOrchestrator and its
 * close() also closes the queue connections. Returns a summary getter for the run's report.
 * Resume: re-run the same command with the same run id (createRuntime's `runId`) and `resume: true`;
 * finished executions are read back from the queue, pending ones awaited, nothing runs twice.
 */
export async function attachQueue(
  runtime: Runtime,
  queueUrl: string,
  opts: QueueOptions = {},
): Promise<{ summary(): DistributedSummary }> {
  const coordinator = await Coordinator.open(runtime, { ...opts, queueUrl });
  if (opts.argv) await coordinator.store("argv", opts.argv);
  runtime.orchestrator = new RemoteOrchestrator(runtime, coordinator, opts.model);
  const close = runtime.close.bind(runtime);
  runtime.close = async () => {
    await coordinator.close();
    await close();
  };
  return { summary: () => coordinator.summary() };
}
