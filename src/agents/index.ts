export { firstParagraph, loadConfigAgents } from "./from-config.js";
export {
  guessAgentName,
  MAX_AGENT_FILE_BYTES,
  parseAgentFile,
  splitFrontmatter,
  splitTools,
} from "./parse.js";
export { builtinAgentsDir, type LoadAgentsOptions, loadAgents } from "./registry.js";
export type { AgentDefinition, AgentOrigin, AgentOverride, AgentRegistry, AgentSource } from "./types.js";
