/**
 * benchmarkAgent and benchmarkWorkflow: the guide's single-agent and workflow benchmarks, returning
 * a full ResultsDocument so reports and regression gates work on them like on any run.
 */

import type { Runtime } from "../orchestrator/runtime.js";
import type { WorkflowStepResult } from "../orchestrator/types.js";
import { DEFAULT_WORKFLOW_TASK } from "./scenarios.js";
import { type BenchCallbacks, BenchSession, type IterationEvent } from "./session.js";
import type { ResultsDocument } from "./types.js";

export interface SingleBenchOptions extends BenchCallbacks {
  /** Recorded iterations (default 10 for an agent, 5 for a workflow, as in the guide). */
  iterations?: number;
  /** Unrecorded warmup iterations (default 0). */
  warmup?: number;
  concurrency?: number;
  /** haiku | sonnet | opus | full model id | auto (default: the agent's own model). */
  model?: string;
  outputDir?: string;
  onIteration?: (e: IterationEvent) => void;
}

export async function benchmarkAgent(
  runtime: Runtime,
  agent: string,
  task: string,
  opts: SingleBenchOptions = {},
): Promise<ResultsDocument> {
  const session = new BenchSession(runtime, { ...opts, command: "bench agent" });
  try {
    await session.runScenario({
      def: { name: agent, description: `agent ${agent}`, kind: "agent", agent, task, model: opts.model },
      iterations: opts.iterations ?? 10,
      warmup: opts.warmup ?? 0,
      concurrency: opts.concurrency ?? 1,
      onIteration: opts.onIteration,
    });
    return session.finish();
  } catch (err) {
    session.abandon();
    throw err;
  }
}

export interface WorkflowBenchOptions extends SingleBenchOptions {
  /** The request the workflow works on (default: the workflow_test scenario's code-quality task). */
  task?: string;
  onStep?: (step: WorkflowStepResult, iteration: number) => void;
}

export async function benchmarkWorkflow(
  runtime: Runtime,
  name: string,
  opts: WorkflowBenchOptions = {},
): Promise<ResultsDocument> {
  const session = new BenchSession(runtime, { ...opts, command: "bench workflow" });
  try {
    await session.runScenario({
      def: {
        name,
        description: `workflow ${name}`,
        kind: "workflow",
        workflow: name,
        task: opts.task ?? DEFAULT_WORKFLOW_TASK,
        model: opts.model,
      },
      iterations: opts.iterations ?? 5,
      warmup: opts.warmup ?? 0,
      concurrency: opts.concurrency ?? 1,
      onIteration: opts.onIteration,
      onStep: opts.onStep,
    });
    return session.finish();
  } catch (err) {
    session.abandon();
    throw err;
  }
}
