/**
 * zod schemas for `.claude/claude.json` (the original tool's shape: agents + workflows) and
 * `claude-force.config.yaml` (everything). Objects are strict so a misspelt key is an error.
 */
import { z } from "zod";
import { AGENT_NAME_PATTERN } from "../agents/parse.js";
import type { Tier } from "../providers/types.js";

const text = z.string().trim().min(1);
/** Agent and workflow names follow the agent-file rule. */
const name = z
  .string()
  .regex(AGENT_NAME_PATTERN, "lowercase letters, digits, hyphens or dots, like python-expert");
const rate = z.number().min(0).max(1);
const usdPerMillion = z.number().min(0);

export const AgentEntrySchema = z.strictObject({
  /** Markdown file, relative to `.claude/` (claude.json) or to the project root (YAML config). */
  file: text,
  /** Contract file appended to the system prompt, same relative base as `file`. */
  contract: text.optional(),
  domains: z.array(text).optional(),
  priority: z.number().int().min(1).max(3).optional(),
  model: text.optional(),
  description: text.optional(),
});

export const WorkflowStepSchema = z.strictObject({ agent: text, task: z.string().optional() });

export const WorkflowEntrySchema = z.union([
  z.array(text).min(1),
  z.strictObject({ description: z.string().optional(), steps: z.array(WorkflowStepSchema).min(1) }),
]);

export const PriceSchema = z.strictObject({
  input: usdPerMillion,
  output: usdPerMillion,
  cacheWrite5m: usdPerMillion.optional(),
  cacheWrite1h: usdPerMillion.optional(),
  cacheRead: usdPerMillion.optional(),
});

const agents = z.record(name, AgentEntrySchema);
const workflows = z.record(name, WorkflowEntrySchema);

export const ConfigFileSchema = z.strictObject({
  provider: z.enum(["sim", "anthropic", "openai"]).optional(),
  baseUrl: z.url().optional(),
  models: z
    .strictObject({ haiku: text.optional(), sonnet: text.optional(), opus: text.optional() })
    .optional(),
  /** A tier, a full model id or "auto". */
  defaultModel: text.optional(),
  pricing: z.record(text, PriceSchema).optional(),
  tracking: z.strictObject({ enabled: z.boolean().optional(), database: text.optional() }).optional(),
  sim: z
    .strictObject({
      timeScale: z.number().positive().optional(),
      seed: z.number().int().optional(),
      faults: z
        .strictObject({
          errorRate: rate.optional(),
          rateLimitRate: rate.optional(),
          overloadedRate: rate.optional(),
        })
        .optional(),
    })
    .optional(),
  bench: z
    .strictObject({
      iterations: z.number().int().min(1).optional(),
      warmup: z.number().int().min(0).optional(),
      timeScale: z.number().positive().optional(),
      concurrency: z.array(z.number().int().min(1)).min(1).optional(),
      output: text.optional(),
    })
    .optional(),
  agents: agents.optional(),
  workflows: workflows.optional(),
  /** Validated by the regression module (see validateSection). */
  regression: z.unknown().optional(),
  budgets: z.unknown().optional(),
  routing: z
    .strictObject({
      simpleKeywords: z.array(text).optional(),
      criticalKeywords: z.array(text).optional(),
      /** "learnt" (default) or "rules": which tier classifier `--model auto` uses. */
      classifier: z.enum(["learnt", "rules"]).optional(),
    })
    .optional(),
});

/** claude.json is shared with other tools: only `agents` and `workflows` are ours to check. */
export const ClaudeJsonSchema = z.looseObject({ agents: agents.optional(), workflows: workflows.optional() });

export type AgentEntry = z.infer<typeof AgentEntrySchema>;
export type WorkflowEntry = z.infer<typeof WorkflowEntrySchema>;
export type PriceEntry = z.infer<typeof PriceSchema>;
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** The merged configuration with defaults applied. */
export type ClaudeForceConfig = Omit<
  ConfigFile,
  "models" | "defaultModel" | "tracking" | "agents" | "workflows"
> & {
  models: Record<Tier, string>;
  defaultModel: string;
  tracking: { enabled: boolean; database: string };
  agents: Record<string, AgentEntry>;
  workflows: Record<string, WorkflowEntry>;
};
