export { CONCEPT_LEXICON, conceptsOf } from "./concepts.js";
export {
  assignFolds,
  type CrossValidation,
  crossValidateSelector,
  type FoldPrediction,
  type LabelledExample,
  rates,
} from "./cross-validate.js";
export { textFeatures } from "./features.js";
export {
  createLexicalSelector,
  DEFAULT_BOOST,
  DEFAULT_PENALTY,
  DEFAULT_SPECIFICITY,
  isLexicalSelector,
  type LexicalSelector,
  type LexicalSelectorOptions,
} from "./lexical.js";
export {
  type Example,
  type NaiveBayes,
  type NaiveBayesOptions,
  posterior,
  trainNaiveBayes,
} from "./naive-bayes.js";
export { type DescriptionParts, splitDescription } from "./referrals.js";
export { analyse, nameText, stem, tokenize } from "./tokenize.js";
export { shippedExamples, type TrainingExample } from "./training.js";
export type { AgentSelector, RankedAgent, RankOptions, SelectableAgent } from "./types.js";
