/**
 * The tier classifier behind `--model auto`: simple → Haiku, standard → Sonnet, critical → Opus.
 * By default the learnt model decides (it reads the rules' signals and the request's words, and
 * was chosen over the rules alone because it does better on writers it never saw); the rules'
 * reason is kept so a decision stays explainable. Keywords a user configured are explicit intent:
 * when one matches, the rules (which weigh it as a full signal) decide; and a task the rules call
 * critical is never routed to simple.
 */
import { predictTier, shippedTierModel } from "./learnt.js";
import type { LogisticModel } from "./logistic.js";
import {
  type Classification,
  type ClassifyOptions,
  classifySignals,
  type TierSignals,
  tierSignals,
} from "./rules.js";

export type { Classification, ClassifyOptions, Complexity, TierSignals } from "./rules.js";
export { ruleClassification, tierSignals } from "./rules.js";

function ownKeywords(opts: ClassifyOptions): string[] {
  return [...(opts.simpleKeywords ?? []), ...(opts.criticalKeywords ?? [])].map((k) =>
    k.trim().toLowerCase(),
  );
}

function userKeywordMatched(signals: TierSignals, opts: ClassifyOptions): boolean {
  const own = ownKeywords(opts);
  return (
    own.length > 0 && [...signals.simple.labels, ...signals.critical.labels].some((l) => own.includes(l))
  );
}

/**
 * Decisions are pure functions of the task and options, and benchmarks send the same task many
 * times: remembering recent ones keeps routing (about 0.05 ms with the model) out of the measured
 * per-execution overhead.
 */
const MEMO_SIZE = 2048;
const memo = new Map<string, Classification>();

export function classifyComplexity(task: string, opts: ClassifyOptions = {}): Classification {
  const key = [
    opts.classifier ?? "",
    ...(opts.simpleKeywords ?? []),
    "\u0001",
    ...(opts.criticalKeywords ?? []),
    task,
  ].join("\u0000");
  const hit = memo.get(key);
  if (hit) return hit;
  const decision = classifyWith(opts.classifier === "rules" ? null : shippedTierModel(), task, opts);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, decision);
  return decision;
}

/** Classify with a given model (null: the rules alone); validation uses it with models trained on part of the data. */
export function classifyWith(
  model: LogisticModel | null,
  task: string,
  opts: ClassifyOptions = {},
): Classification {
  const signals = tierSignals(task, opts);
  const rules = classifySignals(signals);
  if (!model || opts.classifier === "rules" || userKeywordMatched(signals, opts)) return rules;
  // The model was trained on the built-in signals alone: with keywords of the user's (none of
  // which matched here) configured, it gets those, recomputed without them.
  const prediction = predictTier(model, task, ownKeywords(opts).length > 0 ? undefined : signals);
  // Sending work the rules call critical (payments, security, production) to the cheapest model is
  // the costly mistake: the model may raise or keep a tier there, never drop it to simple.
  if (rules.complexity === "critical" && prediction.complexity === "simple")
    return { complexity: "critical", reason: `${rules.reason}; kept although the learnt model said simple` };
  const { complexity, probabilities } = prediction;
  const p = probabilities[complexity].toFixed(2);
  if (complexity === rules.complexity)
    return { complexity, reason: `${rules.reason}; learnt model agrees (p ${p})` };
  return { complexity, reason: `${complexity} (learnt model, p ${p}; the rules said ${rules.reason})` };
}
