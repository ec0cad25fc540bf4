export {
  CLAUDE_JSON,
  CONFIG_FILE_NAMES,
  DEFAULT_MODEL_MAP,
  DEFAULT_TRACKING_DATABASE,
} from "./defaults.js";
export { describeValue } from "./format.js";
export { type ConfigOrigin, type LoadedConfig, loadConfig } from "./load.js";
export { type LoadProjectOptions, loadProject, type Project } from "./project.js";
export {
  type AgentEntry,
  AgentEntrySchema,
  type ClaudeForceConfig,
  ClaudeJsonSchema,
  type ConfigFile,
  ConfigFileSchema,
  type PriceEntry,
  PriceSchema,
  type WorkflowEntry,
  WorkflowEntrySchema,
  WorkflowStepSchema,
} from "./schema.js";
export { type ConfigSource, readConfigSource } from "./source.js";
export { didYouMean, editDistance, suggest } from "./suggest.js";
export { type LineOf, validateSection } from "./validate.js";
