import type { ErrorKind, ProviderName, Tier, Usage } from "../providers/types.js";

/** How the model for an execution was chosen. */
export interface RoutingDecision {
  tier: Tier | null;
  model: string;
  /** "flag" (--model), "agent" (frontmatter), "auto" (classifier), "config" (default), "scenario" */
  source: "flag" | "agent" | "auto" | "config" | "scenario";
  /** For auto: simple | standard | critical. */
  complexity?: "simple" | "standard" | "critical";
  reason: string;
}

/**
 * One execution of one agent on one task: the unit everything records. The tracker stores these
 * as they happen; exports map them to the original tool's field names (see toLegacyRecord).
 */
export interface ExecutionRecord {
  runId: string;
  executionId: string;
  /** ISO wall-clock time the execution started. */
  timestamp: string;
  agent: string;
  workflow: string | null;
  /** 1-based step position inside a workflow. */
  workflowPosition: number | null;
  scenario: string | null;
  iteration: number | null;
  provider: ProviderName;
  simulated: boolean;
  model: string;
  routing: RoutingDecision | null;
  taskHash: string;
  success: boolean;
  errorType: ErrorKind | null;
  errorMessage: string | null;
  attempts: number;
  usage: Usage;
  /** USD, or null when the model has no known price. */
  cost: number | null;
  e2eMs: number;
  ttftMs: number | null;
  queueWaitMs: number;
  /** Time spent in claude-force's own code outside the provider call. */
  overheadMs: number;
  /** Time slept in retry backoff. */
  backoffMs: number;
  worker: string | null;
}

/** The original Python tool's metric record (reference 1.4), kept for exports. */
export interface LegacyMetricRecord {
  timestamp: string;
  agent_name: string;
  task_hash: string;
  success: boolean;
  execution_time_ms: number;
  model: string;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  estimated_cost: number | null;
  error_type: string | null;
  workflow_name: string | null;
  workflow_position: number | null;
}

export function toLegacyRecord(r: ExecutionRecord): LegacyMetricRecord {
  const total = r.usage.input !== null && r.usage.output !== null ? r.usage.input + r.usage.output : null;
  return {
    timestamp: r.timestamp,
    agent_name: r.agent,
    task_hash: r.taskHash,
    success: r.success,
    execution_time_ms: r.e2eMs,
    model: r.model,
    input_tokens: r.usage.input,
    output_tokens: r.usage.output,
    total_tokens: total,
    estimated_cost: r.cost,
    error_type: r.errorType,
    workflow_name: r.workflow,
    workflow_position: r.workflowPosition,
  };
}
