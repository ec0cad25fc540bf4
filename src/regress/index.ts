// Regression gating: baselines, rules, budgets, fingerprints and their renderings.
export type { AnyResults, LegacyResults, SavedBaseline } from "./baseline.js";
export {
  DEFAULT_BASELINE_FILE,
  DEFAULT_RESULTS_FILE,
  isLegacy,
  loadBaseline,
  loadResultsFile,
  saveBaseline,
  validateResults,
} from "./baseline.js";
export type { CompareOptions } from "./compare.js";
export { compareResults, DEFAULT_ALPHA, RUN_SCOPE } from "./compare.js";
export type {
  Budget,
  BudgetConfig,
  ConfigSourceRef,
  RegressionConfig,
  RuleConfig,
  RuleSet,
} from "./config.js";
export { normalizeRules, parseBudgets, parseComparator, parseRegressionConfig } from "./config.js";
export { fingerprintDifferences } from "./fingerprint.js";
export {
  COMMENT_MARKER,
  renderComparisonJUnit,
  renderComparisonMarkdown,
  renderComparisonTable,
} from "./format.js";
export type { Direction, MetricDef } from "./metrics.js";
export { GUIDE_RULES, METRICS, metricByName } from "./metrics.js";
export type * from "./types.js";
