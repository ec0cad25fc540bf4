import type { ClaudeForceError } from "../errors.js";

/** Where an agent definition came from, in loading order (a later source overrides an earlier one). */
export type AgentSource = "builtin" | "user" | "project" | "config";

/** One agent: a Claude Code subagent file (YAML frontmatter + markdown system prompt). */
export interface AgentDefinition {
  name: string;
  description: string;
  /** haiku | sonnet | opus | a full model id | inherit; null when the file names none. */
  model: string | null;
  tools: string[];
  disallowedTools: string[];
  /** The markdown body. */
  systemPrompt: string;
  /** Every frontmatter field as written, unknown ones included. */
  frontmatter: Record<string, unknown>;
  source: AgentSource;
  file: string;
  /** Contract text (from a claude.json `contract` file), appended to the system prompt. */
  contract?: string;
  domains?: string[];
  /** 1 (highest) .. 3, from claude.json. */
  priority?: number;
  /** Non-fatal notes from parsing (e.g. frontmatter that needed lenient YAML). */
  warnings?: string[];
}

export interface AgentOrigin {
  source: AgentSource;
  file: string;
}

export interface AgentOverride {
  name: string;
  /** The definition that won. */
  by: AgentOrigin;
  /** The definition it replaced. */
  replaced: AgentOrigin;
}

export interface AgentRegistry {
  /** Loaded agents sorted by name (broken files excluded; see `problems`). */
  list(): AgentDefinition[];
  /** Throws NOT_FOUND (with suggestions), or the agent file's own error when that file is broken. */
  get(name: string): AgentDefinition;
  has(name: string): boolean;
  readonly size: number;
  readonly overridden: AgentOverride[];
  /** Agent files that could not be loaded; listing still works without them. */
  readonly problems: ClaudeForceError[];
}
