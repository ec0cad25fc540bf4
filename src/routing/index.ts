export {
  type Classification,
  type ClassifyOptions,
  type Complexity,
  classifyComplexity,
  type TierSignals,
  tierSignals,
} from "./classify.js";
export {
  COMPLEXITY_TIER,
  isModelId,
  type ModelChoice,
  parseModelChoice,
  type RouteOptions,
  routeModel,
  tierOfModel,
} from "./model.js";
