/**
 * The selector's learnt part: multinomial naive Bayes over words, bigrams and concepts, trained on
 * labelled tasks plus each agent's own description (weighted as a few tasks), with a uniform prior
 * so an agent's share of the labels is not evidence. Every agent has its description as an
 * example, so agents nobody labelled are still scored, only from less text.
 */
import { textFeatures } from "./features.js";
import { type Example, posterior, trainNaiveBayes } from "./naive-bayes.js";
import { splitDescription } from "./referrals.js";
import type { TrainingExample } from "./training.js";
import type { SelectableAgent } from "./types.js";

/** How many labelled tasks one agent description counts as; chosen by 5-fold CV. */
const DESCRIPTION_WEIGHT = 3;

/** Features per example object: the shipped examples are reused by every selector a process builds. */
const featureCache = new WeakMap<TrainingExample, string[]>();

function exampleFeatures(e: TrainingExample): string[] {
  let f = featureCache.get(e);
  if (!f) {
    f = textFeatures(e.task);
    featureCache.set(e, f);
  }
  return f;
}

export interface LearntScorer {
  /** P(agent | task) for each agent, in the order the agents were given; null when the task has no known feature. */
  posterior(task: string): Float64Array | null;
}

/** Null when no example is labelled with one of `agents` (nothing to learn beyond BM25). */
export function createLearntScorer(
  agents: readonly SelectableAgent[],
  examples: readonly TrainingExample[] | null,
): LearntScorer | null {
  const names = new Set(agents.map((a) => a.name));
  const labelled = (examples ?? []).filter((e) => names.has(e.expected[0] ?? ""));
  if (labelled.length === 0) return null;
  const training: Example[] = [
    ...agents.map((a) => ({
      features: textFeatures(`${a.name.replace(/-/g, " ")} ${splitDescription(a.description).positive}`),
      label: a.name,
      weight: DESCRIPTION_WEIGHT,
    })),
    ...labelled.map((e) => ({ features: exampleFeatures(e), label: e.expected[0]! })),
  ];
  const model = trainNaiveBayes(training, { uniformPrior: true });
  const vocabulary = new Set(training.flatMap((e) => e.features));
  const order = agents.map((a) => model.labels.indexOf(a.name));
  return {
    posterior(task) {
      const features = textFeatures(task).filter((f) => vocabulary.has(f));
      if (features.length === 0) return null;
      const p = posterior(model.logScores(features));
      return Float64Array.from(order, (i) => p[i] ?? 0);
    },
  };
}
