/**
 * Validation of the `regression` and `budgets` config sections (the config loader hands them over
 * raw). Structure is checked with zod; metric names, rule directions and budget comparator strings
 * get hand-written messages with the key path, what was expected and what was found.
 */
import { type ZodType, z } from "zod";
import { didYouMean } from "../config/suggest.js";
import { validateSection } from "../config/validate.js";
import { ClaudeForceError, type ErrorDetails } from "../errors.js";
import { type MetricDef, metricByName, metricNames } from "./metrics.js";

/** A ratio per metric; `null` switches a default rule off. */
export type RuleSet = Record<string, number | null>;

export interface RuleConfig {
  /** Applied to every scenario (and, for run-level metrics such as haiku_share, once per run). */
  default?: RuleSet;
  /** Per-scenario overrides, merged over the defaults. */
  scenarios?: Record<string, RuleSet>;
}

/** Scenario name (or "*" for every scenario) → metric → comparator string such as "< 5000". */
export type BudgetConfig = Record<string, Record<string, string | number>>;

export interface RegressionConfig {
  alpha?: number;
  strict?: boolean;
  rules?: RuleConfig;
}

export interface NormalizedRules {
  default: RuleSet;
  scenarios: Record<string, RuleSet>;
}

export type Comparator = "<" | "<=" | ">" | ">=";

export interface Budget {
  metric: MetricDef;
  op: Comparator;
  limit: number;
  /** Normalised text shown as the threshold, e.g. "< 5000". */
  text: string;
}

/** Scenario name or "*" → budgets. */
export type NormalizedBudgets = Record<string, Budget[]>;

/** Where a config section came from, so errors can name the file and line. */
export interface ConfigSourceRef {
  file?: string | undefined;
  lineOf?: ((keyPath: string) => number | undefined) | undefined;
}

interface Where extends ConfigSourceRef {
  prefix: string;
}

const ratio = z.union([z.number().positive(), z.null()]);
const ruleSet = z.record(z.string(), ratio);
const rulesSchema = z.strictObject({
  default: ruleSet.optional(),
  scenarios: z.record(z.string(), ruleSet).optional(),
});
const regressionSchema = z.strictObject({
  alpha: z.number().gt(0).lt(1).optional(),
  strict: z.boolean().optional(),
  rules: rulesSchema.optional(),
});
const budgetsSchema = z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number()])));

/** Validate the `regression:` section. */
export function parseRegressionConfig(
  raw: unknown,
  source: ConfigSourceRef = {},
): { alpha?: number; strict?: boolean; rules: NormalizedRules } {
  if (raw === undefined || raw === null) return { rules: { default: {}, scenarios: {} } };
  const parsed = check(regressionSchema, raw, { ...source, prefix: "regression" });
  const out: { alpha?: number; strict?: boolean; rules: NormalizedRules } = {
    rules: normalizeRules(parsed.rules, source, "regression.rules"),
  };
  if (parsed.alpha !== undefined) out.alpha = parsed.alpha;
  if (parsed.strict !== undefined) out.strict = parsed.strict;
  return out;
}

/** Validate rules: known metric names (aliases resolved) and ratios pointing the right way. */
export function normalizeRules(
  rules: RuleConfig | undefined,
  source: ConfigSourceRef = {},
  prefix = "rules",
): NormalizedRules {
  if (rules === undefined) return { default: {}, scenarios: {} };
  const parsed = check(rulesSchema, rules, { ...source, prefix });
  const scenarios: Record<string, RuleSet> = {};
  for (const [name, set] of Object.entries(parsed.scenarios ?? {}))
    scenarios[name] = normalizeRuleSet(set, { ...source, prefix: `${prefix}.scenarios.${name}` }, false);
  const defaults = normalizeRuleSet(parsed.default ?? {}, { ...source, prefix: `${prefix}.default` }, true);
  return { default: defaults, scenarios };
}

function normalizeRuleSet(set: RuleSet, where: Where, allowRunLevel: boolean): RuleSet {
  const out: RuleSet = {};
  for (const [key, value] of Object.entries(set)) {
    const keyPath = `${where.prefix}.${key}`;
    const metric = resolveMetric(key, { ...where, prefix: keyPath });
    if (metric.level === "run" && !allowRunLevel)
      fail(`${key} is measured once per run, not per scenario`, where, keyPath, {
        hint: "put it under rules.default",
      });
    if (value !== null) {
      const wrongWay = metric.direction === "higher_is_worse" ? value < 1 : value > 1;
      if (wrongWay)
        fail("ratio points the wrong way for this metric", where, keyPath, {
          expected:
            metric.direction === "higher_is_worse"
              ? "a ratio >= 1 (higher is worse: 1.15 flags more than 15% above baseline)"
              : "a ratio <= 1 (lower is worse: 0.95 flags more than 5% below baseline)",
          found: String(value),
        });
    }
    out[metric.name] = value;
  }
  return out;
}

/** Validate the `budgets:` section. */
export function parseBudgets(
  raw: unknown,
  source: ConfigSourceRef = {},
  prefix = "budgets",
): NormalizedBudgets {
  if (raw === undefined || raw === null) return {};
  const parsed = check(budgetsSchema, raw, { ...source, prefix });
  const out: NormalizedBudgets = {};
  for (const [scenario, limits] of Object.entries(parsed)) {
    out[scenario] = Object.entries(limits).map(([key, text]) => {
      const keyPath = `${prefix}.${scenario}.${key}`;
      const where = { ...source, prefix: keyPath };
      const metric = resolveMetric(key, where);
      if (metric.level === "run" && scenario !== "*")
        fail(`${key} is measured once per run, not per scenario`, where, keyPath, {
          hint: `put it under ${prefix}."*"`,
        });
      return { metric, ...parseComparator(text, where) };
    });
  }
  return out;
}

const COMPARATOR = /^\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(%?)\s*$/i;

/** "< 5000", ">= 0.95", "> 95%" → {op, limit, text}. */
export function parseComparator(
  text: string | number,
  where: Where = { prefix: "budget" },
): { op: Comparator; limit: number; text: string } {
  const m = typeof text === "string" ? COMPARATOR.exec(text) : null;
  if (!m)
    fail("budget must be a comparison", where, where.prefix, {
      expected: `a string like "< 5000", "<= 0.01", "> 0.95" or "> 95%"`,
      found: JSON.stringify(text),
    });
  const op = m[1] as Comparator;
  const limit = Number(m[2]) / (m[3] ? 100 : 1);
  return { op, limit, text: `${op} ${limit}` };
}

function resolveMetric(key: string, where: Where): MetricDef {
  const metric = metricByName(key);
  if (metric) return metric;
  const hint = didYouMean(key, metricNames());
  return fail(`unknown metric '${key}'`, where, where.prefix, {
    expected:
      "a metric such as mean_time_ms, p95_ms, ttft_p95_ms, success_rate, total_cost, cost_per_success",
    found: key,
    ...(hint ? { hint } : {}),
  });
}

function check<T>(schema: ZodType<T>, raw: unknown, where: Where): T {
  return validateSection(schema, raw, where.file ?? "", where.prefix, where.lineOf);
}

function fail(message: string, where: Where, keyPath: string, details: ErrorDetails): never {
  throw new ClaudeForceError("CONFIG", message, {
    file: where.file,
    line: where.lineOf?.(keyPath),
    keyPath,
    ...details,
  });
}
