export { BUILTIN_WORKFLOWS } from "./builtin.js";
export { loadWorkflows, normalizeWorkflow } from "./registry.js";
export type { WorkflowDefinition, WorkflowRegistry, WorkflowStep } from "./types.js";
