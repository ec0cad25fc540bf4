/**
 * The regression gate: compare a run with a baseline under ratio rules (relative to the baseline)
 * and budgets (absolute limits). Latency rules on metrics with raw samples on both sides are
 * noise-aware: over the threshold is not enough, the shift must also be significant.
 */
import type { ResultsDocument } from "../bench/types.js";
import { ClaudeForceError } from "../errors.js";
import { mannWhitneyU } from "../stats/rank-test.js";
import { type AnyResults, isLegacy } from "./baseline.js";
import {
  type Budget,
  type BudgetConfig,
  type ConfigSourceRef,
  type NormalizedRules,
  normalizeRules,
  parseBudgets,
  type RuleConfig,
  type RuleSet,
} from "./config.js";
import { fingerprintDifferences } from "./fingerprint.js";
import { GUIDE_RULES, METRICS, type MetricDef, type ScenarioLike } from "./metrics.js";
import type { Comparison, ComparisonRow } from "./types.js";

export interface CompareOptions {
  rules?: RuleConfig;
  budgets?: BudgetConfig;
  /** Significance level of the one-sided rank test (default 0.05). */
  alpha?: number;
  /** Judge latency on thresholds alone, without the significance test. */
  strict?: boolean;
  /** Compare runs whose fingerprints differ, listing the differences as warnings. */
  allowMismatch?: boolean;
  baselineFile?: string;
  /** Where the rules and budgets came from (named in validation errors). */
  configSource?: ConfigSourceRef;
}

export const DEFAULT_ALPHA = 0.05;
export const RUN_SCOPE = "(run)";

export function compareResults(
  baseline: AnyResults,
  current: ResultsDocument,
  opts: CompareOptions = {},
): Comparison {
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1))
    throw new ClaudeForceError("USAGE", "alpha must be between 0 and 1", {
      expected: "a number such as 0.05",
      found: String(opts.alpha),
    });
  const strict = opts.strict ?? false;
  const rules = normalizeRules(opts.rules, opts.configSource, "regression.rules");
  const budgets = parseBudgets(opts.budgets, opts.configSource);
  const legacy = isLegacy(baseline);

  const mismatches = legacy ? [] : fingerprintDifferences(baseline, current);
  if (mismatches.length > 0 && !opts.allowMismatch)
    throw new ClaudeForceError("USAGE", `runs are not comparable: ${mismatches.join("; ")}`, {
      file: opts.baselineFile,
      hint: "re-run with the baseline's settings, save a new baseline, or pass --allow-mismatch to compare anyway",
    });

  const notes: string[] = [];
  if (legacy) notes.push("legacy baseline: no fingerprint; only the guide's three metrics are compared");
  for (const name of Object.keys(rules.scenarios))
    if (!current.scenarios.some((s) => s.name === name))
      notes.push(`rules name scenario '${name}', which this run does not have`);

  const judge = { strict, alpha };
  const rows: ComparisonRow[] = [];
  const baseByName = new Map<string, ScenarioLike>(baseline.scenarios.map((s) => [s.name, s]));

  for (const cur of current.scenarios) {
    const base = baseByName.get(cur.name);
    if (!base) rows.push(missingRow(cur.name, "new scenario: not in the baseline"));
    else
      for (const [metric, ratio] of scenarioRules(rules, cur.name, legacy))
        rows.push(
          ruleRow(
            cur.name,
            metric,
            ratio,
            metric.scenarioValue!(base),
            metric.scenarioValue!(cur),
            base,
            cur,
            judge,
          ),
        );
    for (const budget of scenarioBudgets(budgets, cur.name))
      rows.push(
        budgetRow(
          cur.name,
          budget,
          base ? budget.metric.scenarioValue!(base) : null,
          budget.metric.scenarioValue!(cur),
        ),
      );
  }
  for (const base of baseline.scenarios)
    if (!current.scenarios.some((s) => s.name === base.name))
      rows.push(missingRow(base.name, "in the baseline but not in this run"));
  for (const name of Object.keys(budgets))
    if (name !== "*" && !current.scenarios.some((s) => s.name === name))
      rows.push(missingRow(name, "budget names a scenario this run does not have"));

  if (!legacy)
    for (const [key, ratio] of Object.entries(rules.default)) {
      const metric = METRICS.find((m) => m.name === key)!;
      if (metric.level === "run" && ratio !== null)
        rows.push(
          ruleRow(
            RUN_SCOPE,
            metric,
            ratio,
            metric.runValue!(baseline),
            metric.runValue!(current),
            null,
            null,
            judge,
          ),
        );
    }
  for (const budget of budgets["*"] ?? [])
    if (budget.metric.level === "run")
      rows.push(
        budgetRow(
          RUN_SCOPE,
          budget,
          legacy ? null : budget.metric.runValue!(baseline),
          budget.metric.runValue!(current),
        ),
      );

  const regressions = rows.filter((r) => r.verdict === "regressed").length;
  const budgetFailures = rows.filter((r) => r.verdict === "budget_failed").length;
  return {
    baselineFile: opts.baselineFile ?? null,
    baselineRunId: legacy ? null : baseline.run.id,
    currentRunId: current.run.id,
    mismatches,
    mismatchAllowed: mismatches.length > 0,
    strict,
    alpha,
    rows,
    regressions,
    budgetFailures,
    passed: regressions === 0 && budgetFailures === 0,
    provider: current.run.provider,
    simulated: current.run.simulated,
    timeScale: current.run.timeScale,
    legacyBaseline: legacy,
    notes,
  };
}

/** Guide defaults, then the configured defaults, then the scenario's overrides; null switches off. */
function scenarioRules(
  rules: NormalizedRules,
  scenario: string,
  legacy: boolean,
): Array<[MetricDef, number]> {
  const merged: RuleSet = { ...GUIDE_RULES, ...rules.default, ...rules.scenarios[scenario] };
  const out: Array<[MetricDef, number]> = [];
  for (const metric of METRICS) {
    const ratio = merged[metric.name];
    if (ratio === undefined || ratio === null || metric.level !== "scenario") continue;
    // A legacy baseline has only the guide's summary: compare only the guide's metrics.
    if (legacy && !(metric.name in GUIDE_RULES)) continue;
    out.push([metric, ratio]);
  }
  return out;
}

/** "*" budgets, overridden metric by metric by the scenario's own. */
function scenarioBudgets(budgets: Record<string, Budget[]>, scenario: string): Budget[] {
  const byMetric = new Map<string, Budget>();
  for (const b of budgets["*"] ?? []) if (b.metric.level === "scenario") byMetric.set(b.metric.name, b);
  for (const b of budgets[scenario] ?? []) byMetric.set(b.metric.name, b);
  return [...byMetric.values()];
}

function ruleRow(
  scenario: string,
  metric: MetricDef,
  threshold: number,
  baseline: number | null,
  current: number | null,
  base: ScenarioLike | null,
  cur: ScenarioLike | null,
  judge: { strict: boolean; alpha: number },
): ComparisonRow {
  const higherWorse = metric.direction === "higher_is_worse";
  const row: ComparisonRow = {
    scenario,
    metric: metric.name,
    baseline,
    current,
    ratio: baseline !== null && current !== null && baseline !== 0 ? current / baseline : null,
    threshold: `${higherWorse ? ">" : "<"} ${threshold}x`,
    verdict: "ok",
  };
  if (baseline === null || current === null)
    return {
      ...row,
      verdict: "missing",
      note: `not measured in the ${baseline === null ? "baseline" : "current run"}`,
    };

  const worse = higherWorse ? current > baseline * threshold : current < baseline * threshold;
  const better = higherWorse ? current * threshold < baseline : current * threshold > baseline;
  const thresholdVerdict = worse ? "regressed" : better ? "improved" : "ok";
  if (!worse && !better) return row;

  const bs = base?.samples ?? [];
  const cs = cur?.samples ?? [];
  if (!metric.fromSamples) return { ...row, verdict: thresholdVerdict };
  if (judge.strict) return { ...row, verdict: thresholdVerdict, note: "strict: threshold only" };
  if (bs.length === 0 || cs.length === 0)
    return { ...row, verdict: thresholdVerdict, note: "no raw samples: threshold only" };

  const test = mannWhitneyU(cs, bs, { alternative: worse ? "greater" : "less" });
  const detail = { pValue: test.pValue, effectSize: test.effectSize, test: "mann-whitney" as const };
  if (test.tooSmall)
    return worse
      ? {
          ...row,
          ...detail,
          verdict: "insufficient_data",
          note: `over threshold, but ${cs.length} vs ${bs.length} samples is too few to judge (need 8 per side; --strict gates on the threshold alone)`,
        }
      : { ...row, ...detail, note: "too few samples to call an improvement" };
  if (test.pValue < judge.alpha) return { ...row, ...detail, verdict: thresholdVerdict };
  return {
    ...row,
    ...detail,
    note: `${worse ? "over" : "under"} threshold but not significant (${formatP(test.pValue)})`,
  };
}

function budgetRow(
  scenario: string,
  budget: Budget,
  baseline: number | null,
  current: number | null,
): ComparisonRow {
  const row: ComparisonRow = {
    scenario,
    metric: budget.metric.name,
    baseline,
    current,
    ratio: baseline !== null && current !== null && baseline !== 0 ? current / baseline : null,
    threshold: budget.text,
    verdict: "ok",
    note: "budget",
  };
  if (current === null) return { ...row, verdict: "missing", note: "budget: not measured in this run" };
  return within(current, budget) ? row : { ...row, verdict: "budget_failed" };
}

function within(value: number, b: Budget): boolean {
  switch (b.op) {
    case "<":
      return value < b.limit;
    case "<=":
      return value <= b.limit;
    case ">":
      return value > b.limit;
    case ">=":
      return value >= b.limit;
  }
}

function missingRow(scenario: string, note: string): ComparisonRow {
  return {
    scenario,
    metric: "-",
    baseline: null,
    current: null,
    ratio: null,
    threshold: "-",
    verdict: "missing",
    note,
  };
}

export function formatP(p: number): string {
  return p < 0.001 ? "p<0.001" : `p=${p.toFixed(3)}`;
}
