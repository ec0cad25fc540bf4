/**
 * Workflow registry: built-ins, overridden by config workflows of the same name. Config workflows
 * are checked against the loaded agents up front, so a typo fails at load with file and line.
 */
import type { AgentRegistry } from "../agents/types.js";
import type { ConfigOrigin } from "../config/load.js";
import type { ClaudeForceConfig, WorkflowEntry } from "../config/schema.js";
import { didYouMean } from "../config/suggest.js";
import { ClaudeForceError } from "../errors.js";
import { BUILTIN_WORKFLOWS } from "./builtin.js";
import type { WorkflowDefinition, WorkflowRegistry } from "./types.js";

/** Both config shapes (a list of agent names, or `{description?, steps}`) as one definition. */
export function normalizeWorkflow(name: string, entry: WorkflowEntry): WorkflowDefinition {
  if (Array.isArray(entry)) {
    return {
      name,
      description: `Runs ${entry.join(" → ")}.`,
      steps: entry.map((agent) => ({ agent })),
      source: "config",
    };
  }
  return {
    name,
    description: entry.description ?? `Runs ${entry.steps.map((s) => s.agent).join(" → ")}.`,
    steps: entry.steps.map((s) => (s.task ? { agent: s.agent, task: s.task } : { agent: s.agent })),
    source: "config",
  };
}

/** A registry only reports unknown agents as missing; a broken agent file is reported when used. */
function isKnown(agents: AgentRegistry, name: string): boolean {
  if (agents.has(name)) return true;
  try {
    agents.get(name);
    return true;
  } catch (err) {
    return !(err instanceof ClaudeForceError && err.code === "NOT_FOUND");
  }
}

export function loadWorkflows(
  config: Pick<ClaudeForceConfig, "workflows">,
  agents: AgentRegistry,
  origins: Record<string, ConfigOrigin> = {},
): WorkflowRegistry {
  const byName = new Map<string, WorkflowDefinition>(BUILTIN_WORKFLOWS.map((w) => [w.name, w]));
  const agentNames = () => agents.list().map((a) => a.name);
  for (const [name, entry] of Object.entries(config.workflows)) {
    const wf = normalizeWorkflow(name, entry);
    wf.steps.forEach((step, i) => {
      if (isKnown(agents, step.agent)) return;
      const origin = origins[name];
      const keyPath = `workflows.${name}.${Array.isArray(entry) ? i : `steps.${i}.agent`}`;
      throw new ClaudeForceError("CONFIG", `unknown agent '${step.agent}' in workflow '${name}'`, {
        file: origin?.file,
        line: origin?.lineOf(keyPath),
        keyPath,
        expected: "the name of a loaded agent",
        found: `"${step.agent}"`,
        hint: didYouMean(step.agent, agentNames()) || "Run 'claude-force agents list' to see the agents",
      });
    });
    byName.set(name, wf);
  }

  const list = () => [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    list,
    has: (name) => byName.has(name),
    get size() {
      return byName.size;
    },
    get(name) {
      const wf = byName.get(name);
      if (!wf) {
        throw new ClaudeForceError("NOT_FOUND", `unknown workflow '${name}'`, {
          hint: didYouMean(name, byName.keys()) || "Run 'claude-force workflow list' to see the workflows",
        });
      }
      // Built-ins are checked when used: a project may run without part of the built-in pack.
      const missing = wf.steps.find((s) => !isKnown(agents, s.agent));
      if (missing) {
        throw new ClaudeForceError(
          "NOT_FOUND",
          `workflow '${name}' needs agent '${missing.agent}', which is not loaded`,
          {
            hint: "add the agent to .claude/agents/ or check the built-in pack",
          },
        );
      }
      return wf;
    },
  };
}
