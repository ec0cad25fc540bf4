/**
 * loadProject: config + agents + workflows for one project root. The orchestrator and every
 * command start here.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { loadConfigAgents } from "../agents/from-config.js";
import { loadAgents } from "../agents/registry.js";
import type { AgentRegistry } from "../agents/types.js";
import { ClaudeForceError } from "../errors.js";
import { loadWorkflows } from "../workflows/registry.js";
import type { WorkflowRegistry } from "../workflows/types.js";
import { loadConfig } from "./load.js";
import type { ClaudeForceConfig } from "./schema.js";

export interface Project {
  /** Absolute project root. */
  root: string;
  config: ClaudeForceConfig;
  configFiles: string[];
  configHash: string;
  agents: AgentRegistry;
  workflows: WorkflowRegistry;
}

export interface LoadProjectOptions {
  /** Also load ~/.claude/agents. */
  includeUser?: boolean;
  /** Override the built-in agents folder (tests). */
  builtinDir?: string;
}

export async function loadProject(projectRoot: string, opts: LoadProjectOptions = {}): Promise<Project> {
  const root = resolve(projectRoot);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ClaudeForceError("USAGE", "project directory not found", {
      file: root,
      hint: "pass an existing folder with --project (or -C)",
    });
  }
  const loaded = await loadConfig(root);
  const extra = await loadConfigAgents(loaded.config.agents, loaded.origins.agents);
  const agents = await loadAgents({
    projectRoot: root,
    includeUser: opts.includeUser,
    builtinDir: opts.builtinDir,
    extra,
  });
  return {
    root,
    config: loaded.config,
    configFiles: loaded.files,
    configHash: loaded.hash,
    agents,
    workflows: loadWorkflows(loaded.config, agents, loaded.origins.workflows),
  };
}
