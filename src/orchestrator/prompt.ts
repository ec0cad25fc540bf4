/**
 * Prompt assembly. One call per agent (the original's semantics): the agent's system prompt (and
 * its contract, if the config gave one) as `system`, and the task under `# Task` as the user turn.
 * Workflow steps also get the original request and the previous step's output.
 */
export interface PromptAgent {
  name: string;
  systemPrompt: string;
  contract?: string;
}

export function buildSystemPrompt(agent: PromptAgent): string {
  const base = agent.systemPrompt.trim() || `You are ${agent.name}.`;
  return agent.contract ? `${base}\n\n# Contract\n${agent.contract.trim()}` : base;
}

export interface Handoff {
  /** The workflow's original request. */
  originalTask: string;
  previousAgent: string;
  previousOutput: string;
}

export function buildUserMessage(task: string, opts: { context?: string; handoff?: Handoff } = {}): string {
  const parts: string[] = [];
  if (opts.context) parts.push(`# Context\n${opts.context.trim()}`);
  parts.push(`# Task\n${task.trim()}`);
  if (opts.handoff) {
    const h = opts.handoff;
    if (h.originalTask.trim() !== task.trim()) parts.push(`# Original request\n${h.originalTask.trim()}`);
    parts.push(`# Output from the previous step (${h.previousAgent})\n${h.previousOutput.trim()}`);
  }
  return parts.join("\n\n");
}

/** A workflow step's own instruction, applied to the user's request. */
export function stepTask(stepInstruction: string | undefined, originalTask: string): string {
  if (!stepInstruction) return originalTask;
  return `${stepInstruction.trim()}\n\n${originalTask.trim()}`;
}
