export {
  type Classification,
  type ClassifyOptions,
  type Complexity,
  classifyComplexity,
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
