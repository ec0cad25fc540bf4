// Public API: re-exports only.

export type * from "./bench/types.js";
export { RESULTS_SCHEMA_VERSION } from "./bench/types.js";
export type { ErrorCode, ErrorDetails } from "./errors.js";
export { ClaudeForceError, EXIT_CODES } from "./errors.js";
export type * from "./orchestrator/types.js";
export * from "./providers/types.js";
export type { ExecutionRecord, LegacyMetricRecord, RoutingDecision } from "./tracking/types.js";
export { toLegacyRecord } from "./tracking/types.js";
export { VERSION } from "./version.js";
