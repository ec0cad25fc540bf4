export {
  type Classification,
  type ClassifyOptions,
  type Complexity,
  classifyComplexity,
  classifyWith,
  ruleClassification,
  type TierSignals,
  tierSignals,
} from "./classify.js";
export { requestText, tierFeatures } from "./features.js";
export {
  predictTier,
  shippedTierModel,
  type TierModelFile,
  type TierPrediction,
  toLogisticModel,
  trainTierModel,
} from "./learnt.js";
export { type LogisticModel, type LogisticOptions, predictLogistic, trainLogistic } from "./logistic.js";
export {
  COMPLEXITY_TIER,
  isModelId,
  type ModelChoice,
  parseModelChoice,
  type RouteOptions,
  routeModel,
  tierOfModel,
} from "./model.js";
