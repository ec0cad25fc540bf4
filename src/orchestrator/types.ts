import type { AttemptRecord, Timings, Usage } from "../providers/types.js";
import type { ExecutionRecord, RoutingDecision } from "../tracking/types.js";

export interface ExecuteOptions {
  /** haiku | sonnet | opus | full model id | auto */
  model?: string;
  workflow?: string;
  workflowPosition?: number;
  scenario?: string;
  iteration?: number;
  maxTokens?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Intended start (performance.now() ms) for open-loop schedules; queue wait = actual - intended. */
  intendedStart?: number;
  /** Extra context prepended to the task (workflow hand-off). */
  context?: string;
}

export interface ExecuteResult {
  success: boolean;
  output: string;
  errors: string[];
  model: string;
  usage: Usage;
  cost: number | null;
  /** Timings of the final attempt. */
  timings: Timings;
  attempts: AttemptRecord[];
  routing: RoutingDecision;
  record: ExecutionRecord;
}

export interface WorkflowStepResult extends ExecuteResult {
  position: number;
  agent: string;
  /** Time between the previous step's end and this step's provider call start. */
  handoffMs: number;
}

export interface WorkflowResult {
  workflow: string;
  success: boolean;
  steps: WorkflowStepResult[];
  output: string;
  totalMs: number;
  cost: number | null;
  /** Position (1-based) of the first failed step, if any. */
  failedAt: number | null;
}
