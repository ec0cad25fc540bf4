// The benchmark library: every `claude-force bench` command is one of these functions.

export { type AccuracyOptions, benchmarkAccuracy } from "./accuracy.js";
export {
  benchmarkAgent,
  benchmarkWorkflow,
  type SingleBenchOptions,
  type WorkflowBenchOptions,
} from "./agent.js";
export {
  type AggregatorOptions,
  type LiveStats,
  meanHandoff,
  type Outcome,
  ScenarioAggregator,
  type ScenarioInfo,
  slowestStep,
} from "./aggregate.js";
export { type Assertion, compileAssertions, extractJson, passAtK, passHatK } from "./assertions.js";
export { CostAccumulator, HAIKU_TARGET, type Pricing } from "./cost.js";
export { createRunLimits, type RunLimits, worstCaseCost } from "./limits.js";
export { type LoadTestOptions, loadTest, measureThroughputLevel } from "./load.js";
export { ResultsWriter, readResults, type WrittenFiles } from "./results-writer.js";
export { loadRun, resumeRun } from "./resume.js";
export {
  DEFAULT_ITERATIONS,
  DEFAULT_LADDER,
  DEFAULT_WARMUP,
  defaultThroughputTasks,
  measureAccuracy,
  type RunBenchmarksOptions,
  runBenchmarks,
} from "./run.js";
export { collectRunMeta, gitCommit, runFingerprint } from "./run-meta.js";
export {
  BUILTIN_SCENARIOS,
  DEFAULT_WORKFLOW_TASK,
  definitionHash,
  type ScenarioDef,
  scenarioNames,
  selectScenarios,
} from "./scenarios.js";
export {
  type BenchCallbacks,
  BenchSession,
  type ExecutionEvent,
  type IterationEvent,
  type Phase,
  type ProgressEvent,
  type ScenarioSpec,
} from "./session.js";
export { type RunSuiteOptions, runSuite } from "./suite.js";
export { type LoadedSuite, loadSuite, type SuiteFile, suiteSchema } from "./suite-file.js";
export * from "./types.js";
