/**
 * The built-in benchmark scenarios (the guide's "Available Scenarios"). A scenario is data; its
 * definition hash goes into the run fingerprint so runs of different scenarios never compare.
 */
import { ClaudeForceError } from "../errors.js";
import { stableHash } from "../internal/ids.js";
import { INVENTORY_REPORT_PY, ORDER_SUMMARY_PY, RATE_LIMITER_PY, REGISTER_USER_PY } from "./scenario-code.js";

export interface ScenarioDef {
  name: string;
  description: string;
  kind: "agent" | "workflow";
  agent?: string;
  workflow?: string;
  task: string;
  /** haiku | sonnet | opus | a full model id | auto; absent = the agent's own choice. */
  model?: string;
}

const fence = (code: string) => `\`\`\`python\n${code}\`\`\``;

export const BUILTIN_SCENARIOS: readonly ScenarioDef[] = [
  {
    name: "simple_task",
    description: "Basic code explanation (Haiku)",
    kind: "agent",
    agent: "python-expert",
    model: "haiku",
    task: [
      "Explain what this Python function does, step by step, for a developer who is new to Python.",
      "Say why the orders are sorted before groupby, what defaultdict saves here, and which input",
      "would surprise a caller (for example a customer whose orders have no lines).",
      "",
      fence(ORDER_SUMMARY_PY),
    ].join("\n"),
  },
  {
    name: "medium_task",
    description: "Code review with suggestions (Sonnet)",
    kind: "agent",
    agent: "code-reviewer",
    model: "sonnet",
    task: [
      "Review this function for correctness, security and maintainability. For each issue give the",
      "line, a severity (critical, major or minor), why it matters and a concrete fix. Then show a",
      "corrected version of the function that keeps its signature apart from the roles default.",
      "",
      fence(REGISTER_USER_PY),
    ].join("\n"),
  },
  {
    name: "complex_task",
    description: "Comprehensive refactoring (Opus)",
    kind: "agent",
    agent: "python-expert",
    model: "opus",
    task: [
      "Refactor this legacy module. Constraints:",
      "- keep the command-line behaviour: same CSV columns, same stdout lines, exit code 1 when stock is low;",
      "- keep the public function report(out=None) working for existing callers;",
      "- Python 3.11, standard library only;",
      "- separate fetching, computation and output so the computation is testable without a network;",
      "- replace the global cache and threshold with explicit parameters, use dataclasses and type hints;",
      "- one bounded retry helper with backoff for both HTTP calls, with HTTP errors handled explicitly.",
      "Deliver the refactored module, a short note on each change and why, and pytest tests for the",
      "computation (low-stock selection, totals per warehouse).",
      "",
      fence(INVENTORY_REPORT_PY),
    ].join("\n"),
  },
  {
    name: "workflow_test",
    description: "Multi-agent workflow execution (code-quality-check)",
    kind: "workflow",
    workflow: "code-quality-check",
    task: [
      "Check the quality of this rate limiter, which is used from several threads in a web service,",
      "and propose fixes with tests.",
      "",
      fence(RATE_LIMITER_PY),
    ].join("\n"),
  },
];

/** The task `bench workflow` uses when none is given. */
export const DEFAULT_WORKFLOW_TASK = BUILTIN_SCENARIOS[3]!.task;

export function scenarioNames(): string[] {
  return BUILTIN_SCENARIOS.map((s) => s.name);
}

/** Pick built-in scenarios by name (all when none are given); an unknown name is a NOT_FOUND error. */
export function selectScenarios(names?: readonly string[]): ScenarioDef[] {
  if (!names || names.length === 0) return [...BUILTIN_SCENARIOS];
  return names.map((name) => {
    const found = BUILTIN_SCENARIOS.find((s) => s.name === name);
    if (!found)
      throw new ClaudeForceError("NOT_FOUND", `unknown scenario '${name}'`, {
        expected: scenarioNames().join(", "),
        found: name,
      });
    return found;
  });
}

/** What makes two runs of a scenario comparable: what ran, on which model, how many times. */
export function definitionHash(def: ScenarioDef, iterations: number, extra?: unknown): string {
  return stableHash({
    kind: def.kind,
    agent: def.agent,
    workflow: def.workflow,
    task: def.task,
    model: def.model,
    iterations,
    extra,
  });
}
