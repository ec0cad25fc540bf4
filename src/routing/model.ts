/**
 * routeModel: which model runs a task. Precedence: an explicit `--model` (unless "auto"), then the
 * agent's frontmatter `model` (unless "inherit"), then the configured default; "auto" anywhere it
 * is reached means the complexity classifier picks the tier.
 *
 * What counts as a full model id (passed through unchanged): a name that starts with "claude-", or
 * that contains a digit and one of "-", ".", ":", "/" (claude-sonnet-4-6, gpt-4o, llama3.1:8b,
 * qwen2.5-coder, org/model-7b). Anything else that is not a tier name ("hiku", "gpt5x", "llama3")
 * is rejected with the valid values, so a typo never silently reaches a provider; write Ollama's
 * bare names with their tag (llama3:latest).
 */
import { suggest } from "../config/suggest.js";
import { ClaudeForceError, type ErrorCode, type ErrorDetails } from "../errors.js";
import { TIERS, type Tier } from "../providers/types.js";
import type { RoutingDecision } from "../tracking/types.js";
import { type ClassifyOptions, type Complexity, classifyComplexity } from "./classify.js";

export const COMPLEXITY_TIER: Readonly<Record<Complexity, Tier>> = {
  simple: "haiku",
  standard: "sonnet",
  critical: "opus",
};

export interface RouteOptions {
  task: string;
  /** haiku | sonnet | opus | a full model id | auto | undefined */
  modelFlag?: string;
  /** The agent's frontmatter `model` (null or "inherit" defer to the default). */
  agentModel?: string | null;
  /** Used in the reason string ("agent python-expert prefers sonnet"). */
  agentName?: string;
  /** Config `defaultModel`; "auto" when unset. */
  defaultModel?: string;
  modelMap: Record<Tier, string>;
  keywords?: ClassifyOptions;
}

export type ModelChoice =
  | { kind: "auto" }
  | { kind: "tier"; tier: Tier }
  | { kind: "id"; id: string; tier: Tier | null };

const MODEL_ID = /^(?:claude-[\w.:/-]+|(?=[\w.:/-]*\d)(?=[\w.:/-]*[-.:/])[\w][\w.:/-]*)$/i;

/** True when `value` looks like a full model id rather than a (misspelt) tier name. */
export function isModelId(value: string): boolean {
  return MODEL_ID.test(value);
}

/** The tier a model id belongs to: its entry in the model map, else the tier named inside it. */
export function tierOfModel(id: string, modelMap?: Record<Tier, string>): Tier | null {
  if (modelMap) for (const t of TIERS) if (modelMap[t] === id) return t;
  const lower = id.toLowerCase();
  return TIERS.find((t) => lower.includes(t)) ?? null;
}

/** Parse one model setting; throws `code` (with where it came from) when it is neither. */
export function parseModelChoice(
  value: string,
  where: { code: ErrorCode; what: string; details?: ErrorDetails },
  modelMap?: Record<Tier, string>,
): ModelChoice {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (lower === "auto") return { kind: "auto" };
  if ((TIERS as readonly string[]).includes(lower)) return { kind: "tier", tier: lower as Tier };
  if (isModelId(v)) return { kind: "id", id: v, tier: tierOfModel(v, modelMap) };
  const close = suggest(lower, [...TIERS, "auto"]);
  throw new ClaudeForceError(where.code, `unknown model '${v}' in ${where.what}`, {
    ...where.details,
    expected: "haiku, sonnet, opus, auto or a full model id (e.g. claude-sonnet-4-6)",
    found: v,
    hint:
      close.length > 0
        ? `did you mean ${close.join(" or ")}?`
        : "a model id starts with claude- or has a version number",
  });
}

function decide(
  choice: Exclude<ModelChoice, { kind: "auto" }>,
  source: RoutingDecision["source"],
  reason: string,
  modelMap: Record<Tier, string>,
): RoutingDecision {
  if (choice.kind === "tier") return { tier: choice.tier, model: modelMap[choice.tier], source, reason };
  return { tier: choice.tier, model: choice.id, source, reason };
}

const label = (c: Exclude<ModelChoice, { kind: "auto" }>) => (c.kind === "tier" ? c.tier : c.id);

export function routeModel(opts: RouteOptions): RoutingDecision {
  const { modelMap } = opts;
  if (opts.modelFlag !== undefined && opts.modelFlag.trim() !== "") {
    const flag = parseModelChoice(opts.modelFlag, { code: "NOT_FOUND", what: "--model" }, modelMap);
    if (flag.kind !== "auto") return decide(flag, "flag", `flag --model ${label(flag)}`, modelMap);
  }
  const agentModel = opts.agentModel?.trim();
  if (agentModel && agentModel.toLowerCase() !== "inherit") {
    const who = opts.agentName ? `agent ${opts.agentName}` : "agent";
    const choice = parseModelChoice(
      agentModel,
      { code: "INPUT", what: `${who} frontmatter`, details: { keyPath: "model" } },
      modelMap,
    );
    if (choice.kind === "auto") return autoRoute(opts, `${who} asks for auto`);
    return decide(choice, "agent", `${who} prefers ${label(choice)}`, modelMap);
  }
  const def = parseModelChoice(
    opts.defaultModel ?? "auto",
    { code: "CONFIG", what: "config", details: { keyPath: "defaultModel" } },
    modelMap,
  );
  if (def.kind !== "auto") return decide(def, "config", `config defaultModel ${label(def)}`, modelMap);
  return autoRoute(opts);
}

function autoRoute(opts: RouteOptions, prefix?: string): RoutingDecision {
  const c = classifyComplexity(opts.task, opts.keywords);
  const tier = COMPLEXITY_TIER[c.complexity];
  const reason = `${prefix ? `${prefix}; ` : ""}auto: ${c.reason}`;
  return { tier, model: opts.modelMap[tier], source: "auto", complexity: c.complexity, reason };
}
