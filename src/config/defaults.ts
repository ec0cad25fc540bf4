import type { Tier } from "../providers/types.js";

/** Tier → model id when the config names none (current Claude models). */
export const DEFAULT_MODEL_MAP: Readonly<Record<Tier, string>> = Object.freeze({
  haiku: "claude-haiku-4-5",
  sonnet: "claude-sonnet-4-6",
  opus: "claude-opus-4-6",
});

/** Where the tracker's database lives, relative to the project root. */
export const DEFAULT_TRACKING_DATABASE = ".claude/metrics/metrics.duckdb";

export const CONFIG_FILE_NAMES = ["claude-force.config.yaml", "claude-force.config.yml"] as const;
export const CLAUDE_JSON = ".claude/claude.json";
