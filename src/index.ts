// Public API: re-exports only. Everything the CLI does is reachable from here.

export type { AgentDefinition, AgentRegistry, AgentSource } from "./agents/index.js";
// Agents, config, workflows
export { loadAgents, parseAgentFile } from "./agents/index.js";
// Benchmarks
export {
  BUILTIN_SCENARIOS,
  benchmarkAccuracy,
  benchmarkAgent,
  benchmarkWorkflow,
  createRunLimits,
  loadSuite,
  loadTest,
  measureThroughputLevel,
  readResults,
  resumeRun,
  runBenchmarks,
  runSuite,
} from "./bench/index.js";
export type * from "./bench/types.js";
export { RESULTS_SCHEMA_VERSION } from "./bench/types.js";
export type { ClaudeForceConfig, LoadedConfig, Project } from "./config/index.js";
export { DEFAULT_MODEL_MAP, loadConfig, loadProject } from "./config/index.js";
// Distributed runs (Redis is loaded only when these are called with a queue)
export { attachQueue, executeSpecs, startWorker } from "./distributed/index.js";
export type { ErrorCode, ErrorDetails } from "./errors.js";
export { ClaudeForceError, EXIT_CODES } from "./errors.js";
export { AgentOrchestrator, type OrchestratorOptions } from "./orchestrator/orchestrator.js";
export { createRuntime, type Runtime, type RuntimeOptions } from "./orchestrator/runtime.js";
export type * from "./orchestrator/types.js";
export { createPacer, pacedProvider } from "./pacing/index.js";
// Pricing, providers
export { PriceBook } from "./pricing/index.js";
export {
  AnthropicProvider,
  classifyError,
  createProvider,
  OpenAIProvider,
  resolveProviderName,
  SimProvider,
  withRetry,
} from "./providers/index.js";
export * from "./providers/types.js";
// Regression gating
export { compareResults, loadBaseline, saveBaseline } from "./regress/index.js";
export type { Comparison, ComparisonRow, Verdict } from "./regress/types.js";
// Reports
export { loadHistory, renderDashboard, renderJUnit, renderMarkdown, writeReports } from "./report/index.js";
export { classifyComplexity, routeModel } from "./routing/index.js";
export { type AgentSelector, createLexicalSelector } from "./selection/index.js";
export { startMockServer } from "./server/index.js";
// Statistics
export { bootstrapCI, LatencyRecorder, percentile } from "./stats/index.js";
export { mannWhitneyU } from "./stats/rank-test.js";
// Tracking
export { PerformanceTracker } from "./tracking/index.js";
export type { ExecutionRecord, LegacyMetricRecord, RoutingDecision } from "./tracking/types.js";
export { toLegacyRecord } from "./tracking/types.js";
export { VERSION } from "./version.js";
export type { WorkflowDefinition, WorkflowRegistry } from "./workflows/index.js";
export { BUILTIN_WORKFLOWS, loadWorkflows } from "./workflows/index.js";
