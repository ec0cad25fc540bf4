export {
  createLexicalSelector,
  DEFAULT_BOOST,
  DEFAULT_PENALTY,
  DEFAULT_SPECIFICITY,
  type LexicalSelectorOptions,
} from "./lexical.js";
export { type DescriptionParts, splitDescription } from "./referrals.js";
export { analyse, nameText, stem, tokenize } from "./tokenize.js";
export type { AgentSelector, RankedAgent, RankOptions, SelectableAgent } from "./types.js";
