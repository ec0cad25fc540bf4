// The performance tracker: records executions into a per-project DuckDB database and queries them.

export {
  type AgentStats,
  EXPORT_FORMATS,
  type ExportFormat,
  type GroupStats,
  type MetricsFilter,
  type MetricsSummary,
  type ModelStats,
  type StoredAttempt,
} from "./queries.js";
export { SCHEMA_VERSION } from "./schema.js";
export { parseSince } from "./since.js";
export { DEFAULT_DATABASE, PerformanceTracker, type TrackerOptions } from "./tracker.js";
export * from "./types.js";
