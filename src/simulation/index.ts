export { classifyTaskKind, tierOfModel } from "./classify.js";
export {
  DEFAULT_RETRY_AFTER_MS,
  drawFault,
  type Fault,
  type FaultKind,
  type FaultRates,
  hasFaults,
  validateFaultRates,
} from "./faults.js";
export { type PlanInput, planResponse, type ResponsePlan } from "./plan.js";
export {
  agentLengthFactor,
  DEFAULT_TIER,
  type LengthProfile,
  OUTPUT_LENGTH,
  TIER_PROFILES,
  type TierProfile,
} from "./profiles.js";
export { createRng, hashSeed, type Rng } from "./rng.js";
export { SIMULATED_MARKER, type SyntheticTextInput, syntheticText } from "./text.js";
export { CHARS_PER_TOKEN, estimateRequestTokens, estimateTokens, MESSAGE_OVERHEAD_TOKENS } from "./tokens.js";
